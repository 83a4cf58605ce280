// vigil-sim's Prometheus HTTP API: instant and range queries over the simulated fleet (the default
// profile's queries, the service mesh's edges, the hardware wear series), targets, label names, alerts
// and rules as Prometheus serves them, and /metrics for a real Prometheus to scrape. Alertmanager's API
// and the faults are in simserver.cpp.
#include "simserver.h"

#include "fleet/labelmatcher.h"
#include "fleet/queryprofile.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

namespace vigil::sim {

using json = nlohmann::json;

namespace {

std::string promError(const std::string &type, const std::string &msg) {
    return json{{"status", "error"}, {"errorType", type}, {"error", msg}}.dump();
}

void appendEscaped(std::string &out, std::string_view s) {
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
}

void appendValue(std::string &out, double v) {
    if (std::isnan(v)) {
        out += "NaN";
        return;
    }
    if (std::isinf(v)) {
        out += v > 0 ? "+Inf" : "-Inf";
        return;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    out += buf;
}

void appendTime(std::string &out, TimeMs t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld.%03lld", static_cast<long long>(t / 1000),
                  static_cast<long long>(t % 1000));
    out += buf;
}

void appendHostLabels(std::string &out, const SimHost &h, bool withJob) {
    out += "{\"instance\":\"";
    appendEscaped(out, h.instance);
    out += "\"";
    if (withJob)
        out += ",\"job\":\"node\"";
    out += ",\"rack\":\"" + h.rack + "\",\"region\":\"" + h.region + "\",\"role\":\"" + h.role +
           "\",\"service\":\"" + h.service + "\",\"zone\":\"" + h.zone + "\"}";
}

TimeMs parseTimeParam(const std::string &s, TimeMs fallback) {
    if (s.empty())
        return fallback;
    if (auto t = parseRfc3339(s))
        return *t;
    char *end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str())
        return -1;
    return static_cast<TimeMs>(std::llround(v * 1000));
}

// /metrics' text: a family's HELP and TYPE lines, a sample's line, a host's labels.
void appendFamily(std::string &out, const char *name, const char *type, const char *help) {
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

void appendLine(std::string &out, const char *name, const std::string &lbl, double v) {
    out += name;
    out += lbl;
    out += ' ';
    appendValue(out, v);
    out += '\n';
}

std::string hostLabels(const SimHost &h, const std::string &extra) {
    std::string l = "{instance=\"" + h.instance + "\",job=\"node\",rack=\"" + h.rack + "\",region=\"" +
                    h.region + "\",role=\"" + h.role + "\",service=\"" + h.service + "\",zone=\"" + h.zone +
                    "\"";
    if (!extra.empty())
        l += "," + extra;
    return l + "}";
}

} // namespace

// Service-mesh style edge queries vigil-sim answers (source_service, destination_service labels).
const char *const kEdgeQuery =
    "sum by (source_service, destination_service) (rate(service_requests_total[5m]))";
const char *const kEdgeErrorQuery =
    "sum by (source_service, destination_service) (rate(service_request_errors_total[5m]))";

namespace {

// The simulator metric a query of the default profile asks for, or -1.
int metricForQuery(const std::string &q) {
    for (const auto &m : QueryProfile::nodeExporterDefault().metrics)
        if (m.query == q)
            return SimFleet::metricIndex(m.key);
    return -1;
}

// The hardware wear series, raw or as the default profile aggregates them per host.
std::optional<SimFleet::Wear> wearForQuery(const std::string &q) {
    std::string key;
    for (const auto &m : QueryProfile::nodeExporterDefault().metrics)
        if (m.query == q)
            key = m.key;
    if (q == "node_hwmon_temp_celsius" || key == "temperature")
        return SimFleet::Wear::TemperatureC;
    if (q == "smartmon_reallocated_sector_ct_raw_value" || key == "realloc_sectors")
        return SimFleet::Wear::ReallocatedSectors;
    if (q == "node_edac_correctable_errors_total" || key == "mem_errors")
        return SimFleet::Wear::MemoryErrors;
    return std::nullopt;
}

} // namespace

ServerReply SimServer::query(const ServerRequest &r) {
    const std::string q = r.param("query");
    const TimeMs t = parseTimeParam(r.param("time"), m_fleet.now());
    if (t < 0)
        return ServerReply::json(promError("bad_data", "invalid parameter \"time\": cannot parse \"" +
                                                           r.param("time") + "\" to a valid timestamp"),
                                 400);
    const auto profile = QueryProfile::nodeExporterDefault();
    const auto &hosts = m_fleet.hosts();
    std::string out = R"({"status":"success","data":{"resultType":"vector","result":[)";
    out.reserve(hosts.size() * 200);
    bool first = true;
    auto sample = [&](const SimHost &h, bool withJob, double v, const std::string &extraName = {},
                      const std::vector<std::pair<std::string, std::string>> &extra = {}) {
        if (!first)
            out += ',';
        first = false;
        out += "{\"metric\":";
        if (!extraName.empty()) {
            out += "{\"__name__\":\"" + extraName + "\",";
            for (const auto &[k, v2] : extra) {
                out += "\"" + k + "\":\"";
                appendEscaped(out, v2);
                out += "\",";
            }
            std::string rest;
            appendHostLabels(rest, h, withJob);
            out += rest.substr(1);
        } else {
            appendHostLabels(out, h, withJob);
        }
        out += ",\"value\":[";
        appendTime(out, t);
        out += ",\"";
        appendValue(out, v);
        out += "\"]}";
    };
    if (q == profile.upQuery) {
        for (std::size_t i = 0; i < hosts.size(); ++i)
            sample(hosts[i], true, m_fleet.up(i, t) ? 1 : 0, "up");
    } else if (q == "node_uname_info") {
        for (std::size_t i = 0; i < hosts.size(); ++i)
            if (m_fleet.up(i, t))
                sample(hosts[i], true, 1, "node_uname_info",
                       {{"machine", "x86_64"},
                        {"nodename", hosts[i].instance.substr(0, hosts[i].instance.find(':'))},
                        {"release", hosts[i].kernel},
                        {"sysname", "Linux"},
                        {"version", "#1 SMP PREEMPT_DYNAMIC Debian"}});
    } else if (q == "node_os_info") {
        for (std::size_t i = 0; i < hosts.size(); ++i)
            if (m_fleet.up(i, t))
                sample(hosts[i], true, 1, "node_os_info",
                       {{"id", "debian"},
                        {"name", "Debian GNU/Linux"},
                        {"pretty_name", "Debian GNU/Linux 12 (bookworm)"},
                        {"version_id", hosts[i].osVersion}});
    } else if (q == kEdgeQuery || q == kEdgeErrorQuery) {
        const bool errors = q == kEdgeErrorQuery;
        for (const auto &e : m_fleet.edges(t)) {
            if (!first)
                out += ',';
            first = false;
            out += "{\"metric\":{\"destination_service\":\"" + e.to + "\",\"source_service\":\"" + e.from +
                   "\"},\"value\":[";
            appendTime(out, t);
            out += ",\"";
            appendValue(out, errors ? e.errorsPerSecond : e.requestsPerSecond);
            out += "\"]}";
        }
    } else if (q == "node_package_info" || q == "node_sysctl_info" || q == "node_config_file_info") {
        const std::string family = q == "node_package_info"  ? "package"
                                   : q == "node_sysctl_info" ? "sysctl"
                                                             : "config";
        const char *keyLabel = family == "package" ? "package" : family == "sysctl" ? "name" : "path";
        const char *valueLabel = family == "package" ? "version" : family == "sysctl" ? "value" : "sha256";
        for (std::size_t i = 0; i < hosts.size(); ++i) {
            if (!m_fleet.up(i, t))
                continue;
            for (const auto &f : m_fleet.facts(i, t))
                if (f.family == family && f.value != "absent")
                    sample(hosts[i], true, 1, q, {{keyLabel, f.key}, {valueLabel, f.value}});
        }
    } else if (const auto wearKind = wearForQuery(q)) {
        const auto kind = *wearKind;
        const bool raw = metricForQuery(q) < 0 && q.find(" by ") == std::string::npos;
        const std::vector<std::pair<std::string, std::string>> extra =
            !raw ? std::vector<std::pair<std::string, std::string>>{}
            : kind == SimFleet::Wear::TemperatureC
                ? std::vector<std::pair<std::string, std::string>>{{"chip", "platform_coretemp_0"},
                                                                   {"sensor", "temp1"}}
            : kind == SimFleet::Wear::ReallocatedSectors
                ? std::vector<std::pair<std::string, std::string>>{{"disk", "/dev/sda"}}
                : std::vector<std::pair<std::string, std::string>>{{"controller", "0"}};
        for (std::size_t i = 0; i < hosts.size(); ++i)
            if (m_fleet.up(i, t))
                sample(hosts[i], raw, m_fleet.wear(i, kind, t), raw ? q : std::string(), extra);
    } else {
        const int metric = metricForQuery(q);
        if (metric < 0)
            return ServerReply::json(
                promError(
                    "bad_data",
                    "vigil-sim does not support this query: \"" + q +
                        "\" (it answers the queries of Vigil's default profile, "
                        "node_uname_info, node_os_info, node_package_info, node_sysctl_info, "
                        "node_config_file_info, the hardware wear series and the service edge queries)"),
                400);
        // Aggregations drop job (avg by, max by, sum by); the load ratio keeps node_load1's labels.
        const bool keepsJob = SimFleet::metricKeys()[static_cast<std::size_t>(metric)] == "load" ||
                              SimFleet::metricKeys()[static_cast<std::size_t>(metric)] == "memory";
        for (std::size_t i = 0; i < hosts.size(); ++i)
            if (m_fleet.up(i, t))
                sample(hosts[i], keepsJob, m_fleet.metric(i, metric, t));
    }
    out += "]}}";
    return ServerReply::json(std::move(out));
}

ServerReply SimServer::queryRange(const ServerRequest &r) {
    const std::string q = r.param("query");
    const TimeMs start = parseTimeParam(r.param("start"), -1);
    const TimeMs end = parseTimeParam(r.param("end"), -1);
    const auto stepMs = parseDurationMs(r.param("step"))
                            .value_or(static_cast<std::int64_t>(
                                std::llround(std::strtod(r.param("step", "0").c_str(), nullptr) * 1000)));
    if (start < 0 || end < 0)
        return ServerReply::json(promError("bad_data", "invalid parameter \"start\" or \"end\""), 400);
    if (stepMs <= 0)
        return ServerReply::json(
            promError(
                "bad_data",
                "zero or negative query resolution step widths are not accepted. Try a positive integer"),
            400);
    if (end < start)
        return ServerReply::json(promError("bad_data", "end timestamp must not be before start time"), 400);
    if ((end - start) / stepMs > 11000)
        return ServerReply::json(promError("bad_data",
                                           "exceeded maximum resolution of 11,000 points per timeseries. Try "
                                           "decreasing the query resolution (?step=XX)"),
                                 400);
    const int metric = metricForQuery(q);
    const auto wearKind = wearForQuery(q);
    if (metric < 0 && !wearKind)
        return ServerReply::json(
            promError("bad_data", "vigil-sim does not support this range query: \"" + q + "\""), 400);
    const auto &hosts = m_fleet.hosts();
    std::string out = R"({"status":"success","data":{"resultType":"matrix","result":[)";
    bool firstSeries = true;
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        std::string points;
        for (TimeMs t = start; t <= end; t += stepMs) {
            const double v = wearKind ? m_fleet.wear(i, *wearKind, t) : m_fleet.metric(i, metric, t);
            if (std::isnan(v))
                continue;
            if (!points.empty())
                points += ',';
            points += '[';
            appendTime(points, t);
            points += ",\"";
            appendValue(points, v);
            points += "\"]";
        }
        if (points.empty())
            continue;
        if (!firstSeries)
            out += ',';
        firstSeries = false;
        out += "{\"metric\":";
        appendHostLabels(out, hosts[i], false);
        out += ",\"values\":[" + points + "]}";
    }
    out += "]}}";
    return ServerReply::json(std::move(out));
}

