#pragma once
// The host map's tiles laid out and coloured into one image: passes over every host of the fleet, run
// off the GUI thread when the fleet is large (HostMapCanvas). A value in, a value out.
#include "analysis/hostmap.h"
#include "fleet/fleetsnapshot.h"
#include "fleet/labelmatcher.h"

#include <QImage>

#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace vigil {

using HostMapLayoutPtr = std::shared_ptr<const analysis::HostMapLayout>;

struct TilePaint {
    FleetSnapshotPtr snapshot;
    // The tiles' geometry for this snapshot's hosts; null: laid out anew, at `level` of the hierarchy.
    HostMapLayoutPtr layout;
    int level = 0;
    int titleHeight = 14; // a group's title strip, for the canvas's type
    QSize size;           // the tiles' area
    int metric = 0, sizeMetric = -1;
    std::optional<LabelFilter> filter;
    // The colour range; a NaN hi: automatic (scaleMax).
    double lo = 0, hi = std::numeric_limits<double>::quiet_NaN();
    bool stale = false; // dimmed toward grey: old data
    QRgb ground = 0, filteredOut = 0;
};

// What the canvas shows, swapped in whole: the layout's and the image's host indexes are the snapshot's.
struct PaintedTiles {
    FleetSnapshotPtr snapshot;
    HostMapLayoutPtr layout; // never null
    QImage image;
    int matching = 0; // hosts the filter matches
    double hi = 1;    // the colour range's top, resolved
};

[[nodiscard]] PaintedTiles paintTiles(const TilePaint &request);

// Ratios map 0..1; other units scale to the fleet's 95th percentile so one outlier does not wash out
// the rest.
[[nodiscard]] double scaleMax(const FleetSnapshot &s, int metric);

inline constexpr QRgb kTileDown = 0xff000000;    // black: not answering
inline constexpr QRgb kTileNoValue = 0xffb0b0b0; // grey: no value for this metric

} // namespace vigil
