#pragma once
// Alerts per minute by severity across an incident (stacked bars): how the storm built up. Shows the
// last two hours of the incident at most, in at most 40 bars (a bar sums several minutes when the
// incident is longer). Painted by hand: a QtCharts scene rebuilt a text item per bar label and took
// 10-18 ms of GUI thread at each change; this paints in well under a millisecond and lays nothing out.
// Colours follow the palette (dark on the wall), text follows the font (scaled on the wall); each bar's
// tooltip names its minutes and its counts by severity, so no severity is told by colour alone.
#include "analysis/correlation.h"

#include <QWidget>

namespace vigil {

class AlertTimeline final : public QWidget {
    Q_OBJECT
public:
    explicit AlertTimeline(QWidget *parent = nullptr);
    // The incident's per-minute counts (computed off the GUI thread); none clears the chart.
    void setIncident(const analysis::Incident *incident);

    // What is drawn, for tests and the tooltip: bars, their first minute's label, each severity's
    // count (0 info, 1 warning, 2 critical), the value axis' top and step, and its title.
    [[nodiscard]] int buckets() const { return static_cast<int>(m_bars.starts.size()); }
    [[nodiscard]] QString barLabel(int bar) const;
    [[nodiscard]] double barValue(int severity, int bar) const;
    [[nodiscard]] double axisTop() const { return m_top; }
    [[nodiscard]] double tickStep() const { return m_step; }
    [[nodiscard]] QString axisTitle() const;
    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    static constexpr int kMaxBars = 40;
    struct Bars {
        std::vector<TimeMs> starts;
        std::vector<double> values[3];
        double maxY = 1;
        int minutesPerBar = 1;
        bool operator==(const Bars &o) const = default;
    };
    struct Plot {
        QRect area;      // the bars' rectangle
        double slot = 0; // pixels per bar
    };
    [[nodiscard]] Plot plot() const;
    [[nodiscard]] int barAt(QPoint pos) const;
    void fitHeight();

    Bars m_bars;
    double m_top = 1;
    double m_step = 1;
};

} // namespace vigil
