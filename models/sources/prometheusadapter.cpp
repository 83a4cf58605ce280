#include "prometheusadapter.h"
#include "fastalerts.h"
#include "promfastquery.h"

#include "../fleet/regex.h"
#include "../support/url.h"
#include "jsonutil.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include <yaml-cpp/yaml.h>

namespace vigil::prometheus {

using jsonutil::json;

namespace {

std::string formatSeconds(TimeMs t) {
    return std::to_string(t / 1000) + "." + std::to_string(1000 + t % 1000).substr(1);
}

TimeMs secondsToMs(const json &v) {
    return v.is_number() ? sampleTimeMs(v.get<double>()) : 0;
}

// Unwraps {"status":"success","data":...,"warnings":[...]}; an error envelope becomes an ApiError.
Result<json> envelope(std::string_view body, const std::string &endpoint,
                      std::vector<std::string> *warnings) {
    auto j = jsonutil::parse(body, endpoint);
    if (!j)
        return j.error();
    if (!j->is_object())
        return jsonutil::shapeError(endpoint, "top level is not an object");
    const std::string status = jsonutil::str(*j, "status");
    if (status == "error") {
        // The type in brackets when there is one ("bad_data"); some proxies leave it out.
        const std::string type = jsonutil::str(*j, "errorType");
        return ApiError{ApiError::Kind::Api, endpoint,
                        "Prometheus error" + (type.empty() ? std::string() : " (" + type + ")") + ": " +
                            jsonutil::str(*j, "error"),
                        type, 0};
    }
    if (status != "success")
        return jsonutil::shapeError(endpoint, "missing \"status\": \"success\"");
    if (warnings)
        *warnings = jsonutil::strings(jsonutil::member(*j, "warnings"));
    auto data = j->find("data");
    if (data == j->end())
        return jsonutil::shapeError(endpoint, "missing \"data\"");
    return std::move(*data);
}

} // namespace

TimeMs sampleTimeMs(double s) {
    return std::isfinite(s) && s >= 0 && s < 1e12 ? static_cast<TimeMs>(std::llround(s * 1000.0)) : 0;
}

bool parseSampleValue(std::string_view s, double &out) {
    if (s == "NaN") {
        out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (s == "+Inf" || s == "Inf") {
        out = std::numeric_limits<double>::infinity();
        return true;
    }
    if (s == "-Inf") {
        out = -std::numeric_limits<double>::infinity();
        return true;
    }
    if (s.empty())
        return false;
    // Prometheus writes values with Go's FormatFloat(v, 'f', -1): plain decimals, some long (1e25 is 26
    // digits). from_chars reads them exactly and without the locale (strtod's slow multi-precision path
    // was a tenth of a wall's CPU); what it declines (a leading '+', hexadecimal, out of range) strtod
    // decides, as before.
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && end == s.data() + s.size()) {
        out = v;
        return true;
    }
    if (s.size() > 64)
        return false;
    char buf[65];
    s.copy(buf, s.size());
    buf[s.size()] = '\0';
    char *stop = nullptr;
    out = std::strtod(buf, &stop);
    return stop == buf + s.size();
}

HttpRequest getRequest(const std::string &baseUrl, const std::string &path) {
    HttpRequest r;
    r.url = joinUrl(baseUrl, path);
    return r;
}

HttpRequest queryRequest(const std::string &baseUrl, const std::string &promql, TimeMs at) {
    std::vector<std::pair<std::string, std::string>> params{{"query", promql}};
    if (at > 0)
        params.emplace_back("time", formatSeconds(at));
    return getRequest(baseUrl, "/api/v1/query?" + buildQuery(params));
}

HttpRequest queryRangeRequest(const std::string &baseUrl, const std::string &promql, TimeMs start, TimeMs end,
                              std::int64_t stepMs) {
    return getRequest(baseUrl, "/api/v1/query_range?" + buildQuery({{"query", promql},
                                                                    {"start", formatSeconds(start)},
                                                                    {"end", formatSeconds(end)},
                                                                    {"step", formatSeconds(stepMs)}}));
}

Result<std::string> checkResponse(const HttpResponse &r, const std::string &endpoint) {
    if (r.error != HttpError::None)
        return ApiError{ApiError::Kind::Transport, endpoint, r.describe(), {}, 0};
    const bool json = r.contentType.find("json") != std::string::npos;
    if (r.status < 200 || r.status >= 300) {
        // Prometheus sends its error envelope with 400/422/503; say what it said.
        if (json) {
            auto e = envelope(r.body, endpoint, nullptr);
            if (!e && e.error().kind == ApiError::Kind::Api) {
                ApiError err = e.error();
                err.httpStatus = r.status;
                err.message = "HTTP " + std::to_string(r.status) + ", " + err.message;
                return err;
            }
        }
        std::string snippet = r.body.substr(0, 200);
        for (auto &c : snippet)
            if (c == '\n' || c == '\r')
                c = ' ';
        return ApiError{ApiError::Kind::Http,
                        endpoint,
                        r.describe() + (snippet.empty() ? "" : ": " + snippet),
                        {},
                        r.status};
    }
    if (!json)
        return ApiError{ApiError::Kind::ContentType,
                        endpoint,
                        "expected a JSON response but got \"" +
                            (r.contentType.empty() ? std::string("no content type") : r.contentType) +
                            "\" (is this URL a Prometheus/Alertmanager API?)",
                        {},
                        r.status};
    return r.body;
}

Result<PromQueryResult> parseQuery(std::string_view body, const std::string &endpoint, Skipped *skipped,
                                   const std::vector<std::string> *keep) {
    PromQueryResult fast;
    Skipped local;
    if (parseQueryFast(body, fast, skipped ? *skipped : local, keep))
        return fast;
    auto r = parseQueryDocument(body, endpoint, skipped);
    if (r && keep) {
        const auto only = [keep](const LabelSet &labels) {
            std::vector<Label> kept;
            for (const auto &l : labels.labels())
                if (std::find(keep->begin(), keep->end(), l.name) != keep->end())
                    kept.push_back(l);
            return LabelSet(std::move(kept));
        };
        for (auto &s : r.value().vector)
            s.metric = only(s.metric);
        for (auto &s : r.value().matrix)
            s.metric = only(s.metric);
    }
    return r;
}

Result<PromQueryResult> parseQueryDocument(std::string_view body, const std::string &endpoint,
                                           Skipped *skipped) {
    PromQueryResult out;
    auto data = envelope(body, endpoint, &out.warnings);
    if (!data)
        return data.error();
    const std::string type = jsonutil::str(*data, "resultType");
    auto resIt = data->find("result");
    if (resIt == data->end())
        return jsonutil::shapeError(endpoint, "missing data.result");
    const json &res = *resIt;
    Skipped local;
    Skipped &skip = skipped ? *skipped : local;
    auto point = [&](const json &p, TimeMs &t, double &v) {
        if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_string())
            return false;
        t = secondsToMs(p[0]);
        return parseSampleValue(p[1].get_ref<const std::string &>(), v);
    };
    if (type == "vector") {
        out.type = PromQueryResult::Type::Vector;
        if (!res.is_array())
            return jsonutil::shapeError(endpoint, "vector result is not an array");
        out.vector.reserve(res.size());
        for (const auto &s : res) {
            PromSample sample;
            if (!point(jsonutil::member(s, "value"), sample.time, sample.value)) {
                skip.add("samples", "vector sample without a [time, \"value\"] pair");
                continue;
            }
            sample.metric = jsonutil::labels(jsonutil::member(s, "metric"));
            out.vector.push_back(std::move(sample));
        }
    } else if (type == "matrix") {
        out.type = PromQueryResult::Type::Matrix;
        if (!res.is_array())
            return jsonutil::shapeError(endpoint, "matrix result is not an array");
        out.matrix.reserve(res.size());
        for (const auto &s : res) {
            PromSeries series;
            const json &vals = jsonutil::member(s, "values");
            if (!vals.is_array()) {
                skip.add("series", "matrix series without \"values\"");
                continue;
            }
            series.metric = jsonutil::labels(jsonutil::member(s, "metric"));
            series.points.reserve(vals.size());
            for (const auto &p : vals) {
                TimeMs t;
                double v;
                if (point(p, t, v))
                    series.points.emplace_back(t, v);
                else
                    skip.add("points", "matrix point is not [time, \"value\"]");
            }
            out.matrix.push_back(std::move(series));
        }
    } else if (type == "scalar") {
        out.type = PromQueryResult::Type::Scalar;
        if (!point(res, out.scalarTime, out.scalar))
            return jsonutil::shapeError(endpoint, "scalar result is not [time, \"value\"]");
    } else if (type == "string") {
        out.type = PromQueryResult::Type::String;
        if (!res.is_array() || res.size() != 2 || !res[1].is_string())
            return jsonutil::shapeError(endpoint, "string result is not [time, \"value\"]");
        out.string = res[1].get<std::string>();
    } else {
        return jsonutil::shapeError(endpoint, "unknown resultType \"" + type + "\"");
    }
    return out;
}

