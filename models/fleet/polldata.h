#pragma once
// The normalized outcome of one poll round of one endpoint, handed from a Poller to FleetState.
#include "alert.h"
#include "host.h"
#include "silence.h"
#include "sourcehealth.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vigil {

struct PollTimings {
    double receiveMs = 0;   // first request sent → last response in
    double parseMs = 0;     // JSON → adapter values
    double normalizeMs = 0; // adapter values → hosts, facts, alerts
    std::uint64_t bytes = 0;
    std::int64_t receivedNs = 0; // steady_clock at the last response
};

struct PollData {
    SourceHealth health; // lastError empty when the round succeeded
    TimeMs time = 0;

    // Prometheus: hosts/facts are valid only with hasInventory; a failed metric query keeps the last
    // values of that metric (metricOk false).
    bool hasInventory = false;
    HostList hosts; // sorted by name
    std::vector<bool> metricOk;
    bool hasFacts = false;
    FactList facts;
    bool hasEdges = false;
    std::vector<ServiceEdge> edges;
    bool hasRules = false;
    std::vector<AlertRule> rules;
    // Per profile join: its table, (the `on` values joined by '\xff') -> the `add` labels; nullopt when
    // the query failed this round (the last table stays).
    std::vector<std::optional<std::vector<std::pair<std::string, LabelSet>>>> joins;
    bool hasRuleAlerts = false;
    std::vector<Alert> ruleAlerts;

    // Alertmanager
    bool hasAlerts = false;
    std::vector<Alert> alerts;
    bool hasGroups = false;
    std::vector<AlertmanagerGroup> groups;
    bool hasSilences = false;
    std::vector<Silence> silences;

    PollTimings timings;
};

} // namespace vigil
