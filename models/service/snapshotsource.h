#pragma once
// The fleet source of an incident snapshot file: every view reads it exactly as it reads the live
// FleetService, with no network at all. A cursor over the recorded window picks the moment shown; each
// move rebuilds the snapshot for that moment off the GUI thread, through the same FleetState and
// analysis (fleet graph, triage) as a live poll, so incidents and their causes are what Vigil would have
// computed then. Read-only: it offers no FleetActions.
#include "../support/jobrunner.h"
#include "fleetsource.h"

#include <memory>
#include <mutex>

namespace vigil {

namespace snapshot {
class SnapshotFile;
}
namespace analysis {
class FleetAnalyzer;
}
class DriftSession;

class SnapshotSource final : public FleetSource {
    Q_OBJECT
public:
    // Shows the fleet at `cursor` from the start (0: the window's end, the incident at its fullest).
    explicit SnapshotSource(std::shared_ptr<const snapshot::SnapshotFile> file, TimeMs cursor = 0,
                            QObject *parent = nullptr);
    ~SnapshotSource() override;

    [[nodiscard]] const snapshot::SnapshotFile &file() const { return *m_file; }
    [[nodiscard]] TimeMs cursor() const { return m_cursor; }
    // Moves the cursor (clamped to the window). The snapshot for it arrives by snapshotReady; a newer move
    // supersedes one still being built.
    void setCursor(TimeMs t);
    // The fleet at t, built on the calling thread (tests, benchmarks, the headless write-up).
    [[nodiscard]] FleetSnapshotPtr buildAt(TimeMs t) const;
    // buildAt as a function any thread may call, also after this source is gone (background scans).
    [[nodiscard]] std::function<FleetSnapshotPtr(TimeMs)> builder() const;

    // FleetSource
    [[nodiscard]] FleetSnapshotPtr current() const override { return m_current; }
    [[nodiscard]] const Config &config() const override;
    [[nodiscard]] bool isLive() const override { return false; }
    void loadHistory(const QString &channel, const std::string &metricKey, TimeMs from, TimeMs to,
                     int columns, QObject *context, std::function<void(GridPtr)> done) override;
    void loadWear(int hours, QObject *context, std::function<void(WearPtr)> done) override;
    void loadDrift(TimeMs since, QObject *context, std::function<void(DriftPtr)> done) override;
    void loadLayout(const std::string &map, QObject *context, std::function<void(Positions)> done) override;
    // A snapshot is never written: a map moved while reviewing keeps its place until the file is closed.
    void saveLayout(const std::string &map, Positions positions) override;

Q_SIGNALS:
    void cursorChanged(vigil::TimeMs cursor);

private:
    struct Builder;
    std::shared_ptr<const snapshot::SnapshotFile> m_file;
    std::shared_ptr<Builder> m_builder; // shared with jobs: the analyzer's caches survive cursor moves
    std::shared_ptr<DriftSession> m_drift;
    std::map<std::string, Positions> m_layouts; // moved during this review
    TimeMs m_cursor = 0;
    FleetSnapshotPtr m_current;
    JobRunner m_jobs;
};

} // namespace vigil
