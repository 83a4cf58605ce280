// Uneven load analysis (models/analysis/imbalance) against hand-made pools and vigil-sim's hotspots.
#include "analysis/hostmap.h"
#include "analysis/imbalance.h"
#include "simfleet.h"

#include <QTest>

#include <set>

using vigil::analysis::FleetGraph;

using namespace vigil;
using namespace vigil::analysis;

namespace {
Host host(const std::string &name, const std::string &service, double cpu, UpState up = UpState::Up) {
    Host h;
    h.name = name;
    h.labels = LabelSet(std::vector<Label>{{"instance", name}, {"service", service}});
    h.up = up;
    h.metrics = {cpu};
    return h;
}

std::vector<Host> simHosts(const sim::SimFleet &f, TimeMs t) {
    std::vector<Host> out;
    for (std::size_t i = 0; i < f.hosts().size(); ++i)
        out.push_back(host(f.hosts()[i].instance, f.hosts()[i].service, f.metric(i, 0, t),
                           f.up(i, t) ? UpState::Up : UpState::Down));
    return out;
}
} // namespace

class TestHeat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void figuresOfOnePool() {
        std::vector<Host> hosts{host("a", "api", 0.95),         host("b", "api", 0.90),
                                host("c", "api", 0.10),         host("d", "api", 0.05),
                                host("e", "web", 0.50),         host("f", "web", 0.52),
                                host("g", "web", 0.48),         host("h", "web", 0.50),
                                host("i", "api", std::nan("")), host("j", "api", 0.99, UpState::Down)};
        const auto r = rankImbalance(hosts, 0);
        QCOMPARE(r.size(), std::size_t(2));
        const auto &api = r[0];
        QCOMPARE(api.group, std::string("api"));
        QCOMPARE(api.hosts, 4); // no value and down hosts are left out
        QVERIFY(std::abs(api.mean - 0.5) < 1e-9);
        QVERIFY(std::abs(api.max - 0.95) < 1e-9);
        QVERIFY(std::abs(api.maxOverMean - 1.9) < 1e-9);
        QCOMPARE(api.hot, (std::vector<int>{0, 1}));
        QCOMPARE(api.idle, (std::vector<int>{3, 2}));
        QVERIFY(std::abs(api.hotShare - 0.5) < 1e-9);
        QVERIFY(std::abs(api.excess - 0.85) < 1e-9);
        QVERIFY(api.cv > 0.8);
        QVERIFY(r[1].cv < 0.05);
        QVERIFY(r[0].score > r[1].score);
        ImbalanceOptions small;
        small.minHosts = 5;
        QCOMPARE(rankImbalance(hosts, 0, small).size(), std::size_t(0));
        QVERIFY(rankImbalance(hosts, 3).empty()); // no such metric
    }

    void hostMapLayoutPlacesEveryHostOnce() {
        sim::SimOptions o;
        o.hosts = 2000;
        sim::SimFleet f(o, 1'700'000'000'000);
        auto hosts = simHosts(f, f.phaseStart(0));
        for (std::size_t i = 0; i < hosts.size(); ++i) {
            hosts[i].labels.set("rack", f.hosts()[i].rack);
            hosts[i].labels.set("zone", f.hosts()[i].zone);
            hosts[i].labels.set("region", f.hosts()[i].region);
        }
        Host stray = host("stray", "batch", 0.5); // no hierarchy labels: the "unplaced" group, last
        hosts.push_back(stray);
        auto graph = FleetGraph::build(hosts, {}, TopologyConfig{});
        const auto l = layoutHostMap(*graph, hosts, 2, 1200, 700);
        QCOMPARE(l.groups.back().title, std::string("unplaced"));
        QCOMPARE(int(l.groups.size()), 50 + 1); // 40-host racks
        QVERIFY(l.tile >= 6 && l.height <= 700);
        std::set<std::pair<int, int>> seen;
        for (std::size_t i = 0; i < hosts.size(); ++i) {
            QVERIFY(l.tileX[i] >= 0 && l.tileX[i] + l.tile <= 1200);
            QVERIFY(seen.insert({l.tileX[i], l.tileY[i]}).second); // no two tiles overlap
            QCOMPARE(l.hostAt(l.tileX[i] + l.tile / 2, l.tileY[i] + l.tile / 2), int(i));
        }
        QCOMPARE(l.hostAt(1199, 699), -1);
        // By zone: fewer, larger groups; a tiny view shrinks tiles down to a pixel.
        QCOMPARE(int(layoutHostMap(*graph, hosts, 1, 1200, 700).groups.size()), 5 + 1);
        const auto tiny = layoutHostMap(*graph, hosts, 2, 200, 150);
        QVERIFY(tiny.tile <= 3);
        QCOMPARE(tiny.titleHeight, 0);
    }

    // The simulator's hotspots: the pools it made uneven rank first.
    void hotspotPoolsRankFirst() {
        sim::SimOptions o;
        o.hosts = 2000;
        o.scenario = "hotspots";
        sim::SimFleet f(o, 1'700'000'000'000);
        const TimeMs t = f.phaseStart(0) + 600'000;
        std::set<std::string> uneven;
        for (const auto &h : f.hosts())
            if (h.hot)
                uneven.insert(h.service);
        QVERIFY(!uneven.empty());
        const auto r = rankImbalance(simHosts(f, t), 0);
        QVERIFY(r.size() > uneven.size());
        for (std::size_t k = 0; k < uneven.size(); ++k)
            QVERIFY2(uneven.count(r[k].group), r[k].group.c_str());
        QVERIFY(!r[0].hot.empty() && !r[0].idle.empty());
        // In steady state the same pools are not singled out as strongly.
        o.scenario = "steady";
        sim::SimFleet calm(o, 1'700'000'000'000);
        const auto c = rankImbalance(simHosts(calm, t), 0);
        QVERIFY(c[0].score < r[0].score);
    }
};

QTEST_GUILESS_MAIN(TestHeat)
#include "tst_heat.moc"
