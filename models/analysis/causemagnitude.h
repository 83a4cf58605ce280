#pragma once
// Whether a failing group (a rack, a zone) explains trouble on the rest of a service it holds hosts of.
// Place and time are not enough: a rack holding 40 of a pool's 5,000 hosts dies while CPU alerts churn
// across the pool, and the alerts that happen to start after it are not its doing. Two checks, each
// counter-evidence the reason names:
//   churn     - alerts on the service's other hosts were starting as often just before the failure
//               as after it (at least minChurnAlerts before, and no more than churnRise times as many
//               after);
//   magnitude - the group holds under minLostShare of the service's hosts, yet alerts started after it
//               on more than magnitudeFactor times as many of the service's other hosts as it lost.
// Pure, over plain numbers; the Correlator feeds it the alerts on hosts outside any failing group.
#include "fleet/alert.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace vigil::analysis {

struct MagnitudeOptions {
    TimeMs window = 5 * 60'000; // the span compared before and after the failure
    TimeMs lead = 60'000;       // the failure's onset may be this late (clocks, scrape intervals)
    int minChurnAlerts = 5;
    double churnRise = 2.0;
    double minLostShare = 0.05;
    double magnitudeFactor = 10.0;

    // Starts `before` in the window before an onset and `after` from it: as often after as before.
    [[nodiscard]] bool churning(int before, int after) const {
        return before >= minChurnAlerts && after <= churnRise * before;
    }
    // ...and a kind that was quiet and began with it: at least minChurnAlerts after, and more than
    // twice churnRise times as many as before.
    [[nodiscard]] bool bursting(int before, int after) const {
        return after >= minChurnAlerts && after > 2 * churnRise * before;
    }
};

// What the failing group lost of one service, and what it does not explain there.
struct Unexplained {
    std::string service;
    // Set when the cause failed on this service that `service` depends on: lostHosts and serviceHosts
    // count this one's hosts, alertedHosts `service`'s.
    std::string dependency;
    int lostHosts = 0;    // the service's hosts inside the failing group
    int serviceHosts = 0; // all of the service's hosts
    int alertedHosts = 0; // other hosts of the service with alerts starting with the failure
    int alertsBefore = 0; // alerts on other hosts starting in the window before the failure
    int alertsAfter = 0;  // ...and in the window from it
    TimeMs windowMs = 0;  // that window
    bool churn = false;
    bool tooSmall = false;
};

class CauseMagnitude {
public:
    explicit CauseMagnitude(MagnitudeOptions options)
        : m_opt(options) {}

    // An alert on `host` of `service`, a host outside every failing group.
    void add(int service, int host, TimeMs start) { m_starts[service].push_back({start, host}); }
    void finish(); // before judge()

    // nullopt-like: `explains` true when neither check holds.
    struct Verdict {
        bool explains = true;
        Unexplained why; // filled when !explains (the service's name is the caller's)
    };
    [[nodiscard]] Verdict judge(int service, TimeMs onset, int lostHosts, int serviceHosts) const;

private:
    struct Start {
        TimeMs at;
        int host;
        bool operator<(const Start &o) const { return at < o.at; }
    };
    MagnitudeOptions m_opt;
    std::unordered_map<int, std::vector<Start>> m_starts;
};

// How often alerts of each kind (the groupBy key: an alert name by default) were starting around a
// failure, whatever their hosts. A kind that was starting as often before the failure as after it is
// the fleet's background (memory warnings all hour, a disk filling somewhere every few minutes), not the
// failure's doing, even on a service that depends on it. A kind that was quiet and bursts with the
// failure is its doing even where no dependency edge says so (edges are missing or wrong in most
// fleets). Pure; the Correlator adds every current alert each update.
class AlertRates {
public:
    explicit AlertRates(MagnitudeOptions options)
        : m_opt(options) {}
    void reset(std::size_t kinds);
    void add(int kind, TimeMs start) { m_kinds[static_cast<std::size_t>(kind)].starts.push_back(start); }

    struct Around {
        int before = 0, after = 0;
    };
    // Counted once per kind and onset: a scan of the kind's starts, or once a kind is asked about many
    // onsets, a search of them sorted (a poll asks about few failures, each of many alerts).
    [[nodiscard]] Around around(int kind, TimeMs onset);
    [[nodiscard]] bool churns(int kind, TimeMs onset) {
        const auto a = around(kind, onset);
        return m_opt.churning(a.before, a.after);
    }
    [[nodiscard]] bool bursts(int kind, TimeMs onset) {
        const auto a = around(kind, onset);
        return m_opt.bursting(a.before, a.after);
    }

private:
    struct Kind {
        std::vector<TimeMs> starts;
        bool sorted = false;
        std::vector<std::pair<TimeMs, Around>> asked; // by onset
    };
    MagnitudeOptions m_opt;
    std::vector<Kind> m_kinds;
};

} // namespace vigil::analysis
