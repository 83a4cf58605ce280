#include "queryprofile.h"

namespace vigil {

QueryProfile QueryProfile::nodeExporterDefault() {
    QueryProfile p;
    p.metrics = {
        {"cpu", "CPU", MetricUnit::Ratio,
         R"(1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])))"},
        {"memory", "Memory", MetricUnit::Ratio,
         R"(1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)"},
        {"disk", "Disk", MetricUnit::Ratio,
         R"(max by (instance) (1 - node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs|ramfs"} / node_filesystem_size_bytes{fstype!~"tmpfs|overlay|squashfs|ramfs"}))"},
        {"network", "Network", MetricUnit::BytesPerSecond,
         R"(sum by (instance) (rate(node_network_receive_bytes_total{device!="lo"}[5m]) + rate(node_network_transmit_bytes_total{device!="lo"}[5m])))"},
        {"load", "Load/core", MetricUnit::Number,
         R"(node_load1 / on (instance) group_left count by (instance) (node_cpu_seconds_total{mode="idle"}))"},
        // Hardware wear (node_exporter's EDAC and hwmon collectors, smartmon textfile collector).
        {"mem_errors", "Memory errors", MetricUnit::Number,
         R"(sum by (instance) (node_edac_correctable_errors_total))"},
        {"realloc_sectors", "Reallocated sectors", MetricUnit::Number,
         R"(max by (instance) (smartmon_reallocated_sector_ct_raw_value))"},
        {"temperature", "Temperature °C", MetricUnit::Number,
         R"(max by (instance) (node_hwmon_temp_celsius))"},
    };
    p.wear = {{"mem_errors", 1000}, {"realloc_sectors", 500}, {"temperature", 85}};
    p.facts = {
        {"uname", "node_uname_info", {"release", "version", "machine"}, {}},
        {"os", "node_os_info", {"id", "version_id", "pretty_name"}, {}},
        // The node_exporter textfile-collector convention for configuration facts.
        {"package", "node_package_info", {"version"}, {"package"}},
        {"sysctl", "node_sysctl_info", {"value"}, {"name"}},
        {"config", "node_config_file_info", {"sha256"}, {"path"}},
    };
    return p;
}

QueryProfile QueryProfile::kubernetes() {
    QueryProfile p = nodeExporterDefault();
    p.host.labels = {"node", "instance"};
    p.host.stripPort = true;
    // One target per node: kube-prometheus relabels node_exporter's `instance` to the node's name.
    p.upQuery = R"(up{job="node-exporter"})";
    p.joins = {
        // a pod's alert (namespace, pod) is placed on its node...
        {"kube_pod_info", {"namespace", "pod"}, {"node"}},
        // ...and on its workload (Deployment, StatefulSet, DaemonSet, Job), as the kubernetes-mixin
        // records it from kube_pod_owner and kube_replicaset_owner
        {"namespace_workload_pod:kube_pod_owner:relabel",
         {"namespace", "pod"},
         {"workload", "workload_type"}},
        // a node in its zone and region, from its well-known topology labels (kube-state-metrics exports
        // them once allowed: --metric-labels-allowlist=nodes=[topology.kubernetes.io/region,...])
        {R"q(label_replace(label_replace(kube_node_labels, "region", "$1", "label_topology_kubernetes_io_region", "(.+)"), "zone", "$1", "label_topology_kubernetes_io_zone", "(.+)"))q",
         {"node"},
         {"region", "zone"}},
    };
    // KubeDeploymentReplicasMismatch, KubeStatefulSetReplicasMismatch, KubeDaemonSetRolloutStuck...; and
    // alerts written over a mesh's metrics (Istio's istio_requests_total names the workload called)
    p.serviceAliases = {"deployment", "statefulset", "daemonset", "destination_workload"};
    return p;
}

std::string FactQuery::factName(const std::vector<std::string> &keyValues, const std::string &label) const {
    std::string n = name;
    for (const auto &k : keyValues)
        n += "." + k;
    if (keyLabels.empty() || valueLabels.size() > 1)
        n += "." + label;
    return n;
}

int QueryProfile::metricIndex(const std::string &key) const {
    for (std::size_t i = 0; i < metrics.size(); ++i)
        if (metrics[i].key == key)
            return static_cast<int>(i);
    return -1;
}

const WearThreshold *QueryProfile::wearOf(const std::string &metricKey) const {
    for (const auto &w : wear)
        if (w.metricKey == metricKey)
            return &w;
    return nullptr;
}

MetricUnit metricUnitFromString(const std::string &s, bool *ok) {
    *ok = true;
    if (s == "ratio" || s == "percent")
        return MetricUnit::Ratio;
    if (s == "bytes_per_second" || s == "Bps")
        return MetricUnit::BytesPerSecond;
    if (s == "number" || s == "")
        return MetricUnit::Number;
    *ok = false;
    return MetricUnit::Number;
}

const char *metricUnitName(MetricUnit u) {
    switch (u) {
    case MetricUnit::Ratio:
        return "ratio";
    case MetricUnit::BytesPerSecond:
        return "bytes_per_second";
    case MetricUnit::Number:
        return "number";
    }
    return "number";
}

} // namespace vigil
