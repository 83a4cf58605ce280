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
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(90);
    setMaximumHeight(200);
}

void AlertTimeline::setIncident(const analysis::Incident *incident) {
    Bars bars;
    if (incident)
        for (const auto &m : incident->timeline) {
            double total = 0;
            for (int s = 0; s < 3; ++s) {
                bars.values[s].append(m.bySeverity[static_cast<std::size_t>(s)]);
                total += m.bySeverity[static_cast<std::size_t>(s)];
            }
            bars.maxY = std::max(bars.maxY, total);
            bars.categories << QDateTime::fromMSecsSinceEpoch(m.start).toString(QStringLiteral("HH:mm"));
        }
    m_buckets = static_cast<int>(bars.categories.size());
    m_whenShown->run([this, bars = std::move(bars)] { show(bars); });
}

void AlertTimeline::show(const Bars &bars) {
    if (bars == m_shown)
        return;
    m_shown = bars;
    for (int s = 0; s < 3; ++s) {
        m_sets[s]->remove(0, m_sets[s]->count());
        m_sets[s]->append(bars.values[s]);
    }
    m_x->clear();
    m_x->append(bars.categories);
    const double maxY = bars.maxY;
    // Whole alerts on the axis: a step of 1, 2 or 5 times a power of ten, at most 4 steps to the top
    // (it read 0, 0, 0, 1 for an incident of one alert a minute).
    double step = 1;
    while (maxY / step > 4)
        step = step * (QString::number(step).startsWith(QLatin1Char('2')) ? 2.5 : 2);
    m_y->setTickType(QValueAxis::TicksDynamic);
    m_y->setTickAnchor(0);
    m_y->setTickInterval(step);
    m_y->setRange(0, std::ceil(maxY / step) * step);
}

} // namespace vigil
