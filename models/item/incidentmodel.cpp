#include "incidentmodel.h"

#include "../support/retire.h"
#include "alerttablemodel.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace vigil {

using analysis::CauseKind;
using analysis::Incident;

IncidentModel::IncidentModel(QObject *parent)
    : QAbstractTableModel(parent) {}

const analysis::TriageResult *IncidentModel::triage() const {
    return m_snapshot ? m_snapshot->triage.get() : nullptr;
}

const Incident *IncidentModel::incidentAt(int row) const {
    const auto *t = triage();
    if (!t || row < 0 || row >= static_cast<int>(t->incidents.size()))
        return nullptr;
    return &t->incidents[static_cast<std::size_t>(row)];
}

int IncidentModel::rowOfKey(const QString &key) const {
    const std::string k = key.toStdString();
    for (std::size_t i = 0; i < m_keys.size(); ++i)
        if (m_keys[i] == k)
            return static_cast<int>(i);
    return -1;
}

void IncidentModel::setSnapshot(FleetSnapshotPtr snapshot) {
    static const std::vector<Incident> kNone;
    const auto &incidents = snapshot && snapshot->triage ? snapshot->triage->incidents : kNone;
    // Compared in place: copying ten thousand keys every poll to compare them was most of this call.
    const bool sameKeys =
        incidents.size() == m_keys.size() &&
        std::equal(incidents.begin(), incidents.end(), m_keys.begin(),
                   [](const Incident &inc, const std::string &key) { return inc.key == key; });
    if (sameKeys) {
        replaceRetiring(m_snapshot, std::move(snapshot));
        resetStale();
        requestMarks(); // on a large snapshot the same incidents keep their marks until these are counted
        if (!m_keys.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        Q_EMIT updated();
        return;
    }
    std::vector<std::string> keys;
    keys.reserve(incidents.size());
    for (const auto &inc : incidents)
        keys.push_back(inc.key);
    beginResetModel();
    replaceRetiring(m_snapshot, std::move(snapshot));
    resetStale();
    m_keys = std::move(keys);
    m_marked.assign(m_keys.size(), 0);
    endResetModel();
    requestMarks();
    Q_EMIT updated();
}

void IncidentModel::resetStale() {
    m_stale.clear();
    if (!m_snapshot)
        return;
    const TimeMs at = m_snapshot->builtAt;
    const bool someUnreachable =
        m_snapshot->fromCache ||
        std::any_of(m_snapshot->sources.begin(), m_snapshot->sources.end(),
                    [&](const SourceHealth &s) { return !s.lastError.empty() || s.isStale(at); });
    if (someUnreachable && triage())
        m_stale.assign(triage()->incidents.size(), -1);
}

bool IncidentModel::staleAt(int row) const {
    if (row < 0 || static_cast<std::size_t>(row) >= m_stale.size())
        return false;
    auto &v = m_stale[static_cast<std::size_t>(row)];
    if (v < 0) {
        const Incident &inc = triage()->incidents[static_cast<std::size_t>(row)];
        // Stale when no member alert is vouched for by an answering source; the first that is ends it.
        v = !inc.alerts.empty() && std::all_of(inc.alerts.begin(), inc.alerts.end(), [&](std::uint32_t i) {
            return alertStale(m_snapshot->alerts[i], *m_snapshot);
        });
    }
    return v == 1;
}

void IncidentModel::setMarkedHosts(std::vector<std::string> hosts, HostIdentity identity) {
    std::sort(hosts.begin(), hosts.end());
    m_markedHosts = std::move(hosts);
    m_identity = std::move(identity);
    requestMarks();
}

void IncidentModel::requestMarks() {
    const bool none = m_markedHosts.empty() || !triage();
    if (none && std::none_of(m_marked.begin(), m_marked.end(), [](char c) { return c != 0; })) {
        m_jobs.cancel(QStringLiteral("marks"));
        m_marked.assign(m_keys.size(), 0);
        return; // nothing marked before or now: nothing to say
    }
    m_jobs.runOrInline(
        none || m_snapshot->alerts.size() <= kInlineAlerts, JobRunner::Pool::Interactive,
        QStringLiteral("marks"), "marking incidents", this,
        [snap = m_snapshot, hosts = m_markedHosts, id = m_identity](const CancelToken &) {
            return marksOf(snap.get(), hosts, id);
        },
        [this, snap = m_snapshot](std::vector<char> marks) {
            if (snap != m_snapshot)
                return; // a newer snapshot has asked again
            marks.resize(m_keys.size(), 0);
            m_marked = std::move(marks);
            if (rowCount() > 0)
                Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {MarkedRole});
            Q_EMIT marksChanged();
        });
}

