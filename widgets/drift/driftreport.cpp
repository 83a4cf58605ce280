// The drift view's report as files: HTML (and PDF from it), CSV (one line per drifted fact), JSON, and
// the consensus written out as a baseline YAML.
#include "drift/driftproxies.h"
#include "drift/driftview.h"
#include "drift/driftwording.h"

#include "analysis/baselineloader.h"
#include "support/csv.h"

#include <QFile>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace vigil {

QString DriftView::html() const {
    if (!m_summary)
        return {};
    const auto &r = m_summary->report;
    QString h = QStringLiteral("<html><head><meta charset='utf-8'><title>%1</title>"
                               "<style>body{font-family:sans-serif}table{border-collapse:collapse}"
                               "td,th{border:1px solid #bbb;padding:3px 6px;text-align:left}"
                               ".critical{color:#c03030;font-weight:bold}</style></head><body>")
                    .arg(tr("Vigil drift report"));
    h += QStringLiteral("<h1>%1</h1><p>%2</p>")
             .arg(tr("Drift report"),
                  tr("%1 · compliance %2 % (%3 of %4 hosts) against %5")
                      .arg(driftWhen(m_summary->at))
                      .arg(r.compliance() * 100, 0, 'f', 1)
                      .arg(r.hostsCompliant)
                      .arg(r.hostsChecked)
                      .arg(DriftWording::against(*m_summary, m_roleLabel).toHtmlEscaped()));
    if (m_summary->since)
        h += QStringLiteral("<p>%1</p>")
                 .arg(tr("Since the last report (%1): %2 newly drifted, %3 fixed")
                          .arg(driftWhen(m_summary->since))
                          .arg(m_summary->newSince)
                          .arg(m_summary->fixedSince));
    h += QStringLiteral("<h2>%1</h2><table><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</"
                        "th><th>%7</th><th>%8</th>"
                        "<th>%9</th></tr>")
             .arg(tr("Drift clusters"), tr("Severity"), tr("Hosts"), tr("Where"), tr("Fact"), tr("Is"),
                  tr("Expected"), tr("First seen"), tr("Which hosts"));
    for (const auto &c : r.clusters) {
        QStringList hosts;
        for (const auto &x : c.hosts)
            hosts << QString::fromStdString(x).toHtmlEscaped();
        h +=
            QStringLiteral(
                "<tr><td class='%1'>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td><td>%8</td>"
                "<td>%9</td></tr>")
                .arg(QString::fromLatin1(analysis::severityName(c.severity)),
                     driftSeverity(static_cast<int>(c.severity)))
                .arg(c.hosts.size())
                .arg(QString::fromStdString(c.layer).toHtmlEscaped(),
                     QString::fromStdString(c.fact).toHtmlEscaped(),
                     QString::fromStdString(c.actual).toHtmlEscaped(),
                     QString::fromStdString(c.expected).toHtmlEscaped(), driftWhen(c.firstSeen),
                     hosts.join(QStringLiteral(", ")));
    }
    h += QStringLiteral("</table>");
    if (r.clusters.empty())
        h += QStringLiteral("<p>") + tr("No drift.") + QStringLiteral("</p>");
    // Compliance by role and by fact, and what could not be judged.
    auto table = [&](const QString &title, const QString &what,
                     const std::map<std::string, std::pair<int, int>> &rows) {
        if (rows.empty())
            return;
        h += QStringLiteral("<h2>%1</h2><table><tr><th>%2</th><th>%3</th><th>%4</th></tr>")
                 .arg(title, what, tr("Compliant"), tr("Compliance"));
        for (const auto &[name, c] : rows)
            h += QStringLiteral("<tr><td>%1</td><td>%2 / %3</td><td>%4 %</td></tr>")
                     .arg(QString::fromStdString(name).toHtmlEscaped())
                     .arg(c.first)
                     .arg(c.second)
                     .arg(c.second ? 100.0 * c.first / c.second : 100.0, 0, 'f', 1);
        h += QStringLiteral("</table>");
    };
    table(tr("By %1").arg(m_roleLabel.toHtmlEscaped()), m_roleLabel.toHtmlEscaped(), m_summary->byRole);
    table(tr("By fact"), tr("Fact"), r.byFact);
    if (!r.notes.empty()) {
        h += QStringLiteral("<h2>%1</h2><ul>").arg(tr("Notes"));
        for (const auto &n : r.notes)
            h += QStringLiteral("<li>%1</li>").arg(DriftWording::note(n).toHtmlEscaped());
        h += QStringLiteral("</ul>");
    }
    return h + QStringLiteral("</body></html>");
}

bool DriftView::exportTo(const QString &path, QString *error) const {
    if (!m_summary) {
        *error = tr("The drift report has not been computed yet.");
        return false;
    }
    QByteArray data;
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        QPdfWriter pdf(path);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setResolution(96); // the document's units are screen pixels: text at its point size
        pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        pdf.setTitle(tr("Vigil drift report"));
        QTextDocument doc;
        doc.setHtml(html());
        doc.setPageSize(QSizeF(pdf.width(), pdf.height()));
        doc.print(&pdf);
        if (!QFile::exists(path)) {
            *error = tr("Could not write %1").arg(path);
            return false;
        }
        return true;
    }
    if (path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive)) {
        data = html().toUtf8();
    } else if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        data = QByteArray::fromStdString(analysis::formatReport(
            m_summary->report, analysis::DriftFormat::Json,
            "Drift report against " + (m_summary->againstFile.empty()
                                           ? "the consensus by " + m_roleLabel.toStdString()
                                           : m_summary->againstFile),
            m_summary->at));
    } else {
        QString out = QStringLiteral("host,fact,is,expected,severity,rule\n");
        for (const auto &v : m_summary->report.violations)
            out += csv::row({QString::fromStdString(v.host), QString::fromStdString(v.rule->fact),
                             v.actual ? QString::fromStdString(*v.actual) : QStringLiteral("(absent)"),
                             QString::fromStdString(v.rule->expected()),
                             QString::fromLatin1(analysis::severityName(v.rule->severity)),
                             QString::fromStdString(v.rule->origin)});
        data = out.toUtf8();
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size()) {
        *error = tr("Could not write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

bool DriftView::writeConsensus(const QString &path, QString *error) const {
    if (!m_summary) {
        *error = tr("The drift report has not been computed yet.");
        return false;
    }
    analysis::DriftReport consensus;
    consensus.baseline = m_summary->consensus;
    const std::string yaml = BaselineLoader::fromConsensus(consensus, m_roleLabel.toStdString());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(yaml.data(), static_cast<qint64>(yaml.size())) != static_cast<qint64>(yaml.size())) {
        *error = tr("Could not write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace vigil
