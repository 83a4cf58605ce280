#pragma once
// The query profile: which PromQL yields which per-host figure and which series carry facts. It is data
// from the config, not code; the default fits node_exporter.
#include "hostidentity.h"

#include <string>
#include <string_view>
#include <vector>

namespace vigil {

enum class MetricUnit { Ratio, BytesPerSecond, Number };

struct MetricQuery {
    std::string key;   // "cpu", "memory", ...: stable id used by views and the store
    std::string title; // column / legend title
    MetricUnit unit = MetricUnit::Ratio;
    std::string query; // PromQL returning one series per host
};

struct FactQuery {
    std::string name;                     // prefix of the facts it yields, e.g. "uname"
    std::string query;                    // an info-style series, e.g. node_uname_info
    std::vector<std::string> valueLabels; // labels whose values are facts, e.g. release, version
    // Identity labels: part of the fact's name, not its value. node_package_info{package="openssl",
    // version="3.0.11"} with keys [package] and labels [version] is the fact package.openssl = 3.0.11.
    std::vector<std::string> keyLabels;
    // The fact's name for a series: prefix, key values, and the value label when there are several.
    [[nodiscard]] std::string factName(const std::vector<std::string> &keyValues,
                                       const std::string &label) const;
};

// A metric that measures wear (corrected memory errors, reallocated sectors, temperature): the value
// at which the part counts as failing, for the hardware ranking's projection.
struct WearThreshold {
    std::string metricKey;
    double failAt = 0;
};

// Uneven load: the metric pools are ranked by, and the values (in its unit) at or above which a host
// counts as redlining and at or below which it counts as idle.
struct LoadProfile {
    std::string metric = "cpu";
    double hot = 0.85;
    double idle = 0.20;
};

// A join through an info metric, as kube-state-metrics and service meshes expose them: a series of
// `query` that shares the `on` labels with an alert gives the alert its `add` labels when it lacks them
// (kube_pod_info on [namespace, pod] adds [node]: a pod's alert is placed on its node).
struct JoinQuery {
    std::string query;
    std::vector<std::string> on;
    std::vector<std::string> add;

    // The key a series and an alert meet on: the `on` values, each ended by '\xff'; empty when one is
    // missing. label(name) gives a label's value (a series' or an alert's).
    template <class Label> [[nodiscard]] std::string keyOf(Label &&label) const {
        std::string key;
        for (const auto &l : on) {
            const std::string_view v = label(l);
            if (v.empty())
                return {};
            key.append(v).push_back('\xff');
        }
        return key;
    }
};

struct QueryProfile {
    HostIdentity host;          // the labels that name a host (profile.host_label)
    std::string upQuery = "up"; // one series per scrape target; defines the inventory
    std::vector<MetricQuery> metrics;
    std::vector<FactQuery> facts;
    std::vector<JoinQuery> joins;
    // Labels whose value names an alert's service (the topology's service label) when the alert has
    // none, provided a join names that service: kube-state-metrics' workload alerts carry `deployment`,
    // `statefulset` or `daemonset` and no pod (profile.service_aliases).
    std::vector<std::string> serviceAliases;
    std::vector<WearThreshold> wear; // metrics with `fail_at` in the config
    LoadProfile load;
    // Service dependency edges from request metrics (service-mesh style): one series per (source,
    // destination) pair; empty: no edge query.
    std::string edgeQuery;
    std::string edgeErrorQuery;
    std::string edgeSourceLabel = "source_service";
    std::string edgeDestinationLabel = "destination_service";

    static QueryProfile nodeExporterDefault();
    // kube-prometheus: node_exporter's queries with nodes named by `node` (node_exporter's `instance` is
    // the node's name there), and joins that place pods on their nodes and workloads and nodes in their
    // zones (kube-state-metrics and the kubernetes-mixin's recording rules).
    static QueryProfile kubernetes();
    [[nodiscard]] int metricIndex(const std::string &key) const;
    [[nodiscard]] const WearThreshold *wearOf(const std::string &metricKey) const;
};

MetricUnit metricUnitFromString(const std::string &s, bool *ok);
const char *metricUnitName(MetricUnit u);

} // namespace vigil
