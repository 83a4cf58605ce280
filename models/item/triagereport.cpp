#include "triagereport.h"

#include "../support/qtext.h"
#include "alerttablemodel.h"
#include "incidentmodel.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace vigil {

namespace {

using analysis::Incident;

QString iso(TimeMs t) {
    return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate);
}

// One incident as both formats need it.
struct Line {
    const Incident *inc = nullptr;
    struct Name {
        std::string name;
        int count = 0;
        bool atCause = false;
    };
    std::vector<Name> byName;       // largest first, as the view orders them
    std::vector<std::string> hosts; // distinct, sorted
    std::vector<std::string> services;
};

Line lineOf(const FleetSnapshot &s, const Incident &inc) {
    Line l;
    l.inc = &inc;
    // By alert name, those at the cause first, then the largest.
    std::map<std::pair<bool, std::string_view>, int> names;
    std::set<std::string, std::less<>> hosts, services;
    for (std::size_t k = 0; k < inc.alerts.size(); ++k) {
        const Alert &a = s.alerts[inc.alerts[k]];
        ++names[{k < inc.causeAlertCount, a.name()}];
        if (const auto h = fleetHostOf(a, s); !h.empty())
            hosts.emplace(h);
        if (const auto v = a.label(s.triage->serviceLabel); !v.empty())
            services.emplace(v);
    }
    for (const auto &[key, n] : names)
        l.byName.push_back({std::string(key.second), n, key.first});
    std::stable_sort(l.byName.begin(), l.byName.end(), [](const Line::Name &a, const Line::Name &b) {
        return a.atCause != b.atCause ? a.atCause : a.count > b.count;
    });
    l.hosts.assign(hosts.begin(), hosts.end());
    l.services.assign(services.begin(), services.end());
    return l;
}

std::vector<Line> linesOf(const FleetSnapshot &s, int limit) {
    std::vector<Line> out;
    if (!s.triage)
        return out;
    for (const auto &inc : s.triage->incidents) {
        if (limit > 0 && static_cast<int>(out.size()) >= limit)
            break;
        out.push_back(lineOf(s, inc));
    }
    return out;
}

QString sourceState(const SourceHealth &h) {
    return h.lastError.empty() ? QObject::tr("ok") : QObject::tr("failing (%1)").arg(toQString(h.lastError));
}

} // namespace

QString triageReportText(const FleetSnapshot &s, int limit, int hostsShown) {
    const QLocale loc;
    const auto lines = linesOf(s, limit);
    const int total = s.triage ? static_cast<int>(s.triage->incidents.size()) : 0;
    QString out =
        QObject::tr("Vigil triage at %1: %2 alerts, %3 incidents%4\n")
            .arg(iso(s.builtAt), loc.toString(static_cast<qlonglong>(s.alerts.size())), loc.toString(total),
                 s.triage && s.triage->storm ? QObject::tr(" (alert storm)") : QString());
    QStringList sources;
    for (const auto &h : s.sources)
        sources << QStringLiteral("%1 %2").arg(toQString(h.id), sourceState(h));
    out += QObject::tr("Sources: %1\n").arg(sources.join(QStringLiteral(" · ")));
    if (s.fromCache)
        out += QObject::tr("The fleet below is from the cache: no source has answered yet.\n");
    int rank = 0;
    for (const auto &l : lines) {
        const Incident &inc = *l.inc;
        out +=
            QStringLiteral("\n#%1 %2  %3  ")
                .arg(++rank)
                .arg(IncidentModel::severityName(analysis::urgencyOf(inc)), IncidentModel::causeTitle(inc));
        out += QObject::tr("(confidence %1 %)\n").arg(std::lround(inc.confidence * 100));
        out += QStringLiteral("   ") +
               QObject::tr("%Ln alert(s) (%1 active, %2 suppressed)", nullptr,
                           static_cast<int>(inc.alerts.size()))
                   .arg(loc.toString(inc.active), loc.toString(inc.suppressed)) +
               QObject::tr(" on %Ln host(s)", nullptr, static_cast<int>(l.hosts.size())) +
               QObject::tr(", %Ln service(s)", nullptr, static_cast<int>(l.services.size())) +
               QObject::tr(", since %1\n").arg(iso(inc.startsAt));
        out += QStringLiteral("   ") + QObject::tr("Why: %1\n").arg(IncidentModel::reason(inc));
        QStringList names;
        for (const auto &n : l.byName)
            names << QStringLiteral("%1 %2%3").arg(toQString(n.name), loc.toString(n.count),
                                                   n.atCause ? QObject::tr(" (at the cause)") : QString());
        out += QStringLiteral("   ") + QObject::tr("Alerts: %1\n").arg(names.join(QStringLiteral(" · ")));
        if (!l.hosts.empty()) {
            QStringList hosts;
            for (std::size_t i = 0; i < l.hosts.size() && static_cast<int>(i) < hostsShown; ++i)
                hosts << toQString(l.hosts[i]);
            if (static_cast<int>(l.hosts.size()) > hostsShown)
                hosts << QObject::tr("+%1 more").arg(static_cast<qlonglong>(l.hosts.size()) - hostsShown);
            out += QStringLiteral("   ") + QObject::tr("Hosts: %1\n").arg(hosts.join(QStringLiteral(", ")));
        }
        if (!l.services.empty()) {
            QStringList services;
            for (const auto &v : l.services)
                services << toQString(v);
            out += QStringLiteral("   ") +
                   QObject::tr("Services: %1\n").arg(services.join(QStringLiteral(", ")));
        }
    }
    if (total > static_cast<int>(lines.size()))
        out += QObject::tr("\n%1 more incidents not shown (--limit)\n")
                   .arg(total - static_cast<int>(lines.size()));
    if (total == 0)
        out += s.summary.watching ? QObject::tr("\nNo incidents.\n")
                                  : QObject::tr("\nNo incidents, and nothing is watching: %1.\n")
                                        .arg(toQString(s.summary.unwatched));
    return out;
}