Result<PromTargets> parseTargets(std::string_view body, Skipped *skipped) {
    const std::string endpoint = "/api/v1/targets";
    auto data = envelope(body, endpoint, nullptr);
    if (!data)
        return data.error();
    PromTargets out;
    auto act = data->find("activeTargets");
    if (act == data->end() || !act->is_array())
        return jsonutil::shapeError(endpoint, "missing data.activeTargets");
    for (const auto &t : *act) {
        if (!t.is_object()) {
            if (skipped)
                skipped->add("targets", "target is not an object");
            continue;
        }
        PromTarget target;
        target.labels = jsonutil::labels(jsonutil::member(t, "labels"));
        target.scrapePool = jsonutil::str(t, "scrapePool");
        target.scrapeUrl = jsonutil::str(t, "scrapeUrl");
        target.health = jsonutil::str(t, "health");
        target.lastError = jsonutil::str(t, "lastError");
        target.lastScrape = parseRfc3339(jsonutil::str(t, "lastScrape")).value_or(0);
        if (auto d = t.find("lastScrapeDuration"); d != t.end() && d->is_number())
            target.lastScrapeDurationS = d->get<double>();
        out.active.push_back(std::move(target));
    }
    if (auto dr = data->find("droppedTargets"); dr != data->end() && dr->is_array())
        out.droppedCount = static_cast<int>(dr->size());
    return out;
}

