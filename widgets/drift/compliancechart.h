#pragma once
// The drift view's compliance over the last day, as the cache saw the facts: a line from 0 to 100 %
// with three labels up the side and five along the bottom, so a chart 170 px high elides none.
#include "analysis/baseline.h"

class QChart;

namespace vigil {

QChart *complianceChart(const analysis::DriftSummary &summary);

} // namespace vigil
