// The wall display: the headline's words, rotation, interruption by a new severe incident, the stale
// banner, the read-only keys, and one window per screen.
#include "analysis/correlation.h"
#include "config/config.h"
#include "fleetviews.h"
#include "heatmap/timeheatmapcanvas.h"
#include "heatmap/timeheatmapview.h"
#include "hostmap/hostmapcanvas.h"
#include "hostmap/hostmapview.h"
#include "item/incidentmodel.h"
#include "service/fleetservice.h"
#include "service/fleetsource.h"
#include "simserver.h"
#include "topology/topologyview.h"
#include "triage/triageview.h"
#include "wall/wallstrip.h"
#include "wallcontroller.h"
#include "wallsession.h"
#include "wallwindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QProcess>
#include <QScreen>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <cstdio>

using namespace vigil;

namespace {

// A fleet source the test publishes snapshots into; history, wear and drift never answer.
class FakeSource final : public FleetSource {
public:
    explicit FakeSource(Config c = {})
        : m_config(std::move(c)) {}
    void publish(FleetSnapshotPtr s) {
        m_current = std::move(s);
        Q_EMIT snapshotReady(m_current);
    }
    [[nodiscard]] FleetSnapshotPtr current() const override { return m_current; }
    [[nodiscard]] const Config &config() const override { return m_config; }
    [[nodiscard]] bool isLive() const override { return true; }
    void loadHistory(const QString &, const std::string &, TimeMs, TimeMs, int, QObject *,
                     std::function<void(GridPtr)>) override {}
    void loadWear(int, QObject *, std::function<void(WearPtr)>) override {}
    void loadDrift(TimeMs, QObject *, std::function<void(DriftPtr)>) override {}
    void loadLayout(const std::string &, QObject *, std::function<void(Positions)>) override {}
    void saveLayout(const std::string &, Positions) override {}

private:
    Config m_config;
    FleetSnapshotPtr m_current;
};

analysis::Incident incident(const std::string &key, const std::string &name, int severity, int active = 3) {
    analysis::Incident inc;
    inc.key = key;
    inc.causeKind = analysis::CauseKind::AlertGroup;
    inc.causeLevel = "alertname";
    inc.causeName = name;
    inc.severity = severity;
    inc.active = active;
    inc.hosts = active;
    return inc;
}

SourceHealth source(const std::string &id, TimeMs lastSuccess, const std::string &error = {}) {
    SourceHealth s;
    s.id = id;
    s.name = "prod";
    s.intervalMs = 15'000;
    s.lastAttempt = nowMs();
    s.lastSuccess = lastSuccess;
    s.lastError = error;
    return s;
}

// A fleet of `hosts` hosts (`down` of them down), its sources and these incidents, ranked as given.
FleetSnapshotPtr fleet(std::vector<analysis::Incident> incidents, std::vector<SourceHealth> sources,
                       int hosts = 10, int down = 0) {
    auto s = std::make_shared<FleetSnapshot>();
    s->builtAt = nowMs();
    for (int i = 0; i < hosts; ++i) {
        Host h;
        h.name = "h" + std::to_string(i);
        h.up = i >= down ? UpState::Up : UpState::Down;
        s->hosts.push_back(h);
    }
    s->sources = std::move(sources);
    auto t = std::make_shared<analysis::TriageResult>();
    t->incidents = std::move(incidents);
    s->triage = t;
    summarize(*s);
    s->summary.watching = true;
    return s;
}

WallConfig twoViewWall() {
    WallConfig w;
    w.screens = {WallScreen{-1, {}, {{"hosts", 30'000, {}, {}, 0, {}}, {"triage", 60'000, {}, {}, 0, {}}}}};
    return w;
}

} // namespace

