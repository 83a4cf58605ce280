#pragma once
// Uneven load as a table: one row per group (pool, rack, any label), most uneven first, with raw figures
// in the load metric's unit for a presentation proxy (widgets/hostmap/imbalanceproxy.h) to word, and the
// redlining and idle hosts by name for the group's detail.
#include "../analysis/imbalance.h"
#include "../fleet/fleetsnapshot.h"

#include <QAbstractTableModel>

#include <memory>

namespace vigil {

class ImbalanceModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        GroupColumn = 0,
        HostsColumn,       // int: hosts with a value
        MeanColumn,        // double, in the metric's unit
        MaxColumn,         // double
        MaxOverMeanColumn, // double
        HotColumn,         // double: share of hosts redlining, 0..1
        IdleColumn,        // double: share idling
        ColumnCount
    };
    enum Role {
        HotHostsRole = Qt::UserRole + 1, // QStringList: redlining hosts, hottest first
        IdleHostsRole,                   // QStringList: idle hosts, coldest first
        CvRole,                          // double: coefficient of variation
        ExcessRole,                      // double: hosts' worth of load above the mean on the hot hosts
        HotAtRole,                       // double: the thresholds judged by
        IdleAtRole,
    };

    explicit ImbalanceModel(QObject *parent = nullptr);

    // ranking: rankImbalance over the snapshot's hosts (host indexes into it); metric: its index.
    void setRanking(FleetSnapshotPtr snapshot,
                    std::shared_ptr<const std::vector<analysis::GroupImbalance>> ranking, int metric);
    [[nodiscard]] MetricUnit unit() const { return m_unit; }
    [[nodiscard]] int rowOfGroup(const QString &group) const; // -1: none

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QStringList names(const std::vector<int> &hosts) const;

    FleetSnapshotPtr m_snapshot;
    std::shared_ptr<const std::vector<analysis::GroupImbalance>> m_ranking;
    MetricUnit m_unit = MetricUnit::Ratio;
};

} // namespace vigil
