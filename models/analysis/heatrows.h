#pragma once
// The time heatmap's rows, prepared off the GUI thread once per data change: which hosts (a label
// filter), in which order (by group, current value or peak), grouped into bands with titles, and every
// cell's colour level quantised to a byte, so painting is table lookups and never recomputes a value.
#include "fleet/host.h"
#include "fleet/labelmatcher.h"
#include "metricgrid.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vigil::analysis {

class FleetGraph;

enum class HeatSort { Group, Current, Peak };

struct HeatRows {
    std::shared_ptr<const MetricGrid> grid;
    std::vector<int> order; // grid rows in display order
    struct Band {
        int first = 0; // display row
        int count = 0;
        std::string title; // "eu1 / eu1-a / eu1-a-r07", or "" when not grouped
    };
    std::vector<Band> bands;
    // Display rows x buckets: 0 = no data, 1..255 = the value's place between lo and hi (clamped).
    std::vector<std::uint8_t> levels;
    double lo = 0, hi = 1;

    [[nodiscard]] int rows() const { return static_cast<int>(order.size()); }
    [[nodiscard]] int buckets() const { return grid ? grid->buckets : 0; }
    [[nodiscard]] const std::uint8_t *line(int displayRow) const {
        return levels.data() + static_cast<std::size_t>(displayRow) * static_cast<std::size_t>(buckets());
    }
    [[nodiscard]] std::size_t bytes() const { return levels.capacity() + order.capacity() * sizeof(int); }
};

struct HeatRowsOptions {
    HeatSort sort = HeatSort::Group;
    int groupLevel = -1;               // hierarchy level for the bands; -1: the deepest
    std::optional<LabelFilter> filter; // hosts it does not match are left out
    std::vector<std::string> only;     // sorted; when not empty, only these hosts (a selection elsewhere)
    double lo = 0;                     // the colour range; hi NaN: the 95th percentile of the cells
    double hi = 1;                     //   (ratios default to 0..1)
};

// hosts: the snapshot's (sorted by name, like the grid's rows), for labels; graph may be null.
HeatRows prepareHeatRows(std::shared_ptr<const MetricGrid> grid, const std::vector<Host> &hosts,
                         const FleetGraph *graph, const HeatRowsOptions &options);

// The colour level of a value for lo..hi: 1..255.
inline std::uint8_t heatLevel(double v, double lo, double hi) {
    const double t = hi > lo ? (v - lo) / (hi - lo) : 0;
    return static_cast<std::uint8_t>(1 + (t <= 0 ? 0 : t >= 1 ? 254 : static_cast<int>(t * 254 + 0.5)));
}

} // namespace vigil::analysis
