#include "fleetanalysis.h"

#include "topology.h"

#include <functional>
#include <string_view>

namespace vigil::analysis {

namespace {
// The graph's inputs as one number. Each string hashed whole (std::hash reads eight bytes at a time;
// FNV's byte-at-a-time loop was 2 % of a 5,000-host poll), then folded in, in order.
struct Signature {
    std::uint64_t h = 1469598103934665603ull;
    void add(std::string_view s) {
        h = (h ^ std::hash<std::string_view>{}(s)) * 1099511628211ull;
        h ^= h >> 29;
    }
};
} // namespace

namespace {
CorrelationOptions optionsOf(const Config &c) {
    CorrelationOptions options;
    options.identity = c.profile.host;
    options.serviceLabel = c.topology.serviceLabel;
    options.groupBy = c.triage.groupBy;
    options.window = c.triage.windowMs;
    options.stormAlertsPerMinute = c.triage.stormAlertsPerMinute;
    options.causeSeverity = c.triage.causeSeverity;
    options.causeAlerts = c.triage.causeAlerts;
    return options;
}
} // namespace

FleetAnalyzer::FleetAnalyzer(const Config &config)
    : FleetAnalyzer(config.topology, optionsOf(config), config.profile.load) {}

FleetAnalyzer::FleetAnalyzer(TopologyConfig topology, CorrelationOptions options, LoadProfile load)
    : m_topology(std::move(topology))
    , m_load(std::move(load))
    , m_correlator(std::move(options)) {}

void FleetAnalyzer::operator()(FleetSnapshot &s) {
    Signature f;
    for (const auto &h : s.hosts) {
        f.add(h.name);
        for (const auto &l : h.labels.labels()) {
            f.add(l.name);
            f.add(l.value);
        }
    }
    for (const auto &e : s.edges) {
        f.add(e.from);
        f.add(e.to);
    }
    // Services no host runs, which the joins name (workloads).
    std::vector<std::string_view> hostless;
    if (s.joined)
        for (const auto &[label, value] : *s.joined)
            if (label == m_topology.serviceLabel) {
                hostless.push_back(value);
                f.add(value);
            }
    if (s.runsOn)
        for (const auto &[service, host] : *s.runsOn) {
            f.add(service);
            f.add(host);
        }
    if (!m_graph || f.h != m_signature) {
        static const std::vector<std::pair<std::string, std::string>> none;
        m_graph = FleetGraph::build(s.hosts, s.edges, m_topology, hostless, s.runsOn ? *s.runsOn : none);
        m_signature = f.h;
    }
    s.graph = m_graph;
    m_correlator.setRules(s.rules);
    auto result = m_correlator.update(m_graph, s.alerts, s.builtAt ? s.builtAt : nowMs(), &s.hosts.get());
    s.load = m_load;
    if (const int metric = s.metricIndexOf(m_load.metric); metric >= 0) {
        ImbalanceOptions o;
        o.groupLabel = m_topology.serviceLabel;
        o.hot = m_load.hot;
        o.idle = m_load.idle;
        s.imbalance = std::make_shared<const std::vector<GroupImbalance>>(rankImbalance(s.hosts, metric, o));
    }
    summarize(*result, s.alerts);
    compareWithAlertmanagerGroups(*result, s.alerts, s.amGroups);
    s.health = std::make_shared<const std::vector<NodeHealth>>(
        computeHealth(*m_graph, s.hosts, s.alerts, result->identity, result->serviceLabel));
    s.triage = std::move(result);
}

} // namespace vigil::analysis
