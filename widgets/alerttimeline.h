#pragma once
// Alerts per minute by severity across an incident (QtCharts, stacked bars): how the storm built up.
// Shows the last two hours of the incident at most.
#include "fleet/fleetsnapshot.h"

#include <QChartView>

class QBarCategoryAxis;
class QBarSet;
class QStackedBarSeries;
class QValueAxis;

namespace vigil {

class AlertTimeline final : public QChartView {
    Q_OBJECT
public:
    explicit AlertTimeline(QWidget *parent = nullptr);
    // The alerts at `indices` of the snapshot, bucketed by the minute they started.
    void setAlerts(const FleetSnapshotPtr &snapshot, const std::vector<std::uint32_t> &indices);
    [[nodiscard]] int buckets() const { return m_buckets; }

private:
    QStackedBarSeries *m_series;
    QBarSet *m_sets[3];
    QBarCategoryAxis *m_x;
    QValueAxis *m_y;
    int m_buckets = 0;
};

} // namespace vigil
