#pragma once
// The members of one incident as a tree: the alerts at the cause first, then the affected alerts
// grouped by alert name (largest group first). Children are the alerts themselves.
#include "../analysis/correlation.h"
#include "../fleet/fleetsnapshot.h"

#include <QAbstractItemModel>

namespace vigil {

class IncidentAlertsModel final : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn = 0, InstanceColumn, StateColumn, StartedColumn, SummaryColumn, ColumnCount };
    enum Role {
        AlertIndexRole = Qt::UserRole + 1, // int: index into the snapshot's alerts; -1 for a group row
    };

    explicit IncidentAlertsModel(QObject *parent = nullptr);

    // Shows the incident with `key` in the snapshot (none when it is not there).
    void setIncident(FleetSnapshotPtr snapshot, const std::string &key);
    [[nodiscard]] const Alert *alertAt(const QModelIndex &index) const;
    [[nodiscard]] const std::string &key() const { return m_key; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Group {
        QString title;
        bool atCause = false;
        std::vector<std::uint32_t> alerts;
    };
    FleetSnapshotPtr m_snapshot;
    std::string m_key;
    std::vector<Group> m_groups;
};

} // namespace vigil
