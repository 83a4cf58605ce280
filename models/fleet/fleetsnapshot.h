#pragma once
// The immutable state the GUI sees: built off the GUI thread, published as shared_ptr<const>.
#include "alert.h"
#include "host.h"
#include "incidentnote.h"
#include "queryprofile.h"
#include "silence.h"
#include "sourcehealth.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace vigil {

namespace analysis {
class FleetGraph;
struct TriageResult;
struct GroupImbalance;
struct NodeHealth;
} // namespace analysis

// Fleet-wide counts the status line and the wall's headline show, counted with the snapshot (off the
// GUI thread) instead of by every view on every tick.
struct FleetSummary {
    int hostsDown = 0;
    int alertsFiring = 0;     // active or firing, neither silenced nor inhibited
    int alertsSuppressed = 0; // silenced, inhibited or suppressed
    // Whether anything raises alerts that Vigil can see: an Alertmanager that answers, or a Prometheus
    // that answers and reports alerting rules. "No alerts" means "quiet" only when something watches;
    // otherwise `unwatched` says why ("no Alertmanager is configured and ...").
    bool watching = false;
    std::string unwatched;
};

struct FleetSnapshot {
    std::uint64_t generation = 0;
    TimeMs builtAt = 0;
    bool fromCache = false; // opened from the store; no poll has landed yet
    // An incident snapshot's replay: the moment this fleet is shown at (0: live). Views ask now() instead
    // of the clock, so staleness, time ranges and ages read as they did then.
    TimeMs asOf = 0;
    [[nodiscard]] TimeMs now() const { return asOf ? asOf : nowMs(); }
    TimeMs replayFrom = 0, replayTo = 0; // replay: the recorded window, which history views show
    // steady_clock time (ns) at which the last response of the poll behind this snapshot arrived; lets
    // benchmarks and the watchdog measure receive-to-screen latency.
    std::int64_t pollReceivedNs = 0;
    std::vector<MetricQuery> metrics;
    HostList hosts; // sorted by name
    FactList facts; // sorted by host, then name
    // Per host, in the order of `hosts`: its active alerts (firing, neither silenced nor inhibited),
    // counted with the snapshot; kept beside the hosts so that a new count does not copy them.
    std::vector<int> hostAlerts;
    // A host's count: by its place when it is one of `hosts`, else by its name (0 when not counted).
    [[nodiscard]] int activeAlertsOn(const Host &h) const;
    // Hosts whose labels, up state or facts changed in the poll behind this snapshot (sorted), for
    // analyses that keep per-host results (drift); allHostsChanged when that is unknown (the first
    // snapshot, the cache replaced by a live source).
    std::vector<std::string> changedHosts;
    bool allHostsChanged = false;
    std::vector<ServiceEdge> edges; // from the config and the edge query, by (from, to)
    // Every (label, value) the profile's joins add, sorted and distinct (kube_pod_owner's workloads,
    // kube_node_labels' zones): services and places that exist without a host of their own. Shared
    // between snapshots while the join tables stay the same.
    std::shared_ptr<const std::vector<std::pair<std::string, std::string>>> joined;
    // (service, host) pairs, sorted: hosts that run a service no host is labelled with (the nodes a
    // workload's pods are on), from the joins (FleetState::setServices).
    std::shared_ptr<const std::vector<std::pair<std::string, std::string>>> runsOn;
    // Shared with the snapshot before while no source brought new alerts, silences or join tables.
    AlertList alerts;
    std::vector<AlertRule> rules;            // alerting rules of every Prometheus, by name
    std::vector<AlertmanagerGroup> amGroups; // Alertmanager's own grouping, merged across a cluster
    [[nodiscard]] const AlertRule *rule(std::string_view alertname) const;
    std::vector<Silence> silences;
    std::vector<SourceHealth> sources;
    std::vector<IncidentNote> notes;   // by time
    std::vector<Acknowledgement> acks; // by incident
    [[nodiscard]] const Acknowledgement *ack(std::string_view incident) const;
    // Analysis over the above, computed off the GUI thread with the snapshot (models/analysis).
    std::shared_ptr<const analysis::FleetGraph> graph;
    std::shared_ptr<const analysis::TriageResult> triage; // indexes into `alerts`
    // Per node of `graph`: hosts up and down, the worst alert and how many (the maps' colours), counted
    // once here for every map that shows this snapshot.
    std::shared_ptr<const std::vector<analysis::NodeHealth>> health;
    // The profile's load metric and thresholds, and its spread per service pool, most uneven first
    // (when the profile has that metric).
    LoadProfile load;
    std::shared_ptr<const std::vector<analysis::GroupImbalance>> imbalance;

    FleetSummary summary; // summarize() fills it

    [[nodiscard]] const Host *host(std::string_view name) const;
    [[nodiscard]] int metricIndexOf(std::string_view key) const; // -1 when the profile has no such metric
    [[nodiscard]] bool anyStale(TimeMs now) const;
    [[nodiscard]] int firingAlertCount() const;
};

// Counts hosts and alerts into snapshot.summary; whoever builds a snapshot calls it last.
void summarize(FleetSnapshot &snapshot);
// A host by name among hosts sorted by name (FleetSnapshot::hosts); nullptr when there is none.
const Host *findHost(const std::vector<Host> &sortedByName, std::string_view name);

using FleetSnapshotPtr = std::shared_ptr<const FleetSnapshot>;

} // namespace vigil
