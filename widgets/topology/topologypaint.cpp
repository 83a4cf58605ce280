// TopologyCanvas's painting: the frame, the physical map and the minimap. The service map is painted
// in servicepaint.cpp; the canvas's state and input live in topologyview.cpp.
#include "topology/topologystyle.h"
#include "topology/topologyview.h"

#include "analysis/correlation.h"
#include "common/maptheme.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace vigil {

using analysis::NodeKind;
using namespace topologystyle;

void TopologyCanvas::paintEvent(QPaintEvent *) {
    QPainter p(this);
    render(p);
}

void TopologyCanvas::render(QPainter &p) {
    const MapTheme theme = MapTheme::of(palette());
    p.fillRect(rect(), theme.ground);
    if (!m_laidOut || !m_graph) {
        p.drawText(rect(), Qt::AlignCenter, tr("Laying out the map…"));
        return;
    }
    if (m_mode == Mode::Physical)
        paintPhysical(p);
    else
        paintServices(p);
    // Stale data is greyed (a pale wash over the whole map) and said so in the legend.
    if (m_stale)
        p.fillRect(rect(), theme.plate(150));
    paintMinimap(p);
    // Legend and state.
    p.setRenderHint(QPainter::Antialiasing, false);
    QFont f = font();
    p.setFont(f);
    int x = 8;
    const int y = height() - 10;
    // On a plate, so a map running under it does not garble it.
    p.fillRect(QRect(0, y - 15, width(), 21), theme.plate(235));
    auto swatch = [&](const QColor &c, const QString &label) {
        p.fillRect(QRect(x, y - 10, 12, 12), c);
        if (theme.dark) { // "down" is near black: framed, so it reads on a dark ground
            p.setPen(theme.muted);
            p.setBrush(Qt::NoBrush); // a frame only: the map's last brush would cover the colour
            p.drawRect(QRect(x, y - 10, 11, 11));
        }
        p.setPen(theme.text);
        p.drawText(QPoint(x + 16, y), label);
        x += 24 + p.fontMetrics().horizontalAdvance(label);
    };
    swatch(kUp, tr("up"));
    swatch(kDown, tr("down"));
    swatch(kSev[2], tr("critical"));
    swatch(kSev[1], tr("warning"));
    swatch(kSev[0], tr("info"));
    swatch(kCause, tr("root cause / blast radius"));
    // Say what the level of detail left out.
    if (m_mode == Mode::Services && (m_edgesAggregated || m_labelsHidden > 0)) {
        QStringList lod;
        if (m_edgesAggregated)
            lod << (m_edgesHidden > 0
                        ? tr("edges bundled by area (%n faint bundle(s) hidden); zoom in for each", nullptr,
                             m_edgesHidden)
                        : tr("edges bundled by area; zoom in for each"));
        if (m_labelsHidden > 0)
            lod << tr("%n label(s) hidden where they would overlap", nullptr, m_labelsHidden);
        p.setPen(theme.muted);
        const QString text = lod.join(QStringLiteral(" · "));
        p.drawText(QPoint(x, y), text);
        x += p.fontMetrics().horizontalAdvance(text) + 16;
    }
    if (m_stale) {
        p.setPen(QColor(0xc0, 0x30, 0x30));
        p.drawText(QPoint(x, y), tr("STALE: the data is older than two poll intervals"));
    }
}

