// The wall display left running: `vigil --wall` watching a 10,000-host vigil-sim that runs as its own
// process, at 15 s polls, for VIGIL_SOAK_MINUTES minutes (skipped when unset: 10 gives the CPU figure,
// 60 the memory growth the issue asks for). The Vigil process's CPU time and resident memory are read
// from /proc every 2 s.
//   BENCH wall.cpu.hosts=10000 <pct> %          (CPU from minute 1 to the end, share of one core)
//   BENCH wall.rss.hosts=10000 <MiB> MiB        (median resident memory after minute 5)
//   BENCH wall.rss_growth.hosts=10000 <pct> %   (resident memory at the end against minute 5)
// Resident memory rises and falls with each poll and history load (a sawtooth of ~100 MiB at 10,000
// hosts), so the growth compares the medians of two windows of samples, the first after minute 5 and
// the last before the end (five minutes each, shorter when the run is), not two single samples; a
// comment line gives the median of every five minutes, the shape behind that figure.
// VIGIL_SOAK_CACHE names a cache file to start from (copied; the file itself is left alone): a wall
// restarted on the cache an earlier run left, whose history windows are already full, as they are on a
// wall that has run for days. Without it the cache starts empty and the history views' hour fills
// during the run.
#include "benchclock.h"
#include "procstat.h"
#include "trend.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

