#include "simserver.h"
#include "simstatus.h"

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

json alertJson(const Alert &a) {
    json labels = json::object(), ann = json::object();
    for (const auto &l : a.labels.labels())
        labels[l.name] = l.value;
    for (const auto &l : a.annotations.labels())
        ann[l.name] = l.value;
    json receivers = json::array();
    for (const auto &r : a.receivers)
        receivers.push_back({{"name", r}});
    return {{"annotations", ann},
            {"endsAt", formatRfc3339(a.endsAt)},
            {"fingerprint", a.fingerprint},
            {"receivers", receivers},
            {"startsAt", formatRfc3339(a.startsAt)},
            {"status",
             {{"inhibitedBy", a.inhibitedBy},
              {"silencedBy", a.silencedBy},
              {"state", a.state == AlertState::Suppressed ? "suppressed" : "active"}}},
            {"updatedAt", formatRfc3339(a.updatedAt)},
            {"generatorURL", a.generatorUrl},
            {"labels", labels}};
}

} // namespace

SimServer::SimServer(SimOptions options)
    : m_fleet(std::move(options))
    , m_server([this](const ServerRequest &r) { return handle(r); }) {}

SimServer::~SimServer() {
    stop();
}

bool SimServer::start(std::uint16_t port, std::string *error) {
    return m_server.start("127.0.0.1", port, error);
}

void SimServer::stop() {
    m_server.stop();
}

ServerReply SimServer::handle(const ServerRequest &r) {
    if (r.path == "/sim/fault")
        return faultEndpoint(r);
    return applyFault(r, answer(r));
}

const std::vector<std::pair<std::string, SimServer::FaultKind>> &SimServer::faultKinds() {
    static const std::vector<std::pair<std::string, FaultKind>> kinds{{"latency", FaultKind::Latency},
                                                                      {"5xx", FaultKind::ServerError},
                                                                      {"reset", FaultKind::Reset},
                                                                      {"truncated", FaultKind::Truncated},
                                                                      {"malformed", FaultKind::Malformed},
                                                                      {"wrong-typed", FaultKind::WrongTyped},
                                                                      {"huge", FaultKind::Huge},
                                                                      {"drip", FaultKind::Drip},
                                                                      {"hang", FaultKind::Hang}};
    return kinds;
}

void SimServer::setFault(Fault fault) {
    std::lock_guard lock(m_faultMutex);
    m_faults.push_back(std::move(fault));
}

void SimServer::clearFaults() {
    std::lock_guard lock(m_faultMutex);
    m_faults.clear();
}

ServerReply SimServer::faultEndpoint(const ServerRequest &r) {
    if (r.method == "DELETE") {
        clearFaults();
        return ServerReply::text("faults cleared\n");
    }
    if (r.method != "POST")
        return ServerReply::text("POST /sim/fault?kind=K&path=P[&query=Q][&ms=N] or DELETE /sim/fault\n",
                                 405);
    Fault f;
    bool known = false;
    for (const auto &[name, kind] : faultKinds())
        if (name == r.param("kind")) {
            f.kind = kind;
            known = true;
        }
    f.path = r.param("path");
    f.query = r.param("query");
    f.ms = std::atoi(r.param("ms", "0").c_str());
    if (!known || f.path.empty())
        return ServerReply::text("unknown fault kind or no path\n", 400);
    setFault(f);
    return ServerReply::text("fault set\n");
}

namespace {
// Valid JSON with the wrong types, as a half-upgraded server or a proxy might send: the top level keeps
// its kind, every member (or element) under it gets another type; an empty list becomes an object.
json swapped(const json &v) {
    if (v.is_string())
        return 7;
    if (v.is_number() || v.is_boolean() || v.is_null())
        return "7";
    if (v.is_array())
        return json::object({{"x", 7}});
    return "x";
}
void mistype(json &j) {
    if (j.is_object())
        for (auto it = j.begin(); it != j.end(); ++it)
            it.value() = swapped(it.value());
    else if (j.is_array() && j.empty())
        j = json::object({{"x", 7}});
    else if (j.is_array())
        for (auto &e : j)
            e = swapped(e);
}
} // namespace

