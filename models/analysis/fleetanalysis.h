#pragma once
// Attaches the fleet graph and the triage result to each snapshot as it is built (worker thread).
// The graph is rebuilt only when hosts, their labels or the edges change, so the correlator's
// per-alert cache survives ordinary polls.
#include "config/config.h"
#include "correlation.h"
#include "fleet/fleetsnapshot.h"
#include "imbalance.h"

namespace vigil::analysis {

class FleetAnalyzer {
public:
    FleetAnalyzer(TopologyConfig topology, CorrelationOptions options, LoadProfile load = {});
    // As the configuration asks: its topology, the profile's host labels and load, triage's grouping.
    explicit FleetAnalyzer(const Config &config);
    void operator()(FleetSnapshot &snapshot);

private:
    TopologyConfig m_topology;
    LoadProfile m_load;
    Correlator m_correlator;
    FleetGraphPtr m_graph;
    std::uint64_t m_signature = 0;
};

} // namespace vigil::analysis
