#pragma once
// Triage for scripts and chat bots (`vigil triage`): the ranked incidents of a snapshot as text or
// JSON, each with its cause, confidence, reason, members counted by alert name, hosts and services,
// worded as the triage view words them.
#include "../fleet/fleetsnapshot.h"

#include <QByteArray>
#include <QString>

namespace vigil {

// At most `limit` incidents (all when <= 0); hosts are listed up to `hostsShown` per incident.
QString triageReportText(const FleetSnapshot &snapshot, int limit, int hostsShown = 10);
QByteArray triageReportJson(const FleetSnapshot &snapshot, int limit, int hostsShown = 10);

} // namespace vigil
