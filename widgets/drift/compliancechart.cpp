#include "drift/compliancechart.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

namespace vigil {

ComplianceChart::ComplianceChart()
    : m_series(new QLineSeries)
    , m_x(new QDateTimeAxis) {
    legend()->hide();
    setMargins(QMargins(4, 2, 4, 2));
    setTitle(QCoreApplication::translate("ComplianceChart",
                                         "Compliance over the last day (as the cache saw the facts)"));
    addSeries(m_series);
    m_x->setFormat(QStringLiteral("HH:mm"));
    m_x->setTickCount(5); // every 6 h: room for "HH:mm" under a narrow chart
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setTickCount(3); // 0, 50, 100: three labels fit a chart this low; more were elided to "…"
    y->setLabelFormat(QStringLiteral("%d %%"));
    addAxis(m_x, Qt::AlignBottom);
    addAxis(y, Qt::AlignLeft);
    m_series->attachAxis(m_x);
    m_series->attachAxis(y);
}

void ComplianceChart::setSummary(const analysis::DriftSummary &summary) {
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(summary.history.size()) + 1);
    for (const auto &[t, c] : summary.history)
        points.append({static_cast<qreal>(t), c * 100});
    points.append({static_cast<qreal>(summary.at), summary.report.compliance() * 100});
    m_series->replace(points); // one change, not one per point
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(summary.at - 24 * 3'600'000LL),
                  QDateTime::fromMSecsSinceEpoch(summary.at));
}

} // namespace vigil
