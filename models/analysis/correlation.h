#pragma once
// Alert-storm triage: every alert from every source is clustered into incidents by time proximity and
// topology distance (shared rack/zone/region, dependency on a failing service, inhibitedBy links),
// each incident names its probable root cause with a confidence and the evidence for a plain-language
// reason, and incidents are ranked. Pure std C++ over immutable inputs; the Correlator keeps only what
// incremental updates, "new"/"escalating" flags and flapping detection need between polls.
#include "causemagnitude.h"
#include "fleet/alert.h"
#include "fleet/hostidentity.h"
#include "fleetgraph.h"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace vigil::analysis {

struct CorrelationOptions {
    HostIdentity identity;                // as in the query profile
    std::string serviceLabel = "service"; // as in the topology config
    TimeMs window = 5 * 60'000;           // alerts starting this close to a cause's onset belong to it
    TimeMs lead = 60'000;                 // ...and this much before it (clocks and scrape intervals differ)
    double groupShare = 0.6;              // share of a group's hosts with critical alerts that implicates it
    int minGroupHosts = 3;
    std::vector<std::string> groupBy{"alertname"}; // how alerts without a topological cause are grouped
    int stormAlertsPerMinute = 60;                 // alerts starting per minute that make a storm
    int stormIncidentAlerts = 200;                 // ...or one incident this large
    TimeMs newFor = 5 * 60'000;                    // an incident is "new" this long after it was first seen
    TimeMs flapWindow = 30 * 60'000;
    int flapReturns = 3; // an alert that comes back this often within flapWindow is flapping
    // What counts as a failure (a cause, and what a group or service is judged failing by): an alert at
    // or above this severity rank, or one named here whatever its severity (KubeNodeNotReady is a
    // warning in the kubernetes-mixin), active, silenced or inhibited alike.
    int causeSeverity = 2;
    std::vector<std::string> causeAlerts;
    // A service no host of the fleet runs (a Kubernetes workload, a namespace) fails by its own alerts,
    // warnings too: it fails once those that began within `window` of each other weigh this much, a
    // critical alert weighing 1 and a warning 1/2 (alerts a failing node or group explains do not count).
    double serviceFailureWeight = 1.0;
    // A failing service the dependency graph knows no edge of is taken for the unseen dependency of the
    // services with known edges that fail with it (their alerts' kinds quiet before, bursting with it)
    // when at least this many do: one coincidence is not a pattern.
    int hiddenDependencyServices = 3;
};

enum class CauseKind : std::uint8_t { Group, Host, Service, AlertGroup };
const char *causeKindName(CauseKind k);

// 0 none/info, 1 warning, 2 critical (critical, page, error, high).
int severityRank(std::string_view severity);
// When an alert's trouble began, given its rule's `for:` (Correlator::setRules).
TimeMs troubleStartOf(const Alert &alert, TimeMs forMs);
// Whether an alert's `pod` label names what it is about: not when its own labels name a host of the
// fleet by a later identity label (node_exporter's alerts carry the exporter's pod, and instance).
bool podIsSubject(const Alert &alert, const HostIdentity &identity, const FleetGraph &graph);

struct Incident {
    std::string key; // stable across polls: "group:eu1/eu1-a/eu1-a-r07", "host:db-01", ...
    CauseKind causeKind = CauseKind::AlertGroup;
    int causeNode = -1;     // in the FleetGraph; -1 for an AlertGroup
    std::string causeLevel; // "rack", "host", "service"; the grouping labels for an AlertGroup
    std::string causeName;  // "eu1-a-r07", "db-0003", "HighCpu"
    double confidence = 0;  // 0..1

