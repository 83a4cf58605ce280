// Vigil's composition root: parse the command line, start the pipeline (and the simulator for --demo),
// show the window or render a screenshot.
#include "commandline.h"
#include "config/secrets.h"
#include "driftcommand.h"
#include "hosts/hosttableview.h"
#include "mainwindow.h"
#include "screenshotter.h"
#include "service/fleetservice.h"
#include "service/snapshotsource.h"
#include "settings/settingsdialog.h"
#include "simserver.h"
#include "snapshot/snapshotfile.h"
#include "snapshotcommand.h"
#include "snapshotexportdialog.h"
#include "snapshotreview.h"
#include "startuptrace.h"
#include "support/allocator.h"
#include "support/stallwatchdog.h"
#include "translations.h"
#include "triage/triageview.h"
#include "triagecommand.h"
#include "wallcontroller.h"
#include "wallscreenshot.h"
#include "wallsession.h"
#include "welcomepage.h"

#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QStandardPaths>

#include <cstdio>
#include <memory>
#include <string_view>

namespace {
// The wall display: no main window, one full-screen window per configured screen, read-only, rebuilt
// when its configuration file changes.
int runWall(const vigil::AppOptions &options) {
    // Measured with bench_wall_soak (an hour at 10,000 hosts): see allocator.h.
    vigil::allocator::returnFreedPagesOnTime();
    const bool shooting = !options.screenshot.isEmpty();
    vigil::WallSession session(options.config,
                               shooting ? QString() : QString::fromStdString(options.config.file),
                               shooting && options.sizeSet ? options.size : QSize());
    bool viewFound = true;
    session.onWall = [&](vigil::WallController *wall) {
        if (options.viewSet)
            viewFound = wall->startAt(options.view) && viewFound;
    };
    session.start();
    if (!viewFound) {
        std::fprintf(stderr, "vigil: %s\n",
                     qPrintable(QCoreApplication::translate("main", "no wall playlist shows the view \"%1\"")
                                    .arg(options.view)));
        return 2;
    }
    // A wall has nobody watching the log: a stall of the GUI thread is told on the strip.
    vigil::StallWatchdog watchdog(&session, std::chrono::milliseconds(1000));
    QObject::connect(
        &watchdog, &vigil::StallWatchdog::stalled, &session,
        [&session](double ms) { session.wall()->noteStall(ms); }, Qt::QueuedConnection);
    watchdog.start();
    std::unique_ptr<vigil::WallScreenshot> shooter;
    if (shooting) {
        shooter = std::make_unique<vigil::WallScreenshot>(session.wall(), session.service(),
                                                          options.screenshot, options.screenshotTimeoutS);
        shooter->start();
    }
    const int code = QApplication::exec();
    watchdog.stop();
    return code;
}

// Opens another window of Vigil on a snapshot (File > Open, a dropped file): each review is a process
// of its own, like each live window.
void openInNewProcess(const QString &path) {
    if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), {path}))
        std::fprintf(stderr, "vigil: cannot start another Vigil for %s\n", qPrintable(path));
}

// Nothing to watch and no configuration of the user's: the welcome page. Each of its choices starts
// Vigil anew (the demo, the configuration just saved, a snapshot file) and closes the page.
// A new Vigil process with these arguments (after the welcome page or saved settings); false, and said on
// stderr, when it cannot start.
bool startAgain(const QStringList &arguments) {
    if (QProcess::startDetached(QCoreApplication::applicationFilePath(), arguments))
        return true;
    std::fprintf(stderr, "vigil: cannot start Vigil again\n");
    return false;
}

int runWelcome(const vigil::AppOptions &options, vigil::SecretStore *secrets) {
    vigil::WelcomePage page(vigil::WelcomePage::userConfigPath(), secrets);
    if (!options.screenshot.isEmpty()) {
        page.resize(options.size);
        page.setAttribute(Qt::WA_DontShowOnScreen);
        page.show();
        QCoreApplication::processEvents();
        if (!page.grab().save(options.screenshot))
            return 2;
        std::printf("wrote %s (%dx%d, the welcome page)\n", qPrintable(options.screenshot),
                    options.size.width(), options.size.height());
        return 0;
    }
    QObject::connect(&page, &vigil::WelcomePage::startRequested, &page, [](const QStringList &arguments) {
        startAgain(arguments);
        QCoreApplication::quit();
    });
    page.resize(720, 560);
    page.show();
    return QApplication::exec();
}

