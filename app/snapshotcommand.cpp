#include "snapshotcommand.h"

#include "headlessfleet.h"
#include "snapshotwriteup.h"
#include "translations.h"

#include "analysis/correlation.h"
#include "service/historyloader.h"
#include "snapshot/snapshotexport.h"
#include "snapshot/snapshotfile.h"
#include "store/store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <unistd.h>

namespace vigil {

namespace {

constexpr TimeMs kBeforeIncidentMs = 30 * 60'000;

int fail(const QString &msg) {
    std::fprintf(stderr, "vigil snapshot: %s\n", qPrintable(msg));
    return 2;
}

QString when(TimeMs t) {
    return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate);
}

std::string whoAmI() {
    const char *user = std::getenv("USER");
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0)
        host[0] = '\0';
    return std::string(user && *user ? user : "unknown") + "@" + (host[0] ? host : "localhost");
}

int runCheck(const QStringList &args) {
    if (args.size() == 4 && (args.at(3) == QLatin1String("--help") || args.at(3) == QLatin1String("-h"))) {
        std::printf("%s\n",
                    qPrintable(QCoreApplication::translate(
                        "Snapshot", "Usage: vigil snapshot check FILE.vigil\nValidate an incident snapshot "
                                    "and say what it holds. Exit 0 when it opens, 2 when it does not.")));
        return 0;
    }
    if (args.size() != 4)
        return fail(QCoreApplication::translate("Snapshot", "usage: vigil snapshot check FILE.vigil"));
    std::string error;
    const auto file = snapshot::SnapshotFile::open(args.at(3).toStdString(), &error);
    if (!file)
        return fail(QString::fromStdString(error));
    const auto &i = file->info();
    const auto start = file->stateAt(i.to);
    std::printf("%s\n",
                qPrintable(QCoreApplication::translate(
                               "Snapshot",
                               "%1: a Vigil snapshot (format %2) of %3 to %4, made by %5 at %6 with Vigil %7")
                               .arg(args.at(3))
                               .arg(i.format)
                               .arg(when(i.from), when(i.to), QString::fromStdString(i.createdBy),
                                    when(i.createdAt), QString::fromStdString(i.vigilVersion))));
    if (!i.title.empty())
        std::printf(
            "%s\n",
            qPrintable(
                QCoreApplication::translate("Snapshot", "about: %1").arg(QString::fromStdString(i.title))));
    std::printf("%s\n", qPrintable(QCoreApplication::translate(
                                       "Snapshot",
                                       "%1 hosts and %2 active alerts at the end; %3 events; redacted: %4")
                                       .arg(start.hosts.size())
                                       .arg(start.alerts.size())
                                       .arg(file->events().size())
                                       .arg(QString::fromStdString(i.redacted))));
    return 0;
}

int runWriteup(const QStringList &args) {
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "Snapshot", "Draft the postmortem of an incident in a snapshot: timeline, alerts per minute "
                    "by severity, the affected hosts' metrics, the blast radius map and the "
                    "evidence in words, as Markdown, HTML or PDF (by --out's extension)."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("file.vigil"),
                            QCoreApplication::translate("Snapshot", "The snapshot."));
    const QCommandLineOption incidentOpt(
        QStringLiteral("incident"),
        QCoreApplication::translate("Snapshot",
                                    "The incident's key (default: the one the snapshot was exported for, "
                                    "else the top incident at its end)."),
        QStringLiteral("key"));
    const QCommandLineOption outOpt(
        QStringLiteral("out"), QCoreApplication::translate("Snapshot", "draft.md, draft.html or draft.pdf."),
        QStringLiteral("file"));
    p.addOptions({incidentOpt, outOpt});
    QStringList rest = args;
    rest.removeAt(1); // "snapshot"
    rest.removeAt(1); // "writeup"
    if (!p.parse(rest))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(p.helpText()));
        return 0;
    }
    if (p.positionalArguments().size() != 1 || !p.isSet(outOpt))
        return fail(QCoreApplication::translate(
            "Snapshot", "usage: vigil snapshot writeup FILE.vigil [--incident KEY] --out draft.md|html|pdf"));
    std::string error;
    const auto file = snapshot::SnapshotFile::open(p.positionalArguments().first().toStdString(), &error);
    if (!file)
        return fail(QString::fromStdString(error));
    QString why;
    if (!writeUp(file, p.value(incidentOpt), p.value(outOpt), &why))
        return fail(why);
    std::printf("%s\n", qPrintable(QCoreApplication::translate("Snapshot", "wrote %1").arg(p.value(outOpt))));
    return 0;
}

// `vigil snapshot export`'s options, added to the parser.
struct ExportOptions {
    QCommandLineOption fromOpt, toOpt, incidentOpt, aroundOpt, outOpt, redactHosts, redactLabels,
        redactValues, dropLabels, dropAnnotations;
};

