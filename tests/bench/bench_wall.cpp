// The wall display at 4K: one full repaint (strip and view) of each view of the default playlist over
// 10,000 hosts and 100,000 alerts, after the view has what it needs on screen.
//   BENCH wall.frame.size=3840x2160.view=<name> <ms> ms   (median of 7 repaints)
//   BENCH wall.frame.size=3840x2160 <ms> ms               (the slowest view's median)
#include "benchclock.h"
#include "benchfleet.h"

#include "common/viewregistry.h"
#include "fleetviews.h"
#include "wallwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>

#include <cstdio>

using namespace vigil;

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    const auto tBuild = timing::Clock::now();
    bench::FleetRounds fleet = bench::buildRounds(1);
    std::fprintf(stdout, "# %zu hosts and %zu alerts built in %.0f ms\n", fleet.snapshots[0]->hosts.size(),
                 fleet.snapshots[0]->alerts.size(), timing::ms(tBuild, timing::Clock::now()));
    bench::BenchSource source(fleet.config);
    source.publish(fleet.snapshots[0]);
    WallConfig config;
    WallWindow window(&source, config, config.screens[0].playlist);
    window.resize(3840, 2160);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        std::fprintf(stdout, "# the window was not exposed\n");
    QTest::qWait(2000);
    double slowest = 0;
    for (const auto &entry : config.screens[0].playlist) {
        const QString view = QString::fromStdString(entry.view);
        window.startAt(view);
        QElapsedTimer waited;
        waited.start();
        while (!window.currentViewReady() && waited.elapsed() < 30'000)
            QTest::qWait(50);
        QTest::qWait(300); // the view's own deferred work (layout, first paint cache)
        std::vector<double> frames;
        for (int i = 0; i < 7; ++i) {
            const auto t0 = timing::Clock::now();
            window.repaint();
            frames.push_back(timing::ms(t0, timing::Clock::now()));
        }
        const double m = timing::median(frames);
        slowest = std::max(slowest, m);
        std::fprintf(stdout, "BENCH wall.frame.size=3840x2160.view=%s %.1f ms%s\n", entry.view.c_str(), m,
                     window.currentViewReady() ? "" : "  # not ready after 30 s");
    }
    std::fprintf(stdout, "BENCH wall.frame.size=3840x2160 %.1f ms\n", slowest);
    return 0;
}
