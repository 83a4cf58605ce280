#include "fleetstate.h"

#include "../store/store.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <tuple>

namespace vigil {

FleetState::FleetState(std::vector<MetricQuery> metrics, HostIdentity identity)
    : m_metrics(std::move(metrics))
    , m_identity(std::move(identity))
    , m_snapshot(std::make_shared<FleetSnapshot>()) {}

void FleetState::addSource(const SourceHealth &health) {
    auto [it, inserted] = m_health.emplace(health.id, health);
    if (!inserted) {
        // Keep what the cache knew (last success, errors) but take the configured URL and interval.
        it->second.url = health.url;
        it->second.intervalMs = health.intervalMs;
        it->second.name = health.name;
        it->second.kind = health.kind;
    }
    m_snapshot = build();
}

std::vector<std::string> FleetState::externalLabelsOf(const Config &config) {
    std::vector<std::string> out;
    for (const auto &src : config.sources)
        out.insert(out.end(), src.externalLabels.begin(), src.externalLabels.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void FleetState::replay(CachedState state, TimeMs at, TimeMs windowFrom, TimeMs windowTo) {
    m_asOf = at;
    m_replayFrom = windowFrom;
    m_replayTo = windowTo;
    m_health.clear();
    m_prom.clear();
    m_am.clear();
    m_firstSeen.clear();
    m_notes.clear();
    m_acks.clear();
    restore(std::move(state));
}

void FleetState::restore(CachedState cache) {
    m_fromCache = m_asOf == 0;
    m_alertsDirty = true;
    m_allHostsChanged = true;
    for (const auto &s : cache.sources)
        m_health[s.id] = s;
    // Cached hosts keep their metric columns only if the profile still has the same metrics in order.
    const bool sameMetrics =
        cache.metrics.size() == m_metrics.size() &&
        std::equal(cache.metrics.begin(), cache.metrics.end(), m_metrics.begin(),
                   [](const MetricQuery &a, const MetricQuery &b) { return a.key == b.key; });
    PromPart *part = nullptr; // hosts come grouped by source: one lookup per run of them
    const std::string *partSource = nullptr;
    static const std::string kCache = "cache";
    for (auto &h : cache.hosts) {
        Host copy = std::move(h);
        if (!sameMetrics)
            copy.metrics.assign(m_metrics.size(), std::nan(""));
        const std::string &src = copy.sources.empty() ? kCache : copy.sources.front();
        if (!part || *partSource != src) {
            part = &m_prom[src];
            partSource = &m_prom.find(src)->first;
        }
        part->hosts.push_back(std::move(copy));
    }
    for (auto &[id, part] : m_prom)
        std::sort(part.hosts.edit().begin(), part.hosts.edit().end(),
                  [](const Host &a, const Host &b) { return a.name < b.name; });
    for (const auto &f : cache.facts) {
        for (auto &[id, part] : m_prom) {
            auto it = std::lower_bound(part.hosts.begin(), part.hosts.end(), f.host,
                                       [](const Host &h, const std::string &n) { return h.name < n; });
            if (it != part.hosts.end() && it->name == f.host) {
                part.facts.push_back(f);
                break;
            }
        }
    }
    for (const auto &a : cache.alerts) {
        const std::string src = a.seenBy.empty() ? std::string("cache") : a.seenBy.front();
        if (a.state == AlertState::Pending || a.state == AlertState::Firing)
            m_prom[src].ruleAlerts.push_back(a);
        else
            m_am[src].alerts.push_back(a);
    }
    for (const auto &r : cache.rules)
        m_prom[r.source.empty() ? std::string("cache") : r.source].rules.push_back(r);
    m_notes = cache.notes;
    for (const auto &a : cache.acks)
        m_acks[a.incident] = a;
    for (const auto &s : cache.silences) {
        const std::string src = s.seenBy.empty() ? std::string("cache") : s.seenBy.front();
        m_am[src].silences.push_back(s);
    }
    if (!cache.joined.empty() || !cache.runsOn.empty()) { // a snapshot file's come with setRecordedJoins
        setRecordedJoins(std::move(cache.joined), std::move(cache.runsOn));
        m_storedJoined = m_recordedJoined;
        m_storedRunsOn = m_recordedRunsOn;
    }
    m_snapshot = build();
}

FleetState::Update FleetState::apply(const PollData &poll) {
    auto batch = std::make_shared<StoreBatch>();
    batch->time = poll.time;
    batch->metrics = m_metrics;
    batch->polled.push_back(poll.health);
    const std::string &id = poll.health.id;
    m_health[id] = poll.health;

    for (std::size_t j = 0; j < poll.joins.size() && j < m_joins.size(); ++j)
        if (poll.joins[j]) {
            auto &tables = m_prom[id].joins;
            tables.resize(m_joins.size());
            if (tables[j] != *poll.joins[j]) {
                tables[j] = *poll.joins[j];
                m_joinedDirty = true;
                m_alertsDirty = true; // placed by the joins
            }
        }
    if (poll.hasInventory)
        applyInventory(poll, *batch);
    if (poll.hasRuleAlerts)
        m_prom[id].ruleAlerts = poll.ruleAlerts;
    if (poll.hasEdges)
        m_prom[id].edges = poll.edges;
    if (poll.hasRules && m_prom[id].rules != poll.rules) {
        m_prom[id].rules = poll.rules;
        batch->rulesReplaced.emplace_back(id, poll.rules);
    }
    if (poll.hasAlerts)
        m_am[id].alerts = poll.alerts;
    if (poll.hasGroups)
        m_am[id].groups = poll.groups;
    if (poll.hasSilences) {
        m_am[id].silences = poll.silences;
        batch->silencesReplaced = true;
    }
    if (poll.hasAlerts || poll.hasRuleAlerts) {
        m_alertsDirty = true;
        m_am.erase("cache");
        if (auto c = m_prom.find("cache"); c != m_prom.end())
            c->second.ruleAlerts.clear();
    }

    // Alert diff against the previous snapshot.
    const auto previous = m_snapshot;
    m_lastReceivedNs = poll.timings.receivedNs;
    auto snap = build();
    if (poll.hasAlerts || poll.hasRuleAlerts)
        alertChanges(*previous, *snap, *batch);
    if (batch->silencesReplaced)
        batch->silences = snap->silences;
    // The join tables changed (pods come and go on every poll of a busy cluster): the cache keeps what
    // they give when that changed.
    auto same = [](const auto &a, const auto &b) { return a == b || (a && b && *a == *b); };
    if (!same(snap->joined, m_storedJoined) || !same(snap->runsOn, m_storedRunsOn)) {
        batch->joinsReplaced = true;
        batch->joined = snap->joined;
        batch->runsOn = snap->runsOn;
    }
    m_storedJoined = snap->joined;
    m_storedRunsOn = snap->runsOn;
    m_snapshot = snap;
    return {snap, batch};
}

// A poll's inventory (and facts): hosts placed by the joins, metrics that failed kept at their last
// values, and what changed for the store and the next snapshot.
void FleetState::applyInventory(const PollData &poll, StoreBatch &batch) {
    m_fromCache = false;
    auto &part = m_prom[poll.health.id];
    HostList next = poll.hosts; // shared with the poll until something below writes
    if (!std::is_sorted(next.begin(), next.end(),
                        [](const Host &a, const Host &b) { return a.name < b.name; }))
        std::sort(next.edit().begin(), next.edit().end(),
                  [](const Host &a, const Host &b) { return a.name < b.name; });
    // Hosts placed by the joins (a node in its zone) as they are stored: the cache and snapshot
    // files keep the placement.
    if (!m_joins.empty())
        for (auto &h : next.edit())
            place(h);
    // A metric whose query failed keeps its last values (the last good state stays on screen).
    for (std::size_t mi = 0; mi < poll.metricOk.size(); ++mi) {
        if (poll.metricOk[mi])
            continue;
        for (auto &h : next.edit()) {
            auto it = std::lower_bound(part.hosts.begin(), part.hosts.end(), h.name,
                                       [](const Host &x, const std::string &n) { return x.name < n; });
            if (it != part.hosts.end() && it->name == h.name && mi < it->metrics.size())
                h.metrics[mi] = it->metrics[mi];
        }
    }
    // Host diff for the store (sorted merge).
    auto oldIt = part.hosts.begin();
    for (const auto &h : next) {
        while (oldIt != part.hosts.end() && oldIt->name < h.name)
            batch.hostsGone.push_back((oldIt++)->name);
        if (oldIt != part.hosts.end() && oldIt->name == h.name) {
            if (oldIt->labels != h.labels || oldIt->up != h.up)
                batch.hostsChanged.push_back(h);
            ++oldIt;
        } else {
            batch.hostsChanged.push_back(h);
        }
    }
    for (; oldIt != part.hosts.end(); ++oldIt)
        batch.hostsGone.push_back(oldIt->name);
    batch.hostSamples = next;
    part.hosts = std::move(next);
    // Cache-restored hosts are now owned by a live source.
    if (m_prom.erase("cache"))
        m_allHostsChanged = true;
    if (poll.hasFacts) {
        auto less = [](const Fact &a, const Fact &b) {
            return std::tie(a.host, a.name, a.value) < std::tie(b.host, b.name, b.value);
        };
        if (!std::is_sorted(part.facts.begin(), part.facts.end(), less))
            std::sort(part.facts.edit().begin(), part.facts.edit().end(), less);
        std::set_difference(poll.facts.begin(), poll.facts.end(), part.facts.begin(), part.facts.end(),
                            std::back_inserter(batch.factsAppeared), less);
        std::set_difference(part.facts.begin(), part.facts.end(), poll.facts.begin(), poll.facts.end(),
                            std::back_inserter(batch.factsEnded), less);
        part.facts = poll.facts;
    }
    for (const auto &h : batch.hostsChanged)
        m_changedHosts.push_back(h.name);
    m_changedHosts.insert(m_changedHosts.end(), batch.hostsGone.begin(), batch.hostsGone.end());
    for (const auto *list : {&batch.factsAppeared, &batch.factsEnded})
        for (const auto &f : *list)
            if (m_changedHosts.empty() || m_changedHosts.back() != f.host)
                m_changedHosts.push_back(f.host);
}

// The alerts that came, changed or went between two snapshots, for the store.
void FleetState::alertChanges(const FleetSnapshot &previous, const FleetSnapshot &snap, StoreBatch &batch) {
    std::unordered_map<std::string_view, const Alert *> before;
    before.reserve(previous.alerts.size());
    for (const auto &a : previous.alerts)
        before.emplace(a.fingerprint, &a);
    for (const auto &a : snap.alerts) {
        auto it = before.find(a.fingerprint);
        if (it == before.end() || it->second->state != a.state || it->second->silencedBy != a.silencedBy ||
            it->second->inhibitedBy != a.inhibitedBy || it->second->seenBy != a.seenBy ||
            it->second->placement != a.placement)
            batch.alertsChanged.push_back(a);
        if (it != before.end())
            before.erase(it);
    }
    for (const auto &[fp, a] : before)
        batch.alertsResolved.emplace_back(fp);
}

std::shared_ptr<StoreBatch> FleetState::absorbQuiet(const PollData &poll) {
    const bool content =
        poll.hasInventory || poll.hasFacts || poll.hasEdges || poll.hasRules || poll.hasRuleAlerts ||
        poll.hasAlerts || poll.hasGroups || poll.hasSilences ||
        std::any_of(poll.joins.begin(), poll.joins.end(), [](const auto &j) { return j.has_value(); });
    auto it = m_health.find(poll.health.id);
    if (content || it == m_health.end() || m_fromCache)
        return nullptr;
    const SourceHealth &was = it->second;
    if (was.lastError != poll.health.lastError || was.warnings != poll.health.warnings ||
        was.version != poll.health.version || was.healthy() != poll.health.healthy() ||
        was.intervalMs != poll.health.intervalMs)
        return nullptr;
    auto batch = std::make_shared<StoreBatch>();
    batch->time = poll.time;
    batch->metrics = m_metrics;
    batch->polled.push_back(poll.health);
    it->second = poll.health;
    m_lastReceivedNs = poll.timings.receivedNs;
    return batch;
}

FleetSnapshotPtr FleetState::rebuild() {
    m_snapshot = build();
    return m_snapshot;
}

FleetState::Update FleetState::addNote(IncidentNote note) {
    auto batch = std::make_shared<StoreBatch>();
    batch->time = note.time;
    batch->notesAdded.push_back(note);
    m_notes.push_back(std::move(note));
    m_snapshot = build();
    return {m_snapshot, batch};
}

FleetState::Update FleetState::setAck(Acknowledgement ack) {
    auto batch = std::make_shared<StoreBatch>();
    batch->time = nowMs();
    batch->acksSet.push_back(ack);
    m_acks[ack.incident] = std::move(ack);
    m_snapshot = build();
    return {m_snapshot, batch};
}

FleetState::Update FleetState::clearAck(const std::string &incident) {
    auto batch = std::make_shared<StoreBatch>();
    batch->time = nowMs();
    batch->acksCleared.push_back(incident);
    m_acks.erase(incident);
    m_snapshot = build();
    return {m_snapshot, batch};
}

FleetSnapshotPtr FleetState::build() {
    auto s = std::make_shared<FleetSnapshot>();
    s->generation = ++m_generation;
    s->builtAt = m_asOf ? m_asOf : nowMs();
    s->fromCache = m_fromCache;
    s->asOf = m_asOf;
    s->replayFrom = m_replayFrom;
    s->replayTo = m_replayTo;
    std::sort(m_changedHosts.begin(), m_changedHosts.end());
    m_changedHosts.erase(std::unique(m_changedHosts.begin(), m_changedHosts.end()), m_changedHosts.end());
    s->changedHosts = std::move(m_changedHosts);
    m_changedHosts.clear();
    s->allHostsChanged = m_allHostsChanged;
    m_allHostsChanged = false;
    s->pollReceivedNs = m_lastReceivedNs;
    s->metrics = m_metrics;
    for (const auto &[id, h] : m_health)
        s->sources.push_back(h);

    mergeHosts(*s);
    mergeEdges(*s);
    mergeRulesAndGroups(*s);
    mergeSilences(*s);
    const bool joined = attachJoins(*s);
    // No source brought alerts since the last snapshot: its alerts, as they were merged and placed.
    if (m_alertsDirty) {
        std::vector<Alert> alerts = mergeAlerts();
        placeAlerts(alerts, s->builtAt, joined);
        m_alerts = std::move(alerts);
        m_alertsDirty = false;
    }
    s->alerts = m_alerts;
    countHostAlerts(*s);
    s->notes = m_notes;
    for (const auto &[k, a] : m_acks)
        s->acks.push_back(a);
    summarize(*s);
    if (m_analyzer)
        m_analyzer(*s);
    return s;
}

// Hosts: merge shards; a host reported by several sources is one host.
void FleetState::mergeHosts(FleetSnapshot &s) {
    std::size_t total = 0;
    for (const auto &[id, part] : m_prom)
        total += part.hosts.size();
    if (m_prom.size() == 1 && m_asOf) {
        // A replay's state is rebuilt for every moment: the snapshot takes it over.
        s.hosts = std::move(m_prom.begin()->second.hosts);
        s.facts = std::move(m_prom.begin()->second.facts);
    } else if (m_prom.size() == 1) {
        s.hosts = m_prom.begin()->second.hosts;
        s.facts = m_prom.begin()->second.facts;
    } else {
        std::vector<Host> hosts;
        std::vector<Fact> facts;
        hosts.reserve(total);
        for (const auto &[id, part] : m_prom) {
            hosts.insert(hosts.end(), part.hosts.begin(), part.hosts.end());
            facts.insert(facts.end(), part.facts.begin(), part.facts.end());
        }
        std::stable_sort(hosts.begin(), hosts.end(),
                         [](const Host &a, const Host &b) { return a.name < b.name; });
        std::vector<Host> merged;
        merged.reserve(hosts.size());
        for (auto &h : hosts) {
            if (!merged.empty() && merged.back().name == h.name) {
                auto &m = merged.back();
                if (h.up == UpState::Up)
                    m.up = UpState::Up;
                for (std::size_t i = 0; i < m.metrics.size() && i < h.metrics.size(); ++i)
                    if (std::isnan(m.metrics[i]))
                        m.metrics[i] = h.metrics[i];
                m.sources.insert(m.sources.end(), h.sources.begin(), h.sources.end());
            } else {
                merged.push_back(std::move(h));
            }
        }
        s.hosts = std::move(merged);
        std::sort(facts.begin(), facts.end(), [](const Fact &a, const Fact &b) {
            return std::tie(a.host, a.name, a.value) < std::tie(b.host, b.name, b.value);
        });
        facts.erase(std::unique(facts.begin(), facts.end()), facts.end());
        s.facts = std::move(facts);
    }
}

// Edges: the config's, then measured ones (which carry rates) by (from, to).
void FleetState::mergeEdges(FleetSnapshot &s) const {
    std::map<std::pair<std::string, std::string>, ServiceEdge> edges;
    for (const auto &e : m_staticEdges)
        edges[{e.from, e.to}] = e;
    for (const auto &[id, part] : m_prom)
        for (const auto &e : part.edges) {
            auto &slot = edges[{e.from, e.to}];
            if (slot.from.empty() || std::isnan(slot.requestsPerSecond))
                slot = e;
            else {
                slot.requestsPerSecond += e.requestsPerSecond;
                if (!std::isnan(e.errorsPerSecond))
                    slot.errorsPerSecond = std::isnan(slot.errorsPerSecond)
                                               ? e.errorsPerSecond
                                               : slot.errorsPerSecond + e.errorsPerSecond;
            }
        }
    for (auto &[key, e] : edges)
        s.edges.push_back(std::move(e));
}

void FleetState::mergeRulesAndGroups(FleetSnapshot &s) const {
    for (const auto &[id, part] : m_prom)
        s.rules.insert(s.rules.end(), part.rules.begin(), part.rules.end());
    // Alertmanager groups: one per (receiver, labels) across a cluster, fingerprints united.
    {
        std::map<std::pair<std::string, std::string>, AlertmanagerGroup> groups;
        for (const auto &[id, part] : m_am)
            for (const auto &g : part.groups) {
                auto &slot = groups[{g.receiver, g.labels.toString()}];
                if (slot.receiver.empty() && slot.fingerprints.empty()) {
                    slot = g;
                    continue;
                }
                slot.fingerprints.insert(slot.fingerprints.end(), g.fingerprints.begin(),
                                         g.fingerprints.end());
                std::sort(slot.fingerprints.begin(), slot.fingerprints.end());
                slot.fingerprints.erase(std::unique(slot.fingerprints.begin(), slot.fingerprints.end()),
                                        slot.fingerprints.end());
            }
        for (auto &[k, g] : groups)
            s.amGroups.push_back(std::move(g));
        std::stable_sort(s.amGroups.begin(), s.amGroups.end(),
                         [](const AlertmanagerGroup &a, const AlertmanagerGroup &b) {
                             return a.fingerprints.size() > b.fingerprints.size();
                         });
    }
    std::stable_sort(s.rules.begin(), s.rules.end(),
                     [](const AlertRule &a, const AlertRule &b) { return a.name < b.name; });
}

// Silences, one per id across an Alertmanager cluster, tagged with every source that has it.
void FleetState::mergeSilences(FleetSnapshot &s) const {
    for (const auto &[id, part] : m_am)
        for (const auto &sil : part.silences) {
            auto it = std::find_if(s.silences.begin(), s.silences.end(),
                                   [&](const Silence &x) { return x.id == sil.id; });
            if (it == s.silences.end())
                s.silences.push_back(sil);
            else
                it->seenBy.insert(it->seenBy.end(), sil.seenBy.begin(), sil.seenBy.end());
        }
    std::sort(s.silences.begin(), s.silences.end(),
              [](const Silence &a, const Silence &b) { return a.id < b.id; });
}

// Alerts: Alertmanager's view wins (it knows silences and inhibitions); Prometheus adds pending ones
// and firing ones no Alertmanager has (yet). Deduplicated by fingerprint (less any external labels
// the config names, which only Alertmanager's copy carries), tagged with every source.
std::vector<Alert> FleetState::mergeAlerts() const {
    auto mergeKey = [this](const Alert &a) {
        if (m_mergeIgnored.empty())
            return a.fingerprint;
        LabelSet own = a.labels;
        for (const auto &n : m_mergeIgnored)
            own.remove(n);
        return own.fingerprint();
    };
    std::vector<Alert> alerts;
    std::unordered_map<std::string, std::size_t> byKey;
    for (const auto &[id, part] : m_am)
        for (const auto &a : part.alerts) {
            auto [it, inserted] = byKey.emplace(mergeKey(a), alerts.size());
            if (inserted) {
                alerts.push_back(a);
            } else {
                auto &m = alerts[it->second];
                m.seenBy.insert(m.seenBy.end(), a.seenBy.begin(), a.seenBy.end());
                m.updatedAt = std::max(m.updatedAt, a.updatedAt);
            }
        }
    for (const auto &[id, part] : m_prom)
        for (const auto &a : part.ruleAlerts) {
            auto [it, inserted] = byKey.emplace(mergeKey(a), alerts.size());
            if (inserted)
                alerts.push_back(a);
            else
                alerts[it->second].seenBy.insert(alerts[it->second].seenBy.end(), a.seenBy.begin(),
                                                 a.seenBy.end());
        }
    return alerts;
}

bool FleetState::attachJoins(FleetSnapshot &s) {
    const bool joined =
        std::any_of(m_prom.begin(), m_prom.end(), [](const auto &p) { return !p.second.joins.empty(); });
    if (joined) {
        refreshJoined();
        s.joined = m_joined;
        s.runsOn = m_runsOn;
    } else {
        s.joined = m_recordedJoined;
        s.runsOn = m_recordedRunsOn;
    }
    return joined;
}

// A start before 2000 is no start (Go's zero time, 0, a missing field): use when Vigil first saw it,
// never an incident from 1970. Then the joins' placement, the numeric key, the sources in order.
void FleetState::placeAlerts(std::vector<Alert> &alerts, TimeMs builtAt, bool joined) {
    constexpr TimeMs kEarliestStart = 946'684'800'000; // 2000-01-01
    std::unordered_map<std::string, TimeMs> firstSeen;
    for (auto &a : alerts) {
        if (a.startsAt >= kEarliestStart)
            continue;
        auto it = m_firstSeen.find(a.fingerprint);
        a.startsAt = it != m_firstSeen.end() ? it->second : builtAt;
        a.startEstimated = true;
        firstSeen.emplace(a.fingerprint, a.startsAt);
    }
    m_firstSeen = std::move(firstSeen);
    for (auto &a : alerts) {
        if (joined)
            place(a);
        a.key = fingerprintKey(a.fingerprint);
        std::sort(a.seenBy.begin(), a.seenBy.end());
        a.seenBy.erase(std::unique(a.seenBy.begin(), a.seenBy.end()), a.seenBy.end());
    }
    std::sort(alerts.begin(), alerts.end(),
              [](const Alert &a, const Alert &b) { return a.fingerprint < b.fingerprint; });
}

// Active alerts per host: firing, not silenced, not inhibited; beside the hosts, which stay shared.
void FleetState::countHostAlerts(FleetSnapshot &s) {
    const auto &hosts = s.hosts.get();
    if (s.alerts.sharesWith(m_counted.alerts) &&
        std::equal(hosts.begin(), hosts.end(), m_counted.names.begin(), m_counted.names.end(),
                   [](const Host &h, const std::string &name) { return h.name == name; })) {
        s.hostAlerts = m_counted.counts;
        return;
    }
    std::unordered_map<std::string_view, int> perHost;
    for (const auto &a : s.alerts)
        if ((a.state == AlertState::Active || a.state == AlertState::Firing) && !a.isSilenced() &&
            !a.isInhibited())
            ++perHost[m_identity.hostOf(a)];
    s.hostAlerts.assign(s.hosts.size(), 0);
    for (std::size_t i = 0; i < s.hosts.size() && !perHost.empty(); ++i)
        if (auto it = perHost.find(s.hosts[i].name); it != perHost.end())
            s.hostAlerts[i] = it->second;
    m_counted.alerts = s.alerts;
    m_counted.names.resize(hosts.size());
    for (std::size_t i = 0; i < hosts.size(); ++i)
        m_counted.names[i] = hosts[i].name;
    m_counted.counts = s.hostAlerts;
}

} // namespace vigil
