#pragma once
// What every benchmark measures with: milliseconds between two steady-clock points, and the median
// of repeated runs.
#include <algorithm>
#include <chrono>
#include <vector>

namespace vigil::timing {

using Clock = std::chrono::steady_clock;

inline double ms(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

inline double median(std::vector<double> v) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace vigil::timing
