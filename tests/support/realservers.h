#pragma once
// Starts Debian's real prometheus, prometheus-alertmanager and prometheus-node-exporter on 127.0.0.1
// with free ports and temporary data directories, waits for readiness, keeps their logs, and stops
// every process it started by PID (also when a test fails: the destructor).
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <vector>

namespace vigil::test {

inline quint16 freePort() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

class RealServers {
public:
    struct Proc {
        QString name;
        std::unique_ptr<QProcess> process;
        QString log;
        QStringList args;
    };

    static bool available(QString *missing) {
        for (const char *b : {"prometheus", "prometheus-alertmanager", "prometheus-node-exporter"})
            if (QStandardPaths::findExecutable(QLatin1String(b)).isEmpty()) {
                *missing = QLatin1String(b);
                return false;
            }
        return true;
    }

    ~RealServers() { stop(); }

    bool start(QString *error) {
        nodePort = freePort();
        amPort = freePort();
        promPort = freePort();
        simPort = freePort();
        const QString dir = m_dir.path();
        writeFile(
            dir + QStringLiteral("/alertmanager.yml"),
            "route:\n  receiver: sink\n  group_by: [alertname]\n  group_wait: 1s\n  group_interval: 1s\n"
            "  routes:\n"
            "    - matchers: [severity=\"critical\"]\n      receiver: pager\n      group_by: [alertname, "
            "rack]\n"
            "    - matchers: [alertname=~\"Disk.*\"]\n      receiver: sink\n      group_wait: 5s\n"
            "receivers:\n  - name: sink\n  - name: pager\n"
            "inhibit_rules:\n  - source_matchers: [alertname=\"SwitchDown\"]\n    target_matchers: "
            "[alertname=\"TargetDown\"]\n"
            "    equal: [rack]\n"
            "  - source_matchers: [alertname=\"SwitchDown\"]\n    target_matchers: "
            "[alertname=\"HostDown\"]\n"
            "    equal: [rack]\n");
        writeFile(dir + QStringLiteral("/prometheus.yml"),
                  QStringLiteral(
                      "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                      // As kube-prometheus: Alertmanager's copies carry these, /api/v1/alerts' do not.
                      "  external_labels: {cluster: e2e, prometheus: monitoring/k8s, prometheus_replica: "
                      "prometheus-k8s-0}\n"
                      "rule_files: ['%1', '%5']\n"
                      "alerting:\n  alert_relabel_configs: [{action: labeldrop, regex: prometheus_replica}]\n"
                      "  alertmanagers:\n    - static_configs: [{targets: ['127.0.0.1:%2']}]\n"
                      "scrape_configs:\n"
                      "  - job_name: node\n    static_configs:\n      - targets: ['127.0.0.1:%3']\n"
                      "        labels: {region: eu1, zone: eu1-a, rack: eu1-a-r01, role: web}\n"
                      "  - job_name: gone\n    static_configs:\n      - targets: ['127.0.0.1:1']\n"
                      "        labels: {region: eu1, zone: eu1-b, rack: eu1-b-r02, role: db}\n"
                      "  - job_name: sim\n    honor_labels: true\n    static_configs:\n"
                      "      - targets: ['127.0.0.1:%4']\n")
                      .arg(QStringLiteral(VIGIL_SOURCE_DIR "/resources/vigil-rules.yml"))
                      .arg(amPort)
                      .arg(nodePort)
                      .arg(simPort)
                      .arg(QStringLiteral(VIGIL_SOURCE_DIR "/resources/vigil-sim-rules.yml"))
                      .toUtf8());
        launch(QStringLiteral("prometheus-node-exporter"),
               {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(nodePort)});
        launch(qEnvironmentVariable("VIGIL_SIM_BIN", QStringLiteral("vigil-sim")),
               {QStringLiteral("--hosts"), QString::number(simHosts), QStringLiteral("--scenario"),
                QStringLiteral("rack-failure"), QStringLiteral("--seed"), QStringLiteral("7"),
                QStringLiteral("--port"), QString::number(simPort)});
        launch(QStringLiteral("prometheus-alertmanager"),
               {QStringLiteral("--config.file=%1/alertmanager.yml").arg(dir),
                QStringLiteral("--storage.path=%1/am").arg(dir),
                QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(amPort),
                QStringLiteral("--cluster.listen-address=")});
        launch(QStringLiteral("prometheus"),
               {QStringLiteral("--config.file=%1/prometheus.yml").arg(dir),
                QStringLiteral("--storage.tsdb.path=%1/prom").arg(dir),
                QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(promPort),
                QStringLiteral("--web.external-url=http://127.0.0.1:%1/").arg(promPort),
                QStringLiteral("--rules.alert.resend-delay=1s")});
        for (auto &p : m_procs)
            if (!p.process->waitForStarted(10000)) {
                *error = p.name + QStringLiteral(" did not start: ") + p.process->errorString();
                return false;
            }
        return waitReady(QStringLiteral("http://127.0.0.1:%1/metrics").arg(nodePort), error) &&
               waitReady(QStringLiteral("http://127.0.0.1:%1/metrics").arg(simPort), error) &&
               waitReady(QStringLiteral("http://127.0.0.1:%1/-/ready").arg(amPort), error) &&
               waitReady(QStringLiteral("http://127.0.0.1:%1/-/ready").arg(promPort), error);
    }

