#include "postmortem.h"

#include "../analysis/correlation.h"
#include "incidentmodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <set>

namespace vigil {

namespace {

QString hhmm(TimeMs t) {
    return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("HH:mm:ss"));
}

QString day(TimeMs t) {
    return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString duration(TimeMs ms) {
    const qint64 m = ms / 60'000;
    return m >= 60 ? QCoreApplication::translate("Postmortem", "%1 h %2 min").arg(m / 60).arg(m % 60)
                   : QCoreApplication::translate("Postmortem", "%1 min").arg(std::max<qint64>(1, m));
}

const analysis::Incident *findIncident(const FleetSnapshot &s, const QString &key) {
    if (!s.triage)
        return nullptr;
    for (const auto &i : s.triage->incidents)
        if (QString::fromStdString(i.key) == key)
            return &i;
    return nullptr;
}

QString value(double v, MetricUnit unit) {
    if (std::isnan(v))
        return QCoreApplication::translate("Postmortem", "no value");
    if (unit == MetricUnit::Ratio)
        return QStringLiteral("%1 %").arg(v * 100, 0, 'f', 1);
    return QLocale().toString(v, 'f', v >= 100 ? 0 : 2);
}

} // namespace

PostmortemBuilder::PostmortemBuilder(QString key, TimeMs windowFrom, TimeMs windowTo)
    : m_key(std::move(key)) {
    m_pm.windowFrom = windowFrom;
    m_pm.windowTo = windowTo;
}

void PostmortemBuilder::add(const FleetSnapshotPtr &snapshot) {
    if (!snapshot)
        return;
    const FleetSnapshot &s = *snapshot;
    m_last = snapshot;
    const TimeMs t = s.now();
    const analysis::Incident *inc = m_key.isEmpty() ? nullptr : findIncident(s, m_key);
    Postmortem::Minute minute{t};
    if (inc) {
        for (auto i : inc->alerts) {
            const auto sev = s.alerts[i].severity();
            (sev == "critical" ? minute.critical : sev == "warning" ? minute.warning : minute.info)++;
        }
        const int count = static_cast<int>(inc->alerts.size());
        if (!m_seen) {
            m_seen = true;
            m_pm.firstAlert = inc->startsAt;
            m_pm.causeNamedAt = t;
            m_pm.timeline.push_back(
                {inc->startsAt, QCoreApplication::translate("Postmortem", "First alert of the incident.")});
            m_pm.timeline.push_back({t, QCoreApplication::translate(
                                            "Postmortem", "Vigil names the probable cause: %1 (%2 alerts).")
                                            .arg(IncidentModel::causeTitle(*inc))
                                            .arg(count)});
        } else if (!m_present) {
            m_pm.timeline.push_back(
                {t,
                 QCoreApplication::translate("Postmortem", "The incident is back (%1 alerts).").arg(count)});
        } else if (count >= m_lastCount + std::max(5, m_lastCount / 5)) {
            m_pm.timeline.push_back(
                {t, QCoreApplication::translate("Postmortem", "Escalates to %1 alerts.").arg(count)});
        }
        if (inc->severity > m_lastSeverity && m_lastSeverity >= 0)
            m_pm.timeline.push_back({t, QCoreApplication::translate("Postmortem", "Severity rises to %1.")
                                            .arg(IncidentModel::severityName(inc->severity))});
        m_lastSeverity = std::max(m_lastSeverity, inc->severity);
        if (count > m_pm.peakAlerts) {
            // The peak: what the incident looked like at its largest.
            m_pm.peakAlerts = count;
            m_pm.peakAt = t;
            m_pm.cause = IncidentModel::causeTitle(*inc);
            m_pm.evidence = IncidentModel::reason(*inc);
            m_pm.severity = IncidentModel::severityName(inc->severity);
            m_pm.confidence = inc->confidence;
            m_pm.hosts = inc->hosts;
            m_pm.services = inc->services;
            std::set<QString> hosts, services;
            QStringList ordered;
            for (auto i : inc->alerts) {
                const Alert &a = s.alerts[i];
                const QString h = QString::fromUtf8(s.triage->identity.hostOf(a));
                if (!h.isEmpty() && hosts.insert(h).second)
                    ordered << h;
                const auto svc = a.label(s.triage->serviceLabel);
                if (!svc.empty())
                    services.insert(QString::fromUtf8(svc.data(), static_cast<int>(svc.size())));
            }
            m_pm.affectedHosts = ordered;
            m_pm.affectedServices = QStringList(services.begin(), services.end());
        }
        m_lastCount = count;
        m_present = true;
    } else if (m_present) {
        m_pm.resolvedAt = t;
        m_pm.timeline.push_back(
            {t, QCoreApplication::translate("Postmortem", "Resolved: none of its alerts is active.")});
        m_present = false;
        m_lastCount = 0;
    }
    m_pm.minutes.push_back(minute);
}

std::optional<Postmortem> PostmortemBuilder::finish(const QString &exportedBy, const QString &redacted) {
    if (!m_seen || !m_last)
        return std::nullopt;
    Postmortem pm = m_pm;
    pm.key = m_key;
    pm.exportedBy = exportedBy;
    pm.redacted = redacted;
    if (m_present)
        pm.resolvedAt = 0; // still open at the window's end
    const std::string key = m_key.toStdString();
    // What people did, from the last moment (which holds every note, and every silence and
    // acknowledgement made during the window).
    for (const auto &n : m_last->notes)
        if (n.incident == key && n.time >= pm.windowFrom)
            pm.timeline.push_back(
                {n.time, QCoreApplication::translate("Postmortem", "Note by %1: %2")
                             .arg(QString::fromStdString(n.author), QString::fromStdString(n.text))});
    for (const auto &a : m_last->acks)
        if (a.incident == key)
            pm.timeline.push_back(
                {a.since, QCoreApplication::translate("Postmortem", "Acknowledged by %1 (silence %2).")
                              .arg(QString::fromStdString(a.author), QString::fromStdString(a.silenceId))});
    for (const auto &sil : m_last->silences)
        if (sil.startsAt >= pm.windowFrom && sil.startsAt <= pm.windowTo) {
            QStringList matchers;
            for (const auto &m : sil.matchers)
                matchers << QString::fromStdString(m.name) +
                                (m.isRegex ? QStringLiteral("=~") : QStringLiteral("=")) +
                                QStringLiteral("\"%1\"").arg(QString::fromStdString(m.value));
            pm.timeline.push_back(
                {sil.startsAt,
                 QCoreApplication::translate("Postmortem", "Silence by %1: %2 (%3).")
                     .arg(QString::fromStdString(sil.createdBy), matchers.join(QStringLiteral(", ")),
                          QString::fromStdString(sil.comment))});
        }
    std::stable_sort(pm.timeline.begin(), pm.timeline.end(),
                     [](const Postmortem::Event &a, const Postmortem::Event &b) { return a.time < b.time; });
    return pm;
}

QString postmortemMarkdown(const Postmortem &pm, const QString &mapImage) {
    QString md;
    md += QCoreApplication::translate("Postmortem", "# Postmortem draft: %1\n\n").arg(pm.cause);
    md += QCoreApplication::translate(
              "Postmortem",
              "*Drafted by Vigil from an incident snapshot of %1 to %2, exported by %3. Redacted: %4. "
              "Everything below is what the monitoring saw; the why is yours to write.*\n\n")
              .arg(day(pm.windowFrom), day(pm.windowTo), pm.exportedBy, pm.redacted);
    md += QCoreApplication::translate("Postmortem", "## Summary\n\n");
    md += QCoreApplication::translate("Postmortem", "- **Probable cause:** %1 (%2, confidence %3 %)\n")
              .arg(pm.cause, pm.severity)
              .arg(qRound(pm.confidence * 100));
    md += QCoreApplication::translate("Postmortem", "- **Evidence:** %1\n").arg(pm.evidence);
    md += QCoreApplication::translate("Postmortem", "- **First alert:** %1\n").arg(day(pm.firstAlert));
    md += QCoreApplication::translate("Postmortem", "- **Peak:** %1 alerts at %2\n")
              .arg(pm.peakAlerts)
              .arg(hhmm(pm.peakAt));
    md += pm.resolvedAt ? QCoreApplication::translate("Postmortem", "- **Resolved:** %1, after %2\n")
                              .arg(hhmm(pm.resolvedAt), duration(pm.resolvedAt - pm.firstAlert))
                        : QCoreApplication::translate("Postmortem",
                                                      "- **Resolved:** not within the snapshot's window\n");
    md += QCoreApplication::translate("Postmortem", "- **Blast radius:** %1 hosts, %2 services\n\n")
              .arg(pm.hosts)
              .arg(pm.services);
    md += QCoreApplication::translate("Postmortem", "## Timeline (UTC)\n\n| time | what |\n|---|---|\n");
    for (const auto &e : pm.timeline)
        md += QStringLiteral("| %1 | %2 |\n")
                  .arg(hhmm(e.time), QString(e.what).replace(QLatin1Char('|'), QStringLiteral("\\|")));
    md += QCoreApplication::translate(
        "Postmortem",
        "\n## Active alerts by minute\n\n| minute | critical | warning | info |\n|---|---:|---:|---:|\n");
    for (const auto &m : pm.minutes)
        if (m.critical + m.warning + m.info > 0)
            md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                      .arg(hhmm(m.time))
                      .arg(m.critical)
                      .arg(m.warning)
                      .arg(m.info);
    md += QCoreApplication::translate("Postmortem", "\n## Blast radius\n\n");
    if (!mapImage.isEmpty())
        md +=
            QStringLiteral("![%1](%2)\n\n")
                .arg(QCoreApplication::translate("Postmortem", "The incident on the fleet's map at its peak"),
                     mapImage);
    md += QCoreApplication::translate("Postmortem", "Services: %1\n\n")
              .arg(pm.affectedServices.join(QStringLiteral(", ")));
    const int shown = std::min<int>(20, static_cast<int>(pm.affectedHosts.size()));
    md += QCoreApplication::translate("Postmortem", "Hosts (%1 of %2): %3\n\n")
              .arg(shown)
              .arg(pm.affectedHosts.size())
              .arg(pm.affectedHosts.mid(0, shown).join(QStringLiteral(", ")));
    if (!pm.metrics.empty()) {
        md += QCoreApplication::translate(
            "Postmortem",
            "## Affected hosts' metrics\n\nMeans over the 10 minutes before the first alert and during "
            "the incident.\n\n"
            "| host | metric | before | during |\n|---|---|---:|---:|\n");
        for (const auto &m : pm.metrics)
            md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                      .arg(m.host, m.metric, value(m.before, m.unit), value(m.during, m.unit));
    }
    md += QCoreApplication::translate(
        "Postmortem", "\n## To write\n\n- Impact on users:\n- Why it happened:\n- What we change:\n");
    return md;
}

QString postmortemHtml(const Postmortem &pm, const QString &mapImage, int mapWidth) {
    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString h =
        QStringLiteral(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title>"
            "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
            "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:2px 8px;text-align:left}"
            ".num{text-align:right}.bar{display:inline-block;height:10px}</style></head><body>")
            .arg(esc(QCoreApplication::translate("Postmortem", "Postmortem draft: %1").arg(pm.cause)));
    h += QStringLiteral("<h1>%1</h1>")
             .arg(esc(QCoreApplication::translate("Postmortem", "Postmortem draft: %1").arg(pm.cause)));
    h += QStringLiteral("<p><i>%1</i></p>")
             .arg(esc(
                 QCoreApplication::translate(
                     "Postmortem",
                     "Drafted by Vigil from an incident snapshot of %1 to %2, exported by %3. Redacted: %4. "
                     "Everything below is what the monitoring saw; the why is yours to write.")
                     .arg(day(pm.windowFrom), day(pm.windowTo), pm.exportedBy, pm.redacted)));
    h += QStringLiteral("<h2>%1</h2><table>").arg(esc(QCoreApplication::translate("Postmortem", "Summary")));
    auto row = [&](const QString &k, const QString &v) {
        h += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>").arg(esc(k), esc(v));
    };
    row(QCoreApplication::translate("Postmortem", "Probable cause"),
        QCoreApplication::translate("Postmortem", "%1 (%2, confidence %3 %)")
            .arg(pm.cause, pm.severity)
            .arg(qRound(pm.confidence * 100)));
    row(QCoreApplication::translate("Postmortem", "Evidence"), pm.evidence);
    row(QCoreApplication::translate("Postmortem", "First alert"), day(pm.firstAlert));
    row(QCoreApplication::translate("Postmortem", "Peak"),
        QCoreApplication::translate("Postmortem", "%1 alerts at %2").arg(pm.peakAlerts).arg(hhmm(pm.peakAt)));
    row(QCoreApplication::translate("Postmortem", "Resolved"),
        pm.resolvedAt ? QCoreApplication::translate("Postmortem", "%1, after %2")
                            .arg(hhmm(pm.resolvedAt), duration(pm.resolvedAt - pm.firstAlert))
                      : QCoreApplication::translate("Postmortem", "not within the snapshot's window"));
    row(QCoreApplication::translate("Postmortem", "Blast radius"),
        QCoreApplication::translate("Postmortem", "%1 hosts, %2 services").arg(pm.hosts).arg(pm.services));
    h += QStringLiteral("</table><h2>%1</h2><table><tr><th>%2</th><th>%3</th></tr>")
             .arg(esc(QCoreApplication::translate("Postmortem", "Timeline (UTC)")),
                  esc(QCoreApplication::translate("Postmortem", "time")),
                  esc(QCoreApplication::translate("Postmortem", "what")));
    for (const auto &e : pm.timeline)
        h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(hhmm(e.time), esc(e.what));
    h += QStringLiteral(
             "</table><h2>%1</h2><table><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th></th></tr>")
             .arg(esc(QCoreApplication::translate("Postmortem", "Active alerts by minute")),
                  esc(QCoreApplication::translate("Postmortem", "minute")),
                  esc(QCoreApplication::translate("Postmortem", "critical")),
                  esc(QCoreApplication::translate("Postmortem", "warning")),
                  esc(QCoreApplication::translate("Postmortem", "info")));
    int peak = 1;
    for (const auto &m : pm.minutes)
        peak = std::max(peak, m.critical + m.warning + m.info);
    for (const auto &m : pm.minutes) {
        if (m.critical + m.warning + m.info == 0)
            continue;
        auto bar = [&](int n, const char *colour) {
            return QStringLiteral("<span class=\"bar\" style=\"width:%1px;background:%2\"></span>")
                .arg(n * 300 / peak)
                .arg(QLatin1String(colour));
        };
        h += QStringLiteral("<tr><td>%1</td><td class=\"num\">%2</td><td class=\"num\">%3</td><td "
                            "class=\"num\">%4</td><td>%5%6%7</td></tr>")
                 .arg(hhmm(m.time))
                 .arg(m.critical)
                 .arg(m.warning)
                 .arg(m.info)
                 .arg(bar(m.critical, "#c03030"), bar(m.warning, "#e08a00"), bar(m.info, "#3070c0"));
    }
    h += QStringLiteral("</table><h2>%1</h2>")
             .arg(esc(QCoreApplication::translate("Postmortem", "Blast radius")));
    if (!mapImage.isEmpty())
        h += QStringLiteral("<p><img src=\"%1\" width=\"%3\" alt=\"%2\"></p>")
                 .arg(mapImage, esc(QCoreApplication::translate(
                                    "Postmortem", "The incident on the fleet's map at its peak")))
                 .arg(mapWidth);
    h += QStringLiteral("<p>%1</p>")
             .arg(esc(QCoreApplication::translate("Postmortem", "Services: %1")
                          .arg(pm.affectedServices.join(QStringLiteral(", ")))));
    const int shown = std::min<int>(20, static_cast<int>(pm.affectedHosts.size()));
    h += QStringLiteral("<p>%1</p>")
             .arg(esc(QCoreApplication::translate("Postmortem", "Hosts (%1 of %2): %3")
                          .arg(shown)
                          .arg(pm.affectedHosts.size())
                          .arg(pm.affectedHosts.mid(0, shown).join(QStringLiteral(", ")))));
    if (!pm.metrics.empty()) {
        h +=
            QStringLiteral("<h2>%1</h2><p>%2</p><table><tr><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>")
                .arg(esc(QCoreApplication::translate("Postmortem", "Affected hosts' metrics")),
                     esc(QCoreApplication::translate(
                         "Postmortem",
                         "Means over the 10 minutes before the first alert and during the incident.")),
                     esc(QCoreApplication::translate("Postmortem", "host")),
                     esc(QCoreApplication::translate("Postmortem", "metric")),
                     esc(QCoreApplication::translate("Postmortem", "before")),
                     esc(QCoreApplication::translate("Postmortem", "during")));
        for (const auto &m : pm.metrics)
            h += QStringLiteral(
                     "<tr><td>%1</td><td>%2</td><td class=\"num\">%3</td><td class=\"num\">%4</td></tr>")
                     .arg(esc(m.host), esc(m.metric), value(m.before, m.unit), value(m.during, m.unit));
        h += QStringLiteral("</table>");
    }
    h += QStringLiteral("<h2>%1</h2><ul><li>%2</li><li>%3</li><li>%4</li></ul></body></html>")
             .arg(esc(QCoreApplication::translate("Postmortem", "To write")),
                  esc(QCoreApplication::translate("Postmortem", "Impact on users:")),
                  esc(QCoreApplication::translate("Postmortem", "Why it happened:")),
                  esc(QCoreApplication::translate("Postmortem", "What we change:")));
    return h;
}

} // namespace vigil
