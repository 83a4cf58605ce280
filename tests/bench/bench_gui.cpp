// The GUI thread under a large fleet (DESIGN rule 1): the real main window, fed through the fleet source
// seam with 10,000 hosts and 100,000 alerts (built by the real FleetState and analysis, a new snapshot
// every few steps, as polls would bring them), driven through a scripted session: every view shown,
// filters typed, columns sorted, a rack selected, lists scrolled. The stall watchdog pings the GUI thread
// every 8 ms; each stall over 16 ms is attributed to the step that was running.
//   BENCH gui.max_stall.hosts=10000 <ms> ms            (median over runs of each run's worst)
//   BENCH gui.stalls_over_16ms.hosts=10000 <n>         (median over runs)
// and, per step, its worst stall in the median run (lines starting with '#').
#include "benchclock.h"
#include "benchfleet.h"
#include "fleetfixtures.h"

#include "analysis/fleetanalysis.h"
#include "analysis/metricgrid.h"
#include "analysis/wear.h"
#include "hosts/hosttableview.h"
#include "mainwindow.h"
#include "service/driftsession.h"
#include "service/fleetsource.h"
#include "service/fleetstate.h"
#include "support/jobrunner.h"
#include "support/stallwatchdog.h"
#include "triage/triageview.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QThread>
#include <QTreeView>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <mutex>
#include <random>

using namespace vigil;
using vigil::bench::BenchSource;
using vigil::bench::buildRounds;
using vigil::bench::FleetRounds;
using vigil::bench::kHosts;

namespace {

struct Stall {
    int step;
    double ms;
    timing::Clock::time_point end;
};

// Times every event the GUI thread delivers, so a stall can be named: which receiver, which event
// (a paint, a job's result posted to a JobRunner, a queued snapshot).
class TimedApplication final : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override {
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        // Named from what is read before delivery: the event may delete its receiver (DeferredDelete),
        // and reading it afterwards crashed the benchmark now and then.
        const Receiver who{receiver->metaObject(),
                           receiver->parent() ? receiver->parent()->metaObject() : nullptr,
                           int(event->type())};
        const auto t0 = timing::Clock::now();
        const double cpu0 = threadCpuMs();
        ++depth;
        const bool r = QApplication::notify(receiver, event);
        --depth;
        const double ms = timing::ms(t0, timing::Clock::now());
        if (depth == 0 && ms > 2) {
            const double cpu = threadCpuMs() - cpu0;
            const std::lock_guard lock(eventsMutex);
            events.push_back({t0, ms, cpu, nameOf(who)});
        }
        if (ms > threshold) {
            auto &w = slow[nameOf(who)];
            if (ms > w.ms) {
                w.ms = ms;
                w.cpu = threadCpuMs() - cpu0;
            }
            ++w.count;
        }
        return r;
    }
    // The GUI thread's own CPU time: an event whose wall time is far above it waited for a core (two
    // cores, and the pools and the pipeline at work), it did not compute that long.
    static double threadCpuMs() {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
    }
    struct Receiver {
        const QMetaObject *type, *parentType; // static data: valid after the receiver is gone
        int event;
    };
    // A viewport is a plain QWidget, a chart's scene a QGraphicsScene: name the view they belong to.
    static std::string nameOf(const Receiver &who) {
        QString name = QString::fromLatin1(who.type->className());
        if (who.parentType && (name == QLatin1String("QWidget") || name == QLatin1String("QGraphicsScene")))
            name += QLatin1Char('<') + QString::fromLatin1(who.parentType->className()) + QLatin1Char('>');
        return QString(name + QLatin1Char('/') + QString::number(who.event)).toStdString();
    }
    struct Event {
        timing::Clock::time_point start;
        double ms, cpu;
        std::string name;
    };
    struct Worst {
        double ms = 0, cpu = 0; // the slowest one's wall and CPU time
        int count = 0;
    };
    // Outermost events over 2 ms, to say what ran during a stall.
    std::vector<Event> events;
    std::mutex eventsMutex;
    int depth = 0;
    std::map<std::string, Worst> slow;
    // Events slower than this are named at the end (VIGIL_BENCH_EVENT_MS, to look below the target).
    double threshold = qEnvironmentVariableIsSet("VIGIL_BENCH_EVENT_MS")
                           ? qEnvironmentVariableIntValue("VIGIL_BENCH_EVENT_MS")
                           : 16.0;
};

} // namespace

