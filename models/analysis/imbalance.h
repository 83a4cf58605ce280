#pragma once
// Uneven load: for each group of hosts (a pool by service, a rack, any label), how unevenly one
// metric is spread, its redlining and idle hosts, and a suggested move of load from hot to cold.
// Pure std C++ over the snapshot's hosts.
#include "fleet/host.h"

#include <string>
#include <vector>

namespace vigil::analysis {

struct ImbalanceOptions {
    std::string groupLabel = "service"; // pools
    double hot = 0.85;                  // redlining at or above
    double idle = 0.20;                 // idle at or below
    int minHosts = 4;                   // smaller groups are not ranked
};

struct GroupImbalance {
    std::string group;
    int hosts = 0; // with a value
    double mean = 0, max = 0, min = 0;
    double maxOverMean = 0;
    double stddev = 0;
    double cv = 0;         // coefficient of variation (stddev / mean)
    double hotShare = 0;   // share of hosts at or above `hot`
    double idleShare = 0;  // share at or below `idle`
    double score = 0;      // ranking: stddev x (1 + 4 x hotShare), x1.5 when hot and idle hosts coexist
    std::vector<int> hot;  // host indexes, hottest first
    std::vector<int> idle; // coldest first
    // Suggested move: bring each hot host down to the group mean by shifting its excess to idle hosts.
    double excess = 0;            // sum over hot hosts of (value - mean), in the metric's unit x hosts
    double hotAt = 0, idleAt = 0; // the thresholds it was judged by (ImbalanceOptions)
};

// Hosts without the label or without a value for `metric` are left out. Ranked by score, highest first.
std::vector<GroupImbalance> rankImbalance(const std::vector<Host> &hosts, int metric,
                                          const ImbalanceOptions &options = {});

} // namespace vigil::analysis
