#pragma once
// One row per host of the snapshot: name, status, active alerts, one column per profile metric, labels.
// Raw values only (formatting is the widgets' job). Each new snapshot is applied with targeted
// notifications: dataChanged for rows whose values moved, insert/remove for membership, reset only when
// the metric columns themselves change.
#include "../fleet/fleetsnapshot.h"

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

    explicit HostTableModel(QObject *parent = nullptr);

    void setSnapshot(FleetSnapshotPtr snapshot);
    [[nodiscard]] FleetSnapshotPtr snapshot() const { return m_snapshot; }
    [[nodiscard]] const Host *hostAt(int row) const;
    [[nodiscard]] int labelsColumn() const { return FirstMetricColumn + static_cast<int>(m_metrics.size()); }
    [[nodiscard]] int metricColumn(const std::string &key) const;
    // SortRole's order without QVariants (a proxy re-sorting ten thousand rows after a poll asks about
    // a hundred thousand pairs); nullopt for a column it does not order (labels).
    [[nodiscard]] std::optional<bool> lessThan(int leftRow, int rightRow, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    static bool sameRow(const Host &a, const Host &b);

    FleetSnapshotPtr m_snapshot;
    std::vector<MetricQuery> m_metrics;
    std::vector<const Host *> m_rows; // point into m_snapshot (or the previous one during an update)
    std::vector<std::string> m_staleSources;
};

} // namespace vigil
