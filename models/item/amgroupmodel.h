#pragma once
// Alertmanager's own grouping as its route tree formed it, beside Vigil's incidents: each group's
// labels, receiver, size, and which of Vigil's incidents its alerts fall into.
#include "../analysis/correlation.h"
#include "../fleet/fleetsnapshot.h"

#include <QAbstractTableModel>

namespace vigil {

class AmGroupModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { GroupColumn = 0, ReceiverColumn, AlertsColumn, IncidentsColumn, ColumnCount };
    enum Role { TopIncidentKeyRole = Qt::UserRole + 1 };

    explicit AmGroupModel(QObject *parent = nullptr);
    void setSnapshot(FleetSnapshotPtr snapshot);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    FleetSnapshotPtr m_snapshot;
    std::vector<std::string> m_keys;
};

} // namespace vigil
