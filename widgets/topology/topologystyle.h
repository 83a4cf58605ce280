#pragma once
// The topology maps' colours and sizes, shared by the canvas (hit tests, the minimap's box) and its
// painting (topologypaint.cpp, servicepaint.cpp).
#include "analysis/topology.h"

#include <QColor>

namespace vigil::topologystyle {

inline const QColor kUp(0x9c, 0xc9, 0x9c);
inline const QColor kUnknown(0xc8, 0xc8, 0xc8);
inline const QColor kDown(0x20, 0x20, 0x20);
inline const QColor kSev[3] = {QColor(0x4a, 0x90, 0xd9), QColor(0xf0, 0x9a, 0x2a), QColor(0xd7, 0x30, 0x27)};
inline const QColor kCause(0xc0, 0x00, 0x80);
inline const QColor kPath(0x18, 0x5a, 0xd8);
inline constexpr int kMiniW = 180, kMiniH = 120;

inline QColor healthColour(const analysis::NodeHealth &h, bool isHost) {
    if (h.hosts > 0 && h.down == h.hosts)
        return kDown;
    if (h.severity >= 0)
        return kSev[h.severity];
    if (isHost && h.up == 0)
        return kUnknown;
    return kUp;
}

} // namespace vigil::topologystyle
