#include "alertmanageradapter.h"

#include "../support/url.h"
#include "fastalerts.h"
#include "jsonutil.h"
#include "prometheusadapter.h"

namespace vigil::alertmanager {

using jsonutil::json;

namespace {

Result<Alert> alertFromJson(const json &a, const std::string &endpoint) {
    if (!a.is_object())
        return jsonutil::shapeError(endpoint, "alert is not an object");
    auto labels = a.find("labels");
    if (labels == a.end() || !labels->is_object())
        return jsonutil::shapeError(endpoint, "alert without \"labels\"");
    Alert out;
    out.labels = jsonutil::labels(*labels);
    out.annotations = jsonutil::labels(jsonutil::member(a, "annotations"));
    out.fingerprint = jsonutil::str(a, "fingerprint");
    if (out.fingerprint.empty())
        out.fingerprint = out.labels.fingerprint();
    out.startsAt = parseRfc3339(jsonutil::str(a, "startsAt")).value_or(0);
    out.endsAt = parseRfc3339(jsonutil::str(a, "endsAt")).value_or(0);
    out.updatedAt = parseRfc3339(jsonutil::str(a, "updatedAt")).value_or(0);
    out.generatorUrl = jsonutil::str(a, "generatorURL");
    if (auto r = a.find("receivers"); r != a.end() && r->is_array())
        for (const auto &rec : *r)
            if (auto n = jsonutil::str(rec, "name"); !n.empty())
                out.receivers.push_back(std::move(n));
    const json &status = jsonutil::member(a, "status");
    const std::string state = jsonutil::str(status, "state");
    out.state = state == "suppressed"    ? AlertState::Suppressed
                : state == "unprocessed" ? AlertState::Unprocessed
                                         : AlertState::Active;
    out.silencedBy = jsonutil::strings(jsonutil::member(status, "silencedBy"));
    out.inhibitedBy = jsonutil::strings(jsonutil::member(status, "inhibitedBy"));
    return out;
}

Result<Silence> silenceFromJson(const json &s, const std::string &endpoint) {
    if (!s.is_object())
        return jsonutil::shapeError(endpoint, "silence is not an object");
    Silence out;
    out.id = jsonutil::str(s, "id");
    if (out.id.empty())
        return jsonutil::shapeError(endpoint, "silence without \"id\"");
    if (auto m = s.find("matchers"); m != s.end() && m->is_array()) {
        for (const auto &mj : *m) {
            if (!mj.is_object())
                return jsonutil::shapeError(endpoint, "silence matcher is not an object");
            SilenceMatcher sm;
            sm.name = jsonutil::str(mj, "name");
            sm.value = jsonutil::str(mj, "value");
            if (sm.name.empty())
                return jsonutil::shapeError(endpoint, "silence matcher without \"name\"");
            // A matcher misread changes what the silence covers: a flag of the wrong type rejects it.
            for (const char *flag : {"isRegex", "isEqual"})
                if (const json &f = jsonutil::member(mj, flag); !f.is_null() && !f.is_boolean())
                    return jsonutil::shapeError(endpoint, std::string("silence matcher's \"") + flag +
                                                              "\" is not a boolean");
            sm.isRegex = jsonutil::boolean(mj, "isRegex", false);
            sm.isEqual = jsonutil::boolean(mj, "isEqual", true); // absent before Alertmanager 0.22
            out.matchers.push_back(std::move(sm));
        }
    }
    out.startsAt = parseRfc3339(jsonutil::str(s, "startsAt")).value_or(0);
    out.endsAt = parseRfc3339(jsonutil::str(s, "endsAt")).value_or(0);
    out.updatedAt = parseRfc3339(jsonutil::str(s, "updatedAt")).value_or(0);
    out.createdBy = jsonutil::str(s, "createdBy");
    out.comment = jsonutil::str(s, "comment");
    out.state = jsonutil::str(jsonutil::member(s, "status"), "state");
    return out;
}

HttpRequest get(const std::string &base, const std::string &path) {
    HttpRequest r;
    r.url = joinUrl(base, path);
    r.acceptGzip = false; // Alertmanager 0.25 never compresses
    return r;
}

} // namespace

HttpRequest alertsRequest(const std::string &b) {
    return get(b, "/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true");
}
HttpRequest groupsRequest(const std::string &b) {
    return get(b, "/api/v2/alerts/groups?active=true&silenced=true&inhibited=true");
}
HttpRequest silencesRequest(const std::string &b) {
    return get(b, "/api/v2/silences");
}
HttpRequest statusRequest(const std::string &b) {
    return get(b, "/api/v2/status");
}

HttpRequest createSilenceRequest(const std::string &base, const Silence &s) {
    json body;
    json matchers = json::array();
    for (const auto &m : s.matchers)
        matchers.push_back(
            {{"name", m.name}, {"value", m.value}, {"isRegex", m.isRegex}, {"isEqual", m.isEqual}});
    body["matchers"] = std::move(matchers);
    body["startsAt"] = formatRfc3339(s.startsAt);
    body["endsAt"] = formatRfc3339(s.endsAt);
    body["createdBy"] = s.createdBy;
    body["comment"] = s.comment;
    if (!s.id.empty())
        body["id"] = s.id;
    HttpRequest r = get(base, "/api/v2/silences");
    r.method = "POST";
    r.contentType = "application/json";
    r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
    r.maxRetries = 0;
    return r;
}

HttpRequest expireSilenceRequest(const std::string &base, const std::string &id) {
    HttpRequest r = get(base, "/api/v2/silence/" + percentEncode(id));
    r.method = "DELETE";
    return r;
}

Result<std::string> checkResponse(const HttpResponse &r, const std::string &endpoint) {
    if (r.error == HttpError::None && (r.status < 200 || r.status >= 300)) {
        // Alertmanager's errors are {"code":..,"message":..} or plain text.
        std::string msg = r.describe();
        auto j = json::parse(r.body, nullptr, false);
        if (!j.is_discarded() && j.is_object() && j.contains("message"))
            msg += ": " + jsonutil::str(j, "message");
        else if (!j.is_discarded() && j.is_string())
            msg += ": " + j.get<std::string>();
        else if (!r.body.empty())
            msg += ": " + r.body.substr(0, 200);
        return ApiError{ApiError::Kind::Http, endpoint, msg, {}, r.status};
    }
    return prometheus::checkResponse(r, endpoint);
}

Result<std::vector<Alert>> parseAlerts(std::string_view body, Skipped *skipped) {
    if (std::vector<Alert> fast; parseAlertsFast(body, fast))
        return fast;
    return parseAlertsDocument(body, skipped);
}

Result<std::vector<Alert>> parseAlertsDocument(std::string_view body, Skipped *skipped) {
    const std::string endpoint = "/api/v2/alerts";
    auto j = jsonutil::parse(body, endpoint);
    if (!j)
        return j.error();
    if (!j->is_array())
        return jsonutil::shapeError(endpoint, "expected an array of alerts");
    std::vector<Alert> out;
    out.reserve(j->size());
    Skipped local;
    Skipped &skip = skipped ? *skipped : local;
    for (const auto &a : *j) {
        auto alert = alertFromJson(a, endpoint);
        if (alert)
            out.push_back(std::move(alert.value()));
        else
            skip.add("alerts", alert.error().message);
    }
    return out;
}

Result<std::vector<AlertGroup>> parseGroups(std::string_view body, Skipped *skipped) {
    if (std::vector<AlertGroup> fast; parseGroupsFast(body, fast))
        return fast;
    return parseGroupsDocument(body, skipped);
}

Result<std::vector<AlertGroup>> parseGroupsDocument(std::string_view body, Skipped *skipped) {
    const std::string endpoint = "/api/v2/alerts/groups";
    auto j = jsonutil::parse(body, endpoint);
    if (!j)
        return j.error();
    if (!j->is_array())
        return jsonutil::shapeError(endpoint, "expected an array of groups");
    std::vector<AlertGroup> out;
    Skipped local;
    Skipped &skip = skipped ? *skipped : local;
    for (const auto &g : *j) {
        if (!g.is_object()) {
            skip.add("groups", "group is not an object");
            continue;
        }
        AlertGroup group;
        group.labels = jsonutil::labels(jsonutil::member(g, "labels"));
        group.receiver = jsonutil::str(jsonutil::member(g, "receiver"), "name");
        if (auto as = g.find("alerts"); as != g.end() && as->is_array()) {
            for (const auto &a : *as) {
                auto alert = alertFromJson(a, endpoint);
                if (alert)
                    group.alerts.push_back(std::move(alert.value()));
                else
                    skip.add("alerts", alert.error().message);
            }
        }
        out.push_back(std::move(group));
    }
    return out;
}

Result<std::vector<Silence>> parseSilences(std::string_view body, Skipped *skipped) {
    const std::string endpoint = "/api/v2/silences";
    auto j = jsonutil::parse(body, endpoint);
    if (!j)
        return j.error();
    if (!j->is_array())
        return jsonutil::shapeError(endpoint, "expected an array of silences");
    std::vector<Silence> out;
    Skipped local;
    Skipped &skip = skipped ? *skipped : local;
    for (const auto &s : *j) {
        auto silence = silenceFromJson(s, endpoint);
        if (silence)
            out.push_back(std::move(silence.value()));
        else
            skip.add("silences", silence.error().message);
    }
    return out;
}

Result<AlertmanagerStatus> parseStatus(std::string_view body) {
    const std::string endpoint = "/api/v2/status";
    auto j = jsonutil::parse(body, endpoint);
    if (!j)
        return j.error();
    if (!j->is_object())
        return jsonutil::shapeError(endpoint, "expected an object");
    if (!jsonutil::member(*j, "versionInfo").is_object() && !jsonutil::member(*j, "cluster").is_object())
        return jsonutil::shapeError(endpoint, "neither \"versionInfo\" nor \"cluster\" is an object");
    AlertmanagerStatus st;
    st.version = jsonutil::str(jsonutil::member(*j, "versionInfo"), "version");
    const json &cluster = jsonutil::member(*j, "cluster");
    st.clusterStatus = jsonutil::str(cluster, "status");
    if (const json &p = jsonutil::member(cluster, "peers"); p.is_array())
        st.peers = static_cast<int>(p.size());
    st.uptime = parseRfc3339(jsonutil::str(*j, "uptime")).value_or(0);
    return st;
}

Result<std::string> parseSilenceCreated(std::string_view body) {
    const std::string endpoint = "/api/v2/silences";
    auto j = jsonutil::parse(body, endpoint);
    if (!j)
        return j.error();
    std::string id = jsonutil::str(*j, "silenceID");
    if (id.empty())
        return jsonutil::shapeError(endpoint, "no \"silenceID\" in the answer");
    return id;
}

} // namespace vigil::alertmanager
