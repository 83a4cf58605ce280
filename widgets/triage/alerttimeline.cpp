#include "triage/alerttimeline.h"

#include "analysis/correlation.h"
#include "common/whenshown.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QDateTime>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <cmath>

namespace vigil {

AlertTimeline::AlertTimeline(QWidget *parent)
    : QChartView(parent)
    , m_series(new QStackedBarSeries)
    , m_x(new QBarCategoryAxis)
    , m_y(new QValueAxis)
    , m_whenShown(new WhenShown(this)) {
    auto *chart = new QChart;
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->setAlignment(Qt::AlignRight);
    const QString names[3] = {tr("info"), tr("warning"), tr("critical")};
    const QColor colors[3] = {QColor(0x3b, 0x75, 0xaf), QColor(0xe0, 0x8a, 0x00), QColor(0xc0, 0x30, 0x30)};
    for (int s = 0; s < 3; ++s) {
        m_sets[s] = new QBarSet(names[s]);
        m_sets[s]->setColor(colors[s]);
        m_sets[s]->setBorderColor(colors[s]);
        m_series->append(m_sets[s]);
    }
    m_series->setBarWidth(0.9);
    chart->addSeries(m_series);
    m_y->setLabelFormat(QStringLiteral("%d"));
    m_y->setTitleText(tr("alerts/min"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    m_series->attachAxis(m_x);
    m_series->attachAxis(m_y);
    // QChartView starts with a chart of its own and setChart() releases it without deleting it.
    QChart *initial = this->chart();
    setChart(chart);
    delete initial;
    setMinimumHeight(90); // bars are rectangles on whole pixels: no antialiasing
    setMaximumHeight(200);
}

void AlertTimeline::setIncident(const analysis::Incident *incident) {
    Bars bars;
    const auto &minutes = incident ? incident->timeline : std::vector<analysis::Incident::Minute>();
    // At most kMaxBars bars: over a longer span a bar sums several minutes, on boundaries fixed in time
    // so a bar keeps its minutes as time goes by. Each bar and label is an item QtCharts rebuilds on a
    // change: 120 one-minute bars cost ~23 ms of GUI thread per update.
    const TimeMs span = minutes.empty() ? 0 : minutes.back().start - minutes.front().start;
    const int perBar = static_cast<int>(std::max<TimeMs>(1, (span / 60'000 + kMaxBars) / kMaxBars));
    bars.minutesPerBar = perBar;
    const TimeMs width = perBar * 60'000LL;
    TimeMs current = -1;
    for (const auto &m : minutes) {
        const TimeMs start = m.start - ((m.start % width) + width) % width;
        if (start != current) {
            current = start;
            bars.categories << QDateTime::fromMSecsSinceEpoch(start).toString(QStringLiteral("HH:mm"));
            for (auto &v : bars.values)
                v.append(0);
        }
        for (int s = 0; s < 3; ++s)
            bars.values[s].back() += m.bySeverity[static_cast<std::size_t>(s)];
    }
    for (qsizetype i = 0; i < bars.categories.size(); ++i)
        bars.maxY = std::max(bars.maxY, bars.values[0][i] + bars.values[1][i] + bars.values[2][i]);
    m_buckets = static_cast<int>(bars.categories.size());
    m_whenShown->run([this, bars = std::move(bars)] { draw(bars); });
}

void AlertTimeline::draw(const Bars &bars) {
    if (bars == m_shown)
        return;
    // Whole alerts on the axis: a step of 1, 2 or 5 times a power of ten, at most 4 steps to the top
    // (it read 0, 0, 0, 1 for an incident of one alert a minute).
    double step = 1;
    while (bars.maxY / step > 4)
        step = step * (QString::number(step).startsWith(QLatin1Char('2')) ? 2.5 : 2);
    const double top = std::ceil(bars.maxY / step) * step;
    // Only what changed: the values in place when the bars are the same minutes on the same scale (a
    // poll adds to the last ones). Other changes rebuild the bars and the labels, which also lays the
    // chart out again (on a new scale in place, the axis kept the width of its old labels and elided
    // the new ones).
    const bool inPlace = bars.categories == m_shown.categories && top == m_y->max();
    for (int s = 0; s < 3; ++s) {
        if (inPlace) {
            for (qsizetype i = 0; i < bars.values[s].size(); ++i)
                if (bars.values[s][i] != m_shown.values[s][i])
                    m_sets[s]->replace(i, bars.values[s][i]);
            continue;
        }
        m_sets[s]->remove(0, m_sets[s]->count());
        m_sets[s]->append(bars.values[s]);
    }
    if (bars.minutesPerBar != m_shown.minutesPerBar)
        m_y->setTitleText(bars.minutesPerBar == 1 ? tr("alerts/min")
                                                  : tr("alerts/%1 min").arg(bars.minutesPerBar));
    m_shown = bars;
    m_y->setTickType(QValueAxis::TicksDynamic);
    m_y->setTickAnchor(0);
    m_y->setTickInterval(step);
    m_y->setRange(0, top);
    if (!inPlace) {
        m_x->clear();
        m_x->append(bars.categories);
    }
}

} // namespace vigil
