#include "hosts/hosttableproxy.h"

#include "common/format.h"
#include "item/hosttablemodel.h"

#include <QColor>
#include <QFont>

#include <cmath>

namespace vigil {

HostTableProxy::HostTableProxy(QObject *parent)
    : QIdentityProxyModel(parent) {}

bool HostTableProxy::setFilterText(const QString &text, QString *error) {
    return m_hosts && m_hosts->setFilterText(text, error);
}

QString HostTableProxy::filterText() const {
    return m_hosts ? m_hosts->filterText() : QString();
}

void HostTableProxy::setSourceModel(QAbstractItemModel *model) {
    m_hosts = qobject_cast<HostTableModel *>(model);
    QIdentityProxyModel::setSourceModel(model);
}

// Called for every role of every cell painted: each role asks the model only what it needs (the stale
// check walks the host's sources).
QVariant HostTableProxy::data(const QModelIndex &index, int role) const {
    const QModelIndex src = mapToSource(index);
    const Host *h = m_hosts && src.isValid() ? m_hosts->hostAt(src.row()) : nullptr;
    if (!h)
        return QIdentityProxyModel::data(index, role);
    const int col = src.column();
    const bool isMetric = col >= HostTableModel::FirstMetricColumn && col < m_hosts->labelsColumn();
    auto stale = [&] { return m_hosts->data(src, HostTableModel::StaleRole).toBool(); };
    switch (role) {
    case Qt::DisplayRole:
        if (col == HostTableModel::StatusColumn) {
            const QString s = h->up == UpState::Up     ? tr("up")
                              : h->up == UpState::Down ? tr("DOWN")
                                                       : tr("unknown");
            return stale() ? tr("%1 (stale)").arg(s) : s;
        }
        if (col == HostTableModel::AlertsColumn) {
            const int alerts = m_hosts->data(src, Qt::DisplayRole).toInt();
            return alerts == 0 ? QString() : QString::number(alerts);
        }
        if (isMetric)
            return format::metric(
                m_hosts->data(src, Qt::DisplayRole).toDouble(),
                static_cast<MetricUnit>(m_hosts->data(src, HostTableModel::MetricUnitRole).toInt()));
        return m_hosts->data(src, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (isMetric || col == HostTableModel::AlertsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (stale())
            return QColor(0x80, 0x80, 0x80);
        if (col == HostTableModel::StatusColumn && h->up == UpState::Down)
            return QColor(0xd0, 0x30, 0x30);
        if (col == HostTableModel::AlertsColumn)
            return QColor(0xd0, 0x70, 0x10);
        return {};
    case Qt::FontRole:
        if (col == HostTableModel::StatusColumn && h->up == UpState::Down) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::DecorationRole:
    case Qt::CheckStateRole:
    case Qt::BackgroundRole:
        return {};
    default:
        return m_hosts->data(src, role);
    }
}

QVariant HostTableProxy::headerData(int section, Qt::Orientation orientation, int role) const {
    const HostTableModel *model = m_hosts;
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && model) {
        if (section == HostTableModel::NameColumn)
            return tr("Host");
        if (section == HostTableModel::StatusColumn)
            return tr("Status");
        if (section == HostTableModel::AlertsColumn)
            return tr("Alerts");
        if (section == model->labelsColumn())
            return tr("Labels");
    }
    return QIdentityProxyModel::headerData(section, orientation, role);
}

} // namespace vigil
