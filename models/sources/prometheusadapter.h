#pragma once
// Prometheus HTTP API v1 (also Thanos Query, Mimir, VictoriaMetrics): request building and response
// parsing into domain values. Pure functions: parsing runs on worker threads.
#include "../fleet/alert.h"
#include "../fleet/labelset.h"
#include "../net/httptypes.h"
#include "apierror.h"

#include <string>
#include <string_view>
#include <vector>

namespace vigil {

struct PromSample {
    LabelSet metric;
    TimeMs time = 0;
    double value = 0;
};

struct PromSeries {
    LabelSet metric;
    std::vector<std::pair<TimeMs, double>> points;
};

struct PromQueryResult {
    enum class Type { Vector, Scalar, Matrix, String };
    Type type = Type::Vector;
    std::vector<PromSample> vector;
    std::vector<PromSeries> matrix;
    double scalar = 0;
    TimeMs scalarTime = 0;
    std::string string;
    std::vector<std::string> warnings;
};

struct PromTarget {
    LabelSet labels;
    std::string scrapePool;
    std::string scrapeUrl;
    std::string health; // "up", "down", "unknown"
    std::string lastError;
    TimeMs lastScrape = 0;
    double lastScrapeDurationS = 0;
};

struct PromTargets {
    std::vector<PromTarget> active;
    int droppedCount = 0;
};

struct PromRuleAlert {
    LabelSet labels;
    LabelSet annotations;
    std::string state; // "pending", "firing"
    TimeMs activeAt = 0;
    double value = 0;
};

struct PromBuildInfo {
    std::string version;
    std::string revision;
    std::string goVersion;
};

namespace prometheus {

HttpRequest queryRequest(const std::string &baseUrl, const std::string &promql, TimeMs at = 0);
HttpRequest queryRangeRequest(const std::string &baseUrl, const std::string &promql, TimeMs start, TimeMs end,
                              std::int64_t stepMs);
HttpRequest getRequest(const std::string &baseUrl, const std::string &path);

// Turns a finished HTTP exchange into its JSON body or a typed error: transport failures, HTTP errors
// (reading Prometheus' own error shape where present), wrong content type.
Result<std::string> checkResponse(const HttpResponse &r, const std::string &endpoint);

// Elements of the wrong shape (a sample, a series, a point, a target, an alert, a rule group) are left
// out and counted in *skipped when given; a wrong top-level shape is an error naming the endpoint.
// With `keep`, each sample and series keeps only the labels named there (those that name a host, for a
// metric query, whose other labels nothing reads).
Result<PromQueryResult> parseQuery(std::string_view body, const std::string &endpoint = "/api/v1/query",
                                   Skipped *skipped = nullptr,
                                   const std::vector<std::string> *keep = nullptr);
// parseQuery without its fast path (promfastquery.h): the document parser, whose checks define what is
// accepted; tests hold the fast path to it.
Result<PromQueryResult> parseQueryDocument(std::string_view body,
                                           const std::string &endpoint = "/api/v1/query",
                                           Skipped *skipped = nullptr);
Result<PromTargets> parseTargets(std::string_view body, Skipped *skipped = nullptr);
// Read by simdjson when in Prometheus' own shape (fastalerts.h), else by the document reader.
Result<std::vector<PromRuleAlert>> parseAlerts(std::string_view body, Skipped *skipped = nullptr);
Result<std::vector<PromRuleAlert>> parseAlertsDocument(std::string_view body, Skipped *skipped = nullptr);
Result<PromBuildInfo> parseBuildInfo(std::string_view body);
// Alerting rules only (recording rules are skipped).
Result<std::vector<AlertRule>> parseRules(std::string_view body, Skipped *skipped = nullptr);

// The external labels of /api/v1/status/config (global.external_labels in the YAML it returns):
// what Prometheus adds to every alert it sends, so Alertmanager's copy carries them and its own
// /api/v1/alerts copy does not, less those alert_relabel_configs drop (labeldrop). A YAML that does not
// parse is an error; no external labels is empty.
Result<LabelSet> parseExternalLabels(std::string_view body);

// Values arrive as strings: "1.5", "NaN", "+Inf", "-Inf".
bool parseSampleValue(std::string_view s, double &out);
// A sample's time in seconds as milliseconds; a time past the year 33658, before 1970 or not finite is
// no time (0). The document parser and the fast reader share it.
TimeMs sampleTimeMs(double seconds);

} // namespace prometheus
} // namespace vigil
