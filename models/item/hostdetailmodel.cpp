#include "hostdetailmodel.h"

#include "alerttablemodel.h"
#include "support/qtext.h"

#include <algorithm>

namespace vigil {

HostDetailModel::HostDetailModel(Part part, QObject *parent)
    : QAbstractTableModel(parent)
    , m_part(part) {}

void HostDetailModel::setHost(FleetSnapshotPtr snapshot, const std::string &name) {
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_pairs.clear();
    m_alerts.clear();
    const Host *h = m_snapshot ? m_snapshot->host(name) : nullptr;
    if (h && m_part == Part::Labels)
        for (const auto &l : h->labels.labels())
            m_pairs.emplace_back(QString::fromStdString(l.name), QString::fromStdString(l.value));
    if (h && m_part == Part::Facts) { // the host's facts are one run of the sorted list
        auto it = std::lower_bound(m_snapshot->facts.begin(), m_snapshot->facts.end(), name,
                                   [](const Fact &f, const std::string &n) { return f.host < n; });
        for (; it != m_snapshot->facts.end() && it->host == name; ++it)
            m_pairs.emplace_back(QString::fromStdString(it->name), QString::fromStdString(it->value));
    }
    if (h && m_part == Part::Alerts) {
        // On the host by the profile's identity (also through a join), or naming it in any label.
        const HostIdentity id = m_snapshot->triage ? m_snapshot->triage->identity : HostIdentity{};
        for (const auto &a : m_snapshot->alerts) {
            const bool onHost = id.hostOf(a) == name;
            std::string_view byLabel = onHost ? id.labelOf(a.labels) : std::string_view();
            for (const auto &l : a.labels.labels())
                if (byLabel.empty() && l.value == name)
                    byLabel = l.name;
            if (byLabel.empty() && !onHost)
                continue;
            if (byLabel.empty())
                byLabel = "alertname"; // placed by a join: the matcher names the alert instead
            const std::string_view value = byLabel == "alertname" ? a.name() : a.labels.value(byLabel);
            m_alerts.push_back({&a, QStringLiteral("%1=\"%2\"").arg(toQString(byLabel), toQString(value))});
        }
    }
    endResetModel();
}

int HostDetailModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid())
        return 0;
    return static_cast<int>(m_part == Part::Alerts ? m_alerts.size() : m_pairs.size());
}

int HostDetailModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_part == Part::Alerts ? 4 : 2;
}

QVariant HostDetailModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    if (m_part == Part::Alerts)
        return alertData(m_alerts[row], index.column(), role);
    if (role != Qt::DisplayRole)
        return {};
    return index.column() == NameColumn ? m_pairs[row].first : m_pairs[row].second;
}

QVariant HostDetailModel::alertData(const AlertRow &row, int column, int role) const {
    const Alert &a = *row.alert;
    if (role == FilterRole)
        return row.filter;
    if (role == NowRole && column == SinceColumn)
        return static_cast<qlonglong>(m_snapshot->now());
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case NameColumn:
        return toQString(a.name());
    case ValueColumn:
        return toQString(a.severity());
    case StateColumn:
        return alertStateText(a, *m_snapshot);
    case SinceColumn:
        return static_cast<qlonglong>(a.startsAt);
    default:
        return {};
    }
}

} // namespace vigil
