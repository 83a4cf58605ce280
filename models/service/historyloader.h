#pragma once
// Fills a MetricGrid for one metric over a time range: first from the store's history, then, for the
// stretches the store does not cover, from each Prometheus source's query_range, in requests small
// enough for the server's 11,000-points-per-series limit and the client's response cap. Synchronous:
// runs on a worker thread (FleetService's job pool), never on the GUI thread.
#include "../analysis/metricgrid.h"
#include "../config/config.h"
#include "../support/jobrunner.h"

#include <atomic>
#include <functional>
#include <memory>

namespace vigil {

class HttpClient;
class Store;

struct HistoryJob {
    std::string metricKey;
    std::string query; // the profile's PromQL for it
    HostIdentity identity;
    std::vector<std::string> hosts; // rows, sorted by name
    TimeMs from = 0;
    std::int64_t stepMs = 60'000;
    int buckets = 0;
    std::vector<SourceConfig> sources; // those with a Prometheus URL are asked
    std::shared_ptr<Store> store;      // may be null
    std::shared_ptr<HttpClient> client;
    std::int64_t maxPointsPerRequest = 1'000'000; // about 30 MB of JSON
    CancelToken cancel;
};

// Problems (a source that failed, a truncated range) land in the grid's warnings.
analysis::MetricGrid loadHistory(const HistoryJob &job);

} // namespace vigil
