// Heat views: the host map at 100,000 hosts (layout, recolour for a new poll, full frame painted
// offscreen), the imbalance and wear ranking over 100,000 hosts, and the time heatmap of 10,000 hosts x
// 1,440 one-minute buckets (row preparation, a full frame rasterised and painted, memory). BENCH lines.
#include "analysis/fleetgraph.h"
#include "analysis/heatrows.h"
#include "analysis/imbalance.h"
#include "analysis/wear.h"
#include "benchclock.h"
#include "heatmap/timeheatmapcanvas.h"
#include "hostmap/hostmapcanvas.h"
#include "hostmap/hostmapview.h"

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
    std::sort(base->hosts.edit().begin(), base->hosts.edit().end(),
              [](const Host &a, const Host &b) { return a.name < b.name; });
    base->graph = analysis::FleetGraph::build(base->hosts, {}, TopologyConfig{});

    // Wear: three signals per host over a day in half-hour buckets (as FleetService loads them); one host
    // in 50 degrading.
    std::vector<std::string> names;
    for (const auto &h : base->hosts)
        names.push_back(h.name);
    std::vector<analysis::MetricGrid> wearGrids;
    for (int k = 0; k < 3; ++k) {
        analysis::GridAccumulator acc("w" + std::to_string(k), names, 0, 1'800'000, 48);
        for (int i = 0; i < n; ++i) {
            const bool bad = i % 50 == 7;
            // Counters (k 0, 1) stay flat on healthy hardware; temperature (k 2) is always noisy.
            for (int b = 0; b < 48; ++b)
                acc.add(i, b,
                        k == 2 ? 45.0 + ((i * 31 + b * 17) % 7) * 0.3 + (bad ? 0.5 * b : 0.0)
                               : (i % 5) + (bad ? 4.0 * b : 0.0));
        }
        wearGrids.push_back(acc.finish());
    }
    const std::vector<analysis::WearInput> wearInputs{{&wearGrids[0], "Memory errors", 1000},
                                                      {&wearGrids[1], "Reallocated sectors", 500},
                                                      {&wearGrids[2], "Temperature", 85}};
    std::vector<double> rank, imbalance, wear;
    std::size_t ranked = 0;
    for (int r = 0; r < 5; ++r) {
        auto t0 = Clock::now();
        auto groups = analysis::rankImbalance(base->hosts, 0);
        auto t1 = Clock::now();
        auto worn = analysis::rankWear(wearInputs);
        auto t2 = Clock::now();
        ranked = worn.size();
        imbalance.push_back(ms(t0, t1));
        wear.push_back(ms(t1, t2));
        rank.push_back(ms(t0, t2));
    }
    std::printf("BENCH heat.rank.imbalance.hosts=%d %.2f ms\n", n, median(imbalance));
    std::printf("BENCH heat.rank.wear.hosts=%d %.2f ms (%zu ranked)\n", n, median(wear), ranked);
    std::printf("BENCH heat.rank.hosts=%d %.2f ms\n", n, median(rank));
    wearGrids.clear();

    // Time heatmap: 10,000 hosts x 1,440 buckets.
    {
        const int hosts = 10000, buckets = 1440;
        std::vector<Host> th(base->hosts.begin(), base->hosts.begin() + hosts);
        std::vector<std::string> tn;
        for (const auto &h : th)
            tn.push_back(h.name);
        auto graph = analysis::FleetGraph::build(th, {}, TopologyConfig{});
        analysis::GridAccumulator acc("cpu", tn, 0, 60'000, buckets);
        for (int i = 0; i < hosts; ++i)
            for (int b = 0; b < buckets; ++b)
                acc.add(i, b, std::fmod(i * 0.618 + b * 0.001, 1.0));
        auto grid = std::make_shared<const analysis::MetricGrid>(acc.finish());
        std::vector<double> prep;
        std::shared_ptr<const analysis::HeatRows> rows;
        for (int r = 0; r < 3; ++r) {
            auto t0 = Clock::now();
            rows = std::make_shared<const analysis::HeatRows>(
                analysis::prepareHeatRows(grid, th, graph.get(), analysis::HeatRowsOptions{}));
            prep.push_back(ms(t0, Clock::now()));
        }
        std::printf("BENCH heatmap.prepare.hosts=%d.buckets=%d %.2f ms (worker thread)\n", hosts, buckets,
                    median(prep));
        std::printf("BENCH heatmap.memory.hosts=%d.hours=24 %.1f MB (grid %.1f + colour levels %.1f)\n",
                    hosts, static_cast<double>(grid->bytes() + rows->bytes()) / 1e6,
                    static_cast<double>(grid->bytes()) / 1e6, static_cast<double>(rows->bytes()) / 1e6);
        TimeHeatmapCanvas canvas;
        canvas.resize(1920, 1080);
        canvas.show();
        QCoreApplication::processEvents();
        canvas.setRows(rows, MetricUnit::Ratio);
        QImage target(canvas.size(), QImage::Format_RGB32);
        std::vector<double> frames, paints, zoomed, raster;
        for (int r = 0; r < 9; ++r) {
            // A full frame: the whole plot rasterised (as after a zoom, pan or new data) and painted.
            auto t0 = Clock::now();
            canvas.setTimeWindow(r, buckets - r); // a different window each time: nothing cached
            QPainter p(&target);
            canvas.render(&p);
            p.end();
            frames.push_back(ms(t0, Clock::now()));
            t0 = Clock::now();
            canvas.rasterize();
            raster.push_back(ms(t0, Clock::now()));
            t0 = Clock::now();
            QPainter p2(&target);
            canvas.render(&p2); // a repaint with nothing changed: the image is only blitted
            p2.end();
            paints.push_back(ms(t0, Clock::now()));
            canvas.setTimeWindow(600 + r, 660 + r); // zoomed to an hour: buckets wider than pixels
            t0 = Clock::now();
            canvas.setRowWindow(r * 100, 500); // and to 500 hosts: rows two pixels high, labelled by rack
            zoomed.push_back(ms(t0, Clock::now()));
            canvas.resetView();
        }
        std::printf("BENCH heatmap.frame.hosts=%d.buckets=%d %.2f ms\n", hosts, buckets, median(frames));
        std::printf("BENCH heatmap.raster.hosts=%d.buckets=%d %.2f ms\n", hosts, buckets, median(raster));
        std::printf("BENCH heatmap.repaint.hosts=%d.buckets=%d %.2f ms\n", hosts, buckets, median(paints));
        std::printf("BENCH heatmap.zoomed.hosts=%d.buckets=%d %.2f ms\n", hosts, buckets, median(zoomed));
    }

    HostMapView view;
    view.resize(1920, 1080);
    view.show();
    QCoreApplication::processEvents();
    // A large fleet's tiles are laid out and coloured on the interactive pool: the GUI thread's share
    // (handing the request over, taking the tiles in) and the time until the tiles are on screen.
    const auto painted = [&view] {
        while (!view.canvas()->tilesPainted())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        QCoreApplication::processEvents(); // the delivery itself
    };
    auto t0 = Clock::now();
    view.setSnapshot(base);
    const double layoutGui = ms(t0, Clock::now());
    painted();
    std::printf("BENCH hostmap.layout.hosts=%d %.2f ms (to the tiles on screen)\n", n, ms(t0, Clock::now()));
    std::printf("BENCH hostmap.layout.gui.hosts=%d %.2f ms (GUI thread)\n", n, layoutGui);
    std::printf("BENCH hostmap.tile.hosts=%d %d px\n", n, view.canvas()->layout().tile);
    std::vector<double> recolor, recolorGui, frame;
    QImage target(view.canvas()->size(), QImage::Format_RGB32);
    for (int r = 0; r < 7; ++r) {
        auto next = std::make_shared<FleetSnapshot>(*base); // the next poll: same hosts and graph
        for (auto &h : next->hosts.edit())
            h.metrics[0] = std::fmod(h.metrics[0] + 0.07, 1.0);
        t0 = Clock::now();
        view.setSnapshot(next); // same hosts: colours only
        recolorGui.push_back(ms(t0, Clock::now()));
        painted();
        recolor.push_back(ms(t0, Clock::now()));
        t0 = Clock::now();
        QPainter p(&target);
        view.canvas()->render(&p);
        p.end();
        frame.push_back(ms(t0, Clock::now()));
        base = next;
    }
    std::printf("BENCH hostmap.recolor.hosts=%d %.2f ms (to the tiles on screen)\n", n, median(recolor));
    std::printf("BENCH hostmap.recolor.gui.hosts=%d %.2f ms (GUI thread)\n", n, median(recolorGui));
    std::printf("BENCH hostmap.frame.hosts=%d %.2f ms\n", n, median(frame));
    return 0;
}
