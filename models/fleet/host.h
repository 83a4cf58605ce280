#pragma once
// One host of the fleet as the views see it: identity, labels, liveness and the profile's current figures.
#include "../support/cowvector.h"
#include "../support/timeutil.h"
#include "labelset.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace vigil {

enum class UpState { Unknown, Up, Down };

struct Host {
    std::string name; // value of the profile's host label, e.g. "web-0042:9100"
    LabelSet labels;
    UpState up = UpState::Unknown;
    std::vector<double> metrics; // in profile order; NaN when the source had no value
    TimeMs lastSeen = 0;         // last poll that reported this host
    std::vector<std::string> sources;

    bool operator==(const Host &) const = default;
};

// A service dependency: `from` calls `to` (from the config's edge list or a service-mesh edge query).
struct ServiceEdge {
    std::string from, to;
    double requestsPerSecond = std::numeric_limits<double>::quiet_NaN();
    double errorsPerSecond = std::numeric_limits<double>::quiet_NaN();
    bool operator==(const ServiceEdge &) const = default;
};

struct Fact {
    std::string host;
    std::string name; // "uname.release"
    std::string value;
    bool operator==(const Fact &) const = default;
};

// Hosts and facts pass from the poll through the fleet state into every snapshot shared, not copied.
using HostList = CowVector<Host>;
using FactList = CowVector<Fact>;

} // namespace vigil
