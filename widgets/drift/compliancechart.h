#pragma once
// The drift view's compliance over the last day, as the cache saw the facts: a line from 0 to 100 %
// with three labels up the side and five along the bottom, so a chart 170 px high elides none. Made
// once; a new report moves the line's points and the time axis in place (a new chart for each report
// laid its scene out again, ~15 ms of GUI thread).
#include "analysis/baseline.h"

#include <QChart>

class QDateTimeAxis;
class QLineSeries;

namespace vigil {

class ComplianceChart final : public QChart {
public:
    ComplianceChart();
    void setSummary(const analysis::DriftSummary &summary);
    [[nodiscard]] const QLineSeries *line() const { return m_series; }

private:
    QLineSeries *m_series;
    QDateTimeAxis *m_x;
};

} // namespace vigil