QByteArray triageReportJson(const FleetSnapshot &s, int limit, int hostsShown) {
    using nlohmann::json;
    json j;
    j["at"] = iso(s.builtAt).toStdString();
    j["alerts"] = s.alerts.size();
    j["storm"] = s.triage && s.triage->storm;
    j["fromCache"] = s.fromCache;
    j["watching"] = s.summary.watching;
    if (!s.summary.watching)
        j["unwatched"] = s.summary.unwatched;
    j["sources"] = json::array();
    for (const auto &h : s.sources)
        j["sources"].push_back({{"id", h.id}, {"ok", h.lastError.empty()}, {"error", h.lastError}});
    j["incidentsTotal"] = s.triage ? s.triage->incidents.size() : 0;
    j["incidents"] = json::array();
    int rank = 0;
    for (const auto &l : linesOf(s, limit)) {
        const Incident &inc = *l.inc;
        json names = json::array();
        for (const auto &n : l.byName)
            names.push_back({{"alertname", n.name}, {"count", n.count}, {"atCause", n.atCause}});
        json hosts = json::array();
        for (std::size_t i = 0; i < l.hosts.size() && static_cast<int>(i) < hostsShown; ++i)
            hosts.push_back(l.hosts[i]);
        json unexplained = json::array(); // counter-evidence against the cause
        for (const auto &u : inc.unexplained)
            unexplained.push_back({{"service", u.service},
                                   {"dependency", u.dependency},
                                   {"lostHosts", u.lostHosts},
                                   {"serviceHosts", u.serviceHosts},
                                   {"alertedHosts", u.alertedHosts},
                                   {"alertsBefore", u.alertsBefore},
                                   {"alertsAfter", u.alertsAfter},
                                   {"churn", u.churn},
                                   {"tooSmall", u.tooSmall}});
        j["incidents"].push_back({{"rank", ++rank},
                                  {"key", inc.key},
                                  {"title", IncidentModel::causeTitle(inc).toStdString()},
                                  {"cause",
                                   {{"kind", analysis::causeKindName(inc.causeKind)},
                                    {"level", inc.causeLevel},
                                    {"name", inc.causeName}}},
                                  {"severity", inc.severity >= 2   ? "critical"
                                               : inc.severity == 1 ? "warning"
                                                                   : "info"},
                                  {"confidence", inc.confidence},
                                  {"reason", IncidentModel::reason(inc).toStdString()},
                                  {"alerts", inc.alerts.size()},
                                  {"active", inc.active},
                                  {"suppressed", inc.suppressed},
                                  {"startsAt", iso(inc.startsAt).toStdString()},
                                  {"byAlertname", names},
                                  {"hostsTotal", l.hosts.size()},
                                  {"hosts", hosts},
                                  {"services", l.services},
                                  {"pods", inc.pods},
                                  {"namespaces", inc.namespaces},
                                  {"dependentAlerts", inc.dependentAlerts},
                                  {"joinedByTime", inc.joinedByTime},
                                  {"workloadAlerts", inc.workloadAlerts},
                                  {"backgroundApart", inc.backgroundApart},
                                  {"unexplained", unexplained}});
    }
    return QByteArray::fromStdString(j.dump(2) + "\n");
}

} // namespace vigil
