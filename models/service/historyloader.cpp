#include "historyloader.h"

#include "../net/httpclient.h"
#include "../sources/prometheusadapter.h"
#include "../sources/sourcetls.h"
#include "../store/store.h"

#include <algorithm>
#include <chrono>
#include <future>

namespace vigil {

namespace {
bool isCancelled(const HistoryJob &job) {
    return job.cancel.cancelled();
}

// Sends and waits, giving up (and cancelling the request) when the job is cancelled.
std::optional<HttpResponse> fetch(const HistoryJob &job, HttpRequest req) {
    auto promise = std::make_shared<std::promise<HttpResponse>>();
    auto future = promise->get_future();
    const auto id =
        job.client->send(std::move(req), [promise](HttpResponse r) { promise->set_value(std::move(r)); });
    while (future.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
        if (isCancelled(job)) {
            job.client->cancel(id);
            return std::nullopt;
        }
    }
    return future.get();
}
} // namespace

analysis::MetricGrid loadHistory(const HistoryJob &job) {
    analysis::GridAccumulator acc(job.metricKey, job.hosts, job.from, job.stepMs, job.buckets);
    std::vector<std::string> warnings;
    const TimeMs to = job.from + job.buckets * job.stepMs - 1;
    if (job.store) {
        job.store->readMetricHistory(
            job.metricKey, job.from, to, [&acc](const std::string &name) { return acc.rowOf(name); },
            [&acc](TimeMs t, const std::vector<int> &rows, const float *vals, std::size_t n) {
                const int b = acc.bucketOf(t);
                if (b < 0)
                    return;
                for (std::size_t i = 0; i < n; ++i)
                    if (rows[i] >= 0)
                        acc.add(rows[i], b, vals[i]);
            });
    }
    int storeBuckets = 0;
    for (int b = 0; b < job.buckets; ++b)
        storeBuckets += acc.bucketHasData(b);

    // What the store lacks, from each source's range API (a source that never answered for a host
    // simply leaves its cells empty).
    int rangeBuckets = 0;
    const auto gaps = acc.gaps();
    const std::int64_t rows = std::max<std::int64_t>(1, static_cast<std::int64_t>(job.hosts.size()));
    const int chunkBuckets =
        static_cast<int>(std::clamp<std::int64_t>(job.maxPointsPerRequest / rows, 1, 10'000));
    for (const auto &src : job.sources) {
        if (src.prometheusUrl.empty() || !job.client || job.query.empty())
            continue;
        // A source that failed on one piece is not asked for the rest: its answer would be the same (a
        // refused query, a missing API), and its warning is said once, not once per gap.
        bool failed = false;
        for (const auto &[first, last] : gaps) {
            for (int b0 = first; b0 <= last && !failed && !isCancelled(job); b0 += chunkBuckets) {
                const int b1 = std::min(last, b0 + chunkBuckets - 1);
                // One point per bucket, at the bucket's middle.
                const TimeMs start = job.from + b0 * job.stepMs + job.stepMs / 2;
                const TimeMs end = job.from + b1 * job.stepMs + job.stepMs / 2;
                HttpRequest req =
                    prometheus::queryRangeRequest(src.prometheusUrl, job.query, start, end, job.stepMs);
                req.auth = src.auth;
                req.tls = tlsOf(src);
                req.bucket = "history:" + src.name;
                req.timeout = std::chrono::milliseconds(std::max<std::int64_t>(src.timeoutMs * 3, 30'000));
                const auto resp = fetch(job, std::move(req));
                if (!resp) {
                    failed = true;
                    break;
                }
                auto body = prometheus::checkResponse(*resp, "/api/v1/query_range");
                if (!body) {
                    warnings.push_back(src.name + ": " + body.error().describe());
                    failed = true;
                    break;
                }
                Skipped skipped;
                auto parsed = prometheus::parseQuery(body.value(), "/api/v1/query_range", &skipped);
                for (const auto &line : skipped.describe("/api/v1/query_range"))
                    warnings.push_back(src.name + ": " + line);
                if (!parsed) {
                    warnings.push_back(src.name + ": " + parsed.error().describe());
                    failed = true;
                    break;
                }
                for (const auto &w : parsed.value().warnings)
                    warnings.push_back(src.name + ": " + w);
                for (const auto &series : parsed.value().matrix) {
                    const int row = acc.rowOf(std::string(job.identity.hostOf(series.metric)));
                    if (row < 0)
                        continue;
                    for (const auto &[t, v] : series.points)
                        acc.add(row, acc.bucketOf(t), v);
                }
            }
        }
    }
    for (const auto &[first, last] : gaps)
        for (int b = first; b <= last; ++b)
            rangeBuckets += acc.bucketHasData(b);
    auto grid = acc.finish();
    grid.storeBuckets = storeBuckets;
    grid.rangeBuckets = rangeBuckets;
    grid.warnings = std::move(warnings);
    return grid;
}

HistoryJob historyJob(const Config &config, const FleetSnapshot *current, const std::string &metricKey,
                      TimeMs from, TimeMs to, int columns) {
    HistoryJob job;
    job.metricKey = metricKey;
    const int mi = config.profile.metricIndex(metricKey);
    if (mi >= 0)
        job.query = config.profile.metrics[static_cast<std::size_t>(mi)].query;
    job.identity = config.profile.host;
    if (current) {
        job.hosts.reserve(current->hosts.size());
        for (const auto &h : current->hosts)
            job.hosts.push_back(h.name); // the snapshot keeps hosts sorted by name
    }
    job.stepMs = analysis::stepForRange(to - from, columns);
    job.from = from / job.stepMs * job.stepMs;
    job.buckets = static_cast<int>((to - job.from + job.stepMs - 1) / job.stepMs);
    return job;
}

WearJobs wearJobs(const Config &config, const FleetSnapshot *current, TimeMs to, int hours) {
    const TimeMs from = to - static_cast<TimeMs>(hours) * 3'600'000;
    WearJobs out;
    out.report = std::make_shared<analysis::WearReport>();
    out.report->from = from;
    out.report->to = to;
    for (const auto &w : config.profile.wear) {
        const int mi = config.profile.metricIndex(w.metricKey);
        if (mi < 0)
            continue;
        const auto &m = config.profile.metrics[static_cast<std::size_t>(mi)];
        // Wear moves over hours and days: 48 buckets (half an hour each over a day) show the trend, and
        // keep the fit over 100,000 hosts and the range queries small.
        HistoryJob job = historyJob(config, current, m.key, from, to, 48);
        job.buckets = static_cast<int>((to - job.from) / job.stepMs);
        out.jobs.push_back(std::move(job));
        out.report->keys.push_back(m.key);
        out.report->titles.push_back(m.title);
        out.report->limits.push_back(w.failAt);
    }
    return out;
}

std::shared_ptr<const analysis::WearReport> rankWear(WearJobs work, const CancelToken &cancel) {
    auto &report = work.report;
    std::vector<analysis::MetricGrid> grids;
    for (auto &job : work.jobs) {
        if (cancel.cancelled())
            return nullptr;
        job.cancel = cancel;
        grids.push_back(loadHistory(job));
    }
    std::vector<analysis::WearInput> inputs;
    for (std::size_t k = 0; k < grids.size(); ++k) {
        inputs.push_back({&grids[k], report->titles[k], report->limits[k]});
        for (const auto &w : grids[k].warnings)
            report->warnings.push_back(report->titles[k] + ": " + w);
        report->hostsJudged = std::max(report->hostsJudged, grids[k].hosts.size());
    }
    report->ranking = analysis::rankWear(inputs);
    return report;
}

} // namespace vigil
