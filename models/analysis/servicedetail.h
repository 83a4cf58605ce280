#pragma once
// One service as its detail view shows it: its dependencies both ways with the edges' request and error
// rates and the other side's hosts up; its hosts (down first, then by worst alert); its alerts by name.
// Alerts count as the maps count them (healthSeverity), on the service's hosts or naming the service by
// the configured service label. Pure: computed from a snapshot, worded by the view.
#include "fleet/fleetsnapshot.h"

#include <string>
#include <vector>

namespace vigil::analysis {

struct ServiceDetail {
    bool found = false; // the service is in the snapshot's graph
    int hosts = 0, up = 0, down = 0;
    // A workload no host is labelled with (a Kubernetes Deployment): its hosts are the nodes its pods
    // run on. Their rows show their own alerts, but a node's alerts are not the workload's.
    bool runsOnNodes = false;
    int activeAlerts = 0, worst = -1;             // worst: -1 none, 0 info, 1 warning, 2 critical
    int callees = 0, callers = 0, dependents = 0; // dependents: direct or not

    struct Dependency {
        bool dependsOn = true; // false: the other service uses this one
        std::string service;
        double requestsPerSecond = 0, errorsPerSecond = 0; // NaN when the edge has no figure
        int otherUp = 0, otherHosts = 0;
    };
    std::vector<Dependency> dependencies; // what it depends on, then what uses it

    struct HostRow {
        std::string host;
        bool inInventory = false;
        UpState up = UpState::Unknown;
        int alerts = 0, worst = -1;
    };
    std::vector<HostRow> hostRows; // the service's hosts (or its pods' nodes): down first, then worst alert,
                                   // then most alerts, then name

    struct AlertRow {
        std::string alertname;
        int count = 0, worst = -1;
        std::vector<std::string> hosts; // sorted
    };
    std::vector<AlertRow> alertRows; // worst first, then most
};

// Alerts are on the host identity names, or name the service by serviceLabel.
ServiceDetail serviceDetail(const FleetSnapshot &snapshot, const std::string &service,
                            const HostIdentity &identity, const std::string &serviceLabel);

} // namespace vigil::analysis