namespace {

struct Sample {
    double minute;
    double cpuSeconds;
    double rssMiB;
};

bool readProc(qint64 pid, double *cpuSeconds, double *rssMiB) {
    vigil::bench::ProcUsage u;
    if (!vigil::bench::readProc(pid, &u))
        return false;
    *cpuSeconds = u.cpuSeconds;
    *rssMiB = u.rssMiB;
    return true;
}

// The trend of `points` (minute, MiB) from minute 5 as a line through their five-minute medians: blocks
// far longer than a poll's swing, so near independent, and the slope's 95 % interval (Student's t) is
// one to trust. Neighbouring samples share a swing, which makes the interval of a line through every
// sample too narrow.
void printBlockTrend(const char *what, const std::vector<std::pair<double, double>> &points, double end) {
    std::vector<std::pair<double, double>> blocks;
    for (double start = 5; start + 5 <= end + 0.5; start += 5) {
        std::vector<double> in;
        for (const auto &[minute, mib] : points)
            if (minute >= start && minute < start + 5)
                in.push_back(mib);
        if (!in.empty())
            blocks.emplace_back(start + 2.5, vigil::timing::median(in));
    }
    const auto t = vigil::bench::linearTrend(blocks);
    if (!t.valid)
        return;
    const double at5 = t.intercept + t.slope * 5, span = end - 5;
    std::printf("# %s through %zu five-minute medians: %.1f MiB at minute 5, %+.2f %% to minute %.0f, 95 %% "
                "interval +-%.2f %%\n",
                what, blocks.size(), at5, 100.0 * t.slope * span / at5, end,
                100.0 * vigil::bench::studentT95(blocks.size() - 2) * t.slopeError * span / at5);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int minutes = qEnvironmentVariableIntValue("VIGIL_SOAK_MINUTES");
    if (minutes < 2) {
        std::printf("# skipped: set VIGIL_SOAK_MINUTES (10 for the CPU figure, 60 for memory growth)\n");
        return 0;
    }
    QTemporaryDir dir;
    QProcess sim;
    sim.start(qEnvironmentVariable("VIGIL_SIM_BIN"), {QStringLiteral("--hosts"), QStringLiteral("10000")});
    if (!sim.waitForReadyRead(30'000)) {
        std::printf("# vigil-sim did not start\n");
        return 1;
    }
    const QString url = QString::fromUtf8(sim.readLine()).trimmed().section(QLatin1Char(' '), -1);
    QFile cfg(dir.filePath(QStringLiteral("wall.yaml")));
    if (!cfg.open(QIODevice::WriteOnly))
        return 1;
    cfg.write(QStringLiteral(
                  "sources:\n  - name: soak\n    prometheus: %1\n    alertmanager: %1\n    interval: 15s\n"
                  "cache: {path: %2}\n")
                  .arg(url, dir.filePath(QStringLiteral("soak.sqlite")))
                  .toUtf8());
    cfg.close();
    if (const QString warm = qEnvironmentVariable("VIGIL_SOAK_CACHE"); !warm.isEmpty()) {
        if (!QFile::copy(warm, dir.filePath(QStringLiteral("soak.sqlite")))) {
            std::printf("# cannot copy the cache %s\n", qPrintable(warm));
            return 1;
        }
        std::printf("# starting from a copy of the cache %s\n", qPrintable(warm));
    }
    QProcess vigil;
    vigil.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    vigil.start(qEnvironmentVariable("VIGIL_BIN"),
                {QStringLiteral("--config"), cfg.fileName(), QStringLiteral("--wall")});
    if (!vigil.waitForStarted(10'000)) {
        std::printf("# vigil did not start\n");
        return 1;
    }
    std::vector<Sample> samples;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < static_cast<qint64>(minutes) * 60'000 && vigil.state() == QProcess::Running) {
        Sample s{static_cast<double>(clock.elapsed()) / 60'000.0, 0, 0};
        if (readProc(vigil.processId(), &s.cpuSeconds, &s.rssMiB))
            samples.push_back(s);
        QThread::sleep(2);
    }
    const bool ran = vigil.state() == QProcess::Running;
    vigil.kill();
    vigil.waitForFinished(10'000);
    sim.kill();
    sim.waitForFinished(10'000);
    if (!ran || samples.size() < 10) {
        std::printf("# vigil stopped early (%zu samples)\n", samples.size());
        return 1;
    }
    const Sample &last = samples.back();
    const double window = std::min(5.0, (last.minute - 5.0) / 2.0);
    const Sample *from = nullptr;
    std::vector<double> steady, early, late, perMinute;
    for (const auto &s : samples) {
        if (!from && s.minute >= 1)
            from = &s;
        if (s.minute >= 5)
            steady.push_back(s.rssMiB);
        if (s.minute >= 5 && s.minute < 5 + window)
            early.push_back(s.rssMiB);
        if (s.minute > last.minute - window)
            late.push_back(s.rssMiB);
    }
    for (std::size_t i = 0, j = 0; from && i < samples.size(); ++i) {
        while (j < samples.size() && samples[j].minute < samples[i].minute + 1)
            ++j;
        if (samples[i].minute >= 1 && j < samples.size())
            perMinute.push_back(100.0 * (samples[j].cpuSeconds - samples[i].cpuSeconds) /
                                ((samples[j].minute - samples[i].minute) * 60.0));
    }
    if (from && last.minute > from->minute && !perMinute.empty())
        std::printf(
            "BENCH wall.cpu.hosts=10000 %.2f %%  # minute 1 to %.0f; one-minute windows: median %.2f, "
            "min %.2f, max %.2f\n",
            100.0 * (last.cpuSeconds - from->cpuSeconds) / ((last.minute - from->minute) * 60.0), last.minute,
            vigil::timing::median(perMinute), *std::min_element(perMinute.begin(), perMinute.end()),
            *std::max_element(perMinute.begin(), perMinute.end()));
    if (window > 0 && !early.empty() && !late.empty()) {
        const double a = vigil::timing::median(early), b = vigil::timing::median(late);
        std::printf("BENCH wall.rss.hosts=10000 %.0f MiB  # median after minute 5; min %.0f, max %.0f\n",
                    vigil::timing::median(steady), *std::min_element(steady.begin(), steady.end()),
                    *std::max_element(steady.begin(), steady.end()));
        std::printf("BENCH wall.rss_growth.hosts=10000 %.2f %%  # median of minutes 5-%.1f (%.0f MiB) to "
                    "median of minutes %.1f-%.0f (%.0f MiB)\n",
                    100.0 * (b - a) / a, 5 + window, a, last.minute - window, last.minute, b);
        // The same growth as the trend of every sample from minute 5 (a least-squares line), with its 95 %
        // interval: the two windows' medians each swing by about 6 % with the sawtooth, a line through
        // every sample much less (its interval too narrow: see printBlockTrend).
        std::vector<std::pair<double, double>> points;
        for (const auto &s : samples)
            if (s.minute >= 5)
                points.emplace_back(s.minute, s.rssMiB);
        if (const auto trend = vigil::bench::linearTrend(points); trend.valid) {
            const double at5 = trend.intercept + trend.slope * 5;
            const double span = last.minute - 5;
            std::printf(
                "BENCH wall.rss_trend.hosts=10000 %.2f %%  # least squares over minutes 5-%.0f: %.1f MiB "
                "at minute 5, %+.2f MiB an hour, 95 %% interval +-%.2f %%\n",
                100.0 * trend.slope * span / at5, last.minute, at5, trend.slope * 60,
                100.0 * 1.96 * trend.slopeError * span / at5);
            // Neighbouring samples share a poll's swing, so the interval above is too narrow. The same
            // line through the five-minute medians (blocks far longer than a swing, near independent)
            // gives the interval to trust.
            printBlockTrend("the same", points, last.minute);
            // A leak raises the memory the process keeps between polls: the lowest sample of each
            // minute, the trough of the sawtooth, is that floor.
            std::vector<std::pair<double, double>> floors;
            for (double start = 5; start + 1 <= last.minute + 0.01; start += 1) {
                double low = -1;
                for (const auto &s : samples)
                    if (s.minute >= start && s.minute < start + 1 && (low < 0 || s.rssMiB < low))
                        low = s.rssMiB;
                if (low > 0)
                    floors.emplace_back(start + 0.5, low);
            }
            printBlockTrend("the floor (lowest sample of each minute)", floors, last.minute);
        }
        // The shape behind the growth figure: a leak climbs every window, a cache fills and stops.
        std::printf("# resident memory, median per five minutes (MiB):");
        for (double start = 0; start < last.minute; start += 5) {
            std::vector<double> in;
            for (const auto &s : samples)
                if (s.minute >= start && s.minute < start + 5)
                    in.push_back(s.rssMiB);
            if (!in.empty())
                std::printf(" %.0f", vigil::timing::median(in));
        }
        std::printf("\n");
    }
    return 0;
}
