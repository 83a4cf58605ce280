// What one poll costs, measured as an operator runs Vigil: a `vigil` process (main window, offscreen)
// polls Debian's real Prometheus and Alertmanager every 5 s, configured the README's way (the profile's
// 14 queries, of which the 5 fact queries are asked once a minute: facts_interval's default). Prometheus
// scrapes a vigil-sim fleet (honor_labels, 5 s scrape and rule interval; Prometheus re-sends alerts
// at its default minute) and evaluates the simulator's rules plus one that fires on every second host, so
// Alertmanager holds ~hosts/2 alerts: the workload of 5,000 hosts and ~2,500 alerts
// (VIGIL_POLLCPU_HOSTS: a comma list, default 5000,10000). Each figure is the median (min, max) of
// VIGIL_POLLCPU_MINUTES one-minute windows (default 5):
//   BENCH poll.cpu.hosts=H.alerts=A <CPU-s> CPU-s       the whole Vigil process, per poll (12 a minute)
//   BENCH poll.server_cpu.prometheus.hosts=H <CPU-s> CPU-s   Prometheus' CPU per Vigil poll, less idle
//   BENCH poll.server_cpu.alertmanager.hosts=H <CPU-s> CPU-s Alertmanager's, less idle
//   BENCH poll.server_cpu.alertmanager.nagstamon.hosts=H <CPU-s> CPU-s  one GET /api/v2/alerts every
//         5 s (what Nagstamon asks of Alertmanager), less idle
// "Idle" is the servers' CPU over two minutes with no client (scrapes and rules only).
//   BENCH memory.pss.hosts=H <MiB> MiB                  Vigil's proportional set size, end of the run
//   BENCH memory.peak_rss.hosts=H <MiB> MiB             Vigil's peak resident memory over the whole run
//         (VmHWM: start, the first polls and every poll after)
//   BENCH startup.first_incidents.cold.alerts=A <ms> ms  from main() to the first frame of triage
//         showing the incidents (VIGIL_TRACE_STARTUP=exit), an empty cache, no --view: the storm
//         opens triage; 5 starts
//   BENCH startup.first_incidents.warm.alerts=A <ms> ms  the same from the cache the run above left
// Skipped (exit 0) when prometheus or prometheus-alertmanager is not installed.
#include "benchclock.h"
#include "procstat.h"
#include "realservers.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace {

using vigil::bench::ProcUsage;
using vigil::bench::readProc;

constexpr int kIntervalS = 5;
constexpr int kPollsPerMinute = 60 / kIntervalS;

double cpuOf(const QProcess &p) {
    ProcUsage u;
    return readProc(p.processId(), &u) ? u.cpuSeconds : 0;
}

void writeFile(const QString &path, const QString &text) {
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text.toUtf8());
}

