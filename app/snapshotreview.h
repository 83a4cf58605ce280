#pragma once
// Reviewing an incident snapshot: the main window over a SnapshotSource (every view, read-only, no
// network), the replay bar under the views wired to the source's cursor, and a title and description
// that say it is a snapshot, of what window, exported by whom.
#include "support/jobrunner.h"
#include "support/timeutil.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace vigil {

namespace snapshot {
class SnapshotFile;
}
class MainWindow;
class SnapshotSource;
class TimelineScrubber;

class SnapshotReview final : public QObject {
    Q_OBJECT
public:
    SnapshotReview(std::shared_ptr<const snapshot::SnapshotFile> file, TimeMs cursor,
                   QObject *parent = nullptr);
    ~SnapshotReview() override;

    [[nodiscard]] MainWindow *window() const { return m_window.get(); }
    [[nodiscard]] SnapshotSource *source() const { return m_source.get(); }
    [[nodiscard]] TimelineScrubber *scrubber() const { return m_scrubber; }

    // --at: an RFC 3339 time, "+10m" after the window's start or "-5m" before its end; nullopt (with
    // *error) when unreadable or outside the window.
    static std::optional<TimeMs> parseAt(const QString &text, TimeMs from, TimeMs to, QString *error);

    // The postmortem draft of the incident selected in triage (else the file's own) to `path`
    // (.md/.html/.pdf): drafted on a worker, written (with the map) here; the status bar says how it went.
    void writeUp(const QString &path);

Q_SIGNALS:
    void writtenUp(bool ok, const QString &message);
    // The incidents' own changes (one starts, escalates, ends) were found and added to the replay bar.
    void incidentEventsFound(int count);

private:
    void findIncidentEvents();

    std::shared_ptr<const snapshot::SnapshotFile> m_file;
    JobRunner m_jobs;
    std::unique_ptr<SnapshotSource> m_source;
    std::unique_ptr<MainWindow> m_window;
    TimelineScrubber *m_scrubber = nullptr; // owned by the window
};

} // namespace vigil
