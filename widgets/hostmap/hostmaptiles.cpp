#include "hostmap/hostmaptiles.h"

#include "common/colorscale.h"

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {

QRgb dimmed(QRgb c) {
    return qRgb((qRed(c) + 2 * 0xb0) / 3, (qGreen(c) + 2 * 0xb0) / 3, (qBlue(c) + 2 * 0xb0) / 3);
}

double metricOf(const Host &h, int metric) {
    return static_cast<std::size_t>(metric) < h.metrics.size() ? h.metrics[static_cast<std::size_t>(metric)]
                                                               : std::nan("");
}

// Each host its own tile (a square of `edge` pixels, smaller when sized by a second metric).
void paintEach(const TilePaint &r, const analysis::HostMapLayout &l, double hi, QImage &image,
               int &matching) {
    const auto &scale = ColorScale::viridis();
    const double span = hi > r.lo ? hi - r.lo : 1;
    const int edge = l.tile > 2 ? l.tile - 1 : l.tile; // a one-pixel gap between tiles when there is room
    const bool sized = r.sizeMetric >= 0 && edge >= 4;
    const double sizeMax = sized ? scaleMax(*r.snapshot, r.sizeMetric) : 1;
    const bool filtering = r.filter && !r.filter->empty();
    const auto &hosts = r.snapshot->hosts;
    for (std::size_t i = 0; i < hosts.size() && i < l.tileX.size(); ++i) {
        const int x0 = l.tileX[i], y0 = l.tileY[i];
        if (x0 < 0 || y0 < 0)
            continue;
        const Host &h = hosts[i];
        const bool match = !filtering || r.filter->matches(h.labels, h.name);
        matching += match;
        QRgb c;
        if (!match) {
            c = r.filteredOut;
        } else if (h.up == UpState::Down) {
            c = kTileDown;
        } else {
            const double v = metricOf(h, r.metric);
            c = std::isnan(v) ? kTileNoValue : scale.at((v - r.lo) / span);
        }
        if (r.stale)
            c = dimmed(c);
        // Sized by a second metric: the square's area follows it (a tenth of the tile at least).
        int inner = edge, off = 0;
        if (sized && match && h.up != UpState::Down) {
            const double sv = metricOf(h, r.sizeMetric);
            const double frac = std::isnan(sv) ? 0.3 : std::sqrt(std::clamp(sv / sizeMax, 0.1, 1.0));
            inner = std::max(2, static_cast<int>(std::lround(edge * frac)));
            off = (edge - inner) / 2;
        }
        for (int y = y0 + off; y < y0 + off + inner && y < image.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = x0 + off; x < x0 + off + inner && x < image.width(); ++x)
                line[x] = c;
        }
    }
}

// Several hosts per pixel: each pixel shows its worst host (down, else the highest value), so a
// redlining or dead host is never hidden by its neighbours.
void paintFolded(const TilePaint &r, const analysis::HostMapLayout &l, double hi, QImage &image,
                 int &matching) {
    const double span = hi > r.lo ? hi - r.lo : 1;
    const int w = image.width(), h = image.height();
    std::vector<float> key(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), -3.0F);
    const bool filtering = r.filter && !r.filter->empty();
    const auto &hosts = r.snapshot->hosts;
    for (std::size_t i = 0; i < hosts.size() && i < l.tileX.size(); ++i) {
        const int x = l.tileX[i], y = l.tileY[i];
        if (x < 0 || y < 0 || x >= w || y >= h)
            continue;
        const Host &host = hosts[i];
        const bool match = !filtering || r.filter->matches(host.labels, host.name);
        matching += match;
        float k;
        if (!match) {
            k = -2;
        } else if (host.up == UpState::Down) {
            k = 2;
        } else {
            const double v = metricOf(host, r.metric);
            k = std::isnan(v) ? -1.0F : static_cast<float>(std::clamp((v - r.lo) / span, 0.0, 1.0));
        }
        float &cell =
            key[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)];
        cell = std::max(cell, k);
    }
    const auto &scale = ColorScale::viridis();
    for (int y = 0; y < h; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const float k =
                key[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)];
            if (k <= -3)
                continue;
            const QRgb c = k >= 2    ? kTileDown
                           : k == -2 ? r.filteredOut
                           : k == -1 ? kTileNoValue
                                     : scale.at(k);
            line[x] = r.stale ? dimmed(c) : c;
        }
    }
}

} // namespace

PaintedTiles paintTiles(const TilePaint &r) {
    PaintedTiles out;
    out.snapshot = r.snapshot;
    out.layout = r.layout;
    if (!out.layout) {
        auto laid = std::make_shared<analysis::HostMapLayout>();
        if (r.snapshot && r.snapshot->graph)
            *laid = analysis::layoutHostMap(*r.snapshot->graph, r.snapshot->hosts, r.level,
                                            std::max(1, r.size.width()), std::max(1, r.size.height()),
                                            r.titleHeight);
        out.layout = std::move(laid);
    }
    out.hi = !std::isnan(r.hi) ? r.hi : r.snapshot ? scaleMax(*r.snapshot, r.metric) : 1.0;
    if (!r.snapshot || !r.snapshot->graph)
        return out; // nothing to show: no image
    out.image = QImage(r.size, QImage::Format_RGB32);
    out.image.fill(r.ground);
    if (out.layout->hostsPerTile > 1)
        paintFolded(r, *out.layout, out.hi, out.image, out.matching);
    else
        paintEach(r, *out.layout, out.hi, out.image, out.matching);
    return out;
}

double scaleMax(const FleetSnapshot &s, int metric) {
    if (metric < 0 || static_cast<std::size_t>(metric) >= s.metrics.size())
        return 1;
    if (s.metrics[static_cast<std::size_t>(metric)].unit == MetricUnit::Ratio)
        return 1;
    std::vector<double> v;
    for (const auto &h : s.hosts)
        if (static_cast<std::size_t>(metric) < h.metrics.size() &&
            !std::isnan(h.metrics[static_cast<std::size_t>(metric)]))
            v.push_back(h.metrics[static_cast<std::size_t>(metric)]);
    if (v.empty())
        return 1;
    const auto k = v.size() * 95 / 100;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return std::max(v[k], 1e-9);
}

} // namespace vigil