class TestWall : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void playlistNamesAreTheViewsNames() {
        FakeSource src;
        FleetViews all(&src);
        QStringList expected;
        for (const auto &v : WallConfig::views())
            expected << QString::fromStdString(v);
        QCOMPARE(all.registry().names(), expected);
        FleetViews some(&src, {QStringLiteral("triage")});
        QCOMPARE(some.registry().names(), QStringList{QStringLiteral("triage")});
        QVERIFY(some.hosts() == nullptr);
    }

    void headlineCountsIncidentsBySeverityInWords() {
        const TimeMs now = nowMs();
        auto snap = fleet({incident("a:DiskFull", "DiskFull", 2), incident("a:HighCpu", "HighCpu", 1),
                           incident("a:Quiet", "Quiet", 2, /*active=*/0)},
                          {source("prod/prometheus", now - 1000)}, 10, 2);
        const WallHeadline h = wallHeadline(snap.get(), now);
        QCOMPARE(h.critical, 1); // the silenced one has someone on it: not counted
        QCOMPARE(h.warning, 1);
        QVERIFY2(h.incidents.contains(QStringLiteral("1 CRITICAL")), qPrintable(h.incidents));
        QVERIFY(h.incidents.contains(QStringLiteral("▲"))); // a shape, not colour alone
        QVERIFY2(h.topCause.contains(QStringLiteral("DiskFull")), qPrintable(h.topCause));
        QCOMPARE(h.topKey, QStringLiteral("a:DiskFull"));
        QVERIFY2(h.hosts.contains(QStringLiteral("8 up")) && h.hosts.contains(QStringLiteral("2 DOWN")),
                 qPrintable(h.hosts));
        QCOMPARE(h.sources.size(), std::size_t(1));
        QVERIFY(h.sources[0].text.startsWith(QStringLiteral("✓")));
        QVERIFY(!h.stale);
        QVERIFY(h.staleText.isEmpty());
    }

    void headlineSaysWhichSourceIsStaleAndSince() {
        const TimeMs now = nowMs();
        auto snap = fleet({}, {source("prod/prometheus", now - 4 * 60'000, "connection refused"),
                               source("prod/alertmanager", now - 2000)});
        const WallHeadline h = wallHeadline(snap.get(), now);
        QVERIFY(h.stale);
        QVERIFY2(h.staleText.startsWith(QStringLiteral("DATA STALE")), qPrintable(h.staleText));
        QVERIFY2(h.staleText.contains(QStringLiteral("prod/prometheus: connection refused")),
                 qPrintable(h.staleText));
        QVERIFY2(h.staleText.contains(QStringLiteral("4 min ago")), qPrintable(h.staleText));
        QVERIFY(!h.staleText.contains(QStringLiteral("alertmanager")));
        QVERIFY(h.sources[0].text.startsWith(QStringLiteral("✗")));
        QCOMPARE(h.sources[0].state, 2);
        QVERIFY(h.incidents.contains(QStringLiteral("No open incidents")));
        // The cache before any poll is stale too.
        auto cached = std::make_shared<FleetSnapshot>(*fleet({}, {source("prod/prometheus", 0)}));
        cached->fromCache = true;
        const WallHeadline c = wallHeadline(cached.get(), now);
        QVERIFY(c.stale);
        QVERIFY2(c.staleText.contains(QStringLiteral("cached fleet")), qPrintable(c.staleText));
    }

    void rotatesThroughThePlaylistAndPauses() {
        FakeSource src;
        WallConfig w = twoViewWall();
        w.screens[0].playlist[0].dwellMs = 5'000;
        w.screens[0].playlist[0].filter = "h1";
        WallWindow win(&src, w, w.screens[0].playlist);
        QCOMPARE(win.currentView(), QStringLiteral("hosts"));
        win.next();
        QCOMPARE(win.currentView(), QStringLiteral("triage"));
        win.next();
        QCOMPARE(win.currentView(), QStringLiteral("hosts")); // wraps
        win.previous();
        QCOMPARE(win.currentView(), QStringLiteral("triage"));
        QVERIFY(win.startAt(QStringLiteral("hosts")));
        QVERIFY(!win.startAt(QStringLiteral("drift")));
        win.setPaused(true);
        QVERIFY(win.strip()->statusText().contains(QStringLiteral("paused")));
        win.setPaused(false);
        QVERIFY(!win.strip()->statusText().contains(QStringLiteral("paused")));
    }

    void offScreenViewsWaitForTheirTurn() {
        FakeSource src;
        WallConfig w = twoViewWall();
        WallWindow win(&src, w, w.screens[0].playlist);
        auto snap = fleet({incident("a:DiskFull", "DiskFull", 2)}, {source("prod/prometheus", nowMs())});
        win.setSnapshot(snap);
        QCOMPARE(win.currentView(), QStringLiteral("hosts"));
        QVERIFY(win.views()->incidentModel()->snapshot() != snap); // triage is off screen: not yet
        // Off screen, every fourth poll: within four polls triage holds the latest one.
        FleetSnapshotPtr latest;
        int polls = 0;
        while (polls < 4 && win.views()->incidentModel()->snapshot() != latest && (latest = fleet({}, {}))) {
            win.setSnapshot(latest);
            ++polls;
        }
        QVERIFY(polls <= 4);
        QVERIFY(win.views()->incidentModel()->snapshot() == latest);
        QCOMPARE(win.currentView(), QStringLiteral("hosts"));
        win.setSnapshot(snap);
        win.next();
        QVERIFY(win.views()->incidentModel()->snapshot() == snap);
        QCOMPARE(win.views()->triage()->incidents()->model()->rowCount(), 1);
    }

    void dwellMovesOnByItself() {
        FakeSource src;
        WallConfig w = twoViewWall();
        w.screens[0].playlist[0].dwellMs = 200; // below the config's floor: only a test does this
        WallWindow win(&src, w, w.screens[0].playlist);
        QCOMPARE(win.currentView(), QStringLiteral("hosts"));
        QTRY_COMPARE_WITH_TIMEOUT(win.currentView(), QStringLiteral("triage"), 3000);
    }

    void newCriticalIncidentInterruptsOnTriage() {
        FakeSource src;
        const TimeMs now = nowMs();
        src.publish(fleet({incident("a:HighCpu", "HighCpu", 1)}, {source("prod/prometheus", now)}));
        WallController wall(&src, twoViewWall());
        QSignalSpy spy(&wall, &WallController::interrupted);
        WallWindow *win = wall.windows().front();
        QCOMPARE(win->currentView(), QStringLiteral("hosts"));
        // A new warning does not interrupt (the default is critical).
        src.publish(fleet({incident("a:HighCpu", "HighCpu", 1), incident("a:Slow", "Slow", 1)},
                          {source("prod/prometheus", now)}));
        QCOMPARE(spy.count(), 0);
        QCOMPARE(win->currentView(), QStringLiteral("hosts"));
        // A new critical one does: triage, that incident selected, marked NEW on the strip.
        src.publish(fleet({incident("rack:r07", "r07", 2), incident("a:HighCpu", "HighCpu", 1)},
                          {source("prod/prometheus", now)}));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.front().front().toString(), QStringLiteral("rack:r07"));
        QVERIFY(win->interrupted());
        QCOMPARE(win->currentView(), QStringLiteral("triage"));
        QCOMPARE(win->views()->triage()->selectedKey(), QStringLiteral("rack:r07"));
        QVERIFY2(win->strip()->causeText().startsWith(QStringLiteral("NEW")),
                 qPrintable(win->strip()->causeText()));
        // The same incident on the next poll is not new any more.
        src.publish(fleet({incident("rack:r07", "r07", 2)}, {source("prod/prometheus", now)}));
        QCOMPARE(spy.count(), 1);
        // After the interruption the rotation goes on after the entry it interrupted.
        win->next();
        QVERIFY(!win->interrupted());
        QCOMPARE(win->currentView(), QStringLiteral("triage"));
    }

    // A node lost by its NotReady warning (triage.cause_alerts: its cause is made of failures) ranks as
    // critical, so it is the one that interrupts, not an unrelated critical volume alert ranked below it.
    void aLostNodeInterruptsAsTriageRanksIt() {
        FakeSource src;
        const TimeMs now = nowMs();
        src.publish(fleet({}, {source("k8s/prometheus", now)}));
        WallController wall(&src, twoViewWall());
        QSignalSpy spy(&wall, &WallController::interrupted);
        analysis::Incident node = incident("host:ip-10-20-79-93", "ip-10-20-79-93", 1, 19);
        node.causeKind = analysis::CauseKind::Host;
        node.causeHosts = node.causeHostsFailing = 1;
        QCOMPARE(analysis::urgencyOf(node), 2);
        analysis::Incident volume = incident("host:ip-10-20-81-5", "ip-10-20-81-5", 2, 1);
        volume.causeKind = analysis::CauseKind::Host;
        volume.causeHosts = volume.causeHostsFailing = 1;
        src.publish(fleet({node, volume}, {source("k8s/prometheus", now)}));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.front().front().toString(), QStringLiteral("host:ip-10-20-79-93"));
        QCOMPARE(wall.windows().front()->views()->triage()->selectedKey(),
                 QStringLiteral("host:ip-10-20-79-93"));
    }

    void acknowledgedOrNeverDoesNotInterrupt() {
        FakeSource src;
        const TimeMs now = nowMs();
        src.publish(fleet({}, {source("prod/prometheus", now)}));
        WallConfig w = twoViewWall();
        w.interruptSeverity = 3; // never
        WallController wall(&src, w);
        QSignalSpy spy(&wall, &WallController::interrupted);
        src.publish(fleet({incident("rack:r07", "r07", 2)}, {source("prod/prometheus", now)}));
        QCOMPARE(spy.count(), 0);
        QCOMPARE(wall.windows().front()->currentView(), QStringLiteral("hosts"));
    }

    void staleBannerDimsAndGoesByItself() {
        FakeSource src;
        const TimeMs now = nowMs();
        src.publish(fleet({}, {source("prod/prometheus", now)}));
        WallController wall(&src, twoViewWall());
        wall.start(QSize(800, 600));
        WallWindow *win = wall.windows().front();
        QVERIFY(win->banner()->isHidden());
        QVERIFY(!win->dimmed());
        src.publish(fleet({}, {source("prod/prometheus", now - 5 * 60'000, "connection refused")}));
        QVERIFY(win->banner()->isVisible());
        QVERIFY(win->dimmed());
        QVERIFY2(win->banner()->text().contains(QStringLiteral("DATA STALE")),
                 qPrintable(win->banner()->text()));
        QVERIFY(win->banner()->text().contains(QStringLiteral("connection refused")));
        src.publish(fleet({}, {source("prod/prometheus", nowMs())}));
        QVERIFY(win->banner()->isHidden());
        QVERIFY(!win->dimmed());
    }

    void staleByTimeAloneWithoutANewSnapshot() {
        // A source that stops answering may publish nothing: the tick finds it stale by the clock.
        FakeSource src;
        auto snap = fleet({}, {source("prod/prometheus", nowMs() - 31'000)}); // two 15 s intervals ago
        src.publish(snap);
        WallController wall(&src, twoViewWall());
        wall.start(QSize(800, 600));
        QTRY_VERIFY_WITH_TIMEOUT(wall.windows().front()->banner()->isVisible(), 3000);
    }

    void keysAreTheWallsOnlyAndReadOnly() {
        FakeSource src;
        src.publish(fleet({incident("a:DiskFull", "DiskFull", 2)}, {source("prod/prometheus", nowMs())}));
        WallController wall(&src, twoViewWall());
        wall.start(QSize(800, 600));
        WallWindow *win = wall.windows().front();
        QVERIFY(QTest::qWaitForWindowExposed(win));
        QCOMPARE(win->currentView(), QStringLiteral("hosts"));
        QTest::keyClick(win, Qt::Key_Right);
        QCOMPARE(win->currentView(), QStringLiteral("triage"));
        QTest::keyClick(win, Qt::Key_Left);
        QCOMPARE(win->currentView(), QStringLiteral("hosts"));
        QTest::keyClick(win, Qt::Key_Space);
        QVERIFY(win->paused());
        QTest::keyClick(win, Qt::Key_Space);
        QVERIFY(!win->paused());
        // Triage's own keys do nothing on the wall: `s` would open the silence dialog.
        win->startAt(QStringLiteral("triage"));
        win->views()->triage()->incidents()->setFocus();
        QSignalSpy silence(win->views()->triage(), &TriageView::silenceRequested);
        QTest::keyClick(win->views()->triage()->incidents(), Qt::Key_S);
        QTest::keyClick(win->views()->triage()->incidents(), Qt::Key_A);
        QVERIFY(QApplication::activeModalWidget() == nullptr);
        QVERIFY(win->views()->triage()->acknowledgeQuestion() == nullptr ||
                !win->views()->triage()->acknowledgeQuestion()->isVisible());
        QCOMPARE(silence.count(), 0);
        // Quitting asks first; any other key keeps the wall.
        QTest::keyClick(win, Qt::Key_Q);
        QVERIFY2(win->strip()->noticeText().contains(QStringLiteral("Press Y")),
                 qPrintable(win->strip()->noticeText()));
        QTest::keyClick(win, Qt::Key_N);
        QVERIFY(win->strip()->noticeText().isEmpty());
        QVERIFY(win->isVisible());
    }

    void demoRackFailureInterruptsWithItsCause() {
        // The demo's fleet, live: a rack fails as the simulation starts, after the wall came up.
        sim::SimOptions so;
        so.hosts = 400;
        so.scenario = "rack-failure";
        sim::SimServer simServer(so);
        std::string err;
        QVERIFY2(simServer.start(0, &err), err.c_str());
        Config c;
        SourceConfig s;
        s.name = "demo";
        s.prometheusUrl = simServer.url();
        s.alertmanagerUrls = {simServer.url()};
        s.intervalMs = 1000;
        c.sources = {s};
        QTemporaryDir dir;
        c.cachePath = dir.filePath(QStringLiteral("wall.sqlite")).toStdString();
        FleetService service(c);
        WallController wall(&service, twoViewWall());
        QSignalSpy spy(&wall, &WallController::interrupted);
        wall.start(QSize(1280, 720));
        service.start();
        // The first poll may hold the switch's alert before the hosts' (an incident of its own, which
        // interrupts too); the rack's incident follows and takes the screen.
        auto rackInterrupt = [&spy] {
            for (const auto &args : spy)
                if (args.front().toString().startsWith(QStringLiteral("group:")))
                    return args.front().toString();
            return QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!rackInterrupt().isEmpty(), 20000);
        WallWindow *win = wall.windows().front();
        QCOMPARE(win->currentView(), QStringLiteral("triage"));
        QCOMPARE(win->views()->triage()->selectedKey(), rackInterrupt());
        const std::string rack = simServer.fleet().truth(simServer.fleet().now()).failedRack;
        QTRY_VERIFY2_WITH_TIMEOUT(
            win->strip()->causeText().contains(QString::fromStdString(rack)),
            qPrintable(win->strip()->causeText() + QStringLiteral(" / ") + QString::fromStdString(rack)),
            10000);
        QVERIFY(win->strip()->causeText().startsWith(QStringLiteral("NEW")));
        service.stop();
    }

    void typeScalesWithTheScreen() {
        FakeSource src;
        src.publish(fleet({incident("a:DiskFull", "DiskFull", 2)}, {source("prod/prometheus", nowMs())}));
        WallConfig w = twoViewWall();
        WallWindow win(&src, w, w.screens[0].playlist);
        win.resize(3840, 2160);
        win.show();
        QVERIFY(QTest::qWaitForWindowExposed(&win));
        // Every text of the views at about 1/60 of the height (36 px at 2160 lines), tables included.
        QStringList small;
        for (auto *widget : win.views()->triage()->findChildren<QWidget *>()) {
            const bool text = qobject_cast<QLabel *>(widget) || qobject_cast<QAbstractItemView *>(widget);
            if (!widget->isVisibleTo(&win) || !text)
                continue;
            const int px = QFontInfo(widget->font()).pixelSize();
            if (px < 30)
                small << QStringLiteral("%1 %2: %3 px")
                             .arg(QString::fromLatin1(widget->metaObject()->className()),
                                  widget->objectName())
                             .arg(px);
        }
        QVERIFY2(small.isEmpty(), qPrintable(small.join(QStringLiteral("; "))));
        // Rows tall enough for their text.
        auto *table = win.views()->triage()->incidents();
        QVERIFY2(table->verticalHeader()->defaultSectionSize() >= table->fontMetrics().height(),
                 qPrintable(QString::number(table->verticalHeader()->defaultSectionSize())));
    }

    // A display, not a control panel: no view shows a filter box, a button, a combo or a key hint on
    // the wall; the headlines stay, and the strip says what the hidden controls are set to.
    void displaysNoControls() {
        FakeSource src;
        src.publish(fleet({incident("a:DiskFull", "DiskFull", 2)}, {source("prod/prometheus", nowMs())}));
        WallConfig w;
        std::vector<WallPlaylistEntry> playlist;
        for (const auto &v : WallConfig::views())
            playlist.push_back(
                {v, 30'000, v == "hosts" ? std::string("region=\"eu1\"") : std::string(), {}, 0, {}});
        w.screens = {WallScreen{-1, {}, playlist}};
        WallWindow win(&src, w, playlist);
        win.resize(1920, 1080);
        win.show();
        QVERIFY(QTest::qWaitForWindowExposed(&win));
        QStringList shown;
        for (const auto &v : win.views()->registry().views())
            for (auto *widget : v.widget->findChildren<QWidget *>()) {
                const bool control = qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget) ||
                                     qobject_cast<QAbstractButton *>(widget) ||
                                     qobject_cast<QAbstractSpinBox *>(widget) ||
                                     widget->objectName() == QStringLiteral("keysHint");
                bool inList = false;
                for (QWidget *p = widget->parentWidget(); p && !inList; p = p->parentWidget())
                    inList = qobject_cast<QAbstractItemView *>(p) != nullptr;
                if (control && !inList && widget->isVisibleTo(v.widget))
                    shown << v.name + QStringLiteral(": ") +
                                 QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(' ') +
                                 widget->objectName();
            }
        QVERIFY2(shown.isEmpty(), qPrintable(shown.join(QStringLiteral("; "))));
        QVERIFY(win.views()->triage()->headline()->isVisibleTo(win.views()->triage()));
        // The first entry, the host table filtered to eu1: the strip says so.
        QTRY_VERIFY2(win.strip()->statusText().contains(QStringLiteral("Hosts (region=&quot;eu1&quot;)")),
                     qPrintable(win.strip()->statusText()));
    }

    // The maps and the heatmap paint on the wall's dark ground, not a light panel that glares across the
    // room; the same canvases on the desktop keep their light ground.
    void mapsTakeTheWallsDarkGround() {
        FakeSource src;
        src.publish(fleet({incident("a:DiskFull", "DiskFull", 2)}, {source("prod/prometheus", nowMs())}));
        WallConfig w;
        std::vector<WallPlaylistEntry> playlist;
        for (const char *v : {"hostmap", "heatmap", "topology", "services"})
            playlist.push_back({v, 30'000, {}, {}, 0, {}});
        w.screens = {WallScreen{-1, {}, playlist}};
        WallWindow win(&src, w, playlist);
        win.resize(1280, 720);
        win.show();
        QVERIFY(QTest::qWaitForWindowExposed(&win));
        auto ground = [](QWidget *canvas) {
            canvas->resize(std::max(canvas->width(), 400), std::max(canvas->height(), 300));
            const QImage img = canvas->grab().toImage();
            return img.pixelColor(img.width() - 3, 3).lightness(); // a corner: ground, never a tile
        };
        QWidget *canvases[] = {win.views()->hostMap()->canvas(), win.views()->heatmap()->canvas(),
                               win.views()->topology()->canvas(), win.views()->services()->canvas()};
        for (QWidget *c : canvases) {
            QVERIFY(c);
            QVERIFY2(ground(c) < 80, c->metaObject()->className());
        }
        HostMapCanvas desk;
        desk.setPalette(QApplication::palette());
        QVERIFY(ground(&desk) > 200);
    }

    // Triage's heading ("34 alerts → 6 incidents") reads light on the wall's dark ground; its style sheet
    // once kept the desktop's dark text there. Seen only in the window's own picture (the label grabbed
    // alone repolishes it with the right palette).
    void triageHeadingReadsOnTheDarkGround() {
        FakeSource src;
        WallConfig w;
        w.screens = {WallScreen{-1, {}, WallConfig::defaultPlaylist()}};
        WallController wall(&src, w);
        WallWindow *win = wall.windows().front();
        win->resize(1280, 720);
        win->show();
        QVERIFY(QTest::qWaitForWindowExposed(win));
        // The first fleet lands on a wall already showing, as a poll's does.
        src.publish(fleet({incident("a:DiskFull", "DiskFull", 2)}, {source("prod/prometheus", nowMs())}));
        QLabel *heading = win->views()->triage()->headline();
        QTRY_VERIFY2(heading->isVisible() && heading->text().contains(QStringLiteral("incident")),
                     qPrintable(heading->text()));
        // The window as the screen shows it (as --screenshot grabs it), cut to the heading.
        const QImage img = win->grab(QRect(heading->mapTo(win, QPoint(0, 0)), heading->size())).toImage();
        int lightest = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                lightest = std::max(lightest, img.pixelColor(x, y).lightness());
        QVERIFY2(lightest > 180, qPrintable(QString::number(lightest)));
    }

    // Triage's lists keep their proportions when the wall scales its type with the screen (a resolution
    // change): at 4K the columns grow with the letters instead of cutting every word short.
    void triageColumnsGrowWithTheType() {
        FakeSource src;
        src.publish(fleet({incident("a:DiskFull", "DiskFull", 2)}, {source("prod/prometheus", nowMs())}));
        WallConfig w;
        std::vector<WallPlaylistEntry> playlist{{"triage", 30'000, {}, {}, 0, {}}};
        w.screens = {WallScreen{-1, {}, playlist}};
        WallWindow win(&src, w, playlist);
        win.resize(1280, 720);
        win.show();
        QVERIFY(QTest::qWaitForWindowExposed(&win));
        auto widths = [&] {
            std::vector<int> out;
            for (auto *view : win.views()->triage()->findChildren<QAbstractItemView *>()) {
                auto *tree = qobject_cast<QTreeView *>(view);
                auto *table = qobject_cast<QTableView *>(view);
                if (QHeaderView *h = tree ? tree->header() : table ? table->horizontalHeader() : nullptr)
                    out.push_back(h->count() > 1 ? h->sectionSize(0) : 0);
            }
            return out;
        };
        const auto small = widths();
        win.resize(3840, 2160);
        QTRY_VERIFY(win.font().pointSizeF() > 2.5 * QFontInfo(QApplication::font()).pointSizeF());
        const auto large = widths();
        QCOMPARE(large.size(), small.size());
        int grown = 0;
        for (std::size_t i = 0; i < small.size(); ++i)
            grown += small[i] > 0 && large[i] >= 2 * small[i];
        QVERIFY2(grown >= 2, qPrintable(QString::number(grown))); // the members' tree, Alertmanager's groups
        // A right-aligned count and the next column's text keep apart: the incidents' columns are sized
        // again in the new type, and a cell's margin grows with it (it was the style's 3 px: "11 5 h ago"
        // read as one at 3840x2160). Measured on the table's picture.
        QTableView *table = win.views()->triage()->incidents();
        QTRY_VERIFY(table->model()->rowCount() > 0);
        QCoreApplication::processEvents();
        const QImage img = table->viewport()->grab().toImage();
        const int y0 = table->rowViewportPosition(0), rowHeight = table->rowHeight(0);
        const int edge = table->columnViewportPosition(IncidentModel::StartedColumn);
        const int servicesLeft = table->columnViewportPosition(IncidentModel::ServicesColumn);
        const QColor ground = img.pixelColor(edge - 3, y0 + 1);
        auto ink = [&](int x) {
            for (int y = y0 + 2; y < y0 + rowHeight - 2; ++y)
                if (std::abs(img.pixelColor(x, y).lightness() - ground.lightness()) > 80)
                    return true;
            return false;
        };
        int lastCount = -1, firstStarted = -1;
        for (int x = servicesLeft; x < edge - 1; ++x)
            lastCount = ink(x) ? x : lastCount;
        for (int x = edge + 2;
             x < edge + table->columnWidth(IncidentModel::StartedColumn) && firstStarted < 0; ++x)
            firstStarted = ink(x) ? x : -1;
        QVERIFY(lastCount > 0 && firstStarted > 0);
        const int em = table->fontMetrics().averageCharWidth();
        for (int c : {int(IncidentModel::ServicesColumn), int(IncidentModel::StartedColumn)}) {
            const QString text = table->model()->index(0, c).data().toString();
            QVERIFY2(table->columnWidth(c) >= table->fontMetrics().horizontalAdvance(text) + em,
                     qPrintable(text)); // whole, not elided
        }
        QVERIFY2(firstStarted - lastCount >= em * 4 / 5,
                 qPrintable(
                     QStringLiteral("%1 px apart, a character is %2").arg(firstStarted - lastCount).arg(em)));
    }

    void configChangesAreFollowedAndBadOnesReported() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("wall.yaml"));
        auto write = [&path](const QByteArray &text) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text);
        };
        const QByteArray head = "sources: [{name: prod, prometheus: 'http://127.0.0.1:1', interval: 1s}]\n"
                                "cache: {path: " +
                                dir.filePath(QStringLiteral("c.sqlite")).toUtf8() + "}\n";
        write(head + "wall: {playlist: [{view: hosts}, {view: triage}]}\n");
        ConfigError err;
        auto config = ConfigLoader::loadFile(path.toStdString(), &err);
        QVERIFY2(config, err.toString().c_str());
        WallSession session(*config, path, QSize(800, 600));
        session.start();
        QCOMPARE(session.generation(), 1);
        QCOMPARE(session.wall()->windows().front()->currentView(), QStringLiteral("hosts"));
        // A broken file: said on the strip, the running wall keeps the old configuration.
        write(head + "wall: {playlist: [{view: dashboards}]}\n");
        QTRY_VERIFY_WITH_TIMEOUT(
            session.wall()->windows().front()->strip()->noticeText().contains(QStringLiteral("not loaded")),
            10000);
        QVERIFY(
            session.wall()->windows().front()->strip()->noticeText().contains(QStringLiteral("dashboards")));
        QCOMPARE(session.generation(), 1);
        // A good one, saved the way editors do (a new file renamed over the old): the new playlist.
        const QString tmp = dir.filePath(QStringLiteral("wall.yaml.new"));
        {
            QFile f(tmp);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(head + "wall: {playlist: [{view: drift, dwell: 10s}]}\n");
        }
        QVERIFY(std::rename(tmp.toLocal8Bit().constData(), path.toLocal8Bit().constData()) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(session.generation(), 2, 10000);
        QCOMPARE(session.wall()->windows().front()->currentView(), QStringLiteral("drift"));
        // And it keeps following the file after the rename.
        write(head + "wall: {playlist: [{view: triage}]}\n");
        QTRY_COMPARE_WITH_TIMEOUT(session.generation(), 3, 10000);
        QCOMPARE(session.wall()->windows().front()->currentView(), QStringLiteral("triage"));
    }

    void cursorHidesAndComesBackOnAMove() {
        FakeSource src;
        src.publish(fleet({}, {source("prod/prometheus", nowMs())}));
        WallConfig w = twoViewWall();
        w.cursorHideMs = 100;
        WallController wall(&src, w);
        wall.start(QSize(800, 600));
        WallWindow *win = wall.windows().front();
        QVERIFY(QTest::qWaitForWindowExposed(win));
        QTRY_VERIFY(QGuiApplication::overrideCursor() &&
                    QGuiApplication::overrideCursor()->shape() == Qt::BlankCursor);
        QMouseEvent move(QEvent::MouseMove, QPointF(10, 10), QPointF(10, 10), Qt::NoButton, Qt::NoButton,
                         Qt::NoModifier);
        QApplication::sendEvent(win, &move);
        QVERIFY(QGuiApplication::overrideCursor() == nullptr);
        QTRY_VERIFY(QGuiApplication::overrideCursor() != nullptr); // hidden again after the delay
        // A click does nothing on the wall (read-only) but shows the cursor.
        QTest::mouseClick(win, Qt::LeftButton, {}, QPoint(20, 20));
        QVERIFY(QGuiApplication::overrideCursor() == nullptr);
    }

    void oneWindowPerScreen() {
        // Run with QT_QPA_PLATFORM=offscreen:configfile=wall-screens.json for two screens (ctest does).
        const auto screens = QGuiApplication::screens();
        if (screens.size() < 2)
            QSKIP("one screen only: run under the two-screen offscreen configuration");
        FakeSource src;
        src.publish(fleet({}, {source("prod/prometheus", nowMs())}));
        WallConfig w = twoViewWall();
        WallScreen right{-1, screens[1]->name().toStdString(), {{"triage", 30'000, {}, {}, 0, {}}}};
        w.screens = {WallScreen{0, {}, twoViewWall().screens[0].playlist}, right,
                     WallScreen{7, {}, twoViewWall().screens[0].playlist}};
        WallController wall(&src, w);
        wall.start();
        QCOMPARE(wall.windows().size(), std::size_t(3));
        QCOMPARE(wall.screenOf(wall.windows()[0]), screens[0]);
        QCOMPARE(wall.screenOf(wall.windows()[1]), screens[1]);
        QCOMPARE(wall.windows()[0]->geometry(), screens[0]->geometry());
        QCOMPARE(wall.windows()[1]->geometry(), screens[1]->geometry());
        QCOMPARE(wall.windows()[1]->currentView(), QStringLiteral("triage"));
        // Screen 7 does not exist: its window waits hidden instead of covering another screen.
        QVERIFY(!wall.windows()[2]->isVisible());
        QVERIFY(wall.screenOf(wall.windows()[2]) == nullptr);
        // The strip's type follows each screen's height (1080 and 720 lines).
        QTRY_VERIFY(wall.windows()[0]->strip()->height() > wall.windows()[1]->strip()->height());
    }

    // Screens that come and go while the wall runs: plugged in, a new resolution, asleep (its monitor
    // gone) and awake again. Run on an X server of its own (tests/gui/with-xvfb.sh, ctest's
    // tst_wall_screens), where `xrandr --setmonitor` and `--delmonitor` add and remove Qt's screens as
    // a real desk does.
    void screensThatComeAndGoAreFollowed() {
        if (QGuiApplication::platformName() != QStringLiteral("xcb") ||
            qEnvironmentVariableIsSet("VIGIL_NO_XVFB"))
            QSKIP("needs an X server with RandR (ctest's tst_wall_screens runs this under Xvfb)");
        auto xrandr = [](const QStringList &args) {
            QCOMPARE(QProcess::execute(QStringLiteral("xrandr"), args), 0);
        };
        auto monitor = [&xrandr](const QString &geometry) { // WxH+X+Y, 96 dpi
            const QStringList wh = geometry.section(QLatin1Char('+'), 0, 0).split(QLatin1Char('x'));
            xrandr({QStringLiteral("--setmonitor"), QStringLiteral("right"),
                    QStringLiteral("%1/%2x%3/%4+%5")
                        .arg(wh[0])
                        .arg(wh[0].toInt() * 254 / 960)
                        .arg(wh[1])
                        .arg(wh[1].toInt() * 254 / 960)
                        .arg(geometry.section(QLatin1Char('+'), 1)),
                    QStringLiteral("none")});
        };
        auto named = [](const QString &name) -> QScreen * {
            for (QScreen *s : QGuiApplication::screens())
                if (s->name() == name)
                    return s;
            return nullptr;
        };
        QVERIFY(named(QStringLiteral("right")) == nullptr); // a fresh server (with-xvfb.sh) has none
        FakeSource src;
        src.publish(fleet({}, {source("prod/prometheus", nowMs())}));
        WallConfig w = twoViewWall();
        w.screens = {WallScreen{-1, {}, twoViewWall().screens[0].playlist},
                     WallScreen{-1, "right", {{"triage", 30'000, {}, {}, 0, {}}}}};
        WallController wall(&src, w);
        wall.start(); // full screen, as on the wall
        WallWindow *main = wall.windows()[0], *right = wall.windows()[1];
        QVERIFY(main->isVisible());
        QVERIFY(!right->isVisible()); // its screen is not there yet
        // Plugged in.
        monitor(QStringLiteral("1920x1080+1920+0"));
        QTRY_VERIFY(right->isVisible());
        QCOMPARE(wall.screenOf(right), named(QStringLiteral("right")));
        QTRY_COMPARE(right->geometry(), QRect(1920, 0, 1920, 1080));
        QCOMPARE(right->currentView(), QStringLiteral("triage"));
        const int stripAt1080 = right->strip()->height();
        // Another resolution. Xvfb cannot switch a monitor's mode in place, so the monitor goes and comes
        // back at the new size (as some drivers announce it); the window and its type follow.
        xrandr({QStringLiteral("--delmonitor"), QStringLiteral("right")});
        QTRY_VERIFY(named(QStringLiteral("right")) == nullptr);
        monitor(QStringLiteral("1280x720+1920+0"));
        QTRY_COMPARE(right->geometry(), QRect(1920, 0, 1280, 720));
        QTRY_VERIFY(right->strip()->height() < stripAt1080);
        // Asleep (the monitor gone): hidden, the other screen untouched; awake: back where it was.
        xrandr({QStringLiteral("--delmonitor"), QStringLiteral("right")});
        QTRY_VERIFY(!right->isVisible());
        QVERIFY(main->isVisible());
        monitor(QStringLiteral("1280x720+1920+0"));
        QTRY_VERIFY(right->isVisible());
        QTRY_COMPARE(right->geometry(), QRect(1920, 0, 1280, 720));
        QCOMPARE(right->currentView(), QStringLiteral("triage"));
        xrandr({QStringLiteral("--delmonitor"), QStringLiteral("right")});
    }
};

QTEST_MAIN(TestWall)
#include "tst_wall.moc"
