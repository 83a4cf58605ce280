#pragma once
// Drift judged incrementally across reports: the tracker (each host's outcome), the hosts changed since
// the last evaluation, compliance at past whole hours (they do not change), the first-seen times of the
// current violations and the last report's violations for "new since". judge() runs on a worker; one
// evaluation at a time.
#include "../analysis/baseline.h"
#include "../analysis/drift.h"
#include "../config/config.h"
#include "../fleet/fleetsnapshot.h"
#include "../support/jobrunner.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vigil {

class HistoryReader;

namespace analysis {
class DriftTracker;
struct Baseline;
} // namespace analysis

class DriftSession {
public:
    DriftSession();
    ~DriftSession();

    // Remembers which hosts a snapshot changed (GUI thread, each snapshot).
    void noteSnapshot(const FleetSnapshot &snap);
    // The drift of `snap` against the configured baseline (or the consensus), with first-seen times and
    // compliance over the last day from the cache; `since` is the last report's time (0: none).
    std::shared_ptr<const analysis::DriftSummary> judge(const FleetSnapshotPtr &snap,
                                                        const DriftConfig &drift,
                                                        const std::shared_ptr<const HistoryReader> &store,
                                                        TimeMs since, const CancelToken &cancel);

private:
    std::optional<std::vector<std::string>> takeChanged(std::uint64_t generation);
    std::vector<analysis::DriftNote> chooseBaseline(analysis::DriftSummary &out, const FleetSnapshot &snap,
                                                    const DriftConfig &drift);
    void judgeHosts(const analysis::DriftSummary &out, const FleetSnapshot &snap);
    void lookUpFirstSeen(const analysis::DriftSummary &out, const HistoryReader &store);
    void countSince(analysis::DriftSummary &out, const FleetSnapshot &snap, const HistoryReader &store,
                    TimeMs since);
    static void complianceByRole(analysis::DriftSummary &out, const FleetSnapshot &snap,
                                 const std::string &roleLabel);
    void complianceHistory(analysis::DriftSummary &out, const FleetSnapshot &snap, const HistoryReader &store,
                           const CancelToken &cancel);

    std::mutex m_work; // one evaluation at a time
    std::mutex m_pendingMutex;
    // Hosts changed per snapshot generation, appended on the GUI thread, taken by the next evaluation.
    std::vector<std::pair<std::uint64_t, std::vector<std::string>>> m_pending;
    std::uint64_t m_allChangedAt = 0; // a snapshot from which everything must be judged afresh (0: none)
    std::size_t m_pendingNames = 0;
    std::uint64_t m_evaluated = 0; // the generation the tracker reflects
    std::unique_ptr<analysis::DriftTracker> m_tracker;
    std::string m_baselineKey; // file, size and modification time: reloaded when it changes
    std::shared_ptr<const analysis::Baseline> m_fileBaseline;
    std::string m_fileError;
    std::map<TimeMs, double> m_history;
    analysis::FirstSeen m_firstSeen;
    TimeMs m_sinceAt = 0; // the last report's moment whose violations m_sinceKeys holds
    bool m_sinceKnown = false;
    std::set<std::string> m_sinceKeys;
};

} // namespace vigil
