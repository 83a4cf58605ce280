#include "fleetanalysis.h"

namespace vigil::analysis {

namespace {
struct Fnv {
    std::uint64_t h = 1469598103934665603ull;
    void add(std::string_view s) {
        for (unsigned char c : s)
            h = (h ^ c) * 1099511628211ull;
        h = (h ^ 0xff) * 1099511628211ull;
    }
};
} // namespace

FleetAnalyzer::FleetAnalyzer(TopologyConfig topology, CorrelationOptions options)
    : m_topology(std::move(topology))
    , m_correlator(std::move(options)) {}

void FleetAnalyzer::operator()(FleetSnapshot &s) {
    Fnv f;
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
    if (!m_graph || f.h != m_signature) {
        m_graph = FleetGraph::build(s.hosts, s.edges, m_topology);
        m_signature = f.h;
    }
    s.graph = m_graph;
    auto result = m_correlator.update(m_graph, s.alerts, s.builtAt ? s.builtAt : nowMs());
    int cpu = -1;
    for (std::size_t m = 0; m < s.metrics.size(); ++m)
        if (s.metrics[m].key == "cpu")
            cpu = static_cast<int>(m);
    if (cpu >= 0) {
        ImbalanceOptions o;
        o.groupLabel = m_topology.serviceLabel;
        s.imbalance = std::make_shared<const std::vector<GroupImbalance>>(rankImbalance(s.hosts, cpu, o));
    }
    summarize(*result, s.alerts);
    compareWithAlertmanagerGroups(*result, s.alerts, s.amGroups);
    s.triage = std::move(result);
}

} // namespace vigil::analysis
