#pragma once
// Every alert of the snapshot as one flat, sortable, filterable table: triage's dense mode for
// laptops. Rows are indexes into the snapshot, filtered with the AlertFilter language and sorted in
// the model (no proxy), so 100,000 rows stay cheap for a QTableView to scroll.
#include "../analysis/correlation.h"
#include "../fleet/alertfilter.h"
#include "../fleet/fleetsnapshot.h"

#include <QAbstractTableModel>

namespace vigil {

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

    explicit AlertTableModel(QObject *parent = nullptr);

    void setSnapshot(FleetSnapshotPtr snapshot);
    // False and *error when the text does not parse; the previous filter stays.
    bool setFilterText(const QString &text, QString *error);
    [[nodiscard]] const Alert *alertAt(int row) const;
    [[nodiscard]] int alertIndex(int row) const;
    [[nodiscard]] int totalAlerts() const { return m_total; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void rebuild();
    void sortRows();

    FleetSnapshotPtr m_snapshot;
    AlertFilter m_filter;
    std::vector<std::uint32_t> m_rows;
    int m_total = 0;
    int m_sortColumn = -1;
    Qt::SortOrder m_order = Qt::AscendingOrder;
};

} // namespace vigil
