#pragma once
// The host map's tiles coloured into one image: a pass over every host of the fleet, run off the GUI
// thread when the fleet is large (HostMapCanvas). A value in, a value out.
#include "fleet/fleetsnapshot.h"
#include "fleet/labelmatcher.h"

#include <QImage>

#include <optional>
#include <vector>

namespace vigil {

struct TilePaint {
    FleetSnapshotPtr snapshot;
    std::vector<int> tileX, tileY; // the layout's, per host index of the snapshot
    int tile = 0, hostsPerTile = 1;
    QSize size;
    int metric = 0, sizeMetric = -1;
    std::optional<LabelFilter> filter;
    double lo = 0, hi = 1; // the colour range, resolved (rangeHi)
    bool stale = false;    // dimmed toward grey: old data
    QRgb ground = 0, filteredOut = 0;
};

struct PaintedTiles {
    QImage image;
    int matching = 0; // hosts the filter matches
};

[[nodiscard]] PaintedTiles paintTiles(const TilePaint &request);

// Ratios map 0..1; other units scale to the fleet's 95th percentile so one outlier does not wash out
// the rest.
[[nodiscard]] double scaleMax(const FleetSnapshot &s, int metric);

inline constexpr QRgb kTileDown = 0xff000000;    // black: not answering
inline constexpr QRgb kTileNoValue = 0xffb0b0b0; // grey: no value for this metric

} // namespace vigil
