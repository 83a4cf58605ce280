#pragma once
// Vigil's command line: what to watch (--config, --prometheus/--alertmanager, --demo) and what to do
// (run the window, or render one view to a PNG and exit).
#include "config/config.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace vigil {

struct AppOptions {
    Config config;
    bool demo = false;
    int demoHosts = 2000;
    QString demoScenario = QStringLiteral("demo");
    QString screenshot; // PNG path; empty: run interactively
    QString view = QStringLiteral("hosts");
    QSize size{1600, 900};
    int screenshotTimeoutS = 30;
    QString filter;
    QString host;                       // open this host's detail once the fleet has it
    QString service;                    // open this service's detail once the fleet has it
    bool sizeSet = false;               // --size given (else the wall fills each screen)
    bool viewSet = false;               // --view given (the wall starts its rotation there)
    bool wall = false;                  // the NOC wall display instead of the window
    std::int64_t demoIntervalMs = 5000; // --demo's poll interval (--interval)
    QString snapshotFile;               // FILE.vigil: review an incident snapshot, no network
    QString at;                         // --at: where its replay starts (checked against the file)
    bool welcome = false;               // nothing to watch and no user configuration: the welcome page
};

class CommandLine {
public:
    // Parses arguments (QCoreApplication::arguments()). Exits for --help/--version. Returns nullopt and
    // sets *error on bad input.
    // With nothing to watch, the user's configuration (`userConfig`, $XDG_CONFIG_HOME/vigil/vigil.yaml)
    // when it exists, else the welcome page.
    static std::optional<AppOptions> parse(const QStringList &arguments, QString *error,
                                           const QString &userConfig = {});
    // True if argv asks for a headless render; checked before QApplication exists.
    static bool wantsScreenshot(int argc, char **argv);
    // --help or --version: answered on stdout without a window, so without a display (a user on SSH).
    static bool wantsTextOnly(int argc, char **argv);
};

} // namespace vigil
