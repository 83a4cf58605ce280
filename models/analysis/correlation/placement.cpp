// Stage 0 of a correlation pass: every alert placed in the graph, read once for the later stages.
#include "analysis/correlation/pass.h"

#include <algorithm>
#include <limits>

namespace vigil::analysis {

using namespace correlation;

void Correlator::Pass::placeAlerts() {
    // Place every alert; an alert absent from the previous update that is back has "returned".
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    auto &positions = self.m_scratch.positions;
    positions.assign(n, {0, kNone});
    live.assign(n, 0);
    // What later passes need of each alert, read once: Alert is large and 100,000 of them do not fit
    // in cache, so every further pass over them would be a pass over memory.
    start.assign(n, 0);
    auto &inhibited = self.m_scratch.inhibited;
    sup.assign(n, 0);
    inhibited.assign(n, 0);
    const TimeMs minuteAgo = now - 60'000;
    int startedLastMinute = 0;
    bool ascending = self.m_previousAscending;
    std::uint64_t lastKey = 0;
    std::size_t prev = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Alert &a = alerts[i];
        if (a.state == AlertState::Resolved)
            continue;
        live[i] = 1;
        ++result.alerts;
        bool fresh = false;
        const std::uint64_t k = a.key ? a.key : fingerprintKey(a.fingerprint);
        // FleetState publishes alerts sorted by fingerprint, and polls list mostly the same alerts: a
        // merge walk against the previous update's keys finds most of them without hashing.
        std::uint32_t slot = kNone;
        if (ascending && k >= lastKey) {
            while (prev < self.m_byPosition.size() && self.m_byPosition[prev].first < k)
                ++prev;
            if (prev < self.m_byPosition.size() && self.m_byPosition[prev].first == k)
                slot = self.m_byPosition[prev].second;
        } else {
            ascending = false;
        }
        lastKey = k;
        if (slot == kNone || self.m_entries[slot].groupKey < 0)
            slot = self.locate(g, a, k, &fresh);
        positions[i] = {k, slot};
        Located &l = self.m_entries[slot];
        l.index = static_cast<std::uint32_t>(i);
        start[i] = troubleStartOf(a, l.forMs);
        sup[i] = suppressed(a);
        inhibited[i] = !a.inhibitedBy.empty();
        if (a.startsAt >= minuteAgo)
            ++startedLastMinute;
        if (!fresh && l.seenIn < self.m_update) // absent from the previous update
            l.returns.push_back(now);
        l.seenIn = self.m_update + 1;
        while (!l.returns.empty() && l.returns.front() < now - self.m_opt.flapWindow)
            l.returns.erase(l.returns.begin());
        l.lastSeen = now;
        result.returns[i] = static_cast<std::uint16_t>(std::min<std::size_t>(l.returns.size(), 65535));
    }
    if (self.m_entries.size() > 2 * result.alerts + 4096)
        self.compact(g, alerts, now);
    loc.assign(n, nullptr);
    for (std::size_t i = 0; i < n; ++i)
        if (live[i])
            loc[i] = &self.m_entries[positions[i].second];
    ++self.m_update;
    // Kept only while the input is sorted (a merge walk needs both sides ascending).
    // (Resolved alerts leave {0, kNone} holes; the walk steps over them.)
    self.m_previousAscending = ascending;
    if (ascending)
        self.m_byPosition.swap(positions);
    else
        self.m_byPosition.clear();
    result.alertsPerMinute = startedLastMinute;
}

} // namespace vigil::analysis
