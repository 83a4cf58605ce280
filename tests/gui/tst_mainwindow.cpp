// The main window at start-up: the operator's last view, or triage when a storm is on; views hidden
// behind another tab take a poll when they are shown.
#include "benchfleet.h"
#include "common/whenshown.h"
#include "hosts/hosttableview.h"
#include "mainwindow.h"
#include "support/jobrunner.h"
#include "triage/triageview.h"
#include "triagereplay.h"

#include <QCoreApplication>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace vigil;

namespace {
// `snapshot` as the pipeline publishes it after a poll (a source that answered), or from the cache.
FleetSnapshotPtr polled(FleetSnapshotPtr snapshot, bool fromCache = false) {
    auto s = std::make_shared<FleetSnapshot>(*snapshot);
    SourceHealth h;
    h.id = "sim/alertmanager#0";
    h.kind = SourceKind::Alertmanager;
    h.lastAttempt = h.lastSuccess = nowMs();
    s->sources = {h};
    s->fromCache = fromCache;
    return s;
}
FleetSnapshotPtr quiet() {
    auto s = std::make_shared<FleetSnapshot>();
    s->hosts = test::rackedHosts(80);
    analysis::FleetAnalyzer analyze(TopologyConfig{}, analysis::CorrelationOptions{});
    analyze(*s);
    return polled(s);
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
    FleetSnapshotPtr m_storm;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("vigil-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        m_storm = test::stormSnapshot("rack-failure", 9, 400);
        QVERIFY(m_storm->triage && m_storm->triage->storm);
        QVERIFY(quiet()->triage && !quiet()->triage->storm);
    }
    void init() { QSettings().remove(QStringLiteral("window/lastView")); }
    // As the application does at exit: no job of the windows above still running when the process ends
    // (the leak checker would see what a running job holds).
    void cleanupTestCase() { QVERIFY(JobRunner::waitForPools(30'000)); }

    // No storm: the view the operator chose last time; choosing another is remembered.
    void opensOnTheLastViewChosen() {
        bench::BenchSource source{Config{}};
        {
            MainWindow window(&source, nullptr);
            window.openAtStart();
            QCOMPARE(window.currentViewName(), QStringLiteral("hosts"));
            QVERIFY(window.showView(QStringLiteral("drift")));
            // Written a moment later, off the switch's frame (QSettings syncs its file to disk).
            QTRY_COMPARE(QSettings().value(QStringLiteral("window/lastView")).toString(),
                         QStringLiteral("drift"));
            QVERIFY(window.showView(QStringLiteral("heatmap")));
        } // and a choice still waiting is written as the window closes
        QCOMPARE(QSettings().value(QStringLiteral("window/lastView")).toString(), QStringLiteral("heatmap"));
        MainWindow window(&source, nullptr);
        window.openAtStart();
        QCOMPARE(window.currentViewName(), QStringLiteral("heatmap"));
        source.publish(quiet());
        QCOMPARE(window.currentViewName(), QStringLiteral("heatmap"));
        // Decided by the first poll: a storm that begins later does not take the screen.
        source.publish(polled(m_storm));
        QCOMPARE(window.currentViewName(), QStringLiteral("heatmap"));
    }

    // The custom-painted views are named for screen readers, and the interactive ones take the focus
    // from the keyboard (Tab), as the standard controls do.
    void canvasesAreNamedAndReachable() {
        bench::BenchSource source{Config{}};
        MainWindow window(&source, nullptr);
        const std::pair<const char *, bool> canvases[] = {{"vigil::HostMapCanvas", true},
                                                          {"vigil::TimeHeatmapCanvas", true},
                                                          {"vigil::TopologyCanvas", true},
                                                          {"vigil::AlertTimeline", false}};
        QStringList names;
        for (const auto &[cls, focusable] : canvases) {
            int found = 0;
            for (QWidget *w : window.findChildren<QWidget *>())
                if (QLatin1String(w->metaObject()->className()) == QLatin1String(cls)) {
                    ++found;
                    QVERIFY2(!w->accessibleName().isEmpty(), cls);
                    QVERIFY2(!focusable || (w->focusPolicy() & Qt::TabFocus), cls);
                    names << w->accessibleName();
                }
            QVERIFY2(found > 0, cls);
        }
        names.removeDuplicates(); // the two maps of the topology view have names of their own
        QCOMPARE(names.size(), 5);
    }

    // Triage's keys are in a Triage menu with their shortcuts, shown while triage is, and the menu's
    // entry does what the key does.
    void viewActionsAreInTheirMenu() {
        bench::BenchSource source{Config{}};
        MainWindow window(&source, nullptr);
        window.openAtStart();
        QMenu *triage = nullptr;
        for (QAction *a : window.menuBar()->actions())
            if (a->menu() && a->text() == QStringLiteral("Triage"))
                triage = a->menu();
        QVERIFY(triage);
        QStringList keys;
        for (QAction *a : triage->actions())
            keys << a->shortcut().toString();
        for (const char *k : {"J", "K", "Return", "Esc", "/", "T", "S", "E", "A", "N", "?"})
            QVERIFY2(keys.contains(QLatin1String(k)), k);
        QVERIFY(window.showView(QStringLiteral("hosts")));
        QVERIFY(!triage->menuAction()->isVisible());
        QVERIFY(window.showView(QStringLiteral("triage")));
        QVERIFY(triage->menuAction()->isVisible());
        auto *view = window.findChild<TriageView *>();
        QVERIFY(view);
        const bool table = view->alertTableMode();
        for (QAction *a : triage->actions())
            if (a->shortcut() == QKeySequence(Qt::Key_T))
                a->trigger();
        QCOMPARE(view->alertTableMode(), !table);
        // The canvases' keys are in their views' menus too.
        QStringList menus;
        for (QAction *a : window.menuBar()->actions())
            if (a->menu() && !a->menu()->actions().isEmpty())
                menus << a->text();
        for (const char *m : {"Host map", "Heatmap", "Topology", "Services"})
            QVERIFY2(menus.contains(QLatin1String(m)), qPrintable(menus.join(QLatin1Char(','))));
        // File > Settings (Ctrl+,) exists once the application gives it an opener.
        QAction *settings = nullptr;
        for (QAction *a : window.fileMenu()->actions())
            if (a->shortcut() == QKeySequence(QStringLiteral("Ctrl+,")))
                settings = a;
        QVERIFY(settings && !settings->isVisible());
        int opened = 0;
        window.setSettingsOpener([&opened] { ++opened; });
        QVERIFY(settings->isVisible());
        settings->trigger();
        QCOMPARE(opened, 1);
    }

    // A storm in the first poll (before it, an empty fleet decides nothing) opens triage; that switch
    // is Vigil's, so the next start without a storm is on the operator's view again.
    void aStormAtStartOpensTriage() {
        QSettings().setValue(QStringLiteral("window/lastView"), QStringLiteral("topology"));
        bench::BenchSource source{Config{}};
        MainWindow window(&source, nullptr);
        window.openAtStart();
        QCOMPARE(window.currentViewName(), QStringLiteral("topology"));
        auto empty = std::make_shared<FleetSnapshot>();
        analysis::FleetAnalyzer analyze(TopologyConfig{}, analysis::CorrelationOptions{});
        analyze(*empty);
        source.publish(empty);
        QCOMPARE(window.currentViewName(), QStringLiteral("topology"));
        source.publish(polled(m_storm));
        QCOMPARE(window.currentViewName(), QStringLiteral("triage"));
        QCOMPARE(QSettings().value(QStringLiteral("window/lastView")).toString(), QStringLiteral("topology"));
    }

    // The cache's storm opens triage before any poll; an operator who moved on is not moved back.
    void theCachedStormOpensTriageAtOnce() {
        bench::BenchSource source{Config{}};
        source.publish(polled(m_storm, true));
        MainWindow window(&source, nullptr);
        window.openAtStart();
        QCOMPARE(window.currentViewName(), QStringLiteral("triage"));

        bench::BenchSource other{Config{}};
        MainWindow moved(&other, nullptr);
        moved.openAtStart();
        QVERIFY(moved.showView(QStringLiteral("drift")));
        other.publish(polled(m_storm));
        QCOMPARE(moved.currentViewName(), QStringLiteral("drift"));
    }

    // Work for a widget hidden in a window on screen waits, the newest replacing the older, and is done
    // once when it is shown; on screen, or in a window not on screen (a test, a screenshot), at once.
    void workWaitsForItsWidgetToBeShown() {
        QTabWidget tabs;
        auto *page = new QWidget;
        tabs.addTab(new QWidget, QStringLiteral("one"));
        tabs.addTab(page, QStringLiteral("two"));
        WhenShown when(page);
        QStringList done;
        when.run([&] { done << QStringLiteral("unshown window"); });
        QCOMPARE(done, QStringList{QStringLiteral("unshown window")});
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        when.run([&] { done << QStringLiteral("older"); });
        when.run([&] { done << QStringLiteral("newest"); });
        QVERIFY(when.waiting());
        QCOMPARE(done.size(), 1);
        tabs.setCurrentIndex(1);
        QCOMPARE(done.last(), QStringLiteral("newest"));
        QCOMPARE(done.size(), 2);
        when.run([&] { done << QStringLiteral("on screen"); });
        QCOMPARE(done.last(), QStringLiteral("on screen"));
        tabs.setCurrentIndex(0);
        tabs.setCurrentIndex(1); // nothing waiting: shown again, nothing run
        QCOMPARE(done.size(), 3);
    }

    // In the window on screen, triage behind another tab does not follow polls (re-sorting and
    // re-filtering its incidents); shown, it holds the newest at once.
    void triageTakesThePollWhenShown() {
        bench::BenchSource source{Config{}};
        MainWindow window(&source, nullptr);
        window.openAtStart();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        source.publish(quiet()); // the first poll decides: no storm, the hosts stay on screen
        QCOMPARE(window.currentViewName(), QStringLiteral("hosts"));
        const int quietRows = window.triageView()->incidents()->model()->rowCount();
        source.publish(polled(m_storm));
        QCOMPARE(window.currentViewName(), QStringLiteral("hosts"));
        QCOMPARE(window.triageView()->incidents()->model()->rowCount(), quietRows);
        QVERIFY(window.showView(QStringLiteral("triage")));
        QCOMPARE(window.triageView()->incidents()->model()->rowCount(),
                 static_cast<int>(m_storm->triage->incidents.size()));
        QVERIFY(quietRows != static_cast<int>(m_storm->triage->incidents.size()));
    }

    // The host table behind another tab does not follow polls either (filtering, sorting and diffing
    // every host); shown, it holds the newest at once.
    void hostsTakeThePollWhenShown() {
        bench::BenchSource source{Config{}};
        MainWindow window(&source, nullptr);
        window.openAtStart();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        source.publish(quiet());
        const QAbstractItemModel *rows = window.hostView()->table()->model();
        QCOMPARE(rows->rowCount(), static_cast<int>(quiet()->hosts.size()));
        QVERIFY(window.showView(QStringLiteral("triage")));
        source.publish(polled(m_storm));
        QCOMPARE(rows->rowCount(), static_cast<int>(quiet()->hosts.size()));
        QVERIFY(window.showView(QStringLiteral("hosts")));
        QCOMPARE(rows->rowCount(), static_cast<int>(m_storm->hosts.size()));
        QVERIFY(m_storm->hosts.size() != quiet()->hosts.size());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
