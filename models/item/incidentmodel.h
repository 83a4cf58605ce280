#pragma once
// Triage's incident list: one row per incident of the snapshot's triage result, ranked as the
// correlator ranked them. Raw values and a plain-language reason; formatting of numbers is the view's.
// A poll that keeps the same incidents in the same order updates rows in place (dataChanged); a
// different set or order resets, and views reselect by key.
#include "../analysis/correlation.h"
#include "../fleet/fleetsnapshot.h"
#include "../support/jobrunner.h"

#include <QAbstractTableModel>

namespace vigil {

class IncidentModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        SeverityColumn = 0,
        CauseColumn,
        AlertsColumn,
        HostsColumn,
        ServicesColumn,
        StartedColumn,
        ConfidenceColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
        KeyRole,        // QString: the incident's stable key
        SeverityRole,   // int: 0 info, 1 warning, 2 critical
        ReasonRole,     // QString: why Vigil names this cause
        FilterTextRole, // QString: cause, reason and member alert names, for the filter
        NewRole,        // bool
        EscalatingRole, // bool
        MarkedRole,     // bool: a member alert is on a host selected elsewhere (a map, a drift cluster)
        StaleRole,      // bool: only unreachable sources reported its alerts (their last known state)
    };

    explicit IncidentModel(QObject *parent = nullptr);

    void setSnapshot(FleetSnapshotPtr snapshot);
    // Hosts selected in another view: incidents with an alert on one of them are marked (MarkedRole).
    // identity names an alert's host. Empty: nothing marked.
    void setMarkedHosts(std::vector<std::string> hosts, HostIdentity identity);
    [[nodiscard]] int markedCount() const;
    [[nodiscard]] FleetSnapshotPtr snapshot() const { return m_snapshot; }
    [[nodiscard]] const analysis::TriageResult *triage() const;
    [[nodiscard]] const analysis::Incident *incidentAt(int row) const;
    [[nodiscard]] int rowOfKey(const QString &key) const;

    // "3,100 alerts → 6 incidents"
    [[nodiscard]] QString headline() const;
    // "rack eu1-a-r07", "host db-0003:9100", "service api", "HighCpu"
    static QString causeTitle(const analysis::Incident &incident);
    // "38 of 40 hosts in rack eu1-a-r07 stopped answering within 40 s; 412 alerts on 9 services depend on
    // them"
    static QString reason(const analysis::Incident &incident);
    // Counter-evidence: "not explained: it took 40 of 5,000 hosts of service web, too few to explain
    // alerts on 2,869 of the others"
    static QString unexplainedText(const analysis::Unexplained &u);
    static QString severityName(int severity);
    // What an empty list means: "the fleet is quiet" only when something watches (FleetSummary).
    static QString noAlertsTitle(const FleetSnapshot *snapshot);

Q_SIGNALS:
    // After every setSnapshot, whether rows changed or not (headlines, storm state).
    void updated();
    // The marked incidents changed (MarkedRole, markedCount()).
    void marksChanged();

public:
    static constexpr std::size_t kInlineAlerts = 20'000; // marks of larger snapshots are computed off-thread
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Marks from the marked hosts: at once for a small snapshot, on the job runner for a large one
    // (a pass over every member alert); marksChanged follows either way.
    void requestMarks();
    static std::vector<char> marksOf(const FleetSnapshot *snapshot, const std::vector<std::string> &hosts,
                                     const HostIdentity &identity);

    FleetSnapshotPtr m_snapshot;
    std::vector<std::string> m_keys;
    std::vector<std::string> m_markedHosts; // sorted
    HostIdentity m_identity;
    std::vector<char> m_marked; // per row
    // Per row, worked out when first asked: -1 not yet, 0 fresh, 1 stale. Empty while every source
    // answers, when nothing can be stale.
    mutable std::vector<signed char> m_stale;
    [[nodiscard]] bool staleAt(int row) const;
    void resetStale();
    JobRunner m_jobs;
};

} // namespace vigil