    void stop() {
        for (auto &p : m_procs) {
            if (p.process && p.process->state() != QProcess::NotRunning) {
                p.process->terminate();
                if (!p.process->waitForFinished(5000)) {
                    p.process->kill();
                    p.process->waitForFinished(2000);
                }
            }
        }
    }

    // Stops one server by its PID (SIGTERM, then SIGKILL), as an outage would.
    bool stopServer(const QString &program) {
        for (auto &p : m_procs)
            if (p.name == program && p.process->state() != QProcess::NotRunning) {
                p.log += QString::fromUtf8(p.process->readAll());
                p.process->terminate();
                if (!p.process->waitForFinished(10000)) {
                    p.process->kill();
                    p.process->waitForFinished(2000);
                }
                return true;
            }
        return false;
    }
    // Starts it again with the same arguments (same port and data directory) and waits until ready.
    bool restartServer(const QString &program, const QString &readyUrl, QString *error) {
        for (auto &p : m_procs)
            if (p.name == program) {
                p.process->start(program, p.args);
                if (!p.process->waitForStarted(10000)) {
                    *error = program + QStringLiteral(" did not restart");
                    return false;
                }
                return waitReady(readyUrl, error);
            }
        *error = program + QStringLiteral(" was never started");
        return false;
    }

    // Everything the servers printed, for a failing test's output.
    QString logs() {
        QString out;
        for (auto &p : m_procs)
            out += QStringLiteral("----- %1 -----\n%2\n")
                       .arg(p.name, QString(p.log + QString::fromUtf8(p.process->readAll())).right(4000));
        return out;
    }

    QString promUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(promPort); }
    QString amUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(amPort); }
    QString simUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(simPort); }
    QString nodeInstance() const { return QStringLiteral("127.0.0.1:%1").arg(nodePort); }

    quint16 nodePort = 0, amPort = 0, promPort = 0, simPort = 0;
    static constexpr int simHosts = 120; // three racks; the rack-failure scenario takes one down

private:
    static void writeFile(const QString &path, const QByteArray &data) {
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(data);
    }
    void launch(const QString &program, const QStringList &args) {
        Proc p{program, std::make_unique<QProcess>(), {}, args};
        p.process->setProcessChannelMode(QProcess::MergedChannels);
        p.process->start(program, args);
        m_procs.push_back(std::move(p));
    }
    bool waitReady(const QString &url, QString *error) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000) {
            if (QProcess::execute(QStringLiteral("curl"), {QStringLiteral("-fs"), QStringLiteral("-o"),
                                                           QStringLiteral("/dev/null"), url}) == 0)
                return true;
            QTest::qWait(200);
        }
        *error = url + QStringLiteral(" not ready within 20 s\n") + logs();
        return false;
    }

    QTemporaryDir m_dir;
    std::vector<Proc> m_procs;
};

} // namespace vigil::test
