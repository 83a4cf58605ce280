#include "correlation.h"

#include "analysis/correlation/pass.h"

#include <algorithm>

namespace vigil::analysis {

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
    // Aggregated to its scrape job (a job, none of the labels naming a machine: TargetDown's "some of
    // job X's targets are down"), it is about that job: the service of that name, where there is one
    // (kube-prometheus names a job after its Service, a DaemonSet's such as node-exporter). An alert
    // an exporter's series raised keeps its instance, and its job names the exporter, not the subject.
    const auto job = a.label("job");
    l.jobLevel = l.host < 0 && l.group < 0 && !job.empty() && m_opt.identity.hostOf(a.labels).empty();
    if (l.service < 0 && l.jobLevel)
        l.service = g.service(job);
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
                                                 const std::vector<Alert> &alerts, TimeMs now,
                                                 const std::vector<Host> *hosts) {
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
    // The stages, in order (correlation/pass.h).
    Pass pass(*this, g, alerts, now, *result);
    pass.hosts = hosts;
    pass.placeAlerts();
    pass.physicalFailures();
    pass.serviceFailures();
    pass.assignCauses();
    pass.formIncidents();
    pass.collectMembers();
    pass.describeIncidents();
    pass.rankIncidents();
    return result;
}

} // namespace vigil::analysis
