// vigil-sim's server: requests routed to their endpoint, faults served on demand (/sim/fault), the
// Alertmanager API v2 (alerts, groups, silences, status) and the truth of the current scenario. The
// Prometheus API and /metrics are in simprometheus.cpp.
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
