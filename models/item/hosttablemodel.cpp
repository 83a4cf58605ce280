#include "hosttablemodel.h"

#include "../support/retire.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

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
    if (!a || !b)
        return std::nullopt;
    switch (column) {
    case NameColumn:
        return a->name < b->name;
    case StatusColumn:
        return static_cast<int>(a->up) < static_cast<int>(b->up);
    case AlertsColumn:
        return a->activeAlerts < b->activeAlerts;
    default:
        break;
    }
    const int metric = column - FirstMetricColumn;
    if (metric < 0 || metric >= static_cast<int>(m_metrics.size()))
        return std::nullopt;
    const auto m = static_cast<std::size_t>(metric);
    return sortKey(metricOf(*a, m)) < sortKey(metricOf(*b, m));
}

bool HostTableModel::sameRow(const Host &a, const Host &b) {
    if (a.up != b.up || a.activeAlerts != b.activeAlerts || a.metrics.size() != b.metrics.size() ||
        a.labels != b.labels)
        return false;
    // Bitwise, so NaN equals NaN.
    return a.metrics.empty() ||
           std::memcmp(a.metrics.data(), b.metrics.data(), a.metrics.size() * sizeof(double)) == 0;
}

void HostTableModel::setSnapshot(FleetSnapshotPtr snapshot) {
    if (!snapshot)
        return;
    const auto old = m_snapshot; // keeps m_rows valid until the update is done
    const TimeMs now = snapshot->now();
    std::vector<std::string> stale;
    for (const auto &s : snapshot->sources)
        if (s.kind == SourceKind::Prometheus && s.isStale(now))
            stale.push_back(s.id);
    const bool staleChanged = stale != m_staleSources;
    m_staleSources = std::move(stale);

    const bool sameColumns = snapshot->metrics.size() == m_metrics.size() &&
                             std::equal(m_metrics.begin(), m_metrics.end(), snapshot->metrics.begin(),
                                        [](const MetricQuery &a, const MetricQuery &b) {
                                            return a.key == b.key && a.unit == b.unit && a.title == b.title;
                                        });
    if (!sameColumns) {
        beginResetModel();
        replaceRetiring(m_snapshot, snapshot);
        m_metrics = snapshot->metrics;
        m_rows.clear();
        for (const auto &h : m_snapshot->hosts)
            m_rows.push_back(&h);
        endResetModel();
        return;
    }

    const auto &next = snapshot->hosts;
    // 1. Removals, back to front, in runs.
    {
        std::size_t ni = next.size();
        int i = static_cast<int>(m_rows.size()) - 1;
        // Walk old rows from the back; a name absent from `next` is removed. Both lists are sorted.
        while (i >= 0) {
            auto present = [&](const std::string &name) {
                while (ni > 0 && next[ni - 1].name > name)
                    --ni;
                return ni > 0 && next[ni - 1].name == name;
            };
            if (present(m_rows[static_cast<std::size_t>(i)]->name)) {
                --i;
                continue;
            }
            int last = i;
            while (i >= 0 && !present(m_rows[static_cast<std::size_t>(i)]->name))
                --i;
            beginRemoveRows({}, i + 1, last);
            m_rows.erase(m_rows.begin() + (i + 1), m_rows.begin() + last + 1);
            endRemoveRows();
        }
    }
    // 2. Insertions, front to back: m_rows is now a subsequence of next.
    std::vector<char> changed(next.size(), 0);
    {
        std::size_t i = 0, j = 0;
        while (i < next.size()) {
            if (j < m_rows.size() && m_rows[j]->name == next[i].name) {
                changed[i] = staleChanged || !sameRow(*m_rows[j], next[i]);
                m_rows[j] = &next[i];
                ++i;
                ++j;
                continue;
            }
            const std::size_t start = i;
            while (i < next.size() && (j >= m_rows.size() || m_rows[j]->name != next[i].name))
                ++i;
            beginInsertRows({}, static_cast<int>(start), static_cast<int>(i - 1));
            std::vector<const Host *> added;
            for (std::size_t k = start; k < i; ++k)
                added.push_back(&next[k]);
            m_rows.insert(m_rows.begin() + static_cast<std::ptrdiff_t>(j), added.begin(), added.end());
            j += added.size();
            endInsertRows();
        }
    }
    replaceRetiring(m_snapshot, snapshot);
    // 3. Value changes, one dataChanged per contiguous run.
    const int lastCol = columnCount() - 1;
    for (std::size_t i = 0; i < changed.size();) {
        if (!changed[i]) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < changed.size() && changed[i])
            ++i;
        // Rows are keyed by host name, so the name column never changes: leaving it out lets a
        // name-sorted proxy skip re-sorting ten thousand rows every poll.
        Q_EMIT dataChanged(index(static_cast<int>(start), StatusColumn),
                           index(static_cast<int>(i - 1), lastCol));
    }
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
            return h.activeAlerts;
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
    case LabelsTextRole: {
        QString out;
        for (const auto &l : h.labels.labels()) {
            if (l.name == "instance" || l.name == "job")
                continue; // shown as the name; job is noise in the table
            if (!out.isEmpty())
                out += QLatin1Char(' ');
            out += QString::fromStdString(l.name) + QLatin1Char('=') + QString::fromStdString(l.value);
        }
        return out;
    }
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
