#pragma once
// Silence matching as Alertmanager does it (all matchers hold; regexes anchored), so the operator
// sees how many alerts a silence will catch before creating it, and what to prefill for an incident.
#include "alert.h"
#include "silence.h"

#include <string>
#include <vector>

namespace vigil {

// An invalid regex matches nothing.
bool silenceMatches(const std::vector<SilenceMatcher> &matchers, const LabelSet &labels);
// Alerts that are active now (not already silenced or inhibited) that the matchers would silence.
int countActiveMatches(const std::vector<Alert> &alerts, const std::vector<SilenceMatcher> &matchers);
// `rack="eu1-a-r07" alertname=~"Host.*"` <-> matchers; false and *error on bad syntax.
std::string formatMatchers(const std::vector<SilenceMatcher> &matchers);
bool parseMatchers(const std::string &text, std::vector<SilenceMatcher> *out, std::string *error);
// The Alertmanager source that reported an alert ("prod" from "prod/alertmanager#0"); empty if none.
std::string alertmanagerSourceOf(const Alert &alert);

} // namespace vigil
