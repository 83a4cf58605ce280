// The heat views, headless. Host map: tiles coloured from the data (down black, no value grey, viridis
// for the metric), hover text, metric switch, stale marking, filter, colour range, size by a second
// metric, the wear list and its CSV. Time heatmap: rows and cells from a grid, sorting, filtering,
// folding many hosts into one pixel (peak kept), zoom and selection. Host detail: series and medians.
#include "analysis/fleetgraph.h"
#include "analysis/imbalance.h"
#include "analysis/wear.h"
#include "common/colorscale.h"
#include "common/hostdetaildialog.h"
#include "heatmap/timeheatmapcanvas.h"
#include "heatmap/timeheatmapview.h"
#include "hostmap/hostmapcanvas.h"
#include "hostmap/hostmapview.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QColor>
#include <QFile>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <QComboBox>
#include <QLabel>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <cmath>

using namespace vigil;

namespace {
FleetSnapshotPtr fleet(int n, bool stale = false) {
    auto s = std::make_shared<FleetSnapshot>();
    s->metrics = {{"cpu", "CPU", MetricUnit::Ratio, "q"},
                  {"network", "Network", MetricUnit::BytesPerSecond, "q"}};
    for (int i = 0; i < n; ++i) {
        Host h;
        h.name = "h" + std::to_string(1000 + i);
        h.labels = LabelSet(std::vector<Label>{{"instance", h.name},
                                               {"rack", "r" + std::to_string(i / 10)},
                                               {"region", "eu"},
                                               {"zone", "eu-a"}});
        h.up = i == 3 ? UpState::Down : UpState::Up;
        h.metrics = {i == 5 ? std::nan("") : (i % 10) / 9.0, 1e6 * i};
        s->hosts.push_back(h);
    }
    SourceHealth src;
    src.id = "p";
    src.intervalMs = 15000;
    src.lastSuccess = stale ? nowMs() - 3'600'000 : nowMs();
    src.lastAttempt = src.lastSuccess;
    s->sources = {src};
    s->graph = analysis::FleetGraph::build(s->hosts, {}, TopologyConfig{});
    return s;
}
// A grid for the fleet above: host i's CPU ramps over 60 one-minute buckets to (i % 10) / 9; host 7 has
// a gap; every host's last value equals its current one.
GridPtr gridFor(const FleetSnapshot &s, int buckets = 60) {
    std::vector<std::string> names;
    for (const auto &h : s.hosts)
        names.push_back(h.name);
    analysis::GridAccumulator acc("cpu", names, nowMs() / 60'000 * 60'000 - buckets * 60'000LL, 60'000,
                                  buckets);
    for (std::size_t i = 0; i < s.hosts.size(); ++i)
        for (int b = 0; b < buckets; ++b)
            if (!(i == 7 && b < 10))
                acc.add(static_cast<int>(i), b, (static_cast<int>(i) % 10) / 9.0 * (b + 1) / buckets);
    return std::make_shared<const analysis::MetricGrid>(acc.finish());
}

// A HistoryFetch answering at once from gridFor().
HistoryFetch fakeFetch(FleetSnapshotPtr snap, int *calls) {
    return [snap, calls](const QString &, const std::string &, TimeMs, TimeMs, int, QObject *context,
                         std::function<void(GridPtr)> done) {
        ++*calls;
        QMetaObject::invokeMethod(
            context, [snap, done] { done(gridFor(*snap)); }, Qt::QueuedConnection);
    };
}

QRgb colourOf(const HostMapCanvas &c, int host) {
    const auto &l = c.layout();
    return c.image().pixel(l.tileX[static_cast<std::size_t>(host)] + 1,
                           l.tileY[static_cast<std::size_t>(host)] + 1);
}
} // namespace

