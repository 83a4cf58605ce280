#include "triagecommand.h"

#include "headlessfleet.h"
#include "translations.h"

#include "analysis/correlation.h"
#include "item/triagereport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>

#include <cstdio>

namespace vigil {

namespace {
int fail(const QString &msg) {
    std::fprintf(stderr, "vigil triage: %s\n", qPrintable(msg));
    return 2;
}
} // namespace

int runTriageCommand(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    setUpApplication();
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "Triage", "Print the current incidents, ranked, with their causes. Exit 0 when no "
                  "active incident reaches --fail-on, 1 when one does, 2 on errors."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("triage"),
                            QCoreApplication::translate("Triage", "The triage command."));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QCoreApplication::translate("Triage", "text or json."),
                                    QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption failOn(QStringLiteral("fail-on"),
                                    QCoreApplication::translate("Triage", "warning (default) or critical."),
                                    QStringLiteral("severity"), QStringLiteral("warning"));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   QCoreApplication::translate("Triage", "Incidents to print (0: all)."),
                                   QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption settle(
        QStringLiteral("settle"),
        QCoreApplication::translate("Triage",
                                    "Seconds to keep polling after every source answered, so alerts "
                                    "that follow their cause are counted."),
        QStringLiteral("seconds"), QStringLiteral("0"));
    p.addOptions({format, failOn, limit, settle});
    HeadlessFleet fleet(p, QStringLiteral("rack-failure"));
    if (!p.parse(QCoreApplication::arguments()))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(p.helpText()));
        return 0;
    }
    const QString fmt = p.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json"))
        return fail(QCoreApplication::translate("Triage", "--format: expected text or json"));
    int threshold = 0;
    if (p.value(failOn) == QLatin1String("warning"))
        threshold = 1;
    else if (p.value(failOn) == QLatin1String("critical"))
        threshold = 2;
    else
        return fail(QCoreApplication::translate("Triage", "--fail-on: expected warning or critical"));
    bool ok = false;
    const int shown = p.value(limit).toInt(&ok);
    const int settleS = p.value(settle).toInt(&ok) * (ok ? 1 : 0);
    if (!ok || shown < 0 || settleS < 0)
        return fail(
            QCoreApplication::translate("Triage", "--limit and --settle: expected a number, 0 or more"));
    if (const QString error = fleet.start(p, QStringLiteral("triage")); !error.isEmpty())
        return fail(error);
    const bool answered = fleet.waitForFirstPoll(true);
    if (answered && settleS > 0) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < settleS * 1000LL) {
            QSignalSpy spy(&fleet.service(), &FleetService::snapshotReady);
            spy.wait(250);
        }
    }
    // What is known is printed even when a source failed (from the cache, marked as such).
    const auto snap = fleet.service().current();
    const QByteArray out = fmt == QLatin1String("json") ? triageReportJson(*snap, shown)
                                                        : triageReportText(*snap, shown).toUtf8();
    std::fwrite(out.constData(), 1, static_cast<std::size_t>(out.size()), stdout);
    if (!answered)
        return fail(QCoreApplication::translate("Triage", "no answer from every source within %1 s")
                        .arg(fleet.timeoutMs() / 1000));
    if (const auto failing = fleet.failingSources(true); !failing.isEmpty())
        return fail(QCoreApplication::translate("Triage", "a source is unreachable or failing: %1")
                        .arg(failing.front()));
    bool reached = false;
    if (snap->triage)
        for (const auto &inc : snap->triage->incidents)
            reached = reached || (inc.active > 0 && analysis::urgencyOf(inc) >= threshold);
    return reached ? 1 : 0;
}

} // namespace vigil
