#include "correlation.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <unordered_set>

namespace vigil::analysis {

namespace {

constexpr TimeMs kNever = std::numeric_limits<TimeMs>::max();

bool suppressed(const Alert &a) {
    return a.state == AlertState::Suppressed || a.isSilenced() || a.isInhibited();
}

// A topological cause: a node of the graph with the time its failure began.
constexpr char kByTime = 2, kWorkload = 3; // viaDependency: joined by time alone; a workload's own alert

struct Cause {
    int node = -1;
    CauseKind kind = CauseKind::AlertGroup;
    TimeMs onset = kNever;
};

} // namespace

Correlator::Correlator(CorrelationOptions options)
    : m_opt(std::move(options))
    , m_rates({m_opt.window, m_opt.lead}) {}

std::uint32_t Correlator::locate(const FleetGraph &g, const Alert &a, std::uint64_t k, bool *fresh) {
    auto [it, inserted] = m_slots.try_emplace(k, static_cast<std::uint32_t>(m_entries.size()));
    if (inserted)
        m_entries.emplace_back();
    *fresh = inserted;
    const std::uint32_t slot = it->second;
    Located &l = m_entries[slot];
    if (!inserted && l.groupKey >= 0)
        return slot;
    l.host = g.host(m_opt.identity.hostOf(a));
    if (l.host >= 0) {
        l.service = g.node(l.host).service;
    } else {
        l.group = g.group(a.labels);
    }
    if (l.service < 0) {
        const auto svc = a.label(m_opt.serviceLabel);
        if (!svc.empty())
            l.service = g.service(svc);
    }
    l.severity = static_cast<std::uint8_t>(severityRank(a.severity()));
    l.podSubject = podIsSubject(a, m_opt.identity, g);
    const auto rule = m_forByName.find(a.name());
    l.forMs = rule == m_forByName.end() ? 0 : rule->second;
    l.failure = l.severity >= m_opt.causeSeverity ||
                (!m_opt.causeAlerts.empty() && std::find(m_opt.causeAlerts.begin(), m_opt.causeAlerts.end(),
                                                         a.name()) != m_opt.causeAlerts.end());
    // The values of the groupBy labels the alert has ("KubePodNotReady, checkout"): never a leading
    // comma for a missing one.
    std::string groupKey;
    for (const auto &label : m_opt.groupBy)
        if (const auto v = a.labels.value(label); !v.empty()) {
            if (!groupKey.empty())
                groupKey += ", ";
            groupKey += v;
        }
    auto [gk, added] = m_groupKeyIds.try_emplace(std::move(groupKey), static_cast<int>(m_groupKeys.size()));
    if (added)
        m_groupKeys.push_back(gk->first);
    l.groupKey = gk->second;
    return slot;
}

std::shared_ptr<TriageResult> Correlator::update(const FleetGraphPtr &graphPtr,
                                                 const std::vector<Alert> &alerts, TimeMs now) {
    auto result = std::make_shared<TriageResult>();
    result->computedAt = now;
    result->flapReturns = m_opt.flapReturns;
    result->identity = m_opt.identity;
    result->serviceLabel = m_opt.serviceLabel;
    result->groupBy = m_opt.groupBy;
    const std::size_t n = alerts.size();
    result->incidentOf.assign(n, -1);
    result->returns.assign(n, 0);
    if (!graphPtr)
        return result;
    const FleetGraph &g = *graphPtr;
    if (graphPtr != m_graph) {
        // Places in the old graph are void; presence history is kept.
        m_graph = graphPtr;
        for (auto &l : m_entries) {
            l.host = l.group = l.service = -1;
            l.groupKey = -1;
        }
    }
    const std::size_t nodes = g.nodes().size();

    // Place every alert; an alert absent from the previous update that is back has "returned".
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    auto &positions = m_scratch.positions;
    positions.assign(n, {0, kNone});
    auto &live = m_scratch.live;
    live.assign(n, 0);
    // What later passes need of each alert, read once: Alert is large and 100,000 of them do not fit
    // in cache, so every further pass over them would be a pass over memory.
    auto &start = m_scratch.start;
    start.assign(n, 0);
    auto &sup = m_scratch.sup;
    auto &inhibited = m_scratch.inhibited;
    sup.assign(n, 0);
    inhibited.assign(n, 0);
    const TimeMs minuteAgo = now - 60'000;
    int startedLastMinute = 0;
    bool ascending = m_previousAscending;
    std::uint64_t lastKey = 0;
    std::size_t prev = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Alert &a = alerts[i];
        if (a.state == AlertState::Resolved)
            continue;
        live[i] = 1;
        ++result->alerts;
        bool fresh = false;
        const std::uint64_t k = a.key ? a.key : fingerprintKey(a.fingerprint);
        // FleetState publishes alerts sorted by fingerprint, and polls list mostly the same alerts: a
        // merge walk against the previous update's keys finds most of them without hashing.
        std::uint32_t slot = kNone;
        if (ascending && k >= lastKey) {
            while (prev < m_byPosition.size() && m_byPosition[prev].first < k)
                ++prev;
            if (prev < m_byPosition.size() && m_byPosition[prev].first == k)
                slot = m_byPosition[prev].second;
        } else {
            ascending = false;
        }
        lastKey = k;
        if (slot == kNone || m_entries[slot].groupKey < 0)
            slot = locate(g, a, k, &fresh);
        positions[i] = {k, slot};
        Located &l = m_entries[slot];
        l.index = static_cast<std::uint32_t>(i);
        start[i] = troubleStartOf(a, l.forMs);
        sup[i] = suppressed(a);
        inhibited[i] = !a.inhibitedBy.empty();
        if (a.startsAt >= minuteAgo)
            ++startedLastMinute;
        if (!fresh && l.seenIn < m_update) // absent from the previous update
            l.returns.push_back(now);
        l.seenIn = m_update + 1;
        while (!l.returns.empty() && l.returns.front() < now - m_opt.flapWindow)
            l.returns.erase(l.returns.begin());
        l.lastSeen = now;
        result->returns[i] = static_cast<std::uint16_t>(std::min<std::size_t>(l.returns.size(), 65535));
    }
    if (m_entries.size() > 2 * result->alerts + 4096)
        compact(g, alerts, now);
    auto &loc = m_scratch.loc;
    loc.assign(n, nullptr);
    for (std::size_t i = 0; i < n; ++i)
        if (live[i])
            loc[i] = &m_entries[positions[i].second];
    ++m_update;
    // Kept only while the input is sorted (a merge walk needs both sides ascending).
    // (Resolved alerts leave {0, kNone} holes; the walk steps over them.)
    m_previousAscending = ascending;
    if (ascending)
        m_byPosition.swap(positions);
    else
        m_byPosition.clear();
    result->alertsPerMinute = startedLastMinute;

