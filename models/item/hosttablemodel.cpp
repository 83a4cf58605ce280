#include "hosttablemodel.h"

#include "../support/retire.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <type_traits>
#include <unordered_map>

namespace vigil {

namespace {
// A host's value of metric m: NaN when it has none.
double metricOf(const Host &h, std::size_t m) {
    return m < h.metrics.size() ? h.metrics[m] : std::nan("");
}
// SortRole's order for a metric: NaN (no value) before every number.
double sortKey(double v) {
    return std::isnan(v) ? -std::numeric_limits<double>::infinity() : v;
}
// The labels column: "k=v k=v" without instance (shown as the name) and job (noise in a table).
std::string labelsText(const Host &h) {
    std::string out;
    for (const auto &l : h.labels.labels()) {
        if (l.name == "instance" || l.name == "job")
            continue;
        if (!out.empty())
            out += ' ';
        out += l.name;
        out += '=';
        out += l.value;
    }
    return out;
}
bool sameColumns(const std::vector<MetricQuery> &a, const std::vector<MetricQuery> &b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](const auto &x, const auto &y) {
               return x.key == y.key && x.unit == y.unit && x.title == y.title;
           });
}
// The key a column orders by, handed to `use` as a function of a host: the one definition of the
// table's order, for the plan's sort and for lessThan(). False for a column without one.
template <class Use> bool withSortKey(int column, const FleetSnapshot &snap, Use use) {
    const std::size_t metrics = snap.metrics.size();
    const int metric = column - HostTableModel::FirstMetricColumn;
    if (column == HostTableModel::NameColumn)
        use([](const Host &h) { return std::string_view(h.name); });
    else if (column == HostTableModel::StatusColumn)
        use([](const Host &h) { return static_cast<int>(h.up); });
    else if (column == HostTableModel::AlertsColumn)
        use([&snap](const Host &h) { return snap.activeAlertsOn(h); });
    else if (metric >= 0 && metric < static_cast<int>(metrics))
        use([m = static_cast<std::size_t>(metric)](const Host &h) { return sortKey(metricOf(h, m)); });
    else if (metric == static_cast<int>(metrics))
        use(labelsText);
    else
        return false;
    return true;
}
// Stable, so ties keep the name order (as a sorting proxy over the name-ordered rows did).
void sortRows(std::vector<const Host *> &rows, const FleetSnapshot &snap, int column, Qt::SortOrder order) {
    withSortKey(column, snap, [&](auto keyOf) {
        using Key = std::decay_t<std::invoke_result_t<decltype(keyOf), const Host &>>;
        std::vector<std::pair<Key, const Host *>> keyed;
        keyed.reserve(rows.size());
        for (const Host *h : rows)
            keyed.emplace_back(keyOf(*h), h);
        std::stable_sort(keyed.begin(), keyed.end(), [order](const auto &x, const auto &y) {
            return order == Qt::AscendingOrder ? x.first < y.first : y.first < x.first;
        });
        for (std::size_t i = 0; i < keyed.size(); ++i)
            rows[i] = keyed[i].second;
    });
}
// More runs of removed or inserted rows than this are shown as a reset: each run costs the view a pass.
constexpr int kMaxRuns = 64;
// The Prometheus sources of `s` that are stale at its now(): their hosts' rows show it.
std::vector<std::string> staleSourcesOf(const FleetSnapshot &s) {
    std::vector<std::string> out;
    const TimeMs now = s.now();
    for (const auto &src : s.sources)
        if (src.kind == SourceKind::Prometheus && src.isStale(now))
            out.push_back(src.id);
    return out;
}
} // namespace

HostTableModel::HostTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_snapshot(std::make_shared<FleetSnapshot>()) {}

const Host *HostTableModel::hostAt(int row) const {
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? m_rows[static_cast<std::size_t>(row)]
                                                             : nullptr;
}

int HostTableModel::metricColumn(const std::string &key) const {
    for (std::size_t i = 0; i < m_metrics.size(); ++i)
        if (m_metrics[i].key == key)
            return FirstMetricColumn + static_cast<int>(i);
    return -1;
}