ServerReply SimServer::targets() {
    const TimeMs t = m_fleet.now();
    json active = json::array();
    const auto &hosts = m_fleet.hosts();
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        const auto &h = hosts[i];
        const bool up = m_fleet.up(i, t);
        active.push_back({{"discoveredLabels", {{"__address__", h.instance}, {"job", "node"}}},
                          {"labels",
                           {{"instance", h.instance},
                            {"job", "node"},
                            {"region", h.region},
                            {"zone", h.zone},
                            {"rack", h.rack},
                            {"role", h.role},
                            {"service", h.service}}},
                          {"scrapePool", "node"},
                          {"scrapeUrl", "http://" + h.instance + "/metrics"},
                          {"globalUrl", "http://" + h.instance + "/metrics"},
                          {"lastError", up ? "" : "context deadline exceeded"},
                          {"lastScrape", formatRfc3339(t - 1000)},
                          {"lastScrapeDuration", 0.012},
                          {"health", up ? "up" : "down"},
                          {"scrapeInterval", "15s"},
                          {"scrapeTimeout", "10s"}});
    }
    return ServerReply::json(
        json{{"status", "success"}, {"data", {{"activeTargets", active}, {"droppedTargets", json::array()}}}}
            .dump());
}

ServerReply SimServer::labels() {
    return ServerReply::json(json{
        {"status", "success"},
        {"data",
         {"__name__", "device", "fstype", "instance", "job", "mode", "rack", "region", "role", "service",
          "zone"}}}.dump());
}

