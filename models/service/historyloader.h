#pragma once
// Fills a MetricGrid for one metric over a time range: first from the store's history, then, for the
// stretches the store does not cover, from each Prometheus source's query_range, in requests small
// enough for the server's 11,000-points-per-series limit and the client's response cap. Synchronous:
// runs on a worker thread (FleetService's job pool), never on the GUI thread.
#include "../analysis/metricgrid.h"
#include "../analysis/wear.h"
#include "../config/config.h"
#include "../fleet/fleetsnapshot.h"
#include "../support/jobrunner.h"

#include <atomic>
#include <functional>
#include <memory>

namespace vigil {

class HttpClient;
class HistoryReader;

struct HistoryJob {
    std::string metricKey;
    std::string query; // the profile's PromQL for it
    HostIdentity identity;
    std::vector<std::string> hosts; // rows, sorted by name
    TimeMs from = 0;
    std::int64_t stepMs = 60'000;
    int buckets = 0;
    std::vector<SourceConfig> sources;          // those with a Prometheus URL are asked
    std::shared_ptr<const HistoryReader> store; // the cache or a snapshot file; may be null
    std::shared_ptr<HttpClient> client;
    std::int64_t maxPointsPerRequest = 1'000'000; // about 30 MB of JSON
    CancelToken cancel;
    // The last grid of the same view: its settled buckets are taken instead of read and asked again (a
    // heatmap refreshed each minute asks only for the new minutes). Ignored unless it was loaded for the
    // same metric, hosts, bucket width and basis.
    std::shared_ptr<const analysis::MetricGrid> previous;
};

// Problems (a source that failed, a truncated range) land in the grid's warnings. `now` is when the
// load began: buckets that ended a margin before it are settled.
analysis::MetricGrid loadHistory(const HistoryJob &job, TimeMs now = nowMs());

// A job for one metric of the profile over [from, to) in about `columns` buckets, for the hosts of
// `current` (may be null); the caller adds where history comes from (store, sources and client).
HistoryJob historyJob(const Config &config, const FleetSnapshot *current, const std::string &metricKey,
                      TimeMs from, TimeMs to, int columns);

// Hardware wear over the `hours` before `to`: one job per metric with a fail_at, and the report they fill.
struct WearJobs {
    std::vector<HistoryJob> jobs;
    std::shared_ptr<analysis::WearReport> report;
};
WearJobs wearJobs(const Config &config, const FleetSnapshot *current, TimeMs to, int hours);
// Runs the jobs and ranks the hosts (worker thread); null when cancelled.
std::shared_ptr<const analysis::WearReport> rankWear(WearJobs work, const CancelToken &cancel);

} // namespace vigil