Result<std::vector<PromRuleAlert>> parseAlerts(std::string_view body, Skipped *skipped) {
    if (std::vector<PromRuleAlert> fast; parseAlertsFast(body, fast))
        return fast;
    return parseAlertsDocument(body, skipped);
}

Result<std::vector<PromRuleAlert>> parseAlertsDocument(std::string_view body, Skipped *skipped) {
    const std::string endpoint = "/api/v1/alerts";
    auto data = envelope(body, endpoint, nullptr);
    if (!data)
        return data.error();
    auto arr = data->find("alerts");
    if (arr == data->end() || !arr->is_array())
        return jsonutil::shapeError(endpoint, "missing data.alerts");
    std::vector<PromRuleAlert> out;
    out.reserve(arr->size());
    for (const auto &a : *arr) {
        const json &labels = jsonutil::member(a, "labels");
        if (!labels.is_object()) {
            if (skipped)
                skipped->add("alerts", "alert without \"labels\"");
            continue;
        }
        PromRuleAlert alert;
        alert.labels = jsonutil::labels(labels);
        alert.annotations = jsonutil::labels(jsonutil::member(a, "annotations"));
        alert.state = jsonutil::str(a, "state");
        alert.activeAt = parseRfc3339(jsonutil::str(a, "activeAt")).value_or(0);
        parseSampleValue(jsonutil::str(a, "value"), alert.value);
        out.push_back(std::move(alert));
    }
    return out;
}

