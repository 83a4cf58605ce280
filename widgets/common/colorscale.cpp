#include "common/colorscale.h"

#include <algorithm>
#include <cmath>

namespace vigil {

const ColorScale &ColorScale::viridis() {
    static const ColorScale scale = [] {
        // Viridis at t = 0, 1/9, ..., 1 (the matplotlib colormap's well-known anchor values).
        static const QRgb anchors[] = {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e,
                                       0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725};
        constexpr int n = static_cast<int>(std::size(anchors));
        ColorScale s;
        for (int i = 0; i < 256; ++i) {
            const double pos = i / 255.0 * (n - 1);
            const int k = std::min(static_cast<int>(pos), n - 2);
            const double f = pos - k;
            auto mix = [&](int shift) {
                const int a = (anchors[k] >> shift) & 0xff, b = (anchors[k + 1] >> shift) & 0xff;
                return static_cast<int>(std::lround(a + (b - a) * f));
            };
            s.m_lut[static_cast<std::size_t>(i)] = qRgb(mix(16), mix(8), mix(0));
        }
        return s;
    }();
    return scale;
}

QRgb ColorScale::at(double t) const {
    const double c = std::clamp(std::isnan(t) ? 0.0 : t, 0.0, 1.0);
    return m_lut[static_cast<std::size_t>(std::lround(c * 255.0))];
}

} // namespace vigil