std::optional<bool> HostTableModel::lessThan(int leftRow, int rightRow, int column) const {
    const Host *a = hostAt(leftRow);
    const Host *b = hostAt(rightRow);
    std::optional<bool> less;
    if (a && b && column != labelsColumn())
        withSortKey(column, *m_snapshot, [&](auto keyOf) { less = keyOf(*a) < keyOf(*b); });
    return less;
}

bool HostTableModel::sameRow(const FleetSnapshot &sa, const Host &a, const FleetSnapshot &sb, const Host &b) {
    if (a.up != b.up || sa.activeAlertsOn(a) != sb.activeAlertsOn(b) ||
        a.metrics.size() != b.metrics.size() || a.labels != b.labels)
        return false;
    // Bitwise, so NaN equals NaN.
    return a.metrics.empty() ||
           std::memcmp(a.metrics.data(), b.metrics.data(), a.metrics.size() * sizeof(double)) == 0;
}

void HostTableModel::setSnapshot(FleetSnapshotPtr snapshot) {
    if (!snapshot)
        return;
    // The clock's tick gives the snapshot shown again, for staleness only: unless a source turned stale
    // or fresh, the rows cannot change (planning them again cost ~2 ms at 5,000 hosts, every 2 s).
    if (snapshot == m_snapshot && snapshot == m_latest && m_jobs.isIdle() &&
        staleSourcesOf(*snapshot) == m_staleSources)
        return;
    replaceRetiring(m_latest, std::move(snapshot));
    refresh();
}

bool HostTableModel::setFilterText(const QString &text, QString *error) {
    std::string err;
    auto f = LabelFilter::parse(text.toStdString(), &err);
    if (!f) {
        if (error)
            *error = QString::fromStdString(err);
        return false;
    }
    m_filterText = text;
    m_filter = f->empty() ? nullptr : std::make_shared<const LabelFilter>(std::move(*f));
    refresh();
    return true;
}

void HostTableModel::sort(int column, Qt::SortOrder order) {
    m_sortColumn = column;
    m_order = order;
    refresh();
}

// Small fleets at once (what a test or a small fleet expects); large ones off the GUI thread. The rows
// shown stay until the plan arrives; a newer snapshot, filter or sort supersedes a pending one.
void HostTableModel::refresh() {
    if (!m_latest)
        return;
    Request r{m_snapshot, m_rows,   m_metrics,    m_staleSources, m_snapshot->fromCache,
              m_latest,   m_filter, m_sortColumn, m_order,        m_generation};
    const bool small = m_latest->hosts.size() <= kInlineHosts && m_rows.size() <= kInlineHosts;
    m_jobs.runOrInline(
        small, JobRunner::Pool::Interactive, QStringLiteral("rows"), "filtering and sorting the host table",
        this, [r = std::move(r)](const CancelToken &) { return std::make_shared<Plan>(plan(r)); },
        [this](const std::shared_ptr<Plan> &p) { apply(std::move(*p)); });
}

HostTableModel::Plan HostTableModel::plan(const Request &r) {
    Plan p;
    p.snapshot = r.next;
    p.base = r.base;
    const FleetSnapshot &next = *r.next;
    p.stale = staleSourcesOf(next);
    p.total = static_cast<int>(next.hosts.size());
    for (const auto &h : next.hosts)
        if (!r.filter || r.filter->matches(h.labels, h.name))
            p.rows.push_back(&h);
    sortRows(p.rows, next, r.column, r.order);
    p.reset = !sameColumns(r.metrics, next.metrics);
    if (p.reset)
        return p;
    // The rows shown meet the new ones by host name (each new row once).
    std::unordered_map<std::string_view, int> at;
    at.reserve(p.rows.size());
    for (std::size_t i = 0; i < p.rows.size(); ++i)
        at.emplace(p.rows[i]->name, static_cast<int>(i));
    const bool staleChanged = p.stale != r.stale || next.fromCache != r.fromCache;
    p.keep.assign(r.rows.size(), -1);
    p.changed.assign(p.rows.size(), 0);
    std::vector<char> kept(p.rows.size(), 0);
    int runs = 0;
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        const auto it = at.find(r.rows[i]->name);
        if (it == at.end()) {
            runs += i == 0 || p.keep[i - 1] >= 0; // a run of removed rows starts
            continue;
        }
        const int to = it->second;
        at.erase(it);
        p.keep[i] = to;
        kept[static_cast<std::size_t>(to)] = 1;
        p.changed[static_cast<std::size_t>(to)] =
            staleChanged || !sameRow(*r.shown, *r.rows[i], next, *p.rows[static_cast<std::size_t>(to)]);
    }
    for (std::size_t i = 0; i < kept.size(); ++i)
        runs += !kept[i] && (i == 0 || kept[i - 1]); // a run of inserted rows starts
    p.reset = runs > kMaxRuns;
    return p;
}