// An incident snapshot, reviewed offline: no FleetService, no network, no cache.
int runSnapshot(const vigil::AppOptions &options) {
    const bool shooting = !options.screenshot.isEmpty();
    auto refuse = [&](const QString &message) {
        std::fprintf(stderr, "vigil: %s\n", qPrintable(message));
        if (!shooting) // started from a file manager, nobody reads stderr
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Vigil"), message);
        return 2;
    };
    std::string error;
    const auto file = vigil::snapshot::SnapshotFile::open(options.snapshotFile.toStdString(), &error);
    if (!file)
        return refuse(QString::fromStdString(error));
    vigil::TimeMs cursor = 0;
    if (!options.at.isEmpty()) {
        QString atError;
        const auto t =
            vigil::SnapshotReview::parseAt(options.at, file->info().from, file->info().to, &atError);
        if (!t)
            return refuse(atError);
        cursor = *t;
    }
    vigil::SnapshotReview review(file, cursor);
    vigil::MainWindow *window = review.window();
    QObject::connect(window, &vigil::MainWindow::openSnapshotRequested, window, &openInNewProcess);
    if (!options.filter.isEmpty())
        window->hostView()->setFilterText(options.filter);
    if (!options.host.isEmpty())
        window->openHostWhenKnown(options.host);
    if (!options.service.isEmpty())
        window->openServiceWhenKnown(options.service);
    std::unique_ptr<vigil::Screenshotter> shooter;
    if (shooting) {
        shooter = std::make_unique<vigil::Screenshotter>(
            window, review.source(), options.screenshot, options.view, options.size,
            options.screenshotTimeoutS, options.host, options.service);
        shooter->start();
    } else {
        if (!window->showView(options.view))
            return refuse(QCoreApplication::translate("main", "unknown view \"%1\"").arg(options.view));
        window->resize(1400, 900);
        window->show();
    }
    return QApplication::exec();
}

// vigil-sim in this process, and the configuration watching it (--demo); null, and said on stderr, when
// it cannot start.
std::unique_ptr<vigil::sim::SimServer> startDemo(vigil::AppOptions &options) {
    std::unique_ptr<vigil::sim::SimServer> sim;
    vigil::sim::SimOptions so;
    so.hosts = options.demoHosts;
    so.scenario = options.demoScenario.toStdString();
    sim = std::make_unique<vigil::sim::SimServer>(so);
    std::string err;
    if (!sim->start(0, &err)) {
        std::fprintf(stderr, "vigil: cannot start the demo fleet: %s\n", err.c_str());
        return nullptr;
    }
    vigil::SourceConfig s;
    s.name = "demo";
    s.prometheusUrl = sim->url();
    s.alertmanagerUrls = {sim->url()};
    s.intervalMs = options.demoIntervalMs;
    options.config.sources = {s};
    // The simulator serves service-mesh request metrics: the service graph comes from them.
    options.config.profile.edgeQuery = vigil::sim::kEdgeQuery;
    options.config.profile.edgeErrorQuery = vigil::sim::kEdgeErrorQuery;
    if (options.config.cachePath.empty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
        QDir().mkpath(dir);
        // One cache per scenario and fleet size: a scenario's history never mixes with another's, and
        // a 400-host demo does not start on a 2,000-host one's hosts.
        options.config.cachePath =
            QString(dir +
                    QStringLiteral("/demo-%1-%2.sqlite").arg(options.demoScenario).arg(options.demoHosts))
                .toStdString();
    }
    return sim;
}

