#include "driftsession.h"

#include "../analysis/baselineloader.h"
#include "../analysis/drifttracker.h"
#include "../store/store.h"

#include <QDateTime>
#include <QFileInfo>

namespace vigil {

namespace {
std::string fileKey(const std::string &path) {
    const QFileInfo info(QString::fromStdString(path));
    if (!info.exists())
        return path + "|missing";
    return path + "|" + std::to_string(info.size()) + "|" +
           std::to_string(info.lastModified().toMSecsSinceEpoch());
}

std::string violationKey(const std::string &host, const std::string &fact,
                         const std::optional<std::string> &v) {
    return host + '\x1f' + fact + '\x1f' + v.value_or("\x1e");
}
} // namespace

DriftSession::DriftSession() = default;
DriftSession::~DriftSession() = default;

void DriftSession::noteSnapshot(const FleetSnapshot &snap) {
    const std::lock_guard lock(m_pendingMutex);
    if (snap.allHostsChanged || m_pendingNames > 1'000'000) {
        m_allChangedAt = std::max(m_allChangedAt, snap.generation);
        m_pending.clear();
        m_pendingNames = 0;
    } else if (!snap.changedHosts.empty()) {
        m_pending.emplace_back(snap.generation, snap.changedHosts);
        m_pendingNames += snap.changedHosts.size();
    }
}

// The hosts changed up to `generation`, or nullopt when everything must be judged afresh.
std::optional<std::vector<std::string>> DriftSession::takeChanged(std::uint64_t generation) {
    const std::lock_guard lock(m_pendingMutex);
    std::set<std::string> names;
    auto keep = m_pending.begin();
    for (auto &p : m_pending) {
        if (p.first <= generation) {
            names.insert(p.second.begin(), p.second.end());
            m_pendingNames -= p.second.size();
        } else {
            *keep++ = std::move(p);
        }
    }
    m_pending.erase(keep, m_pending.end());
    if (m_allChangedAt && m_allChangedAt <= generation) {
        m_allChangedAt = 0;
        return std::nullopt;
    }
    return std::vector<std::string>(names.begin(), names.end());
}

std::shared_ptr<const analysis::DriftSummary>
DriftSession::judge(const FleetSnapshotPtr &snap, const DriftConfig &drift,
                    const std::shared_ptr<const HistoryReader> &store, TimeMs since,
                    const CancelToken &cancel) {
    if (!snap)
        return nullptr;
    const std::lock_guard work(m_work);
    auto out = std::make_shared<analysis::DriftSummary>();
    out->at = snap->now();
    const std::vector<analysis::DriftNote> consensusNotes = chooseBaseline(*out, *snap, drift);
    judgeHosts(*out, *snap);
    if (store)
        lookUpFirstSeen(*out, *store);
    out->report = m_tracker->report(m_firstSeen, out->at);
    out->report.notes.insert(out->report.notes.end(), consensusNotes.begin(), consensusNotes.end());
    if (since > 0 && store && since < out->at)
        countSince(*out, *snap, *store, since);
    complianceByRole(*out, *snap, drift.roleLabel);
    if (store)
        complianceHistory(*out, *snap, *store, cancel);
    return out;
}

// The baseline file when one is configured and readable (reloaded when it changes), else the consensus.
// Returns the facts the consensus could not judge, for the report's notes.
std::vector<analysis::DriftNote> DriftSession::chooseBaseline(analysis::DriftSummary &out,
                                                              const FleetSnapshot &snap,
                                                              const DriftConfig &drift) {
    analysis::DriftOptions o;
    o.roleLabel = drift.roleLabel;
    auto consensus = analysis::consensusDrift(snap.hosts, snap.facts, o);
    out.consensus = std::move(consensus.baseline);
    if (!drift.baselineFile.empty()) {
        const std::string key = fileKey(drift.baselineFile);
        if (key != m_baselineKey) {
            m_baselineKey = key;
            m_fileBaseline.reset();
            m_fileError.clear();
            ConfigError err;
            if (auto b = BaselineLoader::loadFile(drift.baselineFile, &err))
                m_fileBaseline = std::make_shared<const analysis::Baseline>(std::move(*b));
            else
                m_fileError = err.toString();
        }
        out.baseline = m_fileBaseline;
        out.error = m_fileError;
        if (out.baseline)
            out.againstFile = drift.baselineFile;
    }
    if (out.baseline)
        return {};
    out.baseline = std::make_shared<const analysis::Baseline>(
        analysis::consensusBaseline(out.consensus, drift.roleLabel));
    return std::move(consensus.notes);
}

// Judges only the hosts changed since the last evaluation, when the baseline judges as before.
void DriftSession::judgeHosts(const analysis::DriftSummary &out, const FleetSnapshot &snap) {
    auto changed = takeChanged(snap.generation);
    if (!m_tracker)
        m_tracker = std::make_unique<analysis::DriftTracker>(out.baseline);
    if (!m_tracker->adopt(out.baseline)) {
        m_history.clear();
        m_sinceAt = 0;
        changed.reset();
    }
    if (snap.generation <= m_evaluated && m_tracker->ready())
        return;
    if (!changed || !m_tracker->ready()) {
        m_tracker->reset(snap.hosts, snap.facts);
        m_firstSeen.clear();
    } else {
        m_tracker->update(snap.hosts, snap.facts, *changed);
        for (const auto &h : *changed)
            for (auto it = m_firstSeen.lower_bound({h, "", ""});
                 it != m_firstSeen.end() && std::get<0>(it->first) == h;)
                it = m_firstSeen.erase(it);
    }
    m_evaluated = snap.generation;
}

// First-seen times of the violations not looked up yet.
void DriftSession::lookUpFirstSeen(const analysis::DriftSummary &out, const HistoryReader &store) {
    std::vector<Fact> missing;
    for (auto &f : m_tracker->violatedFacts())
        if (!m_firstSeen.count({f.host, f.name, f.value}))
            missing.push_back(std::move(f));
    for (auto &[k, t] : store.firstSeenOf(missing, out.at))
        m_firstSeen[k] = t;
}

// New and fixed since the last report: that moment's report rebuilt from the cache (once per moment and
// baseline).
void DriftSession::countSince(analysis::DriftSummary &out, const FleetSnapshot &snap,
                              const HistoryReader &store, TimeMs since) {
    if (m_sinceAt != since) {
        m_sinceKeys.clear();
        const auto past = store.factsAt(since);
        if (!past.facts.empty())
            for (const auto &v : analysis::evaluateBaseline(*out.baseline, snap.hosts, past.facts).violations)
                m_sinceKeys.insert(violationKey(v.host, v.rule->fact, v.actual));
        m_sinceAt = since;
        m_sinceKnown = !past.facts.empty();
    }
    if (!m_sinceKnown)
        return;
    out.since = since;
    std::set<std::string> now;
    std::map<std::pair<const analysis::FactRule *, std::string>, int> fresh;
    for (const auto &v : out.report.violations) {
        auto k = violationKey(v.host, v.rule->fact, v.actual);
        if (!m_sinceKeys.count(k)) {
            ++out.newSince;
            ++fresh[{v.rule, v.actual.value_or(analysis::kAbsent)}];
        }
        now.insert(std::move(k));
    }
    for (const auto &k : m_sinceKeys)
        out.fixedSince += !now.count(k);
    for (auto &c : out.report.clusters)
        for (const auto &[rk, n] : fresh)
            if (rk.first->fact == c.fact && rk.first->origin == c.origin && rk.second == c.actual)
                c.newSince += n;
}

void DriftSession::complianceByRole(analysis::DriftSummary &out, const FleetSnapshot &snap,
                                    const std::string &roleLabel) {
    std::set<std::string> failing;
    for (const auto &v : out.report.violations)
        failing.insert(v.host);
    for (const auto &h : snap.hosts) {
        if (!out.baseline->judges(h.labels))
            continue;
        auto &[ok, all] = out.byRole[std::string(h.labels.value(roleLabel))];
        ++all;
        ok += !failing.count(h.name);
    }
}

// Compliance over the last day at whole hours, from the facts as the cache knew them then (each hour
// judged once), and now.
void DriftSession::complianceHistory(analysis::DriftSummary &out, const FleetSnapshot &snap,
                                     const HistoryReader &store, const CancelToken &cancel) {
    constexpr TimeMs hour = 3'600'000;
    const TimeMs lastHour = out.at / hour * hour;
    m_history.erase(m_history.begin(), m_history.lower_bound(lastHour - 24 * hour));
    for (TimeMs t = lastHour - 24 * hour; t <= lastHour && !cancel.cancelled(); t += hour) {
        if (m_history.count(t))
            continue;
        auto past = store.factsAt(t);
        if (!past.facts.empty())
            m_history[t] = analysis::evaluateBaseline(*out.baseline, snap.hosts, past.facts).compliance();
        else
            m_history[t] = -1; // the cache knew no facts then
    }
    for (const auto &[t, c] : m_history)
        if (c >= 0 && t < out.at)
            out.history.emplace_back(t, c);
    out.history.emplace_back(out.at, out.report.compliance());
}

} // namespace vigil
