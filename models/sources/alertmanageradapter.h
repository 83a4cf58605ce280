#pragma once
// Alertmanager API v2: request building and response parsing. Tolerant of fields that older or newer
// versions add or lack; strict about the shapes Vigil depends on.
#include "../fleet/alert.h"
#include "../fleet/silence.h"
#include "../net/httptypes.h"
#include "apierror.h"

#include <string>
#include <string_view>
#include <vector>

namespace vigil {

struct AlertGroup {
    LabelSet labels;
    std::string receiver;
    std::vector<Alert> alerts;
};

struct AlertmanagerStatus {
    std::string version;
    std::string clusterStatus; // "ready", "settling", "disabled"
    int peers = 0;
    TimeMs uptime = 0;
};

namespace alertmanager {

HttpRequest alertsRequest(const std::string &baseUrl);
HttpRequest groupsRequest(const std::string &baseUrl);
HttpRequest silencesRequest(const std::string &baseUrl);
HttpRequest statusRequest(const std::string &baseUrl);
// POST /api/v2/silences; with s.id set, Alertmanager updates that silence.
HttpRequest createSilenceRequest(const std::string &baseUrl, const Silence &s);
HttpRequest expireSilenceRequest(const std::string &baseUrl, const std::string &id);

Result<std::string> checkResponse(const HttpResponse &r, const std::string &endpoint);
// Elements of the wrong shape are left out and counted in *skipped (when given); a wrong top-level
// shape is an error. Alerts and groups in Alertmanager's own shape are read by simdjson
// (fastalerts.h); anything else by the document reader (the *Document functions), which says why.
Result<std::vector<Alert>> parseAlerts(std::string_view body, Skipped *skipped = nullptr);
Result<std::vector<AlertGroup>> parseGroups(std::string_view body, Skipped *skipped = nullptr);
Result<std::vector<Alert>> parseAlertsDocument(std::string_view body, Skipped *skipped = nullptr);
Result<std::vector<AlertGroup>> parseGroupsDocument(std::string_view body, Skipped *skipped = nullptr);
Result<std::vector<Silence>> parseSilences(std::string_view body, Skipped *skipped = nullptr);
Result<AlertmanagerStatus> parseStatus(std::string_view body);
Result<std::string> parseSilenceCreated(std::string_view body);

} // namespace alertmanager
} // namespace vigil
