#pragma once
// One row per polled endpoint: what the operator needs to trust it (last success, latency, bytes, error).
#include "../fleet/fleetsnapshot.h"

#include <QAbstractTableModel>

namespace vigil {

class SourceHealthModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        UrlColumn,
        StatusColumn,
        LastSuccessColumn,
        LatencyColumn,
        BytesColumn,
        VersionColumn,
        ErrorColumn,
        ColumnCount
    };
    // NowRole: the moment the snapshot shows (a replay's cursor, else the clock), for ages.
    enum Role { SortRole = Qt::UserRole + 1, HealthyRole, StaleRole, KindRole, NowRole };

    explicit SourceHealthModel(QObject *parent = nullptr);
    void setSnapshot(const FleetSnapshotPtr &snapshot);
    [[nodiscard]] const SourceHealth *sourceAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<SourceHealth> m_sources;
    TimeMs m_asOf = 0; // the snapshot's replay moment (0: live)
};

} // namespace vigil
