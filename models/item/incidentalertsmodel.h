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
        AlertIndexRole =
            Qt::UserRole + 1, // int: index into the snapshot's alerts; -1 for a group row or "more"
    };
    // A tree of 60,000 expanded rows costs the view tens of milliseconds per poll: a group lists its
    // first kMaxChildren alerts and then one row saying how many more there are.
    static constexpr int kMaxChildren = 500;

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
        const std::vector<std::uint32_t> *alerts =
            nullptr; // the incident's members (kept alive by m_snapshot)
        std::uint32_t begin = 0, end = 0;
        [[nodiscard]] int size() const { return static_cast<int>(end - begin); }
        [[nodiscard]] int rows() const { return size() > kMaxChildren ? kMaxChildren + 1 : size(); }
        [[nodiscard]] std::uint32_t at(int row) const {
            return (*alerts)[begin + static_cast<std::uint32_t>(row)];
        }
    };
    FleetSnapshotPtr m_snapshot;
    std::string m_key;
    std::vector<Group> m_groups;
};

} // namespace vigil
