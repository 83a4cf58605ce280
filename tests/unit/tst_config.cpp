#include "config/config.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace vigil;

class TestConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void yaml() {
        QTemporaryDir dir;
        const std::string tokenFile = dir.filePath(QStringLiteral("token")).toStdString();
        std::ofstream(tokenFile) << "s3cret\n";
        const std::string text =
            std::string("\n"
                        "sources:\n"
                        "  - name: prod-eu\n"
                        "    prometheus: https://thanos.eu.example:10902/\n"
                        "    alertmanagers: [http://am-0:9093, http://am-1:9093]\n"
                        "    interval: 30s\n"
                        "    timeout: 12s\n"
                        "    facts_interval: 0s\n"
                        "    bearer_token_file: ") +
            tokenFile +
            std::string("\n"
                        "  - name: lab\n"
                        "    alertmanager: http://127.0.0.1:9093\n"
                        "    basic_auth: {username: noc, password: pw}\n"
                        "    tls: {insecure_skip_verify: true}\n"
                        "profile:\n"
                        "  host_label: node\n"
                        "  metrics:\n"
                        "    - {key: cpu, title: CPU, unit: ratio, query: 'avg by (node) (x)'}\n"
                        "  load: {metric: cpu, hot: 0.9, idle: 0.1}\n"
                        "http: {max_response_bytes: 1048576, max_concurrent_per_source: 2}\n"
                        "cache: {path: /tmp/v.sqlite, retention: 3d}\n");
        ConfigError err;
        auto c = ConfigLoader::loadString(text, "vigil.yaml", &err);
        QVERIFY2(c.has_value(), err.toString().c_str());
        QCOMPARE(c->sources.size(), std::size_t(2));
        QCOMPARE(c->sources[0].alertmanagerUrls.size(), std::size_t(2));
        QCOMPARE(c->sources[0].intervalMs, 30000LL);
        QCOMPARE(c->sources[0].timeoutMs, 12000LL);
        QCOMPARE(c->sources[0].factsIntervalMs, 0LL);     // every poll
        QCOMPARE(c->sources[1].factsIntervalMs, 60000LL); // the default
        QCOMPARE(c->sources[0].auth.bearerToken, std::string("s3cret"));
        QCOMPARE(c->sources[1].auth.header(), std::string("Basic bm9jOnB3"));
        QVERIFY(!c->sources[1].tlsVerify);
        QCOMPARE(c->profile.host.labels, std::vector<std::string>{"node"});
        QCOMPARE(c->profile.metrics.size(), std::size_t(1));
        QCOMPARE(c->profile.facts.size(), std::size_t(5)); // defaults kept
        QCOMPARE(c->profile.facts[2].keyLabels, std::vector<std::string>{"package"});
        QCOMPARE(c->profile.load.metric, std::string("cpu"));
        QCOMPARE(c->profile.load.hot, 0.9);
        QCOMPARE(c->profile.load.idle, 0.1);
        QCOMPARE(c->maxResponseBytes, std::uint64_t(1048576));
        QCOMPARE(c->retentionMs, 3LL * 86400000);
    }

    void json() {
        ConfigError err;
        auto c = ConfigLoader::loadString(
            "{\"sources\": [{\"name\": \"a\", \"prometheus\": \"http://127.0.0.1:9090\"}]}", "v.json", &err);
        QVERIFY2(c.has_value(), err.toString().c_str());
        QCOMPARE(c->sources[0].intervalMs, 15000LL);
        QCOMPARE(c->profile.metrics.size(), std::size_t(8));
        QCOMPARE(c->profile.wear.size(), std::size_t(3));
    }

    // A Kubernetes fleet: hosts by node, then by instance without the port; external labels named.
    void hostIdentityAndExternalLabels() {
        ConfigError err;
        auto c = ConfigLoader::loadString(
            "sources:\n  - name: k8s\n    prometheus: http://127.0.0.1:9090\n"
            "    alertmanager: http://127.0.0.1:9093\n    external_labels: [cluster, prometheus]\n"
            "profile:\n  host_label: [node, instance, nodename]\n  host_strip_port: true\n"
            "  joins:\n    - {query: kube_pod_info, on: [namespace, pod], add: [node]}\n",
            "vigil.yaml", &err);
        QVERIFY2(c.has_value(), err.toString().c_str());
        QCOMPARE(c->profile.host.labels, (std::vector<std::string>{"node", "instance", "nodename"}));
        QVERIFY(c->profile.host.stripPort);
        QCOMPARE(c->sources[0].externalLabels, (std::vector<std::string>{"cluster", "prometheus"}));
        QCOMPARE(c->profile.joins.size(), std::size_t(1));
        QCOMPARE(c->profile.joins[0].on, (std::vector<std::string>{"namespace", "pod"}));
        QCOMPARE(c->profile.joins[0].add, std::vector<std::string>{"node"});
        auto d = ConfigLoader::loadString("sources: [{name: a, prometheus: 'http://x'}]\n", "d.yaml", &err);
        QVERIFY(d && d->profile.host == HostIdentity{} && d->sources[0].externalLabels.empty());
    }

    // `profile: kubernetes` is kube-prometheus' shape: nodes named by node, pods placed on their nodes
    // and workloads, nodes in their zones, the node's NotReady alert a cause; sections still override.
    void kubernetesProfile() {
        ConfigError err;
        auto c = ConfigLoader::loadString("sources: [{name: k8s, prometheus: 'http://127.0.0.1:9090'}]\n"
                                          "profile: kubernetes\n",
                                          "k.yaml", &err);
        QVERIFY2(c, err.toString().c_str());
        QCOMPARE(c->profile.host, (HostIdentity{{"node", "instance"}, true}));
        QCOMPARE(c->profile.upQuery, std::string(R"(up{job="node-exporter"})"));
        QCOMPARE(c->profile.joins.size(), std::size_t(3));
        QCOMPARE(c->profile.joins[0].query, std::string("kube_pod_info"));
        QCOMPARE(c->profile.joins[1].add, (std::vector<std::string>{"workload", "workload_type"}));
        QCOMPARE(c->profile.joins[2].add, (std::vector<std::string>{"region", "zone"}));
        QCOMPARE(c->topology.hierarchy, (std::vector<std::string>{"region", "zone"}));
        QCOMPARE(c->topology.serviceLabel, std::string("workload"));
        QCOMPARE(c->triage.causeAlerts,
                 (std::vector<std::string>{"KubeNodeNotReady", "KubeNodeUnreachable"}));
        QCOMPARE(c->profile.metrics.size(), QueryProfile::nodeExporterDefault().metrics.size());
        QCOMPARE(c->profile.serviceAliases, (std::vector<std::string>{"deployment", "statefulset",
                                                                      "daemonset", "destination_workload"}));
        auto o = ConfigLoader::loadString(
            "sources: [{name: k8s, prometheus: 'http://127.0.0.1:9090'}]\n"
            "profile: {base: kubernetes, up: 'up{job=\"node\"}', service_aliases: [app]}\n"
            "topology: {hierarchy: [zone]}\n",
            "k.yaml", &err);
        QVERIFY2(o, err.toString().c_str());
        QCOMPARE(o->profile.upQuery, std::string(R"(up{job="node"})"));
        QCOMPARE(o->profile.joins.size(), std::size_t(3));
        QCOMPARE(o->topology.hierarchy, std::vector<std::string>{"zone"});
        QCOMPARE(o->topology.serviceLabel, std::string("workload"));
        QCOMPARE(o->profile.serviceAliases, std::vector<std::string>{"app"});
        QVERIFY(!ConfigLoader::loadString("sources: [{name: a, prometheus: 'http://x'}]\n"
                                          "profile: {service_aliases: deployment}\n",
                                          "k.yaml", &err));
        QCOMPARE(err.key, std::string("profile.service_aliases"));
        QVERIFY(!ConfigLoader::loadString("sources: [{name: a, prometheus: 'http://x'}]\nprofile: k8s\n",
                                          "k.yaml", &err));
        QCOMPARE(err.key, std::string("profile"));
        QCOMPARE(err.line, 2);
        QVERIFY(err.message.find("expected node_exporter or kubernetes") != std::string::npos);
    }

    void errors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << "" << 0 << ""
                               << "empty";
        QTest::newRow("no sources") << "profile: {}\n"
                                    << 1 << "sources"
                                    << "non-empty list";
        QTest::newRow("typo key") << "sources:\n  - name: a\n    promethues: http://x\n"
                                  << 3 << "sources[0].promethues"
                                  << "unknown key";
        QTest::newRow("bad url") << "sources:\n  - name: a\n    prometheus: ftp://x\n"
                                 << 3 << "sources[0].prometheus"
                                 << "not supported";
        QTest::newRow("load metric not in the profile")
            << "sources:\n  - name: a\n    prometheus: http://x\nprofile:\n  load: {metric: gpu}\n"
            << 5 << "profile.load.metric"
            << "no metric with the key \"gpu\"";
        QTest::newRow("load idle above hot")
            << "sources:\n  - name: a\n    prometheus: http://x\nprofile:\n  load: {hot: 0.3, idle: 0.5}\n"
            << 5 << "profile.load"
            << "idle must be below hot";
        QTest::newRow("bad interval")
            << "sources:\n  - name: a\n    prometheus: http://x\n    interval: soon\n"
            << 4 << "sources[0].interval"
            << "duration";
        QTest::newRow("negative facts_interval")
            << "sources:\n  - name: a\n    prometheus: http://x\n    facts_interval: -1m\n"
            << 4 << "sources[0].facts_interval"
            << "duration";
        QTest::newRow("unreadable ca_file") << "sources:\n  - name: a\n    prometheus: https://x\n    tls:\n "
                                               "     ca_file: /nonexistent/ca.pem\n"
                                            << 5 << "sources[0].tls.ca_file"
                                            << "cannot read \"/nonexistent/ca.pem\"";
        QTest::newRow("cert without key")
            << "sources:\n  - name: a\n    prometheus: https://x\n    tls: {cert_file: /dev/null}\n"
            << 4 << "sources[0].tls"
            << "needs both cert_file and key_file";
        QTest::newRow("every service as a to")
            << "sources:\n  - name: a\n    prometheus: http://x\ntopology:\n  edges: [{from: web, to: '*'}]\n"
            << 5 << "topology.edges[0]"
            << "only a from";
        QTest::newRow("no endpoints") << "sources:\n  - name: a\n"
                                      << 2 << "sources[0]"
                                      << "needs a prometheus URL";
        QTest::newRow("duplicate")
            << "sources:\n  - {name: a, prometheus: 'http://x'}\n  - {name: a, prometheus: 'http://y'}\n"
            << 3 << "sources[1].name"
            << "duplicate";
        QTest::newRow("yaml syntax") << "sources: [\n  - name: a\n"
                                     << 2 << ""
                                     << "";
        QTest::newRow("missing token file")
            << "sources:\n  - name: a\n    prometheus: http://x\n    bearer_token_file: /nonexistent/t\n"
            << 4 << "sources[0].bearer_token_file"
            << "cannot read";
        QTest::newRow("secret in the file and the keychain")
            << "sources:\n  - name: a\n    prometheus: http://x\n    bearer_token: t\n    secret: keychain\n"
            << 5 << "sources[0].secret"
            << "not both";
        QTest::newRow("secret elsewhere")
            << "sources:\n  - name: a\n    prometheus: http://x\n    secret: vault\n"
            << 4 << "sources[0].secret"
            << "expected \"keychain\"";
        QTest::newRow("host label list with an empty name")
            << "sources: [{name: a, prometheus: 'http://x'}]\nprofile:\n  host_label: [node, '']\n"
            << 3 << "profile.host_label"
            << "a label name or a list";
        QTest::newRow("join without add") << "sources: [{name: a, prometheus: 'http://x'}]\nprofile:\n  "
                                             "joins:\n    - {query: q, on: [pod]}\n"
                                          << 4 << "profile.joins[0]"
                                          << "a join needs a query";
        QTest::newRow("external labels not a list")
            << "sources:\n  - name: a\n    prometheus: http://x\n    external_labels: cluster\n"
            << 4 << "sources[0].external_labels"
            << "expected a list of label names";
        QTest::newRow("wall view unknown")
            << "sources: [{name: a, prometheus: 'http://x'}]\nwall:\n  playlist:\n    - {view: dashboards}\n"
            << 4 << "wall.playlist[0].view"
            << "unknown view \"dashboards\" (expected one of: hosts, triage";
        QTest::newRow("wall dwell too short") << "sources: [{name: a, prometheus: 'http://x'}]\nwall:\n  "
                                                 "playlist: [{view: triage, dwell: 1s}]\n"
                                              << 3 << "wall.playlist[0].dwell"
                                              << "at least 5s";
        QTest::newRow("wall range not whole hours")
            << "sources: [{name: a, prometheus: 'http://x'}]\nwall:\n  playlist: [{view: heatmap, range: "
               "90m}]\n"
            << 3 << "wall.playlist[0].range"
            << "whole hours";
        QTest::newRow("wall screen twice")
            << "sources: [{name: a, prometheus: 'http://x'}]\nwall:\n  screens: [{screen: 1}, {screen: 1}]\n"
            << 3 << "wall.screens[1]"
            << "already listed";
        QTest::newRow("wall interrupt word")
            << "sources: [{name: a, prometheus: 'http://x'}]\nwall: {interrupt: always}\n"
            << 2 << "wall.interrupt"
            << "critical, warning or never";
        QTest::newRow("metric without query")
            << "sources: [{name: a, prometheus: 'http://x'}]\nprofile:\n  metrics:\n    - key: cpu\n"
            << 4 << "profile.metrics[0]"
            << "needs a key and a query";
    }
    void errors() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, key);
        QFETCH(QString, message);
        ConfigError err;
        QVERIFY(!ConfigLoader::loadString(text.toStdString(), "bad.yaml", &err));
        QCOMPARE(QString::fromStdString(err.file), QStringLiteral("bad.yaml"));
        QCOMPARE(err.line, line);
        QCOMPARE(QString::fromStdString(err.key), key);
        QVERIFY2(QString::fromStdString(err.message).contains(message), err.toString().c_str());
        QVERIFY(err.toString().starts_with("bad.yaml"));
    }

    void topology() {
        QTemporaryDir dir;
        const std::string edges = dir.filePath(QStringLiteral("edges.yaml")).toStdString();
        std::ofstream(edges) << "edges:\n  - {from: web, to: api}\n  - {from: api, to: db}\n";
        std::ofstream(dir.filePath(QStringLiteral("bad-edges.yaml")).toStdString())
            << "edges:\n  - {from: web, to: api}\n  - {from: api}\n";
        const std::string cfg = dir.filePath(QStringLiteral("vigil.yaml")).toStdString();
        std::ofstream(cfg) << "sources: [{name: a, prometheus: 'http://127.0.0.1:9090'}]\n"
                              "topology:\n"
                              "  hierarchy: [dc, row, rack]\n"
                              "  service_label: app\n"
                              "  edges: [{from: lb, to: web}]\n"
                              "  edges_file: edges.yaml\n"
                              "  edge_query: 'sum by (src, dst) (rate(requests_total[5m]))'\n"
                              "  edge_source_label: src\n"
                              "  edge_destination_label: dst\n";
        ConfigError err;
        auto c = ConfigLoader::loadFile(cfg, &err);
        QVERIFY2(c.has_value(), err.toString().c_str());
        QCOMPARE(c->topology.hierarchy, (std::vector<std::string>{"dc", "row", "rack"}));
        QCOMPARE(c->topology.serviceLabel, std::string("app"));
        QCOMPARE(c->topology.edges.size(), std::size_t(3));
        QCOMPARE(c->topology.edges[2].from, std::string("api"));
        QCOMPARE(c->topology.edges[2].to, std::string("db"));
        QCOMPARE(c->profile.edgeSourceLabel, std::string("src"));
        QCOMPARE(c->triage.groupBy, std::vector<std::string>{"alertname"}); // default
        QVERIFY(c->profile.edgeQuery.starts_with("sum by (src, dst)"));
        // An error inside the edges file names that file, its line and key.
        std::ofstream(cfg) << "sources: [{name: a, prometheus: 'http://127.0.0.1:9090'}]\n"
                              "topology: {edges_file: bad-edges.yaml}\n";
        QVERIFY(!ConfigLoader::loadFile(cfg, &err));
        QVERIFY2(err.file.ends_with("bad-edges.yaml"), err.toString().c_str());
        QCOMPARE(err.line, 3);
        QCOMPARE(err.key, std::string("edges[1]"));
        std::ofstream(cfg) << "sources: [{name: a, prometheus: 'http://127.0.0.1:9090'}]\n"
                              "topology: {hierarchy: []}\n";
        QVERIFY(!ConfigLoader::loadFile(cfg, &err));
        QCOMPARE(err.key, std::string("topology.hierarchy"));
        QCOMPARE(err.line, 2);
    }

    void missingFile() {
        ConfigError err;
        QVERIFY(!ConfigLoader::loadFile("/nonexistent/vigil.yaml", &err));
        QVERIFY(err.toString().find("cannot open") != std::string::npos);
    }

    void exampleConfigsLoad() {
        for (const char *name : {"vigil.example.yaml", "vigil.example.json"}) {
            ConfigError err;
            auto c = ConfigLoader::loadFile(std::string(VIGIL_SOURCE_DIR "/resources/") + name, &err);
            QVERIFY2(c.has_value(), err.toString().c_str());
            QVERIFY(ConfigLoader::validate(*c, &err));
        }
        ConfigError err;
        auto yaml = ConfigLoader::loadFile(VIGIL_SOURCE_DIR "/resources/vigil.example.yaml", &err);
        QCOMPARE(yaml->topology.hierarchy, (std::vector<std::string>{"region", "zone", "rack"}));
        QCOMPARE(yaml->triage.windowMs, std::int64_t(300'000));
        QCOMPARE(yaml->triage.stormAlertsPerMinute, 60);
        QCOMPARE(yaml->profile.wear.size(), std::size_t(3));
        QCOMPARE(yaml->profile.wear[1].metricKey, std::string("realloc_sectors"));
        QCOMPARE(yaml->profile.wear[1].failAt, 500.0);
    }

    // drift: the baseline file, relative to the configuration's directory, and the grouping label.
    void driftSection() {
        ConfigError err;
        auto c = ConfigLoader::loadString("sources: [{name: a, prometheus: 'http://127.0.0.1:9090'}]\n"
                                          "drift: {baseline: ops/baseline.yaml, role_label: tier}\n",
                                          "/etc/vigil/vigil.yaml", &err);
        QVERIFY2(c, err.toString().c_str());
        QCOMPARE(c->drift.baselineFile, std::string("/etc/vigil/ops/baseline.yaml"));
        QCOMPARE(c->drift.roleLabel, std::string("tier"));
        QVERIFY(!ConfigLoader::loadString("sources: [{name: a, prometheus: 'http://127.0.0.1:9090'}]\n"
                                          "drift: {baselines: x}\n",
                                          "v.yaml", &err));
        QCOMPARE(err.key, std::string("drift.baselines"));
    }

    // fail_at marks a wear metric; anything but a number is an error naming the key.
    void wearThresholds() {
        ConfigError err;
        auto c = ConfigLoader::loadString("sources: [{name: a, prometheus: 'http://127.0.0.1:9090'}]\n"
                                          "profile:\n  metrics:\n    - {key: t, query: temp, fail_at: 90}\n",
                                          "w.yaml", &err);
        QVERIFY2(c, err.toString().c_str());
        QCOMPARE(c->profile.wear.size(), std::size_t(1));
        QVERIFY(c->profile.wearOf("t") && c->profile.wearOf("t")->failAt == 90.0);
        QVERIFY(!ConfigLoader::loadString("sources: [{name: a, prometheus: 'http://127.0.0.1:9090'}]\n"
                                          "profile:\n  metrics:\n    - {key: t, query: temp, fail_at: hot}\n",
                                          "w.yaml", &err));
        QVERIFY2(err.key == "profile.metrics[0].fail_at" && err.line == 4, err.toString().c_str());
    }

    void wallSection() {
        ConfigError err;
        auto c = ConfigLoader::loadString(
            "sources: [{name: a, prometheus: 'http://127.0.0.1:9090'}]\n"
            "wall:\n"
            "  playlist:\n"
            "    - {view: triage, dwell: 60s}\n"
            "    - {view: hostmap, dwell: 30s, filter: 'region=\"eu1\"', metric: mem}\n"
            "    - {view: heatmap, range: 6h}\n"
            "  screens:\n"
            "    - screen: 0\n"
            "    - {screen: HDMI-2, playlist: [{view: topology}]}\n"
            "  interrupt: warning\n"
            "  interrupt_dwell: 2m\n"
            "  cursor_hide: 5s\n",
            "w.yaml", &err);
        QVERIFY2(c, err.toString().c_str());
        const WallConfig &w = c->wall;
        QCOMPARE(w.screens.size(), std::size_t(2));
        QCOMPARE(w.screens[0].index, 0);
        QVERIFY(w.screens[0].name.empty());
        // A screen without a playlist shows the wall's.
        QCOMPARE(w.screens[0].playlist.size(), std::size_t(3));
        QCOMPARE(w.screens[0].playlist[1].view, std::string("hostmap"));
        QCOMPARE(w.screens[0].playlist[1].dwellMs, std::int64_t(30'000));
        QCOMPARE(w.screens[0].playlist[1].filter, std::string("region=\"eu1\""));
        QCOMPARE(w.screens[0].playlist[1].metric, std::string("mem"));
        QCOMPARE(w.screens[0].playlist[2].rangeMs, std::int64_t(6 * 3'600'000));
        QCOMPARE(w.screens[0].playlist[2].dwellMs, std::int64_t(30'000)); // the default dwell
        QCOMPARE(w.screens[1].index, -1);
        QCOMPARE(w.screens[1].name, std::string("HDMI-2"));
        QCOMPARE(w.screens[1].playlist.size(), std::size_t(1));
        QCOMPARE(w.interruptSeverity, 1);
        QCOMPARE(w.interruptDwellMs, std::int64_t(120'000));
        QCOMPARE(w.cursorHideMs, std::int64_t(5'000));
        // No wall section: the primary screen, every view in turn, critical incidents interrupt.
        auto d = ConfigLoader::loadString("sources: [{name: a, prometheus: 'http://x'}]\n", "d.yaml", &err);
        QVERIFY(d);
        QCOMPARE(d->wall.screens.size(), std::size_t(1));
        QCOMPARE(d->wall.screens[0].index, -1);
        QCOMPARE(d->wall.screens[0].playlist.front().view, std::string("triage"));
        QCOMPARE(d->wall.interruptSeverity, 2);
    }

    void triageSection() {
        ConfigError err;
        auto c = ConfigLoader::loadString(
            "sources: [{name: a, prometheus: 'http://127.0.0.1:9090'}]\n"
            "triage: {group_by: [alertname, service], window: 2m, storm_alerts_per_minute: 200}\n",
            "t.yaml", &err);
        QVERIFY2(c, err.toString().c_str());
        QCOMPARE(c->triage.groupBy, (std::vector<std::string>{"alertname", "service"}));
        QCOMPARE(c->triage.windowMs, std::int64_t(120'000));
        QCOMPARE(c->triage.stormAlertsPerMinute, 200);
        QCOMPARE(c->triage.causeSeverity, 2); // critical alerts are failures unless told otherwise
        QVERIFY(c->triage.causeAlerts.empty());
        auto k =
            ConfigLoader::loadString("sources: [{name: a, prometheus: 'http://127.0.0.1:9090'}]\n"
                                     "triage: {cause_severity: warning, cause_alerts: [KubeNodeNotReady]}\n",
                                     "t.yaml", &err);
        QVERIFY2(k, err.toString().c_str());
        QCOMPARE(k->triage.causeSeverity, 1);
        QCOMPARE(k->triage.causeAlerts, (std::vector<std::string>{"KubeNodeNotReady"}));
        QVERIFY(!ConfigLoader::loadString("sources: [{name: a, prometheus: 'http://127.0.0.1:9090'}]\n"
                                          "triage:\n  cause_severity: page\n",
                                          "t.yaml", &err));
        QCOMPARE(err.key, std::string("triage.cause_severity"));
        QVERIFY(err.message.find("warning or critical") != std::string::npos);
        QVERIFY(!ConfigLoader::loadString("sources: [{name: a, prometheus: 'http://127.0.0.1:9090'}]\n"
                                          "triage:\n  window: soon\n",
                                          "t.yaml", &err));
        QCOMPARE(err.key, std::string("triage.window"));
        QCOMPARE(err.line, 3);
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
