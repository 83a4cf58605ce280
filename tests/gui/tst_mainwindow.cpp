// The main window at start-up: the operator's last view, or triage when a storm is on.
#include "benchfleet.h"
#include "mainwindow.h"
#include "triagereplay.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
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

    // No storm: the view the operator chose last time; choosing another is remembered.
    void opensOnTheLastViewChosen() {
        bench::BenchSource source{Config{}};
        {
            MainWindow window(&source, nullptr);
            window.openAtStart();
            QCOMPARE(window.currentViewName(), QStringLiteral("hosts"));
            QVERIFY(window.showView(QStringLiteral("heatmap")));
        }
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
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