class TestHostMapView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tilesFollowTheData() {
        HostMapView view;
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto snap = fleet(40);
        view.setSnapshot(snap);
        const HostMapCanvas &c = *view.canvas();
        QCOMPARE(int(c.layout().groups.size()), 4);
        QCOMPARE(colourOf(c, 3), qRgb(0, 0, 0));          // down
        QCOMPARE(colourOf(c, 5), qRgb(0xb0, 0xb0, 0xb0)); // no value
        QCOMPARE(colourOf(c, 0), ColorScale::viridis().at(0.0));
        QCOMPARE(colourOf(c, 9), ColorScale::viridis().at(1.0));
        // Hover: the host under a tile, with its values.
        const auto &l = c.layout();
        const Host *h = c.hostAt(QPoint(l.tileX[9] + 2, l.tileY[9] + 2));
        QVERIFY(h && h->name == "h1009");
        const QString text = c.describe(*h);
        QVERIFY(text.contains(QStringLiteral("h1009")) && text.contains(QStringLiteral("CPU")));
        // Another metric recolours without a new layout.
        view.setMetric(QStringLiteral("network"));
        QVERIFY(colourOf(c, 9) != ColorScale::viridis().at(1.0));
        // Stale data is dimmed.
        view.setMetric(QStringLiteral("cpu"));
        view.setSnapshot(fleet(40, true));
        QVERIFY(colourOf(c, 9) != ColorScale::viridis().at(1.0));
        QCOMPARE(colourOf(c, 3), qRgb(0x75, 0x75, 0x75));
    }

    void unevenPoolsBesideTheMap() {
        HostMapView view;
        auto snap = std::const_pointer_cast<FleetSnapshot>(fleet(40));
        for (auto &h : snap->hosts.edit())
            h.labels.set("service", "api");
        // What the analyzer attaches: the pool's spread, hot and idle hosts.
        snap->imbalance = std::make_shared<const std::vector<analysis::GroupImbalance>>(
            analysis::rankImbalance(snap->hosts, 0, {}));
        view.setSnapshot(snap);
        QAbstractItemModelTester tester(view.imbalanceList()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QString text = view.imbalanceText(); // the title and the most uneven group's detail
        QVERIFY2(text.contains(QStringLiteral("<b>api</b>")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("redlining")) && text.contains(QStringLiteral("idle")));
        QVERIFY(text.contains(QStringLiteral("hosts' worth of CPU")));
        QCOMPARE(view.imbalanceList()->model()->rowCount(), 1);
        QCOMPARE(view.imbalanceList()->model()->index(0, 0).data().toString(), QStringLiteral("api"));
        // By rack instead of by pool: computed off the GUI thread, each rack ranked.
        QSignalSpy shown(&view, &HostMapView::imbalanceShown);
        view.setImbalanceGrouping(QStringLiteral("rack"));
        QVERIFY(shown.wait(3000));
        text = view.imbalanceText();
        QStringList racks;
        for (int r = 0; r < view.imbalanceList()->model()->rowCount(); ++r)
            racks << view.imbalanceList()->model()->index(r, 0).data().toString();
        QVERIFY2(text.contains(QStringLiteral("CPU by rack")) && racks.contains(QStringLiteral("r3")),
                 qPrintable(text + racks.join(QLatin1Char(' '))));
        // Nobody chose: the detail is the most uneven group's. Another group chosen: its detail, kept
        // across a poll whatever the ranking; back to the pools: the top one again.
        QVERIFY(
            view.imbalanceText().contains(QStringLiteral("<b>") + racks.front() + QStringLiteral("</b>")));
        const int r3 = int(racks.indexOf(QStringLiteral("r3")));
        view.imbalanceList()->setCurrentIndex(view.imbalanceList()->model()->index(r3, 0));
        QVERIFY2(view.imbalanceText().contains(QStringLiteral("<b>r3</b>")),
                 qPrintable(view.imbalanceText()));
        view.setSnapshot(snap);
        QVERIFY(shown.wait(3000));
        QVERIFY2(view.imbalanceText().contains(QStringLiteral("<b>r3</b>")),
                 qPrintable(view.imbalanceText()));
        view.setImbalanceGrouping(QString());
        QVERIFY(view.imbalanceText().contains(QStringLiteral("<b>api</b>")));
        // Nobody chose (a new grouping, as on a wall): a poll that makes another rack the most uneven
        // moves the detail to it.
        view.setImbalanceGrouping(QStringLiteral("rack"));
        QVERIFY(shown.wait(3000));
        const QString top = view.imbalanceList()->model()->index(0, 0).data().toString();
        const int first = top == QStringLiteral("r1") ? 20 : 10; // a rack other than the top one
        const QString other = top == QStringLiteral("r1") ? QStringLiteral("r2") : QStringLiteral("r1");
        auto skewed = std::make_shared<FleetSnapshot>(*snap);
        for (int i = first; i < first + 10; ++i)
            skewed->hosts.edit()[static_cast<std::size_t>(i)].metrics[0] = i % 2 ? 0.99 : 0.01;
        view.setSnapshot(skewed);
        QVERIFY(shown.wait(3000));
        QCOMPARE(view.imbalanceList()->model()->index(0, 0).data().toString(), other);
        QVERIFY2(view.imbalanceText().contains(QStringLiteral("<b>") + other + QStringLiteral("</b>")),
                 qPrintable(view.imbalanceText()));
    }

    // Filter, colour range and size by a second metric on the host map.
    void filterRangeAndSize() {
        HostMapView view;
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(fleet(40));
        const HostMapCanvas &c = *view.canvas();
        view.setFilterText(QStringLiteral("rack=\"r1\""));
        QCOMPARE(c.matchingHosts(), 10);
        QCOMPARE(colourOf(c, 0), qRgb(0xe2, 0xe2, 0xe2)); // faint: not in r1
        QCOMPARE(colourOf(c, 19), ColorScale::viridis().at(1.0));
        view.setFilterText(QStringLiteral("rack=~\"(\"")); // bad regex: said, the map unchanged
        QCOMPARE(c.matchingHosts(), 10);
        view.setFilterText(QString());
        QCOMPARE(c.matchingHosts(), 40);
        // A fixed range 0..50 %: 5/9 and above saturate.
        auto *canvas = view.canvas();
        canvas->setRange(0, 0.5);
        QCOMPARE(colourOf(c, 6), ColorScale::viridis().at(1.0));
        QCOMPARE(colourOf(c, 2), ColorScale::viridis().at((2 / 9.0) / 0.5));
        canvas->setRange(0, std::nan(""));
        QCOMPARE(c.rangeHi(), 1.0);
        // Size by network (host i has 1e6 * i): host 1's square is smaller than host 39's.
        view.setSizeMetric(QStringLiteral("network"));
        const auto &l = c.layout();
        QVERIFY(l.tile >= 6);
        auto filled = [&](int host) {
            int n = 0;
            for (int dy = 0; dy < l.tile - 1; ++dy)
                for (int dx = 0; dx < l.tile - 1; ++dx)
                    n += c.image().pixel(l.tileX[static_cast<std::size_t>(host)] + dx,
                                         l.tileY[static_cast<std::size_t>(host)] + dy) !=
                         qRgb(0xf4, 0xf4, 0xf4);
            return n;
        };
        QVERIFY2(filled(1) < filled(39),
                 qPrintable(QStringLiteral("%1 vs %2").arg(filled(1)).arg(filled(39))));
    }

    // Hosts selected in another view are ringed in amber on the map, and the summary says what they are.
    void selectionIsRinged() {
        HostMapView view;
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto snap = fleet(40);
        view.setSnapshot(snap);
        const HostMapCanvas &c = *view.canvas();
        std::vector<std::string> names{snap->hosts[3].name, snap->hosts[17].name, "not-a-host"};
        view.setSelection(QStringLiteral("rack r1"), names);
        QCOMPARE(c.markedTiles(), 2);
        const QImage shot = view.canvas()->grab().toImage();
        if (const QString dir = qEnvironmentVariable("VIGIL_SHOTS"); !dir.isEmpty()) // to look at it
            view.grab().save(dir + QStringLiteral("/hostmap-ringed.png"));
        const auto &l = c.layout();
        const QColor ring = shot.pixelColor(l.tileX[3] - 1, l.tileY[3] + l.tile / 2);
        QVERIFY2(ring.red() > 200 && ring.blue() < 80, qPrintable(ring.name()));
        const QColor plain = shot.pixelColor(l.tileX[30] - 1, l.tileY[30] + l.tile / 2);
        QVERIFY2(!(plain.red() > 200 && plain.blue() < 80), qPrintable(plain.name()));
        view.setSelection({}, {});
        QCOMPARE(c.markedTiles(), 0);
    }

    // The wear list: ranking order, replace-soon marking, CSV export; a click opens the host.
    void wearListAndCsv() {
        int fetches = 0;
        analysis::WearReport report;
        report.keys = {"realloc"};
        report.titles = {"Reallocated sectors"};
        report.limits = {500};
        report.from = 0;
        report.to = 86'400'000;
        report.hostsJudged = 40;
        report.ranking = {{"h1003", 0.9, 2.5, {{0, 480, 8, 2.5, 0.9}}},
                          {"h1020", 0.02, 1000, {{0, 10, 0.5, 980, 0.02}}}};
        auto ptr = std::make_shared<const analysis::WearReport>(report);
        HostMapView view([&](QObject *context, std::function<void(WearPtr)> done) {
            ++fetches;
            QMetaObject::invokeMethod(
                context, [done, ptr] { done(ptr); }, Qt::QueuedConnection);
        });
        QSignalSpy loaded(&view, &HostMapView::wearLoaded);
        view.setSnapshot(fleet(40));
        QVERIFY(loaded.wait(2000));
        QCOMPARE(fetches, 1);
        view.setSnapshot(fleet(40)); // within ten minutes: no new fetch
        QCOMPARE(fetches, 1);
        QCOMPARE(view.wearList()->model()->rowCount(), 2);
        QCOMPARE(view.wearList()->model()->index(0, 0).data().toString(), QStringLiteral("h1003"));
        QCOMPARE(view.wearList()->model()->index(0, 1).data().toString(), QStringLiteral("3 h"));
        // The presentation proxy: words, tooltips and the replace-soon colour.
        QAbstractItemModelTester tester(view.wearList()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(view.wearList()->model()->index(0, 2).data().toString(),
                 QStringLiteral("Reallocated sectors 480 (+8.00/h)"));
        QCOMPARE(view.wearList()->model()->index(0, 1).data(Qt::ForegroundRole).value<QColor>(),
                 QColor(0xc0, 0x30, 0x30));
        QVERIFY(!view.wearList()->model()->index(1, 1).data(Qt::ForegroundRole).isValid());
        QCOMPARE(view.wearList()->model()->index(1, 1).data().toString(), QStringLiteral("41.7 d"));
        QCOMPARE(view.wearList()->model()->headerData(1, Qt::Horizontal).toString(),
                 QStringLiteral("Fails in"));
        QSignalSpy activated(&view, &HostMapView::hostActivated);
        Q_EMIT view.wearList()->clicked(view.wearList()->model()->index(0, 0));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("h1003"));
        QTemporaryDir dir;
        QString err;
        const QString path = dir.filePath(QStringLiteral("wear.csv"));
        QVERIFY2(view.exportWearCsv(path, &err), qPrintable(err));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith(
            QStringLiteral("host,score,hours_to_failure,projected_failure_utc,replace_soon")));
        QVERIFY2(lines[1].startsWith(QStringLiteral("h1003,0.900,2.5,1970-01-02T02:30:00")),
                 qPrintable(lines[1]));
        QVERIFY(lines[1].contains(QStringLiteral(",yes,")));
        QVERIFY(lines[1].contains(QStringLiteral("Reallocated sectors: 480.0 (+8.00/h, limit 500, 2.5 h)")));
        QVERIFY(lines[2].contains(QStringLiteral(",no,")));
        QVERIFY(!view.exportWearCsv(dir.filePath(QStringLiteral("no/such/dir/x.csv")), &err));
        QVERIFY(err.contains(QStringLiteral("Could not write")));
    }

    // The time heatmap: rows from the grid, the colour of a cell its level, sorting, filtering, folding.
    void timeHeatmapRows() {
        auto snap = fleet(40);
        int calls = 0;
        TimeHeatmapView view(fakeFetch(snap, &calls));
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy ready(&view, &TimeHeatmapView::ready);
        view.setSnapshot(snap);
        QVERIFY(ready.wait(3000));
        QCOMPARE(calls, 1);
        view.setSnapshot(snap); // the same minute: no reload
        QCOMPARE(calls, 1);
        TimeHeatmapCanvas *c = view.canvas();
        QCOMPARE(c->rows()->rows(), 40);
        QCOMPARE(c->rows()->buckets(), 60);
        QCOMPARE(int(c->rows()->bands.size()), 4); // by group: four racks
        QCOMPARE(c->rows()->bands[1].title, std::string("eu / eu-a / r1"));
        // 40 rows on about 600 px: each row is several pixels; the last column of host 9 is full scale.
        const QRect plot = c->plotRect();
        const double pxPerRow = plot.height() / 40.0;
        auto pixel = [&](int row, int bucket) {
            return c->image().pixel(static_cast<int>((bucket + 0.5) * plot.width() / 60),
                                    static_cast<int>((row + 0.5) * pxPerRow));
        };
        QCOMPARE(pixel(9, 59), ColorScale::viridis().at(1.0));
        QCOMPARE(pixel(7, 2), qRgb(0xc8, 0xc8, 0xc8)); // the gap: no data
        QCOMPARE(pixel(0, 30), ColorScale::viridis().at(0.0));
        const QString tip = c->describe(9, 59);
        QVERIFY2(tip.contains(QStringLiteral("h1009")) && tip.contains(QStringLiteral("100")),
                 qPrintable(tip));
        // Sorted by current value: the hottest hosts first.
        QSignalSpy changed(c, &TimeHeatmapCanvas::windowChanged);
        view.findChildren<QComboBox *>().at(2)->setCurrentIndex(1);
        QTRY_COMPARE(c->rows()->order.front() % 10, 9);
        QVERIFY(c->rows()->bands.empty());
        // Filtered to a rack.
        view.setFilterText(QStringLiteral("rack=\"r2\""));
        QTRY_COMPARE(c->rows()->rows(), 10);
        view.setFilterText(QString());
        QTRY_COMPARE(c->rows()->rows(), 40);
        // Zoomed in time around the end; Esc shows all again.
        c->setTimeWindow(50, 60);
        QCOMPARE(c->firstBucket(), 50.0);
        c->setFocus();
        QTest::keyClick(c, Qt::Key_Escape);
        QCOMPARE(c->firstBucket(), 0.0);
        QCOMPARE(c->lastBucket(), 60.0);
        // Drag across half the plot: that time range is selected and shown.
        QSignalSpy selected(c, &TimeHeatmapCanvas::timeRangeSelected);
        const int y = plot.top() + 20;
        QTest::mousePress(c, Qt::LeftButton, {}, QPoint(plot.left() + 10, y));
        QTest::mouseMove(c, QPoint(plot.left() + plot.width() / 2, y));
        QTest::mouseRelease(c, Qt::LeftButton, {}, QPoint(plot.left() + plot.width() / 2, y));
        QCOMPARE(selected.count(), 1);
        QVERIFY(c->lastBucket() - c->firstBucket() < 31);
        // A click on a row opens that host.
        QSignalSpy clicked(&view, &TimeHeatmapView::hostActivated);
        QTest::mouseClick(c, Qt::LeftButton, {},
                          QPoint(plot.left() + 5, plot.top() + static_cast<int>(0.5 * pxPerRow)));
        QCOMPARE(clicked.count(), 1);
    }

    // Many hosts on few pixels: one pixel row holds several hosts and shows their peak.
    void foldingKeepsThePeak() {
        auto snap = fleet(40);
        std::vector<std::string> names;
        for (const auto &h : snap->hosts)
            names.push_back(h.name);
        analysis::GridAccumulator acc("cpu", names, 0, 60'000, 4);
        for (int r = 0; r < 40; ++r)
            for (int b = 0; b < 4; ++b)
                acc.add(r, b, r == 13 ? 1.0 : 0.0); // one redlining host
        auto grid = std::make_shared<const analysis::MetricGrid>(acc.finish());
        analysis::HeatRowsOptions o;
        o.sort = analysis::HeatSort::Group;
        auto rows = std::make_shared<const analysis::HeatRows>(
            analysis::prepareHeatRows(grid, snap->hosts, snap->graph.get(), o));
        TimeHeatmapCanvas c;
        c.setMinimumSize(1, 1);
        c.resize(180 + 8 + 40, 20 + 28 + 5); // a 40 x 5 px plot: 8 hosts per pixel row
        c.setRows(rows, MetricUnit::Ratio);
        QCOMPARE(c.image().height(), 5);
        int hot = 0;
        for (int y = 0; y < 5; ++y)
            hot += c.image().pixel(20, y) == ColorScale::viridis().at(1.0);
        QCOMPARE(hot, 1);
    }

    // The host detail: the host's series, its rack's median and the fleet's, its labels.
    void hostDetail() {
        auto snap = std::const_pointer_cast<FleetSnapshot>(fleet(40));
        Alert a;
        a.labels = LabelSet(
            std::vector<Label>{{"alertname", "HighCpu"}, {"instance", "h1009"}, {"severity", "warning"}});
        a.state = AlertState::Active;
        snap->alerts = {a};
        int calls = 0;
        HostDetailDialog d(fakeFetch(snap, &calls));
        QSignalSpy loaded(&d, &HostDetailDialog::loaded);
        d.showHost(snap, QStringLiteral("h1009"));
        d.show();
        QVERIFY(loaded.wait(3000));
        const auto series = d.chart()->series();
        QCOMPARE(series.size(), 3);
        QCOMPARE(series[0]->name(), QStringLiteral("h1009"));
        QVERIFY(series[1]->name().contains(QStringLiteral("r0")));
        auto *host = static_cast<QLineSeries *>(series[0]);
        QCOMPARE(host->count(), 60);
        QVERIFY(std::abs(host->points().back().y() - 100.0) < 1e-3); // percent
        auto *rack = static_cast<QLineSeries *>(series[1]);
        QVERIFY(rack->points().back().y() < 100.0 && rack->points().back().y() > 30.0);
        QSignalSpy triage(&d, &HostDetailDialog::triageRequested);
        QAbstractItemModelTester tester(d.alerts(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(d.alerts()->rowCount() == 1);
        QCOMPARE(d.alerts()->index(0, 0).data().toString(), QStringLiteral("HighCpu"));
        Q_EMIT d.alertView()->doubleClicked(d.alerts()->index(0, 0));
        QCOMPARE(triage.at(0).at(0).toString(), QStringLiteral("instance=\"h1009\""));
    }

    // The keyboard reaches the map and moves over it: Tab gives it the focus (and a cursor on the first
    // tile), Left/Right step in tile order, Down goes to the tile below, Home/End, Enter opens the host;
    // the cursor's host is the map's accessible description and stays on its host in a new snapshot.
    void keyboardMovesOverTheMap() {
        auto snap = fleet(40); // four racks of ten
        HostMapCanvas c;
        c.resize(900, 600);
        c.setSnapshot(snap);
        QVERIFY(c.focusPolicy() & Qt::TabFocus);
        QVERIFY(!c.accessibleName().isEmpty());
        c.show();
        c.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&c));
        QCOMPARE(c.currentHost(), -1); // focus that merely lands (the wall's) shows no cursor
        c.clearFocus();
        c.setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(c.hasFocus());
        const auto &l = c.layout();
        const int first = l.groups.front().hosts.front();
        QCOMPARE(c.currentHost(), first);
        QTest::keyClick(&c, Qt::Key_Right);
        QCOMPARE(c.currentHost(), l.groups.front().hosts[1]);
        QTest::keyClick(&c, Qt::Key_Left);
        QTest::keyClick(&c, Qt::Key_Left); // at the first tile: stays
        QCOMPARE(c.currentHost(), first);
        QTest::keyClick(&c, Qt::Key_Down);
        const auto at = [&l](int h) { return QPoint(l.tileX[std::size_t(h)], l.tileY[std::size_t(h)]); };
        QCOMPARE(at(c.currentHost()).x(), at(first).x()); // straight down
        QVERIFY(at(c.currentHost()).y() > at(first).y());
        QTest::keyClick(&c, Qt::Key_Up);
        QCOMPARE(c.currentHost(), first);
        QTest::keyClick(&c, Qt::Key_End);
        QCOMPARE(c.currentHost(), l.groups.back().hosts.back());
        const QString last = QString::fromStdString(snap->hosts[std::size_t(c.currentHost())].name);
        QVERIFY2(c.accessibleDescription().contains(last), qPrintable(c.accessibleDescription()));
        QSignalSpy activated(&c, &HostMapCanvas::hostActivated);
        QTest::keyClick(&c, Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), last);
        // The same hosts in another order: the cursor follows its host.
        auto reversed = std::make_shared<FleetSnapshot>(*snap);
        std::reverse(reversed->hosts.edit().begin(), reversed->hosts.edit().end());
        c.setSnapshot(reversed);
        QCOMPARE(QString::fromStdString(reversed->hosts[std::size_t(c.currentHost())].name), last);
    }

    // More hosts than pixels: hosts share pixels, none falls off the map, a dead one stays visible.
    void moreHostsThanPixels() {
        auto snap = fleet(3000);
        HostMapCanvas c;
        c.setMinimumSize(1, 1);
        c.resize(60, 28 + 30); // 1,800 pixels for 3,000 hosts
        QSignalSpy recoloured(&c, &HostMapCanvas::recoloured);
        c.setSnapshot(snap);
        // A fleet this large is coloured off the GUI thread; the canvas says when it is done.
        QVERIFY(snap->hosts.size() > HostMapCanvas::kHostsPaintedAtOnce);
        QVERIFY(!c.tilesPainted());
        QTRY_VERIFY(c.tilesPainted());
        QCOMPARE(recoloured.count(), 1);
        const auto &l = c.layout();
        QVERIFY2(l.hostsPerTile >= 2, qPrintable(QString::number(l.hostsPerTile)));
        for (std::size_t i = 0; i < snap->hosts.size(); ++i) {
            QVERIFY(l.tileX[i] >= 0 && l.tileX[i] < 60);
            QVERIFY(l.tileY[i] >= 0 && l.tileY[i] < 30);
        }
        QCOMPARE(c.image().pixel(l.tileX[3], l.tileY[3]),
                 qRgb(0, 0, 0)); // host 3 is down: its pixel is black
        QVERIFY(c.hostAt(QPoint(l.tileX[0], l.tileY[0])) != nullptr);
    }

    // A large fleet is laid out off the GUI thread: until the new tiles arrive, what the canvas shows,
    // hit-tests and marks is the last snapshot's, whole; then the new snapshot's, whole.
    void largeFleetIsSwappedInWhole() {
        auto first = fleet(3000);
        HostMapCanvas c;
        c.resize(800, 600);
        QSignalSpy recoloured(&c, &HostMapCanvas::recoloured);
        c.setSnapshot(first);
        QTRY_VERIFY(c.tilesPainted());
        QCOMPARE(c.shownSnapshot(), first);
        c.setMarkedHosts({"h1000"});
        QCOMPARE(c.markedTiles(), 1);
        c.setCurrentHost(0);
        const QPoint firstTile(c.layout().tileX[0], c.layout().tileY[0]);
        // The next poll: other hosts (a new graph), h1000 gone, the cursor's host now elsewhere.
        auto next = std::make_shared<FleetSnapshot>(*fleet(3001));
        next->hosts.edit().erase(next->hosts.edit().begin());
        next->graph = analysis::FleetGraph::build(next->hosts, {}, TopologyConfig{});
        const auto *oldLayout = &c.layout();
        c.setSnapshot(next);
        QVERIFY(!c.tilesPainted());
        QCOMPARE(&c.layout(), oldLayout); // not laid out here
        QCOMPARE(c.shownSnapshot(), first);
        QCOMPARE(c.hostAt(firstTile)->name, std::string("h1000"));
        QCOMPARE(c.currentHost(), 0);
        QCOMPARE(c.markedTiles(), 1);
        QTRY_VERIFY(c.tilesPainted());
        QCOMPARE(recoloured.count(), 2);
        QCOMPARE(c.shownSnapshot().get(), next.get());
        QCOMPARE(c.markedTiles(), 0); // h1000 is not in the new fleet
        QCOMPARE(c.currentHost(), -1);
        const auto &l = c.layout();
        QCOMPARE(l.tileX.size(), next->hosts.size());
        for (std::size_t i = 0; i < next->hosts.size(); i += 97) {
            const Host *h = c.hostAt(QPoint(l.tileX[i], l.tileY[i]));
            QVERIFY(h != nullptr);
            QCOMPARE(h->name, next->hosts[i].name);
        }
        // A resize lays out again off the GUI thread, for the new size.
        c.show();
        c.resize(400, 300);
        QVERIFY(!c.tilesPainted());
        QTRY_VERIFY(c.tilesPainted());
        QVERIFY2(c.layout().width <= 400, qPrintable(QString::number(c.layout().width)));
        QCOMPARE(c.image().size(), QSize(400, 300 - 28));
    }

    // The wall's type is larger: the group titles' strip grows with it rather than cutting the words.
    void titleStripsFollowTheType() {
        HostMapCanvas c;
        c.resize(1200, 800);
        c.setSnapshot(fleet(40));
        const int small = c.layout().titleHeight;
        QVERIFY(small > 0);
        QFont big = c.font();
        big.setPointSizeF(big.pointSizeF() * 3);
        c.setFont(big);
        QFont title = big;
        title.setPointSizeF(big.pointSizeF() * 0.8);
        QVERIFY(c.layout().titleHeight >= QFontMetrics(title).height());
        QVERIFY(c.layout().titleHeight > small);
        const auto &l = c.layout(); // the tiles start below their strip
        for (const auto &g : l.groups)
            QVERIFY(l.tileY[static_cast<std::size_t>(g.hosts.front())] >= g.y + l.titleHeight);
    }

    void viridisIsOrderedByLightness() {
        const auto &v = ColorScale::viridis();
        double last = -1;
        for (int i = 0; i <= 10; ++i) {
            const QColor c = QColor::fromRgb(v.at(i / 10.0));
            const double lum = 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF();
            QVERIFY(lum > last);
            last = lum;
        }
        QCOMPARE(v.at(0.0), qRgb(0x44, 0x01, 0x54));
        QCOMPARE(v.at(1.0), qRgb(0xfd, 0xe7, 0x25));
    }
};

QTEST_MAIN(TestHostMapView)
#include "tst_hostmapview.moc"