ServerReply SimServer::promAlerts() {
    const TimeMs t = m_fleet.now();
    json arr = json::array();
    for (const auto &a : m_fleet.alerts(t)) {
        json labels = json::object(), ann = json::object();
        for (const auto &l : a.labels.labels())
            labels[l.name] = l.value;
        for (const auto &l : a.annotations.labels())
            ann[l.name] = l.value;
        arr.push_back({{"labels", labels},
                       {"annotations", ann},
                       {"state", "firing"},
                       {"activeAt", formatRfc3339(a.startsAt)},
                       {"value", "1e+00"}});
    }
    return ServerReply::json(json{{"status", "success"}, {"data", {{"alerts", arr}}}}.dump());
}

ServerReply SimServer::promRules() {
    // The rules that would raise the simulator's alerts, in Prometheus 2.42's shape; firing alerts are
    // listed under their rule as Prometheus does.
    struct Rule {
        const char *name, *query, *severity, *summary;
    };
    static const Rule rules[] = {
        {"SwitchDown",
         "count by (region, zone, rack) (vigil_sim_host_up == 0) / count by (region, zone, rack) "
         "(vigil_sim_host_up) >= 0.8",
         "critical", "every host in rack {{ $labels.rack }} stopped answering: its switch is down"},
        {"HostDown", "vigil_sim_host_up == 0", "critical", "{{ $labels.instance }} is not answering scrapes"},
        {"DbPrimaryDown", "vigil_sim_db_primary_up == 0", "critical",
         "database primary {{ $labels.instance }} is down"},
        {"DbReplicaPromoted", "changes(vigil_sim_db_primary[5m]) > 0", "info",
         "{{ $labels.instance }} was promoted"},
        {"UpstreamErrors", "sum by (instance, upstream) (rate(service_request_errors_total[1m])) > 0",
         "warning", "{{ $labels.instance }} sees errors calling {{ $labels.upstream }}"},
        {"HighRequestLatency",
         "histogram_quantile(0.99, sum by (instance, le) (rate(request_duration_seconds_bucket[1m]))) > 2",
         "warning", "{{ $labels.instance }} p99 latency above 2 s"},
        {"HighCpu", "1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[1m])) > 0.92",
         "warning", "{{ $labels.instance }} CPU above 92%"},
        {"DiskReallocatedSectors", "smartmon_reallocated_sector_ct_raw_value > 50", "warning",
         "{{ $labels.instance }} disk is reallocating sectors"},
        {"DiskAlmostFull", "1 - node_filesystem_avail_bytes / node_filesystem_size_bytes > 0.9", "warning",
         "{{ $labels.instance }} root filesystem above 90%"},
    };
    const TimeMs t = m_fleet.now();
    std::map<std::string, json> firing;
    for (const auto &a : m_fleet.alerts(t)) {
        json labels = json::object();
        for (const auto &l : a.labels.labels())
            labels[l.name] = l.value;
        firing[std::string(a.name())].push_back({{"labels", labels},
                                                 {"state", "firing"},
                                                 {"activeAt", formatRfc3339(a.startsAt)},
                                                 {"value", "1e+00"}});
    }
    json list = json::array();
    for (const auto &r : rules) {
        json alerts = firing.count(r.name) ? firing[r.name] : json::array();
        list.push_back({{"state", alerts.empty() ? "inactive" : "firing"},
                        {"name", r.name},
                        {"query", r.query},
                        {"duration", 0},
                        {"labels", {{"severity", r.severity}}},
                        {"annotations", {{"summary", r.summary}}},
                        {"alerts", alerts},
                        {"health", "ok"},
                        {"evaluationTime", 0.0004},
                        {"lastEvaluation", formatRfc3339(t)},
                        {"type", "alerting"}});
    }
    json group = {{"name", "vigil-sim"}, {"file", "vigil-sim"},     {"rules", list},
                  {"interval", 15},      {"evaluationTime", 0.002}, {"lastEvaluation", formatRfc3339(t)}};
    return ServerReply::json(
        json{{"status", "success"}, {"data", {{"groups", json::array({group})}}}}.dump());
}

