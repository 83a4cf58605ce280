#pragma once
// An alert as Vigil tracks it, from Alertmanager (v2) or Prometheus (/api/v1/alerts), deduplicated by
// fingerprint across sources.
#include "labelset.h"
#include "timeutil.h"

#include <string>
#include <vector>

namespace vigil {

enum class AlertState { Active, Suppressed, Unprocessed, Pending, Firing, Resolved };

const char *alertStateName(AlertState s);

struct Alert {
    std::string fingerprint;
    LabelSet labels;
    LabelSet annotations;
    AlertState state = AlertState::Active;
    TimeMs startsAt = 0;
    TimeMs endsAt = 0;
    TimeMs updatedAt = 0;
    std::string generatorUrl;
    std::vector<std::string> silencedBy;
    std::vector<std::string> inhibitedBy;
    std::vector<std::string> receivers;
    // Where it was seen ("prod/alertmanager#0", "prod/prometheus"): several Alertmanagers in an HA
    // cluster report the same alert.
    std::vector<std::string> seenBy;

    [[nodiscard]] std::string_view name() const { return labels.value("alertname"); }
    [[nodiscard]] std::string_view severity() const { return labels.value("severity"); }
    [[nodiscard]] bool isSilenced() const { return !silencedBy.empty(); }
    [[nodiscard]] bool isInhibited() const { return !inhibitedBy.empty(); }
};

} // namespace vigil
