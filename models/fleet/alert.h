#pragma once
// An alert as Vigil tracks it, from Alertmanager (v2) or Prometheus (/api/v1/alerts), deduplicated by
// fingerprint across sources.
#include "../support/cowvector.h"
#include "../support/timeutil.h"
#include "labelset.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

enum class AlertState { Active, Suppressed, Unprocessed, Pending, Firing, Resolved };

const char *alertStateName(AlertState s);

// Alertmanager's and Vigil's fingerprints are 16 hex digits: their number. Anything else is hashed.
std::uint64_t fingerprintKey(std::string_view fingerprint);

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
    // The fingerprint as a number (fingerprintKey()), stamped by FleetState so analysis can identify
    // an alert without touching the string; 0 when not stamped.
    std::uint64_t key = 0;
    // Labels a join gave it (kube_pod_info's node for an alert with only namespace and pod): where it
    // is placed, never part of its identity, never sent to Alertmanager.
    LabelSet placement;
    // The source gave no usable start (missing, zero, or before 2000, as some compatible backends
    // send): startsAt is when Vigil first saw the alert.
    bool startEstimated = false;

    [[nodiscard]] std::string_view name() const { return labels.value("alertname"); }
    [[nodiscard]] std::string_view severity() const { return labels.value("severity"); }
    // Its own label, else the one a join placed it by.
    [[nodiscard]] std::string_view label(std::string_view name) const {
        const auto v = labels.value(name);
        return v.empty() ? placement.value(name) : v;
    }
    [[nodiscard]] bool isSilenced() const { return !silencedBy.empty(); }
    [[nodiscard]] bool isInhibited() const { return !inhibitedBy.empty(); }
};

// A snapshot's alerts, shared between snapshots while no source brings new ones (support/cowvector.h).
using AlertList = CowVector<Alert>;

// A group as Alertmanager's route tree formed it (/api/v2/alerts/groups): its group_by labels, the
// receiver, and its alerts by fingerprint.
struct AlertmanagerGroup {
    LabelSet labels;
    std::string receiver;
    std::vector<std::string> fingerprints;
    bool operator==(const AlertmanagerGroup &) const = default;
};

// An alerting rule as Prometheus reports it (/api/v1/rules): what raises an alert, and whether the
// rule itself evaluates cleanly.
struct AlertRule {
    std::string group;
    std::string name;   // the alertname it raises
    std::string query;  // the PromQL expression
    std::string health; // "ok", "err", "unknown"
    std::string lastError;
    std::string source; // which Prometheus
    // Its `for:`: how long the condition held before it fired. Alertmanager's startsAt is when the
    // alert fired; the trouble began this much earlier.
    TimeMs forMs = 0;
    bool operator==(const AlertRule &) const = default;
};

} // namespace vigil
