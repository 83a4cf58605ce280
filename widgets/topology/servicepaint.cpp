// The service map's painting, in the order a frame is drawn: which services and edges are on screen,
// the edges (one by one, or bundled between screen cells when there are too many to tell apart), the
// discs from the top of the drawing order down, labels placed without overlap, the cause's name. The
// physical map and the minimap are in topologypaint.cpp.
#include "topology/topologystyle.h"
#include "topology/topologyview.h"

#include "analysis/correlation.h"
#include "common/maptheme.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>

namespace vigil {

using analysis::NodeKind;
using namespace topologystyle;

// What one frame of the service map works from, worked out once at its start.
struct TopologyCanvas::ServiceFrame {
    QRectF view;         // the widget with a margin: what is on screen
    bool health = false; // m_health is for this graph
    std::size_t nodes = 0;
    std::vector<QPointF> at;                 // per node: its screen position (services only)
    std::vector<char> isService;             // per node
    std::set<std::pair<int, int>> pathEdges; // the path from the selected service to the cause
    struct Edge {
        int from, to;
        const ServiceEdge *figure;
    };
    std::vector<Edge> edges;           // those with an end on screen
    bool detailed = false;             // arrowheads: few edges, zoomed in enough to see them
    std::vector<int> order;            // services on screen in drawing order (most important last)
    std::vector<std::uint8_t> weights; // per node: drawing and labelling priority
    [[nodiscard]] int weight(int node) const { return weights[static_cast<std::size_t>(node)]; }
    [[nodiscard]] QPointF pos(int node) const { return at[static_cast<std::size_t>(node)]; }
};

namespace {

double errorShare(double rate, double errors) {
    return !std::isnan(errors) && rate > 0 ? std::clamp(errors / rate * 10, 0.0, 1.0) : 0.0;
}

QColor edgeColour(double err) {
    return QColor::fromRgbF(0.63 + 0.3 * err, 0.66 * (1 - err) + 0.1, 0.69 * (1 - err) + 0.1);
}

// The label grid: which 8-px cells a disc or a label holds. Each cell is -1 (nobody), a node's disc
// (its index) or -2 (a label).
class LabelGrid {
public:
    LabelGrid(int width, int height)
        : m_w(width / kGrid + 2)
        , m_h(height / kGrid + 2)
        , m_taken(static_cast<std::size_t>(m_w) * static_cast<std::size_t>(m_h), -1) {}
    // Whether the cells under `rc` are free, or `owner`'s own disc.
    [[nodiscard]] bool isFree(const QRectF &rc, int owner) { return visit(rc, false, owner); }
    // Claims the cells under `rc` for `owner` (a label, -2, takes them from discs too).
    void claim(const QRectF &rc, int owner) { visit(rc, true, owner); }

private:
    static constexpr int kGrid = 8;
    bool visit(const QRectF &rc, bool mark, int owner) {
        const int x0 = std::max(0, static_cast<int>(rc.left()) / kGrid);
        const int x1 = std::min(m_w - 1, static_cast<int>(rc.right()) / kGrid);
        const int y0 = std::max(0, static_cast<int>(rc.top()) / kGrid);
        const int y1 = std::min(m_h - 1, static_cast<int>(rc.bottom()) / kGrid);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) {
                int &t = m_taken[static_cast<std::size_t>(y) * static_cast<std::size_t>(m_w) +
                                 static_cast<std::size_t>(x)];
                if (!mark && t != -1 && t != owner)
                    return false;
                if (mark && (t == -1 || owner == -2))
                    t = owner;
            }
        return true;
    }
    int m_w, m_h;
    std::vector<int> m_taken;
};

} // namespace

void TopologyCanvas::paintServices(QPainter &p) {
    ServiceFrame f = serviceFrame();
    paintServiceEdges(p, f);
    serviceDrawOrder(f);
    paintServiceDiscs(p, f);
    paintServiceLabels(p, f);
    paintCauseName(p);
}

