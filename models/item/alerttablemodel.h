#pragma once
// Every alert of the snapshot as one flat, sortable, filterable table: triage's dense mode for
// laptops. Rows are indexes into the snapshot, filtered with the AlertFilter language and sorted in
// the model (no proxy), so 100,000 rows stay cheap for a QTableView to scroll. Filtering and sorting a
// large snapshot (over kInlineAlerts) runs on the job runner: the table keeps showing the previous rows
// until the new ones are ready (rowsReady), and a newer snapshot, filter or sort supersedes the job.
#include "../analysis/correlation.h"
#include "../fleet/alertfilter.h"
#include "../fleet/fleetsnapshot.h"
#include "../support/jobrunner.h"

#include <QAbstractTableModel>

namespace vigil {

// Where an alert is, for the lists' "Where" column: its host by the snapshot's host identity (a pod
// alert's node, not the kube-state-metrics pod that reported it), else the place or service it names.
std::string_view alertWhere(const Alert &alert, const FleetSnapshot &snapshot);
// The alert's host by the snapshot's host identity when the inventory knows it (or there is no
// inventory); empty otherwise (kube-state-metrics' alerts carry its own pod's address as instance).
std::string_view fleetHostOf(const Alert &alert, const FleetSnapshot &snapshot);
// Whether no source that reported the alert answers any more (its last poll failed or is older than two
// intervals, or the snapshot is the cache's): what the lists show of it is its last known state.
bool alertStale(const Alert &alert, const FleetSnapshot &snapshot);
// The State column: "firing", "silenced", "inhibited", with "(stale)" when alertStale.
QString alertStateText(const Alert &alert, const FleetSnapshot &snapshot);

class AlertTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        SeverityColumn = 0,
        NameColumn,
        WhereColumn,
        StateColumn,
        StartedColumn,
        IncidentColumn,
        SeenByColumn,
        SummaryColumn,
        ColumnCount
    };
    enum Role { AlertIndexRole = Qt::UserRole + 1 };

    static constexpr std::size_t kInlineAlerts = 20'000;

    explicit AlertTableModel(QObject *parent = nullptr);

    void setSnapshot(FleetSnapshotPtr snapshot);
    // False and *error when the text does not parse; the previous filter stays.
    bool setFilterText(const QString &text, QString *error);
    [[nodiscard]] const Alert *alertAt(int row) const;
    [[nodiscard]] int alertIndex(int row) const;
    [[nodiscard]] int totalAlerts() const { return m_total; }
    // The snapshot the rows shown index (the newest one given once rowsReady has followed it).
    [[nodiscard]] const FleetSnapshotPtr &shownSnapshot() const { return m_snapshot; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // The rows of the newest snapshot, filter and sort are shown (and no job is pending).
    [[nodiscard]] bool isCurrent() const { return m_snapshot == m_latest && m_jobs.isIdle(); }

Q_SIGNALS:
    // New rows are shown (after a snapshot, filter or sort).
    void rowsReady();

private:
    struct Rows {
        FleetSnapshotPtr snapshot;
        std::vector<std::uint32_t> rows;
        int total = 0;
    };
    static Rows computeRows(FleetSnapshotPtr snapshot, const AlertFilter &filter, int column,
                            Qt::SortOrder order);
    void refresh();
    void show(Rows rows);

    FleetSnapshotPtr m_latest; // the newest snapshot given; m_snapshot is the one the rows index
    JobRunner m_jobs;
    FleetSnapshotPtr m_snapshot;
    AlertFilter m_filter;
    std::vector<std::uint32_t> m_rows;
    int m_total = 0;
    int m_sortColumn = -1;
    Qt::SortOrder m_order = Qt::AscendingOrder;
};

} // namespace vigil