std::vector<char> IncidentModel::marksOf(const FleetSnapshot *snapshot, const std::vector<std::string> &hosts,
                                         const HostIdentity &identity) {
    const auto *t = snapshot ? snapshot->triage.get() : nullptr;
    std::vector<char> marked(t ? t->incidents.size() : 0, 0);
    if (!t || hosts.empty())
        return marked;
    for (std::size_t i = 0; i < t->incidents.size(); ++i)
        for (auto a : t->incidents[i].alerts) {
            const auto host = identity.hostOf(snapshot->alerts[a]);
            if (!host.empty() && std::binary_search(hosts.begin(), hosts.end(), host)) {
                marked[i] = 1;
                break;
            }
        }
    return marked;
}

int IncidentModel::markedCount() const {
    return static_cast<int>(std::count(m_marked.begin(), m_marked.end(), 1));
}

QString IncidentModel::headline() const {
    const auto *t = triage();
    if (!t)
        return tr("No triage yet");
    const QLocale l;
    return tr("%1 alerts → %n incident(s)", nullptr, static_cast<int>(t->incidents.size()))
        .arg(l.toString(static_cast<qulonglong>(t->alerts)));
}

QString IncidentModel::causeTitle(const Incident &inc) {
    const QString name = QString::fromStdString(inc.causeName);
    switch (inc.causeKind) {
    case CauseKind::Group:
        return tr("%1 %2").arg(QString::fromStdString(inc.causeLevel), name);
    case CauseKind::Host: // a host that runs pods is a Kubernetes node
        return inc.pods > 0 ? tr("node %1").arg(name) : tr("host %1").arg(name);
    case CauseKind::Service:
        return tr("service %1").arg(name);
    case CauseKind::AlertGroup:
        return name.isEmpty() ? tr("(no alertname)") : name;
    }
    return name;
}

QString IncidentModel::noAlertsTitle(const FleetSnapshot *snap) {
    if (!snap || snap->summary.watching)
        return tr("<b>No alerts.</b> The fleet is quiet.");
    return tr("<b>No alerts, and nothing is watching:</b> %1.")
        .arg(QString::fromStdString(snap->summary.unwatched).toHtmlEscaped());
}

QString IncidentModel::severityName(int severity) {
    return severity >= 2 ? tr("critical") : severity == 1 ? tr("warning") : tr("info");
}

