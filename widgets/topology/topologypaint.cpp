// TopologyCanvas's painting: the physical and service maps, level of detail on dense maps, labels
// placed without overlap, the minimap. The canvas's state and input live in topologyview.cpp.
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

void TopologyCanvas::paintServices(QPainter &p) {
    const QRectF view = QRectF(rect()).adjusted(-40, -40, 40, 40);
    const bool health = m_health.size() == m_graph->nodes().size();
    const auto nodeCount = m_servicePos.size();
    // Screen positions once per frame.
    std::vector<QPointF> at(nodeCount);
    std::vector<char> isService(nodeCount, 0);
    for (std::size_t i = 0; i < nodeCount; ++i)
        if (m_graph->node(static_cast<int>(i)).kind == NodeKind::Service) {
            isService[i] = 1;
            at[i] = toScreen(m_servicePos[i]);
        }
    // Edge figures by (from, to), looked up once per snapshot and graph.
    if (m_figuresSnapshot != m_snapshot.get() || m_figuresGraph != m_graph.get()) {
        m_figures.clear();
        m_figures.reserve(m_snapshot->edges.size());
        for (const auto &e : m_snapshot->edges) {
            const int from = m_graph->service(e.from), to = m_graph->service(e.to);
            if (from >= 0 && to >= 0)
                m_figures[edgeKey(from, to)] = &e;
        }
        // And per node, per callee in the graph's order, so a frame walks edges without lookups.
        m_calleeFigureStart.assign(nodeCount + 1, 0);
        m_calleeFigures.clear();
        for (std::size_t i = 0; i < nodeCount; ++i) {
            m_calleeFigureStart[i] = m_calleeFigures.size();
            for (int c : m_graph->node(static_cast<int>(i)).callees) {
                const auto it = m_figures.find(edgeKey(static_cast<int>(i), c));
                m_calleeFigures.push_back(it == m_figures.end() ? nullptr : it->second);
            }
        }
        m_calleeFigureStart[nodeCount] = m_calleeFigures.size();
        m_figuresSnapshot = m_snapshot.get();
        m_figuresGraph = m_graph.get();
    }
    auto figureOf = [&](int from, int to) -> const ServiceEdge * {
        const auto it = m_figures.find(edgeKey(from, to));
        return it == m_figures.end() ? nullptr : it->second;
    };
    std::set<std::pair<int, int>> pathEdges;
    for (std::size_t i = 0; i + 1 < m_path.size(); ++i)
        pathEdges.insert({m_path[i], m_path[i + 1]});
    auto errorShare = [](double rate, double errors) {
        return !std::isnan(errors) && rate > 0 ? std::clamp(errors / rate * 10, 0.0, 1.0) : 0.0;
    };
    auto edgeColour = [](double err) {
        return QColor::fromRgbF(0.63 + 0.3 * err, 0.66 * (1 - err) + 0.1, 0.69 * (1 - err) + 0.1);
    };
    // The edges on screen; above kMaxEdges they are aggregated.
    struct EdgeRef {
        int from, to;
        const ServiceEdge *figure;
    };
    std::vector<EdgeRef> edges;
    for (std::size_t i = 0; i < nodeCount; ++i) {
        if (!isService[i])
            continue;
        const bool here = view.contains(at[i]);
        const auto &callees = m_graph->node(static_cast<int>(i)).callees;
        for (std::size_t k = 0; k < callees.size(); ++k) {
            const int c = callees[k];
            if (c != static_cast<int>(i) && (here || view.contains(at[static_cast<std::size_t>(c)])))
                edges.push_back({static_cast<int>(i), c, m_calleeFigures[m_calleeFigureStart[i] + k]});
        }
    }
    constexpr std::size_t kMaxEdges = 2500;
    const bool aggregate = edges.size() > kMaxEdges;
    m_edgesHidden = 0;
    m_edgesAggregated = aggregate;
    const bool detailed = !aggregate && m_scale * 0.3 >= 3; // arrows only where they can be seen
    auto drawEdge = [&](int i, int c, bool emphasised) {
        if (emphasised && !(m_blast.nodes.count(i) && m_blast.nodes.count(c)) && !pathEdges.count({i, c}))
            return;                              // the emphasis pass draws only blast-radius and path edges
        const ServiceEdge *fig = figureOf(i, c); // few edges drawn one by one: a lookup each is fine
        double width = 1;
        QColor colour(0xa0, 0xa8, 0xb0);
        if (fig && !std::isnan(fig->requestsPerSecond)) {
            width = 1 + std::log10(1 + fig->requestsPerSecond);
            colour = edgeColour(errorShare(fig->requestsPerSecond, fig->errorsPerSecond));
        }
        const bool onPath = pathEdges.count({i, c}) > 0;
        const bool inBlast = m_blast.nodes.count(i) && m_blast.nodes.count(c);
        if (inBlast)
            colour = QColor(kCause.red(), kCause.green(), kCause.blue(), 160);
        if (onPath) {
            colour = kPath;
            width += 2;
        }
        p.setPen(QPen(colour, width));
        // From edge of circle to edge of circle; an arrowhead at the callee: direction visible.
        const QPointF a = at[static_cast<std::size_t>(i)], b = at[static_cast<std::size_t>(c)];
        const QPointF d = b - a;
        const double len = std::hypot(d.x(), d.y());
        if (len < 1)
            return;
        const QPointF u = d / len;
        const QPointF from = a + u * serviceRadius(i) * m_scale;
        const QPointF to = b - u * serviceRadius(c) * m_scale;
        p.drawLine(from, to);
        if (detailed || emphasised) {
            const QPointF nrm(-u.y(), u.x());
            const double ah = 6 + width;
            QPolygonF head({to, to - u * ah + nrm * ah * 0.45, to - u * ah - nrm * ah * 0.45});
            p.setBrush(colour);
            p.drawPolygon(head);
        }
    };
    p.setRenderHint(QPainter::Antialiasing, true);
    if (aggregate) {
        // Too many edges to tell apart: those between the same two 24-px cells become one line between
        // their endpoints' centres, as wide as their number and coloured by their combined error rate.
        constexpr double kCell = 24;
        struct Bundle {
            int count = 0;
            double rate = 0, errors = 0;
            QPointF a, b; // sums of the endpoints
        };
        std::unordered_map<std::uint64_t, Bundle> bundles;
        bundles.reserve(edges.size());
        auto cellOf = [&](QPointF q) {
            const auto cx =
                static_cast<std::int32_t>(std::clamp(std::floor(q.x() / kCell), -30000.0, 30000.0));
            const auto cy =
                static_cast<std::int32_t>(std::clamp(std::floor(q.y() / kCell), -30000.0, 30000.0));
            return (static_cast<std::uint32_t>(cx + 32768) << 16) | static_cast<std::uint32_t>(cy + 32768);
        };
        for (const auto &e : edges) {
            const QPointF a = at[static_cast<std::size_t>(e.from)], b = at[static_cast<std::size_t>(e.to)];
            std::uint32_t ca = cellOf(a), cb = cellOf(b);
            if (ca == cb)
                continue; // inside one cell: nothing to draw at this zoom
            const bool swap = ca > cb;
            auto &bd = bundles[(static_cast<std::uint64_t>(swap ? cb : ca) << 32) | (swap ? ca : cb)];
            ++bd.count;
            bd.a += swap ? b : a;
            bd.b += swap ? a : b;
            if (const ServiceEdge *fig = e.figure; fig && !std::isnan(fig->requestsPerSecond)) {
                bd.rate += fig->requestsPerSecond;
                if (!std::isnan(fig->errorsPerSecond))
                    bd.errors += fig->errorsPerSecond;
            }
        }
        // The heaviest bundles and those carrying errors; single stray edges in a hairball add only noise.
        std::vector<const Bundle *> ranked;
        ranked.reserve(bundles.size());
        for (const auto &[key, bd] : bundles)
            ranked.push_back(&bd);
        constexpr std::size_t kMaxBundles = 900;
        auto rank = [&](const Bundle *b) { return b->count + 20 * errorShare(b->rate, b->errors); };
        if (ranked.size() > kMaxBundles) {
            std::nth_element(ranked.begin(), ranked.begin() + kMaxBundles, ranked.end(),
                             [&](const Bundle *a, const Bundle *b) { return rank(a) > rank(b); });
            m_edgesHidden = static_cast<int>(ranked.size() - kMaxBundles);
            ranked.resize(kMaxBundles);
        }
        p.setRenderHint(QPainter::Antialiasing, false);
        for (const Bundle *bd : ranked) {
            QColor c = edgeColour(errorShare(bd->rate, bd->errors));
            c.setAlpha(std::min(230, 70 + 25 * bd->count));
            // Up to three edges: a cosmetic 1-px line (the raster engine's fast path); more: wider.
            p.setPen(bd->count <= 3 ? QPen(c, 0) : QPen(c, std::min(8.0, 0.6 + std::log2(1.0 + bd->count))));
            p.drawLine(bd->a / bd->count, bd->b / bd->count);
        }
        p.setRenderHint(QPainter::Antialiasing, true);
        // What the operator follows stays individual: the blast radius and the path to the cause.
        if (!m_blast.nodes.empty() || !pathEdges.empty())
            for (const auto &e : edges)
                drawEdge(e.from, e.to, true);
    } else {
        for (const auto &e : edges)
            drawEdge(e.from, e.to, false);
    }

    // Nodes. Below 3 px a node is a square without outline (tens of thousands stay cheap); alerting
    // and marked services are drawn last so they are never hidden under healthy ones.
    std::vector<int> order;
    order.reserve(nodeCount);
    for (std::size_t i = 0; i < nodeCount; ++i)
        if (isService[i] && view.contains(at[i]))
            order.push_back(static_cast<int>(i));
    std::vector<std::uint8_t> weights(nodeCount, 0); // drawing and labelling priority
    for (const int node : order) {
        const auto i = static_cast<std::size_t>(node);
        int w = health ? m_health[i].severity + 1 : 0;
        if (m_blast.nodes.count(node))
            w += 4;
        if (m_highlight.count(node) || node == m_selected)
            w += 8;
        weights[i] = static_cast<std::uint8_t>(w);
    }
    auto weight = [&](int node) { return static_cast<int>(weights[static_cast<std::size_t>(node)]); };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return weight(a) < weight(b); });
    // A node whose centre lies under a node drawn over it is hidden anyway: from the top of the
    // drawing order down, one node per cell of about a disc's radius is kept (a dense map of ten
    // thousand services draws a few thousand discs, not all of them).
    if (order.size() > 2000) {
        const double cell = std::max(2.0, 1.2 * std::max(1.5, serviceRadius(order.front()) * m_scale));
        const int cw = static_cast<int>(width() / cell) + 12, ch = static_cast<int>(height() / cell) + 12;
        std::vector<char> covered(static_cast<std::size_t>(cw) * static_cast<std::size_t>(ch), 0);
        std::vector<int> kept;
        kept.reserve(order.size());
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            const QPointF c = at[static_cast<std::size_t>(*it)];
            const int x = static_cast<int>((c.x() + 5 * cell) / cell),
                      y = static_cast<int>((c.y() + 5 * cell) / cell);
            if (x >= 0 && y >= 0 && x < cw && y < ch && weight(*it) < 4) {
                char &k = covered[static_cast<std::size_t>(y) * static_cast<std::size_t>(cw) +
                                  static_cast<std::size_t>(x)];
                if (k)
                    continue;
                k = 1;
            }
            kept.push_back(*it);
        }
        order.assign(kept.rbegin(), kept.rend());
    }
    for (const int node : order) {
        const auto i = static_cast<std::size_t>(node);
        const QPointF c = at[i];
        const double r = std::max(1.5, serviceRadius(node) * m_scale);
        const QColor fill = health ? healthColour(m_health[i], false) : kUnknown;
        const bool marked = m_highlight.count(node) || node == m_selected;
        if (r < 3 && !marked && !m_blast.nodes.count(node)) {
            p.setRenderHint(QPainter::Antialiasing, false);
            p.fillRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), fill.darker(115));
            continue;
        }
        p.setRenderHint(QPainter::Antialiasing, true);
        const double rr = std::max(3.0, r);
        if (m_blast.nodes.count(node)) {
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(kCause.red(), kCause.green(), kCause.blue(), 60));
            p.drawEllipse(c, rr + 6, rr + 6);
        }
        // The disc itself from a sprite drawn once per colour, size and mark: thousands of antialiased
        // ellipses per frame cost hundreds of milliseconds, their sprites a few.
        p.drawPixmap(c - QPointF(rr + 2, rr + 2), sprite(fill, rr, marked));
        // Down hosts as a dark arc: how much of the service is gone.
        if (health && m_health[i].hosts > 0 && m_health[i].down > 0) {
            p.setPen(QPen(kDown, std::max(2.0, rr / 4)));
            p.setBrush(Qt::NoBrush);
            p.drawArc(QRectF(c - QPointF(rr, rr), QSizeF(2 * rr, 2 * rr)), 90 * 16,
                      -static_cast<int>(360.0 * 16 * m_health[i].down / m_health[i].hosts));
        }
        if (std::find(m_blast.causeServices.begin(), m_blast.causeServices.end(), node) !=
            m_blast.causeServices.end()) {
            p.setPen(QPen(kCause, 3));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(c, rr + 4, rr + 4);
        }
    }

    // Labels, placed greedily by importance (marked, blast radius, worst alert, most hosts): one that
    // would overlap a label already placed is left out, so dense maps stay legible.
    p.setRenderHint(QPainter::Antialiasing, false);
    QFont f = font();
    p.setFont(f);
    const QFontMetrics fm(f);
    std::vector<int> labelled;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const double r = serviceRadius(*it) * m_scale;
        if (r >= 6 || weight(*it) >= 4)
            labelled.push_back(*it);
    }
    std::stable_sort(labelled.begin(), labelled.end(), [&](int a, int b) {
        const int wa = weight(a), wb = weight(b);
        if (wa != wb)
            return wa > wb;
        return m_graph->node(a).members.size() > m_graph->node(b).members.size();
    });
    constexpr int kGrid = 8;
    const int gw = width() / kGrid + 2, gh = height() / kGrid + 2;
    // Who holds each cell: -1 nobody, a node's disc (its index), or -2 a label.
    std::vector<int> taken(static_cast<std::size_t>(gw) * static_cast<std::size_t>(gh), -1);
    // mark: claim the cells for `owner`; otherwise whether they are free (or the owner's own disc).
    auto cells = [&](const QRectF &rc, bool mark, int owner) {
        const int x0 = std::max(0, static_cast<int>(rc.left()) / kGrid);
        const int x1 = std::min(gw - 1, static_cast<int>(rc.right()) / kGrid);
        const int y0 = std::max(0, static_cast<int>(rc.top()) / kGrid);
        const int y1 = std::min(gh - 1, static_cast<int>(rc.bottom()) / kGrid);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) {
                int &t = taken[static_cast<std::size_t>(y) * static_cast<std::size_t>(gw) +
                               static_cast<std::size_t>(x)];
                if (!mark && t != -1 && t != owner)
                    return false;
                if (mark && (t == -1 || owner == -2))
                    t = owner;
            }
        return true;
    };
    // Discs count as taken too (a label must not cover another service), except a label's own.
    auto discBox = [&](int node) {
        const double r = std::max(3.0, serviceRadius(node) * m_scale);
        const QPointF c = at[static_cast<std::size_t>(node)];
        const double h = r * 0.75; // about the disc's inscribed square: corners of the box are free
        return QRectF(c.x() - h, c.y() - h, 2 * h, 2 * h);
    };
    for (const int node : order)
        cells(discBox(node), true, node);
    int placed = 0;
    m_labelsHidden = 0;
    m_labelBoxes.clear();
    const MapTheme labelTheme = MapTheme::of(palette());
    const double charWidth = fm.averageCharWidth();
    int alternatives = 0; // labels tried beside the preferred place (measuring costs; bounded)
    for (const int node : labelled) {
        const auto i = static_cast<std::size_t>(node);
        const double r = std::max(3.0, serviceRadius(node) * m_scale);
        const QPointF c = at[i];
        const QPointF right = c + QPointF(r + 4, 4);
        // What the operator marked, and the blast radius, are always named (on a light plate where
        // they cover the map).
        const bool forced = weight(node) >= 4;
        // The name's first characters must have room on the right before the label is built and
        // measured (text measuring is the costly part, and most candidates on a dense map fail here);
        // the first few hundred that fail may still go left, above or below.
        const auto &name = m_graph->node(node).name;
        const QRectF probe(right.x(), right.y() - fm.ascent(),
                           charWidth * static_cast<double>(std::min<std::size_t>(name.size(), 4)),
                           fm.height());
        const bool rightFree = cells(probe, false, node);
        if (!forced && (placed >= 400 || (!rightFree && alternatives >= 300))) {
            ++m_labelsHidden;
            continue;
        }
        QString label = QString::fromStdString(name);
        if (health && m_health[i].hosts)
            label += QStringLiteral(" (%1/%2)").arg(m_health[i].up).arg(m_health[i].hosts);
        const double w = fm.horizontalAdvance(label);
        const QPointF places[] = {right, c + QPointF(-r - 4 - w, 4), c + QPointF(-w / 2, -r - 4),
                                  c + QPointF(-w / 2, r + 4 + fm.ascent())};
        std::optional<QPointF> origin;
        for (const QPointF &o : places) {
            const QRectF box(o.x(), o.y() - fm.ascent(), w, fm.height());
            if (cells(box, false, node)) {
                origin = o;
                break;
            }
            if (&o == &places[0])
                ++alternatives;
        }
        if (!origin && forced)
            origin = right;
        if (!origin) {
            ++m_labelsHidden;
            continue;
        }
        const QRectF box(origin->x(), origin->y() - fm.ascent(), w, fm.height());
        cells(box, true, -2);
        ++placed;
        m_labelBoxes.push_back(box);
        if (forced)
            p.fillRect(box.adjusted(-2, 0, 2, 0), labelTheme.plate(210));
        p.setPen(labelTheme.text);
        p.drawText(*origin, label);
    }
    // The cause's own services carry the mark; the cause itself (a rack, a host) is named.
    if (m_blast.cause >= 0 && m_graph->node(m_blast.cause).kind != NodeKind::Service &&
        !m_blast.services.empty()) {
        p.setPen(kCause);
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.drawText(QPointF(10, 20),
                   tr("Root cause: %1 %2 — %n service(s) in the blast radius", nullptr,
                      static_cast<int>(m_blast.services.size()))
                       .arg(QString::fromUtf8(m_graph->levelName(m_blast.cause).data(),
                                              static_cast<int>(m_graph->levelName(m_blast.cause).size())),
                            QString::fromStdString(m_graph->node(m_blast.cause).name)));
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