void TopologyCanvas::paintPhysical(QPainter &p) {
    const QRectF view = QRectF(rect()).adjusted(-2, -2, 2, 2);
    const bool health = m_health.size() == m_graph->nodes().size();
    auto hOf = [&](int node) -> const analysis::NodeHealth * {
        return health ? &m_health[static_cast<std::size_t>(node)] : nullptr;
    };
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    const QFontMetrics fm(small);
    const bool hostsVisible = m_scale >= 1.5; // level of detail: below that, racks carry the colour
    const MapTheme theme = MapTheme::of(palette());
    for (const auto &g : m_physical.groups) {
        const QRectF r(toScreen(QPointF(g.x, g.y)), QSizeF(g.w * m_scale, g.h * m_scale));
        if (!view.intersects(r))
            continue;
        const auto *h = hOf(g.node);
        const bool leafish = g.collapsed || !hostsVisible;
        QColor fill = theme.groupFill(g.depth);
        if (leafish && h && g.depth == static_cast<int>(m_graph->hierarchy().size()) - 1)
            fill = healthColour(*h, false);
        else if (leafish && h && g.collapsed)
            fill = healthColour(*h, false);
        if (m_graph->isUnplaced(g.node))
            fill = theme.unplaced;
        p.setPen(QPen(theme.border, 1));
        p.setBrush(fill);
        p.drawRect(r);
        if (m_blast.nodes.count(g.node) || m_blast.cause == g.node) {
            p.setPen(QPen(kCause, m_blast.cause == g.node ? 3 : 1.5));
            p.setBrush(QColor(kCause.red(), kCause.green(), kCause.blue(), 40));
            p.drawRect(r);
        }
        if (m_highlight.count(g.node)) {
            p.setPen(QPen(kPath, 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(r);
        }
        // Titles where they are legible.
        if (r.width() > 46 && 2 * m_scale >= fm.height() * 0.9) {
            p.setPen(fill.lightness() < 90 ? Qt::white : QColor(0x22, 0x22, 0x22));
            QString title = QString::fromStdString(m_graph->node(g.node).name);
            if (g.collapsed && h)
                title += QStringLiteral(" · ") + tr("%1/%2 up").arg(h->up).arg(h->hosts);
            p.drawText(QRectF(r.x() + 3, r.y() + 1, r.width() - 6, 2 * m_scale),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(title, Qt::ElideLeft, static_cast<int>(r.width() - 6)));
        }
        if (m_blast.cause == g.node && r.width() > 30) {
            p.setPen(kCause);
            p.drawText(QPointF(r.x() + 3, r.bottom() + fm.ascent() + 2), tr("ROOT CAUSE"));
        }
    }
    if (!hostsVisible)
        return;
    p.setPen(Qt::NoPen);
    const double edge = m_scale > 3 ? m_scale - 1 : m_scale;
    for (const auto &hb : m_physical.hosts) {
        const QPointF tl = toScreen(QPointF(hb.x, hb.y));
        if (!view.contains(tl))
            continue;
        const auto *h = hOf(hb.node);
        QColor c = h ? healthColour(*h, true) : kUnknown;
        p.fillRect(QRectF(tl, QSizeF(edge, edge)), c);
        if (m_blast.nodes.count(hb.node))
            p.fillRect(QRectF(tl, QSizeF(edge, edge)),
                       QColor(kCause.red(), kCause.green(), kCause.blue(), 110));
        if (m_highlight.count(hb.node)) {
            p.setPen(QPen(kPath, 2));
            p.drawRect(QRectF(tl, QSizeF(edge, edge)));
            p.setPen(Qt::NoPen);
        }
    }
}

void TopologyCanvas::paintMinimap(QPainter &p) {
    const QRectF b = mapBounds();
    // The overview is for finding one's way on a map larger than the window: with the whole map in view
    // (fitted, on the wall, in a write-up) it would only cover a corner of it.
    if (QRectF(rect())
            .adjusted(-1, -1, 1, 1)
            .contains(QRectF(toScreen(b.topLeft()), toScreen(b.bottomRight()))))
        return;
    const QRectF box(width() - kMiniW - 8, 8, kMiniW, kMiniH);
    const double s = std::min(kMiniW / b.width(), kMiniH / b.height());
    auto mini = [&](QPointF m) { return box.topLeft() + (m - b.topLeft()) * s; };
    p.setRenderHint(QPainter::Antialiasing, false);
    // The map's overview changes only with its layout (or collapsing): drawn once into an image.
    const auto key = std::make_tuple(m_layoutGen, b.x(), b.y(), b.width(), b.height(), width());
    const MapTheme theme = MapTheme::of(palette());
    if (m_minimapKey != key || m_minimap.isNull() || m_minimapDark != theme.dark) {
        m_minimapKey = key;
        m_minimapDark = theme.dark;
        m_minimap = QImage(static_cast<int>(kMiniW) + 1, static_cast<int>(kMiniH) + 1,
                           QImage::Format_ARGB32_Premultiplied);
        m_minimap.fill(Qt::transparent);
        QPainter mp(&m_minimap);
        auto local = [&](QPointF m) { return (m - b.topLeft()) * s; };
        mp.setPen(theme.border);
        mp.setBrush(theme.plate(220));
        mp.drawRect(QRectF(0, 0, kMiniW, kMiniH));
        mp.setPen(Qt::NoPen);
        if (m_mode == Mode::Physical) {
            for (const auto &g : m_physical.groups)
                if (g.depth <= 1 || g.collapsed) {
                    mp.setBrush(theme.groupFill(g.depth == 0 ? 3 : 6));
                    mp.drawRect(QRectF(local(QPointF(g.x, g.y)), QSizeF(g.w * s, g.h * s)));
                }
        } else {
            for (const auto &[name, pt] : m_services.positions)
                mp.fillRect(QRectF(local(QPointF(pt.x, pt.y)), QSizeF(1.5, 1.5)), QColor(0x70, 0x78, 0x80));
        }
    }
    p.drawImage(box.topLeft(), m_minimap);
    if (m_blast.cause >= 0) {
        p.setPen(Qt::NoPen);
        p.setBrush(kCause);
        QPointF c;
        if (m_mode == Mode::Physical) {
            if (const int gi = m_physical.groupBoxOf(m_blast.cause); gi >= 0)
                c = QPointF(m_physical.groups[static_cast<std::size_t>(gi)].x,
                            m_physical.groups[static_cast<std::size_t>(gi)].y);
            else if (const int hi = m_physical.hostBoxOf(m_blast.cause); hi >= 0)
                c = QPointF(m_physical.hosts[static_cast<std::size_t>(hi)].x,
                            m_physical.hosts[static_cast<std::size_t>(hi)].y);
        } else if (!m_blast.services.empty()) {
            c = servicePos(m_blast.services.front());
        }
        p.drawEllipse(mini(c), 3, 3);
    }
    // Where the window is.
    const QRectF seen(mini(toMap(QPointF(0, 0))), mini(toMap(QPointF(width(), height()))));
    p.setPen(QPen(kPath, 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(seen.intersected(box));
}

} // namespace vigil
