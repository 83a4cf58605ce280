#pragma once
// The host map's geometry: every host a square tile, grouped by a level of the fleet graph's
// hierarchy (a rack, a zone, ...), groups packed in rows like text, each with a title strip. Pure and
// cheap (linear in hosts), recomputed only when hosts or the size change; colours are the view's.
#include "fleetgraph.h"

#include <string>
#include <vector>

namespace vigil::analysis {

struct HostMapLayout {
    struct Group {
        int node = -1;                  // graph node (group or the unplaced group)
        std::string title;              // "eu1 / eu1-a / eu1-a-r07"
        int x = 0, y = 0, w = 0, h = 0; // the block, title strip included
        int cols = 1;
        std::vector<int> hosts; // indexes into the hosts given, in tile order
    };
    std::vector<Group> groups;
    std::vector<int> tileX, tileY; // per host index: top-left pixel of its tile; -1 when not placed
    int tile = 0;                  // tile edge in pixels (one pixel of gap included)
    int hostsPerTile = 1;          // > 1 when hosts outnumber pixels: consecutive hosts share a pixel
    int titleHeight = 0;
    int width = 0, height = 0;

    // The host under a pixel, or -1.
    [[nodiscard]] int hostAt(int x, int y) const;
};

// level: index into the hierarchy (0 = outermost); deeper levels are grouped by their ancestor at
// that level. The tile shrinks (16 px down to 1) until everything fits in width x height; past that,
// several hosts share one pixel (hostsPerTile).
HostMapLayout layoutHostMap(const FleetGraph &graph, const std::vector<Host> &hosts, int level, int width,
                            int height, int titleHeight = 14);

} // namespace vigil::analysis
