#pragma once
// What analyses read of the fleet's past, from the cache (Store) or from an incident snapshot file
// (snapshot::SnapshotFile): metric history by minute and facts at a moment. Reads run on worker threads.
#include "../fleet/host.h"

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace vigil {

class HistoryReader {
public:
    virtual ~HistoryReader() = default;

    // The stored history of one metric over [from, to]: rowOf maps each stored host to a row (-1: not
    // wanted), then sink gets every stored minute (and every 5-minute bucket older than a day) with its
    // values per row: sink(time, rowOfSlot, values, count), values[i] belonging to row rowOfSlot[i].
    // Returns false when there is no such metric.
    using HistorySink = std::function<void(TimeMs, const std::vector<int> &, const float *, std::size_t)>;
    virtual bool readMetricHistory(const std::string &metricKey, TimeMs from, TimeMs to,
                                   const std::function<int(const std::string &)> &rowOf,
                                   const HistorySink &sink) const = 0;

    // Facts current at a moment (first seen at or before it, not ended by then), by host then name, and
    // when each (host, fact, value) was first seen: a drift report for any past moment.
    struct FactHistory {
        std::vector<Fact> facts;
        std::map<std::tuple<std::string, std::string, std::string>, TimeMs> firstSeen;
    };
    virtual FactHistory factsAt(TimeMs at) const = 0;
    // When each of these (host, fact, value) current at `at` was first seen.
    virtual std::map<std::tuple<std::string, std::string, std::string>, TimeMs>
    firstSeenOf(const std::vector<Fact> &facts, TimeMs at) const = 0;
};

} // namespace vigil
