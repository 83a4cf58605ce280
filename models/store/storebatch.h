#pragma once
// One transaction's worth of changes for the store, computed by FleetState as a diff against the last
// state, so a quiet poll writes little: samples, the poll log, and only what changed.
#include "../fleet/alert.h"
#include "../fleet/host.h"
#include "../fleet/incidentnote.h"
#include "../fleet/queryprofile.h"
#include "../fleet/silence.h"
#include "../fleet/sourcehealth.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace vigil {

struct StoreBatch {
    TimeMs time = 0;
    std::vector<SourceHealth> polled;   // one poll_log row each, and the sources table
    std::vector<MetricQuery> metrics;   // the profile, registered once per key
    std::vector<Host> hostsChanged;     // new hosts, or labels / up changed
    std::vector<std::string> hostsGone; // left the inventory
    HostList hostSamples;               // hosts with fresh metric values this poll
    std::vector<Fact> factsAppeared;    // (host, name, value) newly current
    std::vector<Fact> factsEnded;       // no longer current
    std::vector<Alert> alertsChanged;   // new, or state / silencing / inhibition changed
    std::vector<std::string> alertsResolved;
    bool silencesReplaced = false;
    std::vector<Silence> silences;
    std::vector<IncidentNote> notesAdded;
    std::vector<Acknowledgement> acksSet; // inserted or updated by incident
    std::vector<std::string> acksCleared; // by incident
    // A Prometheus' alerting rules that changed replace its stored ones, by source id.
    std::vector<std::pair<std::string, std::vector<AlertRule>>> rulesReplaced;
    // What the joins added and the (service, host) pairs they gave replace the stored ones.
    bool joinsReplaced = false;
    std::shared_ptr<const std::vector<std::pair<std::string, std::string>>> joined, runsOn;

    [[nodiscard]] bool empty() const {
        return polled.empty() && hostsChanged.empty() && hostsGone.empty() && hostSamples.empty() &&
               factsAppeared.empty() && factsEnded.empty() && alertsChanged.empty() &&
               alertsResolved.empty() && !silencesReplaced && notesAdded.empty() && acksSet.empty() &&
               acksCleared.empty() && !joinsReplaced && rulesReplaced.empty();
    }
};

} // namespace vigil
