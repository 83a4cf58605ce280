#pragma once
// The ground the maps and the heatmap paint on, from their palette: light on the desktop, dark on the
// wall (whose palette is dark), so a map never glares on a dark wall. Status colours (severities, down,
// the viridis scale) are the same on both: only the ground, text and frames follow.
#include <QColor>
#include <QPalette>

namespace vigil {

struct MapTheme {
    bool dark = false;
    QColor ground;      // the canvas
    QColor text;        // titles and labels on the ground
    QColor muted;       // notes (what the level of detail left out)
    QColor border;      // group frames
    QColor filteredOut; // a tile the filter does not match: faint, still in place
    QColor unplaced;    // the group of hosts without a place

    static MapTheme of(const QPalette &palette) {
        MapTheme t;
        t.dark = palette.color(QPalette::Window).lightness() < 128;
        if (t.dark) {
            t.ground = QColor(0x23, 0x2a, 0x33);
            t.text = QColor(0xe2, 0xe8, 0xef);
            t.muted = QColor(0xaa, 0xb4, 0xbe);
            t.border = QColor(0x56, 0x60, 0x6b);
            t.filteredOut = QColor(0x2e, 0x35, 0x3e);
            t.unplaced = QColor(0x4a, 0x41, 0x28);
        } else {
            t.ground = QColor(0xf4, 0xf4, 0xf4);
            t.text = QColor(0x33, 0x33, 0x33);
            t.muted = QColor(0x55, 0x55, 0x55);
            t.border = QColor(0x9a, 0xa4, 0xae);
            t.filteredOut = QColor(0xe2, 0xe2, 0xe2);
            t.unplaced = QColor(0xff, 0xf3, 0xd6);
        }
        return t;
    }
    // A group box's fill by its depth in the hierarchy: nested boxes step away from the ground.
    [[nodiscard]] QColor groupFill(int depth) const {
        return dark ? QColor(0x2e, 0x36, 0x40).lighter(100 + 10 * depth)
                    : QColor(0xee, 0xf1, 0xf4).darker(100 + 4 * depth);
    }
    // The ground, see-through: plates under legends and labels, the wash over stale data.
    [[nodiscard]] QColor plate(int alpha) const {
        QColor c = ground;
        c.setAlpha(alpha);
        return c;
    }
};

} // namespace vigil