void HostTableModel::apply(Plan p) {
    if (p.base != m_generation) { // the rows changed since the plan began (not expected: jobs supersede)
        refresh();
        return;
    }
    ++m_generation;
    FleetSnapshotPtr old = m_snapshot; // keeps the rows shown valid until they are replaced
    m_staleSources = std::move(p.stale);
    m_total = p.total;
    if (p.reset) {
        beginResetModel();
        m_snapshot = std::move(p.snapshot);
        m_metrics = m_snapshot->metrics;
        m_rows = std::move(p.rows);
        endResetModel();
    } else {
        applyChanges(p);
    }
    retire(std::move(old)); // never the last reference dropped on the GUI thread
    Q_EMIT rowsReady();
}

void HostTableModel::applyChanges(Plan &p) {
    std::vector<int> &keep = p.keep; // stays aligned with m_rows
    // 1. Removals, back to front, in runs.
    for (int i = static_cast<int>(m_rows.size()) - 1; i >= 0;) {
        if (keep[static_cast<std::size_t>(i)] >= 0) {
            --i;
            continue;
        }
        const int last = i;
        while (i >= 0 && keep[static_cast<std::size_t>(i)] < 0)
            --i;
        beginRemoveRows({}, i + 1, last);
        m_rows.erase(m_rows.begin() + (i + 1), m_rows.begin() + last + 1);
        keep.erase(keep.begin() + (i + 1), keep.begin() + last + 1);
        endRemoveRows();
    }
    // 2. The rows that stay, in their new order.
    if (!std::is_sorted(keep.begin(), keep.end()))
        reorder(keep);
    // 3. They show the new snapshot's values from here on.
    for (std::size_t j = 0; j < m_rows.size(); ++j)
        m_rows[j] = p.rows[static_cast<std::size_t>(keep[j])];
    m_snapshot = std::move(p.snapshot);
    // 4. Insertions, front to back: what stays is now a subsequence of the new rows.
    const int n = static_cast<int>(p.rows.size());
    std::size_t j = 0;
    for (int i = 0; i < n;) {
        if (j < keep.size() && keep[j] == i) {
            ++i;
            ++j;
            continue;
        }
        const int start = i;
        while (i < n && !(j < keep.size() && keep[j] == i))
            ++i;
        const auto at = static_cast<std::ptrdiff_t>(j);
        beginInsertRows({}, static_cast<int>(j), static_cast<int>(j) + (i - start) - 1);
        m_rows.insert(m_rows.begin() + at, p.rows.begin() + start, p.rows.begin() + i);
        std::vector<int> added(static_cast<std::size_t>(i - start));
        std::iota(added.begin(), added.end(), start);
        keep.insert(keep.begin() + at, added.begin(), added.end());
        j += added.size();
        endInsertRows();
    }
    // 5. Value changes, one dataChanged per contiguous run. Rows are keyed by host name, so the name
    // column never changes.
    const int lastCol = columnCount() - 1;
    for (std::size_t i = 0; i < p.changed.size();) {
        if (!p.changed[i]) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < p.changed.size() && p.changed[i])
            ++i;
        Q_EMIT dataChanged(index(static_cast<int>(start), StatusColumn),
                           index(static_cast<int>(i - 1), lastCol));
    }
}

