// Incident snapshots of a 10,000-host fleet over an hour, from a cache written the way the pipeline
// writes it (five metrics every minute, a rack-and-service storm of ~2,400 alerts in the second half):
//   BENCH snapshot.export.hosts=10000.window=1h <ms> ms        (cache to file, median of 5)
//   BENCH snapshot.size.hosts=10000.window=1h <MB> MB
//   BENCH snapshot.open.first_frame.hosts=10000 <ms> ms        (file to the first painted triage view, median
//   of 5) BENCH snapshot.scrub.hosts=10000 <ms> ms                   (cursor one minute on: the fleet
//   rebuilt, the
//                                                               view updated and painted; median of 15)
#include "benchclock.h"

#include "analysis/correlation.h"
#include "common/timelinescrubber.h"
#include "mainwindow.h"
#include "service/snapshotsource.h"
#include "snapshot/snapshotexport.h"
#include "snapshot/snapshotfile.h"
#include "snapshotreview.h"
#include "store/store.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <filesystem>

using namespace vigil;

namespace {

constexpr int kHosts = 10'000;
constexpr TimeMs kMin = 60'000;

std::string writeCache(const std::string &path, TimeMs t0) {
    std::string err;
    auto store = Store::open(path, &err);
    if (!store)
        return err;
    const std::vector<MetricQuery> metrics{{"cpu", "CPU", MetricUnit::Ratio, "q1"},
                                           {"memory", "Memory", MetricUnit::Ratio, "q2"},
                                           {"disk", "Disk", MetricUnit::Ratio, "q3"},
                                           {"network", "Network", MetricUnit::BytesPerSecond, "q4"},
                                           {"load", "Load", MetricUnit::Number, "q5"}};
    static const char *services[] = {"web", "api", "db", "cache", "queue", "search", "auth", "billing"};
    std::vector<Host> hosts;
    for (int i = 0; i < kHosts; ++i) {
        Host h;
        char name[32];
        std::snprintf(name, sizeof name, "node-%05d:9100", i);
        h.name = name;
        const int rack = i / 40, zone = rack / 10, region = zone / 5;
        h.labels = LabelSet({{"instance", h.name},
                             {"service", services[i % 8]},
                             {"region", "r" + std::to_string(region)},
                             {"zone", "z" + std::to_string(zone)},
                             {"rack", "rack-" + std::to_string(rack)}});
        h.up = UpState::Up;
        h.sources = {"prod/prometheus"};
        hosts.push_back(std::move(h));
    }
    for (int m = 0; m < 60; ++m) {
        auto b = std::make_shared<StoreBatch>();
        b->time = t0 + m * kMin;
        b->metrics = metrics;
        const bool storm = m >= 30;
        for (int i = 0; i < kHosts; ++i) {
            Host &h = hosts[static_cast<std::size_t>(i)];
            const bool down = storm && i / 40 < 3 && m >= 30 + i / 40; // three racks go, a minute apart
            const UpState up = down ? UpState::Down : UpState::Up;
            if (m == 0 || h.up != up) {
                h.up = up;
                b->hostsChanged.push_back(h);
            }
            const double base = 0.2 + 0.6 * std::fmod(i * 0.618, 1.0);
            h.metrics = {down ? NAN : base + 0.05 * std::sin(m / 7.0), 0.5, 0.4, 1e6 * base, 4 * base};
        }
        b->hostSamples = hosts;
        SourceHealth s;
        s.id = "prod/prometheus";
        s.name = "prod";
        s.url = "http://127.0.0.1:9090";
        s.lastAttempt = s.lastSuccess = b->time;
        b->polled = {s};
        if (storm) {
            // The racks' hosts and, from minute 35, the services depending on them: ~80 new alerts a minute.
            for (int k = 0; k < 80 && m < 60; ++k) {
                Alert a;
                const int n = (m - 30) * 80 + k;
                a.fingerprint = "fp-" + std::to_string(n);
                const bool hostAlert = n < 120;
                a.labels =
                    LabelSet({{"alertname", hostAlert ? "HostDown" : "HighErrorRate"},
                              {"instance", hosts[static_cast<std::size_t>(hostAlert ? n : 200 + n)].name},
                              {"service", services[n % 8]},
                              {"severity", hostAlert ? "critical" : "warning"}});
                a.state = AlertState::Active;
                a.startsAt = b->time;
                a.seenBy = {"prod/alertmanager#0"};
                b->alertsChanged.push_back(std::move(a));
            }
        }
        store->write(b);
    }
    store->flush();
    return {};
}

} // namespace

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const std::string cache = dir.filePath(QStringLiteral("cache.sqlite")).toStdString();
    const TimeMs t0 = nowMs() / 3'600'000 * 3'600'000 - 3'600'000;
    const auto tBuild = timing::Clock::now();
    if (const std::string err = writeCache(cache, t0); !err.empty()) {
        std::fprintf(stderr, "cannot write the cache: %s\n", err.c_str());
        return 1;
    }
    std::fprintf(stdout, "# cache of %d hosts over 60 minutes written in %.0f ms\n", kHosts,
                 timing::ms(tBuild, timing::Clock::now()));
    Config config;
    SourceConfig src;
    src.name = "prod";
    src.prometheusUrl = "http://127.0.0.1:9090";
    config.sources = {src};
    const std::string file = dir.filePath(QStringLiteral("incident.vigil")).toStdString();
    std::vector<double> exports;
    snapshot::ExportResult result;
    for (int i = 0; i < 5; ++i) {
        snapshot::ExportRequest req;
        req.cachePath = cache;
        req.outPath = file;
        req.from = t0;
        req.to = t0 + 60 * kMin - 1;
        const auto a = timing::Clock::now();
        result = snapshot::exportSnapshot(config, nullptr, req);
        exports.push_back(timing::ms(a, timing::Clock::now()));
        if (!result.ok) {
            std::fprintf(stderr, "export failed: %s\n", result.error.c_str());
            return 1;
        }
    }
    std::fprintf(stdout, "# %lld hosts, %lld alerts, %lld sample rows\n",
                 static_cast<long long>(result.hosts), static_cast<long long>(result.alerts),
                 static_cast<long long>(result.sampleRows));
    std::fprintf(stdout, "BENCH snapshot.export.hosts=10000.window=1h %.0f ms\n", timing::median(exports));
    std::fprintf(stdout, "BENCH snapshot.size.hosts=10000.window=1h %.1f MB\n",
                 static_cast<double>(std::filesystem::file_size(file)) / 1e6);

    std::vector<double> opens;
    for (int i = 0; i < 5; ++i) {
        const auto a = timing::Clock::now();
        std::string err;
        auto f = snapshot::SnapshotFile::open(file, &err);
        if (!f) {
            std::fprintf(stderr, "open failed: %s\n", err.c_str());
            return 1;
        }
        SnapshotReview review(f, 0);
        review.window()->showView(QStringLiteral("triage"));
        review.window()->resize(1600, 900);
        review.window()->show();
        review.window()->repaint();
        opens.push_back(timing::ms(a, timing::Clock::now()));
        QTest::qWait(50);
    }
    std::fprintf(stdout, "BENCH snapshot.open.first_frame.hosts=10000 %.0f ms\n", timing::median(opens));

    std::string err;
    auto f = snapshot::SnapshotFile::open(file, &err);
    SnapshotReview review(f, t0 + 29 * kMin);
    review.window()->showView(QStringLiteral("triage"));
    review.window()->resize(1600, 900);
    review.window()->show();
    QTest::qWait(500);
    std::vector<double> scrubs, paints;
    QSignalSpy ready(review.source(), &FleetSource::snapshotReady);
    for (int m = 30; m < 45; ++m) {
        const auto a = timing::Clock::now();
        review.source()->setCursor(t0 + m * kMin + 30'000);
        if (!ready.wait(10'000)) {
            std::fprintf(stderr, "no snapshot for minute %d\n", m);
            return 1;
        }
        const auto b = timing::Clock::now();
        review.window()->repaint();
        scrubs.push_back(timing::ms(a, timing::Clock::now()));
        paints.push_back(timing::ms(b, timing::Clock::now()));
    }
    std::fprintf(stdout, "# of which painting %.1f ms\n", timing::median(paints));
    std::vector<double> builds, states;
    for (int m = 30; m < 45; ++m) {
        const auto a = timing::Clock::now();
        (void)f->stateAt(t0 + m * kMin + 30'000);
        const auto b = timing::Clock::now();
        (void)review.source()->buildAt(t0 + m * kMin + 30'000);
        states.push_back(timing::ms(a, b));
        builds.push_back(timing::ms(b, timing::Clock::now()));
    }
    std::fprintf(stdout,
                 "# of which the fleet at the moment: stateAt %.1f ms, rebuilt and analysed %.1f ms\n",
                 timing::median(states), timing::median(builds));
    std::fprintf(
        stdout, "# at minute 44: %zu alerts, %zu incidents\n", review.source()->current()->alerts.size(),
        review.source()->current()->triage ? review.source()->current()->triage->incidents.size() : 0);
    std::fprintf(stdout, "BENCH snapshot.scrub.hosts=10000 %.0f ms\n", timing::median(scrubs));
    return 0;
}
