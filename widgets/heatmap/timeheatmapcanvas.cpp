#include "heatmap/timeheatmapcanvas.h"

#include "common/colorscale.h"
#include "common/format.h"
#include "common/maptheme.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace vigil {

namespace {
constexpr int kGutter = 180; // host names / group titles
constexpr int kAxis = 20;    // time labels
constexpr int kLegend = 28;
constexpr QRgb kNoData = 0xffc8c8c8;

// pk[i] = max(pk[i], line[i]), 16 bytes at a time (GCC/Clang vector extension: -O2 would not
// vectorise the plain loop, and this is the heatmap's innermost loop).
void peakInto(std::uint8_t *__restrict pk, const std::uint8_t *__restrict line, int n) {
    using V16 = std::uint8_t __attribute__((vector_size(16)));
    int i = 0;
    for (; i + 16 <= n; i += 16) {
        V16 a, b;
        std::memcpy(&a, pk + i, 16);
        std::memcpy(&b, line + i, 16);
        a = a > b ? a : b;
        std::memcpy(pk + i, &a, 16);
    }
    for (; i < n; ++i)
        pk[i] = pk[i] > line[i] ? pk[i] : line[i];
}

QRgb dim(QRgb c) {
    return qRgb((qRed(c) + 2 * 0xb0) / 3, (qGreen(c) + 2 * 0xb0) / 3, (qBlue(c) + 2 * 0xb0) / 3);
}
} // namespace

TimeHeatmapCanvas::TimeHeatmapCanvas(QWidget *parent)
    : QWidget(parent) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Utilization heatmap"));
    setMinimumSize(kGutter + 200, kAxis + kLegend + 100);
    setAttribute(Qt::WA_OpaquePaintEvent);
    buildLut();
}

void TimeHeatmapCanvas::buildLut() {
    const auto &scale = ColorScale::viridis();
    m_lut[0] = kNoData;
    for (int i = 1; i < 256; ++i)
        m_lut[static_cast<std::size_t>(i)] = scale.at((i - 1) / 254.0);
    if (m_stale)
        for (auto &c : m_lut)
            c = dim(c);
}

void TimeHeatmapCanvas::setRows(std::shared_ptr<const analysis::HeatRows> rows, MetricUnit unit) {
    const bool sameShape =
        m_rows && rows && m_rows->rows() == rows->rows() && m_rows->buckets() == rows->buckets();
    m_rows = std::move(rows);
    m_unit = unit;
    computeMarks();
    if (!sameShape)
        resetView(); // a new range or filter: show all of it; a refresh keeps the operator's zoom
    else
        rasterize();
}

void TimeHeatmapCanvas::setMarkedHosts(std::vector<std::string> hosts) {
    m_markedHosts = std::move(hosts);
    computeMarks();
    rasterize();
}

void TimeHeatmapCanvas::computeMarks() {
    m_markedRows.clear();
    if (!m_rows || !m_rows->grid || m_markedHosts.empty())
        return;
    for (int r = 0; r < m_rows->rows(); ++r) {
        const auto &name =
            m_rows->grid->hosts[static_cast<std::size_t>(m_rows->order[static_cast<std::size_t>(r)])];
        if (std::binary_search(m_markedHosts.begin(), m_markedHosts.end(), name))
            m_markedRows.push_back(r);
    }
}

int TimeHeatmapCanvas::markedRows() const {
    return static_cast<int>(m_markedRows.size());
}

bool TimeHeatmapCanvas::revealMarked() {
    if (m_markedRows.empty())
        return false;
    const int first = m_markedRows.front();
    if (first < m_rowTop || first >= m_rowTop + m_rowCount)
        setRowWindow(std::max(0.0, first - m_rowCount / 4), m_rowCount);
    return true;
}

void TimeHeatmapCanvas::setStale(bool stale) {
    if (stale == m_stale)
        return;
    m_stale = stale;
    buildLut();
    rasterize();
}

