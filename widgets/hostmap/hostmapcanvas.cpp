#include "hostmap/hostmapcanvas.h"

#include "hostmap/hostmaptiles.h"

#include "common/colorscale.h"
#include "common/format.h"
#include "common/maptheme.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {
// The group titles' font: the canvas's, a little smaller.
QFont titleFont(QFont f) {
    f.setPointSizeF(f.pointSizeF() * 0.8);
    return f;
}

// The layout depends on the hosts and their labels only; the analyzer keeps the same graph while
// those hold, so the graph's identity (and the host count) says when to lay out again.
std::uint64_t identity(const FleetSnapshot &s) {
    return reinterpret_cast<std::uintptr_t>(s.graph.get()) ^
           (static_cast<std::uint64_t>(s.hosts.size()) << 48);
}

} // namespace

HostMapCanvas::HostMapCanvas(QWidget *parent)
    : QWidget(parent)
    , m_layout(std::make_shared<analysis::HostMapLayout>()) {
    setMouseTracking(true);
    setMinimumSize(200, 120);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Host map"));
}

void HostMapCanvas::setMarkedHosts(std::vector<std::string> hosts) {
    std::sort(hosts.begin(), hosts.end());
    m_marked = std::move(hosts);
    indexMarks();
    update();
}

void HostMapCanvas::indexMarks() {
    m_markedIdx.clear();
    if (!m_shown)
        return;
    for (const auto &name : m_marked) // hosts are sorted by name: a binary search each
        if (const Host *h = m_shown->host(name))
            m_markedIdx.push_back(static_cast<int>(h - m_shown->hosts.data()));
}

void HostMapCanvas::setSnapshot(FleetSnapshotPtr snapshot) {
    m_snapshot = std::move(snapshot);
    m_stale = m_snapshot && m_snapshot->anyStale(m_snapshot->now());
    if (!m_snapshot || identity(*m_snapshot) != m_laidOutFor)
        relayout();
    else
        recolor();
}

void HostMapCanvas::setMetric(int metric) {
    m_metric = metric;
    recolor();
}

void HostMapCanvas::setLevel(int level) {
    m_level = level;
    relayout();
}

void HostMapCanvas::resizeEvent(QResizeEvent *) {
    relayout();
}

void HostMapCanvas::relayout() {
    // Made with the next tiles; until they arrive the shown ones stay, with their own layout.
    m_needLayout = true;
    m_laidOutFor = m_snapshot ? identity(*m_snapshot) : 0;
    recolor();
}

void HostMapCanvas::setSizeMetric(int metric) {
    m_sizeMetric = metric;
    recolor();
}

void HostMapCanvas::setFilter(std::optional<LabelFilter> filter) {
    m_filter = std::move(filter);
    recolor();
}

void HostMapCanvas::setRange(double lo, double hi) {
    m_lo = lo;
    m_hi = hi;
    recolor();
}

void HostMapCanvas::recolor() {
    // Every tile's colour, once per data change, into one image; paint only blits it. Passes over every
    // host (the layout when the hosts or the size changed, the colours, the automatic range): on the
    // interactive pool for a large fleet (the newest request wins), at once for a small one.
    const MapTheme theme = MapTheme::of(palette()); // light, or dark on the wall
    m_ground = theme.ground.rgb();
    m_filteredOut = theme.filteredOut.rgb();
    TilePaint r;
    r.snapshot = m_snapshot;
    // A layout already made is for the hosts of the snapshot shown, the same hosts in the same order.
    if (!m_needLayout)
        r.layout = m_layout;
    if (m_snapshot && m_snapshot->graph) {
        const int depth = static_cast<int>(m_snapshot->graph->hierarchy().size());
        r.level = m_level >= 0 ? m_level : std::max(0, depth - 1);
    }
    r.size = QSize(std::max(1, width()), std::max(1, height() - legendHeight()));
    r.titleHeight = QFontMetrics(titleFont(font())).height() + 2; // the wall's type is larger
    r.metric = m_metric;
    r.sizeMetric = m_sizeMetric;
    r.filter = m_filter;
    r.lo = m_lo;
    r.hi = m_hi;
    r.stale = m_stale;
    r.ground = m_ground;
    r.filteredOut = m_filteredOut;
    const bool small = !m_snapshot || m_snapshot->hosts.size() < kHostsPaintedAtOnce;
    m_jobs.runOrInline(
        small, JobRunner::Pool::Interactive, QStringLiteral("tiles"), "laying out the host map", this,
        [r = std::move(r)](const CancelToken &) { return paintTiles(r); },
        [this](PaintedTiles tiles) { showTiles(std::move(tiles)); });
}

