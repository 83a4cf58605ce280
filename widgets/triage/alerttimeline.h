#pragma once
// Alerts per minute by severity across an incident (QtCharts, stacked bars): how the storm built up.
// Shows the last two hours of the incident at most, in at most 40 bars (a bar sums several minutes
// when the incident is longer).
#include "analysis/correlation.h"

#include <QChartView>

class QBarCategoryAxis;
class QBarSet;
class QStackedBarSeries;
class QValueAxis;

namespace vigil {

class WhenShown;

class AlertTimeline final : public QChartView {
    Q_OBJECT
public:
    explicit AlertTimeline(QWidget *parent = nullptr);
    // The incident's per-minute counts (computed off the GUI thread); none clears the chart.
    void setIncident(const analysis::Incident *incident);
    [[nodiscard]] int buckets() const { return m_buckets; }

private:
    static constexpr int kMaxBars = 40;
    struct Bars {
        QStringList categories;
        QList<qreal> values[3];
        double maxY = 1;
        int minutesPerBar = 1;
        bool operator==(const Bars &o) const = default;
    };
    void draw(const Bars &bars);

    QStackedBarSeries *m_series;
    QBarSet *m_sets[3];
    QBarCategoryAxis *m_x;
    QValueAxis *m_y;
    int m_buckets = 0;
    // A chart relaid out costs the GUI thread 10-25 ms: only when what it shows changes, and not while
    // hidden (the bars wait for the next show).
    Bars m_shown;
    WhenShown *m_whenShown;
};

} // namespace vigil