// Edge figures by (from, to), looked up once per snapshot and graph; and per node, per callee in the
// graph's order, so a frame walks edges without lookups.
void TopologyCanvas::refreshEdgeFigures() {
    if (m_figuresSnapshot == m_snapshot.get() && m_figuresGraph == m_graph.get())
        return;
    const auto nodeCount = m_servicePos.size();
    m_figures.clear();
    m_figures.reserve(m_snapshot->edges.size());
    for (const auto &e : m_snapshot->edges) {
        const int from = m_graph->service(e.from), to = m_graph->service(e.to);
        if (from >= 0 && to >= 0)
            m_figures[edgeKey(from, to)] = &e;
    }
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

TopologyCanvas::ServiceFrame TopologyCanvas::serviceFrame() {
    ServiceFrame f;
    f.view = QRectF(rect()).adjusted(-40, -40, 40, 40);
    f.health = m_health.size() == m_graph->nodes().size();
    f.nodes = m_servicePos.size();
    // Screen positions once per frame.
    f.at.resize(f.nodes);
    f.isService.assign(f.nodes, 0);
    for (std::size_t i = 0; i < f.nodes; ++i)
        if (m_graph->node(static_cast<int>(i)).kind == NodeKind::Service) {
            f.isService[i] = 1;
            f.at[i] = toScreen(m_servicePos[i]);
        }
    refreshEdgeFigures();
    for (std::size_t i = 0; i + 1 < m_path.size(); ++i)
        f.pathEdges.insert({m_path[i], m_path[i + 1]});
    for (std::size_t i = 0; i < f.nodes; ++i) {
        if (!f.isService[i])
            continue;
        const bool here = f.view.contains(f.at[i]);
        const auto &callees = m_graph->node(static_cast<int>(i)).callees;
        for (std::size_t k = 0; k < callees.size(); ++k) {
            const int c = callees[k];
            if (c != static_cast<int>(i) && (here || f.view.contains(f.pos(c))))
                f.edges.push_back({static_cast<int>(i), c, m_calleeFigures[m_calleeFigureStart[i] + k]});
        }
    }
    return f;
}

void TopologyCanvas::paintServiceEdges(QPainter &p, ServiceFrame &f) {
    constexpr std::size_t kMaxEdges = 2500; // above it edges are aggregated
    const bool aggregate = f.edges.size() > kMaxEdges;
    m_edgesHidden = 0;
    m_edgesAggregated = aggregate;
    f.detailed = !aggregate && m_scale * 0.3 >= 3; // arrows only where they can be seen
    p.setRenderHint(QPainter::Antialiasing, true);
    if (!aggregate) {
        for (const auto &e : f.edges)
            paintServiceEdge(p, f, e.from, e.to, false);
        return;
    }
    paintEdgeBundles(p, f);
    // What the operator follows stays individual: the blast radius and the path to the cause.
    if (!m_blast.nodes.empty() || !f.pathEdges.empty())
        for (const auto &e : f.edges)
            paintServiceEdge(p, f, e.from, e.to, true);
}

void TopologyCanvas::paintServiceEdge(QPainter &p, const ServiceFrame &f, int i, int c, bool emphasised) {
    const bool onPath = f.pathEdges.count({i, c}) > 0;
    const bool inBlast = m_blast.nodes.count(i) && m_blast.nodes.count(c);
    if (emphasised && !inBlast && !onPath)
        return; // the emphasis pass draws only blast-radius and path edges
    const auto figure = m_figures.find(edgeKey(i, c)); // few edges drawn one by one: a lookup each is fine
    const ServiceEdge *fig = figure == m_figures.end() ? nullptr : figure->second;
    double width = 1;
    QColor colour(0xa0, 0xa8, 0xb0);
    if (fig && !std::isnan(fig->requestsPerSecond)) {
        width = 1 + std::log10(1 + fig->requestsPerSecond);
        colour = edgeColour(errorShare(fig->requestsPerSecond, fig->errorsPerSecond));
    }
    if (inBlast)
        colour = QColor(kCause.red(), kCause.green(), kCause.blue(), 160);
    if (onPath) {
        colour = kPath;
        width += 2;
    }
    p.setPen(QPen(colour, width));
    // From edge of circle to edge of circle; an arrowhead at the callee: direction visible.
    const QPointF a = f.pos(i), b = f.pos(c);
    const QPointF d = b - a;
    const double len = std::hypot(d.x(), d.y());
    if (len < 1)
        return;
    const QPointF u = d / len;
    const QPointF from = a + u * serviceRadius(i) * m_scale;
    const QPointF to = b - u * serviceRadius(c) * m_scale;
    p.drawLine(from, to);
    if (f.detailed || emphasised) {
        const QPointF nrm(-u.y(), u.x());
        const double ah = 6 + width;
        QPolygonF head({to, to - u * ah + nrm * ah * 0.45, to - u * ah - nrm * ah * 0.45});
        p.setBrush(colour);
        p.drawPolygon(head);
    }
}

// Too many edges to tell apart: those between the same two 24-px cells become one line between their
// endpoints' centres, as wide as their number and coloured by their combined error rate.
void TopologyCanvas::paintEdgeBundles(QPainter &p, const ServiceFrame &f) {
    constexpr double kCell = 24;
    struct Bundle {
        int count = 0;
        double rate = 0, errors = 0;
        QPointF a, b; // sums of the endpoints
    };
    std::unordered_map<std::uint64_t, Bundle> bundles;
    bundles.reserve(f.edges.size());
    auto cellOf = [&](QPointF q) {
        const auto cx = static_cast<std::int32_t>(std::clamp(std::floor(q.x() / kCell), -30000.0, 30000.0));
        const auto cy = static_cast<std::int32_t>(std::clamp(std::floor(q.y() / kCell), -30000.0, 30000.0));
        return (static_cast<std::uint32_t>(cx + 32768) << 16) | static_cast<std::uint32_t>(cy + 32768);
    };
    for (const auto &e : f.edges) {
        const QPointF a = f.pos(e.from), b = f.pos(e.to);
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
}

// The services on screen in drawing order: alerting and marked services last, so they are never hidden
// under healthy ones.
void TopologyCanvas::serviceDrawOrder(ServiceFrame &f) {
    auto &order = f.order;
    order.reserve(f.nodes);
    for (std::size_t i = 0; i < f.nodes; ++i)
        if (f.isService[i] && f.view.contains(f.at[i]))
            order.push_back(static_cast<int>(i));
    f.weights.assign(f.nodes, 0);
    for (const int node : order) {
        const auto i = static_cast<std::size_t>(node);
        int w = f.health ? m_health[i].severity + 1 : 0;
        if (m_blast.nodes.count(node))
            w += 4;
        if (m_highlight.count(node) || node == m_selected)
            w += 8;
        f.weights[i] = static_cast<std::uint8_t>(w);
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return f.weight(a) < f.weight(b); });
    // A node whose centre lies under a node drawn over it is hidden anyway: from the top of the
    // drawing order down, one node per cell of about a disc's radius is kept (a dense map of ten
    // thousand services draws a few thousand discs, not all of them).
    if (order.size() <= 2000)
        return;
    const double cell = std::max(2.0, 1.2 * std::max(1.5, serviceRadius(order.front()) * m_scale));
    const int cw = static_cast<int>(width() / cell) + 12, ch = static_cast<int>(height() / cell) + 12;
    std::vector<char> covered(static_cast<std::size_t>(cw) * static_cast<std::size_t>(ch), 0);
    std::vector<int> kept;
    kept.reserve(order.size());
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const QPointF c = f.pos(*it);
        const int x = static_cast<int>((c.x() + 5 * cell) / cell),
                  y = static_cast<int>((c.y() + 5 * cell) / cell);
        if (x >= 0 && y >= 0 && x < cw && y < ch && f.weight(*it) < 4) {
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

// Below 3 px a node is a square without outline (tens of thousands stay cheap).
void TopologyCanvas::paintServiceDiscs(QPainter &p, const ServiceFrame &f) {
    for (const int node : f.order) {
        const auto i = static_cast<std::size_t>(node);
        const QPointF c = f.at[i];
        const double r = std::max(1.5, serviceRadius(node) * m_scale);
        const QColor fill = f.health ? healthColour(m_health[i], false) : kUnknown;
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
        if (f.health && m_health[i].hosts > 0 && m_health[i].down > 0) {
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
}

// Labels, placed greedily by importance (marked, blast radius, worst alert, most hosts): one that would
// overlap a label already placed is left out, so dense maps stay legible.
void TopologyCanvas::paintServiceLabels(QPainter &p, const ServiceFrame &f) {
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setFont(font());
    const QFontMetrics fm(font());
    std::vector<int> labelled;
    for (auto it = f.order.rbegin(); it != f.order.rend(); ++it)
        if (serviceRadius(*it) * m_scale >= 6 || f.weight(*it) >= 4)
            labelled.push_back(*it);
    std::stable_sort(labelled.begin(), labelled.end(), [&](int a, int b) {
        const int wa = f.weight(a), wb = f.weight(b);
        if (wa != wb)
            return wa > wb;
        return m_graph->node(a).members.size() > m_graph->node(b).members.size();
    });
    LabelGrid grid(width(), height());
    // Discs count as taken too (a label must not cover another service), except a label's own: about
    // the disc's inscribed square, so the corners of its box are free.
    for (const int node : f.order) {
        const double h = std::max(3.0, serviceRadius(node) * m_scale) * 0.75;
        const QPointF c = f.pos(node);
        grid.claim(QRectF(c.x() - h, c.y() - h, 2 * h, 2 * h), node);
    }
    int placed = 0;
    m_labelsHidden = 0;
    m_labelBoxes.clear();
    const MapTheme labelTheme = MapTheme::of(palette());
    const double charWidth = fm.averageCharWidth();
    int alternatives = 0; // labels tried beside the preferred place (measuring costs; bounded)
    for (const int node : labelled) {
        const auto i = static_cast<std::size_t>(node);
        const double r = std::max(3.0, serviceRadius(node) * m_scale);
        const QPointF c = f.at[i];
        const QPointF right = c + QPointF(r + 4, 4);
        // What the operator marked, and the blast radius, are always named (on a light plate where
        // they cover the map).
        const bool forced = f.weight(node) >= 4;
        // The name's first characters must have room on the right before the label is built and
        // measured (text measuring is the costly part, and most candidates on a dense map fail here);
        // the first few hundred that fail may still go left, above or below.
        const auto &name = m_graph->node(node).name;
        const QRectF probe(right.x(), right.y() - fm.ascent(),
                           charWidth * static_cast<double>(std::min<std::size_t>(name.size(), 4)),
                           fm.height());
        const bool rightFree = grid.isFree(probe, node);
        if (!forced && (placed >= 400 || (!rightFree && alternatives >= 300))) {
            ++m_labelsHidden;
            continue;
        }
        QString label = QString::fromStdString(name);
        if (f.health && m_health[i].hosts)
            label += QStringLiteral(" (%1/%2)").arg(m_health[i].up).arg(m_health[i].hosts);
        const double w = fm.horizontalAdvance(label);
        const QPointF places[] = {right, c + QPointF(-r - 4 - w, 4), c + QPointF(-w / 2, -r - 4),
                                  c + QPointF(-w / 2, r + 4 + fm.ascent())};
        std::optional<QPointF> origin;
        for (const QPointF &o : places) {
            if (grid.isFree(QRectF(o.x(), o.y() - fm.ascent(), w, fm.height()), node)) {
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
        grid.claim(box, -2);
        ++placed;
        m_labelBoxes.push_back(box);
        if (forced)
            p.fillRect(box.adjusted(-2, 0, 2, 0), labelTheme.plate(210));
        p.setPen(labelTheme.text);
        p.drawText(*origin, label);
    }
}

// The cause's own services carry the mark; the cause itself (a rack, a host, a service: a workload
// that fails by its own alerts is as much worth naming across the room) is named.
void TopologyCanvas::paintCauseName(QPainter &p) {
    if (m_blast.cause < 0 || m_blast.services.empty())
        return;
    p.setPen(kCause);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    const auto level = m_graph->levelName(m_blast.cause);
    p.drawText(QPointF(10, 20), tr("Root cause: %1 %2 — %n service(s) in the blast radius", nullptr,
                                   static_cast<int>(m_blast.services.size()))
                                    .arg(QString::fromUtf8(level.data(), static_cast<int>(level.size())),
                                         QString::fromStdString(m_graph->node(m_blast.cause).name)));
}

} // namespace vigil
