// Heat views: the host map at 100,000 hosts (layout, recolour for a new poll, full frame painted
// offscreen) and the imbalance ranking over 100,000 hosts. BENCH lines.
#include "analysis/fleetgraph.h"
#include "analysis/imbalance.h"
#include "benchclock.h"
#include "hostmapview.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace vigil;
using vigil::timing::Clock;
using vigil::timing::median;
using vigil::timing::ms;

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int n = 100000;
    auto base = std::make_shared<FleetSnapshot>();
    base->metrics = {{"cpu", "CPU", MetricUnit::Ratio, "q"}};
    const char *services[] = {"web", "api", "db", "cache", "batch"};
    for (int i = 0; i < n; ++i) {
        Host h;
        h.name = "host-" + std::to_string(100000 + i);
        h.labels = LabelSet(std::vector<Label>{{"instance", h.name},
                                               {"rack", "r" + std::to_string(i / 40)},
                                               {"region", i < n / 2 ? "eu1" : "us1"},
                                               {"service", services[i % 5]},
                                               {"zone", "z" + std::to_string(i / 4000)}});
        h.up = i % 997 == 0 ? UpState::Down : UpState::Up;
        h.metrics = {std::fmod(i * 0.618, 1.0)};
        base->hosts.push_back(std::move(h));
    }
    std::sort(base->hosts.begin(), base->hosts.end(),
              [](const Host &a, const Host &b) { return a.name < b.name; });
    base->graph = analysis::FleetGraph::build(base->hosts, {}, TopologyConfig{});

    std::vector<double> rank;
    for (int r = 0; r < 5; ++r) {
        auto t0 = Clock::now();
        auto groups = analysis::rankImbalance(base->hosts, 0);
        rank.push_back(ms(t0, Clock::now()));
    }
    std::printf("BENCH heat.rank.hosts=%d %.2f ms\n", n, median(rank));

    HostMapView view;
    view.resize(1920, 1080);
    view.show();
    QCoreApplication::processEvents();
    auto t0 = Clock::now();
    view.setSnapshot(base);
    std::printf("BENCH hostmap.layout.hosts=%d %.2f ms\n", n, ms(t0, Clock::now()));
    std::printf("BENCH hostmap.tile.hosts=%d %d px\n", n, view.canvas()->layout().tile);
    std::vector<double> recolor, frame;
    QImage target(view.canvas()->size(), QImage::Format_RGB32);
    for (int r = 0; r < 7; ++r) {
        auto next = std::make_shared<FleetSnapshot>(*base); // the next poll: same hosts and graph
        for (auto &h : next->hosts)
            h.metrics[0] = std::fmod(h.metrics[0] + 0.07, 1.0);
        t0 = Clock::now();
        view.setSnapshot(next); // same hosts: colours only
        recolor.push_back(ms(t0, Clock::now()));
        t0 = Clock::now();
        QPainter p(&target);
        view.canvas()->render(&p);
        p.end();
        frame.push_back(ms(t0, Clock::now()));
        base = next;
    }
    std::printf("BENCH hostmap.recolor.hosts=%d %.2f ms\n", n, median(recolor));
    std::printf("BENCH hostmap.frame.hosts=%d %.2f ms\n", n, median(frame));
    return 0;
}
