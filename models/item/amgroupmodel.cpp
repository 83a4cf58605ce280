#include "amgroupmodel.h"

#include "../support/retire.h"
#include "incidentmodel.h"

#include <QLocale>

namespace vigil {

AmGroupModel::AmGroupModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void AmGroupModel::setSnapshot(FleetSnapshotPtr snapshot) {
    std::vector<std::string> keys;
    if (snapshot)
        for (const auto &g : snapshot->amGroups)
            keys.push_back(g.receiver + g.labels.toString());
    if (keys == m_keys) {
        replaceRetiring(m_snapshot, std::move(snapshot));
        if (!m_keys.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    replaceRetiring(m_snapshot, std::move(snapshot));
    m_keys = std::move(keys);
    endResetModel();
}

int AmGroupModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_keys.size());
}

int AmGroupModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AmGroupModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || !m_snapshot || index.row() >= static_cast<int>(m_snapshot->amGroups.size()))
        return {};
    const auto &g = m_snapshot->amGroups[static_cast<std::size_t>(index.row())];
    const auto *t = m_snapshot->triage.get();
    const analysis::TriageResult::AmGroupView *view =
        t && static_cast<std::size_t>(index.row()) < t->amGroups.size()
            ? &t->amGroups[static_cast<std::size_t>(index.row())]
            : nullptr;
    const analysis::Incident *top =
        view && view->topIncident >= 0 ? &t->incidents[static_cast<std::size_t>(view->topIncident)] : nullptr;
    if (role == TopIncidentKeyRole)
        return top ? QString::fromStdString(top->key) : QString();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QLocale l;
    switch (index.column()) {
    case GroupColumn:
        return g.labels.empty() ? tr("(all alerts)") : QString::fromStdString(g.labels.toString());
    case ReceiverColumn:
        return QString::fromStdString(g.receiver);
    case AlertsColumn:
        return l.toString(static_cast<qulonglong>(g.fingerprints.size()));
    case IncidentsColumn:
        if (!view || !top)
            return tr("none");
        if (view->incidents == 1)
            return tr("1 incident: %1").arg(IncidentModel::causeTitle(*top));
        return tr("%1 incidents, mostly %2")
            .arg(l.toString(view->incidents), IncidentModel::causeTitle(*top));
    default:
        return {};
    }
}

QVariant AmGroupModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GroupColumn:
        return tr("Alertmanager group");
    case ReceiverColumn:
        return tr("Receiver");
    case AlertsColumn:
        return tr("Alerts");
    case IncidentsColumn:
        return tr("In Vigil's incidents");
    default:
        return {};
    }
}

} // namespace vigil