    // 1. Physical failures: hosts with failing alerts (critical, or as configured), counted up their
    // ancestors; groups alerted
    //    themselves (a switch down on the rack).
    std::vector<TimeMs> onsetMin(nodes, kNever), onsetMax(nodes, std::numeric_limits<TimeMs>::min());
    std::vector<int> failing(nodes, 0);
    std::vector<char> alerted(nodes, 0), hostFailing(nodes, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (!live[i] || !loc[i]->failure)
            continue;
        const TimeMs t = start[i];
        if (loc[i]->host >= 0) {
            const auto h = static_cast<std::size_t>(loc[i]->host);
            if (!hostFailing[h]) {
                hostFailing[h] = 1;
                for (int p = g.node(loc[i]->host).parent; p > 0; p = g.node(p).parent)
                    ++failing[static_cast<std::size_t>(p)];
            }
            for (int p = loc[i]->host; p > 0; p = g.node(p).parent) {
                onsetMin[static_cast<std::size_t>(p)] = std::min(onsetMin[static_cast<std::size_t>(p)], t);
                onsetMax[static_cast<std::size_t>(p)] = std::max(onsetMax[static_cast<std::size_t>(p)], t);
            }
        } else if (loc[i]->group >= 0) {
            const auto grp = static_cast<std::size_t>(loc[i]->group);
            alerted[grp] = 1;
            onsetMin[grp] = std::min(onsetMin[grp], t);
            onsetMax[grp] = std::max(onsetMax[grp], t);
        }
    }
    auto impaired = [&](int node) {
        const auto &nd = g.node(node);
        if (nd.kind != NodeKind::Group || node == g.unplaced())
            return false;
        const auto k = static_cast<std::size_t>(node);
        const int needed =
            std::max(m_opt.minGroupHosts,
                     static_cast<int>(std::ceil(m_opt.groupShare * static_cast<double>(nd.hosts))));
        return alerted[k] || failing[k] >= needed;
    };
    // The outermost failing group above each node (top-down over the tree).
    std::vector<int> causeGroup(nodes, -1);
    {
        std::vector<int> stack{g.root()};
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            for (int c : g.node(v).children) {
                const auto k = static_cast<std::size_t>(c);
                causeGroup[k] = causeGroup[static_cast<std::size_t>(v)] >= 0
                                    ? causeGroup[static_cast<std::size_t>(v)]
                                : impaired(c) ? c
                                              : -1;
                if (!g.node(c).children.empty())
                    stack.push_back(c);
            }
        }
    }
    auto near = [&](TimeMs start, TimeMs onset) {
        return onset != kNever && start >= onset - m_opt.lead && start <= onset + m_opt.window;
    };

    // 2. Failing services and what they fail because of: their own hosts' failing alerts, explained by
    //    a failing group where one holds them, else one host, else the service itself.
    struct ServiceState {
        std::unordered_map<int, int> groupVotes;
        std::unordered_set<int> hosts;
        bool serviceAlert = false;
        TimeMs onset = kNever;
    };
    std::unordered_map<int, ServiceState> services;
    for (std::size_t i = 0; i < n; ++i) {
        if (!live[i] || !loc[i]->failure || loc[i]->service < 0)
            continue;
        auto &s = services[loc[i]->service];
        const TimeMs t = start[i];
        s.onset = std::min(s.onset, t);
        const int h = loc[i]->host;
        if (h < 0) {
            s.serviceAlert = true;
            continue;
        }
        const int cg = causeGroup[static_cast<std::size_t>(h)];
        if (cg >= 0 && near(t, onsetMin[static_cast<std::size_t>(cg)]))
            ++s.groupVotes[cg];
        else
            s.hosts.insert(h);
    }
    // A failing group explains trouble on its services' other hosts only when that trouble began with it
    // and is of a size its loss can explain (causemagnitude.h); fed the alerts on hosts outside any
    // failing group.
    CauseMagnitude magnitude({m_opt.window, m_opt.lead});
    std::unordered_map<int, std::vector<Unexplained>> unexplained; // by group node
    if (!services.empty()) {
        for (std::size_t i = 0; i < n; ++i)
            if (live[i] && loc[i]->host >= 0 && loc[i]->service >= 0 &&
                causeGroup[static_cast<std::size_t>(loc[i]->host)] < 0 && services.count(loc[i]->service))
                magnitude.add(loc[i]->service, loc[i]->host, start[i]);
        magnitude.finish();
    }
    // A service's own failures: each failing group holding its hosts, and its hosts failing on their own
    // (one host: that host; several: the service).
    std::unordered_map<int, std::vector<Cause>> own;
    for (auto &[svc, s] : services) {
        auto &list = own[svc];
        for (auto [grp, votes] : s.groupVotes) {
            const auto &members = g.node(svc).members;
            const TimeMs onset = onsetMin[static_cast<std::size_t>(grp)];
            const auto lost = std::count_if(members.begin(), members.end(), [&, group = grp](int h) {
                return causeGroup[static_cast<std::size_t>(h)] == group;
            });
            auto verdict =
                magnitude.judge(svc, onset, static_cast<int>(lost), static_cast<int>(members.size()));
            if (verdict.explains) {
                list.push_back({grp, CauseKind::Group, onset});
            } else {
                verdict.why.service = g.node(svc).name;
                unexplained[grp].push_back(std::move(verdict.why));
            }
        }
        if (s.hosts.size() == 1 && !s.serviceAlert) {
            const int h = *s.hosts.begin();
            list.push_back({h, CauseKind::Host, onsetMin[static_cast<std::size_t>(h)]});
        } else if (!s.hosts.empty() || s.serviceAlert) {
            TimeMs onset = kNever;
            for (int h : s.hosts)
                onset = std::min(onset, onsetMin[static_cast<std::size_t>(h)]);
            list.push_back({svc, CauseKind::Service, s.serviceAlert ? s.onset : onset});
        }
    }
    // What can explain trouble on a service: its own failures and those of everything it depends on.
    std::vector<std::vector<Cause>> serviceCauses(own.empty() ? 0 : nodes); // by service node
    for (const auto &[svc, list] : own) {
        for (const auto &c : list)
            serviceCauses[static_cast<std::size_t>(svc)].push_back(c);
        for (int dependent : g.dependentsOf(svc))
            for (const auto &c : list)
                serviceCauses[static_cast<std::size_t>(dependent)].push_back(c);
    }
    // For an alert starting at t: the failure that began most recently before it (within the window);
    // a physical group wins a tie, being the more upstream cause.
    auto pickCause = [&](const std::vector<Cause> &list, TimeMs t, int host, int service) -> const Cause * {
        const Cause *best = nullptr;
        for (const auto &c : list) {
            if (!near(t, c.onset))
                continue;
            // one failing host does not explain its siblings in the same service
            if (c.kind == CauseKind::Host && c.node != host && g.node(c.node).service == service)
                continue;
            if (!best || c.onset > best->onset + m_opt.lead ||
                (c.onset >= best->onset - m_opt.lead && c.kind == CauseKind::Group &&
                 best->kind != CauseKind::Group))
                best = &c;
        }
        return best;
    };

    // How often each kind of alert was starting around each failure (AlertRates), and every failure.
    std::vector<Cause> anyCause;
    std::unordered_map<int, int> backgroundApart; // by cause node: alerts left apart as background
    if (!own.empty()) {
        m_rates.reset(m_groupKeys.size());
        for (std::size_t i = 0; i < n; ++i)
            if (live[i])
                m_rates.add(loc[i]->groupKey, start[i]);
        for (const auto &[svc, list] : own) // one host failing is too small to explain others by time
            std::copy_if(list.begin(), list.end(), std::back_inserter(anyCause),
                         [](const Cause &c) { return c.kind != CauseKind::Host; });
    }

    // The failing hosts a workload's pods run on (FleetGraph's `runs`), each as a cause with its group.
    std::unordered_map<int, std::vector<Cause>> byWorkload;
    auto workloadCauses = [&](int svc) -> const std::vector<Cause> & {
        static const std::vector<int> none;
        auto [it, fresh] = byWorkload.try_emplace(svc);
        for (int h : fresh ? g.node(svc).runs : none)
            if (const auto k = static_cast<std::size_t>(h); hostFailing[k]) {
                const int cg = causeGroup[k];
                const TimeMs go =
                    cg >= 0 ? onsetMin[static_cast<std::size_t>(cg)] : kNever; // the group's onset
                it->second.push_back(cg >= 0 && near(onsetMin[k], go)
                                         ? Cause{cg, CauseKind::Group, go}
                                         : Cause{h, CauseKind::Host, onsetMin[k]});
            }
        return it->second;
    };

    // 3. Each alert to its cause; what has none is grouped by the groupBy labels.
    auto &causeOf = m_scratch.causeOf; // graph node of the cause
    causeOf.assign(n, -1);
    auto &viaDependency = m_scratch.viaDependency;
    viaDependency.assign(n, 0);
    auto &kindOf = m_scratch.kindOf;
    kindOf.assign(n, CauseKind::AlertGroup);
    auto &pseudo = m_scratch.pseudo;
    pseudo.assign(n, 0);
    auto claim = [&](std::size_t i, const Cause &c, char via) {
        causeOf[i] = c.node;
        kindOf[i] = c.kind;
        viaDependency[i] = via;
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (!live[i])
            continue;
        const Located &l = *loc[i];
        const TimeMs t = start[i];
        int cg = l.host >= 0    ? causeGroup[static_cast<std::size_t>(l.host)]
                 : l.group >= 0 ? (impaired(l.group) && causeGroup[static_cast<std::size_t>(l.group)] < 0
                                       ? l.group
                                       : causeGroup[static_cast<std::size_t>(l.group)])
                                : -1;
        if (cg >= 0 && near(t, onsetMin[static_cast<std::size_t>(cg)])) {
            claim(i, {cg, CauseKind::Group}, 0);
            continue;
        }
        if (l.host >= 0 && hostFailing[static_cast<std::size_t>(l.host)] &&
            near(t, onsetMin[static_cast<std::size_t>(l.host)])) {
            // A host failing on its own: its own alerts belong to it (or to its failing service).
            bool serviceWide = false;
            if (l.service >= 0)
                for (const auto &c : own[l.service])
                    serviceWide = serviceWide || (c.kind == CauseKind::Service && near(t, c.onset));
            claim(i, serviceWide ? Cause{l.service, CauseKind::Service} : Cause{l.host, CauseKind::Host}, 0);
            continue;
        }
        if (l.service >= 0 && !serviceCauses.empty())
            if (const auto &list = serviceCauses[static_cast<std::size_t>(l.service)]; !list.empty())
                if (const Cause *c = pickCause(list, t, l.host, l.service)) {
                    if (!m_rates.churns(l.groupKey, c->onset)) {
                        claim(i, *c,
                              c->node != l.service && c->node != l.host &&
                                  !(c->kind == CauseKind::Group && l.host >= 0 &&
                                    causeGroup[static_cast<std::size_t>(l.host)] == c->node));
                        continue;
                    }
                    ++backgroundApart[c->node]; // as often before it: the fleet's background
                }
        // A workload's own alert (no pod, no host): a failing host its pods ran on, with its group.
        if (l.host < 0 && l.service >= 0 && !g.node(l.service).runs.empty())
            if (const Cause *c = pickCause(workloadCauses(l.service), t, l.host, l.service)) {
                claim(i, *c, kWorkload);
                continue;
            }
        // No edge leads from it to a failure of a group or service, but its kind was quiet and began with
        // one: joined by time.
        if (const Cause *c = pickCause(anyCause, t, l.host, l.service);
            c && m_rates.bursts(l.groupKey, c->onset)) {
            claim(i, *c, kByTime);
            continue;
        }
        pseudo[i] = l.groupKey;
    }

    // Counter-evidence stands only where the group claimed none of those alerts through another path
    // (a dependency of the service on one it did take down).
    for (auto &[grp, list] : unexplained)
        std::erase_if(list, [&, grp = grp](const Unexplained &u) {
            const int svc = g.service(u.service);
            for (std::size_t i = 0; i < n; ++i)
                if (causeOf[i] == grp && loc[i]->service == svc && loc[i]->host >= 0 &&
                    causeGroup[static_cast<std::size_t>(loc[i]->host)] != grp)
                    return true;
            return false;
        });

    // 4. Incidents, one per cause.
    std::vector<int> incidentOfNode(nodes, -1);
    std::vector<int> incidentOfLeftover(m_groupKeys.size(), -1);
    auto &incidents = result->incidents;
    for (std::size_t i = 0; i < n; ++i) {
        if (!live[i])
            continue;
        int &slot = causeOf[i] >= 0 ? incidentOfNode[static_cast<std::size_t>(causeOf[i])]
                                    : incidentOfLeftover[static_cast<std::size_t>(pseudo[i])];
        if (slot < 0) {
            slot = static_cast<int>(incidents.size());
            Incident inc;
            if (causeOf[i] >= 0) {
                inc.causeKind = kindOf[i];
                inc.causeNode = causeOf[i];
                inc.causeLevel = std::string(g.levelName(causeOf[i]));
                inc.causeName = g.node(causeOf[i]).name;
                inc.key = std::string(causeKindName(inc.causeKind)) + ":" +
                          (inc.causeKind == CauseKind::Group ? g.path(causeOf[i]) : inc.causeName);
            } else {
                inc.causeKind = CauseKind::AlertGroup;
                inc.causeName = m_groupKeys[static_cast<std::size_t>(pseudo[i])];
                for (std::size_t k = 0; k < m_opt.groupBy.size(); ++k)
                    inc.causeLevel += (k ? ", " : "") + m_opt.groupBy[k];
                inc.key = "alerts:" + inc.causeName;
            }
            incidents.push_back(std::move(inc));
        }
        result->incidentOf[i] = slot;
    }
    followInhibitions(*result, alerts); // inhibitedBy is causal evidence
    // Members, cause alerts first, and the evidence.
    std::vector<std::vector<std::uint32_t>> causeMembers(incidents.size()), otherMembers(incidents.size());
    MemberTally tally; // pods, namespaces, services no host runs
    for (std::size_t i = 0; i < n; ++i) {
        const int k = result->incidentOf[i];
        if (k < 0)
            continue;
        Incident &inc = incidents[static_cast<std::size_t>(k)];
        const Located &l = *loc[i];
        bool atCause = false;
        switch (inc.causeKind) {
        case CauseKind::Group:
            atCause =
                (l.host < 0 && l.group == inc.causeNode) ||
                (l.failure && l.host >= 0 && causeGroup[static_cast<std::size_t>(l.host)] == inc.causeNode);
            if (l.host < 0 && l.group == inc.causeNode)
                inc.causeAlerted = true;
            break;
        case CauseKind::Host:
            atCause = l.host == inc.causeNode;
            break;
        case CauseKind::Service:
            atCause = l.service == inc.causeNode && l.failure;
            inc.causeAlerted = inc.causeAlerted || (atCause && l.host < 0);
            break;
        case CauseKind::AlertGroup:
            atCause = true;
            break;
        }
        (atCause ? causeMembers : otherMembers)[static_cast<std::size_t>(k)].push_back(
            static_cast<std::uint32_t>(i));
        if (viaDependency[i] == kByTime)
            ++inc.joinedByTime;
        else if (viaDependency[i])
            ++(viaDependency[i] == kWorkload ? inc.workloadAlerts : inc.dependentAlerts);
        tally.add(k, alerts[i], !l.failure && l.podSubject,
                  l.service < 0 ? alerts[i].label(m_opt.serviceLabel) : std::string_view());
        const bool isSup = sup[i];
        (isSup ? inc.suppressed : inc.active) += 1;
        if (!isSup)
            inc.severity = std::max<int>(inc.severity, l.severity);
        if (result->returns[i] >= m_opt.flapReturns)
            ++inc.flapping;
        // when its first alert fired (start[] is when the trouble began, for correlation)
        const TimeMs fired = alerts[i].startsAt;
        inc.startsAt = inc.startsAt == 0 ? fired : std::min(inc.startsAt, fired);
    }
    tally.finish(incidents); // the graph's services are added below
    std::unordered_map<std::string, Seen> seen;
    std::vector<int> stamp(nodes, -1);
    for (std::size_t k = 0; k < incidents.size(); ++k) {
        Incident &inc = incidents[k];
        inc.causeAlertCount = static_cast<std::uint32_t>(causeMembers[k].size());
        inc.alerts = std::move(causeMembers[k]);
        inc.alerts.insert(inc.alerts.end(), otherMembers[k].begin(), otherMembers[k].end());
        // Distinct hosts and services among members: one stamp per node, no sets.
        for (auto i : inc.alerts) {
            const Located &l = *loc[i];
            if (l.host >= 0 && stamp[static_cast<std::size_t>(l.host)] != static_cast<int>(k)) {
                stamp[static_cast<std::size_t>(l.host)] = static_cast<int>(k);
                ++inc.hosts;
            }
            if (l.service >= 0 && stamp[static_cast<std::size_t>(l.service)] != static_cast<int>(k)) {
                stamp[static_cast<std::size_t>(l.service)] = static_cast<int>(k);
                ++inc.services;
            }
        }
        if (inc.active == 0)
            for (auto i : inc.alerts)
                inc.severity = std::max<int>(inc.severity, loc[i]->severity);
        if (inc.causeNode >= 0) {
            if (auto b = backgroundApart.find(inc.causeNode); b != backgroundApart.end())
                inc.backgroundApart = b->second;
            const auto c = static_cast<std::size_t>(inc.causeNode);
            const auto &nd = g.node(inc.causeNode);
            if (inc.causeKind == CauseKind::Group) {
                inc.causeHosts = nd.hosts;
                inc.causeHostsFailing = failing[c];
                if (auto u = unexplained.find(inc.causeNode); u != unexplained.end()) {
                    inc.unexplained = std::move(u->second);
                    std::sort(inc.unexplained.begin(), inc.unexplained.end(),
                              [](const Unexplained &a, const Unexplained &b) {
                                  return a.alertedHosts != b.alertedHosts ? a.alertedHosts > b.alertedHosts
                                                                          : a.service < b.service;
                              });
                }
            } else if (inc.causeKind == CauseKind::Host) {
                inc.causeHosts = 1;
                inc.causeHostsFailing = hostFailing[c] ? 1 : 0;
            } else {
                inc.causeHosts = static_cast<int>(nd.members.size());
                for (int h : nd.members)
                    inc.causeHostsFailing += hostFailing[static_cast<std::size_t>(h)] ? 1 : 0;
            }
            if (onsetMin[c] != kNever && inc.causeKind != CauseKind::Service)
                inc.causeSpreadMs = onsetMax[c] - onsetMin[c];
        }
        inc.confidence = confidenceOf(inc);
        auto prev = m_incidents.find(inc.key);
        Seen s;
        s.firstSeen = prev == m_incidents.end() ? now : prev->second.firstSeen;
        s.alerts = inc.alerts.size();
        inc.firstSeen = s.firstSeen;
        inc.isNew = now - inc.startsAt < m_opt.newFor;
        if (prev != m_incidents.end()) {
            const auto before = prev->second.alerts;
            inc.escalating = s.alerts >= before + std::max<std::size_t>(5, before / 5);
        }
        seen.emplace(inc.key, s);
        if (static_cast<int>(inc.alerts.size()) >= m_opt.stormIncidentAlerts)
            result->storm = true;
    }
    m_incidents = std::move(seen);
    if (result->alertsPerMinute >= m_opt.stormAlertsPerMinute)
        result->storm = true;

    // 5. Rank: anything unsuppressed first, then urgency (urgencyOf), blast radius, alerts, age.
    std::vector<int> order(incidents.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = static_cast<int>(k);
    std::sort(order.begin(), order.end(), [&](int x, int y) {
        const Incident &a = incidents[static_cast<std::size_t>(x)];
        const Incident &b = incidents[static_cast<std::size_t>(y)];
        const bool aa = a.active > 0, ba = b.active > 0;
        if (aa != ba)
            return aa;
        if (urgencyOf(a) != urgencyOf(b))
            return urgencyOf(a) > urgencyOf(b);
        if (a.hosts != b.hosts)
            return a.hosts > b.hosts;
        if (a.alerts.size() != b.alerts.size())
            return a.alerts.size() > b.alerts.size();
        if (a.startsAt != b.startsAt)
            return a.startsAt < b.startsAt;
        return a.key < b.key;
    });
    std::vector<int> rank(incidents.size());
    std::vector<Incident> sorted;
    sorted.reserve(incidents.size());
    for (std::size_t r = 0; r < order.size(); ++r) {
        rank[static_cast<std::size_t>(order[r])] = static_cast<int>(r);
        sorted.push_back(std::move(incidents[static_cast<std::size_t>(order[r])]));
    }
    incidents = std::move(sorted);
    for (auto &k : result->incidentOf)
        if (k >= 0)
            k = rank[static_cast<std::size_t>(k)];
    return result;
}

} // namespace vigil::analysis