void TimeHeatmapCanvas::resetView() {
    m_b0 = 0;
    m_b1 = m_rows ? std::max(1, m_rows->buckets()) : 1;
    m_rowTop = 0;
    m_rowCount = m_rows ? std::max(1, m_rows->rows()) : 1;
    rasterize();
    Q_EMIT windowChanged();
}

void TimeHeatmapCanvas::setTimeWindow(double first, double last) {
    const double n = m_rows ? std::max(1, m_rows->buckets()) : 1;
    const double span = std::clamp(last - first, std::min(4.0, n), n);
    m_b0 = std::clamp(first, 0.0, n - span);
    m_b1 = m_b0 + span;
    rasterize();
    Q_EMIT windowChanged();
}

void TimeHeatmapCanvas::setRowWindow(double top, double count) {
    const double n = m_rows ? std::max(1, m_rows->rows()) : 1;
    const double span = std::clamp(count, std::min(3.0, n), n);
    m_rowTop = std::clamp(top, 0.0, n - span);
    m_rowCount = span;
    rasterize();
    Q_EMIT windowChanged();
}

QRect TimeHeatmapCanvas::plotRect() const {
    return {kGutter, kAxis, std::max(1, width() - kGutter - 8), std::max(1, height() - kAxis - kLegend)};
}

void TimeHeatmapCanvas::resizeEvent(QResizeEvent *) {
    rasterize();
}

void TimeHeatmapCanvas::ensureFrame() {
    if (m_frame.size() == size() && !m_image.isNull())
        return;
    m_ground = MapTheme::of(palette()).ground.rgb(); // light, or dark on the wall
    m_frame = QImage(size(), QImage::Format_RGB32);
    m_frame.fill(m_ground);
    // The plot is a window onto the frame's memory: rasterised in place, never copied.
    const QRect plot = plotRect().intersected(m_frame.rect());
    const auto bpl = m_frame.bytesPerLine();
    m_image = QImage(m_frame.bits() + plot.top() * bpl + plot.left() * 4, plot.width(), plot.height(), bpl,
                     QImage::Format_RGB32);
}

