#include "commandline.h"

#include "simfleet.h"
#include "support/timeutil.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstring>

namespace vigil {

bool CommandLine::wantsScreenshot(int argc, char **argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--screenshot") == 0 || std::strncmp(argv[i], "--screenshot=", 13) == 0)
            return true;
    return false;
}

bool CommandLine::wantsTextOnly(int argc, char **argv) {
    for (int i = 1; i < argc; ++i)
        for (const char *flag : {"--help", "-h", "--help-all", "-?", "--version", "-v"})
            if (std::strcmp(argv[i], flag) == 0)
                return true;
    return false;
}

namespace {

// The options of `vigil`, added to the parser.
struct Options {
    QCommandLineOption config, prom, am, interval, cache, demo, demoHosts, demoScenario, shot, view, size,
        timeout, filter, host, service, wall, at;
};

Options addOptions(QCommandLineParser &p) {
    const QCommandLineOption config(
        QStringLiteral("config"),
        QCoreApplication::translate(
            "CommandLine", "Read sources, query profile and cache settings from a YAML or JSON file."),
        QStringLiteral("file"));
    const QCommandLineOption prom(
        QStringLiteral("prometheus"),
        QCoreApplication::translate(
            "CommandLine",
            "Poll this Prometheus-compatible API (Prometheus, Thanos, Mimir, VictoriaMetrics)."),
        QStringLiteral("url"));
    const QCommandLineOption am(
        QStringLiteral("alertmanager"),
        QCoreApplication::translate("CommandLine",
                                    "Poll this Alertmanager (API v2). Repeat for each member of a cluster."),
        QStringLiteral("url"));
    const QCommandLineOption interval(
        QStringLiteral("interval"),
        QCoreApplication::translate("CommandLine",
                                    "Poll interval for --prometheus/--alertmanager (default 15s) and --demo "
                                    "(default 5s)."),
        QStringLiteral("duration"), QStringLiteral("15s"));
    const QCommandLineOption cache(
        QStringLiteral("cache"),
        QCoreApplication::translate("CommandLine",
                                    "SQLite cache file (default: the user's cache directory)."),
        QStringLiteral("file"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate(
            "CommandLine", "Start a simulated fleet (vigil-sim) in-process and watch it. No setup needed."));
    const QCommandLineOption demoHosts(
        QStringLiteral("demo-hosts"),
        QCoreApplication::translate("CommandLine", "Number of simulated hosts for --demo (default 2000)."),
        QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption demoScenario(
        QStringLiteral("demo-scenario"),
        QCoreApplication::translate(
            "CommandLine", "Simulator scenario for --demo: steady, hotspots, rack-failure, "
                           "db-failover, disk-degradation, drift, demo (default: cycles through them)."),
        QStringLiteral("name"), QStringLiteral("demo"));
    const QCommandLineOption shot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("CommandLine",
                                    "Wait for the first poll, render a view headless to this PNG and exit."),
        QStringLiteral("file.png"));
    const QCommandLineOption view(
        QStringLiteral("view"),
        QCoreApplication::translate(
            "CommandLine",
            "View to show or render: hosts, triage, hostmap, heatmap, topology, services, drift."),
        QStringLiteral("name"), QStringLiteral("hosts"));
    const QCommandLineOption size(
        QStringLiteral("size"),
        QCoreApplication::translate("CommandLine",
                                    "Window size for --screenshot, e.g. 1920x1080 (default 1600x900)."),
        QStringLiteral("WxH"), QStringLiteral("1600x900"));
    const QCommandLineOption timeout(
        QStringLiteral("screenshot-timeout"),
        QCoreApplication::translate(
            "CommandLine", "Seconds to wait for the first poll before --screenshot gives up (default 30)."),
        QStringLiteral("seconds"), QStringLiteral("30"));
    const QCommandLineOption filter(
        QStringLiteral("filter"),
        QCoreApplication::translate("CommandLine", "Initial host filter, e.g. \"region=eu1 role=~db.*\"."),
        QStringLiteral("matchers"));
    const QCommandLineOption host(
        QStringLiteral("host"),
        QCoreApplication::translate(
            "CommandLine", "Open this host's detail once the fleet has it (with --screenshot: render it)."),
        QStringLiteral("name"));
    const QCommandLineOption service(
        QStringLiteral("service"),
        QCoreApplication::translate("CommandLine", "Open this service's detail once the fleet has it (with "
                                                   "--screenshot: render it)."),
        QStringLiteral("name"));
    const QCommandLineOption wall(
        QStringLiteral("wall"),
        QCoreApplication::translate(
            "CommandLine",
            "NOC wall display: full screen, read-only, the config's playlist of views rotating "
            "on each of its screens (keys: arrows, space to pause, q then y to quit)."));
    const QCommandLineOption at(
        QStringLiteral("at"),
        QCoreApplication::translate(
            "CommandLine", "With a snapshot file: the moment to show first (RFC 3339 time, +10m after "
                           "the window's start or -5m before its end; default its end)."),
        QStringLiteral("time"));
    p.addPositionalArgument(
        QStringLiteral("file.vigil"),
        QCoreApplication::translate("CommandLine", "An incident snapshot to review, offline."),
        QStringLiteral("[file.vigil]"));
    p.addOptions({config, prom, am, interval, cache, demo, demoHosts, demoScenario, shot, view, size, timeout,
                  filter, host, service, wall, at});
    return {config, prom,    am,     interval, cache,   demo, demoHosts, demoScenario, shot, view,
            size,   timeout, filter, host,     service, wall, at};
}

} // namespace

std::optional<AppOptions> CommandLine::parse(const QStringList &arguments, QString *error,
                                             const QString &userConfigPath) {
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "CommandLine",
        "Vigil: a native operations console for large server fleets (Prometheus + Alertmanager)."));
    p.addHelpOption();
    p.addVersionOption();
    const auto [config, prom, am, interval, cache, demo, demoHosts, demoScenario, shot, view, size, timeout,
                filter, host, service, wall, at] = addOptions(p);
    p.process(arguments); // exits for --help, --version and unknown options

