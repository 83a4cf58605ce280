#include "alerttimeline.h"

#include "analysis/correlation.h"

#include <QChart>
#include <QDateTime>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <array>
#include <map>

namespace vigil {

AlertTimeline::AlertTimeline(QWidget *parent)
    : QChartView(parent)
    , m_series(new QStackedBarSeries)
    , m_x(new QBarCategoryAxis)
    , m_y(new QValueAxis) {
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
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(140);
    setMaximumHeight(200);
}

void AlertTimeline::setAlerts(const FleetSnapshotPtr &snapshot, const std::vector<std::uint32_t> &indices) {
    std::map<TimeMs, std::array<int, 3>> perMinute;
    if (snapshot)
        for (auto i : indices) {
            const Alert &a = snapshot->alerts[i];
            perMinute[a.startsAt / 60'000 * 60'000][static_cast<std::size_t>(analysis::severityRank(a.severity()))]++;
        }
    QStringList categories;
    QList<qreal> values[3];
    double maxY = 1;
    if (!perMinute.empty()) {
        const TimeMs last = perMinute.rbegin()->first;
        const TimeMs first = std::max<TimeMs>(perMinute.begin()->first, last - 119 * 60'000);
        for (TimeMs t = first; t <= last; t += 60'000) {
            auto it = perMinute.find(t);
            double total = 0;
            for (int s = 0; s < 3; ++s) {
                const int v = it == perMinute.end() ? 0 : it->second[static_cast<std::size_t>(s)];
                values[s].append(v);
                total += v;
            }
            maxY = std::max(maxY, total);
            categories << QDateTime::fromMSecsSinceEpoch(t).toString(QStringLiteral("HH:mm"));
        }
    }
    m_buckets = static_cast<int>(categories.size());
    for (int s = 0; s < 3; ++s) {
        m_sets[s]->remove(0, m_sets[s]->count());
        m_sets[s]->append(values[s]);
    }
    m_x->clear();
    m_x->append(categories);
    m_y->setRange(0, maxY * 1.1);
}

} // namespace vigil