QByteArray get(const QString &url) {
    QProcess curl;
    curl.start(QStringLiteral("curl"), {QStringLiteral("-fs"), QStringLiteral("--compressed"), url});
    curl.waitForFinished(60'000);
    return curl.exitCode() == 0 ? curl.readAllStandardOutput() : QByteArray();
}

struct Figures {
    std::vector<double> vigil, prometheus, alertmanager, nagstamon, cold, warm;
    double pssMiB = 0;
    double peakRssMiB = 0;
    int alerts = 0;
};

void print(const char *name, std::vector<double> v, const char *unit, int decimals = 4) {
    if (v.empty())
        return;
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    std::printf("BENCH %s %.*f %s  # median of %zu, min %.*f, max %.*f\n", name, decimals,
                vigil::timing::median(v), unit, v.size(), decimals, *lo, decimals, *hi);
}

class Fleet {
public:
    bool start(int hosts, QString *error) {
        const QString d = m_dir.path();
        const quint16 sim = vigil::test::freePort(), am = vigil::test::freePort(),
                      prom = vigil::test::freePort();
        m_promUrl = QStringLiteral("http://127.0.0.1:%1").arg(prom);
        m_amUrl = QStringLiteral("http://127.0.0.1:%1").arg(am);
        writeFile(d + QStringLiteral("/am.yml"),
                  QStringLiteral("route:\n  receiver: sink\n  group_by: [alertname, rack]\n"
                                 "  group_wait: 1s\n  group_interval: 5s\nreceivers:\n  - name: sink\n"));
        // Every second host (its number even) is busy: a warning that stays, as load alerts do.
        writeFile(d + QStringLiteral("/bench-rules.yml"),
                  QStringLiteral("groups:\n  - name: bench\n    rules:\n      - alert: HostBusy\n"
                                 "        expr: 'vigil_sim_host_up{instance=~\".*[02468]:9100\"} == 1'\n"
                                 "        labels: {severity: warning}\n"
                                 "        annotations: {summary: '{{ $labels.instance }} is busy'}\n"));
        writeFile(d + QStringLiteral("/prometheus.yml"),
                  QStringLiteral(
                      "global:\n  scrape_interval: %4s\n  scrape_timeout: %4s\n"
                      "  evaluation_interval: %4s\n"
                      "rule_files: ['%1', '%2']\n"
                      "alerting:\n  alertmanagers:\n    - static_configs: [{targets: ['127.0.0.1:%3']}]\n"
                      "scrape_configs:\n  - job_name: sim\n    honor_labels: true\n"
                      "    static_configs: [{targets: ['127.0.0.1:%5']}]\n")
                      .arg(QStringLiteral(VIGIL_SOURCE_DIR "/resources/vigil-sim-rules.yml"),
                           d + QStringLiteral("/bench-rules.yml"))
                      .arg(am)
                      .arg(kIntervalS)
                      .arg(sim));
        m_sim = launch(qEnvironmentVariable("VIGIL_SIM_BIN"),
                       {QStringLiteral("--hosts"), QString::number(hosts), QStringLiteral("--scenario"),
                        QStringLiteral("rack-failure"), QStringLiteral("--seed"), QStringLiteral("7"),
                        QStringLiteral("--port"), QString::number(sim)});
        m_am = launch(QStringLiteral("prometheus-alertmanager"),
                      {QStringLiteral("--config.file=%1/am.yml").arg(d),
                       QStringLiteral("--storage.path=%1/am").arg(d),
                       QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(am),
                       QStringLiteral("--cluster.listen-address=")});
        m_prom = launch(QStringLiteral("prometheus"),
                        {QStringLiteral("--config.file=%1/prometheus.yml").arg(d),
                         QStringLiteral("--storage.tsdb.path=%1/prom").arg(d),
                         QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(prom)});
        for (const QProcess *p : {m_sim, m_am, m_prom})
            if (p->state() == QProcess::NotRunning) {
                *error = p->program() + QStringLiteral(" did not start");
                return false;
            }
        // Ready when Alertmanager holds (nearly) every busy host's alert.
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 300'000) {
            m_alerts =
                static_cast<int>(get(m_amUrl + QStringLiteral("/api/v2/alerts")).count("\"fingerprint\""));
            if (m_alerts >= hosts * 45 / 100)
                return true;
            QThread::sleep(2);
        }
        *error = QStringLiteral("Alertmanager holds %1 alerts after 5 minutes").arg(m_alerts);
        return false;
    }
    ~Fleet() {
        for (auto &p : m_procs) {
            p->terminate();
            if (!p->waitForFinished(10'000))
                p->kill();
            p->waitForFinished(5000);
        }
    }
    // Prometheus' and Alertmanager's CPU seconds over `seconds`, while `during` runs every 5 s.
    std::pair<double, double> serverCpu(int seconds, const std::function<void()> &during = {}) {
        const double p0 = cpuOf(*m_prom), a0 = cpuOf(*m_am);
        QElapsedTimer t;
        t.start();
        for (int tick = 0; tick < seconds / kIntervalS; ++tick) {
            if (during)
                during();
            const qint64 next = static_cast<qint64>(tick + 1) * kIntervalS * 1000;
            if (next > t.elapsed())
                QThread::msleep(static_cast<unsigned long>(next - t.elapsed()));
        }
        return {cpuOf(*m_prom) - p0, cpuOf(*m_am) - a0};
    }
    [[nodiscard]] const QString &promUrl() const { return m_promUrl; }
    [[nodiscard]] const QString &amUrl() const { return m_amUrl; }
    [[nodiscard]] int alerts() const { return m_alerts; }

private:
    QProcess *launch(const QString &program, const QStringList &args) {
        auto p = std::make_unique<QProcess>();
        p->setStandardOutputFile(QProcess::nullDevice());
        p->setStandardErrorFile(QProcess::nullDevice());
        p->start(program, args);
        p->waitForStarted(10'000);
        m_procs.push_back(std::move(p));
        return m_procs.back().get();
    }
    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<QProcess>> m_procs;
    QProcess *m_sim = nullptr, *m_am = nullptr, *m_prom = nullptr;
    QString m_promUrl, m_amUrl;
    int m_alerts = 0;
};

// One start of Vigil that exits on its first frame of incidents: the time it printed, or -1.
double startOnce(const QString &config, const QString &home) {
    QProcess vigil;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home);
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("VIGIL_TRACE_STARTUP"), QStringLiteral("exit"));
    vigil.setProcessEnvironment(env);
    vigil.setStandardOutputFile(QProcess::nullDevice());
    vigil.start(qEnvironmentVariable("VIGIL_BIN"), {QStringLiteral("--config"), config});
    if (!vigil.waitForFinished(60'000)) {
        vigil.kill();
        vigil.waitForFinished(5000);
        return -1;
    }
    for (const QByteArray &line : vigil.readAllStandardError().split('\n'))
        if (line.startsWith("startup.first_incidents "))
            return line.split(' ').at(1).toDouble();
    return -1;
}

bool measure(int hosts, int minutes, Figures *out, QString *error) {
    Fleet fleet;
    if (!fleet.start(hosts, error))
        return false;
    out->alerts = fleet.alerts();
    // The servers alone (scraping, evaluating rules), then with Nagstamon's one call per poll.
    auto idle = fleet.serverCpu(120);
    idle = {idle.first / 2, idle.second / 2};
    for (int m = 0; m < minutes; ++m) {
        const auto nag = fleet.serverCpu(60, [&] { get(fleet.amUrl() + QStringLiteral("/api/v2/alerts")); });
        out->nagstamon.push_back(std::max(0.0, nag.second - idle.second) / kPollsPerMinute);
    }

    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("vigil.yaml"));
    writeFile(config, QStringLiteral("sources:\n  - name: bench\n    prometheus: %1\n    alertmanager: %2\n"
                                     "    interval: %3s\nprofile:\n  up: vigil_sim_host_up\n"
                                     "cache: {path: %4}\n")
                          .arg(fleet.promUrl(), fleet.amUrl())
                          .arg(kIntervalS)
                          .arg(dir.filePath(QStringLiteral("cache.sqlite"))));
    QProcess vigil;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
    env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    vigil.setProcessEnvironment(env);
    vigil.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    vigil.setStandardOutputFile(QProcess::nullDevice());
    // The host table, as every version of Vigil opened it (a storm would open triage now).
    vigil.start(qEnvironmentVariable("VIGIL_BIN"),
                {QStringLiteral("--config"), config, QStringLiteral("--view"), QStringLiteral("hosts")});
    if (!vigil.waitForStarted(10'000)) {
        *error = QStringLiteral("vigil did not start");
        return false;
    }
    QThread::sleep(30); // the first polls: the cache fills, the views are built
    for (int m = 0; m < minutes && vigil.state() == QProcess::Running; ++m) {
        const double v0 = cpuOf(vigil);
        const auto servers = fleet.serverCpu(60);
        out->vigil.push_back((cpuOf(vigil) - v0) / kPollsPerMinute);
        out->prometheus.push_back(std::max(0.0, servers.first - idle.first) / kPollsPerMinute);
        out->alertmanager.push_back(std::max(0.0, servers.second - idle.second) / kPollsPerMinute);
    }
    ProcUsage u;
    if (readProc(vigil.processId(), &u)) {
        out->pssMiB = u.pssMiB;
        out->peakRssMiB = u.peakRssMiB;
    }
    const bool ran = vigil.state() == QProcess::Running;
    vigil.terminate();
    if (!vigil.waitForFinished(20'000))
        vigil.kill();
    if (!ran) {
        *error = QStringLiteral("vigil stopped during the run");
        return false;
    }
    // Time to the cause: warm from the cache the run above kept, cold from an empty one each time.
    for (int i = 0; i < 5; ++i) {
        out->warm.push_back(startOnce(config, dir.path()));
        QTemporaryDir cold;
        const QString coldConfig = cold.filePath(QStringLiteral("vigil.yaml"));
        QFile::copy(config, coldConfig);
        QFile f(coldConfig);
        f.open(QIODevice::ReadWrite);
        QString text = QString::fromUtf8(f.readAll());
        text.replace(dir.filePath(QStringLiteral("cache.sqlite")),
                     cold.filePath(QStringLiteral("cache.sqlite")));
        f.resize(0);
        f.write(text.toUtf8());
        f.close();
        out->cold.push_back(startOnce(coldConfig, cold.path()));
    }
    for (const auto *v : {&out->cold, &out->warm})
        if (std::find(v->begin(), v->end(), -1.0) != v->end()) {
            *error = QStringLiteral("a start never painted incidents in triage");
            return false;
        }
    return true;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    for (const char *b : {"prometheus", "prometheus-alertmanager", "curl"})
        if (QStandardPaths::findExecutable(QLatin1String(b)).isEmpty()) {
            std::printf("# skipped: %s is not installed\n", b);
            return 0;
        }
    const int minutes = std::max(1, qEnvironmentVariableIntValue("VIGIL_POLLCPU_MINUTES") > 0
                                        ? qEnvironmentVariableIntValue("VIGIL_POLLCPU_MINUTES")
                                        : 5);
    const QString list = qEnvironmentVariable("VIGIL_POLLCPU_HOSTS", QStringLiteral("5000,10000"));
    int status = 0;
    for (const QString &h : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int hosts = h.toInt();
        Figures f;
        QString error;
        if (!measure(hosts, minutes, &f, &error)) {
            std::printf("# %d hosts: %s\n", hosts, qPrintable(error));
            status = 1;
            continue;
        }
        const QByteArray cpu =
            QStringLiteral("poll.cpu.hosts=%1.alerts=%2").arg(hosts).arg(hosts / 2).toUtf8();
        std::printf("# %d hosts, %d alerts in Alertmanager at the start, polls every %d s\n", hosts, f.alerts,
                    kIntervalS);
        print(cpu.constData(), f.vigil, "CPU-s");
        print(QStringLiteral("poll.server_cpu.prometheus.hosts=%1").arg(hosts).toUtf8().constData(),
              f.prometheus, "CPU-s");
        print(QStringLiteral("poll.server_cpu.alertmanager.hosts=%1").arg(hosts).toUtf8().constData(),
              f.alertmanager, "CPU-s");
        print(
            QStringLiteral("poll.server_cpu.alertmanager.nagstamon.hosts=%1").arg(hosts).toUtf8().constData(),
            f.nagstamon, "CPU-s");
        std::printf("BENCH memory.pss.hosts=%d %.0f MiB\n", hosts, f.pssMiB);
        std::printf("BENCH memory.peak_rss.hosts=%d %.0f MiB\n", hosts, f.peakRssMiB);
        print(QStringLiteral("startup.first_incidents.cold.alerts=%1").arg(hosts / 2).toUtf8().constData(),
              f.cold, "ms", 1);
        print(QStringLiteral("startup.first_incidents.warm.alerts=%1").arg(hosts / 2).toUtf8().constData(),
              f.warm, "ms", 1);
        std::fflush(stdout);
    }
    return status;
}
