#include "triageexport.h"

#include "../support/qtext.h"

#include "incidentmodel.h"
#include "support/csv.h"

#include <QDateTime>
#include <QFile>
#include <QStringList>

namespace vigil {

namespace {
using csv::row;
QString iso(TimeMs t) {
    return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate);
}
bool write(const QString &path, const QString &text, QString *error) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    const QByteArray bytes = text.toUtf8();
    if (f.write(bytes) != bytes.size()) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}
} // namespace

QString incidentsCsv(const FleetSnapshot &s) {
    QString out = row({QStringLiteral("rank"), QStringLiteral("key"), QStringLiteral("cause"),
                       QStringLiteral("severity"), QStringLiteral("confidence"), QStringLiteral("alerts"),
                       QStringLiteral("active"), QStringLiteral("suppressed"), QStringLiteral("hosts"),
                       QStringLiteral("services"), QStringLiteral("started"), QStringLiteral("new"),
                       QStringLiteral("escalating"), QStringLiteral("reason")});
    if (!s.triage)
        return out;
    int rank = 0;
    for (const auto &inc : s.triage->incidents)
        out += row(
            {QString::number(++rank), QString::fromStdString(inc.key), IncidentModel::causeTitle(inc),
             IncidentModel::severityName(analysis::urgencyOf(inc)), QString::number(inc.confidence, 'f', 2),
             QString::number(inc.alerts.size()), QString::number(inc.active), QString::number(inc.suppressed),
             QString::number(inc.hosts), QString::number(inc.services), iso(inc.startsAt),
             inc.isNew ? QStringLiteral("yes") : QStringLiteral("no"),
             inc.escalating ? QStringLiteral("yes") : QStringLiteral("no"), IncidentModel::reason(inc)});
    return out;
}

QString incidentAlertsCsv(const FleetSnapshot &s) {
    QString out = row({QStringLiteral("incident"), QStringLiteral("at_cause"), QStringLiteral("alertname"),
                       QStringLiteral("severity"), QStringLiteral("state"), QStringLiteral("started"),
                       QStringLiteral("fingerprint"), QStringLiteral("labels"), QStringLiteral("summary"),
                       QStringLiteral("silenced_by"), QStringLiteral("inhibited_by")});
    if (!s.triage)
        return out;
    for (const auto &inc : s.triage->incidents)
        for (std::size_t k = 0; k < inc.alerts.size(); ++k) {
            const Alert &a = s.alerts[inc.alerts[k]];
            QStringList silenced, inhibited;
            for (const auto &id : a.silencedBy)
                silenced << QString::fromStdString(id);
            for (const auto &fp : a.inhibitedBy)
                inhibited << QString::fromStdString(fp);
            out += row({QString::fromStdString(inc.key),
                        k < inc.causeAlertCount ? QStringLiteral("yes") : QStringLiteral("no"),
                        toQString(a.name()), toQString(a.severity()),
                        QString::fromLatin1(alertStateName(a.state)), iso(a.startsAt),
                        QString::fromStdString(a.fingerprint), QString::fromStdString(a.labels.toString()),
                        toQString(a.annotations.value("summary")), silenced.join(QLatin1Char(' ')),
                        inhibited.join(QLatin1Char(' '))});
        }
    return out;
}

bool writeTriageCsv(const FleetSnapshot &s, const QString &base, QString *error) {
    return write(base + QStringLiteral("-incidents.csv"), incidentsCsv(s), error) &&
           write(base + QStringLiteral("-alerts.csv"), incidentAlertsCsv(s), error);
}

} // namespace vigil