ServerReply SimServer::applyFault(const ServerRequest &r, ServerReply reply) {
    std::optional<Fault> fault;
    {
        std::lock_guard lock(m_faultMutex);
        for (const auto &f : m_faults)
            if (f.path == r.path && (f.query.empty() || r.param("query").find(f.query) != std::string::npos))
                fault = f;
    }
    if (!fault)
        return reply;
    switch (fault->kind) {
    case FaultKind::Latency:
        reply.delayMs = fault->ms > 0 ? fault->ms : 300;
        return reply;
    case FaultKind::ServerError:
        return ServerReply::text("upstream connect error or disconnect/reset before headers\n", 503);
    case FaultKind::Reset:
        reply.action = ServerReply::Action::Close;
        return reply;
    case FaultKind::Truncated:
        reply.action = ServerReply::Action::TruncateBody;
        reply.allowGzip = false;
        return reply;
    case FaultKind::Malformed:
        reply.body = reply.body.substr(0, reply.body.size() / 3) + "}{\"";
        return reply;
    case FaultKind::WrongTyped: {
        auto j = json::parse(reply.body, nullptr, false);
        if (!j.is_discarded())
            mistype(j);
        reply.body = j.is_discarded() ? std::string("{\"status\":7}") : j.dump();
        return reply;
    }
    case FaultKind::Huge:
        reply.action = ServerReply::Action::RawBytes;
        reply.body =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n[";
        return reply;
    case FaultKind::Drip:
        reply.action = ServerReply::Action::Drip;
        reply.allowGzip = false;
        return reply;
    case FaultKind::Hang:
        reply.delayMs = fault->ms > 0 ? fault->ms : 60'000;
        return reply;
    }
    return reply;
}

ServerReply SimServer::answer(const ServerRequest &r) {
    const std::string &p = r.path;
    if (p == "/-/ready" || p == "/-/healthy")
        return ServerReply::text("vigil-sim is Ready.\n");
    if (p == "/api/v1/query")
        return query(r);
    if (p == "/api/v1/query_range")
        return queryRange(r);
    if (p == "/api/v1/targets")
        return targets();
    if (p == "/api/v1/labels")
        return labels();
    if (p == "/api/v1/alerts")
        return promAlerts();
    if (p == "/api/v1/rules")
        return promRules();
    if (p == "/api/v1/status/buildinfo")
        return promBuildInfo();
    if (p == "/api/v1/status/config")
        return promStatusConfig("{}");
    if (p == "/api/v2/alerts" && r.method == "GET")
        return amAlerts(r);
    if (p == "/api/v2/alerts/groups")
        return amGroups();
    if (p == "/api/v2/silences" || p.starts_with("/api/v2/silence/"))
        return amSilences(r);
    if (p == "/api/v2/status")
        return amStatus();
    if (p == "/metrics")
        return metrics();
    if (p == "/sim/truth")
        return truth();
    return ServerReply::text("404 page not found\n", 404);
}

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

ServerReply SimServer::amAlerts(const ServerRequest &r) {
    const TimeMs t = m_fleet.now();
    auto flag = [&](const char *name) { return r.param(name, "true") != "false"; };
    const bool active = flag("active"), silenced = flag("silenced"), inhibited = flag("inhibited");
    // filter=alertname="X" (repeatable): Alertmanager matcher syntax.
    std::vector<LabelMatcher> filters;
    for (const auto &[k, v] : r.query) {
        if (k != "filter")
            continue;
        std::string err;
        auto f = LabelFilter::parse(v, &err);
        if (!f)
            return ServerReply::json(json{{"code", 400}, {"message", "bad matcher format: " + v}}.dump(),
                                     400);
        filters.insert(filters.end(), f->matchers().begin(), f->matchers().end());
    }
    json arr = json::array();
    for (const auto &a : m_fleet.alerts(t)) {
        const bool isSil = !a.silencedBy.empty(), isInh = !a.inhibitedBy.empty();
        if ((isSil && !silenced) || (isInh && !inhibited) || (!isSil && !isInh && !active))
            continue;
        bool ok = true;
        for (const auto &m : filters)
            ok = ok && m.matches(a.labels);
        if (ok)
            arr.push_back(alertJson(a));
    }
    ServerReply reply = ServerReply::json(arr.dump());
    reply.allowGzip = false; // as Alertmanager 0.25
    return reply;
}

ServerReply SimServer::amGroups() {
    const TimeMs t = m_fleet.now();
    std::map<std::string, json> groups;
    for (const auto &a : m_fleet.alerts(t)) {
        const std::string name(a.labels.value("alertname"));
        auto &g = groups[name];
        if (g.is_null())
            g = {{"labels", {{"alertname", name}}},
                 {"receiver", {{"name", "noc"}}},
                 {"alerts", json::array()}};
        g["alerts"].push_back(alertJson(a));
    }
    json arr = json::array();
    for (auto &[k, g] : groups)
        arr.push_back(std::move(g));
    ServerReply reply = ServerReply::json(arr.dump());
    reply.allowGzip = false;
    return reply;
}

ServerReply SimServer::amSilences(const ServerRequest &r) {
    auto amError = [](const std::string &msg, int status) {
        ServerReply rep = ServerReply::json(json(msg).dump(), status);
        return rep;
    };
    if (r.path.starts_with("/api/v2/silence/")) {
        const std::string id = r.path.substr(std::string("/api/v2/silence/").size());
        if (r.method == "DELETE")
            return m_fleet.expireSilence(id) ? ServerReply::json("")
                                             : amError("silence " + id + " not found", 404);
        return amError("silence " + id + " not found", 404);
    }
    if (r.method == "POST") {
        auto j = json::parse(r.body, nullptr, false);
        if (j.is_discarded() || !j.is_object())
            return ServerReply::json(json{{"code", 400}, {"message", "parsing silence body failed"}}.dump(),
                                     400);
        // A client's body is untrusted: fields of the wrong type read as absent (Alertmanager then
        // refuses the silence for what is missing), never an exception on the server's thread.
        auto text = [](const json &o, const char *k) {
            auto it = o.find(k);
            return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        auto flag = [](const json &o, const char *k, bool fallback) {
            auto it = o.find(k);
            return it != o.end() && it->is_boolean() ? it->get<bool>() : fallback;
        };
        Silence s;
        s.id = text(j, "id");
        if (auto ms = j.find("matchers"); ms != j.end() && ms->is_array())
            for (const auto &m : *ms)
                if (m.is_object())
                    s.matchers.push_back({text(m, "name"), text(m, "value"), flag(m, "isRegex", false),
                                          flag(m, "isEqual", true)});
        s.startsAt = parseRfc3339(text(j, "startsAt")).value_or(0);
        s.endsAt = parseRfc3339(text(j, "endsAt")).value_or(0);
        s.createdBy = text(j, "createdBy");
        s.comment = text(j, "comment");
        std::string err;
        const std::string id = m_fleet.addSilence(s, &err);
        if (id.empty())
            return ServerReply::json(json{{"code", 400}, {"message", err}}.dump(), 400);
        return ServerReply::json(json{{"silenceID", id}}.dump());
    }
    json arr = json::array();
    for (const auto &s : m_fleet.silences()) {
        json m = json::array();
        for (const auto &x : s.matchers)
            m.push_back(
                {{"name", x.name}, {"value", x.value}, {"isRegex", x.isRegex}, {"isEqual", x.isEqual}});
        arr.push_back({{"id", s.id},
                       {"status", {{"state", s.state}}},
                       {"updatedAt", formatRfc3339(s.updatedAt)},
                       {"comment", s.comment},
                       {"createdBy", s.createdBy},
                       {"endsAt", formatRfc3339(s.endsAt)},
                       {"matchers", m},
                       {"startsAt", formatRfc3339(s.startsAt)}});
    }
    ServerReply reply = ServerReply::json(arr.dump());
    reply.allowGzip = false;
    return reply;
}

ServerReply SimServer::amStatus() {
    return ServerReply::json(
        json{{"cluster", {{"peers", json::array()}, {"status", "disabled"}}},
             {"config", {{"original", "route:\n  receiver: noc\n"}}},
             {"uptime", formatRfc3339(nowMs())},
             {"versionInfo", {{"version", "0.25.0"}, {"revision", "vigil-sim"}, {"goVersion", "go1.19"}}}}
            .dump());
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
    auto labels = [](const SimHost &h, const std::string &extra = {}) {
        std::string l = "{instance=\"" + h.instance + "\",job=\"node\",rack=\"" + h.rack + "\",region=\"" +
                        h.region + "\",role=\"" + h.role + "\",service=\"" + h.service + "\",zone=\"" +
                        h.zone + "\"";
        if (!extra.empty())
            l += "," + extra;
        return l + "}";
    };
    auto family = [&out](const char *name, const char *type, const char *help) {
        out += "# HELP ";
        out += name;
        out += ' ';
        out += help;
        out += "\n# TYPE ";
        out += name;
        out += ' ';
        out += type;
        out += '\n';
    };
    auto line = [&out](const char *name, const std::string &lbl, double v) {
        out += name;
        out += lbl;
        out += ' ';
        appendValue(out, v);
        out += '\n';
    };
    // Integrate counters up to t.
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
    // Service edges: request and error counters.
    const auto edges = m_fleet.edges(t);
    if (m_edgeCounters.size() != edges.size())
        m_edgeCounters.assign(edges.size(), {0, 0});
    const double edt = m_edgeLast ? static_cast<double>(t - m_edgeLast) / 1000.0 : 0;
    m_edgeLast = t;
    family("service_requests_total", "counter", "Requests between services (service-mesh style).");
    for (std::size_t e = 0; e < edges.size(); ++e) {
        m_edgeCounters[e].first += edt * edges[e].requestsPerSecond;
        m_edgeCounters[e].second += edt * edges[e].errorsPerSecond;
        line("service_requests_total",
             "{destination_service=\"" + edges[e].to + "\",source_service=\"" + edges[e].from + "\"}",
             m_edgeCounters[e].first);
    }
    family("service_request_errors_total", "counter", "Failed requests between services.");
    for (std::size_t e = 0; e < edges.size(); ++e)
        line("service_request_errors_total",
             "{destination_service=\"" + edges[e].to + "\",source_service=\"" + edges[e].from + "\"}",
             m_edgeCounters[e].second);
    ServerReply r = ServerReply::text(std::move(out));
    r.contentType = "text/plain; version=0.0.4; charset=utf-8";
    return r;
}

ServerReply SimServer::truth() {
    const Truth t = m_fleet.truth(m_fleet.now());
    return ServerReply::json(json{
        {"scenario", t.scenario},
        {"phase", phaseName(t.phase)},
        {"since", formatRfc3339(t.since)},
        {"rootCause", t.rootCause},
        {"rootCauseKind", t.rootCauseKind},
        {"failedRack", t.failedRack},
        {"affectedHosts", t.affectedHosts},
        {"stormAlerts", t.stormAlerts},
        {"hotHosts", t.hotHosts},
        {"degradingHosts", t.degradingHosts},
        {"hosts",
         m_fleet.hosts().size()}}.dump());
}

} // namespace vigil::sim