void HostMapCanvas::showTiles(PaintedTiles tiles) {
    // Only the newest request's tiles arrive: its layout is the one to keep.
    m_needLayout = false;
    m_shown = std::move(tiles.snapshot);
    m_layout = std::move(tiles.layout);
    m_image = std::move(tiles.image);
    m_matching = tiles.matching;
    m_shownHi = tiles.hi;
    indexMarks();
    if (!m_currentName.empty()) { // the cursor stays on its host, wherever the host now is
        const HostList &hosts = m_shown ? m_shown->hosts : HostList();
        if (m_current < 0 || m_current >= static_cast<int>(hosts.size()) ||
            hosts[static_cast<std::size_t>(m_current)].name != m_currentName) {
            const auto it = std::find_if(hosts.begin(), hosts.end(),
                                         [this](const Host &h) { return h.name == m_currentName; });
            m_current = it == hosts.end() ? -1 : static_cast<int>(it - hosts.begin());
        }
    }
    update();
    Q_EMIT recoloured();
}

void HostMapCanvas::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.fillRect(rect(), QColor::fromRgb(m_ground));
    p.drawImage(0, 0, m_image);
    // Group titles where there is room for them.
    if (m_layout->titleHeight > 0) {
        const QFont f = titleFont(font());
        p.setFont(f);
        p.setPen(MapTheme::of(palette()).text);
        const QFontMetrics fm(f);
        for (const auto &g : m_layout->groups)
            p.drawText(QRect(g.x, g.y, std::max(g.w, 40), m_layout->titleHeight),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(QString::fromStdString(g.title), Qt::ElideLeft, std::max(g.w, 40)));
    }
    p.setFont(font());
    // Hosts selected elsewhere: an amber ring around each tile (around the shared pixel when folded).
    if (!m_markedIdx.empty() && m_layout->tile > 0) {
        p.setPen(QPen(QColor(0xf0, 0x90, 0x00), m_layout->tile >= 6 ? 2 : 1));
        p.setBrush(Qt::NoBrush);
        const int t = m_layout->tile;
        for (const int i : m_markedIdx) {
            const auto k = static_cast<std::size_t>(i);
            if (k >= m_layout->tileX.size() || m_layout->tileX[k] < 0)
                continue;
            p.drawRect(QRect(m_layout->tileX[k] - 1, m_layout->tileY[k] - 1, t + 1, t + 1));
        }
    }
    // Legend: the scale, its range, and the special colours, on one line as high as the font needs.
    const QFontMetrics fm = p.fontMetrics();
    const int mid = height() - legendHeight() / 2;
    const int box = std::max(12, fm.ascent() * 3 / 4);                          // a swatch
    const int y = mid - box / 2, base = mid + (fm.ascent() - fm.descent()) / 2; // the text's baseline
    const int bar = std::max(200, box * 16);
    const auto &scale = ColorScale::viridis();
    for (int x = 0; x < bar; ++x) {
        p.setPen(QColor::fromRgb(scale.at(x / double(bar - 1))));
        p.drawLine(8 + x, y, 8 + x, y + box);
    }
    p.setPen(palette().color(QPalette::WindowText));
    QString range;
    if (m_shown && static_cast<std::size_t>(m_metric) < m_shown->metrics.size()) {
        const MetricUnit unit = m_shown->metrics[static_cast<std::size_t>(m_metric)].unit;
        range = QStringLiteral("%1 – %2").arg(format::metric(m_lo, unit), format::metric(rangeHi(), unit));
        if (std::isnan(m_hi) && unit != MetricUnit::Ratio)
            range += QStringLiteral(" ") + tr("(95th percentile)");
    }
    // Each item after the one before it, in this font and language ("ausgefallen" is longer than "down").
    const int gap = box + 4;
    int x = 8 + bar + 8;
    p.drawText(QPoint(x, base), range);
    x = std::max(x + 204, x + fm.horizontalAdvance(range) + 16);
    p.fillRect(QRect(x, y, box, box), QColor::fromRgb(kTileDown));
    if (MapTheme::of(palette()).dark) { // black on a dark ground: framed
        p.setPen(MapTheme::of(palette()).muted);
        p.drawRect(QRect(x, y, box - 1, box - 1));
        p.setPen(palette().color(QPalette::WindowText));
    }
    const QString down = tr("down"), noValue = tr("no value");
    p.drawText(QPoint(x + gap, base), down);
    x += gap + fm.horizontalAdvance(down) + 16;
    p.fillRect(QRect(x, y, box, box), QColor::fromRgb(kTileNoValue));
    p.drawText(QPoint(x + gap, base), noValue);
    x += gap + fm.horizontalAdvance(noValue) + 24;
    if (m_layout->hostsPerTile > 1) {
        const QString fold = tr("1 px = %1 hosts (worst shown)").arg(m_layout->hostsPerTile);
        p.drawText(QPoint(x, base), fold);
        x += fm.horizontalAdvance(fold) + 16;
    }
    if (m_stale) {
        p.setPen(QColor(0xc0, 0x30, 0x30));
        p.drawText(QPoint(x, base), tr("STALE: the data is older than two poll intervals"));
    }
    if (hasFocus())
        paintCursor(p);
}