    // Evidence behind the reason ("38 hosts in rack eu1-a-r07 stopped answering within 40 s; 412 alerts
    // on 9 services depend on them"); the view words it.
    int causeHostsFailing = 0; // hosts at the cause with critical alerts
    int causeHosts = 0;        // hosts at the cause
    TimeMs causeSpreadMs = 0;  // first to last of those failures
    bool causeAlerted = false; // an alert names the cause itself (SwitchDown on the rack)
    // The cause is a service no host runs, failing by the weight of its own alerts (the cause alerts).
    bool causeByOwnAlerts = false;
    int dependentAlerts = 0; // members explained by a dependency on the cause
    // Members joined by time alone: no dependency edge leads from their service to the cause, but
    // their kind was quiet before it and burst with it (AlertRates); the reason says so.
    int joinedByTime = 0;
    // Members that are the own alerts of workloads whose pods ran on the cause (FleetGraph's `runs`).
    int workloadAlerts = 0;
    // Members aggregated to a scrape job no service is named after (TargetDown{job="kubelet"}): the
    // cause's hosts are down, and their targets with them.
    int targetAlerts = 0;
    // Alerts its dependents raised that it does not claim: their kind was starting as often before it.
    int backgroundApart = 0;
    int services = 0;       // distinct services among members
    int hosts = 0;          // distinct hosts among members (blast radius)
    int inhibitedLinks = 0; // members inhibited by another member
    // Kubernetes: distinct pods (namespace, pod) among members that are not failures themselves, and
    // their namespaces ("node ip-10-20-79-93: 55 pods in 28 namespaces").
    int pods = 0, namespaces = 0;
    // Counter-evidence: services the failing group holds hosts of whose other hosts' alerts it does not
    // explain (churning before it, or too many for what it lost), most alerted hosts first.
    std::vector<Unexplained> unexplained;

    std::vector<std::uint32_t> alerts; // indexes into the input, cause alerts first
    std::uint32_t causeAlertCount = 0; // the first causeAlertCount of `alerts` sit at the cause
    int severity = 0;                  // worst among unsuppressed members
    int active = 0, suppressed = 0, flapping = 0;
    TimeMs startsAt = 0;  // earliest member start
    TimeMs firstSeen = 0; // when the Correlator first saw this incident
    bool isNew = false;
    bool escalating = false; // grew by a fifth (and at least 5 alerts) since the last update

    // Presentation summaries (summarize()), so views never walk the members on the GUI thread:
    // `alerts` after the cause alerts is ordered by alert name, largest group first; each group is a
    // slice of `alerts`. The timeline counts member alerts by the minute they started (last 2 h).
    struct MemberGroup {
        std::string name;
        std::uint32_t begin = 0, end = 0;
        bool atCause = false;
        bool flapping = false; // alerts that keep coming back, folded into one group at the end
    };
    std::vector<MemberGroup> groups;
    struct Minute {
        TimeMs start = 0;
        std::array<int, 3> bySeverity{}; // info, warning, critical
    };
    std::vector<Minute> timeline;
};

struct TriageResult {
    std::vector<Incident> incidents;    // ranked: severity, blast radius, age
    std::vector<int> incidentOf;        // per input alert: index into incidents, -1 when resolved
    std::vector<std::uint16_t> returns; // per input alert: times it came back within flapWindow
    int flapReturns = 3;                // returns that make an alert flapping
    std::size_t alerts = 0;             // alerts considered (not resolved)
    double alertsPerMinute = 0;         // alerts that started within the last minute
    bool storm = false;
    TimeMs computedAt = 0;
    // The labels this was computed with (what a silence of an incident must match on).
    HostIdentity identity;
    std::string serviceLabel = "service";
    std::vector<std::string> groupBy{"alertname"};
    // Per Alertmanager group (aligned with the snapshot's amGroups): how Vigil regrouped its alerts.
    struct AmGroupView {
        int alerts = 0;       // of its alerts, those Vigil holds
        int incidents = 0;    // distinct incidents they fall in
        int topIncident = -1; // the incident holding most of them
    };
    std::vector<AmGroupView> amGroups;

    [[nodiscard]] double compression() const {
        return alerts ? 1.0 - static_cast<double>(incidents.size()) / static_cast<double>(alerts) : 0.0;
    }
};

using TriageResultPtr = std::shared_ptr<const TriageResult>;

// How urgent an incident is, for its rank and the wall's interrupt: its worst severity, but critical when
// its cause is made of failures whatever its alerts' severity (a node lost by its NotReady warning,
// triage.cause_alerts, is weighed against an unrelated critical alert by size, not label), or when its
// cause is a service failing by its own alerts that services depending on it failed with (CoreDNS).
int urgencyOf(const Incident &incident);
// How sure the cause is, 0..0.99, from its evidence (share of the cause's hosts failing, an alert naming
// it, dependents, inhibitions).
double confidenceOf(const Incident &incident);
// Fills each incident's groups and timeline from the alerts it was computed on (see Incident).
void summarize(TriageResult &result, const std::vector<Alert> &alerts);
// Fills result.amGroups; `alerts` sorted by fingerprint, as FleetState publishes them.
void compareWithAlertmanagerGroups(TriageResult &result, const std::vector<Alert> &alerts,
                                   const std::vector<AlertmanagerGroup> &groups);

