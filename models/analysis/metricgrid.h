#pragma once
// One metric of every host over a time range, in fixed buckets: the time heatmap's data, the host
// detail's series and the hardware wear trends. Filled from the store's per-minute history and, where
// the store has nothing (Vigil was not running), from the source's query_range. Rows are the hosts of
// the snapshot the request was made for, sorted by name; a cell is the mean of what fell in it.
#include "../support/timeutil.h"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::analysis {

struct MetricGrid {
    std::string metricKey;
    TimeMs from = 0;              // start of bucket 0
    std::int64_t stepMs = 60'000; // bucket width
    int buckets = 0;
    std::vector<std::string> hosts; // rows, sorted by name
    std::vector<float> values;      // rows x buckets, row-major; NaN = no data
    int storeBuckets = 0;           // buckets the store had values for
    int rangeBuckets = 0;           // buckets filled from query_range
    std::vector<std::string> warnings;
    // Where each bucket's values came from, and what a later load of the same metric may take from this
    // grid instead of asking again: the buckets that ended before `settledBefore` (the past, as every
    // source asked answered it), if it is loaded from the same `basis` (query and sources).
    enum class Origin : std::uint8_t { None, Store, Range };
    std::vector<Origin> origin; // per bucket; empty for grids not made by the history loader
    TimeMs settledBefore = 0;
    std::string basis;

    [[nodiscard]] float at(std::size_t row, int bucket) const {
        return values[row * static_cast<std::size_t>(buckets) + static_cast<std::size_t>(bucket)];
    }
    [[nodiscard]] int row(std::string_view host) const; // -1 when not a row
    [[nodiscard]] TimeMs bucketStart(int b) const { return from + b * stepMs; }
    [[nodiscard]] int bucketOf(TimeMs t) const; // -1 outside the range
    [[nodiscard]] std::size_t bytes() const;
    // Per bucket, the median over `rows` (all rows when empty) of the cells with data; NaN when none.
    [[nodiscard]] std::vector<float> median(const std::vector<int> &rows = {}) const;
};

// Sums and counts per cell; finish() turns them into means.
class GridAccumulator {
public:
    GridAccumulator(std::string metricKey, std::vector<std::string> sortedHosts, TimeMs from,
                    std::int64_t stepMs, int buckets);
    [[nodiscard]] int rowOf(std::string_view host) const;
    [[nodiscard]] int bucketOf(TimeMs t) const;
    void add(int row, int bucket, double value);
    [[nodiscard]] bool bucketHasData(int bucket) const {
        return m_bucketCount[static_cast<std::size_t>(bucket)] > 0;
    }
    // Runs of buckets without any value: [first, last] pairs, in order.
    [[nodiscard]] std::vector<std::pair<int, int>> gaps() const;
    [[nodiscard]] const MetricGrid &grid() const { return m_grid; }
    MetricGrid finish();

private:
    MetricGrid m_grid;
    std::vector<float> m_sum;
    std::vector<std::uint16_t> m_count;
    std::vector<int> m_bucketCount;
};

// The bucket width for a range drawn at about `columns` columns: whole minutes, at least one.
std::int64_t stepForRange(std::int64_t rangeMs, int columns);

} // namespace vigil::analysis