// Moves the rows that stay into the order of their indexes in the new rows (`keep`, distinct), and the
// persistent indexes (selection, current row) with them.
void HostTableModel::reorder(std::vector<int> &keep) {
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const std::size_t n = keep.size();
    // Positions by counting: the values are distinct, below the new row count.
    std::vector<int> byIndex(
        n == 0 ? 0 : static_cast<std::size_t>(*std::max_element(keep.begin(), keep.end())) + 1, -1);
    for (std::size_t i = 0; i < n; ++i)
        byIndex[static_cast<std::size_t>(keep[i])] = static_cast<int>(i);
    std::vector<int> order;
    order.reserve(n);
    for (const int row : byIndex)
        if (row >= 0)
            order.push_back(row);
    std::vector<int> newRow(n);
    std::vector<const Host *> rows(n);
    std::vector<int> sortedKeep(n);
    for (std::size_t to = 0; to < n; ++to) {
        const auto from = static_cast<std::size_t>(order[to]);
        newRow[from] = static_cast<int>(to);
        rows[to] = m_rows[from];
        sortedKeep[to] = keep[from];
    }
    m_rows.swap(rows);
    keep.swap(sortedKeep);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &ix : from)
        to.append(index(newRow[static_cast<std::size_t>(ix.row())], ix.column()));
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int HostTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int HostTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : FirstMetricColumn + static_cast<int>(m_metrics.size()) + 1;
}

QVariant HostTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Host &h = *m_rows[static_cast<std::size_t>(index.row())];
    const int col = index.column();
    const int metric = col - FirstMetricColumn;
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        if (col == NameColumn)
            return QString::fromStdString(h.name);
        if (col == StatusColumn)
            return static_cast<int>(h.up);
        if (col == AlertsColumn)
            return m_snapshot->activeAlertsOn(h);
        if (metric >= 0 && metric < static_cast<int>(m_metrics.size())) {
            const double v = metricOf(h, static_cast<std::size_t>(metric));
            return role == SortRole ? sortKey(v) : v;
        }
        if (col == labelsColumn())
            return data(index, LabelsTextRole);
        return {};
    case Qt::ToolTipRole:
        return QString::fromStdString(h.labels.toString());
    case HostNameRole:
        return QString::fromStdString(h.name);
    case UpStateRole:
        return static_cast<int>(h.up);
    case MetricUnitRole:
        if (metric >= 0 && metric < static_cast<int>(m_metrics.size()))
            return static_cast<int>(m_metrics[static_cast<std::size_t>(metric)].unit);
        return {};
    case MetricKeyRole:
        if (metric >= 0 && metric < static_cast<int>(m_metrics.size()))
            return QString::fromStdString(m_metrics[static_cast<std::size_t>(metric)].key);
        return {};
    case LabelsTextRole:
        return QString::fromStdString(labelsText(h));
    case StaleRole:
        for (const auto &s : h.sources)
            if (std::find(m_staleSources.begin(), m_staleSources.end(), s) != m_staleSources.end())
                return true;
        return m_snapshot->fromCache;
    default:
        return {};
    }
}

QVariant HostTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (role == MetricKeyRole && section >= FirstMetricColumn && section < labelsColumn())
        return QString::fromStdString(m_metrics[static_cast<std::size_t>(section - FirstMetricColumn)].key);
    if (role != Qt::DisplayRole)
        return {};
    // Titles are translated in the widgets' proxy; here: stable identifiers and the profile's titles.
    if (section == NameColumn)
        return QStringLiteral("host");
    if (section == StatusColumn)
        return QStringLiteral("status");
    if (section == AlertsColumn)
        return QStringLiteral("alerts");
    if (section == labelsColumn())
        return QStringLiteral("labels");
    return QString::fromStdString(m_metrics[static_cast<std::size_t>(section - FirstMetricColumn)].title);
}

QHash<int, QByteArray> HostTableModel::roleNames() const {
    auto r = QAbstractTableModel::roleNames();
    r.insert(SortRole, "sort");
    r.insert(HostNameRole, "hostName");
    r.insert(UpStateRole, "upState");
    r.insert(StaleRole, "stale");
    return r;
}

} // namespace vigil