QString IncidentModel::reason(const Incident &inc) {
    const QLocale l;
    const QString name = QString::fromStdString(inc.causeName);
    const QString level = QString::fromStdString(inc.causeLevel);
    const int others = static_cast<int>(inc.alerts.size()) - static_cast<int>(inc.causeAlertCount);
    auto within = [&](TimeMs ms) {
        return ms < 1000 ? tr("at once")
                         : tr("within %1 s").arg(l.toString(std::llround(static_cast<double>(ms) / 1000.0)));
    };
    QString first;
    switch (inc.causeKind) {
    case CauseKind::Group:
        first = tr("%L1 of %L2 hosts in %3 %4 failed %5")
                    .arg(l.toString(inc.causeHostsFailing), l.toString(inc.causeHosts), level, name,
                         within(inc.causeSpreadMs));
        if (inc.causeAlerted)
            first += tr(", and an alert names the %1 itself").arg(level);
        break;
    case CauseKind::Host:
        first = (inc.pods > 0 ? tr("node %1 is failing (%n alert(s) on it)", nullptr,
                                   static_cast<int>(inc.causeAlertCount))
                              : tr("host %1 is failing (%n alert(s) on it)", nullptr,
                                   static_cast<int>(inc.causeAlertCount)))
                    .arg(name);
        break;
    case CauseKind::Service:
        first = inc.causeByOwnAlerts && inc.causeHosts == 0
                    ? tr("service %1 is failing by %n alert(s) of its own, on no host of its own", nullptr,
                         static_cast<int>(inc.causeAlertCount))
                          .arg(name)
                    : tr("%L1 of %L2 hosts of service %3 are failing")
                          .arg(l.toString(inc.causeHostsFailing), l.toString(inc.causeHosts), name);
        break;
    case CauseKind::AlertGroup:
        first = tr("%Ln alert(s) named %1 on %L2 host(s); no shared cause in the topology", nullptr,
                   static_cast<int>(inc.alerts.size()))
                    .arg(name.isEmpty() ? tr("(no alertname)") : name, l.toString(inc.hosts));
        if (inc.pods > 0)
            first += QStringLiteral("; ") + tr("%n pod(s)", nullptr, inc.pods) + QLatin1Char(' ') +
                     tr("in %n namespace(s)", nullptr, inc.namespaces);
        return first;
    }
    if (inc.pods > 0)
        first += QStringLiteral("; ") + tr("%n pod(s) alerting", nullptr, inc.pods) + QLatin1Char(' ') +
                 tr("in %n namespace(s)", nullptr, inc.namespaces);
    if (others > 0)
        first +=
            QStringLiteral("; ") + tr("%Ln more alert(s) on %1 service(s) started with it", nullptr, others)
                                       .arg(l.toString(inc.services));
    if (inc.dependentAlerts > 0)
        first += QStringLiteral(", ") +
                 tr("%Ln of them on services that depend on it", nullptr, inc.dependentAlerts);
    if (inc.workloadAlerts > 0)
        first += QStringLiteral(", ") +
                 tr("%Ln of them from workloads whose pods ran on it", nullptr, inc.workloadAlerts);
    if (inc.targetAlerts > 0)
        first += QStringLiteral(", ") +
                 tr("%Ln of them saying a scrape job's targets are down: they went down with its hosts",
                    nullptr, inc.targetAlerts);
    if (inc.joinedByTime > 0)
        first += QStringLiteral(", ") +
                 tr("%Ln of them joined by time alone: no dependency edge leads to it, but their kind was "
                    "quiet before it and began with it",
                    nullptr, inc.joinedByTime);
    if (inc.inhibitedLinks > 0)
        first +=
            QStringLiteral("; ") + tr("Alertmanager inhibits %Ln of them by it", nullptr, inc.inhibitedLinks);
    if (inc.backgroundApart > 0)
        first += QStringLiteral("; ") +
                 tr("%Ln alert(s) on services that depend on it left apart: their kind was starting as often "
                    "before it",
                    nullptr, inc.backgroundApart);
    for (std::size_t k = 0; k < inc.unexplained.size() && k < 2; ++k)
        first += QStringLiteral("; ") + unexplainedText(inc.unexplained[k]);
    return first;
}