void TimeHeatmapCanvas::rasterize() {
    ensureFrame();
    if (!m_rows || m_rows->rows() == 0 || m_rows->buckets() == 0) {
        m_image.fill(m_ground);
        compose();
        update();
        return;
    }
    const int W = m_image.width(), H = m_image.height();
    const int rows = m_rows->rows(), buckets = m_rows->buckets();
    // Column -> bucket span, once per frame.
    std::vector<int> c0(static_cast<std::size_t>(W)), c1(static_cast<std::size_t>(W));
    const double bPerPx = (m_b1 - m_b0) / W;
    for (int x = 0; x < W; ++x) {
        const int a = std::clamp(static_cast<int>(m_b0 + x * bPerPx), 0, buckets - 1);
        const int b = std::clamp(static_cast<int>(m_b0 + (x + 1) * bPerPx), a + 1, buckets);
        c0[static_cast<std::size_t>(x)] = a;
        c1[static_cast<std::size_t>(x)] = b;
    }
    // Rows first: the peak of the rows folded into a pixel row, over the visible buckets (a plain byte
    // max the compiler vectorises); then columns: each pixel's buckets, through the colour table.
    const int cmin = c0.front(), cmax = c1.back();
    bool oneBucketPerPixel = true;
    for (int x = 0; x < W; ++x)
        oneBucketPerPixel =
            oneBucketPerPixel && c1[static_cast<std::size_t>(x)] == c0[static_cast<std::size_t>(x)] + 1;
    int filledTo = 0;
    std::vector<std::uint8_t> peak(static_cast<std::size_t>(buckets));
    const double rPerPx = m_rowCount / H;
    int prevR0 = -1, prevR1 = -1;
    for (int y = 0; y < H; ++y) {
        const int r0 = static_cast<int>(m_rowTop + y * rPerPx);
        if (r0 >= rows)
            break;
        const int r1 = std::clamp(static_cast<int>(m_rowTop + (y + 1) * rPerPx), r0 + 1, rows);
        auto *out = reinterpret_cast<QRgb *>(m_image.scanLine(y));
        if (r0 == prevR0 && r1 == prevR1) { // a row taller than a pixel: same line again
            std::copy_n(reinterpret_cast<const QRgb *>(m_image.constScanLine(y - 1)), W, out);
            filledTo = y + 1;
            continue;
        }
        prevR0 = r0;
        prevR1 = r1;
        std::uint8_t *__restrict pk = peak.data();
        std::copy(m_rows->line(r0) + cmin, m_rows->line(r0) + cmax, pk + cmin);
        for (int r = r0 + 1; r < r1; ++r)
            peakInto(pk + cmin, m_rows->line(r) + cmin, cmax - cmin);
        if (oneBucketPerPixel) {
            for (int x = 0; x < W; ++x)
                out[x] = m_lut[pk[c0[static_cast<std::size_t>(x)]]];
        } else {
            for (int x = 0; x < W; ++x) {
                const int a = c0[static_cast<std::size_t>(x)], e = c1[static_cast<std::size_t>(x)];
                std::uint8_t m = pk[a];
                for (int b = a + 1; b < e; ++b)
                    m = std::max(m, pk[b]);
                out[x] = m_lut[m];
            }
        }
        filledTo = y + 1;
    }
    for (int y = filledTo; y < H; ++y) // below the last host
        std::fill_n(reinterpret_cast<QRgb *>(m_image.scanLine(y)), W, m_ground);
    compose();
    update();
}

int TimeHeatmapCanvas::rowAt(QPoint p) const {
    const QRect plot = plotRect();
    if (!m_rows || p.y() < plot.top() || p.y() > plot.bottom())
        return -1;
    const int r = static_cast<int>(m_rowTop + (p.y() - plot.top()) * m_rowCount / plot.height());
    return r >= 0 && r < m_rows->rows() ? r : -1;
}

int TimeHeatmapCanvas::bucketAt(QPoint p) const {
    const QRect plot = plotRect();
    if (!m_rows || p.x() < plot.left() || p.x() > plot.right())
        return -1;
    const int b = static_cast<int>(m_b0 + (p.x() - plot.left()) * (m_b1 - m_b0) / plot.width());
    return b >= 0 && b < m_rows->buckets() ? b : -1;
}

QString TimeHeatmapCanvas::describe(int row, int bucket) const {
    const auto &g = *m_rows->grid;
    const auto gridRow = static_cast<std::size_t>(m_rows->order[static_cast<std::size_t>(row)]);
    const float v = g.at(gridRow, bucket);
    const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(g.bucketStart(bucket));
    const QDateTime t1 = QDateTime::fromMSecsSinceEpoch(g.bucketStart(bucket + 1));
    QString text =
        QStringLiteral("<b>%1</b><br>%2 – %3<br>")
            .arg(QString::fromStdString(g.hosts[gridRow]).toHtmlEscaped(),
                 t0.toString(QStringLiteral("yyyy-MM-dd HH:mm")), t1.toString(QStringLiteral("HH:mm")));
    text += std::isnan(v) ? tr("no data") : format::metric(v, m_unit);
    // Folded rows: say so, the colour is their peak.
    const QRect plot = plotRect();
    const double rowsPerPx = m_rowCount / plot.height();
    if (rowsPerPx > 1)
        text += QStringLiteral("<br><i>") +
                tr("each pixel row here holds %1 hosts; its colour is their peak").arg(std::ceil(rowsPerPx)) +
                QStringLiteral("</i>");
    return text;
}

