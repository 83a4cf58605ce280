// The topology maps, headless: the rack failure's dead rack marked as root cause on the physical map,
// hosts under the pointer, search, collapse, export (PNG, SVG, DOT); on the service map a poll that only
// changes health moves nothing, the counterpart of a host is its service, pins persist.
#include "analysis/correlation.h"
#include "analysis/fleetgraph.h"
#include "analysis/metricgrid.h"
#include "common/servicedetaildialog.h"
#include "heatmap/timeheatmapcanvas.h"
#include "heatmap/timeheatmapview.h"
#include "item/incidentmodel.h"
#include "topology/topologystyle.h"
#include "topology/topologyview.h"
#include "triage/triageview.h"
#include "triagereplay.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPointingDevice>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QWheelEvent>

using namespace vigil;

namespace {
// Sets the snapshot and waits for the layout it starts; false when none came in time.
bool layOut(TopologyCanvas &c, const FleetSnapshotPtr &snap, int timeoutMs = 5000) {
    QSignalSpy laidOut(&c, &TopologyCanvas::laidOut);
    c.setSnapshot(snap);
    return laidOut.wait(timeoutMs);
}

// One frame as the widget paints it.
QImage rendered(TopologyCanvas &c) {
    QImage img(c.size(), QImage::Format_RGB32);
    QPainter p(&img);
    c.render(p);
    return img;
}

// A widget point over the node (found through nodeAt), or (-1, -1).
QPoint pointOver(const TopologyCanvas &c, int node) {
    for (int y = 0; y < c.height(); y += 2)
        for (int x = 0; x < c.width(); x += 2)
            if (c.nodeAt(QPointF(x, y)) == node)
                return {x, y};
    return {-1, -1};
}
} // namespace