int HostMapCanvas::legendHeight() const {
    return std::max(28, fontMetrics().height() + 10);
}

const Host *HostMapCanvas::hostAt(QPoint pt) const {
    if (!m_shown)
        return nullptr;
    const int i = m_layout->hostAt(pt.x(), pt.y());
    return i >= 0 && static_cast<std::size_t>(i) < m_shown->hosts.size()
               ? &m_shown->hosts[static_cast<std::size_t>(i)]
               : nullptr;
}

QString HostMapCanvas::describe(const Host &h) const {
    QString text = QStringLiteral("<b>%1</b>").arg(QString::fromStdString(h.name).toHtmlEscaped());
    if (h.up == UpState::Down)
        text += QStringLiteral(" — ") + tr("down");
    for (std::size_t m = 0; m < m_shown->metrics.size() && m < h.metrics.size(); ++m)
        text += QStringLiteral("<br>%1: %2")
                    .arg(QString::fromStdString(m_shown->metrics[m].title).toHtmlEscaped(),
                         format::metric(h.metrics[m], m_shown->metrics[m].unit));
    if (const int alerts = m_shown->activeAlertsOn(h); alerts > 0)
        text += QStringLiteral("<br>") + tr("%n active alert(s)", nullptr, alerts);
    return text;
}

