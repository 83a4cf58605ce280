#pragma once
// Triage as CSV for the incident review: one file of incidents (rank, cause, reason, counts) and
// one of their member alerts (incident key, alert, labels, state, start, summary).
#include "../fleet/fleetsnapshot.h"

#include <QString>

namespace vigil {

QString incidentsCsv(const FleetSnapshot &snapshot);
QString incidentAlertsCsv(const FleetSnapshot &snapshot);
// Writes both beside each other: BASE-incidents.csv and BASE-alerts.csv. False and *error on failure.
bool writeTriageCsv(const FleetSnapshot &snapshot, const QString &base, QString *error);

} // namespace vigil
