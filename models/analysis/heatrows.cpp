#include "heatrows.h"

#include "fleetgraph.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace vigil::analysis {

namespace {
// The band (group) of a host: its ancestor at the level, found through the graph.
int bandNode(const FleetGraph *graph, std::string_view host, int level) {
    if (!graph)
        return -1;
    int n = graph->host(host);
    if (n < 0)
        return -1;
    while (n >= 0 && graph->node(n).kind == NodeKind::Host)
        n = graph->node(n).parent;
    while (n >= 0 && graph->node(n).kind == NodeKind::Group && graph->node(n).level > level &&
           !graph->isUnplaced(n))
        n = graph->node(n).parent;
    return n;
}
// A heatmap row kept by the filter, with its sort keys.
struct Row {
    int gridRow;
    int band;
    float current, peak;
};

// Bands in the order of their paths ("eu1 / eu1-a / r01" < ...), built once per band; rows keep their
// order within a band.
void sortByGroup(std::vector<Row> &rows, const FleetGraph *graph) {
    std::vector<int> bands;
    for (const auto &r : rows)
        bands.push_back(r.band);
    std::sort(bands.begin(), bands.end());
    bands.erase(std::unique(bands.begin(), bands.end()), bands.end());
    std::vector<std::pair<std::string, int>> paths;
    for (int b : bands)
        paths.emplace_back(graph && b >= 0 ? graph->path(b) : std::string(), b);
    std::sort(paths.begin(), paths.end());
    std::unordered_map<int, int> rank;
    for (std::size_t k = 0; k < paths.size(); ++k)
        rank[paths[k].second] = static_cast<int>(k);
    std::vector<int> rankOf(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        rankOf[i] = rank[rows[i].band];
    std::vector<std::size_t> idx(rows.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::stable_sort(idx.begin(), idx.end(),
                     [&](std::size_t a, std::size_t b) { return rankOf[a] < rankOf[b]; });
    std::vector<Row> sorted;
    sorted.reserve(rows.size());
    for (auto i : idx)
        sorted.push_back(rows[i]);
    rows = std::move(sorted);
}

// The top of the colour range when none is given: the 95th percentile of the values (sampled), so one
// outlier does not wash out the rest.
double percentileTop(const MetricGrid &grid, double lo) {
    std::vector<float> sample;
    const std::size_t stride = std::max<std::size_t>(1, grid.values.size() / 100'000);
    for (std::size_t i = 0; i < grid.values.size(); i += stride)
        if (!std::isnan(grid.values[i]))
            sample.push_back(grid.values[i]);
    double hi = 1;
    if (!sample.empty()) {
        const auto k = sample.begin() + static_cast<std::ptrdiff_t>(sample.size() * 95 / 100);
        std::nth_element(sample.begin(), k, sample.end());
        hi = std::max<double>(*k, lo + 1e-9);
    }
    return hi;
}

} // namespace

HeatRows prepareHeatRows(std::shared_ptr<const MetricGrid> grid, const std::vector<Host> &hosts,
                         const FleetGraph *graph, const HeatRowsOptions &options) {
    HeatRows out;
    out.grid = grid;
    if (!grid)
        return out;
    const int buckets = grid->buckets;
    const int level = options.groupLevel >= 0 || !graph ? options.groupLevel
                                                        : static_cast<int>(graph->hierarchy().size()) - 1;

    // Rows kept by the filter, with their sort keys.
    std::vector<Row> rows;
    rows.reserve(grid->hosts.size());
    std::size_t hi = 0; // walks the snapshot's hosts alongside the grid's rows (both sorted by name)
    for (std::size_t r = 0; r < grid->hosts.size(); ++r) {
        const std::string &name = grid->hosts[r];
        while (hi < hosts.size() && hosts[hi].name < name)
            ++hi;
        const Host *h = hi < hosts.size() && hosts[hi].name == name ? &hosts[hi] : nullptr;
        if (!options.only.empty() && !std::binary_search(options.only.begin(), options.only.end(), name))
            continue;
        if (options.filter && !options.filter->empty() &&
            !(h ? options.filter->matches(h->labels, name) : options.filter->matches(LabelSet(), name)))
            continue;
        Row row{static_cast<int>(r), bandNode(graph, name, level), std::numeric_limits<float>::quiet_NaN(),
                std::numeric_limits<float>::quiet_NaN()};
        for (int b = buckets - 1; b >= 0; --b) {
            const float v = grid->at(r, b);
            if (std::isnan(v))
                continue;
            if (std::isnan(row.current))
                row.current = v;
            if (std::isnan(row.peak) || v > row.peak)
                row.peak = v;
        }
        rows.push_back(row);
    }
    // Missing values sort last; ties by name (the grid's order), so the order is stable across polls.
    auto byValue = [](float a, float b) {
        if (std::isnan(a) != std::isnan(b))
            return std::isnan(b);
        return a > b;
    };
    switch (options.sort) {
    case HeatSort::Group:
        sortByGroup(rows, graph);
        break;
    case HeatSort::Current:
        std::stable_sort(rows.begin(), rows.end(),
                         [&](const Row &a, const Row &b) { return byValue(a.current, b.current); });
        break;
    case HeatSort::Peak:
        std::stable_sort(rows.begin(), rows.end(),
                         [&](const Row &a, const Row &b) { return byValue(a.peak, b.peak); });
        break;
    }
    out.order.reserve(rows.size());
    for (const auto &r : rows)
        out.order.push_back(r.gridRow);
    if (options.sort == HeatSort::Group) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (i == 0 || rows[i].band != rows[i - 1].band)
                out.bands.push_back({static_cast<int>(i), 0,
                                     graph && rows[i].band > 0 ? graph->path(rows[i].band) : std::string()});
            ++out.bands.back().count;
        }
    }

    // The colour range: given, or up to the 95th percentile of the values so one outlier does not
    // wash out the rest.
    out.lo = options.lo;
    out.hi = options.hi;
    if (std::isnan(out.hi))
        out.hi = percentileTop(*grid, out.lo);
    out.levels.resize(rows.size() * static_cast<std::size_t>(buckets));
    const double lo = out.lo, span = out.hi > out.lo ? out.hi - out.lo : 1;
    for (std::size_t d = 0; d < rows.size(); ++d) {
        const float *src = grid->values.data() + static_cast<std::size_t>(rows[d].gridRow) * buckets;
        std::uint8_t *dst = out.levels.data() + d * static_cast<std::size_t>(buckets);
        for (int b = 0; b < buckets; ++b) {
            const float v = src[b];
            if (std::isnan(v)) {
                dst[b] = 0;
                continue;
            }
            const double t = (v - lo) / span;
            dst[b] = static_cast<std::uint8_t>(1 + (t <= 0   ? 0
                                                    : t >= 1 ? 254
                                                             : static_cast<int>(t * 254 + 0.5)));
        }
    }
    return out;
}

} // namespace vigil::analysis
