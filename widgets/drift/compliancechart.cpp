#include "drift/compliancechart.h"

#include <QChart>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

namespace vigil {

QChart *complianceChart(const analysis::DriftSummary &summary) {
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 2, 4, 2));
    chart->setTitle(QCoreApplication::translate("ComplianceChart",
                                                "Compliance over the last day (as the cache saw the facts)"));
    auto *series = new QLineSeries;
    for (const auto &[t, c] : summary.history)
        series->append(static_cast<qreal>(t), c * 100);
    series->append(static_cast<qreal>(summary.at), summary.report.compliance() * 100);
    chart->addSeries(series);
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("HH:mm"));
    x->setRange(QDateTime::fromMSecsSinceEpoch(summary.at - 24 * 3'600'000LL),
                QDateTime::fromMSecsSinceEpoch(summary.at));
    x->setTickCount(5); // every 6 h: room for "HH:mm" under a narrow chart
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setTickCount(3); // 0, 50, 100: three labels fit a chart this low; more were elided to "…"
    y->setLabelFormat(QStringLiteral("%d %%"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    return chart;
}

} // namespace vigil
