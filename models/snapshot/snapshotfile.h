#pragma once
// An incident snapshot opened for reading (docs/snapshot-format.md). The file is someone else's: it is
// opened immutable and read-only with trusted_schema off, refused if it holds a view or a trigger, its
// format version, schema and integrity are checked, and every size is bounded before anything is read.
// Everything is then read into memory once, so the file is never touched again, and the fleet as it was
// at any moment of the window is rebuilt from the changes it records.
#include "config/config.h"
#include "store/store.h"

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace vigil::snapshot {

struct SnapshotInfo {
    int format = 0;
    std::string vigilVersion;
    TimeMs createdAt = 0;
    std::string createdBy;
    TimeMs from = 0, to = 0; // the window
    std::string incident;    // the incident's key, may be empty
    std::string title;
    std::int64_t fleetSize = 0;
    std::string redacted; // what the exporter left out or hashed
};

// Something a reviewer jumps to with "next event".
struct SnapshotEvent {
    enum class Kind { AlertFired, AlertResolved, SourceFailed, SourceRecovered, SilenceCreated, Note };
    TimeMs time = 0;
    Kind kind = Kind::AlertFired;
    std::string what; // alert names, source id, silence comment, note text
    int count = 1;    // alerts in this event
};

class SnapshotFile final : public HistoryReader {
public:
    // Nullptr with *error saying why ("not a Vigil snapshot", "made by a newer Vigil", "damaged: ...").
    static std::shared_ptr<const SnapshotFile> open(const std::string &path, std::string *error);

    [[nodiscard]] const std::string &path() const { return m_path; }
    [[nodiscard]] const SnapshotInfo &info() const { return m_info; }
    // The settings the snapshot was taken with (profile, topology, triage, sources by name and URL).
    [[nodiscard]] const Config &settings() const { return m_settings; }
    // The fleet as it was at t: hosts present and up or down, their latest metric values, alerts active
    // and their state, silences, facts, notes and acknowledgements, each source's last poll.
    [[nodiscard]] CachedState stateAt(TimeMs t) const;
    [[nodiscard]] const std::vector<ServiceEdge> &edges() const { return m_edges; }
    [[nodiscard]] const std::vector<AlertRule> &rules() const { return m_rules; }
    // What the profile's joins added at export, (label, value) sorted and distinct, and the (service,
    // host) pairs they gave (FleetSnapshot::joined and runsOn); empty in files before format 4.
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>> &joined() const { return m_joined; }
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>> &runsOn() const { return m_runsOn; }
    // By time; alerts that fired (or resolved) within the same minute are one event ("12 alerts fired:
    // HostDown, ..."), so a storm is a few stops, not thousands.
    [[nodiscard]] const std::vector<SnapshotEvent> &events() const { return m_events; }
    // Alerts active (not resolved) in each minute of the window, from its first minute.
    [[nodiscard]] std::vector<int> activeAlertsPerMinute() const;
    [[nodiscard]] std::vector<std::pair<std::string, std::pair<double, double>>>
    layout(const std::string &map) const;
    // HistoryReader, from the file (read into memory at open).
    bool readMetricHistory(const std::string &metricKey, TimeMs from, TimeMs to,
                           const std::function<int(const std::string &)> &rowOf,
                           const HistorySink &sink) const override;
    FactHistory factsAt(TimeMs at) const override;
    std::map<std::tuple<std::string, std::string, std::string>, TimeMs>
    firstSeenOf(const std::vector<Fact> &facts, TimeMs at) const override;

private:
    friend class SnapshotReader;
    struct HostState {
        TimeMs time = 0;
        int up = 0; // UpState, or -1: not in the inventory
        LabelSet labels;
    };
    struct HostRec {
        std::int64_t slot = 0;
        std::string name;
        std::vector<std::string> sources;
        std::vector<HostState> states; // by time
    };
    struct AlertRec {
        Alert alert;
        std::vector<std::pair<TimeMs, AlertState>> states; // by time; Resolved ends it
    };
    struct PollRec {
        TimeMs time = 0;
        double latencyMs = 0;
        std::int64_t bytes = 0;
        bool failed = false;
        std::string error;
    };
    struct FactRec {
        std::int64_t slot = 0;
        std::string name, value;
        TimeMs firstSeen = 0, lastSeen = 0; // lastSeen 0: still current at the end
    };
    std::string m_path;
    SnapshotInfo m_info;
    Config m_settings;
    std::vector<SourceHealth> m_sources;
    std::map<std::string, std::vector<PollRec>> m_polls; // by source id, by time
    std::vector<HostRec> m_hosts;                        // by name
    std::map<std::int64_t, std::size_t> m_hostBySlot;
    std::vector<MetricQuery> m_metrics;
    std::vector<std::map<std::int64_t, std::vector<float>>> m_samples; // per metric: minute -> by slot - 1
    std::vector<AlertRec> m_alerts;
    std::vector<Silence> m_silences;
    std::vector<FactRec> m_facts;
    std::vector<IncidentNote> m_notes;
    std::vector<Acknowledgement> m_acks;
    std::vector<ServiceEdge> m_edges;
    std::vector<AlertRule> m_rules;
    std::vector<std::pair<std::string, std::string>> m_joined, m_runsOn;
    std::map<std::string, std::vector<std::pair<std::string, std::pair<double, double>>>> m_layouts;
    std::vector<SnapshotEvent> m_events;
};

} // namespace vigil::snapshot
