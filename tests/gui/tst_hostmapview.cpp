// The host map, headless: tiles coloured from the data (down black, no value grey, viridis for the
// metric), hover text, metric switch, and the stale marking.
#include "analysis/fleetgraph.h"
#include "analysis/imbalance.h"
#include "colorscale.h"
#include "hostmapview.h"

#include <QLabel>
#include <QTest>

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
        for (auto &h : snap->hosts)
            h.labels.set("service", "api");
        // What the analyzer attaches: the pool's spread, hot and idle hosts.
        snap->imbalance = std::make_shared<const std::vector<analysis::GroupImbalance>>(
            analysis::rankImbalance(snap->hosts, 0, {}));
        view.setSnapshot(snap);
        QString text;
        for (auto *label : view.findChildren<QLabel *>())
            if (label->text().contains(QStringLiteral("Uneven load")))
                text = label->text();
        QVERIFY2(text.contains(QStringLiteral("<b>api</b>")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("redlining")) && text.contains(QStringLiteral("idle")));
        QVERIFY(text.contains(QStringLiteral("hosts' worth of CPU")));
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