    auto fail = [&](const QString &msg) -> std::optional<AppOptions> {
        if (error)
            *error = msg;
        return std::nullopt;
    };
    if (p.positionalArguments().size() > 1)
        return fail(QCoreApplication::translate("CommandLine", "unexpected argument \"%1\"")
                        .arg(p.positionalArguments().at(1)));
    AppOptions o;
    o.demo = p.isSet(demo);
    if (!p.positionalArguments().isEmpty())
        o.snapshotFile = p.positionalArguments().first();
    o.at = p.value(at);
    if (p.isSet(at) && o.snapshotFile.isEmpty())
        return fail(QCoreApplication::translate("CommandLine", "--at: only with a snapshot file"));
    const int sources = int(p.isSet(config)) + int(p.isSet(prom) || p.isSet(am)) + int(o.demo) +
                        int(!o.snapshotFile.isEmpty());
    if (sources > 1)
        return fail(QCoreApplication::translate(
            "CommandLine", "use one of --config, --prometheus/--alertmanager, --demo or a snapshot file"));
    if (!o.snapshotFile.isEmpty() && p.isSet(wall))
        return fail(
            QCoreApplication::translate("CommandLine", "--wall shows live fleets, not snapshot files"));
    const bool userConfig = sources == 0 && !userConfigPath.isEmpty() && QFileInfo::exists(userConfigPath);
    if (sources == 0 && !userConfig) {
        if (p.isSet(wall))
            return fail(QCoreApplication::translate(
                "CommandLine", "--wall needs something to watch: --demo, --config FILE or --prometheus URL"));
        o.welcome = true;
    }
    if (p.isSet(config) || userConfig) {
        ConfigError err;
        auto c = ConfigLoader::loadFile((userConfig ? userConfigPath : p.value(config)).toStdString(), &err);
        if (!c)
            return fail(QString::fromStdString(err.toString()));
        o.config = std::move(*c);
    } else if (p.isSet(prom) || p.isSet(am)) {
        SourceConfig s;
        s.name = "default";
        s.prometheusUrl = p.value(prom).toStdString();
        for (const auto &u : p.values(am))
            s.alertmanagerUrls.push_back(u.toStdString());
        o.config.sources.push_back(std::move(s));
    }
    if (p.isSet(interval) && (p.isSet(config) || userConfig))
        return fail(QCoreApplication::translate(
            "CommandLine", "--interval: with --config, set each source's interval in the file"));
    const auto intervalMs = parseDurationMs(p.value(interval).toStdString());
    if (!intervalMs || *intervalMs < 1000)
        return fail(QCoreApplication::translate(
            "CommandLine", "--interval: expected a duration of at least 1s, such as 15s or 1m"));
    if (!o.config.sources.empty() && !p.isSet(config) && !userConfig)
        o.config.sources.front().intervalMs = *intervalMs;
    if (p.isSet(interval))
        o.demoIntervalMs = *intervalMs;
    o.wall = p.isSet(wall);
    o.viewSet = p.isSet(view);
    o.sizeSet = p.isSet(size);
    bool ok = false;
    o.demoHosts = p.value(demoHosts).toInt(&ok);
    if (!ok || o.demoHosts < 1 || o.demoHosts > 200000)
        return fail(
            QCoreApplication::translate("CommandLine", "--demo-hosts: expected a number from 1 to 200000"));
    o.demoScenario = p.value(demoScenario);
    if (!sim::SimFleet::isScenario(o.demoScenario.toStdString())) {
        QStringList names;
        for (const auto &n : sim::SimFleet::scenarios())
            names << QString::fromStdString(n);
        return fail(QCoreApplication::translate("CommandLine", "--demo-scenario: expected one of %1")
                        .arg(names.join(QStringLiteral(", "))));
    }
    if (p.isSet(cache))
        o.config.cachePath = p.value(cache).toStdString();
    o.screenshot = p.value(shot);
    o.view = p.value(view);
    o.filter = p.value(filter);
    o.host = p.value(host);
    o.service = p.value(service);
    static const QRegularExpression sizeRe(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    auto m = sizeRe.match(p.value(size));
    if (!m.hasMatch())
        return fail(
            QCoreApplication::translate("CommandLine", "--size: expected WIDTHxHEIGHT such as 1920x1080"));
    o.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    o.screenshotTimeoutS = p.value(timeout).toInt(&ok);
    if (!ok || o.screenshotTimeoutS < 1)
        return fail(QCoreApplication::translate(
            "CommandLine", "--screenshot-timeout: expected a positive number of seconds"));
    return o;
}

} // namespace vigil
