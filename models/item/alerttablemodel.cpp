#include "alerttablemodel.h"

#include "../support/qtext.h"

#include "../support/retire.h"
#include "incidentmodel.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>

namespace vigil {

namespace {
int stateRank(const Alert &a) {
    return a.isInhibited() ? 1 : a.isSilenced() ? 2 : a.state == AlertState::Pending ? 3 : 0;
}
} // namespace

std::string_view fleetHostOf(const Alert &a, const FleetSnapshot &snap) {
    if (!snap.triage)
        return {};
    const auto h = snap.triage->identity.hostOf(a);
    return !h.empty() && (snap.hosts.empty() || snap.host(h)) ? h : std::string_view();
}

std::string_view alertWhere(const Alert &a, const FleetSnapshot &snap) {
    if (const auto h = fleetHostOf(a, snap); !h.empty())
        return h;
    // Else the labels that say where, an address last.
    for (const char *l : {"node", "rack", "switch", "service", "namespace", "zone", "instance"})
        if (auto v = a.labels.value(l); !v.empty())
            return v;
    return {};
}

bool alertStale(const Alert &a, const FleetSnapshot &s) {
    if (s.fromCache)
        return true;
    for (const auto &id : a.seenBy) {
        auto src =
            std::find_if(s.sources.begin(), s.sources.end(), [&](const auto &h) { return h.id == id; });
        if (src == s.sources.end() || (src->lastError.empty() && !src->isStale(s.builtAt)))
            return false; // one answering source vouches for it (an unknown one: nothing to say)
    }
    return !a.seenBy.empty();
}

QString alertStateText(const Alert &a, const FleetSnapshot &s) {
    const QString state = a.isInhibited()  ? AlertTableModel::tr("inhibited")
                          : a.isSilenced() ? AlertTableModel::tr("silenced")
                                           : QString::fromLatin1(alertStateName(a.state));
    return alertStale(a, s) ? AlertTableModel::tr("%1 (stale)").arg(state) : state;
}

AlertTableModel::AlertTableModel(QObject *parent)
    : QAbstractTableModel(parent) {
    m_filter = *AlertFilter::parse("", nullptr);
}

void AlertTableModel::setSnapshot(FleetSnapshotPtr snapshot) {
    replaceRetiring(m_latest, std::move(snapshot));
    refresh();
}

bool AlertTableModel::setFilterText(const QString &text, QString *error) {
    std::string err;
    auto f = AlertFilter::parse(text.toStdString(), &err);
    if (!f) {
        if (error)
            *error = QString::fromStdString(err);
        return false;
    }
    m_filter = std::move(*f);
    refresh();
    return true;
}

void AlertTableModel::sort(int column, Qt::SortOrder order) {
    m_sortColumn = column;
    m_order = order;
    refresh();
}

// Small snapshots at once (what a test or a small fleet expects); large ones off the GUI thread.
void AlertTableModel::refresh() {
    m_jobs.runOrInline(
        !m_latest || m_latest->alerts.size() <= kInlineAlerts, JobRunner::Pool::Interactive,
        QStringLiteral("rows"), "filtering and sorting the alert table", this,
        [snap = m_latest, filter = m_filter, column = m_sortColumn, order = m_order](const CancelToken &) {
            return std::make_shared<Rows>(computeRows(snap, filter, column, order));
        },
        [this](const std::shared_ptr<Rows> &rows) { show(std::move(*rows)); });
}

void AlertTableModel::show(Rows rows) {
    beginResetModel();
    replaceRetiring(m_snapshot, std::move(rows.snapshot));
    m_rows = std::move(rows.rows);
    m_total = rows.total;
    endResetModel();
    Q_EMIT rowsReady();
}

AlertTableModel::Rows AlertTableModel::computeRows(FleetSnapshotPtr snapshot, const AlertFilter &filter,
                                                   int column, Qt::SortOrder order) {
    Rows out;
    out.snapshot = std::move(snapshot);
    if (!out.snapshot)
        return out;
    const FleetSnapshot &snap = *out.snapshot;
    const TimeMs now = snap.builtAt ? snap.builtAt : nowMs();
    const bool all = filter.empty();
    for (std::size_t i = 0; i < snap.alerts.size(); ++i) {
        const Alert &a = snap.alerts[i];
        if (a.state == AlertState::Resolved)
            continue;
        ++out.total;
        if (all || filter.matches(a, now))
            out.rows.push_back(static_cast<std::uint32_t>(i));
    }
    if (column < 0)
        return out;
    const auto *triage = snap.triage.get();
    // Each row's key once (a label lookup per comparison cost a second at 100,000 alerts).
    using Key = std::pair<std::int64_t, std::string_view>;
    auto keyOf = [&](std::uint32_t i) -> Key {
        const Alert &a = snap.alerts[i];
        switch (column) {
        case SeverityColumn:
            return {-analysis::severityRank(a.severity()), {}};
        case NameColumn:
            return {0, a.name()};
        case WhereColumn:
            return {0, alertWhere(a, snap)};
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
    std::vector<std::pair<Key, std::uint32_t>> keyed;
    keyed.reserve(out.rows.size());
    for (const auto i : out.rows)
        keyed.emplace_back(keyOf(i), i);
    std::stable_sort(keyed.begin(), keyed.end(), [order](const auto &x, const auto &y) {
        return order == Qt::AscendingOrder ? x.first < y.first : y.first < x.first;
    });
    for (std::size_t k = 0; k < keyed.size(); ++k)
        out.rows[k] = keyed[k].second;
    return out;
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
        return toQString(a->name());
    case WhereColumn:
        return toQString(alertWhere(*a, *m_snapshot));
    case StateColumn:
        return alertStateText(*a, *m_snapshot);
    case StartedColumn: {
        const QString t =
            QDateTime::fromMSecsSinceEpoch(a->startsAt).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        // The source sent no start: this is when Vigil first saw it.
        return a->startEstimated ? tr("%1 (first seen)").arg(t) : t;
    }
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
        return toQString(a->annotations.value("summary"));
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
