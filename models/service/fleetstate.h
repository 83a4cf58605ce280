#pragma once
// Merges poll results from every endpoint into one fleet: hosts across Prometheus shards, alerts
// deduplicated by fingerprint across an Alertmanager cluster and Prometheus, silences, per-source health.
// Each update yields the next immutable snapshot and the store diff. Pure C++, runs off the GUI thread.
#include "../config/config.h"
#include "../fleet/fleetsnapshot.h"
#include "../fleet/polldata.h"
#include "../store/storebatch.h"

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>

namespace vigil {

struct CachedState;

class FleetState final {
public:
    FleetState(std::vector<MetricQuery> metrics, HostIdentity identity);

    // Seeds the state from the cache so the first snapshot shows the last known fleet, marked stale.
    void restore(CachedState cache);
    // The fleet as an incident snapshot recorded it at `at` (replacing all state held), not stale, built
    // as of that moment; the window is what the recording covers.
    // The snapshot takes the hosts over (no copy): only replay() may follow.
    void replay(CachedState state, TimeMs at, TimeMs windowFrom, TimeMs windowTo);
    // Registers an endpoint so its health shows before its first poll.
    void addSource(const SourceHealth &health);

    struct Update {
        FleetSnapshotPtr snapshot;
        std::shared_ptr<StoreBatch> batch;
    };
    Update apply(const PollData &poll);
    // A poll that brings nothing new (every answer the same bytes as the last, or not asked for, and
    // the source's health unchanged but for its times) is only recorded: its source's health is taken
    // and the store's batch returned, no snapshot built. nullptr for any other poll (apply() it).
    std::shared_ptr<StoreBatch> absorbQuiet(const PollData &poll);
    // Runs on every snapshot before it is published (graph, triage), on the same thread.
    void setAnalyzer(std::function<void(FleetSnapshot &)> analyzer) { m_analyzer = std::move(analyzer); }
    // Dependency edges the operator wrote in the config; measured edges from a query add to them.
    void setStaticEdges(std::vector<ServiceEdge> edges) { m_staticEdges = std::move(edges); }
    // Label names (external labels a backend cannot report) ignored when merging Prometheus' and
    // Alertmanager's copies of an alert; the merged alert keeps Alertmanager's labels.
    void setMergeIgnoredLabels(std::vector<std::string> names) {
        m_mergeIgnored = std::move(names);
        m_alertsDirty = true;
    }
    // The sources' external labels, sorted and unique: what setMergeIgnoredLabels takes.
    static std::vector<std::string> externalLabelsOf(const Config &config);
    // The profile's joins (kube_pod_info: a pod's alert is placed on its node; kube_node_labels: a node
    // is placed in its zone); PollData::joins holds their tables in this order.
    void setJoins(std::vector<JoinQuery> joins) {
        m_joins = std::move(joins);
        m_alertsDirty = true;
    }
    // The topology's service label, and the labels that name an alert's service when it has none
    // (QueryProfile::serviceAliases). With joins that add both the service label and a host identity
    // label on one key (a pod: its workload and its node), the snapshot says which hosts run which
    // services (FleetSnapshot::runsOn).
    void setServices(std::string serviceLabel, std::vector<std::string> aliases) {
        m_serviceLabel = std::move(serviceLabel);
        m_serviceAliases = std::move(aliases);
        m_alertsDirty = true;
    }
    // What the joins added and the (service, host) pairs they gave, as a recording kept them (a snapshot
    // file, the cache): published while no source has brought a join table of its own.
    void setRecordedJoins(std::vector<std::pair<std::string, std::string>> joined,
                          std::vector<std::pair<std::string, std::string>> runsOn);
    [[nodiscard]] FleetSnapshotPtr snapshot() const { return m_snapshot; }
    // Rebuilds the snapshot with fresh staleness but no new data (a timer tick with all sources quiet).
    FleetSnapshotPtr rebuild();
    // What operators add to incidents; each yields the next snapshot and its store write.
    Update addNote(IncidentNote note);
    Update setAck(Acknowledgement ack);
    Update clearAck(const std::string &incident);

private:
    struct PromPart {
        HostList hosts; // sorted by name
        FactList facts;
        std::vector<Alert> ruleAlerts;
        std::vector<ServiceEdge> edges;
        std::vector<AlertRule> rules;
        std::vector<std::vector<std::pair<std::string, LabelSet>>> joins; // per m_joins, sorted by key
    };
    struct AmPart {
        std::vector<AlertmanagerGroup> groups;
        std::vector<Alert> alerts;
        std::vector<Silence> silences;
    };
    void applyInventory(const PollData &poll, StoreBatch &batch);
    static void alertChanges(const FleetSnapshot &previous, const FleetSnapshot &snap, StoreBatch &batch);
    FleetSnapshotPtr build();
    // build()'s steps, in its order.
    void mergeHosts(FleetSnapshot &s);
    void mergeEdges(FleetSnapshot &s) const;
    void mergeRulesAndGroups(FleetSnapshot &s) const;
    void mergeSilences(FleetSnapshot &s) const;
    // The join tables' labels and the (service, host) pairs onto the snapshot; whether live joins apply.
    bool attachJoins(FleetSnapshot &s);
    [[nodiscard]] std::vector<Alert> mergeAlerts() const;
    void placeAlerts(std::vector<Alert> &alerts, TimeMs builtAt, bool joined);
    void countHostAlerts(FleetSnapshot &s);
    void place(Alert &alert) const;
    void place(Host &host) const;
    // The row of join j's table (any source's) met by `key`; null when none.
    [[nodiscard]] const LabelSet *joinRow(std::size_t j, const std::string &key) const;
    // (service, host) pairs from the join tables (FleetSnapshot::runsOn), sorted and distinct.
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> runsOnFromJoins() const;

