#pragma once
// One service's detail (analysis::ServiceDetail) as a table of raw values, one part per model: its
// dependencies both ways, its hosts, its alerts by name. Worded and coloured by the service detail
// dialog's proxy.
#include "../analysis/servicedetail.h"

#include <QAbstractTableModel>

#include <memory>

namespace vigil {

class ServiceDetailModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Part { Dependencies, Hosts, Alerts };
    // Dependencies: bool depends on (false: used by), the service, requests/s and errors/s (double,
    // NaN without a figure), the error share in % (NaN without one), its hosts up (int).
    enum DependencyColumn {
        DirectionColumn = 0,
        ServiceColumn,
        RequestsColumn,
        ErrorsColumn,
        ErrorShareColumn,
        UpColumn
    };
    // Hosts: the name, its state (int: UpState, or -1 not in the inventory), its alerts (int), the
    // worst alert's severity (int: -1 none, 0 info, 1 warning, 2 critical).
    enum HostColumn { HostNameColumn = 0, StateColumn, HostAlertsColumn, HostWorstColumn };
    // Alerts: the name, how many (int), the worst severity (int), the hosts (QStringList, sorted).
    enum AlertColumn { AlertNameColumn = 0, CountColumn, AlertWorstColumn, AlertHostsColumn };
    enum Role { HostsOfOtherRole = Qt::UserRole + 1 }; // int, on UpColumn: the other service's hosts
    static constexpr int kNotInInventory = -1;

    explicit ServiceDetailModel(Part part, QObject *parent = nullptr);

    void setDetail(std::shared_ptr<const analysis::ServiceDetail> detail);
    [[nodiscard]] Part part() const { return m_part; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] static QVariant dependency(const analysis::ServiceDetail::Dependency &d, int column,
                                             int role);
    [[nodiscard]] static QVariant host(const analysis::ServiceDetail::HostRow &h, int column);
    [[nodiscard]] static QVariant alert(const analysis::ServiceDetail::AlertRow &a, int column);

    Part m_part;
    std::shared_ptr<const analysis::ServiceDetail> m_detail;
};

} // namespace vigil
