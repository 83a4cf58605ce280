// The GUI thread under a large fleet (DESIGN rule 1): the real main window, fed through the fleet source
// seam with 10,000 hosts and 100,000 alerts (built by the real FleetState and analysis, a new snapshot
// every few steps, as polls would bring them), driven through a scripted session: every view shown,
// filters typed, columns sorted, a rack selected, lists scrolled. The stall watchdog pings the GUI thread
// every 8 ms; each stall over 16 ms is attributed to the step that was running.
//   BENCH gui.max_stall.hosts=10000 <ms> ms            (median over runs of each run's worst)
//   BENCH gui.stalls_over_16ms.hosts=10000 <n>         (median over runs)
// and, per step, its worst stall in the median run (lines starting with '#').
#include "benchclock.h"
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
#include <map>
#include <mutex>
#include <random>

using namespace vigil;

namespace {

constexpr int kHosts = 10'000;
constexpr int kAlertsPerHost = 10;

// The live source's shape without a network: snapshots published on demand, history and drift computed
// on the job runner's pools like FleetService does.
class BenchSource final : public FleetSource {
public:
    explicit BenchSource(Config config)
        : m_config(std::move(config)) {}
    void publish(FleetSnapshotPtr s) {
        m_current = std::move(s);
        m_drift.noteSnapshot(*m_current);
        Q_EMIT snapshotReady(m_current);
    }
    [[nodiscard]] FleetSnapshotPtr current() const override { return m_current; }
    [[nodiscard]] const Config &config() const override { return m_config; }
    [[nodiscard]] bool isLive() const override { return true; }
    void loadHistory(const QString &channel, const std::string &metricKey, TimeMs from, TimeMs to,
                     int columns, QObject *context, std::function<void(GridPtr)> done) override {
        const int mi = m_config.profile.metricIndex(metricKey);
        m_jobs.run(
            JobRunner::Pool::Bulk, channel, "bench history", context,
            [snap = m_current, mi, metricKey, from, to, columns](const CancelToken &) {
                analysis::MetricGrid g;
                g.metricKey = metricKey;
                g.stepMs = analysis::stepForRange(to - from, columns);
                g.from = from / g.stepMs * g.stepMs;
                g.buckets = static_cast<int>((to - g.from + g.stepMs - 1) / g.stepMs);
                for (const auto &h : snap->hosts)
                    g.hosts.push_back(h.name);
                g.values.resize(g.hosts.size() * static_cast<std::size_t>(g.buckets));
                for (std::size_t r = 0; r < g.hosts.size(); ++r) {
                    const double base = mi >= 0 ? snap->hosts[r].metrics[static_cast<std::size_t>(mi)] : 0.5;
                    for (int b = 0; b < g.buckets; ++b)
                        g.values[r * static_cast<std::size_t>(g.buckets) + static_cast<std::size_t>(b)] =
                            static_cast<float>(base *
                                               (0.8 + 0.2 * std::sin(b * 0.1 + static_cast<double>(r))));
                }
                g.storeBuckets = g.buckets;
                return GridPtr(std::make_shared<const analysis::MetricGrid>(std::move(g)));
            },
            std::move(done));
    }
    void loadWear(int hours, QObject *context, std::function<void(WearPtr)> done) override {
        m_jobs.run(
            JobRunner::Pool::Bulk, QStringLiteral("wear"), "bench wear", context,
            [hours](const CancelToken &) {
                auto w = std::make_shared<analysis::WearReport>();
                w->to = nowMs();
                w->from = w->to - static_cast<TimeMs>(hours) * 3'600'000;
                return WearPtr(std::move(w));
            },
            std::move(done));
    }
    void loadDrift(TimeMs since, QObject *context, std::function<void(DriftPtr)> done) override {
        m_jobs.run(
            JobRunner::Pool::Bulk, QStringLiteral("drift"), "bench drift", context,
            [this, snap = m_current, since](const CancelToken &c) {
                // m_drift outlives every job: the source is destroyed after the pools are drained.
                return m_drift.judge(snap, m_config.drift, nullptr, since, c);
            },
            [done = std::move(done)](DriftPtr d) {
                if (d)
                    done(std::move(d));
            });
    }
    void loadLayout(const std::string &, QObject *context, std::function<void(Positions)> done) override {
        m_jobs.run(
            JobRunner::Pool::Interactive, {}, "bench layout", context,
            [](const CancelToken &) { return Positions{}; }, std::move(done));
    }
    void saveLayout(const std::string &, Positions) override {}

private:
    Config m_config;
    FleetSnapshotPtr m_current = std::make_shared<FleetSnapshot>();
    DriftSession m_drift;
    JobRunner m_jobs;
};

const char *const kServices[] = {"web",   "api",    "db",    "cache", "auth",
                                 "queue", "search", "batch", "edge",  "ingest"};
const char *const kAlertNames[] = {"HighCPU",       "HighMemory",  "DiskFilling", "HighLatency",
                                   "ErrorRate",     "NetworkErr",  "ClockSkew",   "OOMKills",
                                   "SlowResponses", "QueueBacklog"};

// Round `round` of the fleet: metrics drift, 1 % of the alerts resolve and others start, rack r3 down.
struct FleetRounds {
    Config config;
    std::vector<FleetSnapshotPtr> snapshots;
};

FleetRounds buildRounds(int rounds) {
    FleetRounds out;
    Config &cfg = out.config;
    cfg.topology.hierarchy = {"region", "zone", "rack"};
    FleetState state(cfg.profile.metrics, cfg.profile.host);
    analysis::CorrelationOptions o;
    o.identity = cfg.profile.host;
    o.serviceLabel = cfg.topology.serviceLabel;
    state.setAnalyzer(analysis::FleetAnalyzer(cfg.topology, o));
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0, 1);
    const auto base = test::rackedHosts(kHosts);
    const TimeMs t0 = nowMs() - 3'600'000;
    for (int round = 0; round < rounds; ++round) {
        const TimeMs t = t0 + round * 15'000;
        PollData prom;
        prom.time = t;
        prom.health.id = "bench/prometheus";
        prom.health.kind = SourceKind::Prometheus;
        prom.health.lastAttempt = prom.health.lastSuccess = t;
        prom.hasInventory = true;
        prom.metricOk.assign(cfg.profile.metrics.size(), true);
        prom.hasFacts = true;
        for (std::size_t i = 0; i < base.size(); ++i) {
            Host h = base[i];
            const std::string rack(h.labels.value("rack"));
            const char *svc = kServices[i % 10];
            h.labels.set("instance", h.name + ":9100");
            h.labels.set("service", svc);
            h.labels.set("role", svc);
            h.name += ":9100";
            h.up = rack == "r3" ? UpState::Down : UpState::Up;
            for (std::size_t m = 0; m < cfg.profile.metrics.size(); ++m)
                h.metrics.push_back(std::clamp(0.2 + 0.6 * u(rng), 0.0, 1.0));
            h.sources = {prom.health.id};
            prom.facts.push_back({h.name, "os.version_id", i % 97 == 0 ? "11" : "12"});
            prom.facts.push_back({h.name, "uname.release", i % 53 == 0 ? "6.1.0-17" : "6.1.0-18"});
            prom.hosts.push_back(std::move(h));
        }
        std::sort(prom.hosts.begin(), prom.hosts.end(),
                  [](const Host &a, const Host &b) { return a.name < b.name; });
        PollData am;
        am.time = t;
        am.health.id = "bench/alertmanager#0";
        am.health.kind = SourceKind::Alertmanager;
        am.health.lastAttempt = am.health.lastSuccess = t;
        am.hasAlerts = am.hasSilences = true;
        for (std::size_t i = 0; i < prom.hosts.size(); ++i) {
            const Host &h = prom.hosts[i];
            for (int k = 0; k < kAlertsPerHost; ++k) {
                // 1 % of the alerts change each round: alert k of host i is replaced by a later one.
                const bool churned = (i * kAlertsPerHost + static_cast<std::size_t>(k)) % 100 ==
                                     static_cast<std::size_t>(round);
                const bool down = h.up == UpState::Down && k == 0;
                Alert a;
                a.labels =
                    LabelSet(std::vector<Label>{{"alertname", down ? "HostDown" : kAlertNames[k]},
                                                {"instance", h.name},
                                                {"job", "node"},
                                                {"rack", std::string(h.labels.value("rack"))},
                                                {"service", std::string(h.labels.value("service"))},
                                                {"severity", down || k % 4 == 0 ? "critical" : "warning"},
                                                {"round", churned ? std::to_string(round) : "0"}});
                a.annotations = LabelSet(std::vector<Label>{{"summary", h.name + " " + kAlertNames[k]}});
                a.fingerprint = a.labels.fingerprint();
                a.startsAt =
                    t0 - static_cast<TimeMs>((i * 7 + static_cast<std::size_t>(k) * 13) % 3'600) * 1000;
                a.seenBy = {am.health.id};
                am.alerts.push_back(std::move(a));
            }
        }
        state.apply(prom);
        out.snapshots.push_back(state.apply(am).snapshot);
    }
    return out;
}

struct Stall {
    int step;
    double ms;
};

// Times every event the GUI thread delivers, so a stall can be named: which receiver, which event
// (a paint, a job's result posted to a JobRunner, a queued snapshot).
class TimedApplication final : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override {
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        const auto t0 = timing::Clock::now();
        const bool r = QApplication::notify(receiver, event);
        const double ms = timing::ms(t0, timing::Clock::now());
        if (ms > 16) {
            const QString name = QString::fromLatin1(receiver->metaObject()->className()) + QLatin1Char('/') +
                                 QString::number(int(event->type()));
            auto &[worst, n] = slow[name.toStdString()];
            worst = std::max(worst, ms);
            ++n;
        }
        return r;
    }
    std::map<std::string, std::pair<double, int>> slow;
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
                stalls.push_back({step.load(), ms});
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
    std::vector<std::pair<std::string, std::pair<double, int>>> sorted(byStep.begin(), byStep.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto &a, const auto &b) { return a.second.first > b.second.first; });
    for (const auto &[name, v] : sorted)
        std::fprintf(stdout, "# stall %7.1f ms (%d) in %s\n", v.first, v.second, name.c_str());
    for (const auto &[name, v] : app.slow)
        std::fprintf(stdout, "# event over 16 ms: %-40s worst %7.1f ms, %d times\n", name.c_str(), v.first,
                     v.second);
    JobRunner::waitForPools(60'000);
    return 0;
}
