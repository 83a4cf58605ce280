// What correlation reads of an alert besides its place: its severity rank, and when its trouble began
// (Correlator::setRules keeps each alert name's `for:`, so Alertmanager's alerts are timed from when their
// condition began rather than when they fired); and the table of alerts the Correlator remembers.
#include "correlation.h"

#include <algorithm>
#include <limits>

namespace vigil::analysis {

const char *causeKindName(CauseKind k) {
    switch (k) {
    case CauseKind::Group:
        return "group";
    case CauseKind::Host:
        return "host";
    case CauseKind::Service:
        return "service";
    case CauseKind::AlertGroup:
        return "alerts";
    }
    return "";
}

int severityRank(std::string_view s) {
    if (s == "critical" || s == "page" || s == "error" || s == "high" || s == "emergency")
        return 2;
    if (s == "warning" || s == "warn" || s == "medium")
        return 1;
    return 0;
}

// When an alert's trouble began: Alertmanager's copy (active, suppressed, unprocessed) started when it
// fired, `for` after its condition began; Prometheus' (pending, firing) at activeAt.
TimeMs troubleStartOf(const Alert &a, TimeMs forMs) {
    const bool fired = a.state == AlertState::Active || a.state == AlertState::Suppressed ||
                       a.state == AlertState::Unprocessed;
    return fired && !a.startEstimated ? a.startsAt - forMs : a.startsAt;
}

bool podIsSubject(const Alert &a, const HostIdentity &identity, const FleetGraph &g) {
    if (a.labels.value("pod").empty())
        return false;
    const auto own = identity.labelOf(a.labels);
    return own.empty() || own == identity.labels.front() || g.host(identity.hostOf(a.labels)) < 0;
}

int urgencyOf(const Incident &inc) {
    // ...and a service failing by its own alerts that took others down with it (by edges or by time)
    const bool spreads = inc.causeByOwnAlerts && inc.dependentAlerts + inc.joinedByTime > 0;
    return (inc.causeKind != CauseKind::AlertGroup && inc.causeHostsFailing > 0) || spreads ? 2
                                                                                            : inc.severity;
}

double confidenceOf(const Incident &inc) {
    double confidence = 0;
    const double share = inc.causeHosts ? static_cast<double>(inc.causeHostsFailing) / inc.causeHosts : 0.0;
    switch (inc.causeKind) {
    case CauseKind::Group:
        confidence = 0.5 + 0.3 * std::min(1.0, share) + (inc.causeAlerted ? 0.15 : 0.0) +
                     (inc.inhibitedLinks > 0 ? 0.04 : 0.0);
        break;
    case CauseKind::Host:
        confidence = 0.55 + (inc.causeHostsFailing ? 0.15 : 0.0) +
                     (inc.dependentAlerts + inc.workloadAlerts > 0 ? 0.15 : 0.0);
        break;
    case CauseKind::Service:
        confidence = 0.45 + 0.2 * share + (inc.dependentAlerts > 0 ? 0.15 : 0.0) +
                     (inc.causeByOwnAlerts && inc.causeAlerted ? 0.1 : 0.0);
        break;
    case CauseKind::AlertGroup:
        confidence = inc.alerts.size() == 1 ? 0.5 : 0.3;
        break;
    }
    return std::min(confidence, 0.99);
}

void MemberTally::add(int incident, const Alert &a, bool countPod, std::string_view serviceOutsideGraph) {
    if (!serviceOutsideGraph.empty())
        m_services.emplace_back(incident, serviceOutsideGraph);
    if (countPod)
        if (const auto pod = a.labels.value("pod"); !pod.empty())
            m_pods.emplace_back(incident, a.labels.value("namespace"), pod);
}

void MemberTally::finish(std::vector<Incident> &incidents) {
    std::sort(m_pods.begin(), m_pods.end());
    m_pods.erase(std::unique(m_pods.begin(), m_pods.end()), m_pods.end());
    for (std::size_t p = 0; p < m_pods.size(); ++p) {
        auto &inc = incidents[static_cast<std::size_t>(std::get<0>(m_pods[p]))];
        ++inc.pods;
        if (p == 0 || std::get<0>(m_pods[p - 1]) != std::get<0>(m_pods[p]) ||
            std::get<1>(m_pods[p - 1]) != std::get<1>(m_pods[p]))
            ++inc.namespaces;
    }
    std::sort(m_services.begin(), m_services.end());
    m_services.erase(std::unique(m_services.begin(), m_services.end()), m_services.end());
    for (const auto &s : m_services)
        ++incidents[static_cast<std::size_t>(s.first)].services;
}

void Correlator::compact(const FleetGraph &g, const std::vector<Alert> &alerts, TimeMs now) {
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    auto &positions = m_scratch.positions;
    const auto &live = m_scratch.live;
    const std::size_t n = alerts.size();
    std::vector<Located> kept;
    std::vector<std::uint32_t> remap(m_entries.size(), kNone);
    for (std::size_t e = 0; e < m_entries.size(); ++e)
        if (m_entries[e].lastSeen >= now - m_opt.flapWindow) {
            remap[e] = static_cast<std::uint32_t>(kept.size());
            kept.push_back(std::move(m_entries[e]));
        }
    for (auto it = m_slots.begin(); it != m_slots.end();) {
        it->second = remap[it->second];
        it = it->second == kNone ? m_slots.erase(it) : std::next(it);
    }
    m_entries = std::move(kept);
    for (auto &p : positions)
        if (p.second != kNone)
            p.second = remap[p.second];
    if (m_groupKeys.size() > 100'000) { // interned keys are only ever added: start over now and then
        m_groupKeys.clear();
        m_groupKeyIds.clear();
        for (auto &l : m_entries)
            l.groupKey = -1;
        for (std::size_t i = 0; i < n; ++i)
            if (live[i]) {
                bool fresh = false;
                locate(g, alerts[i], positions[i].first, &fresh);
            }
    }
}

void Correlator::followInhibitions(TriageResult &result, const std::vector<Alert> &alerts) {
    const auto &live = m_scratch.live;
    const auto &inhibited = m_scratch.inhibited;
    auto &viaDependency = m_scratch.viaDependency;
    auto &incidents = result.incidents;
    const std::size_t n = alerts.size();
    bool anyInhibited = false;
    for (std::size_t i = 0; i < n && !anyInhibited; ++i)
        anyInhibited = live[i] && inhibited[i];
    for (int pass = 0; anyInhibited && pass < 3; ++pass)
        for (std::size_t i = 0; i < n; ++i) {
            if (!live[i] || !inhibited[i])
                continue;
            auto it = m_slots.find(fingerprintKey(alerts[i].inhibitedBy.front()));
            if (it == m_slots.end() || m_entries[it->second].seenIn != m_update)
                continue;
            const int target = result.incidentOf[m_entries[it->second].index];
            if (target != result.incidentOf[i]) {
                result.incidentOf[i] = target;
                viaDependency[i] = 0;
            }
            if (pass == 2)
                ++incidents[static_cast<std::size_t>(target)].inhibitedLinks;
        }
}

void Correlator::setRules(const std::vector<AlertRule> &rules) {
    std::map<std::string, TimeMs, std::less<>> byName;
    for (const auto &r : rules) {
        if (r.forMs <= 0)
            continue;
        auto [it, fresh] = byName.try_emplace(r.name, r.forMs);
        if (!fresh)
            it->second = std::min(it->second, r.forMs);
    }
    // A name several rules share with and without `for:` starts when it fired.
    for (const auto &r : rules)
        if (r.forMs <= 0)
            byName.erase(r.name);
    if (byName == m_forByName)
        return;
    m_forByName = std::move(byName);
    for (auto &l : m_entries) // located again on the next update, with the new delays
        l.groupKey = -1;
}

} // namespace vigil::analysis
