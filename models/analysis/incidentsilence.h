#pragma once
// What silencing or acknowledging an incident (or one alert) silences: matchers built from the labels
// the fleet is configured with (host label, service label, group_by), never hard-coded names, and
// limited to what the incident covers. An incident Vigil grouped by alert name must not become a
// fleet-wide silence of that name: it is narrowed to the incident's hosts; a multi-label group_by
// yields one matcher per label, not one that matches nothing.
#include "correlation.h"
#include "fleet/alert.h"
#include "fleet/fleetsnapshot.h"
#include "fleet/silence.h"

#include <string>
#include <vector>

namespace vigil::analysis {

struct IncidentSilence {
    std::vector<SilenceMatcher> matchers; // empty when refused
    std::string refusal;                  // why no safe silence could be built
};

IncidentSilence incidentSilence(const Incident &incident, const TriageResult &triage,
                                const std::vector<Alert> &alerts);
// One alert: its name and host (by the configured host label), else its whole label set.
std::vector<SilenceMatcher> alertSilence(const Alert &alert, const TriageResult &triage);
// The Alertmanager source that reported the incident's first alert (its silences go there); "" when
// none did.
std::string alertmanagerSourceOf(const FleetSnapshot &snapshot, const Incident &incident);

} // namespace vigil::analysis
