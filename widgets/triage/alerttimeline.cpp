#include "triage/alerttimeline.h"

#include "analysis/correlation.h"
#include "common/maptheme.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace vigil {

namespace {

// Status colours, the same on the desktop and on the wall (info, warning, critical).
const QColor kSeverityColour[3] = {QColor(0x3b, 0x75, 0xaf), QColor(0xe0, 0x8a, 0x00),
                                   QColor(0xc0, 0x30, 0x30)};

QString severityName(int s) {
    return s == 2   ? AlertTimeline::tr("critical")
           : s == 1 ? AlertTimeline::tr("warning")
                    : AlertTimeline::tr("info");
}

QString clock(TimeMs t) {
    return QDateTime::fromMSecsSinceEpoch(t).toString(QStringLiteral("HH:mm"));
}

} // namespace

AlertTimeline::AlertTimeline(QWidget *parent)
    : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAccessibleName(tr("Alerts per minute by severity"));
    fitHeight();
}

void AlertTimeline::setIncident(const analysis::Incident *incident) {
    Bars bars;
    const auto &minutes = incident ? incident->timeline : std::vector<analysis::Incident::Minute>();
    // At most kMaxBars bars: over a longer span a bar sums several minutes, on boundaries fixed in time
    // so a bar keeps its minutes as time goes by (and bars stay wide enough to point at).
    const TimeMs span = minutes.empty() ? 0 : minutes.back().start - minutes.front().start;
    const int perBar = static_cast<int>(std::max<TimeMs>(1, (span / 60'000 + kMaxBars) / kMaxBars));
    bars.minutesPerBar = perBar;
    const TimeMs width = perBar * 60'000LL;
    for (const auto &m : minutes) {
        const TimeMs start = m.start - ((m.start % width) + width) % width;
        if (bars.starts.empty() || bars.starts.back() != start) {
            bars.starts.push_back(start);
            for (auto &v : bars.values)
                v.push_back(0);
        }
        for (int s = 0; s < 3; ++s)
            bars.values[s].back() += m.bySeverity[static_cast<std::size_t>(s)];
    }
    for (std::size_t i = 0; i < bars.starts.size(); ++i)
        bars.maxY = std::max(bars.maxY, bars.values[0][i] + bars.values[1][i] + bars.values[2][i]);
    if (bars == m_bars)
        return;
    // Whole alerts on the axis: a step of 1, 2 or 5 times a power of ten, at most 4 steps to the top
    // (it read 0, 0, 0, 1 for an incident of one alert a minute).
    double step = 1;
    while (bars.maxY / step > 4)
        step = step * (QString::number(step).startsWith(QLatin1Char('2')) ? 2.5 : 2);
    m_step = step;
    m_top = std::ceil(bars.maxY / step) * step;
    m_bars = std::move(bars);
    update(); // a hidden timeline paints when it is next shown
}

QString AlertTimeline::barLabel(int bar) const {
    return bar >= 0 && bar < buckets() ? clock(m_bars.starts[static_cast<std::size_t>(bar)]) : QString();
}

double AlertTimeline::barValue(int severity, int bar) const {
    if (severity < 0 || severity > 2 || bar < 0 || bar >= buckets())
        return 0;
    return m_bars.values[severity][static_cast<std::size_t>(bar)];
}

QString AlertTimeline::axisTitle() const {
    return m_bars.minutesPerBar == 1 ? tr("alerts/min") : tr("alerts/%1 min").arg(m_bars.minutesPerBar);
}

QSize AlertTimeline::sizeHint() const {
    const int line = fontMetrics().height();
    return {line * 24, line * 11};
}

QSize AlertTimeline::minimumSizeHint() const {
    const int line = fontMetrics().height();
    return {line * 10, line * 6};
}

void AlertTimeline::fitHeight() {
    // Tall enough for a title, a few ticks and the time labels in this font (larger on the wall).
    const int line = fontMetrics().height();
    setMinimumHeight(line * 6);
    setMaximumHeight(std::max(200, line * 12));
}

AlertTimeline::Plot AlertTimeline::plot() const {
    const QFontMetrics fm = fontMetrics();
    const int line = fm.height();
    const int labelWidth = fm.horizontalAdvance(QLocale().toString(static_cast<qlonglong>(m_top)));
    Plot p;
    p.area = QRect(QPoint(4 + labelWidth + line / 2, line + line / 2),
                   QPoint(width() - 1 - line / 2, height() - 1 - line - 4));
    p.slot = buckets() > 0 ? p.area.width() / double(buckets()) : 0;
    return p;
}

int AlertTimeline::barAt(QPoint pos) const {
    const Plot p = plot();
    if (p.slot <= 0 || pos.x() < p.area.left() || pos.x() > p.area.right() || pos.y() < p.area.top() ||
        pos.y() > p.area.bottom() + fontMetrics().height())
        return -1;
    return std::min(buckets() - 1, static_cast<int>((pos.x() - p.area.left()) / p.slot));
}

void AlertTimeline::paintEvent(QPaintEvent *) {
    const MapTheme theme = MapTheme::of(palette());
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window));
    const QFontMetrics fm = fontMetrics();
    const int line = fm.height();
    const Plot p = plot();
    painter.fillRect(p.area, theme.ground);

    // The title on the left of the first line, the legend (critical first) on its right.
    painter.setPen(theme.muted);
    painter.drawText(QRect(4, 0, width() / 2, line), Qt::AlignLeft | Qt::AlignVCenter, axisTitle());
    int x = width() - line / 2;
    const int swatch = std::max(6, line * 6 / 10);
    for (int s = 0; s < 3; ++s) {
        const QString name = severityName(s);
        x -= fm.horizontalAdvance(name);
        painter.setPen(theme.text);
        painter.drawText(QRect(x, 0, fm.horizontalAdvance(name) + 1, line), Qt::AlignLeft | Qt::AlignVCenter,
                         name);
        x -= swatch + 4;
        painter.fillRect(QRect(x, (line - swatch) / 2, swatch, swatch), kSeverityColour[s]);
        x -= line;
    }

    // Value ticks: a grid line and a label at each step.
    const QLocale locale;
    const double toPixels = p.area.height() / std::max(1.0, m_top);
    for (double v = 0; v <= m_top + m_step / 2; v += m_step) {
        const int y = p.area.bottom() - static_cast<int>(std::lround(v * toPixels));
        painter.setPen(theme.border);
        painter.drawLine(p.area.left(), y, p.area.right(), y);
        painter.setPen(theme.text);
        painter.drawText(QRect(0, y - line / 2, p.area.left() - line / 4, line),
                         Qt::AlignRight | Qt::AlignVCenter, locale.toString(static_cast<qlonglong>(v)));
    }

    // Stacked bars on whole pixels (no antialiasing): info at the bottom, critical on top.
    const int n = buckets();
    const int gap = p.slot >= 5 ? std::max(1, static_cast<int>(p.slot / 10)) : 0;
    for (int i = 0; i < n; ++i) {
        const int left = p.area.left() + static_cast<int>(i * p.slot);
        const int right = p.area.left() + static_cast<int>((i + 1) * p.slot) - gap;
        double base = 0;
        for (int s = 0; s < 3; ++s) {
            const double v = m_bars.values[s][static_cast<std::size_t>(i)];
            if (v <= 0)
                continue;
            const int bottom = p.area.bottom() - static_cast<int>(std::lround(base * toPixels));
            const int top = p.area.bottom() - static_cast<int>(std::lround((base + v) * toPixels));
            painter.fillRect(
                QRect(QPoint(left, std::min(top, bottom - 1)), QPoint(std::max(left, right - 1), bottom)),
                kSeverityColour[s]);
            base += v;
        }
    }

    // Time labels under the bars they start, as many as fit side by side.
    if (n > 0) {
        const int labelWidth = fm.horizontalAdvance(QStringLiteral("00:00")) + line;
        const int every = std::max(1, static_cast<int>(std::ceil(labelWidth / p.slot)));
        painter.setPen(theme.text);
        for (int i = 0; i < n; i += every) {
            const int centre = p.area.left() + static_cast<int>((i + 0.5) * p.slot);
            const int left = std::clamp(centre - labelWidth / 2, 0, std::max(0, width() - labelWidth));
            painter.drawText(QRect(left, p.area.bottom() + 2, labelWidth, line), Qt::AlignCenter,
                             barLabel(i));
        }
    }
}

bool AlertTimeline::event(QEvent *event) {
    if (event->type() == QEvent::FontChange) {
        fitHeight();
        updateGeometry();
    }
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto *help = static_cast<QHelpEvent *>(event);
    const int bar = barAt(help->pos());
    if (bar < 0) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    const TimeMs start = m_bars.starts[static_cast<std::size_t>(bar)];
    QString text = m_bars.minutesPerBar == 1
                       ? clock(start)
                       : tr("%1 to %2").arg(clock(start), clock(start + m_bars.minutesPerBar * 60'000LL));
    for (int s = 2; s >= 0; --s)
        text +=
            QLatin1Char('\n') +
            tr("%1 %2").arg(QLocale().toString(static_cast<qlonglong>(barValue(s, bar))), severityName(s));
    QToolTip::showText(help->globalPos(), text, this);
    return true;
}

} // namespace vigil
