#include "metricgrid.h"

#include <algorithm>
#include <cmath>

namespace vigil::analysis {

int MetricGrid::row(std::string_view host) const {
    auto it = std::lower_bound(hosts.begin(), hosts.end(), host,
                               [](const std::string &a, std::string_view b) { return a < b; });
    return it != hosts.end() && *it == host ? static_cast<int>(it - hosts.begin()) : -1;
}

int MetricGrid::bucketOf(TimeMs t) const {
    if (t < from || stepMs <= 0)
        return -1;
    const auto b = (t - from) / stepMs;
    return b < buckets ? static_cast<int>(b) : -1;
}

std::size_t MetricGrid::bytes() const {
    std::size_t n = values.capacity() * sizeof(float) + hosts.capacity() * sizeof(std::string);
    for (const auto &h : hosts)
        n += h.capacity() + 1;
    return n;
}

std::vector<float> MetricGrid::median(const std::vector<int> &rows) const {
    std::vector<float> out(static_cast<std::size_t>(buckets), std::numeric_limits<float>::quiet_NaN());
    std::vector<float> column;
    const std::size_t n = rows.empty() ? hosts.size() : rows.size();
    column.reserve(n);
    for (int b = 0; b < buckets; ++b) {
        column.clear();
        for (std::size_t k = 0; k < n; ++k) {
            const auto r = rows.empty() ? k : static_cast<std::size_t>(rows[k]);
            const float v = at(r, b);
            if (!std::isnan(v))
                column.push_back(v);
        }
        if (column.empty())
            continue;
        const auto mid = column.begin() + static_cast<std::ptrdiff_t>(column.size() / 2);
        std::nth_element(column.begin(), mid, column.end());
        out[static_cast<std::size_t>(b)] = *mid;
    }
    return out;
}

GridAccumulator::GridAccumulator(std::string metricKey, std::vector<std::string> sortedHosts, TimeMs from,
                                 std::int64_t stepMs, int buckets) {
    m_grid.metricKey = std::move(metricKey);
    m_grid.hosts = std::move(sortedHosts);
    m_grid.from = from;
    m_grid.stepMs = std::max<std::int64_t>(1, stepMs);
    m_grid.buckets = std::max(0, buckets);
    const std::size_t cells = m_grid.hosts.size() * static_cast<std::size_t>(m_grid.buckets);
    m_sum.assign(cells, 0.0F);
    m_count.assign(cells, 0);
    m_bucketCount.assign(static_cast<std::size_t>(m_grid.buckets), 0);
}

int GridAccumulator::rowOf(std::string_view host) const {
    return m_grid.row(host);
}

int GridAccumulator::bucketOf(TimeMs t) const {
    return m_grid.bucketOf(t);
}

void GridAccumulator::add(int row, int bucket, double value) {
    if (row < 0 || bucket < 0 || std::isnan(value) || std::isinf(value))
        return;
    const auto i = static_cast<std::size_t>(row) * static_cast<std::size_t>(m_grid.buckets) +
                   static_cast<std::size_t>(bucket);
    if (m_count[i] == std::numeric_limits<std::uint16_t>::max())
        return;
    m_sum[i] += static_cast<float>(value);
    ++m_count[i];
    ++m_bucketCount[static_cast<std::size_t>(bucket)];
}

std::vector<std::pair<int, int>> GridAccumulator::gaps() const {
    std::vector<std::pair<int, int>> out;
    int start = -1;
    for (int b = 0; b < m_grid.buckets; ++b) {
        if (!bucketHasData(b)) {
            if (start < 0)
                start = b;
        } else if (start >= 0) {
            out.emplace_back(start, b - 1);
            start = -1;
        }
    }
    if (start >= 0)
        out.emplace_back(start, m_grid.buckets - 1);
    return out;
}

MetricGrid GridAccumulator::finish() {
    MetricGrid g = std::move(m_grid);
    g.values.resize(m_sum.size());
    for (std::size_t i = 0; i < m_sum.size(); ++i)
        g.values[i] =
            m_count[i] ? m_sum[i] / static_cast<float>(m_count[i]) : std::numeric_limits<float>::quiet_NaN();
    m_sum = {};
    m_count = {};
    return g;
}

std::int64_t stepForRange(std::int64_t rangeMs, int columns) {
    const std::int64_t raw = rangeMs / std::max(1, columns);
    return std::max<std::int64_t>(60'000, (raw + 59'999) / 60'000 * 60'000);
}

} // namespace vigil::analysis
