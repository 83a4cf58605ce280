#include "driftcommand.h"

#include "headlessfleet.h"
#include "translations.h"

#include "analysis/baseline.h"
#include "analysis/baselineloader.h"
#include "store/store.h"
#include "support/qtext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>

#include <cstdio>
#include <memory>

namespace vigil {

namespace {
int fail(const QString &msg) {
    std::fprintf(stderr, "vigil drift: %s\n", qPrintable(msg));
    return 2;
}

// `vigil drift`'s options, added to the parser.
struct DriftCommandOptions {
    QCommandLineOption baseline, at, format, failOn, roleLabel, writeBaseline;
};

DriftCommandOptions addDriftOptions(QCommandLineParser &p) {
    const QCommandLineOption baseline(
        QStringLiteral("baseline"),
        QCoreApplication::translate("Drift", "Baseline YAML; without it, the consensus."),
        QStringLiteral("file"));
    const QCommandLineOption at(
        QStringLiteral("at"),
        QCoreApplication::translate("Drift", "Rebuild the report for a past moment from the cache "
                                             "(RFC 3339 time, or an age such as 6h)."),
        QStringLiteral("time"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QCoreApplication::translate("Drift", "text, json or junit."),
                                    QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption failOn(QStringLiteral("fail-on"),
                                    QCoreApplication::translate("Drift", "warning (default) or critical."),
                                    QStringLiteral("severity"), QStringLiteral("warning"));
    const QCommandLineOption roleLabel(
        QStringLiteral("role-label"),
        QCoreApplication::translate("Drift", "Label that groups hosts for the consensus."),
        QStringLiteral("label"), QStringLiteral("role"));
    const QCommandLineOption writeBaseline(
        QStringLiteral("write-baseline"),
        QCoreApplication::translate("Drift", "Write the consensus as a baseline YAML."),
        QStringLiteral("file"));
    p.addOptions({baseline, at, format, failOn, roleLabel, writeBaseline});
    return {baseline, at, format, failOn, roleLabel, writeBaseline};
}

std::optional<analysis::DriftFormat> formatNamed(const QString &name) {
    if (name == QLatin1String("text"))
        return analysis::DriftFormat::Text;
    if (name == QLatin1String("json"))
        return analysis::DriftFormat::Json;
    if (name == QLatin1String("junit"))
        return analysis::DriftFormat::Junit;
    return std::nullopt;
}

std::optional<analysis::DriftSeverity> severityNamed(const QString &name) {
    if (name == QLatin1String("warning"))
        return analysis::DriftSeverity::Warning;
    if (name == QLatin1String("critical"))
        return analysis::DriftSeverity::Critical;
    return std::nullopt;
}

} // namespace

int runDriftCommand(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    setUpApplication();
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "Drift",
        "Judge every host's facts against a baseline (or the fleet's consensus). Exit 0 when compliant, "
        "1 when drift at or above --fail-on exists, 2 on errors."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("drift"),
                            QCoreApplication::translate("Drift", "The drift command."));
    const auto [baseline, at, format, failOn, roleLabel, writeBaseline] = addDriftOptions(p);
    HeadlessFleet fleet(p, QStringLiteral("drift"));
    if (!p.parse(QCoreApplication::arguments()))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(p.helpText()));
        return 0;
    }
    const auto fmt = formatNamed(p.value(format));
    if (!fmt)
        return fail(QCoreApplication::translate("Drift", "--format: expected text, json or junit"));
    const auto threshold = severityNamed(p.value(failOn));
    if (!threshold)
        return fail(QCoreApplication::translate("Drift", "--fail-on: expected warning or critical"));
    std::optional<analysis::Baseline> base;
    if (p.isSet(baseline)) {
        ConfigError err;
        base = BaselineLoader::loadFile(p.value(baseline).toStdString(), &err);
        if (!base)
            return fail(QString::fromStdString(err.toString()));
    }
    if (const QString error = fleet.start(p, QStringLiteral("drift")); !error.isEmpty())
        return fail(error);
    // Poll once through the normal pipeline (the cache keeps first-seen times), then judge.
    if (!fleet.waitForFirstPoll(false))
        return fail(QCoreApplication::translate("Drift", "no answer from the sources within %1 s")
                        .arg(fleet.timeoutMs() / 1000));
    if (const auto failing = fleet.failingSources(false); !failing.isEmpty())
        return fail(QCoreApplication::translate("Drift", "a source is unreachable or failing: %1")
                        .arg(failing.front()));
    FleetService &service = fleet.service();
    const auto snap = service.current();
    const auto store = service.store();
    TimeMs when = nowMs();
    std::vector<Fact> facts = snap->facts;
    analysis::FirstSeen firstSeen;
    if (store) {
        // The first poll's facts are written by the cache's writer thread: wait for them, then read.
        store->flush();
        if (p.isSet(at)) {
            const auto t = parseMomentArg(p.value(at));
            if (!t)
                return fail(QCoreApplication::translate(
                    "Drift", "--at: expected an RFC 3339 time or an age such as 6h"));
            when = *t;
            auto history = store->factsAt(when);
            facts = std::move(history.facts);
            firstSeen = std::move(history.firstSeen);
        } else {
            firstSeen = store->factsAt(when).firstSeen;
        }
    } else if (p.isSet(at)) {
        return fail(QCoreApplication::translate("Drift", "--at needs the cache, which could not be opened"));
    }
    const std::string role = p.value(roleLabel).toStdString();
    std::string title = "Drift report";
    std::vector<analysis::DriftNote> consensusNotes;
    if (!base) {
        analysis::DriftOptions o;
        o.roleLabel = role;
        const auto consensus = analysis::consensusDrift(snap->hosts, facts, o);
        base = analysis::consensusBaseline(consensus.baseline, role);
        consensusNotes = consensus.notes;
        title += " (against the fleet's consensus by " + role + ")";
        if (p.isSet(writeBaseline)) {
            QFile out(p.value(writeBaseline));
            const std::string yaml = BaselineLoader::fromConsensus(consensus, role);
            if (!out.open(QIODevice::WriteOnly) ||
                out.write(yaml.data(), static_cast<qint64>(yaml.size())) < 0)
                return fail(QCoreApplication::translate("Drift", "cannot write %1: %2")
                                .arg(out.fileName(), out.errorString()));
        }
    } else {
        title += " (against " + base->file + ")";
    }
    auto report = analysis::evaluateBaseline(*base, snap->hosts, facts, firstSeen, when);
    report.notes.insert(report.notes.end(), consensusNotes.begin(), consensusNotes.end());
    const std::string text = analysis::formatReport(report, *fmt, title, when);
    std::fwrite(text.data(), 1, text.size(), stdout);
    // "0 of 0 hosts" is not compliance: say why nothing was judged, and fail as an error.
    if (report.hostsChecked == 0) {
        const std::string why = !facts.empty()
                                    ? analysis::nothingJudgedReason(report, p.isSet(baseline) ? "" : role)
                                : p.isSet(at) ? "the cache holds no facts from that moment"
                                              : "the sources returned no fact series (profile.facts)";
        return fail(QCoreApplication::translate("Drift", "no host could be judged: %1").arg(toQString(why)));
    }
    bool failing = false;
    for (const auto &v : report.violations)
        failing = failing || v.rule->severity >= *threshold;
    return failing ? 1 : 0;
}

} // namespace vigil