ExportOptions addExportOptions(QCommandLineParser &p) {
    const QCommandLineOption fromOpt(
        QStringLiteral("from"),
        QCoreApplication::translate("Snapshot", "Start of the window (RFC 3339 time, or an age such as 2h)."),
        QStringLiteral("time"));
    const QCommandLineOption toOpt(
        QStringLiteral("to"), QCoreApplication::translate("Snapshot", "End of the window (default: now)."),
        QStringLiteral("time"));
    const QCommandLineOption incidentOpt(
        QStringLiteral("incident"),
        QCoreApplication::translate(
            "Snapshot",
            "The incident (its key, as `vigil triage` prints it): the window runs from 30 minutes before its "
            "first alert to now."),
        QStringLiteral("key"));
    const QCommandLineOption aroundOpt(
        QStringLiteral("around"),
        QCoreApplication::translate("Snapshot", "A moment: the window is 30 minutes either side."),
        QStringLiteral("time"));
    const QCommandLineOption outOpt(
        QStringLiteral("out"), QCoreApplication::translate("Snapshot", "The file to write (FILE.vigil)."),
        QStringLiteral("file"));
    const QCommandLineOption redactHosts(
        QStringLiteral("redact-hosts"),
        QCoreApplication::translate("Snapshot",
                                    "Replace host names by hashes (the same name, the same hash)."));
    const QCommandLineOption redactLabels(
        QStringLiteral("redact-labels"),
        QCoreApplication::translate("Snapshot", "Hash the values of labels whose name matches this regex."),
        QStringLiteral("regex"));
    const QCommandLineOption redactValues(
        QStringLiteral("redact-values"),
        QCoreApplication::translate("Snapshot", "Hash every label value matching this regex."),
        QStringLiteral("regex"));
    const QCommandLineOption dropLabels(
        QStringLiteral("drop-labels"),
        QCoreApplication::translate("Snapshot",
                                    "With --redact-labels: drop those labels instead of hashing them."));
    const QCommandLineOption dropAnnotations(
        QStringLiteral("drop-annotations"),
        QCoreApplication::translate("Snapshot", "Leave the alerts' annotations (summaries, runbooks) out."));
    p.addOptions({fromOpt, toOpt, incidentOpt, aroundOpt, outOpt, redactHosts, redactLabels, redactValues,
                  dropLabels, dropAnnotations});
    return {fromOpt,     toOpt,        incidentOpt,  aroundOpt,  outOpt,
            redactHosts, redactLabels, redactValues, dropLabels, dropAnnotations};
}

// What was written, and on stderr what it lacks; 1 when it has gaps.
int reportExport(const snapshot::ExportResult &r, const QString &out, const snapshot::ExportRequest &req,
                 bool answered, const QStringList &failing) {
    std::printf(
        "%s\n",
        qPrintable(QCoreApplication::translate(
                       "Snapshot", "wrote %1 (%2 to %3): %4 hosts, %5 alerts, %6 metric minutes of which %7 "
                                   "from the sources' history, %8 KiB")
                       .arg(out, when(req.from), when(req.to))
                       .arg(r.hosts)
                       .arg(r.alerts)
                       .arg(r.sampleRows)
                       .arg(r.filledRows)
                       .arg(r.bytes / 1024)));
    bool gaps = false;
    if (!answered || !failing.isEmpty()) {
        std::fprintf(
            stderr, "vigil snapshot: %s\n",
            qPrintable(QCoreApplication::translate(
                           "Snapshot", "a source did not answer; the file ends with what the cache held: %1")
                           .arg(failing.isEmpty()
                                    ? QCoreApplication::translate("Snapshot", "no answer in time")
                                    : failing.join(QStringLiteral("; ")))));
        gaps = true;
    }
    if (r.missingRows > 0) {
        std::fprintf(
            stderr, "vigil snapshot: %s\n",
            qPrintable(QCoreApplication::translate(
                           "Snapshot",
                           "%1 metric minutes of the window have no values (neither the cache nor the "
                           "sources held them)")
                           .arg(r.missingRows)));
        gaps = true;
    }
    return gaps ? 1 : 0;
}

// Fills what the cache lacks of a metric from the sources' history (query_range), as the views do.
std::function<std::optional<analysis::MetricGrid>(const std::string &, TimeMs, TimeMs)>
historyFill(const Config &config, const FleetSnapshotPtr &current,
            const std::shared_ptr<HttpClient> &client) {
    return [config, current, client](const std::string &metricKey, TimeMs f,
                                     TimeMs t) -> std::optional<analysis::MetricGrid> {
        HistoryJob job =
            historyJob(config, current.get(), metricKey, f, t + 60'000, int((t + 60'000 - f) / 60'000));
        job.sources = config.sources;
        job.client = client;
        auto grid = loadHistory(job);
        for (const auto &w : grid.warnings)
            std::fprintf(stderr, "vigil snapshot: %s: %s\n", metricKey.c_str(), w.c_str());
        return grid;
    };
}

} // namespace