Result<std::vector<AlertRule>> parseRules(std::string_view body, Skipped *skipped) {
    const std::string endpoint = "/api/v1/rules";
    auto data = envelope(body, endpoint, nullptr);
    if (!data)
        return data.error();
    auto groups = data->find("groups");
    if (groups == data->end() || !groups->is_array())
        return jsonutil::shapeError(endpoint, "missing data.groups");
    std::vector<AlertRule> out;
    for (const auto &g : *groups) {
        if (!g.is_object()) {
            if (skipped)
                skipped->add("rule groups", "a rule group is not an object");
            continue;
        }
        auto rules = g.find("rules");
        if (rules == g.end() || !rules->is_array())
            continue;
        for (const auto &r : *rules) {
            if (!r.is_object() || jsonutil::str(r, "type") != "alerting")
                continue;
            AlertRule rule;
            rule.group = jsonutil::str(g, "name");
            rule.name = jsonutil::str(r, "name");
            rule.query = jsonutil::str(r, "query");
            rule.health = jsonutil::str(r, "health");
            rule.lastError = jsonutil::str(r, "lastError");
            // `duration`: the rule's `for:` in seconds (a number; anything else is no delay)
            if (const auto d = r.find("duration"); d != r.end() && d->is_number()) {
                const double seconds = d->get<double>();
                if (std::isfinite(seconds) && seconds > 0 && seconds < 365.0 * 86400)
                    rule.forMs = static_cast<TimeMs>(seconds * 1000);
            }
            out.push_back(std::move(rule));
        }
    }
    return out;
}

Result<PromBuildInfo> parseBuildInfo(std::string_view body) {
    const std::string endpoint = "/api/v1/status/buildinfo";
    auto data = envelope(body, endpoint, nullptr);
    if (!data)
        return data.error();
    if (!jsonutil::member(*data, "version").is_string())
        return jsonutil::shapeError(endpoint, "no \"version\" string in data");
    return PromBuildInfo{jsonutil::str(*data, "version"), jsonutil::str(*data, "revision"),
                         jsonutil::str(*data, "goVersion")};
}

Result<LabelSet> parseExternalLabels(std::string_view body) {
    const std::string endpoint = "/api/v1/status/config";
    auto data = envelope(body, endpoint, nullptr);
    if (!data)
        return data.error();
    const json &yaml = jsonutil::member(*data, "yaml");
    if (!yaml.is_string())
        return jsonutil::shapeError(endpoint, "no \"yaml\" string in data");
    std::vector<std::pair<std::string, std::string>> pairs;
    try {
        const YAML::Node root = YAML::Load(yaml.get_ref<const std::string &>());
        const YAML::Node global = root.IsMap() ? root["global"] : YAML::Node();
        const YAML::Node labels = global && global.IsMap() ? global["external_labels"] : YAML::Node();
        if (labels && labels.IsMap())
            for (const auto &kv : labels)
                if (kv.first.IsScalar() && kv.second.IsScalar())
                    pairs.emplace_back(kv.first.Scalar(), kv.second.Scalar());
        // Labels dropped on the way to Alertmanager (the Prometheus Operator drops prometheus_replica
        // with alert_relabel_configs) are not on Alertmanager's copy either.
        const YAML::Node alerting = root.IsMap() ? root["alerting"] : YAML::Node();
        const YAML::Node relabel =
            alerting && alerting.IsMap() ? alerting["alert_relabel_configs"] : YAML::Node();
        if (relabel && relabel.IsSequence())
            for (const auto &rule : relabel) {
                if (!rule.IsMap() || !rule["action"] || !rule["action"].IsScalar() || !rule["regex"] ||
                    !rule["regex"].IsScalar() || rule["action"].Scalar() != "labeldrop")
                    continue;
                std::string error;
                const auto re = Regex::compile(rule["regex"].Scalar(), &error);
                if (!re)
                    continue;
                std::erase_if(pairs, [&](const auto &kv) { return re->fullMatch(kv.first); });
            }
    } catch (const YAML::Exception &e) {
        return jsonutil::shapeError(endpoint,
                                    std::string("the configuration YAML does not parse: ") + e.what());
    }
    LabelSet out;
    for (auto &[k, v] : pairs)
        if (!k.empty())
            out.set(k, v);
    return out;
}

} // namespace vigil::prometheus
