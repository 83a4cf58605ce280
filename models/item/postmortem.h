#pragma once
// The postmortem draft of one incident, from the fleet at every minute of an incident snapshot (or any
// sequence of snapshots): the timeline (first alert, cause named, escalations, silences, acknowledgements
// and notes with their authors, resolution), alerts per minute by severity, the affected hosts' metrics
// before and during, the blast radius and the evidence for the cause in words. Written as Markdown or
// HTML (which the app turns into PDF). Fed one snapshot at a time, so an hour of 10,000 hosts is never
// held at once.
#include "../fleet/fleetsnapshot.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vigil {

struct Postmortem {
    QString key, cause, evidence, severity;
    TimeMs windowFrom = 0, windowTo = 0;
    TimeMs firstAlert = 0, causeNamedAt = 0, peakAt = 0, resolvedAt = 0; // 0: not in the window
    int peakAlerts = 0, hosts = 0, services = 0;
    double confidence = 0;
    struct Event {
        TimeMs time = 0;
        QString what;
    };
    std::vector<Event> timeline; // by time
    struct Minute {
        TimeMs time = 0;
        int info = 0, warning = 0, critical = 0; // the incident's alerts active in it
    };
    std::vector<Minute> minutes;
    QStringList affectedHosts; // at the peak, the cause's first
    QStringList affectedServices;
    struct HostMetric {
        QString host, metric;
        double before = 0, during = 0; // means; NaN when there was no value
        MetricUnit unit = MetricUnit::Ratio;
    };
    std::vector<HostMetric> metrics; // filled by the caller, which has the history
    QString exportedBy, redacted;
};

class PostmortemBuilder {
public:
    // key: the incident's (IncidentModel's key).
    PostmortemBuilder(QString key, TimeMs windowFrom, TimeMs windowTo);
    void add(const FleetSnapshotPtr &snapshot); // in time order, one per minute or so
    // nullopt when the incident never appeared.
    [[nodiscard]] std::optional<Postmortem> finish(const QString &exportedBy, const QString &redacted);

private:
    QString m_key;
    Postmortem m_pm;
    int m_lastCount = 0;
    bool m_present = false, m_seen = false;
    int m_lastSeverity = -1;
    FleetSnapshotPtr m_last;
    std::vector<IncidentNote> m_notes;
    std::vector<Acknowledgement> m_acks;
    std::vector<Silence> m_silences;
};

// The draft as Markdown; `mapImage` (may be empty) is the file name of the blast radius picture.
QString postmortemMarkdown(const Postmortem &pm, const QString &mapImage = {});
// The same as one HTML page; `mapImage` may be a file name or a data: URI.
QString postmortemHtml(const Postmortem &pm, const QString &mapImage = {}, int mapWidth = 900);

} // namespace vigil
