#pragma once
// One row per host of the snapshot: name, status, active alerts, one column per profile metric, labels.
// Raw values only (formatting is the widgets' job). The model filters (the label-matcher language) and
// sorts its rows itself, like AlertTableModel: a proxy re-sorting ten thousand rows after every poll cost
// the GUI thread ten milliseconds. Which rows go, come, move and change is worked out on the job runner
// for fleets over kInlineHosts (at once for smaller ones) and applied with targeted notifications:
// removes and inserts for membership, one layout change when the order moves, dataChanged for rows
// whose values moved, reset only when the metric columns themselves change. Selection and scroll
// position follow the hosts (persistent indexes).
#include "../fleet/fleetsnapshot.h"
#include "../fleet/labelmatcher.h"
#include "../support/jobrunner.h"

#include <QAbstractTableModel>

#include <optional>

namespace vigil {

class HostTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn = 0, StatusColumn, AlertsColumn, FirstMetricColumn };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers for numeric columns, NaN sorts first
        HostNameRole,
        UpStateRole,    // int(UpState)
        MetricUnitRole, // int(MetricUnit) for metric columns
        MetricKeyRole,  // the profile key of a metric column
        LabelsTextRole, // "k=v k=v" for filtering
        StaleRole,      // bool: the host's sources have not answered within two intervals
    };

    static constexpr std::size_t kInlineHosts = 2'000;

    explicit HostTableModel(QObject *parent = nullptr);

    void setSnapshot(FleetSnapshotPtr snapshot);
    // Returns false and sets *error (the filter is left unchanged) when the text does not parse.
    bool setFilterText(const QString &text, QString *error);
    [[nodiscard]] QString filterText() const { return m_filterText; }
    // Sorted by `column` (-1: by name, the snapshot's order); ties keep the name order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    [[nodiscard]] FleetSnapshotPtr snapshot() const { return m_snapshot; }
    [[nodiscard]] const Host *hostAt(int row) const;
    // Hosts of the shown snapshot before the filter.
    [[nodiscard]] int totalHosts() const { return m_total; }
    [[nodiscard]] int labelsColumn() const { return FirstMetricColumn + static_cast<int>(m_metrics.size()); }
    [[nodiscard]] int metricColumn(const std::string &key) const;
    // SortRole's order for two rows; nullopt for a column it does not order by number or name (labels).
    [[nodiscard]] std::optional<bool> lessThan(int leftRow, int rightRow, int column) const;
    // The rows of the newest snapshot, filter and sort are shown (and no job is pending).
    [[nodiscard]] bool isCurrent() const { return m_snapshot == m_latest && m_jobs.isIdle(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // New rows are shown (after a snapshot, filter or sort).
    void rowsReady();

private:
    // What turns the rows shown into the next ones, worked out off the GUI thread.
    struct Plan {
        FleetSnapshotPtr snapshot;
        std::uint64_t base = 0;         // the m_generation the plan starts from
        bool reset = false;             // the metric columns changed
        std::vector<const Host *> rows; // the rows to show, into `snapshot`
        std::vector<int> keep;          // per row shown now: its index in `rows`, -1 when it goes
        std::vector<char> changed;      // per row of `rows`: it stays and its values moved
        std::vector<std::string> stale; // Prometheus sources stale in `snapshot`
        int total = 0;
    };
    struct Request {
        FleetSnapshotPtr shown;         // keeps the rows shown alive while the plan reads them
        std::vector<const Host *> rows; // the rows shown
        std::vector<MetricQuery> metrics;
        std::vector<std::string> stale;
        bool fromCache = false;
        FleetSnapshotPtr next;
        std::shared_ptr<const LabelFilter> filter; // null: every host
        int column = -1;
        Qt::SortOrder order = Qt::AscendingOrder;
        std::uint64_t base = 0;
    };
    static Plan plan(const Request &request);
    static bool sameRow(const FleetSnapshot &sa, const Host &a, const FleetSnapshot &sb, const Host &b);
    void refresh();
    void apply(Plan plan);
    void applyChanges(Plan &plan);
    void reorder(std::vector<int> &keep);

    FleetSnapshotPtr m_latest; // the newest snapshot given; m_snapshot is the one the rows point into
    JobRunner m_jobs;
    FleetSnapshotPtr m_snapshot;
    std::vector<MetricQuery> m_metrics;
    std::vector<const Host *> m_rows;
    std::vector<std::string> m_staleSources;
    std::shared_ptr<const LabelFilter> m_filter;
    QString m_filterText;
    int m_sortColumn = -1;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    int m_total = 0;
    std::uint64_t m_generation = 0; // counts the changes applied to m_rows
};

} // namespace vigil
