#include "servicedetailmodel.h"

#include <QStringList>

#include <cmath>
#include <limits>

namespace vigil {

ServiceDetailModel::ServiceDetailModel(Part part, QObject *parent)
    : QAbstractTableModel(parent)
    , m_part(part) {}

void ServiceDetailModel::setDetail(std::shared_ptr<const analysis::ServiceDetail> detail) {
    beginResetModel();
    m_detail = std::move(detail);
    endResetModel();
}

int ServiceDetailModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid() || !m_detail)
        return 0;
    switch (m_part) {
    case Part::Dependencies:
        return static_cast<int>(m_detail->dependencies.size());
    case Part::Hosts:
        return static_cast<int>(m_detail->hostRows.size());
    case Part::Alerts:
        return static_cast<int>(m_detail->alertRows.size());
    }
    return 0;
}

int ServiceDetailModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_part == Part::Dependencies ? 6 : 4;
}

QVariant ServiceDetailModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    if (m_part == Part::Dependencies)
        return dependency(m_detail->dependencies[row], index.column(), role);
    if (role != Qt::DisplayRole)
        return {};
    return m_part == Part::Hosts ? host(m_detail->hostRows[row], index.column())
                                 : alert(m_detail->alertRows[row], index.column());
}

QVariant ServiceDetailModel::dependency(const analysis::ServiceDetail::Dependency &d, int column, int role) {
    if (role == HostsOfOtherRole && column == UpColumn)
        return d.otherHosts;
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case DirectionColumn:
        return d.dependsOn;
    case ServiceColumn:
        return QString::fromStdString(d.service);
    case RequestsColumn:
        return d.requestsPerSecond;
    case ErrorsColumn:
        return d.errorsPerSecond;
    case ErrorShareColumn:
        return !std::isnan(d.requestsPerSecond) && !std::isnan(d.errorsPerSecond) && d.requestsPerSecond > 0
                   ? 100 * d.errorsPerSecond / d.requestsPerSecond
                   : std::numeric_limits<double>::quiet_NaN();
    case UpColumn:
        return d.otherUp;
    default:
        return {};
    }
}

QVariant ServiceDetailModel::host(const analysis::ServiceDetail::HostRow &h, int column) {
    switch (column) {
    case HostNameColumn:
        return QString::fromStdString(h.host);
    case StateColumn:
        return h.inInventory ? static_cast<int>(h.up) : kNotInInventory;
    case HostAlertsColumn:
        return h.alerts;
    case HostWorstColumn:
        return h.worst;
    default:
        return {};
    }
}

QVariant ServiceDetailModel::alert(const analysis::ServiceDetail::AlertRow &a, int column) {
    switch (column) {
    case AlertNameColumn:
        return QString::fromStdString(a.alertname);
    case CountColumn:
        return a.count;
    case AlertWorstColumn:
        return a.worst;
    case AlertHostsColumn: {
        QStringList hosts;
        for (const auto &h : a.hosts)
            hosts << QString::fromStdString(h);
        return hosts;
    }
    default:
        return {};
    }
}

} // namespace vigil
