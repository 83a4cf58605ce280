#pragma once
// How views ask for history without knowing where it comes from: the app wires it to
// FleetService::loadHistory, tests to a function that builds grids in memory. The answer comes back on
// the GUI thread, or never when a newer request of the same channel replaced it.
#include "analysis/metricgrid.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace vigil {

using GridPtr = std::shared_ptr<const analysis::MetricGrid>;
using HistoryFetch =
    std::function<void(const QString &channel, const std::string &metricKey, TimeMs from, TimeMs to,
                       int columns, QObject *context, std::function<void(GridPtr)> done)>;

} // namespace vigil
