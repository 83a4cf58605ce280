#include "imbalancemodel.h"

#include <QStringList>

namespace vigil {

ImbalanceModel::ImbalanceModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void ImbalanceModel::setRanking(FleetSnapshotPtr snapshot,
                                std::shared_ptr<const std::vector<analysis::GroupImbalance>> ranking,
                                int metric) {
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_ranking = m_snapshot ? std::move(ranking) : nullptr;
    if (m_snapshot && metric >= 0 && metric < static_cast<int>(m_snapshot->metrics.size()))
        m_unit = m_snapshot->metrics[static_cast<std::size_t>(metric)].unit;
    endResetModel();
}

int ImbalanceModel::rowOfGroup(const QString &group) const {
    const std::string g = group.toStdString();
    for (int r = 0; r < rowCount(); ++r)
        if ((*m_ranking)[static_cast<std::size_t>(r)].group == g)
            return r;
    return -1;
}

int ImbalanceModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() || !m_ranking ? 0 : static_cast<int>(m_ranking->size());
}

int ImbalanceModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QStringList ImbalanceModel::names(const std::vector<int> &hosts) const {
    QStringList out;
    for (int i : hosts)
        if (i >= 0 && i < static_cast<int>(m_snapshot->hosts.size()))
            out << QString::fromStdString(m_snapshot->hosts[static_cast<std::size_t>(i)].name);
    return out;
}

QVariant ImbalanceModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto &g = (*m_ranking)[static_cast<std::size_t>(index.row())];
    switch (role) {
    case HotHostsRole:
        return names(g.hot);
    case IdleHostsRole:
        return names(g.idle);
    case CvRole:
        return g.cv;
    case ExcessRole:
        return g.excess;
    case HotAtRole:
        return g.hotAt;
    case IdleAtRole:
        return g.idleAt;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case GroupColumn:
        return QString::fromStdString(g.group);
    case HostsColumn:
        return g.hosts;
    case MeanColumn:
        return g.mean;
    case MaxColumn:
        return g.max;
    case MaxOverMeanColumn:
        return g.maxOverMean;
    case HotColumn:
        return g.hotShare;
    case IdleColumn:
        return g.idleShare;
    default:
        return {};
    }
}

} // namespace vigil
