#pragma once
// Prometheus' answers, read, in the fleet's terms: one host per machine by the profile's identity with
// its metrics and facts, the service edges of the mesh queries, the alerts its rules hold as
// Alertmanager would receive them, a join's table. Pure functions of their inputs; the poller calls
// them once a round's answers are read.
#include "../fleet/polldata.h"
#include "../fleet/queryprofile.h"
#include "prometheusadapter.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vigil::promnormalize {

// The inventory's hosts (several series of one machine are one host, up if any is), sorted by name,
// and each metric's value per host (metricOk says which metric answered).
void hosts(PollData &data, PromQueryResult &up, const std::vector<std::optional<PromQueryResult>> &metrics,
           const QueryProfile &profile, TimeMs seen, const std::string &sourceId);

// The facts of the hosts above (data.hosts), sorted; hasFacts when every fact query answered.
void facts(PollData &data, const std::vector<std::optional<PromQueryResult>> &facts,
           const QueryProfile &profile);

// Requests (and errors, when asked) per second between two services, summed over their series.
void serviceEdges(PollData &data, const PromQueryResult &edges, const PromQueryResult *edgeErrors,
                  const QueryProfile &profile);

// /api/v1/alerts' alerts with the external labels Prometheus adds on the way to Alertmanager.
void ruleAlerts(PollData &data, std::vector<PromRuleAlert> alerts, const LabelSet &external,
                const std::string &sourceId);

// A join's table: the `on` values joined by '\xff' -> the `add` labels, sorted by key; series missing an
// `on` label or every `add` label (a pending pod without a node) give no row.
std::vector<std::pair<std::string, LabelSet>> joinTable(const JoinQuery &jq, const PromQueryResult &r);

} // namespace vigil::promnormalize
