#include "snapshotsettings.h"

#include <algorithm>
#include <cmath>

namespace vigil::snapshot {

using json = nlohmann::json;

namespace {

json strings(const std::vector<std::string> &v) {
    return json(v);
}

// Typed reads that leave the target alone when the field is absent or of another type.
void read(const json &o, const char *key, std::string &out) {
    if (auto it = o.find(key); it != o.end() && it->is_string())
        out = it->get<std::string>();
}
void read(const json &o, const char *key, bool &out) {
    if (auto it = o.find(key); it != o.end() && it->is_boolean())
        out = it->get<bool>();
}
void read(const json &o, const char *key, double &out) {
    if (auto it = o.find(key); it != o.end() && it->is_number() && std::isfinite(it->get<double>()))
        out = it->get<double>();
}
void read(const json &o, const char *key, std::int64_t &out) {
    if (auto it = o.find(key); it != o.end() && it->is_number_integer())
        out = it->get<std::int64_t>();
}
void read(const json &o, const char *key, int &out) {
    std::int64_t v = out;
    read(o, key, v);
    if (v >= 0 && v <= 1'000'000)
        out = static_cast<int>(v);
}
void read(const json &o, const char *key, std::vector<std::string> &out) {
    auto it = o.find(key);
    if (it == o.end() || !it->is_array())
        return;
    out.clear();
    for (const auto &v : *it)
        if (v.is_string())
            out.push_back(v.get<std::string>());
}
// Calls f(element) for each object element of an array field.
template <class F> void eachObject(const json &o, const char *key, F f) {
    auto it = o.find(key);
    if (it == o.end() || !it->is_array())
        return;
    for (const auto &v : *it)
        if (v.is_object())
            f(v);
}
const json &object(const json &o, const char *key) {
    static const json empty = json::object();
    auto it = o.find(key);
    return it != o.end() && it->is_object() ? *it : empty;
}

json profileToJson(const QueryProfile &p) {
    json metrics = json::array(), facts = json::array(), joins = json::array(), wear = json::array();
    for (const auto &m : p.metrics)
        metrics.push_back(
            {{"key", m.key}, {"title", m.title}, {"unit", metricUnitName(m.unit)}, {"query", m.query}});
    for (const auto &f : p.facts)
        facts.push_back({{"name", f.name},
                         {"query", f.query},
                         {"value_labels", strings(f.valueLabels)},
                         {"key_labels", strings(f.keyLabels)}});
    for (const auto &j : p.joins)
        joins.push_back({{"query", j.query}, {"on", strings(j.on)}, {"add", strings(j.add)}});
    for (const auto &w : p.wear)
        wear.push_back({{"metric", w.metricKey}, {"fail_at", w.failAt}});
    return {{"host", {{"labels", strings(p.host.labels)}, {"strip_port", p.host.stripPort}}},
            {"up_query", p.upQuery},
            {"metrics", metrics},
            {"facts", facts},
            {"joins", joins},
            {"wear", wear},
            {"load", {{"metric", p.load.metric}, {"hot", p.load.hot}, {"idle", p.load.idle}}},
            {"edge_query", p.edgeQuery},
            {"edge_error_query", p.edgeErrorQuery},
            {"edge_source_label", p.edgeSourceLabel},
            {"edge_destination_label", p.edgeDestinationLabel}};
}

void profileFromJson(const json &o, QueryProfile &p) {
    const json &host = object(o, "host");
    read(host, "labels", p.host.labels);
    if (p.host.labels.empty())
        p.host.labels = {"instance"};
    read(host, "strip_port", p.host.stripPort);
    read(o, "up_query", p.upQuery);
    if (o.contains("metrics"))
        p.metrics.clear();
    eachObject(o, "metrics", [&](const json &m) {
        MetricQuery q;
        read(m, "key", q.key);
        read(m, "title", q.title);
        read(m, "query", q.query);
        std::string unit;
        read(m, "unit", unit);
        bool ok = false;
        q.unit = metricUnitFromString(unit, &ok);
        if (!q.key.empty())
            p.metrics.push_back(std::move(q));
    });
    if (o.contains("facts"))
        p.facts.clear();
    eachObject(o, "facts", [&](const json &f) {
        FactQuery q;
        read(f, "name", q.name);
        read(f, "query", q.query);
        read(f, "value_labels", q.valueLabels);
        read(f, "key_labels", q.keyLabels);
        p.facts.push_back(std::move(q));
    });
    if (o.contains("joins"))
        p.joins.clear();
    eachObject(o, "joins", [&](const json &j) {
        JoinQuery q;
        read(j, "query", q.query);
        read(j, "on", q.on);
        read(j, "add", q.add);
        p.joins.push_back(std::move(q));
    });
    if (o.contains("wear"))
        p.wear.clear();
    eachObject(o, "wear", [&](const json &w) {
        WearThreshold t;
        read(w, "metric", t.metricKey);
        read(w, "fail_at", t.failAt);
        p.wear.push_back(std::move(t));
    });
    const json &load = object(o, "load");
    read(load, "metric", p.load.metric);
    read(load, "hot", p.load.hot);
    read(load, "idle", p.load.idle);
    read(o, "edge_query", p.edgeQuery);
    read(o, "edge_error_query", p.edgeErrorQuery);
    read(o, "edge_source_label", p.edgeSourceLabel);
    read(o, "edge_destination_label", p.edgeDestinationLabel);
}

} // namespace

std::string urlWithoutCredentials(const std::string &url) {
    std::string out = url;
    // Query and fragment may carry tokens (?access_token=...).
    if (auto q = out.find_first_of("?#"); q != std::string::npos)
        out.erase(q);
    const auto scheme = out.find("://");
    const std::size_t hostStart = scheme == std::string::npos ? 0 : scheme + 3;
    const auto pathStart = out.find('/', hostStart);
    const auto at = out.rfind('@', pathStart == std::string::npos ? std::string::npos : pathStart);
    if (at != std::string::npos && at >= hostStart)
        out.erase(hostStart, at + 1 - hostStart);
    return out;
}

json settingsToJson(const Config &config) {
    json sources = json::array(), edges = json::array();
    for (const auto &s : config.sources) {
        json ams = json::array();
        for (const auto &u : s.alertmanagerUrls)
            ams.push_back(urlWithoutCredentials(u));
        sources.push_back({{"name", s.name},
                           {"prometheus", urlWithoutCredentials(s.prometheusUrl)},
                           {"alertmanagers", ams},
                           {"external_labels", strings(s.externalLabels)},
                           {"interval_ms", s.intervalMs}});
    }
    for (const auto &e : config.topology.edges)
        edges.push_back({{"from", e.from}, {"to", e.to}});
    return {{"profile", profileToJson(config.profile)},
            {"topology",
             {{"hierarchy", strings(config.topology.hierarchy)},
              {"service_label", config.topology.serviceLabel},
              {"edges", edges}}},
            {"triage",
             {{"group_by", strings(config.triage.groupBy)},
              {"window_ms", config.triage.windowMs},
              {"storm_alerts_per_minute", config.triage.stormAlertsPerMinute},
              {"cause_severity", config.triage.causeSeverity},
              {"cause_alerts", strings(config.triage.causeAlerts)}}},
            {"drift", {{"role_label", config.drift.roleLabel}}},
            {"sources", sources}};
}

bool settingsFromJson(const std::string &text, Config &config, std::string *error) {
    const json o = json::parse(text, nullptr, false);
    if (!o.is_object()) {
        if (error)
            *error = "the settings are not a JSON object";
        return false;
    }
    profileFromJson(object(o, "profile"), config.profile);
    const json &topology = object(o, "topology");
    read(topology, "hierarchy", config.topology.hierarchy);
    read(topology, "service_label", config.topology.serviceLabel);
    if (topology.contains("edges"))
        config.topology.edges.clear();
    eachObject(topology, "edges", [&](const json &e) {
        ServiceEdge edge;
        read(e, "from", edge.from);
        read(e, "to", edge.to);
        if (!edge.from.empty() && !edge.to.empty())
            config.topology.edges.push_back(std::move(edge));
    });
    const json &triage = object(o, "triage");
    read(triage, "group_by", config.triage.groupBy);
    read(triage, "window_ms", config.triage.windowMs);
    config.triage.windowMs = std::clamp<std::int64_t>(config.triage.windowMs, 1000, 86'400'000);
    read(triage, "storm_alerts_per_minute", config.triage.stormAlertsPerMinute);
    read(triage, "cause_severity", config.triage.causeSeverity);
    config.triage.causeSeverity = std::clamp(config.triage.causeSeverity, 1, 2);
    read(triage, "cause_alerts", config.triage.causeAlerts);
    read(object(o, "drift"), "role_label", config.drift.roleLabel);
    config.sources.clear();
    eachObject(o, "sources", [&](const json &s) {
        SourceConfig src;
        read(s, "name", src.name);
        read(s, "prometheus", src.prometheusUrl);
        read(s, "alertmanagers", src.alertmanagerUrls);
        read(s, "external_labels", src.externalLabels);
        read(s, "interval_ms", src.intervalMs);
        config.sources.push_back(std::move(src));
    });
    return true;
}

} // namespace vigil::snapshot