int main(int argc, char **argv) {
    TimedApplication app(argc, argv);
    const int runs = qEnvironmentVariableIntValue("VIGIL_BENCH_RUNS") == 1 ? 1 : 5; // 1: for profiling
    const auto tBuild = timing::Clock::now();
    FleetRounds fleet = buildRounds(runs * 2 + 1);
    std::fprintf(stdout, "# %d snapshots of %zu hosts and %zu alerts built in %.0f ms\n",
                 static_cast<int>(fleet.snapshots.size()), fleet.snapshots[0]->hosts.size(),
                 fleet.snapshots[0]->alerts.size(), timing::ms(tBuild, timing::Clock::now()));

    BenchSource source(fleet.config);
    MainWindow window(&source, nullptr);
    window.resize(1600, 1000);
    window.show();
    std::size_t next = 0;
    source.publish(fleet.snapshots[next++]);
    QTest::qWait(3000); // first layouts, drift, rows

    std::vector<std::string> steps;
    std::atomic<int> step{0};
    std::mutex stallMutex;
    std::vector<Stall> stalls;
    auto settle = [](int ms) { QTest::qWait(ms); };
    auto begin = [&](const std::string &name) {
        steps.push_back(name);
        step = static_cast<int>(steps.size()) - 1;
    };
    auto scrollAndSort = [&](const std::string &view) {
        for (auto *v : window.findChildren<QAbstractItemView *>()) {
            if (!v->isVisible() || !v->model() || v->model()->rowCount() < 20)
                continue;
            begin(view + ": scroll");
            for (int i = 0; i < 10; ++i) {
                v->verticalScrollBar()->setValue(v->verticalScrollBar()->maximum() * i / 10);
                settle(20);
            }
            auto *table = qobject_cast<QTableView *>(v);
            auto *tree = qobject_cast<QTreeView *>(v);
            if ((table && table->isSortingEnabled()) || (tree && tree->isSortingEnabled())) {
                begin(view + ": sort");
                for (int c = 0; c < std::min(4, v->model()->columnCount()); ++c) {
                    table ? table->sortByColumn(c, Qt::DescendingOrder)
                          : tree->sortByColumn(c, Qt::DescendingOrder);
                    settle(150);
                }
            }
        }
    };

    std::vector<double> worst, counts;
    std::vector<std::vector<Stall>> perRun;
    for (int run = 0; run < runs; ++run) {
        steps.clear();
        stalls.clear();
        StallWatchdog dog(&window, std::chrono::milliseconds(16));
        QObject::connect(
            &dog, &StallWatchdog::stalled, &dog,
            [&](double ms) {
                const std::lock_guard lock(stallMutex);
                stalls.push_back({step.load(), ms, timing::Clock::now()});
            },
            Qt::DirectConnection);
        dog.start();
        for (const auto &v : window.views().views()) {
            const std::string name = v.name.toStdString();
            begin(name + ": show");
            window.showView(v.name);
            settle(600);
            begin(name + ": new snapshot");
            source.publish(fleet.snapshots[next++ % fleet.snapshots.size()]);
            settle(900);
            scrollAndSort(name);
            if (name == "hosts") {
                begin("hosts: filter");
                window.hostView()->setFilterText(QStringLiteral("rack=\"r7\""));
                settle(300);
                window.hostView()->setFilterText(QString());
                settle(300);
            } else if (name == "triage") {
                begin("triage: filter");
                window.triageView()->setFilterText(QStringLiteral("severity=\"critical\""));
                settle(300);
                window.triageView()->setFilterText(QString());
                settle(300);
                begin("triage: alert table");
                window.triageView()->setAlertTableMode(true);
                settle(600);
                scrollAndSort("triage alerts");
                begin("triage: alert table off");
                window.triageView()->setAlertTableMode(false);
                settle(300);
            }
            begin(name + ": select a rack");
            QStringList rack;
            for (int i = 280; i < 320; ++i)
                rack << QStringLiteral("h%1:9100").arg(100000 + i);
            window.markHosts(QStringLiteral("rack r7"), rack);
            settle(500);
        }
        dog.stop();
        worst.push_back(dog.worstMs());
        counts.push_back(dog.stallCount());
        perRun.push_back(stalls);
        std::fprintf(stdout, "# run %d: worst %.1f ms, %d stalls over 16 ms\n", run + 1, dog.worstMs(),
                     dog.stallCount());
        std::fflush(stdout);
    }
    std::fprintf(stdout, "BENCH gui.max_stall.hosts=%d %.1f ms\n", kHosts, timing::median(worst));
    std::fprintf(stdout, "BENCH gui.stalls_over_16ms.hosts=%d %.0f\n", kHosts, timing::median(counts));
    // Where the median run stalled, worst first.
    std::vector<std::size_t> order(runs);
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return worst[a] < worst[b]; });
    std::map<std::string, std::pair<double, int>> byStep;
    for (const auto &s : perRun[order[runs / 2]]) {
        auto &[w, n] =
            byStep[s.step < static_cast<int>(steps.size()) ? steps[static_cast<std::size_t>(s.step)] : "?"];
        w = std::max(w, s.ms);
        ++n;
    }
    if (qEnvironmentVariableIsSet("VIGIL_BENCH_EVENT_MS")) // each stall of every run, what ran in it
        for (const auto &run : perRun)
            for (const auto &s : run) {
                std::fprintf(stdout, "# stall %.1f ms in %s:", s.ms,
                             s.step < static_cast<int>(steps.size())
                                 ? steps[static_cast<std::size_t>(s.step)].c_str()
                                 : "?");
                const auto from = s.end - std::chrono::microseconds(static_cast<long>(s.ms * 1000) + 20'000);
                for (const auto &e : app.events)
                    if (e.start >= from && e.start <= s.end)
                        std::fprintf(stdout, " %s %.1f (cpu %.1f);", e.name.c_str(), e.ms, e.cpu);
                std::fprintf(stdout, "\n");
            }
    std::vector<std::pair<std::string, std::pair<double, int>>> sorted(byStep.begin(), byStep.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto &a, const auto &b) { return a.second.first > b.second.first; });
    for (const auto &[name, v] : sorted)
        std::fprintf(stdout, "# stall %7.1f ms (%d) in %s\n", v.first, v.second, name.c_str());
    for (const auto &[name, v] : app.slow)
        std::fprintf(stdout, "# event over %.0f ms: %-40s worst %7.1f ms (cpu %5.1f), %d times\n",
                     app.threshold, name.c_str(), v.ms, v.cpu, v.count);
    JobRunner::waitForPools(60'000);
    return 0;
}
