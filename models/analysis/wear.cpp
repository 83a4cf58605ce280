#include "wear.h"

#include "support/csv.h"
#include "support/guard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <map>
#include <thread>

namespace vigil::analysis {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

double medianOf(std::vector<double> &v) {
    if (v.empty())
        return std::nan("");
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}
} // namespace

namespace {
double theilSen(const std::vector<double> &x, const std::vector<double> &y, std::vector<double> &slopes) {
    slopes.clear();
    for (std::size_t i = 0; i < x.size(); ++i)
        for (std::size_t j = i + 1; j < x.size(); ++j)
            if (x[j] != x[i])
                slopes.push_back((y[j] - y[i]) / (x[j] - x[i]));
    return medianOf(slopes);
}
} // namespace

double theilSenSlope(const std::vector<double> &x, const std::vector<double> &y) {
    std::vector<double> slopes;
    return theilSen(x, y, slopes);
}

namespace {
// Robust trend of one host's signal: segment medians, Theil-Sen slope, a significance check, and the
// projection to the limit. Scratch vectors are the caller's, reused across hosts.
struct Scratch {
    std::vector<float> seg; // sized to the longest segment by the caller
    std::vector<double> xs, ys, resid, slopes;
};

bool fitSignal(const MetricGrid &g, std::size_t row, int segments, double limit, Scratch &s,
               WearSignal &sig) {
    s.xs.clear();
    s.ys.clear();
    const double stepHours = static_cast<double>(g.stepMs) / 3'600'000.0;
    const float *values = g.values.data() + row * static_cast<std::size_t>(g.buckets);
    // Most hosts' counters never move (no corrected errors, no reallocated sectors): a flat series has
    // no trend, and is at its limit or not. One pass decides it.
    {
        float lo = std::numeric_limits<float>::infinity(), hi = -lo;
        for (int b = 0; b < g.buckets; ++b) {
            const float v = values[b];
            if (v == v) { // not NaN
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        if (hi < lo)
            return false; // no data
        if (hi == lo) {
            sig.current = hi;
            sig.slopePerHour = 0;
            sig.hoursToLimit = hi >= limit ? 0 : kInf;
            sig.urgency = hi >= limit ? 1 : 0;
            return sig.urgency > 0;
        }
    }
    for (int k = 0; k < segments; ++k) {
        // Segment medians: one spike or a missing stretch cannot bend the fit.
        const int b0 = g.buckets * k / segments, b1 = g.buckets * (k + 1) / segments;
        float *seg = s.seg.data();
        int n = 0;
        for (int b = b0; b < b1; ++b)
            if (const float v = values[b]; !std::isnan(v))
                seg[n++] = v;
        if (n == 0)
            continue;
        std::nth_element(seg, seg + n / 2, seg + n);
        s.ys.push_back(seg[n / 2]);
        s.xs.push_back((b0 + b1) * 0.5 * stepHours);
    }
    if (s.ys.size() < 2)
        return false;
    sig.current = s.ys.back();
    sig.slopePerHour = theilSen(s.xs, s.ys, s.slopes);
    // A trend counts only when the rise over the window stands out of the scatter around the fitted
    // line (3 x its median absolute deviation); noise alone does not make a host wear.
    s.resid.resize(s.ys.size());
    for (std::size_t i = 0; i < s.ys.size(); ++i)
        s.resid[i] = s.ys[i] - sig.slopePerHour * s.xs[i];
    const double intercept = medianOf(s.resid);
    for (std::size_t i = 0; i < s.ys.size(); ++i)
        s.resid[i] = std::abs(s.ys[i] - intercept - sig.slopePerHour * s.xs[i]);
    const double mad = medianOf(s.resid);
    if (sig.slopePerHour * (s.xs.back() - s.xs.front()) <= 3 * mad)
        sig.slopePerHour = 0;
    // The current level projected to now (the end of the range), not the last segment's middle.
    const double endHours = g.buckets * stepHours;
    if (sig.slopePerHour > 0)
        sig.current += sig.slopePerHour * (endHours - s.xs.back());
    if (sig.current >= limit)
        sig.hoursToLimit = 0;
    else if (sig.slopePerHour > 0)
        sig.hoursToLimit = (limit - sig.current) / sig.slopePerHour;
    else
        sig.hoursToLimit = kInf;
    sig.urgency = std::isinf(sig.hoursToLimit) ? 0 : 1.0 / (1.0 + sig.hoursToLimit / 24.0);
    return sig.urgency > 0;
}
} // namespace

std::vector<HostWear> rankWear(const std::vector<WearInput> &inputs, const WearOptions &options) {
    // Usually every grid has the same rows (one request per metric for the same snapshot): then rows
    // are walked by index; otherwise hosts are matched by name.
    const MetricGrid *first = nullptr;
    bool sameRows = true;
    for (const auto &in : inputs) {
        if (!in.grid)
            continue;
        if (!first)
            first = in.grid;
        else if (in.grid->hosts != first->hosts)
            sameRows = false;
    }
    std::vector<std::string> names;
    if (first && !sameRows) {
        for (const auto &in : inputs)
            if (in.grid)
                names.insert(names.end(), in.grid->hosts.begin(), in.grid->hosts.end());
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
    }
    const std::size_t hostCount = !first ? 0 : sameRows ? first->hosts.size() : names.size();
    const int segments = std::max(2, options.segments);

    // Hosts are independent: large fleets are fitted in chunks on a few threads (this runs on a worker).
    auto fitRange = [&](std::size_t from, std::size_t to, std::vector<HostWear> &out) {
        Scratch scratch;
        int longest = 1;
        for (const auto &in : inputs)
            if (in.grid)
                longest = std::max(longest, in.grid->buckets / segments + 2);
        scratch.seg.resize(static_cast<std::size_t>(longest));
        std::vector<WearSignal> trends;
        for (std::size_t h = from; h < to; ++h) {
            const std::string &name = sameRows ? first->hosts[h] : names[h];
            trends.clear();
            double score = 0, soonest = kInf;
            for (std::size_t k = 0; k < inputs.size(); ++k) {
                const MetricGrid *g = inputs[k].grid;
                if (!g || g->buckets < 2)
                    continue;
                const int row = sameRows ? static_cast<int>(h) : g->row(name);
                if (row < 0)
                    continue;
                WearSignal sig;
                sig.input = static_cast<int>(k);
                if (!fitSignal(*g, static_cast<std::size_t>(row), segments, inputs[k].failAt, scratch, sig))
                    continue;
                score += sig.urgency;
                soonest = std::min(soonest, sig.hoursToLimit);
                trends.push_back(sig);
            }
            if (score < options.minScore || trends.empty())
                continue;
            HostWear hw;
            hw.host = name;
            hw.score = score;
            hw.hoursToFailure = soonest;
            hw.trends = trends;
            std::sort(hw.trends.begin(), hw.trends.end(),
                      [](const WearSignal &a, const WearSignal &b) { return a.urgency > b.urgency; });
            out.push_back(std::move(hw));
        }
    };
    constexpr std::size_t kChunk = 25'000;
    const std::size_t threads = std::clamp<std::size_t>(
        std::min<std::size_t>(std::thread::hardware_concurrency(), (hostCount + kChunk - 1) / kChunk), 1, 8);
    std::vector<std::vector<HostWear>> parts(threads);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back([&, t] {
            guarded("fitting wear trends",
                    [&] { fitRange(hostCount * t / threads, hostCount * (t + 1) / threads, parts[t]); });
        });
    fitRange(0, hostCount / threads, parts[0]);
    for (auto &th : pool)
        th.join();
    std::vector<HostWear> out = std::move(parts[0]);
    for (std::size_t t = 1; t < threads; ++t)
        std::move(parts[t].begin(), parts[t].end(), std::back_inserter(out));
    std::sort(out.begin(), out.end(), [](const HostWear &a, const HostWear &b) {
        return a.score != b.score ? a.score > b.score : a.host < b.host;
    });
    return out;
}

namespace {
std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}
} // namespace

std::string wearCsv(const WearReport &report, const WearOptions &options) {
    std::string out = "host,score,hours_to_failure,projected_failure_utc,replace_soon,trends\n";
    for (const auto &h : report.ranking) {
        const bool finite = std::isfinite(h.hoursToFailure);
        std::string trends;
        for (const auto &t : h.trends) {
            if (!trends.empty())
                trends += "; ";
            const auto k = static_cast<std::size_t>(t.input);
            trends +=
                (k < report.titles.size() ? report.titles[k] : std::string("?")) + ": " +
                fixed(t.current, 1) + " (+" + fixed(t.slopePerHour, 2) + "/h, limit " +
                (k < report.limits.size() ? fixed(report.limits[k], 0) : std::string("?")) + ", " +
                (std::isfinite(t.hoursToLimit) ? fixed(t.hoursToLimit, 1) + " h" : std::string("never")) +
                ")";
        }
        out +=
            csv::field(h.host) + ',' + fixed(h.score, 3) + ',' + (finite ? fixed(h.hoursToFailure, 1) : "") +
            ',' +
            (finite ? formatRfc3339(report.to + static_cast<TimeMs>(h.hoursToFailure * 3'600'000.0)) : "") +
            ',' + (h.hoursToFailure <= options.replaceWithinHours ? "yes" : "no") + ',' + csv::field(trends) +
            '\n';
    }
    return out;
}

std::vector<const HostWear *> replaceSoon(const std::vector<HostWear> &ranking, const WearOptions &options) {
    std::vector<const HostWear *> out;
    for (const auto &h : ranking)
        if (h.hoursToFailure <= options.replaceWithinHours)
            out.push_back(&h);
    return out;
}

} // namespace vigil::analysis
