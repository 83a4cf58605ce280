#pragma once
// Perceptually uniform, colour-blind safe scales for heat views: viridis, interpolated in sRGB
// between its published anchor colours. A 256-entry table, computed once.
#include <QColor>
#include <QRgb>

#include <array>

namespace vigil {

class ColorScale {
public:
    static const ColorScale &viridis();
    // t in [0, 1]; clamped. NaN is the caller's business (no data has its own colour).
    [[nodiscard]] QRgb at(double t) const;

private:
    std::array<QRgb, 256> m_lut{};
};

} // namespace vigil