int runSnapshotCommand(int argc, char **argv) {
    if (argc > 2 && std::string_view(argv[2]) == "writeup") {
        // The map is a rendered view: a GUI application, with no display needed.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        setUpApplication();
        return runWriteup(QCoreApplication::arguments());
    }
    QCoreApplication app(argc, argv);
    setUpApplication();
    const QStringList args = QCoreApplication::arguments();
    if (args.size() > 2 && args.at(2) == QLatin1String("check"))
        return runCheck(args);
    if (args.size() < 3 || args.at(2) != QLatin1String("export"))
        return fail(QCoreApplication::translate(
            "Snapshot", "expected `vigil snapshot export ...` or `vigil snapshot check FILE`"));

    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "Snapshot",
        "Export an incident snapshot: one file with the window's hosts, metrics, alerts, silences, notes "
        "and source health, opened later with `vigil FILE.vigil` without a network. Exit 0 when the file "
        "holds the whole window, 1 when it was written with gaps, 2 on errors."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("snapshot"),
                            QCoreApplication::translate("Snapshot", "The snapshot command."));
    p.addPositionalArgument(QStringLiteral("export"),
                            QCoreApplication::translate("Snapshot", "Write a snapshot file."));
    const auto [fromOpt, toOpt, incidentOpt, aroundOpt, outOpt, redactHosts, redactLabels, redactValues,
                dropLabels, dropAnnotations] = addExportOptions(p);
    HeadlessFleet fleet(p, QStringLiteral("steady"));
    if (!p.parse(args))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(p.helpText()));
        return 0;
    }
    if (!p.isSet(outOpt))
        return fail(QCoreApplication::translate("Snapshot", "--out FILE is required"));
    const int ways = int(p.isSet(fromOpt)) + int(p.isSet(incidentOpt)) + int(p.isSet(aroundOpt));
    if (ways != 1)
        return fail(QCoreApplication::translate("Snapshot",
                                                "give the window one way: --from, --incident or --around"));
    std::optional<TimeMs> from, to = nowMs();
    if (p.isSet(toOpt) && !(to = parseMomentArg(p.value(toOpt))))
        return fail(
            QCoreApplication::translate("Snapshot", "--to: expected an RFC 3339 time or an age such as 2h"));
    if (p.isSet(fromOpt) && !(from = parseMomentArg(p.value(fromOpt))))
        return fail(QCoreApplication::translate("Snapshot",
                                                "--from: expected an RFC 3339 time or an age such as 2h"));
    if (p.isSet(aroundOpt)) {
        const auto at = parseMomentArg(p.value(aroundOpt));
        if (!at)
            return fail(QCoreApplication::translate(
                "Snapshot", "--around: expected an RFC 3339 time or an age such as 2h"));
        from = *at - kBeforeIncidentMs;
        to = std::min(nowMs(), *at + kBeforeIncidentMs);
    }
    if (const QString error = fleet.start(p, QStringLiteral("snapshot")); !error.isEmpty())
        return fail(error);
    const bool answered = fleet.waitForFirstPoll(true);
    const QStringList failing = fleet.failingSources(true);
    FleetService &service = fleet.service();
    const auto current = service.current();
    const auto store = service.store();
    if (!store)
        return fail(QCoreApplication::translate(
            "Snapshot", "the cache could not be opened, and a snapshot is written from it"));
    store->flush();

    snapshot::ExportRequest req;
    req.cachePath = store->path();
    req.outPath = p.value(outOpt).toStdString();
    req.createdBy = whoAmI();
    req.vigilVersion = QCoreApplication::applicationVersion().toStdString();
    req.redaction.hostNames = p.isSet(redactHosts);
    req.redaction.labelNames = p.value(redactLabels).toStdString();
    req.redaction.labelValues = p.value(redactValues).toStdString();
    req.redaction.dropLabels = p.isSet(dropLabels);
    req.redaction.dropAnnotations = p.isSet(dropAnnotations);
    if (const std::string bad = req.redaction.check(); !bad.empty())
        return fail(QCoreApplication::translate("Snapshot", "the redaction's pattern %1")
                        .arg(QString::fromStdString(bad)));
    if (p.isSet(incidentOpt)) {
        const std::string key = p.value(incidentOpt).toStdString();
        const analysis::Incident *found = nullptr;
        if (current && current->triage)
            for (const auto &i : current->triage->incidents)
                if (i.key == key)
                    found = &i;
        if (!found)
            return fail(QCoreApplication::translate(
                            "Snapshot", "no incident %1 is open (see `vigil triage` for their keys)")
                            .arg(p.value(incidentOpt)));
        req.incident = key;
        req.title = found->causeLevel + " " + found->causeName;
        from = found->startsAt - kBeforeIncidentMs;
    }
    if (!p.isSet(toOpt) && !p.isSet(aroundOpt))
        to = nowMs(); // after the poll: the window ends with what it brought
    if (*to <= *from)
        return fail(
            QCoreApplication::translate("Snapshot", "the window is empty: --to must come after --from"));
    req.from = *from;
    req.to = *to;
    const Config config = fleet.config();
    auto client = service.client();
    req.fill = historyFill(config, current, client);
    const auto r = snapshot::exportSnapshot(config, current.get(), req);
    if (!r.ok)
        return fail(QString::fromStdString(r.error));
    return reportExport(r, p.value(outOpt), req, answered, failing);
}

} // namespace vigil
