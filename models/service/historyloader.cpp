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

namespace {

using analysis::GridAccumulator;
using analysis::MetricGrid;
using Origin = MetricGrid::Origin;
using Span = std::pair<int, int>; // buckets [first, last]

// A scrape lands a scrape interval or two after its time, and a rule's answer an evaluation later: a
// bucket is the settled past once this long has gone by after its end.
constexpr TimeMs kSettleMs = 2 * 60'000;

std::string basisOf(const HistoryJob &job) {
    std::string basis = job.query;
    for (const auto &src : job.sources)
        basis += '\n' + src.name + ' ' + src.prometheusUrl;
    return basis;
}

// The buckets the previous grid holds settled, taken into `acc`: [first, last], or {0, -1}.
Span reusePrevious(const HistoryJob &job, const std::string &basis, GridAccumulator &acc,
                   std::vector<Origin> &origin) {
    const MetricGrid *p = job.previous.get();
    if (!p || p->metricKey != job.metricKey || p->basis != basis || p->stepMs != job.stepMs ||
        p->origin.size() != static_cast<std::size_t>(p->buckets) || (job.from - p->from) % job.stepMs != 0 ||
        p->hosts != job.hosts)
        return {0, -1};
    int first = -1, last = -1;
    for (int b = 0; b < job.buckets; ++b) {
        const TimeMs start = job.from + b * job.stepMs;
        if (p->bucketOf(start) >= 0 && start + job.stepMs <= p->settledBefore) {
            first = first < 0 ? b : first;
            last = b;
        } else if (first >= 0) {
            break;
        }
    }
    if (first < 0)
        return {0, -1};
    const int shift = static_cast<int>((job.from - p->from) / job.stepMs);
    for (std::size_t row = 0; row < job.hosts.size(); ++row)
        for (int b = first; b <= last; ++b)
            acc.add(static_cast<int>(row), b, p->at(row, b + shift));
    for (int b = first; b <= last; ++b)
        origin[static_cast<std::size_t>(b)] = p->origin[static_cast<std::size_t>(b + shift)];
    return {first, last};
}

void readStore(const HistoryJob &job, GridAccumulator &acc, TimeMs from, TimeMs to) {
    if (!job.store || from > to)
        return;
    job.store->readMetricHistory(
        job.metricKey, from, to, [&acc](const std::string &name) { return acc.rowOf(name); },
        [&acc](TimeMs t, const std::vector<int> &rows, const float *vals, std::size_t n) {
            const int b = acc.bucketOf(t);
            if (b < 0)
                return;
            for (std::size_t i = 0; i < n; ++i)
                if (rows[i] >= 0)
                    acc.add(rows[i], b, vals[i]);
        });
}

// Asks each source's range API for `gaps`; false when a source failed or the job was cancelled (what
// was asked is then not settled).
bool fetchRanges(const HistoryJob &job, const std::vector<Span> &gaps, GridAccumulator &acc,
                 std::vector<std::string> &warnings) {
    const std::int64_t rows = std::max<std::int64_t>(1, static_cast<std::int64_t>(job.hosts.size()));
    const int chunkBuckets =
        static_cast<int>(std::clamp<std::int64_t>(job.maxPointsPerRequest / rows, 1, 10'000));
    bool allAnswered = true;
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
                // Only the labels that name a host are kept: nothing else of a series is read.
                auto parsed = prometheus::parseQuery(body.value(), "/api/v1/query_range", &skipped,
                                                     &job.identity.labels);
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
        allAnswered = allAnswered && !failed;
    }
    return allAnswered && !isCancelled(job);
}

// The runs of empty buckets outside the reused span.
std::vector<Span> gapsOutside(const std::vector<Span> &gaps, Span reused) {
    std::vector<Span> out;
    for (const auto &[first, last] : gaps) {
        if (first < reused.first)
            out.emplace_back(first, std::min(last, reused.first - 1));
        if (last > reused.second)
            out.emplace_back(std::max(first, reused.second + 1), last);
    }
    return out;
}

} // namespace

MetricGrid loadHistory(const HistoryJob &job, TimeMs now) {
    GridAccumulator acc(job.metricKey, job.hosts, job.from, job.stepMs, job.buckets);
    std::vector<Origin> origin(static_cast<std::size_t>(std::max(0, job.buckets)), Origin::None);
    const std::string basis = basisOf(job);
    const Span reused = reusePrevious(job, basis, acc, origin);
    const auto fresh = [&reused](int b) { return b < reused.first || b > reused.second; };
    const TimeMs to = job.from + job.buckets * job.stepMs - 1;
    if (reused.first > reused.second) {
        readStore(job, acc, job.from, to);
    } else {
        readStore(job, acc, job.from, job.from + reused.first * job.stepMs - 1);
        readStore(job, acc, job.from + (reused.second + 1) * job.stepMs, to);
    }
    for (int b = 0; b < job.buckets; ++b)
        if (fresh(b) && acc.bucketHasData(b))
            origin[static_cast<std::size_t>(b)] = Origin::Store;

    // What the store lacks, from each source's range API (a source that never answered for a host
    // simply leaves its cells empty).
    std::vector<std::string> warnings;
    const auto gaps = gapsOutside(acc.gaps(), reused);
    const bool answered = fetchRanges(job, gaps, acc, warnings);
    for (const auto &[first, last] : gaps)
        for (int b = first; b <= last; ++b)
            if (acc.bucketHasData(b))
                origin[static_cast<std::size_t>(b)] = Origin::Range;
    auto grid = acc.finish();
    grid.storeBuckets = static_cast<int>(std::count(origin.begin(), origin.end(), Origin::Store));
    grid.rangeBuckets = static_cast<int>(std::count(origin.begin(), origin.end(), Origin::Range));
    grid.origin = std::move(origin);
    grid.basis = basis;
    // Settled: the past up to the margin, or up to the first bucket a source failed to answer (every
    // bucket before it came from the store or the previous grid).
    grid.settledBefore = now - kSettleMs;
    if (!answered && !gaps.empty())
        grid.settledBefore = std::min(grid.settledBefore, job.from + gaps.front().first * job.stepMs);
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
