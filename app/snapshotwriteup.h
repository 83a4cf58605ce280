#pragma once
// The postmortem draft of an incident in a snapshot: every minute of the window replayed through the
// same fleet state and triage (PostmortemBuilder), the affected hosts' metrics from the file, the
// blast radius as the topology map at the peak, written as Markdown (with the map beside it), HTML
// (the map inside) or PDF. Needs a QApplication (the map is a rendered view).
#include <QString>

#include <memory>
#include <optional>

namespace vigil {

namespace snapshot {
class SnapshotFile;
}

struct Postmortem;

// The draft of `incident` (empty: the one the file was exported for, else the top incident at the
// window's end): every minute replayed, the metrics read. Any thread. Nullopt with *error when the
// incident never appears.
std::optional<Postmortem> draftPostmortem(const std::shared_ptr<const snapshot::SnapshotFile> &file,
                                          const QString &incident, QString *error);
// Writes it to `out` (.md, .html or .pdf), rendering the map. GUI thread.
bool writePostmortem(const std::shared_ptr<const snapshot::SnapshotFile> &file, const Postmortem &pm,
                     const QString &out, QString *error);
// Both, for `vigil snapshot writeup`.
bool writeUp(const std::shared_ptr<const snapshot::SnapshotFile> &file, const QString &incident,
             const QString &out, QString *error);

} // namespace vigil