// The hosts' counters (CPU idle seconds, network bytes) integrated up to t; m_countersMutex held.
void SimServer::integrateCounters(TimeMs t) {
    const auto &hosts = m_fleet.hosts();
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        auto &c = m_hostCounters[i];
        if (c.last == 0) {
            c.last = t;
            c.idleSeconds = 1e6 * (0.5 + 0.5 * static_cast<double>(i % 7) / 7);
            continue;
        }
        const double dt = static_cast<double>(t - c.last) / 1000.0;
        c.last = t;
        if (!m_fleet.up(i, t))
            continue;
        c.idleSeconds += dt * (1.0 - m_fleet.metric(i, 0, t));
        const double net = m_fleet.metric(i, 3, t);
        c.rxBytes += dt * net * 0.6;
        c.txBytes += dt * net * 0.4;
    }
}

// Service edges: request and error counters (service-mesh style); m_countersMutex held.
void SimServer::appendEdgeSeries(std::string &out, TimeMs t) {
    const auto edges = m_fleet.edges(t);
    if (m_edgeCounters.size() != edges.size())
        m_edgeCounters.assign(edges.size(), {0, 0});
    const double edt = m_edgeLast ? static_cast<double>(t - m_edgeLast) / 1000.0 : 0;
    m_edgeLast = t;
    appendFamily(out, "service_requests_total", "counter", "Requests between services (service-mesh style).");
    for (std::size_t e = 0; e < edges.size(); ++e) {
        m_edgeCounters[e].first += edt * edges[e].requestsPerSecond;
        m_edgeCounters[e].second += edt * edges[e].errorsPerSecond;
        appendLine(out, "service_requests_total",
                   "{destination_service=\"" + edges[e].to + "\",source_service=\"" + edges[e].from + "\"}",
                   m_edgeCounters[e].first);
    }
    appendFamily(out, "service_request_errors_total", "counter", "Failed requests between services.");
    for (std::size_t e = 0; e < edges.size(); ++e)
        appendLine(out, "service_request_errors_total",
                   "{destination_service=\"" + edges[e].to + "\",source_service=\"" + edges[e].from + "\"}",
                   m_edgeCounters[e].second);
}