bool TimeHeatmapCanvas::event(QEvent *e) {
    if (e->type() == QEvent::PaletteChange) {
        m_image = QImage(); // the ground follows the palette (the wall's is dark): a new frame
        m_frame = QImage();
        rasterize();
    }
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const int r = rowAt(help->pos()), b = bucketAt(help->pos());
        if (r >= 0 && b >= 0)
            QToolTip::showText(help->globalPos(), describe(r, b), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void TimeHeatmapCanvas::setCursorTime(TimeMs t) {
    if (t == m_cursorTime)
        return;
    m_cursorTime = t;
    update();
}

void TimeHeatmapCanvas::paintEvent(QPaintEvent *e) {
    QPainter p(this);
    if (m_frame.size() != size())
        rasterize();
    p.drawImage(e->rect(), m_frame, e->rect()); // only what was exposed
    if (m_cursorTime > 0 && m_rows && m_rows->grid && m_b1 > m_b0) {
        const QRect plot = plotRect();
        const double bucket = static_cast<double>(m_cursorTime - m_rows->grid->from) /
                              static_cast<double>(m_rows->grid->stepMs);
        const double x = plot.left() + (bucket - m_b0) / (m_b1 - m_b0) * plot.width();
        if (x >= plot.left() && x <= plot.right() + 1) {
            p.setPen(QPen(QColor(255, 255, 255), 3));
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            p.setPen(QPen(QColor(20, 90, 200), 1.5));
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
    }
    // A time selection in progress.
    if (m_dragFrom >= 0 && m_dragTo >= 0) {
        const QRect plot = plotRect();
        const int a = std::min(m_dragFrom, m_dragTo), b = std::max(m_dragFrom, m_dragTo);
        p.fillRect(QRect(a, plot.top(), b - a, plot.height()), QColor(255, 255, 255, 90));
        p.setPen(QColor(255, 255, 255));
        p.drawRect(QRect(a, plot.top(), b - a, plot.height()));
    }
}

// Time axis: labels at least 110 px apart, at round times (whole minutes, hours or days; seconds only
// when the view spans a few minutes), so no two labels read the same.
void TimeHeatmapCanvas::paintTimeAxis(QPainter &p, const QRect &plot) {
    p.setPen(MapTheme::of(palette()).text);
    const auto &g = *m_rows->grid;
    const TimeMs t0 = g.from + static_cast<TimeMs>(m_b0 * g.stepMs);
    const TimeMs t1 = g.from + static_cast<TimeMs>(m_b1 * g.stepMs);
    if (t1 > t0 && plot.width() > 0) {
        const double msPerPx = static_cast<double>(t1 - t0) / plot.width();
        static constexpr TimeMs kSteps[] = {10'000,      15'000,     30'000,     60'000,     120'000,
                                            300'000,     600'000,    900'000,    1'800'000,  3'600'000,
                                            7'200'000,   10'800'000, 21'600'000, 43'200'000, 86'400'000,
                                            172'800'000, 604'800'000};
        TimeMs step = kSteps[std::size(kSteps) - 1];
        for (const TimeMs s : kSteps)
            if (static_cast<double>(s) / msPerPx >= 110) {
                step = s;
                break;
            }
        const QString format = step >= 86'400'000         ? QStringLiteral("MM-dd")
                               : t1 - t0 > 2 * 86'400'000 ? QStringLiteral("MM-dd HH:mm")
                               : step < 60'000            ? QStringLiteral("HH:mm:ss")
                                                          : QStringLiteral("HH:mm");
        // Round in local time, as the labels and the hover read.
        const TimeMs offset = static_cast<TimeMs>(QDateTime::fromMSecsSinceEpoch(t0).offsetFromUtc()) * 1000;
        for (TimeMs t = (t0 + offset + step - 1) / step * step - offset; t < t1; t += step) {
            const int x = static_cast<int>(static_cast<double>(t - t0) / msPerPx);
            if (x > plot.width() - 60)
                break;
            p.drawLine(plot.left() + x, plot.top() - 4, plot.left() + x, plot.top());
            p.drawText(QPoint(plot.left() + x + 2, plot.top() - 6),
                       QDateTime::fromMSecsSinceEpoch(t).toString(format));
        }
    }
}

// Legend: the scale and its range, no data, folding, staleness.
void TimeHeatmapCanvas::paintLegend(QPainter &p, const QRect &plot) {
    const int y = height() - kLegend + 8;
    QImage ramp(200, 12, QImage::Format_RGB32);
    for (int ry = 0; ry < 12; ++ry) {
        auto *line = reinterpret_cast<QRgb *>(ramp.scanLine(ry));
        for (int x = 0; x < 200; ++x)
            line[x] = m_lut[static_cast<std::size_t>(1 + x * 254 / 199)];
    }
    p.drawImage(kGutter, y, ramp);
    p.setPen(palette().color(QPalette::WindowText));
    p.setFont(font());
    QString legend =
        QStringLiteral("%1 – %2").arg(format::metric(m_rows->lo, m_unit), format::metric(m_rows->hi, m_unit));
    p.drawText(QPoint(kGutter + 208, y + 11), legend);
    int x = kGutter + 208 + p.fontMetrics().horizontalAdvance(legend) + 16;
    p.fillRect(QRect(x, y, 12, 12), QColor::fromRgb(m_lut[0]));
    p.drawText(QPoint(x + 16, y + 11), tr("no data"));
    x += 16 + p.fontMetrics().horizontalAdvance(tr("no data")) + 16;
    if (m_rowCount / plot.height() > 1) {
        const QString fold = tr("1 px = %1 hosts (peak)").arg(std::ceil(m_rowCount / plot.height()));
        p.drawText(QPoint(x, y + 11), fold);
        x += p.fontMetrics().horizontalAdvance(fold) + 16;
    }
    if (m_stale) {
        p.setPen(QColor(0xc0, 0x30, 0x30));
        p.drawText(QPoint(x, y + 11), tr("STALE: the data is older than two poll intervals"));
    }
}

void TimeHeatmapCanvas::compose() {
    // The whole widget (plot, labels, axis, legend) into one image when the data or the window changes;
    // a repaint then only copies the exposed part.
    ensureFrame();
    QPainter p(&m_frame);
    const QRect plot = plotRect();
    // Everything but the plot, which rasterize() has just filled in place.
    const QColor bg = QColor::fromRgb(m_ground);
    const MapTheme theme = MapTheme::of(palette());
    p.fillRect(QRect(0, 0, width(), plot.top()), bg);
    p.fillRect(QRect(0, plot.top(), plot.left(), plot.height()), bg);
    p.fillRect(QRect(plot.right() + 1, plot.top(), width() - plot.right() - 1, plot.height()), bg);
    p.fillRect(QRect(0, plot.bottom() + 1, width(), height() - plot.bottom() - 1), bg);
    if (!m_rows || !m_rows->grid) {
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(plot, Qt::AlignCenter, tr("Loading history…"));
        return;
    }
    const auto &g = *m_rows->grid;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    p.setFont(small);
    const QFontMetrics fm(small);
    const double pxPerRow = plot.height() / m_rowCount;
    p.setPen(theme.text);
    // Left gutter: host names when rows are tall enough, else the group titles at their bands.
    if (pxPerRow >= fm.height()) {
        for (int r = static_cast<int>(m_rowTop); r < m_rows->rows() && r < m_rowTop + m_rowCount + 1; ++r) {
            const int y = plot.top() + static_cast<int>((r - m_rowTop) * pxPerRow);
            const auto &name = g.hosts[static_cast<std::size_t>(m_rows->order[static_cast<std::size_t>(r)])];
            p.drawText(QRect(4, y, kGutter - 8, static_cast<int>(pxPerRow)),
                       Qt::AlignRight | Qt::AlignVCenter,
                       fm.elidedText(QString::fromStdString(name), Qt::ElideMiddle, kGutter - 8));
        }
    }
    // Rows selected in another view: an amber tick left of the plot (one per pixel row when folded).
    if (!m_markedRows.empty()) {
        const QColor amber(0xf0, 0x90, 0x00);
        int lastY = -1;
        for (const int r : m_markedRows) {
            if (r + 1 < m_rowTop || r > m_rowTop + m_rowCount)
                continue;
            const int y = plot.top() + static_cast<int>((r - m_rowTop) * pxPerRow);
            if (y == lastY)
                continue;
            lastY = y;
            p.fillRect(QRect(plot.left() - 4, y, 4, std::max(1, static_cast<int>(pxPerRow))), amber);
        }
    }
    int lastLabelY = -100;
    for (const auto &band : m_rows->bands) {
        const double y0 = plot.top() + (band.first - m_rowTop) * pxPerRow;
        const double h = band.count * pxPerRow;
        if (y0 + h < plot.top() || y0 > plot.bottom())
            continue;
        if (y0 >= plot.top() && band.first > 0 && h >= 6) { // a separator only where it hides nothing
            p.setPen(theme.dark ? theme.ground : QColor(0xff, 0xff, 0xff));
            p.drawLine(plot.left(), static_cast<int>(y0), plot.right(), static_cast<int>(y0));
        }
        if (pxPerRow < fm.height() && y0 - lastLabelY >= fm.height() && !band.title.empty()) {
            p.setPen(theme.text);
            const int ty = std::max(plot.top(), static_cast<int>(y0));
            p.drawText(QRect(4, ty, kGutter - 8, fm.height()), Qt::AlignRight | Qt::AlignTop,
                       fm.elidedText(QString::fromStdString(band.title), Qt::ElideLeft, kGutter - 8));
            lastLabelY = ty;
        }
    }
    paintTimeAxis(p, plot);
    paintLegend(p, plot);
}

void TimeHeatmapCanvas::mousePressEvent(QMouseEvent *e) {
    const QPoint pos = e->position().toPoint();
    if (e->button() == Qt::LeftButton && plotRect().contains(pos)) {
        m_dragFrom = m_dragTo = pos.x();
    } else if (e->button() == Qt::MiddleButton || e->button() == Qt::RightButton) {
        m_panning = true;
        m_panFrom = pos;
    }
}

void TimeHeatmapCanvas::mouseMoveEvent(QMouseEvent *e) {
    const QPoint pos = e->position().toPoint();
    if (m_dragFrom >= 0) {
        m_dragTo = std::clamp(pos.x(), plotRect().left(), plotRect().right());
        update();
    } else if (m_panning) {
        const QRect plot = plotRect();
        const QPoint d = pos - m_panFrom;
        m_panFrom = pos;
        m_b0 -= d.x() * (m_b1 - m_b0) / plot.width();
        m_rowTop -= d.y() * m_rowCount / plot.height();
        setTimeWindow(m_b0, m_b0 + (m_b1 - m_b0));
        setRowWindow(m_rowTop, m_rowCount);
    }
}

void TimeHeatmapCanvas::mouseReleaseEvent(QMouseEvent *e) {
    const QPoint pos = e->position().toPoint();
    if (m_panning) {
        m_panning = false;
        return;
    }
    if (m_dragFrom < 0)
        return;
    const int a = std::min(m_dragFrom, m_dragTo), b = std::max(m_dragFrom, m_dragTo);
    m_dragFrom = m_dragTo = -1;
    if (b - a >= 4 && m_rows && m_rows->grid) {
        // Drag: zoom into the selected time range and tell the view which range it was.
        const QRect plot = plotRect();
        const double per = (m_b1 - m_b0) / plot.width();
        const double f = m_b0 + (a - plot.left()) * per, l = m_b0 + (b - plot.left()) * per;
        const auto &g = *m_rows->grid;
        Q_EMIT timeRangeSelected(g.from + static_cast<qint64>(f * g.stepMs),
                                 g.from + static_cast<qint64>(l * g.stepMs));
        setTimeWindow(f, l);
        return;
    }
    update();
    if (const int r = rowAt(pos); r >= 0)
        Q_EMIT hostClicked(QString::fromStdString(
            m_rows->grid->hosts[static_cast<std::size_t>(m_rows->order[static_cast<std::size_t>(r)])]));
}

void TimeHeatmapCanvas::zoomTime(double factor, double anchor) {
    const double f = anchor - (anchor - m_b0) * factor;
    setTimeWindow(f, f + (m_b1 - m_b0) * factor);
}

void TimeHeatmapCanvas::zoomRows(double factor, double anchor) {
    const double t = anchor - (anchor - m_rowTop) * factor;
    setRowWindow(t, m_rowCount * factor);
}

void TimeHeatmapCanvas::panTime(double buckets) {
    setTimeWindow(m_b0 + buckets, m_b1 + buckets);
}

void TimeHeatmapCanvas::panRows(double rows) {
    setRowWindow(m_rowTop + rows, m_rowCount);
}

void TimeHeatmapCanvas::wheelEvent(QWheelEvent *e) {
    const QRect plot = plotRect();
    const QPointF pos = e->position();
    const double steps = e->angleDelta().y() / 120.0;
    const double dx = e->angleDelta().x() / 120.0;
    const double anchorB = m_b0 + (pos.x() - plot.left()) * (m_b1 - m_b0) / plot.width();
    const double anchorR = m_rowTop + (pos.y() - plot.top()) * m_rowCount / plot.height();
    if (e->modifiers() & Qt::ControlModifier)
        zoomTime(std::pow(0.8, steps), anchorB); // Ctrl+wheel (or pinch): zoom in time
    else if (e->modifiers() & Qt::AltModifier)
        zoomRows(std::pow(0.8, steps == 0 ? dx : steps), anchorR); // Alt+wheel: zoom across hosts
    else if (e->modifiers() & Qt::ShiftModifier)
        panTime(-steps * (m_b1 - m_b0) * 0.1); // Shift+wheel: pan in time
    else {
        panRows(-steps * std::max(1.0, m_rowCount * 0.1)); // wheel: scroll hosts
        if (dx != 0)
            panTime(-dx * (m_b1 - m_b0) * 0.1); // sideways (touchpad): pan in time
    }
    e->accept();
}

void TimeHeatmapCanvas::keyPressEvent(QKeyEvent *e) {
    const double mid = (m_b0 + m_b1) / 2, rmid = m_rowTop + m_rowCount / 2;
    switch (e->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomTime(0.5, mid);
        break;
    case Qt::Key_Minus:
        zoomTime(2, mid);
        break;
    case Qt::Key_BracketRight:
        zoomRows(0.5, rmid);
        break;
    case Qt::Key_BracketLeft:
        zoomRows(2, rmid);
        break;
    case Qt::Key_Left:
        panTime(-(m_b1 - m_b0) * 0.2);
        break;
    case Qt::Key_Right:
        panTime((m_b1 - m_b0) * 0.2);
        break;
    case Qt::Key_Up:
        panRows(-std::max(1.0, m_rowCount * 0.1));
        break;
    case Qt::Key_Down:
        panRows(std::max(1.0, m_rowCount * 0.1));
        break;
    case Qt::Key_PageUp:
        panRows(-m_rowCount);
        break;
    case Qt::Key_PageDown:
        panRows(m_rowCount);
        break;
    case Qt::Key_0:
    case Qt::Key_Home:
    case Qt::Key_Escape:
        resetView();
        break;
    default:
        QWidget::keyPressEvent(e);
    }
}

} // namespace vigil
