#pragma once
// Alerts in the shape their servers send them, read by simdjson straight into alerts: Alertmanager's
// alerts and groups (/api/v2/alerts, /api/v2/alerts/groups), the largest answers an Alertmanager gives,
// and Prometheus' own (/api/v1/alerts), each read again whenever a storm moves. As promfastquery.h does for
// Prometheus: a member of the wrong type, a key twice, a label twice or anything else the document reader
// would treat specially returns false, and the caller reads the body with the document reader
// (alertmanageradapter.cpp), whose checks and messages stay the one definition of what Vigil accepts. Keys it
// does not use are passed over, as the document reader passes over them.
#include "alertmanageradapter.h"
#include "prometheusadapter.h"

#include <string_view>
#include <vector>

namespace vigil::alertmanager {

// True and `out` filled when `body` is an array of well-formed alerts; false and `out` unspecified
// otherwise.
bool parseAlertsFast(std::string_view body, std::vector<Alert> &out);
// The same for an array of well-formed groups.
bool parseGroupsFast(std::string_view body, std::vector<AlertGroup> &out);

} // namespace vigil::alertmanager

namespace vigil::prometheus {

// /api/v1/alerts: true and `out` filled when `body` is a success envelope whose data.alerts are all
// well-formed; false otherwise (an error envelope included).
bool parseAlertsFast(std::string_view body, std::vector<PromRuleAlert> &out);

} // namespace vigil::prometheus
