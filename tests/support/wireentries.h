#pragma once
// Every adapter entry point that reads an answer from the wire, by name, with the recorded real answer
// it reads. Shared by the wrong-type mutation test and the fuzz targets, so a new entry point is
// covered by both once it is listed here.
#include "sources/alertmanageradapter.h"
#include "sources/prometheusadapter.h"

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::test {

struct WireOutcome {
    bool ok = false;
    ApiError error; // when !ok
    std::size_t items = 0;
    int skipped = 0;
};

struct WireEntry {
    const char *name;
    const char *fixture; // in tests/data
    const char *endpoint;
    WireOutcome (*parse)(std::string_view body);
};

template <class R> WireOutcome outcome(const R &r, const Skipped &s, std::size_t (*count)(const R &)) {
    WireOutcome o;
    o.ok = r.ok();
    if (o.ok)
        o.items = count(r);
    else
        o.error = r.error();
    o.skipped = s.count();
    return o;
}

template <class R> std::size_t sizeOf(const R &r) {
    return r->size();
}

// The query answer has a fast path (promfastquery.h) under parseQuery: every input the fuzzer and the
// wrong-type test make is also read by the document parser, and a disagreement aborts (a crash to them).
inline void sameAsDocumentParser(std::string_view body, const char *endpoint,
                                 const Result<PromQueryResult> &r, const Skipped &s) {
    Skipped s2;
    const auto d = prometheus::parseQueryDocument(body, endpoint, &s2);
    const bool same = r.ok() == d.ok() && s.count() == s2.count() &&
                      (!r.ok() ? r.error().describe() == d.error().describe()
                               : r->type == d->type && r->vector.size() == d->vector.size() &&
                                     r->matrix.size() == d->matrix.size() && r->warnings == d->warnings);
    if (!same)
        std::abort();
}

// So do the alert readers (fastalerts.h): the same check for what they read.
template <class R, class Document>
R sameAsDocumentReader(std::string_view body, R r, const Skipped &s, Document document) {
    Skipped s2;
    const R d = document(body, &s2);
    const bool same = r.ok() == d.ok() && s.count() == s2.count() &&
                      (!r.ok() ? r.error().describe() == d.error().describe() : r->size() == d->size());
    if (!same)
        std::abort();
    return r;
}

inline const std::vector<WireEntry> &wireEntries() {
    static const std::vector<WireEntry> entries{
        {"prom.query", "prom_query_vector.json", "/api/v1/query",
         [](std::string_view b) {
             Skipped s;
             auto r = prometheus::parseQuery(b, "/api/v1/query", &s);
             sameAsDocumentParser(b, "/api/v1/query", r, s);
             // A metric query's way: only the labels that name a host are kept.
             static const std::vector<std::string> keep{"node", "instance"};
             Skipped sk;
             const auto k = prometheus::parseQuery(b, "/api/v1/query", &sk, &keep);
             sameAsDocumentParser(b, "/api/v1/query", k, sk);
             return outcome<decltype(r)>(r, s, [](const decltype(r) &x) { return x->vector.size(); });
         }},
        {"prom.query_range", "prom_query_range.json", "/api/v1/query_range",
         [](std::string_view b) {
             Skipped s;
             auto r = prometheus::parseQuery(b, "/api/v1/query_range", &s);
             sameAsDocumentParser(b, "/api/v1/query_range", r, s);
             return outcome<decltype(r)>(r, s, [](const decltype(r) &x) { return x->matrix.size(); });
         }},
        {"prom.targets", "prom_targets.json", "/api/v1/targets",
         [](std::string_view b) {
             Skipped s;
             auto r = prometheus::parseTargets(b, &s);
             return outcome<decltype(r)>(r, s, [](const decltype(r) &x) { return x->active.size(); });
         }},
        {"prom.alerts", "prom_alerts.json", "/api/v1/alerts",
         [](std::string_view b) {
             Skipped s;
             auto r = sameAsDocumentReader(
                 b, prometheus::parseAlerts(b, &s), s,
                 [](std::string_view x, Skipped *k) { return prometheus::parseAlertsDocument(x, k); });
             return outcome<decltype(r)>(r, s, sizeOf);
         }},
        {"prom.rules", "prom_rules.json", "/api/v1/rules",
         [](std::string_view b) {
             Skipped s;
             auto r = prometheus::parseRules(b, &s);
             return outcome<decltype(r)>(r, s, sizeOf);
         }},
        {"prom.buildinfo", "prom_buildinfo.json", "/api/v1/status/buildinfo",
         [](std::string_view b) {
             auto r = prometheus::parseBuildInfo(b);
             return outcome<decltype(r)>(r, Skipped{}, [](const decltype(r) &) { return std::size_t(1); });
         }},
        {"prom.config", "prom_status_config.json", "/api/v1/status/config",
         [](std::string_view b) {
             auto r = prometheus::parseExternalLabels(b);
             return outcome<decltype(r)>(r, Skipped{}, [](const decltype(r) &x) { return x->size(); });
         }},
        {"am.alerts", "am_alerts.json", "/api/v2/alerts",
         [](std::string_view b) {
             Skipped s;
             auto r = sameAsDocumentReader(
                 b, alertmanager::parseAlerts(b, &s), s,
                 [](std::string_view x, Skipped *k) { return alertmanager::parseAlertsDocument(x, k); });
             return outcome<decltype(r)>(r, s, sizeOf);
         }},
        {"am.groups", "am_alert_groups.json", "/api/v2/alerts/groups",
         [](std::string_view b) {
             Skipped s;
             auto r = sameAsDocumentReader(
                 b, alertmanager::parseGroups(b, &s), s,
                 [](std::string_view x, Skipped *k) { return alertmanager::parseGroupsDocument(x, k); });
             return outcome<decltype(r)>(r, s, sizeOf);
         }},
        {"am.silences", "am_silences.json", "/api/v2/silences",
         [](std::string_view b) {
             Skipped s;
             auto r = alertmanager::parseSilences(b, &s);
             return outcome<decltype(r)>(r, s, sizeOf);
         }},
        {"am.status", "am_status.json", "/api/v2/status",
         [](std::string_view b) {
             auto r = alertmanager::parseStatus(b);
             return outcome<decltype(r)>(r, Skipped{}, [](const decltype(r) &) { return std::size_t(1); });
         }},
        {"am.silence_created", "am_silence_created.json", "/api/v2/silences",
         [](std::string_view b) {
             auto r = alertmanager::parseSilenceCreated(b);
             return outcome<decltype(r)>(r, Skipped{}, [](const decltype(r) &) { return std::size_t(1); });
         }},
    };
    return entries;
}

} // namespace vigil::test