class TestTopologyView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("vigil-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_topologyview"));
        QSettings().clear();
    }

    // The canvas's keys are the view's actions too (its menu lists them): chosen there they act on the
    // map; typed on the map they still reach it; typed in the search box they stay there.
    void keysAreTheViewsActions() {
        const auto snap = test::stormSnapshot("rack-failure", 11, 400);
        TopologyView view(TopologyCanvas::Mode::Physical);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(layOut(*view.canvas(), snap));
        QAction *zoomIn = nullptr;
        QStringList keys;
        for (QAction *a : view.actions()) {
            keys << a->shortcut().toString();
            if (a->shortcut() == QKeySequence(Qt::Key_Plus))
                zoomIn = a;
        }
        for (const char *k : {"F", "+", "-", "Left", "Right", "Up", "Down"})
            QVERIFY2(keys.contains(QLatin1String(k)), k);
        double scale = view.canvas()->scale();
        zoomIn->trigger();
        QVERIFY(view.canvas()->scale() > scale * 1.2);
        scale = view.canvas()->scale();
        view.canvas()->setFocus();
        QTest::keyClick(view.canvas(), Qt::Key_Minus);
        QVERIFY(view.canvas()->scale() < scale / 1.2);
        scale = view.canvas()->scale();
        auto *search = view.findChild<QLineEdit *>();
        search->setFocus();
        QTest::keyClick(search, Qt::Key_Plus);
        QCOMPARE(view.canvas()->scale(), scale);
        QCOMPARE(search->text(), QStringLiteral("+"));
    }

    void physicalMapMarksTheDeadRack() {
        const auto snap = test::stormSnapshot("rack-failure", 11, 2000);
        TopologyCanvas c(TopologyCanvas::Mode::Physical);
        c.resize(1400, 900);
        QVERIFY(layOut(c, snap));
        const auto &g = *snap->graph;
        const int cause = snap->triage->incidents.front().causeNode;
        QCOMPARE(c.blast().cause, cause);
        QCOMPARE(g.levelName(cause), std::string_view("rack"));
        // The rack's box is on the map; a point inside one of its hosts finds that host.
        const auto &l = c.physical();
        const int hostNode = g.node(cause).children.front();
        const int hb = l.hostBoxOf(hostNode);
        QVERIFY(hb >= 0);
        c.fit();
        rendered(c);
        // The host's on-screen place, found through nodeAt.
        QVERIFY2(pointOver(c, hostNode).x() >= 0, "the dead rack's host is not under any point of the map");
        QVERIFY(c.describe(hostNode).contains(QStringLiteral("in the blast radius")));
        // Search flies to a rack by name, or to a host by label matcher; nonsense finds nothing.
        QVERIFY(c.flyTo(QString::fromStdString(g.node(cause).name)));
        QVERIFY(c.flyTo(QStringLiteral("role=\"db\"")));
        QVERIFY(!c.flyTo(QStringLiteral("no-such-thing")));
        // Collapse the rack: one box stands for its hosts.
        QSignalSpy again(&c, &TopologyCanvas::laidOut);
        c.toggleCollapsed(cause);
        QVERIFY(again.wait(5000));
        QCOMPARE(c.physical().hostBoxOf(hostNode), -1);
        QCOMPARE(c.physical().shownAs[static_cast<std::size_t>(hostNode)], cause);
        // Export: PNG, SVG, DOT.
        QTemporaryDir dir;
        QString err;
        QVERIFY2(c.exportImage(dir.filePath(QStringLiteral("map.png")), &err), qPrintable(err));
        QVERIFY(!QImage(dir.filePath(QStringLiteral("map.png"))).isNull());
        QVERIFY2(c.exportImage(dir.filePath(QStringLiteral("map.svg")), &err), qPrintable(err));
        QFile svg(dir.filePath(QStringLiteral("map.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly) && svg.readAll().contains("<svg"));
        QVERIFY(c.dot().find("\"frontend\" -> \"api\"") != std::string::npos);
    }

    // A snapshot that carries the maps' health (the analysis counted it) is painted with that, not
    // counted again per map: here it says what the hosts alone never would.
    void healthComesWithTheSnapshot() {
        auto snap = std::make_shared<FleetSnapshot>();
        for (int i = 0; i < 4; ++i) {
            Host h;
            h.name = "h" + std::to_string(i);
            h.labels = LabelSet(std::vector<Label>{{"service", "api"}, {"rack", "r1"}});
            h.up = UpState::Up;
            snap->hosts.push_back(h);
        }
        snap->graph = analysis::FleetGraph::build(snap->hosts, {}, TopologyConfig{});
        TopologyCanvas counted(TopologyCanvas::Mode::Physical);
        counted.resize(400, 300);
        QVERIFY(layOut(counted, snap));
        const int root = snap->graph->root();
        QTRY_VERIFY(counted.describe(root).contains(QStringLiteral("4 hosts · 4 up · 0 down")));

        auto carried = std::make_shared<FleetSnapshot>(*snap);
        std::vector<analysis::NodeHealth> health(snap->graph->nodes().size());
        health[static_cast<std::size_t>(root)].hosts = 7;
        health[static_cast<std::size_t>(root)].down = 3;
        carried->health = std::make_shared<const std::vector<analysis::NodeHealth>>(health);
        TopologyCanvas canvas(TopologyCanvas::Mode::Physical);
        canvas.resize(400, 300);
        QVERIFY(layOut(canvas, carried));
        QVERIFY(canvas.describe(root).contains(QStringLiteral("7 hosts · 0 up · 3 down")));
    }

    // On the wall's dark ground the legend's swatches keep their colours (each is framed there, and the
    // frame once took the brush the service discs were painted with, covering every swatch alike).
    void legendSwatchesKeepTheirColoursOnTheDark() {
        auto snap = std::make_shared<FleetSnapshot>();
        for (int s = 0; s < 3; ++s) {
            Host h;
            h.name = "h" + std::to_string(s);
            h.labels = LabelSet(std::vector<Label>{{"service", "svc" + std::to_string(s)}});
            h.up = UpState::Up;
            snap->hosts.push_back(h);
        }
        snap->edges = {{"svc0", "svc1"}, {"svc1", "svc2"}};
        snap->graph = analysis::FleetGraph::build(snap->hosts, snap->edges, TopologyConfig{});
        TopologyCanvas c(TopologyCanvas::Mode::Services);
        QPalette dark = c.palette();
        dark.setColor(QPalette::Window, QColor(0x20, 0x24, 0x2c));
        dark.setColor(QPalette::WindowText, Qt::white);
        c.setPalette(dark);
        c.resize(600, 400);
        QVERIFY(layOut(c, snap));
        const QImage img = rendered(c);
        const int y = c.height() - 10; // the legend's baseline; the first swatch ("up") at x 8
        QCOMPARE(QColor(img.pixel(14, y - 4)), topologystyle::kUp);
    }

    void serviceMapIsStableAndLinked() {
        const auto snap = test::stormSnapshot("db-failover", 11, 2000);
        TopologyCanvas c(TopologyCanvas::Mode::Services);
        c.resize(1200, 800);
        QVERIFY(layOut(c, snap));
        const auto before = c.services().positions;
        QCOMPARE(before.size(), std::size_t(10)); // the simulator's ten services
        // Ten services on 1200 x 800: every one is named (label placement hides only what would overlap).
        c.fit();
        const QImage fresh = rendered(c);
        QCOMPARE(c.labelsHidden(), 0);
        QCOMPARE(c.labelBoxes().size(), std::size_t(10));
        // Stale data is greyed: the same map with a source two intervals silent is paler.
        auto stale = std::make_shared<FleetSnapshot>(*snap);
        SourceHealth quiet;
        quiet.id = "prod/prometheus";
        quiet.intervalMs = 15000;
        quiet.lastSuccess = nowMs() - 10 * 60'000;
        stale->sources = {quiet};
        c.setSnapshot(stale);
        QVERIFY(c.isStale());
        const QImage grey = rendered(c);
        const QPointF dbAt =
            QPointF(c.services().positions.at("db").x, c.services().positions.at("db").y) * c.scale() +
            c.offset();
        const QColor a = fresh.pixelColor(dbAt.toPoint()), b = grey.pixelColor(dbAt.toPoint());
        QVERIFY2(b.saturationF() <= a.saturationF() && b.lightnessF() > a.lightnessF(),
                 qPrintable(QStringLiteral("%1 -> %2").arg(a.name(), b.name())));
        c.setSnapshot(snap);
        // The next poll: the same fleet, other alerts. No relayout, nothing moves.
        auto next = std::make_shared<FleetSnapshot>(*snap);
        next->alerts.edit().resize(next->alerts.size() / 2);
        QVERIFY(!layOut(c, next, 300));
        QCOMPARE(c.services().positions, before);
        // The root cause (the database host) puts db and everything depending on it in the blast radius.
        const auto &g = *snap->graph;
        std::set<std::string> blast;
        for (int s : c.blast().services)
            blast.insert(g.node(s).name);
        QCOMPARE(blast, (std::set<std::string>{"api", "auth", "batch", "db", "edge", "frontend"}));
        // A pinned service keeps its place in a new canvas (the pin persists).
        c.setPinned(QStringLiteral("db"), true);
        TopologyCanvas d(TopologyCanvas::Mode::Services);
        d.resize(1200, 800);
        QVERIFY(layOut(d, snap));
        QCOMPARE(d.services().positions.at("db"), before.at("db"));
        c.setPinned(QStringLiteral("db"), false);
        QVERIFY(!QSettings().contains(QStringLiteral("topology/pinnedServices/db")));
        // Positions kept in a store: a new canvas (tomorrow's wall display) lays out exactly the same map.
        TopologyCanvas::Positions kept;
        auto save = [&kept](TopologyCanvas::Positions p) { kept = std::move(p); };
        TopologyCanvas e(TopologyCanvas::Mode::Services);
        e.setLayoutStore([](std::function<void(TopologyCanvas::Positions)> done) { done({}); }, save);
        QVERIFY(layOut(e, snap));
        QCOMPARE(kept.size(), std::size_t(10));
        TopologyCanvas f(TopologyCanvas::Mode::Services);
        f.setLayoutStore([&kept](std::function<void(TopologyCanvas::Positions)> done) { done(kept); },
                         [](TopologyCanvas::Positions) {});
        QVERIFY(layOut(f, snap));
        QCOMPARE(f.services().positions, e.services().positions);
    }

    // The service detail during the database failover: api's edge to db carries the errors, db's hosts
    // show the one that went down first, its dependencies lead to other services.
    void serviceDetail() {
        auto withRates = std::make_shared<FleetSnapshot>(*test::stormSnapshot("db-failover", 11, 2000));
        for (auto &e : withRates->edges) { // as the simulator's edge query measures them during the failover
            e.requestsPerSecond = 1000;
            e.errorsPerSecond = e.to == "db" ? 350 : 1;
        }
        const FleetSnapshotPtr snap = withRates;
        ServiceDetailDialog d(HostIdentity{}, "service");
        d.showService(snap, QStringLiteral("api"));
        QVERIFY(d.summary().contains(QStringLiteral("service api")));
        const auto &g = *snap->graph;
        const int api = g.service("api");
        // Every list is a model, checked by the tester through every service shown.
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        for (auto *model : {d.dependencies(), d.hosts(), d.alerts()})
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::QtTest));
        auto text = [](QAbstractItemModel *m, int row, int column) {
            return m->index(row, column).data().toString();
        };
        QCOMPARE(d.dependencies()->rowCount(),
                 static_cast<int>(g.node(api).callees.size() + g.node(api).callers.size()));
        int toDb = -1;
        for (int k = 0; k < d.dependencies()->rowCount(); ++k)
            if (text(d.dependencies(), k, 1) == QStringLiteral("db"))
                toDb = k;
        QVERIFY(toDb >= 0);
        QCOMPARE(text(d.dependencies(), toDb, 4), QStringLiteral("35.0 %"));
        QCOMPARE(text(d.dependencies(), toDb, 2), QStringLiteral("1,000"));
        QCOMPARE(d.hosts()->rowCount(), static_cast<int>(g.node(api).members.size()));
        // Following the edge: db, whose down host is listed first.
        emit d.dependencyView()->activated(d.dependencies()->index(toDb, 0));
        QCOMPARE(d.service(), QStringLiteral("db"));
        // Down hosts first, then the most alerting.
        int most = 0;
        for (int k = 0; k < d.hosts()->rowCount(); ++k)
            most = std::max(most, text(d.hosts(), k, 2).toInt());
        QVERIFY(most > 0);
        QVERIFY(text(d.hosts(), 0, 1) == QStringLiteral("down") || text(d.hosts(), 0, 2).toInt() == most);
        QVERIFY(d.alerts()->rowCount() > 0);
        QSignalSpy triage(&d, &ServiceDetailDialog::triageRequested);
        for (auto *b : d.findChildren<QPushButton *>())
            b->click();
        QCOMPARE(triage.size(), 1);
        QCOMPARE(triage[0][0].toString(), QStringLiteral("service=\"db\""));
        d.showService(snap, QStringLiteral("no-such-service"));
        QVERIFY(d.summary().contains(QStringLiteral("not in the fleet")));
    }

    // A dense service map stays legible: labels never overlap (the marked service is always named),
    // thousands of edges are drawn bundled between screen cells, and services with no dependency are
    // packed under the rest instead of strewn around it.
    void denseServiceMap() {
        auto snap = std::make_shared<FleetSnapshot>();
        for (int s = 0; s < 1200; ++s) {
            Host h;
            h.name = "h" + std::to_string(10000 + s);
            h.labels = LabelSet(std::vector<Label>{{"service", "svc" + std::to_string(s)}});
            h.up = UpState::Up;
            snap->hosts.push_back(h);
            if (s >= 1150)
                continue; // 50 services nobody calls and that call nobody
            for (int k = 1; k <= 3; ++k)
                snap->edges.push_back(
                    {"svc" + std::to_string(s), "svc" + std::to_string((s * 7 + k * 13) % 1150)});
        }
        snap->graph = analysis::FleetGraph::build(snap->hosts, snap->edges, TopologyConfig{});
        TopologyCanvas c(TopologyCanvas::Mode::Services);
        c.resize(900, 600);
        QVERIFY(layOut(c, snap, 10000));
        c.fit();
        c.setHighlight(QStringLiteral("svc7"));
        rendered(c);
        QVERIFY(c.edgesAggregated()); // 3,450 edges on 900 x 600 pixels
        // Loners sit below every connected service.
        const auto &pos = c.services().positions;
        double lowestLinked = -1e300;
        for (int s = 0; s < 1150; ++s)
            lowestLinked = std::max(lowestLinked, pos.at("svc" + std::to_string(s)).y);
        for (int s = 1150; s < 1200; ++s)
            QVERIFY(pos.at("svc" + std::to_string(s)).y > lowestLinked);
        // Zoomed in enough for labels: none overlaps another; svc7 is named.
        c.flyTo(QStringLiteral("svc7"));
        c.setHighlight(QStringLiteral("svc7"));
        rendered(c);
        const auto &boxes = c.labelBoxes();
        QVERIFY(boxes.size() > 5);
        QVERIFY(c.labelsHidden() > 0);
        for (std::size_t a = 0; a < boxes.size(); ++a)
            for (std::size_t b = a + 1; b < boxes.size(); ++b)
                QVERIFY2(!boxes[a].intersects(boxes[b]),
                         qPrintable(QStringLiteral("labels %1 and %2 overlap").arg(a).arg(b)));
        const QPointF at7 = (QPointF(pos.at("svc7").x, pos.at("svc7").y) * c.scale()) + c.offset();
        QVERIFY(std::any_of(boxes.begin(), boxes.end(), [&](const QRectF &r) {
            return std::abs(r.left() - at7.x()) < 40 && std::abs(r.center().y() - at7.y()) < 20;
        }));
    }

    // Pan and zoom as a touchpad does them: pinch zooms about the fingers, two-finger scroll pans, a
    // mouse wheel (or Ctrl + scroll) zooms.
    void touchpadGestures() {
        const auto snap = test::stormSnapshot("db-failover", 11, 2000);
        TopologyCanvas c(TopologyCanvas::Mode::Services);
        c.resize(1200, 800);
        QVERIFY(layOut(c, snap));
        c.fit();
        const double s0 = c.scale();
        const QPointF fingers(600, 400);
        const QPointF mapUnder = (fingers - c.offset()) / s0;
        QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2, fingers,
                                  fingers, c.mapToGlobal(fingers), 0.5, QPointF());
        QApplication::sendEvent(&c, &pinch);
        QVERIFY(std::abs(c.scale() - s0 * 1.5) < 1e-9);
        QVERIFY(std::abs(((fingers - c.offset()) / c.scale() - mapUnder).manhattanLength()) < 1e-6);
        const double s1 = c.scale();
        const QPointF o1 = c.offset();
        QWheelEvent scroll(fingers, c.mapToGlobal(fingers), QPoint(0, 30), QPoint(0, 90), Qt::NoButton,
                           Qt::NoModifier, Qt::ScrollUpdate, false);
        QApplication::sendEvent(&c, &scroll);
        QCOMPARE(c.scale(), s1);
        QCOMPARE(c.offset(), o1 + QPointF(0, 30));
        QWheelEvent wheel(fingers, c.mapToGlobal(fingers), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&c, &wheel);
        QVERIFY(std::abs(c.scale() - s1 * 1.2) < 1e-9);
    }

    // A node clicked on a map stands for hosts (a rack: its hosts), which the triage and heatmap views
    // mark: the rack failure's incident is tinted, the rack's heatmap rows are marked, "only these"
    // narrows the heatmap to them; the other map highlights their services.
    void selectionReachesTriageAndHeatmap() {
        const auto snap = test::stormSnapshot("rack-failure", 11, 2000);
        TopologyCanvas c(TopologyCanvas::Mode::Physical);
        c.resize(1400, 900);
        QVERIFY(layOut(c, snap));
        c.fit();
        const auto &g = *snap->graph;
        const int rack = snap->triage->incidents.front().causeNode;
        QSignalSpy collapsed(&c, &TopologyCanvas::laidOut);
        c.toggleCollapsed(rack); // one box for the rack: a click on it selects the rack
        QVERIFY(collapsed.wait(5000));
        const QPoint at = pointOver(c, rack);
        QVERIFY(at.x() >= 0);
        QSignalSpy selected(&c, &TopologyCanvas::hostsSelected);
        QTest::mouseClick(&c, Qt::LeftButton, {}, at);
        QCOMPARE(selected.size(), 1);
        const QStringList hosts = selected[0][1].toStringList();
        QCOMPARE(hosts.size(), g.node(rack).hosts);
        QVERIFY(selected[0][0].toString().startsWith(QStringLiteral("rack ")));
        std::vector<std::string> names;
        for (const auto &h : hosts)
            names.push_back(h.toStdString());
        // A click on empty map clears the selection everywhere.
        const QPoint empty(2, 2); // not (0, 0): QTest takes a null point for the widget's centre
        QCOMPARE(c.nodeAt(empty), -1);
        QTest::mouseClick(&c, Qt::LeftButton, {}, empty);
        QCOMPARE(selected.size(), 2);
        QVERIFY(selected[1][1].toStringList().isEmpty());

        // Triage: the rack's incident is marked, an unrelated one is not.
        IncidentModel model;
        model.setSnapshot(snap);
        TriageView triage(&model);
        triage.setSelection(selected[0][0].toString(), names, HostIdentity{});
        QVERIFY(model.index(0, 0).data(IncidentModel::MarkedRole).toBool());
        QVERIFY(model.markedCount() >= 1 && model.markedCount() < model.rowCount());
        QVERIFY(triage.selectionNote()->text().contains(selected[0][0].toString()));
        emit triage.selectionNote()->linkActivated(QStringLiteral("clear")); // the note's "clear"
        QCOMPARE(model.markedCount(), 0);

        // Heatmap: a grid of every host; the rack's rows are marked, then shown alone.
        TimeHeatmapView heat([snap](const QString &, const std::string &key, TimeMs from, TimeMs, int columns,
                                    QObject *context, std::function<void(GridPtr)> done) {
            auto grid = std::make_shared<analysis::MetricGrid>();
            grid->metricKey = key;
            grid->from = from;
            grid->buckets = columns;
            for (const auto &h : snap->hosts)
                grid->hosts.push_back(h.name);
            grid->values.assign(grid->hosts.size() * static_cast<std::size_t>(columns), 0.5F);
            QMetaObject::invokeMethod(
                context, [done, grid] { done(grid); }, Qt::QueuedConnection);
        });
        heat.resize(1280, 800);
        QSignalSpy heatReady(&heat, &TimeHeatmapView::ready);
        auto withMetric = std::make_shared<FleetSnapshot>(*snap);
        if (withMetric->metrics.empty())
            withMetric->metrics.push_back({"cpu", "CPU", MetricUnit::Ratio, "cpu"});
        heat.setSnapshot(withMetric);
        QVERIFY(heatReady.wait(5000));
        heat.setSelection(selected[0][0].toString(), names);
        QCOMPARE(heat.canvas()->markedRows(), static_cast<int>(names.size()));
        if (const QString dir = qEnvironmentVariable("VIGIL_SHOTS"); !dir.isEmpty()) { // to look at them
            triage.resize(1280, 800);
            triage.setSelection(selected[0][0].toString(), names, HostIdentity{});
            heat.grab().save(dir + QStringLiteral("/heatmap-marked.png"));
            triage.grab().save(dir + QStringLiteral("/triage-marked.png"));
        }
        QVERIFY(heat.selectionText().contains(QString::number(names.size())));
        const int allRows = heat.canvas()->rows()->rows();
        heat.setOnlySelection(true);
        QTRY_COMPARE_WITH_TIMEOUT(heat.canvas()->rows()->rows(), static_cast<int>(names.size()), 5000);
        heat.setSelection({}, {});
        QTRY_COMPARE_WITH_TIMEOUT(heat.canvas()->rows()->rows(), allRows, 5000);

        // The service map: the rack's hosts' services are highlighted.
        TopologyCanvas services(TopologyCanvas::Mode::Services);
        QVERIFY(layOut(services, snap));
        services.setHighlightHosts(hosts);
        std::set<int> expected;
        for (const auto &h : names)
            if (const int n = g.host(h); n >= 0 && g.node(n).service >= 0)
                expected.insert(g.node(n).service);
        QVERIFY(!expected.empty());
        QCOMPARE(services.highlighted(), expected);
    }
};

QTEST_MAIN(TestTopologyView)
#include "tst_topologyview.moc"
