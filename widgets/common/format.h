#pragma once
// Operator-facing formatting of raw model values, shared by every view, in the locale's digits
// ("57,3 %" in German). Exports and reports for scripts never go through here.
#include "fleet/queryprofile.h"
#include "support/timeutil.h"

#include <QString>

namespace vigil::format {

QString metric(double value, MetricUnit unit);
QString bytes(double bytes);
QString age(TimeMs then, TimeMs now); // "12 s ago", "never"
QString duration(double ms);

} // namespace vigil::format
