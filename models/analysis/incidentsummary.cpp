// summarize() (correlation.h): each incident's members grouped by alert name and its timeline, computed
// with the triage so that views never walk the members on the GUI thread; and how Vigil's incidents
// regroup Alertmanager's groups (compareWithAlertmanagerGroups).
#include "correlation.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace vigil::analysis {

void summarize(TriageResult &result, const std::vector<Alert> &alerts) {
    std::unordered_map<std::string_view, int> nameIds;
    std::vector<std::string_view> names;
    std::vector<int> count;
    std::vector<std::uint32_t> sorted;
    for (auto &inc : result.incidents) {
        inc.groups.clear();
        inc.timeline.clear();
        if (inc.causeAlertCount > 0)
            inc.groups.push_back({"", 0, inc.causeAlertCount, true});
        // Counting sort of the other members by name, largest group first; stable within a group.
        nameIds.clear();
        names.clear();
        std::vector<int> ids(inc.alerts.size(), 0);
        // Flapping alerts are folded into one group of their own (an empty name never is an alertname
        // Vigil groups by: it marks that group).
        const bool canFlap = result.returns.size() == alerts.size();
        for (std::size_t k = inc.causeAlertCount; k < inc.alerts.size(); ++k) {
            const bool flapping = canFlap && result.returns[inc.alerts[k]] >= result.flapReturns;
            const auto n = flapping ? std::string_view("\x01flapping") : alerts[inc.alerts[k]].name();
            auto [it, fresh] = nameIds.try_emplace(n, static_cast<int>(names.size()));
            if (fresh)
                names.push_back(n);
            ids[k] = it->second;
        }
        count.assign(names.size(), 0);
        for (std::size_t k = inc.causeAlertCount; k < inc.alerts.size(); ++k)
            ++count[static_cast<std::size_t>(ids[k])];
        std::vector<int> order(names.size());
        for (std::size_t g = 0; g < order.size(); ++g)
            order[g] = static_cast<int>(g);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            const bool fa = names[static_cast<std::size_t>(a)] == "\x01flapping";
            const bool fb = names[static_cast<std::size_t>(b)] == "\x01flapping";
            if (fa != fb)
                return fb; // the folded flapping group goes last
            const auto ca = count[static_cast<std::size_t>(a)], cb = count[static_cast<std::size_t>(b)];
            return ca != cb ? ca > cb
                            : names[static_cast<std::size_t>(a)] < names[static_cast<std::size_t>(b)];
        });
        std::vector<std::uint32_t> offset(names.size(), 0);
        std::uint32_t at = inc.causeAlertCount;
        for (int g : order) {
            offset[static_cast<std::size_t>(g)] = at;
            const bool flap = names[static_cast<std::size_t>(g)] == "\x01flapping";
            inc.groups.push_back({flap ? std::string() : std::string(names[static_cast<std::size_t>(g)]), at,
                                  at + static_cast<std::uint32_t>(count[static_cast<std::size_t>(g)]), false,
                                  flap});
            at += static_cast<std::uint32_t>(count[static_cast<std::size_t>(g)]);
        }
        sorted.assign(inc.alerts.begin(), inc.alerts.end());
        for (std::size_t k = inc.causeAlertCount; k < inc.alerts.size(); ++k)
            sorted[offset[static_cast<std::size_t>(ids[k])]++] = inc.alerts[k];
        inc.alerts.swap(sorted);
        // Timeline: the last two hours of starts, by minute and severity.
        TimeMs last = 0;
        for (auto i : inc.alerts)
            last = std::max(last, alerts[i].startsAt);
        const TimeMs lastMinute = last / 60'000 * 60'000;
        const TimeMs firstMinute = std::max(inc.startsAt / 60'000 * 60'000, lastMinute - 119 * 60'000);
        if (!inc.alerts.empty() && lastMinute >= firstMinute) {
            inc.timeline.resize(static_cast<std::size_t>((lastMinute - firstMinute) / 60'000 + 1));
            for (std::size_t m = 0; m < inc.timeline.size(); ++m)
                inc.timeline[m].start = firstMinute + static_cast<TimeMs>(m) * 60'000;
            for (auto i : inc.alerts) {
                const Alert &a = alerts[i];
                if (a.startsAt < firstMinute)
                    continue;
                const auto m = static_cast<std::size_t>((a.startsAt - firstMinute) / 60'000);
                ++inc.timeline[m].bySeverity[static_cast<std::size_t>(severityRank(a.severity()))];
            }
        }
    }
}

void compareWithAlertmanagerGroups(TriageResult &result, const std::vector<Alert> &alerts,
                                   const std::vector<AlertmanagerGroup> &groups) {
    result.amGroups.assign(groups.size(), {});
    if (groups.empty())
        return;
    // Each alert by its fingerprint's number (Alert::key, or computed when not stamped), the string
    // compared once to rule out two fingerprints of one number (those go by string). A binary search
    // over the alerts' strings was 1 ms of a 2,500-alert poll, most of it cache misses.
    std::unordered_map<std::uint64_t, std::size_t> byKey;
    std::unordered_map<std::string_view, std::size_t> byFingerprint;
    byKey.reserve(alerts.size());
    for (std::size_t i = 0; i < alerts.size(); ++i)
        if (!byKey.emplace(alerts[i].key ? alerts[i].key : fingerprintKey(alerts[i].fingerprint), i).second)
            byFingerprint.emplace(alerts[i].fingerprint, i);
    auto find = [&](const std::string &fp) -> long {
        if (auto it = byKey.find(fingerprintKey(fp));
            it != byKey.end() && alerts[it->second].fingerprint == fp)
            return static_cast<long>(it->second);
        auto it = byFingerprint.find(fp);
        return it == byFingerprint.end() ? -1 : static_cast<long>(it->second);
    };
    std::unordered_map<int, int> votes;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        votes.clear();
        auto &view = result.amGroups[g];
        for (const auto &fp : groups[g].fingerprints) {
            const long i = find(fp);
            if (i < 0 || static_cast<std::size_t>(i) >= result.incidentOf.size() ||
                result.incidentOf[static_cast<std::size_t>(i)] < 0)
                continue;
            ++view.alerts;
            ++votes[result.incidentOf[static_cast<std::size_t>(i)]];
        }
        view.incidents = static_cast<int>(votes.size());
        int best = 0;
        for (auto [k, v] : votes)
            if (v > best || (v == best && k < view.topIncident))
                best = v, view.topIncident = k;
    }
}

} // namespace vigil::analysis
