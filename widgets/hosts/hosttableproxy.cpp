#include "hosts/hosttableproxy.h"

#include "common/format.h"
#include "item/hosttablemodel.h"

#include <QColor>
#include <QFont>

#include <cmath>

namespace vigil {

HostTableProxy::HostTableProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(HostTableModel::SortRole);
    setDynamicSortFilter(true);
}

bool HostTableProxy::setFilterText(const QString &text, QString *error) {
    std::string err;
    auto f = LabelFilter::parse(text.toStdString(), &err);
    if (!f) {
        if (error)
            *error = QString::fromStdString(err);
        return false;
    }
    m_text = text;
    m_filter = f->empty() ? std::nullopt : std::move(f);
    invalidateRowsFilter();
    return true;
}

bool HostTableProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const {
    if (!m_filter)
        return true;
    auto *model = qobject_cast<const HostTableModel *>(sourceModel());
    const Host *h = model ? model->hostAt(sourceRow) : nullptr;
    return h && m_filter->matches(h->labels, h->name);
}

void HostTableProxy::setSourceModel(QAbstractItemModel *model) {
    m_hosts = qobject_cast<const HostTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

bool HostTableProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const {
    if (m_hosts && left.column() == right.column())
        if (const auto less = m_hosts->lessThan(left.row(), right.row(), left.column()))
            return *less;
    return QSortFilterProxyModel::lessThan(left, right);
}

QVariant HostTableProxy::data(const QModelIndex &index, int role) const {
    const QModelIndex src = mapToSource(index);
    auto *model = qobject_cast<const HostTableModel *>(sourceModel());
    if (!model || !src.isValid())
        return QSortFilterProxyModel::data(index, role);
    const int col = src.column();
    const bool isMetric = col >= HostTableModel::FirstMetricColumn && col < model->labelsColumn();
    const auto up = static_cast<UpState>(model->data(src, HostTableModel::UpStateRole).toInt());
    const bool stale = model->data(src, HostTableModel::StaleRole).toBool();
    switch (role) {
    case Qt::DisplayRole:
        if (col == HostTableModel::StatusColumn) {
            QString s = up == UpState::Up ? tr("up") : up == UpState::Down ? tr("DOWN") : tr("unknown");
            return stale ? tr("%1 (stale)").arg(s) : s;
        }
        if (col == HostTableModel::AlertsColumn) {
            const int n = model->data(src, Qt::DisplayRole).toInt();
            return n == 0 ? QString() : QString::number(n);
        }
        if (isMetric) {
            const double v = model->data(src, Qt::DisplayRole).toDouble();
            return format::metric(
                v, static_cast<MetricUnit>(model->data(src, HostTableModel::MetricUnitRole).toInt()));
        }
        return model->data(src, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (isMetric || col == HostTableModel::AlertsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (stale)
            return QColor(0x80, 0x80, 0x80);
        if (col == HostTableModel::StatusColumn && up == UpState::Down)
            return QColor(0xd0, 0x30, 0x30);
        if (col == HostTableModel::AlertsColumn)
            return QColor(0xd0, 0x70, 0x10);
        return {};
    case Qt::FontRole:
        if (col == HostTableModel::StatusColumn && up == UpState::Down) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    default:
        return model->data(src, role);
    }
}

QVariant HostTableProxy::headerData(int section, Qt::Orientation orientation, int role) const {
    auto *model = qobject_cast<const HostTableModel *>(sourceModel());
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
    return QSortFilterProxyModel::headerData(section, orientation, role);
}

} // namespace vigil
