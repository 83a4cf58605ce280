#include "triage/incidentfilterproxy.h"

#include "item/incidentmodel.h"

#include <QColor>

namespace vigil {

void IncidentFilterProxy::setAllowed(std::vector<char> allowed, bool active) {
    m_allowed = std::move(allowed);
    m_active = active;
    invalidateFilter();
}

QVariant IncidentFilterProxy::data(const QModelIndex &index, int role) const {
    if (role == Qt::BackgroundRole && QSortFilterProxyModel::data(index, IncidentModel::MarkedRole).toBool())
        return QColor(0xff, 0xe4, 0xa8);
    // An incident only unreachable sources vouch for is its last known state: greyed, like stale hosts.
    if (role == Qt::ForegroundRole && QSortFilterProxyModel::data(index, IncidentModel::StaleRole).toBool())
        return QColor(0x80, 0x80, 0x80);
    return QSortFilterProxyModel::data(index, role);
}

bool IncidentFilterProxy::filterAcceptsRow(int row, const QModelIndex &parent) const {
    if (parent.isValid())
        return false;
    return !m_active ||
           (row < static_cast<int>(m_allowed.size()) && m_allowed[static_cast<std::size_t>(row)]);
}

} // namespace vigil