bool HostMapCanvas::event(QEvent *e) {
    if (e->type() == QEvent::PaletteChange)
        recolor(); // the ground follows the palette (the wall's is dark)
    if (e->type() == QEvent::FontChange)
        relayout(); // the title strips and the legend follow the type (the wall's is larger)
    // Tabbed to: the cursor shows where the keys start (not when the focus just lands, as on the wall).
    if (e->type() == QEvent::FocusIn && m_current < 0 &&
        (static_cast<QFocusEvent *>(e)->reason() == Qt::TabFocusReason ||
         static_cast<QFocusEvent *>(e)->reason() == Qt::BacktabFocusReason))
        setCurrentHost(neighbour(-1, Qt::Key_Home));
    else if (e->type() == QEvent::FocusIn || e->type() == QEvent::FocusOut)
        update(); // the cursor's ring only while the map has the focus
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        if (const Host *h = hostAt(help->pos()))
            QToolTip::showText(help->globalPos(), describe(*h), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void HostMapCanvas::mouseReleaseEvent(QMouseEvent *e) {
    if (e->button() != Qt::LeftButton)
        return;
    if (const Host *h = hostAt(e->position().toPoint())) {
        setCurrentHost(static_cast<int>(h - m_shown->hosts.data())); // the keyboard goes on from here
        Q_EMIT hostActivated(QString::fromStdString(h->name));
    }
}

void HostMapCanvas::setCurrentHost(int index) {
    const int n = m_shown ? static_cast<int>(m_shown->hosts.size()) : 0;
    m_current = index >= 0 && index < n ? index : -1;
    m_currentName = m_current >= 0 ? m_shown->hosts[static_cast<std::size_t>(m_current)].name : std::string();
    if (m_current >= 0)
        setAccessibleDescription(describe(m_shown->hosts[static_cast<std::size_t>(m_current)]));
    update();
}

int HostMapCanvas::neighbour(int from, int key) const {
    // Tile order: the groups' hosts, group after group.
    std::vector<int> order;
    for (const auto &g : m_layout->groups)
        order.insert(order.end(), g.hosts.begin(), g.hosts.end());
    if (order.empty())
        return -1;
    const auto at = std::find(order.begin(), order.end(), from);
    if (at == order.end() || key == Qt::Key_Home)
        return order.front();
    if (key == Qt::Key_End)
        return order.back();
    if (key == Qt::Key_Right)
        return std::next(at) == order.end() ? from : *std::next(at);
    if (key == Qt::Key_Left)
        return at == order.begin() ? from : *std::prev(at);
    // Up and Down: the nearest row that way, and in it the tile nearest in x.
    const auto f = static_cast<std::size_t>(from);
    const int fx = m_layout->tileX[f], fy = m_layout->tileY[f];
    int best = from;
    long bestDy = 0, bestDx = 0;
    for (int h : order) {
        const auto i = static_cast<std::size_t>(h);
        const long dy = key == Qt::Key_Up ? fy - m_layout->tileY[i] : m_layout->tileY[i] - fy;
        const long dx = std::abs(m_layout->tileX[i] - fx);
        if (dy <= 0)
            continue;
        if (best == from || dy < bestDy || (dy == bestDy && dx < bestDx)) {
            best = h;
            bestDy = dy;
            bestDx = dx;
        }
    }
    return best;
}

void HostMapCanvas::keyPressEvent(QKeyEvent *e) {
    const int key = e->key();
    if ((key == Qt::Key_Return || key == Qt::Key_Enter) && m_current >= 0) {
        Q_EMIT hostActivated(QString::fromStdString(m_currentName));
        return;
    }
    if (key != Qt::Key_Left && key != Qt::Key_Right && key != Qt::Key_Up && key != Qt::Key_Down &&
        key != Qt::Key_Home && key != Qt::Key_End) {
        QWidget::keyPressEvent(e);
        return;
    }
    const int next = neighbour(m_current, key);
    if (next < 0)
        return;
    setCurrentHost(next);
    // What the pointer's tooltip would say, beside the tile.
    const auto i = static_cast<std::size_t>(next);
    if (i < m_layout->tileX.size() && m_layout->tileX[i] >= 0)
        QToolTip::showText(
            mapToGlobal(QPoint(m_layout->tileX[i] + m_layout->tile, m_layout->tileY[i] + m_layout->tile)),
            describe(m_shown->hosts[i]), this);
}

void HostMapCanvas::paintCursor(QPainter &p) const {
    const auto i = static_cast<std::size_t>(m_current);
    if (m_current < 0 || i >= m_layout->tileX.size() || m_layout->tileX[i] < 0)
        return;
    // A ring around the tile, at least 8 px across however small the tiles are.
    const int edge = std::max(8, m_layout->tile + 3);
    const QPoint centre(m_layout->tileX[i] + m_layout->tile / 2, m_layout->tileY[i] + m_layout->tile / 2);
    const QRect ring = QRect(centre.x() - edge / 2, centre.y() - edge / 2, edge, edge)
                           .intersected(rect().adjusted(1, 1, -2, -2)); // whole, at the edges too
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor::fromRgb(m_ground), 3));
    p.drawRect(ring);
    p.setPen(QPen(palette().color(QPalette::Highlight), 2));
    p.drawRect(ring);
}

} // namespace vigil
