#include "wear.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

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

double theilSenSlope(const std::vector<double> &x, const std::vector<double> &y) {
    std::vector<double> slopes;
    slopes.reserve(x.size() * x.size() / 2);
    for (std::size_t i = 0; i < x.size(); ++i)
        for (std::size_t j = i + 1; j < x.size(); ++j)
            if (x[j] != x[i])
                slopes.push_back((y[j] - y[i]) / (x[j] - x[i]));
    return medianOf(slopes);
}

std::vector<HostWear> rankWear(const std::vector<WearInput> &inputs, const WearOptions &options) {
    // Hosts by name across the grids (usually the same rows).
    std::vector<std::string> names;
    for (const auto &in : inputs)
        if (in.grid)
            names.insert(names.end(), in.grid->hosts.begin(), in.grid->hosts.end());
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());

    std::vector<HostWear> out;
    std::vector<double> seg, xs, ys;
    const int segments = std::max(2, options.segments);
    for (const auto &name : names) {
        HostWear hw;
        hw.host = name;
        hw.hoursToFailure = kInf;
        for (std::size_t k = 0; k < inputs.size(); ++k) {
            const MetricGrid *g = inputs[k].grid;
            if (!g || g->buckets < 2)
                continue;
            const int row = g->row(name);
            if (row < 0)
                continue;
            // Segment medians: one spike or a missing stretch cannot bend the fit.
            xs.clear();
            ys.clear();
            const double stepHours = static_cast<double>(g->stepMs) / 3'600'000.0;
            for (int s = 0; s < segments; ++s) {
                const int b0 = g->buckets * s / segments, b1 = g->buckets * (s + 1) / segments;
                seg.clear();
                for (int b = b0; b < b1; ++b)
                    if (const float v = g->at(static_cast<std::size_t>(row), b); !std::isnan(v))
                        seg.push_back(v);
                if (seg.empty())
                    continue;
                ys.push_back(medianOf(seg));
                xs.push_back((b0 + b1) * 0.5 * stepHours);
            }
            if (ys.size() < 2)
                continue;
            WearSignal sig;
            sig.input = static_cast<int>(k);
            sig.current = ys.back();
            sig.slopePerHour = theilSenSlope(xs, ys);
            // A trend counts only when the rise over the window stands out of the scatter around the
            // fitted line (3 x its median absolute deviation); noise alone does not make a host wear.
            std::vector<double> resid(ys.size());
            for (std::size_t i = 0; i < ys.size(); ++i)
                resid[i] = ys[i] - sig.slopePerHour * xs[i];
            const double intercept = medianOf(resid);
            for (std::size_t i = 0; i < ys.size(); ++i)
                resid[i] = std::abs(ys[i] - intercept - sig.slopePerHour * xs[i]);
            const double mad = medianOf(resid);
            if (sig.slopePerHour * (xs.back() - xs.front()) <= 3 * mad)
                sig.slopePerHour = 0;
            // The current level projected to now (the end of the range), not the last segment's middle.
            const double endHours = g->buckets * stepHours;
            if (sig.slopePerHour > 0)
                sig.current += sig.slopePerHour * (endHours - xs.back());
            const double limit = inputs[k].failAt;
            if (sig.current >= limit)
                sig.hoursToLimit = 0;
            else if (sig.slopePerHour > 0)
                sig.hoursToLimit = (limit - sig.current) / sig.slopePerHour;
            else
                sig.hoursToLimit = kInf;
            sig.urgency = std::isinf(sig.hoursToLimit) ? 0 : 1.0 / (1.0 + sig.hoursToLimit / 24.0);
            if (sig.urgency <= 0)
                continue;
            hw.score += sig.urgency;
            hw.hoursToFailure = std::min(hw.hoursToFailure, sig.hoursToLimit);
            hw.trends.push_back(sig);
        }
        if (hw.score < options.minScore)
            continue;
        std::sort(hw.trends.begin(), hw.trends.end(),
                  [](const WearSignal &a, const WearSignal &b) { return a.urgency > b.urgency; });
        out.push_back(std::move(hw));
    }
    std::sort(out.begin(), out.end(), [](const HostWear &a, const HostWear &b) {
        return a.score != b.score ? a.score > b.score : a.host < b.host;
    });
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