ServerReply SimServer::metrics() {
    // Exposition format for a real Prometheus scraping the synthetic fleet with honor_labels: true.
    // Every host's series carry its own instance and topology labels; vigil_sim_host_up stands in for
    // the per-target `up` a Prometheus scraping the hosts directly would record.
    const TimeMs t = m_fleet.now();
    const auto &hosts = m_fleet.hosts();
    std::lock_guard lock(m_countersMutex);
    if (m_hostCounters.size() != hosts.size())
        m_hostCounters.assign(hosts.size(), Counters{});
    std::string out;
    out.reserve(hosts.size() * 1800);
    auto labels = [](const SimHost &h, const std::string &extra = {}) { return hostLabels(h, extra); };
    auto family = [&out](const char *name, const char *type, const char *help) {
        appendFamily(out, name, type, help);
    };
    auto line = [&out](const char *name, const std::string &lbl, double v) { appendLine(out, name, lbl, v); };
    integrateCounters(t);
    family("vigil_sim_host_up", "gauge", "1 if the simulated host answers scrapes.");
    for (std::size_t i = 0; i < hosts.size(); ++i)
        line("vigil_sim_host_up", labels(hosts[i]), m_fleet.up(i, t) ? 1 : 0);
    family("node_cpu_seconds_total", "counter", "Seconds the CPUs spent in each mode.");
    for (std::size_t i = 0; i < hosts.size(); ++i)
        if (m_fleet.up(i, t))
            for (int cpu = 0; cpu < hosts[i].cores; ++cpu)
                line("node_cpu_seconds_total",
                     labels(hosts[i], "cpu=\"" + std::to_string(cpu) + "\",mode=\"idle\""),
                     m_hostCounters[i].idleSeconds);
    family("node_load1", "gauge", "1m load average.");
    for (std::size_t i = 0; i < hosts.size(); ++i)
        if (m_fleet.up(i, t))
            line("node_load1", labels(hosts[i]), m_fleet.metric(i, 4, t) * hosts[i].cores);
    family("node_memory_MemTotal_bytes", "gauge", "Memory information field MemTotal_bytes.");
    for (std::size_t i = 0; i < hosts.size(); ++i)
        if (m_fleet.up(i, t))
            line("node_memory_MemTotal_bytes", labels(hosts[i]), hosts[i].cores * 8.0 * (1 << 30));
    family("node_memory_MemAvailable_bytes", "gauge", "Memory information field MemAvailable_bytes.");
    for (std::size_t i = 0; i < hosts.size(); ++i)
        if (m_fleet.up(i, t))
            line("node_memory_MemAvailable_bytes", labels(hosts[i]),
                 hosts[i].cores * 8.0 * (1 << 30) * (1.0 - m_fleet.metric(i, 1, t)));
    const std::string fs = "device=\"/dev/sda1\",fstype=\"ext4\",mountpoint=\"/\"";
    family("node_filesystem_size_bytes", "gauge", "Filesystem size in bytes.");
    for (std::size_t i = 0; i < hosts.size(); ++i)
        if (m_fleet.up(i, t))
            line("node_filesystem_size_bytes", labels(hosts[i], fs), 500e9);
    family("node_filesystem_avail_bytes", "gauge", "Filesystem space available to non-root users in bytes.");
    for (std::size_t i = 0; i < hosts.size(); ++i)
        if (m_fleet.up(i, t))
            line("node_filesystem_avail_bytes", labels(hosts[i], fs),
                 500e9 * (1.0 - m_fleet.metric(i, 2, t)));
    family("node_network_receive_bytes_total", "counter", "Network device statistic receive_bytes.");
    for (std::size_t i = 0; i < hosts.size(); ++i)
        if (m_fleet.up(i, t))
            line("node_network_receive_bytes_total", labels(hosts[i], "device=\"eth0\""),
                 m_hostCounters[i].rxBytes);
    family("node_network_transmit_bytes_total", "counter", "Network device statistic transmit_bytes.");
    for (std::size_t i = 0; i < hosts.size(); ++i)
        if (m_fleet.up(i, t))
            line("node_network_transmit_bytes_total", labels(hosts[i], "device=\"eth0\""),
                 m_hostCounters[i].txBytes);
    family("node_uname_info", "gauge", "Labeled system information as provided by the uname system call.");
    for (std::size_t i = 0; i < hosts.size(); ++i)
        if (m_fleet.up(i, t))
            line("node_uname_info",
                 labels(hosts[i], "machine=\"x86_64\",release=\"" + hosts[i].kernel + "\",sysname=\"Linux\""),
                 1);
    family("node_os_info", "gauge",
           "A metric with a constant '1' value labeled by build_id, id, and version.");
    for (std::size_t i = 0; i < hosts.size(); ++i)
        if (m_fleet.up(i, t))
            line("node_os_info", labels(hosts[i], "id=\"debian\",version_id=\"" + hosts[i].osVersion + "\""),
                 1);
    family("node_package_info", "gauge", "Installed package versions (textfile collector).");
    for (std::size_t i = 0; i < hosts.size(); ++i)
        if (m_fleet.up(i, t))
            for (const auto &f : m_fleet.facts(i, t))
                if (f.family == "package" && f.value != "absent")
                    line("node_package_info",
                         labels(hosts[i], "package=\"" + f.key + "\",version=\"" + f.value + "\""), 1);
    family("node_hwmon_temp_celsius", "gauge", "Hardware monitor for temperature (input).");
    for (std::size_t i = 0; i < hosts.size(); ++i)
        if (m_fleet.up(i, t))
            line("node_hwmon_temp_celsius", labels(hosts[i], "chip=\"platform_coretemp_0\",sensor=\"temp1\""),
                 m_fleet.wear(i, SimFleet::Wear::TemperatureC, t));
    appendEdgeSeries(out, t);
    ServerReply r = ServerReply::text(std::move(out));
    r.contentType = "text/plain; version=0.0.4; charset=utf-8";
    return r;
}

} // namespace vigil::sim