// The main window on a live fleet, until it closes.
int runWindow(const vigil::AppOptions &options, vigil::SecretStore *secretStore) {
    vigil::FleetService service(options.config);
    vigil::MainWindow window(&service, &service);
    QObject::connect(&window, &vigil::MainWindow::openSnapshotRequested, &window, &openInNewProcess);
    window.setSnapshotExporter([&service, &window](vigil::TimeMs from, vigil::TimeMs to,
                                                   const QString &incident, const QString &title) {
        auto *dialog = new vigil::SnapshotExportDialog(&service, from, to, incident, title, &window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    const QString userConfig = vigil::WelcomePage::userConfigPath();
    const bool onUserConfig = !options.demo && options.config.file == userConfig.toStdString();
    QString runningNote;
    if (options.demo)
        runningNote =
            QCoreApplication::translate("main", "This Vigil runs the demo; start Vigil without --demo to "
                                                "use the settings.");
    else if (!onUserConfig && !options.config.file.empty())
        runningNote = QCoreApplication::translate("main", "This Vigil runs on %1, which the settings never "
                                                          "change; start Vigil without --config to use them.")
                          .arg(QString::fromStdString(options.config.file));
    else if (!onUserConfig)
        runningNote =
            QCoreApplication::translate("main", "This Vigil was started with --prometheus or "
                                                "--alertmanager; start Vigil without them to use the "
                                                "settings.");
    window.setSettingsOpener([&window, secretStore, userConfig, runningNote, onUserConfig] {
        auto *dialog = new vigil::SettingsDialog(userConfig, secretStore, runningNote, &window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(dialog, &vigil::SettingsDialog::saved, &window, [&window, onUserConfig] {
            window.reloadSavedFilters();
            if (!onUserConfig)
                return;
            if (QMessageBox::question(&window, QCoreApplication::translate("main", "Settings saved"),
                                      QCoreApplication::translate("main",
                                                                  "Restart Vigil now to watch with the "
                                                                  "new settings?")) != QMessageBox::Yes)
                return;
            if (startAgain(QCoreApplication::arguments().mid(1)))
                window.close();
        });
        dialog->open();
    });
    if (!options.filter.isEmpty())
        window.hostView()->setFilterText(options.filter);
    if (!options.host.isEmpty())
        window.openHostWhenKnown(options.host);
    if (!options.service.isEmpty())
        window.openServiceWhenKnown(options.service);
    vigil::startup::watch(window.triageView()->incidents());
    service.start();
    vigil::StallWatchdog watchdog(&window);
    if (vigil::StallWatchdog::enabledByDefault())
        watchdog.start();

    std::unique_ptr<vigil::Screenshotter> shooter;
    if (!options.screenshot.isEmpty()) {
        shooter = std::make_unique<vigil::Screenshotter>(&window, &service, options.screenshot, options.view,
                                                         options.size, options.screenshotTimeoutS,
                                                         options.host, options.service);
        shooter->start();
    } else {
        if (!options.viewSet)
            window.openAtStart();
        else if (!window.showView(options.view)) {
            std::fprintf(stderr, "vigil: unknown view \"%s\" (views: %s)\n", qPrintable(options.view),
                         qPrintable(window.views().names().join(QStringLiteral(", "))));
            return 2;
        }
        window.resize(1400, 850);
        window.show();
    }
    const int code = QApplication::exec();
    service.stop();
    return code;
}

} // namespace

int main(int argc, char **argv) {
    vigil::startup::markMain();
    if (argc > 1 && std::string_view(argv[1]) == "drift")
        return vigil::runDriftCommand(argc, argv); // headless: no window, no display needed
    if (argc > 1 && std::string_view(argv[1]) == "triage")
        return vigil::runTriageCommand(argc, argv);
    if (argc > 1 && std::string_view(argv[1]) == "snapshot")
        return vigil::runSnapshotCommand(argc, argv);
    if (vigil::CommandLine::wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv); // no display needed
        vigil::setUpApplication();
        QString error;
        vigil::CommandLine::parse(QCoreApplication::arguments(), &error); // prints and exits
        std::fprintf(stderr, "vigil: %s\n", qPrintable(error));
        return 2;
    }
    if (vigil::CommandLine::wantsScreenshot(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    vigil::setUpApplication();
    // The icon in every window and the tray (compiled in; the hicolor theme has the same for menus).
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/vigil-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    QGuiApplication::setDesktopFileName(QStringLiteral("vigil"));

    QString error;
    auto options =
        vigil::CommandLine::parse(QApplication::arguments(), &error, vigil::WelcomePage::userConfigPath());
    if (!options) {
        std::fprintf(stderr, "vigil: %s\n", qPrintable(error));
        return 2;
    }

    // Tokens the settings keep in the keychain are read before anything polls (an unlock prompt may
    // be up); a source whose token cannot be read polls without it and its health says why.
    auto secretStore = vigil::SecretStore::system();
    vigil::secrets::resolve(options->config, *secretStore);
    for (const auto &s : options->config.sources)
        if (!s.secretProblem.empty())
            std::fprintf(
                stderr, "vigil: %s\n",
                qPrintable(
                    QCoreApplication::translate("main", "source %1: its secret was not read from "
                                                        "the keychain: %2")
                        .arg(QString::fromStdString(s.name), QString::fromStdString(s.secretProblem))));
    if (options->welcome)
        return runWelcome(*options, secretStore.get());
    if (!options->snapshotFile.isEmpty())
        return runSnapshot(*options);
    std::unique_ptr<vigil::sim::SimServer> sim;
    if (options->demo && !(sim = startDemo(*options)))
        return 1;
    vigil::ConfigError cerr;
    if (!vigil::ConfigLoader::validate(options->config, &cerr)) {
        std::fprintf(stderr, "vigil: %s\n", cerr.toString().c_str());
        return 2;
    }

    if (options->wall)
        return runWall(*options);
    return runWindow(*options, secretStore.get());
}