QString IncidentModel::unexplainedText(const analysis::Unexplained &u) {
    const QLocale l;
    const QString service = QString::fromStdString(u.service);
    QStringList why;
    if (u.tooSmall && !u.dependency.empty())
        why << tr("it took %1 of %2 hosts of service %3, too few to explain alerts on %4 hosts of service "
                  "%5, which depends on it")
                   .arg(l.toString(u.lostHosts), l.toString(u.serviceHosts),
                        QString::fromStdString(u.dependency), l.toString(u.alertedHosts), service);
    else if (u.tooSmall)
        why << tr("it took %1 of %2 hosts of service %3, too few to explain alerts on %4 of the others")
                   .arg(l.toString(u.lostHosts), l.toString(u.serviceHosts), service,
                        l.toString(u.alertedHosts));
    if (u.churn)
        why << tr("alerts on service %1 were starting as often before it (%2 in the %3 minutes before, %4 "
                  "after)")
                   .arg(service, l.toString(u.alertsBefore),
                        l.toString(std::max<TimeMs>(1, u.windowMs / 60'000)), l.toString(u.alertsAfter));
    return tr("not explained: %1").arg(why.join(QStringLiteral("; ")));
}

int IncidentModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_keys.size());
}

int IncidentModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentModel::data(const QModelIndex &index, int role) const {
    const Incident *inc = index.isValid() ? incidentAt(index.row()) : nullptr;
    if (!inc)
        return {};
    const TimeMs now = m_snapshot->triage->computedAt;
    switch (role) {
    case KeyRole:
        return QString::fromStdString(inc->key);
    case SeverityRole:
        return analysis::urgencyOf(*inc);
    case ReasonRole:
        return reason(*inc);
    case NewRole:
        return inc->isNew;
    case EscalatingRole:
        return inc->escalating;
    case MarkedRole:
        return static_cast<std::size_t>(index.row()) < m_marked.size() &&
               m_marked[static_cast<std::size_t>(index.row())];
    case StaleRole:
        return staleAt(index.row());

    case FilterTextRole: {
        QString text = causeTitle(*inc) + QLatin1Char(' ') + QString::fromStdString(inc->key);
        for (const auto &g : inc->groups)
            text += QLatin1Char(' ') + QString::fromStdString(g.name);
        if (inc->causeAlertCount > 0) // the cause's alert names (SwitchDown, HostDown)
            for (std::uint32_t k = 0; k < inc->causeAlertCount && k < 64; ++k) {
                const auto n = m_snapshot->alerts[inc->alerts[k]].name();
                const QString name = QString::fromUtf8(n.data(), static_cast<qsizetype>(n.size()));
                if (!text.contains(name))
                    text += QLatin1Char(' ') + name;
            }
        return text;
    }
    default:
        break;
    }
    const int col = index.column();
    if (role == SortRole) {
        switch (col) {
        case SeverityColumn:
            return analysis::urgencyOf(*inc) * 2 + (inc->active > 0 ? 1 : 0);
        case CauseColumn:
            return causeTitle(*inc);
        case AlertsColumn:
            return static_cast<qulonglong>(inc->alerts.size());
        case HostsColumn:
            return inc->hosts;
        case ServicesColumn:
            return inc->services;
        case StartedColumn:
            return static_cast<qlonglong>(inc->startsAt);
        case ConfidenceColumn:
            return inc->confidence;
        case StatusColumn:
            return (m_snapshot->ack(inc->key) ? 0 : 8) + (inc->isNew ? 4 : 0) + (inc->escalating ? 2 : 0) +
                   (inc->active == 0 ? 0 : 1);
        default:
            return {};
        }
    }
    if (role == Qt::DisplayRole) {
        const QLocale l;
        switch (col) {
        case SeverityColumn: // as it is ranked (a lost node's NotReady warning ranks critical)
            return severityName(analysis::urgencyOf(*inc));
        case CauseColumn:
            return causeTitle(*inc);
        case AlertsColumn:
            return l.toString(static_cast<qulonglong>(inc->alerts.size()));
        case HostsColumn:
            return l.toString(inc->hosts);
        case ServicesColumn:
            return l.toString(inc->services);
        case StartedColumn: {
            const qint64 s = std::max<qint64>(0, (now - inc->startsAt) / 1000);
            return s < 120    ? tr("%1 s ago").arg(s)
                   : s < 7200 ? tr("%1 min ago").arg(s / 60)
                              : tr("%1 h ago").arg(s / 3600);
        }
        case ConfidenceColumn:
            return QStringLiteral("%1 %").arg(std::lround(inc->confidence * 100));
        case StatusColumn: {
            QStringList parts;
            if (const Acknowledgement *ack = m_snapshot->ack(inc->key))
                parts << tr("acknowledged by %1 %2 min ago")
                             .arg(QString::fromStdString(ack->author))
                             .arg(std::max<qint64>(0, (now - ack->since) / 60'000));
            if (inc->isNew)
                parts << tr("new");
            if (inc->escalating)
                parts << tr("escalating");
            if (inc->active == 0)
                parts << tr("all silenced or inhibited");
            else if (inc->suppressed > 0)
                parts << tr("%1 suppressed").arg(l.toString(inc->suppressed));
            if (inc->flapping > 0)
                parts << tr("%n flapping", nullptr, inc->flapping);
            if (staleAt(index.row()))
                parts << tr("stale: its sources are not answering");
            return parts.join(QStringLiteral(", "));
        }
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && col == SeverityColumn && analysis::urgencyOf(*inc) > inc->severity)
        return tr("Its alerts are %1 at worst; it ranks %2 because its cause failed outright or took other "
                  "services down with it.")
            .arg(severityName(inc->severity), severityName(analysis::urgencyOf(*inc)));
    if (role == Qt::ToolTipRole)
        return reason(*inc);
    if (role == Qt::TextAlignmentRole && col >= AlertsColumn && col <= ServicesColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant IncidentModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case CauseColumn:
        return tr("Probable root cause");
    case AlertsColumn:
        return tr("Alerts");
    case HostsColumn:
        return tr("Hosts");
    case ServicesColumn:
        return tr("Services");
    case StartedColumn:
        return tr("Started");
    case ConfidenceColumn:
        return tr("Confidence");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace vigil