    std::vector<MetricQuery> m_metrics;
    HostIdentity m_identity;
    std::map<std::string, SourceHealth> m_health;
    std::map<std::string, PromPart> m_prom;
    std::map<std::string, AmPart> m_am;
    std::vector<ServiceEdge> m_staticEdges;
    std::vector<std::string> m_mergeIgnored;
    std::vector<JoinQuery> m_joins;
    std::string m_serviceLabel = "service";
    std::vector<std::string> m_serviceAliases;
    // The alerts merged and placed for the last snapshot, shared by the next ones until a source brings
    // alerts, a join table changes or the state is restored (m_alertsDirty).
    AlertList m_alerts;
    bool m_alertsDirty = true;
    // The last count of active alerts per host, kept while the alerts are shared and the hosts have
    // the same names in the same order (countHostAlerts).
    struct HostAlertCount {
        AlertList alerts;
        std::vector<std::string> names;
        std::vector<int> counts;
    } m_counted;
    // When alerts without a usable start were first seen, by fingerprint.
    std::unordered_map<std::string, TimeMs> m_firstSeen;
    std::vector<IncidentNote> m_notes;
    // What the joins add, (label, value) distinct; rebuilt when a join table changes (refreshJoined).
    std::shared_ptr<const std::vector<std::pair<std::string, std::string>>> m_joined;
    std::shared_ptr<const std::vector<std::pair<std::string, std::string>>> m_runsOn; // (service, host)
    bool m_joinedDirty = false;
    std::shared_ptr<const std::vector<std::pair<std::string, std::string>>> m_recordedJoined,
        m_recordedRunsOn;
    std::shared_ptr<const std::vector<std::pair<std::string, std::string>>> m_storedJoined,
        m_storedRunsOn; // cached
    void refreshJoined();
    std::map<std::string, Acknowledgement> m_acks;
    std::function<void(FleetSnapshot &)> m_analyzer;
    bool m_fromCache = false;
    TimeMs m_asOf = 0; // replay: the moment the snapshot shows (0: now)
    TimeMs m_replayFrom = 0, m_replayTo = 0;
    std::vector<std::string> m_changedHosts; // for the next snapshot built
    bool m_allHostsChanged = true;
    std::uint64_t m_generation = 0;
    std::int64_t m_lastReceivedNs = 0; // steady time of the last poll's last response
    FleetSnapshotPtr m_snapshot;
};

} // namespace vigil
