// Topology maps: the physical layout of 100,000 hosts, the service layout of 1,000 services with 4,000
// edges, and a relayout of 10,000 services after 1 % changed with how far the others moved. BENCH lines.
#include "analysis/topology.h"
#include "benchclock.h"
#include "fleetfixtures.h"
#include "topology/topologyview.h"

#include <QApplication>
#include <QPainter>
#include <QTest>

#include <cstdio>
#include <random>

using namespace vigil;
using namespace vigil::analysis;
using vigil::timing::Clock;
using vigil::timing::median;
using vigil::timing::ms;

namespace {
// A service graph shaped like a large microservice estate: a few hubs many call, most services
// calling a handful of others (preferential attachment), one host each.
void serviceGraph(int services, int edges, std::uint32_t seed, std::vector<Host> &hosts,
                  std::vector<ServiceEdge> &out) {
    std::mt19937 rng(seed);
    for (int s = 0; s < services; ++s) {
        Host h;
        h.name = "svc-host-" + std::to_string(s);
        h.labels = LabelSet(std::vector<Label>{{"service", "svc" + std::to_string(s)}});
        hosts.push_back(std::move(h));
    }
    std::vector<int> targets{0};
    while (static_cast<int>(out.size()) < edges) {
        const int from = static_cast<int>(rng() % static_cast<unsigned>(services));
        const int to = rng() % 3 == 0 ? static_cast<int>(rng() % static_cast<unsigned>(services))
                                      : targets[rng() % targets.size()];
        if (from == to)
            continue;
        out.push_back({"svc" + std::to_string(from), "svc" + std::to_string(to)});
        targets.push_back(to);
    }
}
// The median time of `runs` frames of the canvas painted into `target`.
double medianFrame(TopologyCanvas &canvas, QImage &target, int runs) {
    std::vector<double> frames;
    for (int r = 0; r < runs; ++r) {
        auto t0 = Clock::now();
        QPainter p(&target);
        canvas.render(p);
        p.end();
        frames.push_back(ms(t0, Clock::now()));
    }
    return median(frames);
}
} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Physical: 100,000 hosts in 2 regions, 25 zones, 2,500 racks.
    const auto hosts = test::rackedHosts(100000);
    const auto graph = FleetGraph::build(hosts, {}, TopologyConfig{});
    std::vector<double> aggregated, expanded;
    PhysicalOptions all;
    all.autoCollapseHosts = 1 << 30;
    std::size_t boxes = 0;
    for (int r = 0; r < 5; ++r) {
        auto t0 = Clock::now();
        const auto a = layoutPhysical(*graph);
        aggregated.push_back(ms(t0, Clock::now()));
        boxes = a.groups.size();
        t0 = Clock::now();
        const auto e = layoutPhysical(*graph, all);
        expanded.push_back(ms(t0, Clock::now()));
    }
    std::printf("BENCH topology.layout.physical.hosts=100000 %.2f ms (every host placed)\n",
                median(expanded));
    std::printf(
        "BENCH topology.layout.physical.aggregated.hosts=100000 %.2f ms (%zu boxes: racks collapsed)\n",
        median(aggregated), boxes);

    // Services: 1,000 with 4,000 edges, laid out from scratch.
    {
        std::vector<Host> sh;
        std::vector<ServiceEdge> se;
        serviceGraph(1000, 4000, 7, sh, se);
        const auto g = FleetGraph::build(sh, se, TopologyConfig{});
        std::vector<double> t;
        for (int r = 0; r < 3; ++r) {
            auto t0 = Clock::now();
            const auto l = layoutServices(*g);
            t.push_back(ms(t0, Clock::now()));
        }
        std::printf("BENCH topology.layout.services=1000 %.2f ms (4000 edges, igraph Fruchterman-Reingold "
                    "with its grid)\n",
                    median(t));
    }

    // Relayout: 10,000 services, then 1 % of them replaced (100 gone, 100 new with edges).
    {
        std::vector<Host> sh;
        std::vector<ServiceEdge> se;
        serviceGraph(10000, 30000, 11, sh, se);
        const auto g1 = FleetGraph::build(sh, se, TopologyConfig{});
        auto t0 = Clock::now();
        const auto first = layoutServices(*g1);
        std::printf("BENCH topology.layout.services=10000 %.2f ms (30000 edges, from scratch)\n",
                    ms(t0, Clock::now()));
        std::vector<Host> sh2(sh.begin() + 100, sh.end());
        std::vector<ServiceEdge> se2;
        for (const auto &e : se)
            if (std::stoi(e.from.substr(3)) >= 100 && std::stoi(e.to.substr(3)) >= 100)
                se2.push_back(e);
        for (int k = 0; k < 100; ++k) {
            Host h;
            h.name = "new-host-" + std::to_string(k);
            h.labels = LabelSet(std::vector<Label>{{"service", "new" + std::to_string(k)}});
            sh2.push_back(h);
            se2.push_back({"new" + std::to_string(k), "svc" + std::to_string(200 + k * 37)});
            se2.push_back({"svc" + std::to_string(300 + k * 41), "new" + std::to_string(k)});
        }
        const auto g2 = FleetGraph::build(sh2, se2, TopologyConfig{});
        ServiceLayoutOptions o;
        o.previous = first.positions;
        o.side = first.side;
        t0 = Clock::now();
        const auto second = layoutServices(*g2, o);
        std::printf("BENCH topology.relayout.nodes=10000 %.2f ms\n", ms(t0, Clock::now()));
        std::printf("BENCH topology.stability.nodes=10000 %.3f %%\n", meanMovePercent(first, second));
    }
    // One frame of a 10,000-host physical map fitted to 1920 x 1080, painted offscreen.
    {
        auto snap = std::make_shared<FleetSnapshot>();
        snap->hosts.edit().assign(hosts.begin(), hosts.begin() + 10000);
        for (auto &h : snap->hosts.edit())
            h.up = UpState::Up;
        snap->graph = FleetGraph::build(snap->hosts, {}, TopologyConfig{});
        TopologyCanvas canvas(TopologyCanvas::Mode::Physical);
        canvas.resize(1920, 1080);
        canvas.setSnapshot(snap);
        for (int i = 0; i < 500 && !canvas.isLaidOut(); ++i) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        }
        QImage target(canvas.size(), QImage::Format_RGB32);
        auto frame = [&] { return medianFrame(canvas, target, 9); };
        canvas.fit();
        std::printf(
            "BENCH topology.frame.nodes=10000 %.2f ms (the whole map fitted: 250 racks coloured by health)\n",
            frame());
        canvas.flyTo(QStringLiteral("z1")); // a zone of 4,000 hosts filling the window: each host drawn
        const double rack = frame();
        std::printf("BENCH topology.frame.zoomed.nodes=10000 %.2f ms (a zone of 4,000 hosts filling the "
                    "window, each drawn)\n",
                    rack);
    }
    // One frame of a 10,000-service map with 30,000 edges (rates and errors on each), fitted and zoomed.
    {
        auto snap = std::make_shared<FleetSnapshot>();
        serviceGraph(10000, 30000, 11, snap->hosts.edit(), snap->edges);
        std::mt19937 rng(5);
        for (auto &e : snap->edges) {
            e.requestsPerSecond = 1 + static_cast<double>(rng() % 5000);
            e.errorsPerSecond = e.requestsPerSecond * static_cast<double>(rng() % 100) / 2000.0;
        }
        for (auto &h : snap->hosts.edit())
            h.up = UpState::Up;
        std::sort(snap->hosts.edit().begin(), snap->hosts.edit().end(),
                  [](const Host &a, const Host &b) { return a.name < b.name; });
        snap->graph = FleetGraph::build(snap->hosts, snap->edges, TopologyConfig{});
        TopologyCanvas canvas(TopologyCanvas::Mode::Services);
        canvas.resize(1920, 1080);
        canvas.setSnapshot(snap);
        if (!QTest::qWaitFor([&] { return canvas.isLaidOut(); }, 120000)) { // from scratch: seconds
            std::fprintf(stderr, "the service map was not laid out within 120 s\n");
            return 1;
        }
        QImage target(canvas.size(), QImage::Format_RGB32);
        auto frame = [&] { return medianFrame(canvas, target, 5); };
        canvas.fit();
        std::printf("BENCH topology.frame.services=10000 %.2f ms (30,000 edges, the whole map fitted)\n",
                    frame());
        if (argc > 1)
            target.save(QString::fromLocal8Bit(argv[1]) + QStringLiteral("/services-fitted.png"));
        canvas.flyTo(QStringLiteral("svc0")); // the biggest hub, zoomed in among its callers
        std::printf("BENCH topology.frame.services.zoomed=10000 %.2f ms (around the biggest hub)\n", frame());
        if (argc > 1)
            target.save(QString::fromLocal8Bit(argv[1]) + QStringLiteral("/services-zoomed.png"));
    }
    return 0;
}
