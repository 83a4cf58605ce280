// Vigil against Debian's real prometheus 2.42, prometheus-alertmanager 0.25 and node_exporter 1.5.
#include "analysis/fleetgraph.h"
#include "analysis/metricgrid.h"
#include "item/incidentmodel.h"
#include "mainwindow.h"
#include "realservers.h"
#include "service/fleetservice.h"
#include "service/historyloader.h"
#include "service/snapshotsource.h"
#include "snapshot/snapshotfile.h"
#include "triage/silencedialog.h"
#include "triage/triageview.h"
#include "wallcontroller.h"
#include "wallwindow.h"

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTableView>
#include <QTimer>

#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QProcess>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

using namespace vigil;

class TestRealServers : public QObject {
    Q_OBJECT
    std::unique_ptr<test::RealServers> m_servers;
    std::unique_ptr<FleetService> m_service;
    QTemporaryDir m_dir;

    bool waitFor(const std::function<bool(const FleetSnapshot &)> &pred, int timeoutMs) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (pred(*m_service->current()))
                return true;
            QSignalSpy spy(m_service.get(), &FleetService::snapshotReady);
            spy.wait(500);
        }
        return pred(*m_service->current());
    }
    static const SourceHealth *source(const FleetSnapshot &s, SourceKind kind) {
        for (const auto &h : s.sources)
            if (h.kind == kind)
                return &h;
        return nullptr;
    }
    static const Alert *alert(const FleetSnapshot &s, std::string_view name) {
        for (const auto &a : s.alerts)
            if (a.name() == name)
                return &a;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() {
        QString missing;
        if (!test::RealServers::available(&missing)) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable(missing + QStringLiteral(" is not installed; .ci/run must install it")));
            QSKIP(qPrintable(missing +
                             QStringLiteral(" is not installed (scripts/install-deps.sh installs it)")));
        }
        m_servers = std::make_unique<test::RealServers>();
        QString error;
        QVERIFY2(m_servers->start(&error), qPrintable(error));
        Config c;
        SourceConfig s;
        s.name = "e2e";
        s.prometheusUrl = m_servers->promUrl().toStdString();
        s.alertmanagerUrls = {m_servers->amUrl().toStdString()};
        s.intervalMs = 1000;
        c.sources = {s};
        // The simulator's hosts arrive through one scrape target with honor_labels; its per-host
        // vigil_sim_host_up stands in for the per-target `up` of a fleet scraped host by host.
        c.profile.upQuery = "up{job!=\"sim\"} or vigil_sim_host_up";
        c.cachePath = m_dir.filePath(QStringLiteral("e2e.sqlite")).toStdString();
        m_service = std::make_unique<FleetService>(c);
        m_service->start();
    }

    void cleanupTestCase() {
        if (m_service)
            m_service->stop();
        if (m_servers)
            m_servers->stop();
    }

    void cleanup() {
        if (QTest::currentTestFailed() && m_servers)
            qWarning().noquote() << m_servers->logs();
    }

    void inventoryAndFactsFromNodeExporter() {
        const std::string node = m_servers->nodeInstance().toStdString();
        QVERIFY2(waitFor(
                     [&](const FleetSnapshot &s) {
                         const Host *h = s.host(node);
                         return h && h->up == UpState::Up && !std::isnan(h->metrics[0]) &&
                                !std::isnan(h->metrics[1]);
                     },
                     60000),
                 "node_exporter's host with CPU and memory never appeared");
        const auto snap = m_service->current();
        QCOMPARE(snap->hosts.size(), std::size_t(2 + test::RealServers::simHosts));
        const Host *h = snap->host(node);
        QCOMPARE(std::string(h->labels.value("rack")), std::string("eu1-a-r01"));
        QVERIFY(h->metrics[0] >= 0 && h->metrics[0] <= 1);
        QVERIFY(h->metrics[1] > 0 && h->metrics[1] < 1);
        QCOMPARE(snap->host("127.0.0.1:1")->up, UpState::Down);
        // The real kernel, as node_uname_info reports it.
        bool sawKernel = false;
        for (const auto &f : snap->facts)
            if (f.host == node && f.name == "uname.release")
                sawKernel = QString::fromStdString(f.value) == QSysInfo::kernelVersion();
        QVERIFY(sawKernel);
        // And the real OS, as node_os_info reports it from /etc/os-release.
        bool sawOs = false;
        for (const auto &f : snap->facts)
            if (f.host == node && f.name == "os.id")
                sawOs = QString::fromStdString(f.value) == QSysInfo::productType();
        QVERIFY(sawOs);
        QVERIFY(source(*snap, SourceKind::Prometheus)->version.starts_with("2.42"));
    }

    // vigil-sim's own Prometheus API, asked directly: what the simulator says it exports.
    nlohmann::json simQuery(const QString &promql) {
        QProcess curl;
        curl.start(QStringLiteral("curl"),
                   {QStringLiteral("-fsG"), m_servers->simUrl() + QStringLiteral("/api/v1/query"),
                    QStringLiteral("--data-urlencode"), QStringLiteral("query=") + promql});
        curl.waitForFinished(10000);
        return nlohmann::json::parse(curl.readAllStandardOutput().toStdString(), nullptr, false);
    }

    void prometheusScrapesTheSimulatedFleet() {
        const auto truth = simQuery(QStringLiteral("up"));
        QVERIFY(truth.is_object() && truth["status"] == "success");
        const auto &series = truth["data"]["result"];
        QCOMPARE(int(series.size()), test::RealServers::simHosts);
        const std::string first = series[0]["metric"]["instance"];
        QVERIFY2(waitFor(
                     [&](const FleetSnapshot &s) {
                         const Host *h = s.host(first);
                         return h && h->up != UpState::Unknown;
                     },
                     60000),
                 "the simulated fleet never arrived through the real Prometheus");
        const auto snap = m_service->current();
        const int memory = m_service->config().profile.metricIndex("memory");
        const auto memTruth =
            simQuery(QString::fromStdString(m_service->config().profile.metrics[memory].query));
        std::vector<double> errors;
        for (const auto &sr : series) {
            const auto &m = sr["metric"];
            const Host *h = snap->host(m["instance"].get<std::string>());
            QVERIFY2(h, m["instance"].get<std::string>().c_str());
            for (const char *label : {"region", "zone", "rack", "role", "service"})
                QCOMPARE(std::string(h->labels.value(label)), m[label].get<std::string>());
            const bool up = sr["value"][1] == "1";
            QCOMPARE(h->up, up ? UpState::Up : UpState::Down);
            if (!up)
                continue;
            for (const auto &v : memTruth["data"]["result"])
                if (v["metric"]["instance"] == m["instance"])
                    errors.push_back(
                        std::abs(h->metrics[memory] - std::stod(v["value"][1].template get<std::string>())));
        }
        QCOMPARE(int(errors.size()), test::RealServers::simHosts - 40); // one rack of 40 is down
        // Within scrape timing: the scrape and Vigil's poll are up to two seconds apart.
        std::sort(errors.begin(), errors.end());
        qInfo("memory |vigil - sim|: median %.4f, max %.4f", errors[errors.size() / 2], errors.back());
        QVERIFY(errors[errors.size() / 2] < 0.03);
        QVERIFY(errors.back() < 0.1);
    }

    nlohmann::json simTruth() {
        QProcess curl;
        curl.start(QStringLiteral("curl"),
                   {QStringLiteral("-fs"), m_servers->simUrl() + QStringLiteral("/sim/truth")});
        curl.waitForFinished(10000);
        return nlohmann::json::parse(curl.readAllStandardOutput().toStdString(), nullptr, false);
    }

    // The simulator's rack failure, raised by real Prometheus rules and inhibited by real Alertmanager:
    // Vigil sees the hosts' alerts inhibited by the switch alert, and triage names the rack.
    void rackFailureStormThroughRealRules() {
        const auto truth = simTruth();
        QVERIFY(truth.is_object());
        const std::string rack = truth["failedRack"];
        QVERIFY(!rack.empty());
        auto switchAlert = [&](const FleetSnapshot &s) -> const Alert * {
            for (const auto &a : s.alerts)
                if (a.name() == "SwitchDown" && a.labels.value("rack") == rack &&
                    std::find(a.seenBy.begin(), a.seenBy.end(), "e2e/alertmanager#0") != a.seenBy.end())
                    return &a;
            return nullptr;
        };
        auto inhibitedHosts = [&](const FleetSnapshot &s) {
            const Alert *sw = switchAlert(s);
            int n = 0;
            for (const auto &a : s.alerts)
                n += sw && a.name() == "HostDown" && a.labels.value("rack") == rack &&
                     a.inhibitedBy.size() == 1 && a.inhibitedBy[0] == sw->fingerprint &&
                     a.state == AlertState::Suppressed;
            return n;
        };
        QVERIFY2(waitFor([&](const FleetSnapshot &s) { return inhibitedHosts(s) == 40; }, 90000),
                 "the rack's 40 HostDown alerts never arrived inhibited by SwitchDown");
        const auto snap = m_service->current();
        QVERIFY(snap->triage);
        const Alert *sw = switchAlert(*snap);
        const auto swIndex = static_cast<std::size_t>(sw - snap->alerts.data());
        const auto &inc =
            snap->triage->incidents[static_cast<std::size_t>(snap->triage->incidentOf[swIndex])];
        QCOMPARE(inc.causeKind, analysis::CauseKind::Group);
        QCOMPARE(inc.causeName, rack);
        QVERIFY(inc.inhibitedLinks >= 40);
        QVERIFY(inc.alerts.size() >= 41);
        QVERIFY(inc.confidence > 0.9);
        // Alertmanager's own grouping (critical alerts routed to the pager, grouped by alertname and
        // rack) sits beside it: the rack's HostDown group falls entirely into that one incident.
        QVERIFY(waitFor(
            [&](const FleetSnapshot &s) {
                for (const auto &g : s.amGroups)
                    if (g.receiver == "pager" && g.labels.value("alertname") == "HostDown" &&
                        g.labels.value("rack") == rack)
                        return g.fingerprints.size() == 40;
                return false;
            },
            30000));
        const auto now = m_service->current();
        for (std::size_t g = 0; g < now->amGroups.size(); ++g)
            if (now->amGroups[g].labels.value("alertname") == "HostDown" &&
                now->amGroups[g].labels.value("rack") == rack) {
                const auto &view = now->triage->amGroups[g];
                QCOMPARE(view.alerts, 40);
                QCOMPARE(view.incidents, 1);
                QCOMPARE(now->triage->incidents[static_cast<std::size_t>(view.topIncident)].causeName, rack);
            }
    }

    // `vigil triage` for scripts, against the same real servers: the rack is the first incident,
    // its HostDown and SwitchDown alerts at the cause; no alert counted twice (external labels).
    void triageCommandNamesTheRack() {
        const auto truth = simTruth();
        const std::string rack = truth["failedRack"];
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("vigil.yaml"));
        QFile out(config);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(
            QStringLiteral("sources:\n  - name: e2e\n    prometheus: %1\n    alertmanager: %2\n"
                           "    interval: 1s\nprofile:\n  up: 'up{job!=\"sim\"} or vigil_sim_host_up'\n")
                .arg(m_servers->promUrl(), m_servers->amUrl())
                .toUtf8());
        out.close();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.path());
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("VIGIL_BIN"),
                {QStringLiteral("triage"), QStringLiteral("--config"), config, QStringLiteral("--format"),
                 QStringLiteral("json"), QStringLiteral("--settle"), QStringLiteral("3"),
                 QStringLiteral("--cache"), dir.filePath(QStringLiteral("t.sqlite"))});
        QVERIFY(p.waitForFinished(120000));
        const QByteArray stdoutText = p.readAllStandardOutput();
        QVERIFY2(p.exitCode() == 1, p.readAllStandardError().constData()); // a critical incident
        const auto j = nlohmann::json::parse(stdoutText.toStdString(), nullptr, false);
        QVERIFY2(j.is_object() && !j["incidents"].empty(), stdoutText.constData());
        const auto &top = j["incidents"][0];
        QCOMPARE(top["cause"]["kind"].get<std::string>(), std::string("group"));
        QCOMPARE(top["cause"]["name"].get<std::string>(), rack);
        std::map<std::string, int> atCause;
        for (const auto &n : top["byAlertname"])
            if (n["atCause"].get<bool>())
                atCause[n["alertname"].get<std::string>()] = n["count"].get<int>();
        QCOMPARE(atCause["HostDown"], 40);
        QCOMPARE(atCause["SwitchDown"], 1);
        for (const auto &src : j["sources"])
            QVERIFY2(src["ok"].get<bool>(), src.dump().c_str());
    }

    // `vigil snapshot export` headless against the real servers: the file holds the rack's storm as
    // real Prometheus rules raised it and real Alertmanager inhibited it, and replays it offline.
    void snapshotExportHeadless() {
        const auto truth = simTruth();
        const std::string rack = truth["failedRack"];
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("vigil.yaml"));
        QFile out(config);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(
            QStringLiteral("sources:\n  - name: e2e\n    prometheus: %1\n    alertmanager: %2\n"
                           "    interval: 1s\nprofile:\n  up: 'up{job!=\"sim\"} or vigil_sim_host_up'\n")
                .arg(m_servers->promUrl(), m_servers->amUrl())
                .toUtf8());
        out.close();
        const QString file = dir.filePath(QStringLiteral("storm.vigil"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.path());
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("VIGIL_BIN"),
                {QStringLiteral("snapshot"), QStringLiteral("export"), QStringLiteral("--config"), config,
                 QStringLiteral("--from"), QStringLiteral("3m"), QStringLiteral("--out"), file,
                 QStringLiteral("--cache"), dir.filePath(QStringLiteral("s.sqlite"))});
        QVERIFY(p.waitForFinished(120000));
        const QByteArray err = p.readAllStandardError();
        // 1: written with gaps (Prometheus has not been up for the whole window), never an error.
        QVERIFY2(p.exitCode() == 0 || p.exitCode() == 1, err.constData());
        QVERIFY2(p.readAllStandardOutput().contains("wrote"), err.constData());
        std::string error;
        const auto snap = snapshot::SnapshotFile::open(file.toStdString(), &error);
        QVERIFY2(snap, error.c_str());
        // The minutes before the export's first poll came from Prometheus' range API.
        QVERIFY(snap->info().to - snap->info().from >= 3 * 60'000 - 1000);
        const auto end = snap->stateAt(snap->info().to);
        QVERIFY(end.hosts.size() >= 40);
        int inhibited = 0, switches = 0;
        for (const auto &a : end.alerts) {
            switches += a.name() == "SwitchDown" && a.labels.value("rack") == rack;
            inhibited += a.name() == "HostDown" && a.labels.value("rack") == rack &&
                         a.state == AlertState::Suppressed && !a.inhibitedBy.empty();
        }
        QVERIFY(switches >= 1);
        QCOMPARE(inhibited, 40);
        // Replayed offline through the same triage: the rack is the cause.
        SnapshotSource source(snap);
        const auto replay = source.buildAt(snap->info().to);
        QVERIFY(replay->triage && !replay->triage->incidents.empty());
        QCOMPARE(replay->triage->incidents[0].causeName, rack);
    }

    // The on-call path: select the incident in the triage view, press s, accept the form; the silence
    // lands in the real Alertmanager and holds the switch alert; e expires it again.
    void silenceTheIncidentFromTheTriageView() {
        MainWindow window(m_service.get(), m_service.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showView(QStringLiteral("triage"));
        TriageView *view = window.triageView();
        const std::string rack = simTruth()["failedRack"];
        const QString key =
            QStringLiteral("group:") +
            QString::fromStdString(m_service->current()->graph->path(
                m_service->current()->graph->group(LabelSet(std::vector<Label>{{"rack", rack}}))));
        QTRY_VERIFY_WITH_TIMEOUT(view->incidents()->model()->rowCount() > 0, 10000);
        for (int r = 0; r < view->incidents()->model()->rowCount() && view->selectedKey() != key; ++r)
            view->incidents()->setCurrentIndex(view->incidents()->model()->index(r, 0));
        QCOMPARE(view->selectedKey(), key);
        QString preview;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<SilenceDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            preview = dialog->preview()->text();
            dialog->commentEdit()->setText(QStringLiteral("tor switch replaced"));
            dialog->accept();
        });
        view->openSilenceDialog();
        // The switch alert, and nothing the switch already inhibits.
        QVERIFY2(
            QRegularExpression(QStringLiteral("will match [1-9]\\d* active alert")).match(preview).hasMatch(),
            qPrintable(preview));
        auto silencedSwitch = [&](const FleetSnapshot &s) -> std::string {
            for (const auto &a : s.alerts)
                if (a.name() == "SwitchDown" && a.labels.value("rack") == rack && a.silencedBy.size() == 1)
                    return a.silencedBy[0];
            return {};
        };
        QVERIFY2(waitFor([&](const FleetSnapshot &s) { return !silencedSwitch(s).empty(); }, 30000),
                 "the silence never held the switch alert");
        const std::string id = silencedSwitch(*m_service->current());
        bool listed = false;
        for (const auto &s : m_service->current()->silences)
            listed = listed || (s.id == id && s.comment == "tor switch replaced" && s.matchers.size() == 1 &&
                                s.matchers[0].name == "rack" && s.matchers[0].value == rack);
        QVERIFY(listed);
        QTRY_COMPARE_WITH_TIMEOUT(view->selectedKey(), key, 10000);
        view->expireSelected();
        QVERIFY2(waitFor([&](const FleetSnapshot &s) { return silencedSwitch(s).empty(); }, 30000),
                 "expiring from the view did not restore the switch alert");
    }

    // An Alertmanager cluster's members report the same alerts: Vigil shows each alert once, tagged
    // with every member that reported it. (Two URLs of one server stand in for two members here.)
    void severalAlertmanagerUrlsAreDeduplicated() {
        Config c = m_service->config();
        c.sources[0].alertmanagerUrls = {m_servers->amUrl().toStdString(),
                                         m_servers->amUrl().toStdString() + "/"};
        QTemporaryDir dir;
        c.cachePath = dir.filePath(QStringLiteral("ha.sqlite")).toStdString();
        FleetService ha(c);
        ha.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const Alert *a = alert(*ha.current(), "TargetDown");
                return a && a->seenBy.size() == 3;
            }(),
            30000);
        const auto snap = ha.current();
        int targetDown = 0;
        for (const auto &a : snap->alerts)
            targetDown += a.name() == "TargetDown";
        QCOMPARE(targetDown, 1);
        const Alert *a = alert(*snap, "TargetDown");
        QCOMPARE(a->seenBy,
                 (std::vector<std::string>{"e2e/alertmanager#0", "e2e/alertmanager#1", "e2e/prometheus"}));
        // Prometheus sets external labels (cluster, prometheus): its copy is the same alert as
        // Alertmanager's, with Alertmanager's labels.
        QCOMPARE(a->labels.value("cluster"), std::string_view("e2e"));
        QCOMPARE(a->labels.value("prometheus"), std::string_view("monitoring/k8s"));
        QVERIFY(!a->labels.has("prometheus_replica")); // dropped before Alertmanager, as the Operator does
        // The same holds for every alert: no fingerprint twice, and no alert twice under two
        // fingerprints (its labels without the external ones).
        std::set<std::string> fps, own;
        for (const auto &x : snap->alerts) {
            QVERIFY(fps.insert(x.fingerprint).second);
            LabelSet l = x.labels;
            l.remove("cluster");
            l.remove("prometheus");
            QVERIFY2(own.insert(l.toString()).second, l.toString().c_str());
        }
        ha.stop();
    }

    // Prometheus stops mid-run: Vigil says so, marks the data stale, keeps what it had, and recovers
    // by itself when Prometheus is back.
    void prometheusStoppedMidRun() {
        const auto before = m_service->current();
        const std::size_t hosts = before->hosts.size();
        QVERIFY(hosts > 0);
        // The wall display watches the same fleet: its banner comes and goes by itself.
        WallController wall(m_service.get(), WallConfig{});
        wall.start(QSize(1280, 720));
        WallWindow *screen = wall.windows().front();
        QTRY_VERIFY_WITH_TIMEOUT(!screen->banner()->isVisible(), 10000);
        QElapsedTimer sinceStop;
        sinceStop.start();
        QVERIFY(m_servers->stopServer(QStringLiteral("prometheus")));
        QTRY_VERIFY_WITH_TIMEOUT(screen->banner()->isVisible(), 10000);
        const qint64 bannerAfterMs = sinceStop.elapsed();
        qInfo("wall: stale banner %lld ms after Prometheus stopped (interval 1000 ms)", bannerAfterMs);
        // Two intervals without an answer, then at most one tick of the wall's clock (and slack for a
        // loaded machine).
        QVERIFY2(bannerAfterMs <= 2 * 1000 + 1000 + 2000, qPrintable(QString::number(bannerAfterMs)));
        QVERIFY2(screen->banner()->text().contains(QStringLiteral("DATA STALE")) &&
                     screen->banner()->text().contains(QStringLiteral("e2e/prometheus")),
                 qPrintable(screen->banner()->text()));
        QVERIFY(screen->dimmed());
        QVERIFY2(waitFor(
                     [](const FleetSnapshot &s) {
                         const SourceHealth *p = source(s, SourceKind::Prometheus);
                         return p && !p->healthy() && p->isStale(nowMs());
                     },
                     30000),
                 "Vigil never marked the stopped Prometheus unhealthy and stale");
        const auto during = m_service->current();
        QVERIFY(!source(*during, SourceKind::Prometheus)->lastError.empty());
        QVERIFY(during->anyStale(nowMs()));
        QCOMPARE(during->hosts.size(), hosts); // the cached fleet stays on screen
        QVERIFY(source(*during, SourceKind::Alertmanager)->healthy());
        QString error;
        QVERIFY2(m_servers->restartServer(QStringLiteral("prometheus"),
                                          m_servers->promUrl() + QStringLiteral("/-/ready"), &error),
                 qPrintable(error));
        // A restarted Prometheus may answer before its first scrape of every target: Vigil shows what
        // it answers, and is whole again once the targets are scraped.
        QVERIFY2(waitFor(
                     [&](const FleetSnapshot &s) {
                         const SourceHealth *p = source(s, SourceKind::Prometheus);
                         return p && p->healthy() && !p->isStale(nowMs()) && s.hosts.size() == hosts;
                     },
                     60000),
                 "Vigil did not recover when Prometheus came back");
        QTRY_VERIFY_WITH_TIMEOUT(!screen->banner()->isVisible(), 5000);
        QVERIFY(!screen->dimmed());
    }

    // The example configuration from resources/, pointed at the harness, renders every view to PNG.
    void everyViewRendersWithTheExampleConfig() {
        QFile example(QStringLiteral(VIGIL_SOURCE_DIR "/resources/vigil.example.yaml"));
        QVERIFY(example.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(example.readAll());
        text.replace(QStringLiteral("http://127.0.0.1:9090"), m_servers->promUrl());
        text.replace(QStringLiteral("http://127.0.0.1:9093"), m_servers->amUrl());
        QVERIFY(text.contains(m_servers->promUrl()) && text.contains(m_servers->amUrl()));
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("vigil.yaml"));
        QFile out(config);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text.toUtf8());
        out.close();
        const QString vigil = qEnvironmentVariable("VIGIL_BIN");
        QVERIFY2(!vigil.isEmpty(), "VIGIL_BIN is not set (ctest sets it)");
        for (const QString &view :
             {QStringLiteral("hosts"), QStringLiteral("triage"), QStringLiteral("hostmap"),
              QStringLiteral("heatmap"), QStringLiteral("topology"), QStringLiteral("services"),
              QStringLiteral("drift")}) {
            const QString png = dir.filePath(view + QStringLiteral(".png"));
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.path());
            p.setProcessEnvironment(env);
            p.start(vigil,
                    {QStringLiteral("--config"), config, QStringLiteral("--screenshot"), png,
                     QStringLiteral("--view"), view, QStringLiteral("--size"), QStringLiteral("1280x800")});
            QVERIFY(p.waitForFinished(60000));
            QVERIFY2(p.exitCode() == 0, qPrintable(QString::fromUtf8(p.readAllStandardError())));
            QImage img(png);
            QCOMPARE(img.size(), QSize(1280, 800));
        }
    }

    // History for the heat views from a real Prometheus's query_range (no store: every bucket from
    // the range API): the CPU of the simulated hosts over the last minute, in 10 s buckets, no warnings.
    void historyFromTheRealRangeApi() {
        QVERIFY(waitFor([](const FleetSnapshot &s) { return s.hosts.size() > 100; }, 30000));
        const auto snap = m_service->current();
        HistoryJob job;
        job.metricKey = "cpu";
        job.query = QueryProfile::nodeExporterDefault().metrics[0].query;
        for (const auto &h : snap->hosts)
            job.hosts.push_back(h.name);
        job.stepMs = 10'000;
        job.buckets = 6;
        job.from = nowMs() - 60'000;
        SourceConfig src;
        src.name = "e2e";
        src.prometheusUrl = m_servers->promUrl().toStdString();
        job.sources = {src};
        job.client = m_service->client();
        const auto grid = loadHistory(job);
        QVERIFY2(grid.warnings.empty(), grid.warnings.empty() ? "" : grid.warnings[0].c_str());
        QVERIFY(grid.rangeBuckets >= 1);
        QCOMPARE(grid.storeBuckets, 0);
        // Prometheus started seconds ago: the last buckets hold the simulated hosts' CPU.
        int rowsWithValues = 0;
        for (std::size_t r = 0; r < grid.hosts.size(); ++r) {
            bool any = false;
            for (int b = 0; b < grid.buckets; ++b) {
                const float v = grid.at(r, b);
                if (!std::isnan(v)) {
                    QVERIFY(v >= 0 && v <= 1);
                    any = true;
                }
            }
            rowsWithValues += any;
        }
        QVERIFY2(rowsWithValues >= 60,
                 qPrintable(QString::number(rowsWithValues))); // 120 hosts, a rack of 40 down
        // A query Prometheus refuses: its error, named, as a warning.
        job.query = "rate(";
        const auto bad = loadHistory(job);
        QCOMPARE(bad.rangeBuckets, 0);
        QVERIFY(!bad.warnings.empty() && bad.warnings[0].find("parse error") != std::string::npos);
    }

    void alertsArriveThroughAlertmanager() {
        QVERIFY2(waitFor(
                     [](const FleetSnapshot &s) {
                         // Reported by Alertmanager and by Prometheus's own /api/v1/alerts, and its rule
                         // evaluated (asked beside the alerts: after the restart above, the rules answer
                         // of a round may predate the evaluation its alerts answer shows).
                         const Alert *a = alert(s, "TargetDown");
                         const AlertRule *r = s.rule("TargetDown");
                         return a && a->seenBy.size() == 2 &&
                                std::find(a->seenBy.begin(), a->seenBy.end(), "e2e/alertmanager#0") !=
                                    a->seenBy.end() &&
                                r && r->health == "ok";
                     },
                     90000),
                 "TargetDown never reached Alertmanager");
        const auto snap = m_service->current();
        const Alert *a = alert(*snap, "TargetDown");
        QCOMPARE(a->state, AlertState::Active);
        QCOMPARE(std::string(a->labels.value("instance")), std::string("127.0.0.1:1"));
        QCOMPARE(a->seenBy.size(), std::size_t(2)); // Alertmanager and Prometheus, one alert
        QCOMPARE(snap->activeAlertsOn(*snap->host("127.0.0.1:1")), 1);
        QVERIFY(source(*snap, SourceKind::Alertmanager)->version == "0.25.0");
        // The rule behind it, from /api/v1/rules, with its health.
        const AlertRule *rule = snap->rule("TargetDown");
        QVERIFY(rule);
        QCOMPARE(rule->query, std::string("up == 0"));
        QCOMPARE(rule->health, std::string("ok"));
        QCOMPARE(rule->source, std::string("e2e/prometheus"));
    }

    void silenceRoundTrip() {
        Silence s;
        s.matchers = {{"alertname", "TargetDown", false, true},
                      {"instance", "127\\.0\\.0\\.1:.*", true, true}};
        s.startsAt = nowMs();
        s.endsAt = s.startsAt + 3600'000;
        s.createdBy = "tst_realservers";
        s.comment = "decommissioned target";
        std::optional<Result<std::string>> created;
        m_service->createSilence("e2e", s, [&](Result<std::string> r) { created = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 20000);
        QVERIFY2(created->ok(), created->ok() ? "" : created->error().describe().c_str());
        const std::string id = created->value();
        QVERIFY(waitFor(
            [&](const FleetSnapshot &snap) {
                const Alert *a = alert(snap, "TargetDown");
                return a && a->silencedBy == std::vector<std::string>{id} &&
                       a->state == AlertState::Suppressed;
            },
            20000));
        bool listed = false;
        for (const auto &sil : m_service->current()->silences)
            if (sil.id == id)
                listed = sil.createdBy == "tst_realservers" && sil.comment == "decommissioned target" &&
                         sil.matchers.size() == 2 && sil.matchers[1].isRegex;
        QVERIFY(listed);
        const FleetSnapshotPtr afterSilence = m_service->current();
        QCOMPARE(afterSilence->activeAlertsOn(*afterSilence->host("127.0.0.1:1")), 0);
        std::optional<Result<std::string>> expired;
        m_service->expireSilence("e2e", id, [&](Result<std::string> r) { expired = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(expired.has_value(), 20000);
        QVERIFY(expired->ok());
        QVERIFY(waitFor(
            [](const FleetSnapshot &snap) {
                const Alert *a = alert(snap, "TargetDown");
                return a && a->silencedBy.empty() && a->state == AlertState::Active;
            },
            20000));
    }
};

QTEST_MAIN(TestRealServers)
#include "tst_realservers.moc"
