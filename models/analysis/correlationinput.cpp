// What correlation reads of an alert besides its place: its severity rank, and when its trouble began
// (Correlator::setRules keeps each alert name's `for:`, so Alertmanager's alerts are timed from when their
// condition began rather than when they fired).
#include "correlation.h"

#include <algorithm>

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
