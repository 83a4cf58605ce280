#pragma once
// Small fixtures several tests and benchmarks share: waiting (on signals, no sleeps) until a
// FleetService's snapshot satisfies a condition, and a synthetic fleet of racks at any size.
#include "fleet/host.h"
#include "service/fleetservice.h"

#include <QSignalSpy>

#include <string>
#include <vector>

namespace vigil::test {

// Up to `rounds` snapshots (or 200 ms each without one) until pred holds.
template <class Pred> bool waitForSnapshot(FleetService &service, Pred pred, int rounds = 100) {
    for (int i = 0; i < rounds; ++i) {
        if (pred(*service.current()))
            return true;
        QSignalSpy spy(&service, &FleetService::snapshotReady);
        spy.wait(200);
    }
    return pred(*service.current());
}

// n hosts "h<100000+i>", 40 to a rack, 4,000 to a zone, the first half in region eu1, the rest in us1.
inline std::vector<Host> rackedHosts(int n) {
    std::vector<Host> hosts;
    hosts.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        Host h;
        h.name = "h" + std::to_string(100000 + i);
        h.labels = LabelSet(std::vector<Label>{{"rack", "r" + std::to_string(i / 40)},
                                               {"region", i < n / 2 ? "eu1" : "us1"},
                                               {"zone", "z" + std::to_string(i / 4000)}});
        hosts.push_back(std::move(h));
    }
    return hosts;
}

} // namespace vigil::test