// Per incident, what its members name besides the graph: distinct pods (namespace, pod) the alerts are
// about and their namespaces, and services no host of the fleet runs (Kubernetes workloads).
class MemberTally {
public:
    void add(int incident, const Alert &alert, bool countPod, std::string_view serviceOutsideGraph);
    void finish(std::vector<Incident> &incidents); // adds to Incident::pods, namespaces, services

private:
    std::vector<std::tuple<int, std::string_view, std::string_view>> m_pods; // incident, namespace, pod
    std::vector<std::pair<int, std::string_view>> m_services;
};

class Correlator {
public:
    explicit Correlator(CorrelationOptions options = {});
    [[nodiscard]] const CorrelationOptions &options() const { return m_opt; }

    // The alerting rules (their `for:`): Alertmanager's startsAt is when an alert fired, so its trouble
    // began `for` earlier; correlation times each alert from then (Prometheus' own copies already start
    // at activeAt). A name several rules share takes the shortest. Cheap when nothing changed.
    void setRules(const std::vector<AlertRule> &rules);

    // Correlates the current alerts. Each alert's place in the graph is remembered by fingerprint, so a
    // poll where few alerts changed costs little more than a pass over integers. `hosts`, sorted by name
    // (FleetSnapshot::hosts), give their up state: one host of a service's several, failing while it is
    // up (a degraded disk, a full filesystem), leaves the others serving, so it explains no trouble on
    // the services that depend on its own. Without them every failing host may.
    std::shared_ptr<TriageResult> update(const FleetGraphPtr &graph, const std::vector<Alert> &alerts,
                                         TimeMs now, const std::vector<Host> *hosts = nullptr);

private:
    struct Pass; // one update, stage by stage (correlation/pass.h)
    // What the correlator remembers per alert, keyed by its fingerprint (16 hex digits as a number).
    struct Located {
        std::int32_t host = -1;     // host node
        std::int32_t group = -1;    // group node the labels name when there is no host
        std::int32_t service = -1;  // service node
        std::int32_t groupKey = -1; // interned values of the groupBy labels
        std::uint8_t severity = 0;
        bool failure = false; // at or above causeSeverity, or named in causeAlerts
        TimeMs forMs = 0;     // its rule's `for:` (setRules)
        // Its `pod` label names what it is about, not the exporter's pod that was scraped (node_exporter's
        // alerts carry that, and name their host by a later identity label such as instance).
        bool podSubject = false;
        // Aggregated to its scrape job: a job label, none naming a machine, no place (TargetDown).
        bool jobLevel = false;
        TimeMs lastSeen = 0;
        std::uint64_t seenIn = 0; // the update that last saw it
        std::uint32_t index = 0;  // position in the current update's input
        std::vector<TimeMs> returns;
    };
    std::uint32_t locate(const FleetGraph &g, const Alert &a, std::uint64_t key, bool *fresh); // slot
    // Forgets alerts gone longer than the flap window and compacts the table (the scratch positions
    // follow); now and then starts the interned group keys over.
    void compact(const FleetGraph &g, const std::vector<Alert> &alerts, TimeMs now);
    // An inhibited alert goes to the incident its inhibitor went to (Incident::inhibitedLinks).
    void followInhibitions(TriageResult &result, const std::vector<Alert> &alerts);

    CorrelationOptions m_opt;
    AlertRates m_rates; // per group key, around each failure; refilled each update
    FleetGraphPtr m_graph;
    std::vector<Located> m_entries;                           // dense, in first-seen order
    std::unordered_map<std::uint64_t, std::uint32_t> m_slots; // fingerprint -> entry
    std::vector<std::pair<std::uint64_t, std::uint32_t>>
        m_byPosition; // the previous update's keys, ascending
    bool m_previousAscending = true;
    // Per-alert working arrays, kept between updates so a poll does not fault in fresh pages.
    struct Scratch {
        std::vector<std::pair<std::uint64_t, std::uint32_t>> positions;
        std::vector<char> live, sup, inhibited, viaDependency;
        std::vector<TimeMs> start;
        std::vector<const Located *> loc;
        std::vector<int> causeOf, pseudo;
        std::vector<CauseKind> kindOf;
    } m_scratch;
    std::map<std::string, TimeMs, std::less<>> m_forByName; // setRules
    std::unordered_map<std::string, int> m_groupKeyIds;
    std::vector<std::string> m_groupKeys;
    struct Seen {
        TimeMs firstSeen = 0;
        std::size_t alerts = 0;
    };
    std::unordered_map<std::string, Seen> m_incidents;
    std::uint64_t m_update = 0;
};

} // namespace vigil::analysis
