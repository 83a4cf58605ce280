#pragma once
// The hardware wear ranking as a table: one row per host, soonest to fail first, with raw values (hours
// to failure, each trend's figures) for a presentation proxy (widgets/hostmap/wearproxy.h) to word and
// colour.
#include "../analysis/wear.h"

#include <QAbstractTableModel>

#include <memory>

namespace vigil {

class WearModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { HostColumn = 0, FailsInColumn, WhyColumn, ColumnCount };
    enum Role {
        HostRole = Qt::UserRole + 1, // QString: the host's name, on every column
        HoursRole,                   // double: hours to failure (0: now; +inf: not trending toward it)
        ReplaceSoonRole,             // bool: within the replace-soon horizon
        TrendsRole, // QVariantList of {title, current, slopePerHour}, most urgent first (WhyColumn)
    };

    explicit WearModel(QObject *parent = nullptr);

    void setReport(std::shared_ptr<const analysis::WearReport> report);
    [[nodiscard]] const std::shared_ptr<const analysis::WearReport> &report() const { return m_report; }
    // Hosts projected to fail within the replace-soon horizon.
    [[nodiscard]] int replaceSoon() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    // DisplayRole: the host name, the hours to failure (double) and the trends' titles.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const analysis::WearReport> m_report;
    analysis::WearOptions m_options;
};

} // namespace vigil
