#include "alerttablemodel.h"

#include "../support/retire.h"
#include "incidentmodel.h"

#include <QDateTime>
#include <QStringList>

namespace vigil {

namespace {
QString q(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
std::string_view where(const Alert &a) {
    for (const char *l : {"instance", "rack", "switch", "service", "zone"})
        if (auto v = a.labels.value(l); !v.empty())
            return v;
    return {};
}
int stateRank(const Alert &a) {
    return a.isInhibited() ? 1 : a.isSilenced() ? 2 : a.state == AlertState::Pending ? 3 : 0;
}
} // namespace

AlertTableModel::AlertTableModel(QObject *parent)
    : QAbstractTableModel(parent) {
    m_filter = *AlertFilter::parse("", nullptr);
}

void AlertTableModel::setSnapshot(FleetSnapshotPtr snapshot) {
    beginResetModel();
    replaceRetiring(m_snapshot, std::move(snapshot));
    rebuild();
    endResetModel();
}

bool AlertTableModel::setFilterText(const QString &text, QString *error) {
    std::string err;
    auto f = AlertFilter::parse(text.toStdString(), &err);
    if (!f) {
        if (error)
            *error = QString::fromStdString(err);
        return false;
    }
    beginResetModel();
    m_filter = std::move(*f);
    rebuild();
    endResetModel();
    return true;
}

void AlertTableModel::rebuild() {
    m_rows.clear();
    m_total = 0;
    if (!m_snapshot)
        return;
    const TimeMs now = m_snapshot->builtAt ? m_snapshot->builtAt : nowMs();
    const bool all = m_filter.empty();
    for (std::size_t i = 0; i < m_snapshot->alerts.size(); ++i) {
        const Alert &a = m_snapshot->alerts[i];
        if (a.state == AlertState::Resolved)
            continue;
        ++m_total;
        if (all || m_filter.matches(a, now))
            m_rows.push_back(static_cast<std::uint32_t>(i));
    }
    sortRows();
}

void AlertTableModel::sort(int column, Qt::SortOrder order) {
    beginResetModel();
    m_sortColumn = column;
    m_order = order;
    sortRows();
    endResetModel();
}

void AlertTableModel::sortRows() {
    if (m_sortColumn < 0 || !m_snapshot)
        return;
    const auto &alerts = m_snapshot->alerts;
    const auto *triage = m_snapshot->triage.get();
    auto key = [&](std::uint32_t i) -> std::pair<std::int64_t, std::string_view> {
        const Alert &a = alerts[i];
        switch (m_sortColumn) {
        case SeverityColumn:
            return {-analysis::severityRank(a.severity()), {}};
        case NameColumn:
            return {0, a.name()};
        case WhereColumn:
            return {0, where(a)};
        case StateColumn:
            return {stateRank(a), {}};
        case StartedColumn:
            return {a.startsAt, {}};
        case IncidentColumn:
            return {triage && i < triage->incidentOf.size() ? triage->incidentOf[i] : -1, {}};
        case SeenByColumn:
            return {static_cast<std::int64_t>(a.seenBy.size()), {}};
        case SummaryColumn:
            return {0, a.annotations.value("summary")};
        default:
            return {0, {}};
        }
    };
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](std::uint32_t x, std::uint32_t y) {
        return m_order == Qt::AscendingOrder ? key(x) < key(y) : key(y) < key(x);
    });
}

const Alert *AlertTableModel::alertAt(int row) const {
    return row >= 0 && row < static_cast<int>(m_rows.size())
               ? &m_snapshot->alerts[m_rows[static_cast<std::size_t>(row)]]
               : nullptr;
}

int AlertTableModel::alertIndex(int row) const {
    return row >= 0 && row < static_cast<int>(m_rows.size())
               ? static_cast<int>(m_rows[static_cast<std::size_t>(row)])
               : -1;
}

int AlertTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AlertTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertTableModel::data(const QModelIndex &index, int role) const {
    const Alert *a = index.isValid() ? alertAt(index.row()) : nullptr;
    if (!a)
        return {};
    if (role == AlertIndexRole)
        return alertIndex(index.row());
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case SeverityColumn:
        return IncidentModel::severityName(analysis::severityRank(a->severity()));
    case NameColumn:
        return q(a->name());
    case WhereColumn:
        return q(where(*a));
    case StateColumn:
        if (a->isInhibited())
            return tr("inhibited");
        if (a->isSilenced())
            return tr("silenced");
        return QString::fromLatin1(alertStateName(a->state));
    case StartedColumn:
        return QDateTime::fromMSecsSinceEpoch(a->startsAt).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case IncidentColumn: {
        const auto *t = m_snapshot->triage.get();
        const auto i = static_cast<std::size_t>(alertIndex(index.row()));
        if (!t || i >= t->incidentOf.size() || t->incidentOf[i] < 0)
            return {};
        return IncidentModel::causeTitle(t->incidents[static_cast<std::size_t>(t->incidentOf[i])]);
    }
    case SeenByColumn: {
        QStringList s;
        for (const auto &x : a->seenBy)
            s << QString::fromStdString(x);
        return s.join(QStringLiteral(", "));
    }
    case SummaryColumn:
        return q(a->annotations.value("summary"));
    default:
        return {};
    }
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case NameColumn:
        return tr("Alert");
    case WhereColumn:
        return tr("Where");
    case StateColumn:
        return tr("State");
    case StartedColumn:
        return tr("Started");
    case IncidentColumn:
        return tr("Incident");
    case SeenByColumn:
        return tr("Seen by");
    case SummaryColumn:
        return tr("Summary");
    default:
        return {};
    }
}

} // namespace vigil
