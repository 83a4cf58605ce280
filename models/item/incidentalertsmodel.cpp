#include "incidentalertsmodel.h"

#include "alerttablemodel.h"

#include "../support/retire.h"

#include <QDateTime>

#include <QLocale>

namespace vigil {

IncidentAlertsModel::IncidentAlertsModel(QObject *parent)
    : QAbstractItemModel(parent) {}

void IncidentAlertsModel::setIncident(FleetSnapshotPtr snapshot, const std::string &key) {
    // The groups are slices of the incident's members, computed off the GUI thread (summarize()).
    std::vector<Group> groups;
    if (snapshot && snapshot->triage)
        for (const auto &inc : snapshot->triage->incidents) {
            if (inc.key != key)
                continue;
            for (const auto &g : inc.groups)
                groups.push_back({g.atCause    ? (inc.causeKind == analysis::CauseKind::AlertGroup
                                                      ? QString::fromStdString(inc.causeName)
                                                      : tr("At the cause"))
                                  : g.flapping ? tr("Flapping (folded)")
                                               : QString::fromStdString(g.name),
                                  g.atCause, &inc.alerts, g.begin, g.end});
            break;
        }
    beginResetModel();
    replaceRetiring(m_snapshot, std::move(snapshot));
    m_key = key;
    m_groups = std::move(groups);
    endResetModel();
}

const Alert *IncidentAlertsModel::alertAt(const QModelIndex &index) const {
    if (!index.isValid() || index.internalId() == 0)
        return nullptr;
    const auto &g = m_groups[static_cast<std::size_t>(index.internalId() - 1)];
    if (index.row() >= kMaxChildren)
        return nullptr;
    return &m_snapshot->alerts[g.at(index.row())];
}

QModelIndex IncidentAlertsModel::index(int row, int column, const QModelIndex &parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < static_cast<int>(m_groups.size()) ? createIndex(row, column, quintptr(0))
                                                       : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= static_cast<int>(m_groups.size()))
        return {};
    if (row >= m_groups[static_cast<std::size_t>(parent.row())].rows())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex IncidentAlertsModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, quintptr(0));
}

int IncidentAlertsModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return m_groups[static_cast<std::size_t>(parent.row())].rows();
}

int IncidentAlertsModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QVariant IncidentAlertsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid())
        return {};
    if (index.internalId() == 0) {
        const auto &g = m_groups[static_cast<std::size_t>(index.row())];
        if (role == AlertIndexRole)
            return -1;
        if (role != Qt::DisplayRole)
            return {};
        if (index.column() == NameColumn)
            return g.title;
        if (index.column() == InstanceColumn)
            return tr("%n alert(s)", nullptr, g.size());
        return {};
    }
    const auto &g = m_groups[static_cast<std::size_t>(index.internalId() - 1)];
    if (index.row() >= kMaxChildren) {
        if (role == AlertIndexRole)
            return -1;
        if (role == Qt::DisplayRole && index.column() == NameColumn)
            return tr("… %1 more").arg(QLocale().toString(g.size() - kMaxChildren));
        return {};
    }
    const std::uint32_t ai = g.at(index.row());
    const Alert &a = m_snapshot->alerts[ai];
    if (role == AlertIndexRole)
        return static_cast<int>(ai);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    auto q = [](std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); };
    switch (index.column()) {
    case NameColumn:
        return q(a.name());
    case InstanceColumn:
        return q(alertWhere(a, *m_snapshot));
    case StateColumn:
        return alertStateText(a, *m_snapshot);
    case StartedColumn: {
        const QString t = QDateTime::fromMSecsSinceEpoch(a.startsAt).toString(QStringLiteral("HH:mm:ss"));
        return a.startEstimated ? tr("%1 (first seen)").arg(t) : t;
    }
    case SummaryColumn:
        return q(a.annotations.value("summary"));
    default:
        return {};
    }
}

QVariant IncidentAlertsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Alert");
    case InstanceColumn:
        return tr("Where");
    case StateColumn:
        return tr("State");
    case StartedColumn:
        return tr("Started");
    case SummaryColumn:
        return tr("Summary");
    default:
        return {};
    }
}

} // namespace vigil
