#pragma once
// A least-squares line through (x, y) points, with the standard error of its slope: the trend of a
// noisy series (a process's resident memory sampled through a run) where two windows' medians are not
// enough.
#include <cmath>
#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

namespace vigil::bench {

struct Trend {
    bool valid = false; // at least three points with different x
    double slope = 0, intercept = 0;
    double slopeError = 0; // standard error of the slope
};

inline Trend linearTrend(const std::vector<std::pair<double, double>> &points) {
    Trend t;
    const auto n = static_cast<double>(points.size());
    if (points.size() < 3)
        return t;
    double mx = 0, my = 0;
    for (const auto &[x, y] : points) {
        mx += x / n;
        my += y / n;
    }
    double sxx = 0, sxy = 0;
    for (const auto &[x, y] : points) {
        sxx += (x - mx) * (x - mx);
        sxy += (x - mx) * (y - my);
    }
    if (sxx <= 0)
        return t;
    t.slope = sxy / sxx;
    t.intercept = my - t.slope * mx;
    double residuals = 0;
    for (const auto &[x, y] : points) {
        const double r = y - (t.intercept + t.slope * x);
        residuals += r * r;
    }
    t.slopeError = std::sqrt(residuals / (n - 2)) / std::sqrt(sxx);
    t.valid = true;
    return t;
}

// The two-sided 95 % quantile of Student's t with `dof` degrees of freedom (rounded up, so an
// interval built on it is never narrower than it should be).
inline double studentT95(std::size_t dof) {
    static constexpr double table[] = {0,     12.71, 4.303, 3.183, 2.777, 2.571,
                                       2.447, 2.365, 2.307, 2.263, 2.229};
    if (dof < std::size(table))
        return table[dof == 0 ? 1 : dof];
    return dof <= 20 ? 2.201 : dof <= 30 ? 2.086 : dof <= 60 ? 2.042 : 2.0;
}

} // namespace vigil::bench
