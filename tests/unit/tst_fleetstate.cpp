#include "service/fleetstate.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace vigil;

namespace {
std::vector<MetricQuery> metrics() {
    return {{"cpu", "CPU", MetricUnit::Ratio, "q"}};
}

PollData promPoll(TimeMs t, std::vector<std::pair<std::string, double>> hosts, bool cpuOk = true) {
    PollData p;
    p.time = t;
    p.health.id = "prod/prometheus";
    p.health.kind = SourceKind::Prometheus;
    p.health.lastAttempt = p.health.lastSuccess = t;
    p.hasInventory = true;
    p.metricOk = {cpuOk};
    for (auto &[name, cpu] : hosts) {
        Host h;
        h.name = name;
        h.labels = LabelSet({{"instance", name}});
        h.up = std::isnan(cpu) ? UpState::Down : UpState::Up;
        h.metrics = {cpuOk ? cpu : NAN};
        h.sources = {"prod/prometheus"};
        p.hosts.push_back(h);
    }
    return p;
}

Alert alert(const std::string &name, const std::string &instance) {
    Alert a;
    a.labels = LabelSet({{"alertname", name}, {"instance", instance}});
    a.fingerprint = a.labels.fingerprint();
    return a;
}

PollData amPoll(int index, TimeMs t, std::vector<Alert> alerts) {
    PollData p;
    p.time = t;
    p.health.id = "prod/alertmanager#" + std::to_string(index);
    p.health.kind = SourceKind::Alertmanager;
    p.health.lastAttempt = p.health.lastSuccess = t;
    p.hasAlerts = true;
    for (auto &a : alerts)
        a.seenBy = {p.health.id};
    p.alerts = std::move(alerts);
    p.hasSilences = true;
    return p;
}
} // namespace

class TestFleetState : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hostsAndDiff() {
        FleetState st(metrics(), HostIdentity{});
        auto u1 = st.apply(promPoll(1000, {{"b", 0.2}, {"a", 0.1}}));
        QCOMPARE(u1.snapshot->hosts.size(), std::size_t(2));
        QCOMPARE(u1.batch->hostsChanged.size(), std::size_t(2));
        auto u2 = st.apply(promPoll(2000, {{"a", 0.3}, {"c", NAN}}));
        QCOMPARE(u2.batch->hostsChanged.size(), std::size_t(1)); // c is new; a only changed its value
        QCOMPARE(u2.batch->hostsChanged[0].name, std::string("c"));
        QCOMPARE(u2.batch->hostsGone, std::vector<std::string>{"b"});
        QCOMPARE(u2.batch->hostSamples.size(), std::size_t(2));
        QCOMPARE(u2.snapshot->hosts[0].metrics[0], 0.3);
        QCOMPARE(u2.snapshot->hosts[1].up, UpState::Down);
        QVERIFY(u2.snapshot->generation > u1.snapshot->generation);
    }

    // Hosts and facts pass from the poll into the snapshots shared, not copied: a snapshot that changed
    // neither holds the very vectors of the last one, and one that counts other alerts on a host keeps
    // the counts beside them, leaving the earlier snapshots' counts as they were.
    void unchangedHostsAreShared() {
        FleetState st(metrics(), HostIdentity{});
        PollData p = promPoll(1000, {{"a", 0.1}, {"b", 0.2}});
        p.hasFacts = true;
        p.facts = {{"a", "uname.release", "6.1"}, {"b", "uname.release", "6.1"}};
        auto u1 = st.apply(p);
        QVERIFY(u1.snapshot->hosts.sharesWith(p.hosts));
        QVERIFY(u1.batch->hostSamples.sharesWith(p.hosts));
        QVERIFY(u1.snapshot->facts.sharesWith(p.facts));
        auto u2 = st.apply(amPoll(0, 1500, {}));
        QVERIFY(u2.snapshot->hosts.sharesWith(u1.snapshot->hosts));
        QVERIFY(u2.snapshot->facts.sharesWith(u1.snapshot->facts));
        // A new count of alerts goes beside the hosts: they stay shared.
        auto u3 = st.apply(amPoll(0, 2000, {alert("HostDown", "b")}));
        QVERIFY(u3.snapshot->hosts.sharesWith(u2.snapshot->hosts));
        QCOMPARE(u3.snapshot->activeAlertsOn(u3.snapshot->hosts[1]), 1);
        QCOMPARE(u3.snapshot->activeAlertsOn(u3.snapshot->hosts[0]), 0);
        QCOMPARE(u2.snapshot->activeAlertsOn(u2.snapshot->hosts[1]), 0);
        QCOMPARE(u3.snapshot->activeAlertsOn(p.hosts[1]), 1); // another list's host: by its name
        auto u4 = st.apply(amPoll(0, 2500, {alert("HostDown", "b")}));
        QVERIFY(u4.snapshot->hosts.sharesWith(u3.snapshot->hosts));
        QCOMPARE(u4.snapshot->hostAlerts, (std::vector<int>{0, 1}));
        // The next inventory: its hosts, counted again.
        auto u5 = st.apply(promPoll(3000, {{"a", 0.3}, {"b", 0.4}}));
        QVERIFY(u5.snapshot->hosts.sharesWith(u5.batch->hostSamples));
        QCOMPARE(u5.snapshot->hostAlerts, (std::vector<int>{0, 1}));
        QCOMPARE(u5.snapshot->hosts[1].metrics[0], 0.4);
        QCOMPARE(u4.snapshot->hosts[1].metrics[0], 0.2);
    }

    // Polls that bring no alerts (an inventory; an Alertmanager answer with the last one's bytes, not
    // read) share the last snapshot's merged alerts; alerts brought again are merged again, and a start
    // Vigil had to estimate stays the moment it first saw the alert.
    void unchangedAlertsAreShared() {
        FleetState st(metrics(), HostIdentity{});
        st.apply(promPoll(1000, {{"a", 0.1}, {"b", 0.2}}));
        auto u1 = st.apply(amPoll(0, 1500, {alert("HostDown", "b")}));
        QCOMPARE(u1.snapshot->alerts.size(), std::size_t(1));
        QVERIFY(u1.snapshot->alerts[0].startEstimated);
        const TimeMs start = u1.snapshot->alerts[0].startsAt;
        QTest::qWait(5);
        auto u2 = st.apply(promPoll(2000, {{"a", 0.3}, {"b", 0.4}}));
        QVERIFY(u2.snapshot->alerts.sharesWith(u1.snapshot->alerts));
        QCOMPARE(u2.snapshot->hostAlerts[1], 1);
        PollData sameBytes = amPoll(0, 2500, {});
        sameBytes.hasAlerts = sameBytes.hasSilences = false;
        auto u3 = st.apply(sameBytes);
        QVERIFY(u3.snapshot->alerts.sharesWith(u1.snapshot->alerts));
        QVERIFY(u3.batch->alertsChanged.empty() && u3.batch->alertsResolved.empty());
        auto u4 = st.apply(amPoll(0, 3000, {alert("HostDown", "b"), alert("HighCpu", "a")}));
        QVERIFY(!u4.snapshot->alerts.sharesWith(u3.snapshot->alerts));
        QCOMPARE(u4.snapshot->alerts.size(), std::size_t(2));
        QCOMPARE(u3.snapshot->alerts.size(), std::size_t(1));
        QCOMPARE(u4.batch->alertsChanged.size(), std::size_t(1)); // HighCpu came
        for (const auto &a : u4.snapshot->alerts)
            if (a.name() == "HostDown")
                QCOMPARE(a.startsAt, start);
        QCOMPARE(u4.snapshot->hostAlerts[0], 1);
        // The alerts shared, the hosts not the same: counted again, in the new hosts' order.
        auto u5 = st.apply(promPoll(3500, {{"0", 0.1}, {"a", 0.3}, {"b", 0.4}}));
        QVERIFY(u5.snapshot->alerts.sharesWith(u4.snapshot->alerts));
        QCOMPARE(u5.snapshot->hostAlerts, (std::vector<int>{0, 1, 1}));
        auto u6 = st.apply(promPoll(4000, {{"0", 0.2}, {"a", 0.3}, {"b", 0.5}}));
        QCOMPARE(u6.snapshot->hostAlerts, (std::vector<int>{0, 1, 1}));
    }

    void failedMetricKeepsLastValues() {
        FleetState st(metrics(), HostIdentity{});
        st.apply(promPoll(1000, {{"a", 0.4}}));
        auto u = st.apply(promPoll(2000, {{"a", 0.9}}, /*cpuOk=*/false));
        QCOMPARE(u.snapshot->hosts[0].metrics[0], 0.4);
    }

    void failedPollKeepsState() {
        FleetState st(metrics(), HostIdentity{});
        st.apply(promPoll(1000, {{"a", 0.4}}));
        st.apply(amPoll(0, 1000, {alert("HostDown", "a")}));
        PollData failed;
        failed.time = 2000;
        failed.health.id = "prod/alertmanager#0";
        failed.health.kind = SourceKind::Alertmanager;
        failed.health.lastAttempt = 2000;
        failed.health.lastSuccess = 1000;
        failed.health.lastError = "timeout";
        auto u = st.apply(failed);
        QCOMPARE(u.snapshot->alerts.size(), std::size_t(1)); // not treated as resolved
        QVERIFY(u.batch->alertsResolved.empty());
        QCOMPARE(u.snapshot->hostAlerts[0], 1);
        bool sawError = false;
        for (const auto &s : u.snapshot->sources)
            sawError |= s.lastError == "timeout";
        QVERIFY(sawError);
    }

    void dedupAcrossAlertmanagerCluster() {
        FleetState st(metrics(), HostIdentity{});
        st.apply(amPoll(0, 1000, {alert("HostDown", "a"), alert("HighCpu", "b")}));
        auto u = st.apply(amPoll(1, 1000, {alert("HostDown", "a")}));
        QCOMPARE(u.snapshot->alerts.size(), std::size_t(2));
        for (const auto &a : u.snapshot->alerts) {
            if (a.name() == "HostDown")
                QCOMPARE(a.seenBy, (std::vector<std::string>{"prod/alertmanager#0", "prod/alertmanager#1"}));
            else
                QCOMPARE(a.seenBy, std::vector<std::string>{"prod/alertmanager#0"});
        }
    }

    void alertLifecycle() {
        FleetState st(metrics(), HostIdentity{});
        auto u1 = st.apply(amPoll(0, 1000, {alert("A", "x"), alert("B", "y")}));
        QCOMPARE(u1.batch->alertsChanged.size(), std::size_t(2));
        auto silenced = alert("B", "y");
        silenced.state = AlertState::Suppressed;
        silenced.silencedBy = {"s1"};
        auto u2 = st.apply(amPoll(0, 2000, {alert("A", "x"), silenced}));
        QCOMPARE(u2.batch->alertsChanged.size(), std::size_t(1));
        QCOMPARE(u2.batch->alertsChanged[0].silencedBy, std::vector<std::string>{"s1"});
        auto u3 = st.apply(amPoll(0, 3000, {silenced}));
        QCOMPARE(u3.batch->alertsResolved, std::vector<std::string>{alert("A", "x").fingerprint});
    }

    void prometheusAlertsMergeWithAlertmanager() {
        FleetState st(metrics(), HostIdentity{});
        PollData p = promPoll(1000, {{"a", 0.1}});
        p.hasRuleAlerts = true;
        Alert pending = alert("SlowBurn", "a");
        pending.state = AlertState::Pending;
        pending.seenBy = {"prod/prometheus"};
        Alert firing = alert("HostDown", "a");
        firing.state = AlertState::Firing;
        firing.seenBy = {"prod/prometheus"};
        p.ruleAlerts = {pending, firing};
        st.apply(p);
        auto u = st.apply(amPoll(0, 1000, {alert("HostDown", "a")}));
        QCOMPARE(u.snapshot->alerts.size(), std::size_t(2));
        for (const auto &a : u.snapshot->alerts)
            if (a.name() == "HostDown") {
                QCOMPARE(a.state, AlertState::Active); // Alertmanager's view wins
                QCOMPARE(a.seenBy.size(), std::size_t(2));
            }
    }

    // A backend that cannot report its external labels (Thanos, Mimir): Alertmanager's copy carries
    // them, Prometheus' does not; with their names configured the two are one alert.
    void externalLabelsNamedInTheConfigMergeBothCopies() {
        for (const bool named : {false, true}) {
            FleetState st(metrics(), HostIdentity{});
            if (named)
                st.setMergeIgnoredLabels({"cluster", "prometheus"});
            PollData p = promPoll(1000, {{"a", 0.1}});
            p.hasRuleAlerts = true;
            Alert firing = alert("HostDown", "a");
            firing.state = AlertState::Firing;
            firing.seenBy = {"prod/prometheus"};
            p.ruleAlerts = {firing};
            st.apply(p);
            Alert fromAm = alert("HostDown", "a");
            fromAm.labels.set("cluster", "eu1");
            fromAm.labels.set("prometheus", "monitoring/k8s");
            fromAm.fingerprint = fromAm.labels.fingerprint();
            auto u = st.apply(amPoll(0, 1000, {fromAm}));
            QCOMPARE(u.snapshot->alerts.size(), std::size_t(named ? 1 : 2));
            if (named) {
                const Alert &a = u.snapshot->alerts.front();
                QCOMPARE(a.fingerprint, fromAm.fingerprint); // Alertmanager's identity and labels
                QCOMPARE(a.labels.value("cluster"), std::string_view("eu1"));
                QCOMPARE(a.state, AlertState::Active);
                QCOMPARE(a.seenBy, (std::vector<std::string>{"prod/alertmanager#0", "prod/prometheus"}));
            }
        }
    }

    // Some compatible backends send no startsAt, or Go's zero time: the alert starts when Vigil first
    // saw it, and keeps that start from poll to poll.
    void missingStartIsWhenFirstSeen() {
        FleetState st(metrics(), HostIdentity{});
        Alert zero = alert("HostDown", "a");
        zero.startsAt = 0;
        Alert goZero = alert("DiskFull", "a");
        goZero.startsAt = -62135596800000; // 0001-01-01T00:00:00Z
        Alert real = alert("CpuHot", "a");
        real.startsAt = 1'780'000'000'000;
        const TimeMs before = nowMs();
        auto first = st.apply(amPoll(0, 1000, {zero, goZero, real}));
        const TimeMs after = nowMs();
        std::map<std::string, TimeMs> starts;
        for (const auto &a : first.snapshot->alerts) {
            starts[std::string(a.name())] = a.startsAt;
            QCOMPARE(a.startEstimated, a.name() != "CpuHot");
        }
        QCOMPARE(starts["CpuHot"], TimeMs(1'780'000'000'000));
        for (const char *n : {"HostDown", "DiskFull"}) {
            QVERIFY(starts[n] >= before);
            QVERIFY(starts[n] <= after);
        }
        QTest::qWait(5);
        auto second = st.apply(amPoll(0, 2000, {zero, goZero, real}));
        for (const auto &a : second.snapshot->alerts)
            QCOMPARE(a.startsAt, starts[std::string(a.name())]);
        // Gone and back: a new first sighting.
        st.apply(amPoll(0, 3000, {real}));
        QTest::qWait(5);
        auto back = st.apply(amPoll(0, 4000, {zero, real}));
        for (const auto &a : back.snapshot->alerts)
            if (a.name() == "HostDown")
                QVERIFY(a.startsAt > starts["HostDown"]);
    }

    // kube-state-metrics' alerts name a pod, not its node (and instance = the kube-state-metrics pod):
    // the profile's join through kube_pod_info places them on their node, which then counts them.
    void joinsPlaceAlertsOnTheirNode() {
        FleetState st(metrics(), HostIdentity{{"node", "instance"}, true});
        st.setJoins({{"kube_pod_info", {"namespace", "pod"}, {"node"}}});
        PollData p = promPoll(1000, {{"ip-10-0-1-5", 0.1}, {"ip-10-0-1-6", 0.2}});
        p.joins = {std::vector<std::pair<std::string, LabelSet>>{
            {std::string("shop\xff") + "api-7f9\xff", LabelSet(std::vector<Label>{{"node", "ip-10-0-1-5"}})},
            {std::string("shop\xff") + "web-1a2\xff",
             LabelSet(std::vector<Label>{{"node", "ip-10-0-1-6"}})}}};
        st.apply(p);
        Alert pod;
        pod.labels = LabelSet({{"alertname", "KubePodNotReady"},
                               {"instance", "10.0.9.9:8080"},
                               {"namespace", "shop"},
                               {"pod", "api-7f9"}});
        pod.fingerprint = pod.labels.fingerprint();
        Alert own = pod; // carries its node itself: the join does not overrule it
        own.labels.set("pod", "web-1a2");
        own.labels.set("node", "ip-10-0-1-9");
        own.fingerprint = own.labels.fingerprint();
        Alert unknown = pod;
        unknown.labels.set("pod", "gone-000");
        unknown.fingerprint = unknown.labels.fingerprint();
        auto u = st.apply(amPoll(0, 1000, {pod, own, unknown}));
        std::map<std::string, const Alert *> byPod;
        for (const auto &a : u.snapshot->alerts)
            byPod[std::string(a.labels.value("pod"))] = &a;
        const HostIdentity id{{"node", "instance"}, true};
        QCOMPARE(byPod["api-7f9"]->placement.value("node"), std::string_view("ip-10-0-1-5"));
        QCOMPARE(id.hostOf(*byPod["api-7f9"]), std::string_view("ip-10-0-1-5"));
        QCOMPARE(byPod["api-7f9"]->fingerprint, pod.fingerprint); // identity untouched
        QVERIFY(byPod["web-1a2"]->placement.empty());
        QCOMPARE(id.hostOf(*byPod["web-1a2"]), std::string_view("ip-10-0-1-9"));
        QVERIFY(byPod["gone-000"]->placement.empty());
        QCOMPARE(id.hostOf(*byPod["gone-000"]), std::string_view("10.0.9.9")); // nowhere better
        for (const auto &h : u.snapshot->hosts)
            QCOMPARE(u.snapshot->activeAlertsOn(h), h.name == "ip-10-0-1-5" ? 1 : 0);
        // A round whose join query failed keeps the last table.
        PollData failed = promPoll(2000, {{"ip-10-0-1-5", 0.1}, {"ip-10-0-1-6", 0.2}});
        failed.joins = {std::nullopt};
        auto v = st.apply(failed);
        for (const auto &a : v.snapshot->alerts)
            if (a.labels.value("pod") == "api-7f9")
                QCOMPARE(a.placement.value("node"), std::string_view("ip-10-0-1-5"));
    }

    // A workload's own alert (KubeDaemonSetRolloutStuck: namespace and daemonset, no pod) is placed on
    // its workload by a service alias, when a join names that workload; joins that give a pod its
    // workload and its node say which nodes run which workloads.
    void workloadAlertsAndTheNodesTheyRunOn() {
        FleetState st(metrics(), HostIdentity{{"node", "instance"}, true});
        st.setJoins({{"kube_pod_info", {"namespace", "pod"}, {"node"}},
                     {"namespace_workload_pod:kube_pod_owner:relabel", {"namespace", "pod"}, {"workload"}}});
        st.setServices("workload", {"deployment", "daemonset"});
        PollData p = promPoll(1000, {{"ip-10-0-1-5", 0.1}, {"ip-10-0-1-6", 0.2}});
        auto row = [](const char *label, const char *value) {
            return LabelSet(std::vector<Label>{{label, value}});
        };
        p.joins = {std::vector<std::pair<std::string, LabelSet>>{
                       {std::string("kube-system\xff") + "proxy-a\xff", row("node", "ip-10-0-1-5")},
                       {std::string("kube-system\xff") + "proxy-b\xff", row("node", "ip-10-0-1-6:9100")},
                       {std::string("shop\xff") + "api-7f9\xff", row("node", "ip-10-0-1-5")}},
                   std::vector<std::pair<std::string, LabelSet>>{
                       {std::string("kube-system\xff") + "proxy-a\xff", row("workload", "kube-proxy")},
                       {std::string("kube-system\xff") + "proxy-b\xff", row("workload", "kube-proxy")},
                       {std::string("shop\xff") + "api-7f9\xff", row("workload", "api")},
                       {std::string("shop\xff") + "lost-000\xff", row("workload", "batch")}}};
        const auto first = st.apply(p);
        auto workloadAlert = [](const char *name, const char *kind, const char *workload) {
            Alert a;
            a.labels = LabelSet({{"alertname", name}, {kind, workload}, {"namespace", "kube-system"}});
            a.fingerprint = a.labels.fingerprint();
            return a;
        };
        auto u =
            st.apply(amPoll(0, 1000,
                            {workloadAlert("KubeDaemonSetRolloutStuck", "daemonset", "kube-proxy"),
                             workloadAlert("KubeDeploymentReplicasMismatch", "deployment", "unknown-app"),
                             workloadAlert("KubeStatefulSetReplicasMismatch", "statefulset", "api")}));
        std::map<std::string, const Alert *> byName;
        for (const auto &a : u.snapshot->alerts)
            byName[std::string(a.name())] = &a;
        QCOMPARE(byName["KubeDaemonSetRolloutStuck"]->placement.value("workload"),
                 std::string_view("kube-proxy"));
        QVERIFY(byName["KubeDeploymentReplicasMismatch"]->placement.empty());  // no join names it
        QVERIFY(byName["KubeStatefulSetReplicasMismatch"]->placement.empty()); // not an alias here
        QVERIFY(u.snapshot->runsOn);
        const std::vector<std::pair<std::string, std::string>> runsOn{
            {"api", "ip-10-0-1-5"}, {"kube-proxy", "ip-10-0-1-5"}, {"kube-proxy", "ip-10-0-1-6"}};
        QCOMPARE(*u.snapshot->runsOn, runsOn); // batch's pod is on no known node; ports stripped
        // The cache keeps them when the join tables bring something new, and a warm start has them
        // before the first poll.
        QVERIFY(first.batch->joinsReplaced);
        QVERIFY(!u.batch->joinsReplaced);
        QVERIFY(!st.apply(p).batch->joinsReplaced); // the same tables again
        QTemporaryDir dir;
        std::string err;
        {
            auto store = Store::open(dir.filePath(QStringLiteral("c.sqlite")).toStdString(), &err);
            QVERIFY2(store, err.c_str());
            store->write(first.batch);
            store->flush();
            auto cached = store->loadCache(&err);
            QVERIFY2(cached, err.c_str());
            QCOMPARE(cached->runsOn, runsOn);
            FleetState warm(metrics(), HostIdentity{{"node", "instance"}, true});
            warm.restore(std::move(*cached));
            QVERIFY(warm.snapshot()->runsOn && warm.snapshot()->joined);
            QCOMPARE(*warm.snapshot()->runsOn, runsOn);
            QCOMPARE(*warm.snapshot()->joined, *u.snapshot->joined);
        }
    }

    // Each Prometheus' alerting rules reach the cache when they change, so a warm start times
    // Alertmanager's alerts by their `for:` as the live view did; a second Prometheus' rules are its own.
    void rulesSurviveAWarmStart() {
        FleetState st(metrics(), HostIdentity{});
        PollData p = promPoll(1000, {{"h1", 0.1}});
        p.hasRules = true;
        p.rules = {{"node", "HostDown", "up == 0", "ok", "", "prod/prometheus", 300'000},
                   {"node", "DiskFull", "disk > 0.9", "ok", "", "prod/prometheus", 0},
                   {"node", "CpuStealHigh", "steal > 0.2", "ok", "", "prod/prometheus", 0}};
        PollData other = promPoll(1000, {{"h2", 0.2}});
        other.health.id = "other/prometheus";
        other.hasRules = true;
        other.rules = {{"db", "PostgresDown", "pg_up == 0", "err", "bad", "other/prometheus", 60'000}};
        const auto first = st.apply(p), second = st.apply(other);
        QCOMPARE(first.batch->rulesReplaced.size(), std::size_t(1));
        QCOMPARE(second.batch->rulesReplaced.size(), std::size_t(1));
        p.time = other.time = 2000;
        QVERIFY(st.apply(p).batch->rulesReplaced.empty()); // the same rules again
        p.rules.erase(p.rules.begin() +
                      1); // DiskFull goes; CpuStealHigh stays, after HostDown as its group lists it
        const auto fewer = st.apply(p);
        QCOMPARE(fewer.batch->rulesReplaced.size(), std::size_t(1));
        QTemporaryDir dir;
        std::string err;
        auto store = Store::open(dir.filePath(QStringLiteral("c.sqlite")).toStdString(), &err);
        QVERIFY2(store, err.c_str());
        for (const auto &b : {first.batch, second.batch, fewer.batch})
            store->write(b);
        store->flush();
        auto cached = store->loadCache(&err);
        QVERIFY2(cached, err.c_str());
        std::vector<AlertRule> expected{p.rules[0], p.rules[1], other.rules[0]};
        auto byName = [](std::vector<AlertRule> v) {
            std::sort(v.begin(), v.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
            return v;
        };
        QCOMPARE(byName(cached->rules), byName(expected));
        FleetState warm(metrics(), HostIdentity{});
        warm.restore(std::move(*cached));
        QCOMPARE(warm.snapshot()->rules, byName(expected));
        QCOMPARE(warm.snapshot()->rule("HostDown")->forMs, TimeMs(300'000));
        QVERIFY(warm.apply(p).batch->rulesReplaced.empty()); // the live poll brings what the cache had
    }

    // kube_node_labels (its topology labels renamed region and zone by the query) places nodes in the
    // hierarchy: a node_exporter target named by instance meets the join on `node` by its name; a host
    // with its own zone keeps it; a node the table lacks stays as it is.
    void joinsPlaceNodesInTheirZones() {
        FleetState st(metrics(), HostIdentity{{"node", "instance"}, true});
        st.setJoins({{"kube_pod_info", {"namespace", "pod"}, {"node"}},
                     {"kube_node_labels", {"node"}, {"region", "zone"}}});
        PollData p = promPoll(1000, {{"ip-10-0-1-5", 0.1}, {"ip-10-0-1-6", 0.2}, {"ip-10-0-1-7", 0.3}});
        p.hosts.edit()[1].labels.set("zone", "eu-west-1c");
        p.joins = {
            std::vector<std::pair<std::string, LabelSet>>{},
            std::vector<std::pair<std::string, LabelSet>>{
                {std::string("ip-10-0-1-5\xff"), LabelSet({{"region", "eu-west-1"}, {"zone", "eu-west-1a"}})},
                {std::string("ip-10-0-1-6\xff"),
                 LabelSet({{"region", "eu-west-1"}, {"zone", "eu-west-1b"}})}}};
        auto u = st.apply(p);
        std::map<std::string, const Host *> byName;
        for (const auto &h : u.snapshot->hosts)
            byName[h.name] = &h;
        QCOMPARE(byName["ip-10-0-1-5"]->labels.value("zone"), std::string_view("eu-west-1a"));
        QCOMPARE(byName["ip-10-0-1-5"]->labels.value("region"), std::string_view("eu-west-1"));
        QCOMPARE(byName["ip-10-0-1-6"]->labels.value("zone"), std::string_view("eu-west-1c"));
        QCOMPARE(byName["ip-10-0-1-6"]->labels.value("region"), std::string_view("eu-west-1"));
        QVERIFY(!byName["ip-10-0-1-7"]->labels.has("zone"));
        // What the joins add, for places and services with no host of their own.
        QVERIFY(u.snapshot->joined);
        const std::vector<std::pair<std::string, std::string>> joined{
            {"region", "eu-west-1"}, {"zone", "eu-west-1a"}, {"zone", "eu-west-1b"}};
        QCOMPARE(*u.snapshot->joined, joined);
        auto again = st.apply(p);
        QCOMPARE(again.snapshot->joined, u.snapshot->joined); // shared while the tables stay the same
        // Stored placed, so the cache and snapshot files keep the hierarchy.
        bool stored = false;
        for (const auto &h : u.batch->hostsChanged)
            stored = stored || (h.name == "ip-10-0-1-5" && h.labels.value("zone") == "eu-west-1a");
        QVERIFY(stored);
    }

    // "No alerts" is "quiet" only when something raises alerts Vigil can see.
    void quietOnlyWhenSomethingWatches() {
        FleetSnapshot s;
        summarize(s);
        QVERIFY(!s.summary.watching);
        QCOMPARE(s.summary.unwatched, std::string("no source has answered yet"));
        SourceHealth prom;
        prom.id = "k8s/prometheus";
        prom.lastSuccess = 1000;
        s.sources = {prom};
        summarize(s); // a Prometheus without alerting rules, no Alertmanager
        QVERIFY(!s.summary.watching);
        QVERIFY2(s.summary.unwatched.find("no Alertmanager is configured") == 0, s.summary.unwatched.c_str());
        s.rules = {AlertRule{"node", "NodeDown", "up == 0", "ok", "", "k8s/prometheus"}};
        summarize(s);
        QVERIFY(s.summary.watching && s.summary.unwatched.empty());
        s.rules.clear();
        SourceHealth am;
        am.id = "k8s/alertmanager#0";
        am.kind = SourceKind::Alertmanager;
        am.lastSuccess = 1000;
        am.lastError = "connection refused";
        s.sources.push_back(am);
        summarize(s);
        QVERIFY(!s.summary.watching);
        QVERIFY2(s.summary.unwatched.find("no Alertmanager answers") == 0, s.summary.unwatched.c_str());
        s.sources.back().lastError.clear();
        summarize(s);
        QVERIFY(s.summary.watching);
    }

    // A poll with nothing new (the poller read no answer again) is absorbed: its health is taken and
    // stored, no snapshot is built; the next snapshot still holds every alert and shows that health.
    // A change of health (an error, a warning) is never quiet.
    void aQuietPollBuildsNoSnapshot() {
        FleetState st(metrics(), HostIdentity{});
        st.apply(amPoll(0, 1000, {alert("A", "h1"), alert("B", "h2")}));
        PollData quiet;
        quiet.time = 6000;
        quiet.health.id = "prod/alertmanager#0";
        quiet.health.kind = SourceKind::Alertmanager;
        quiet.health.lastAttempt = quiet.health.lastSuccess = 6000;
        auto batch = st.absorbQuiet(quiet);
        QVERIFY(batch);
        QCOMPARE(batch->polled.size(), std::size_t(1));
        QCOMPARE(batch->polled[0].lastSuccess, TimeMs(6000));
        const auto snap = st.rebuild();
        QCOMPARE(snap->alerts.size(), std::size_t(2));
        QCOMPARE(snap->sources.size(), std::size_t(1));
        QCOMPARE(snap->sources[0].lastSuccess, TimeMs(6000));

        PollData failing = quiet;
        failing.health.lastError = "connection refused";
        QVERIFY(!st.absorbQuiet(failing));
        PollData warned = quiet;
        warned.health.warnings = {"/api/v2/alerts: 1 alerts skipped"};
        QVERIFY(!st.absorbQuiet(warned));
        PollData news = amPoll(0, 7000, {alert("A", "h1")});
        QVERIFY(!st.absorbQuiet(news));
        QCOMPARE(st.apply(news).snapshot->alerts.size(), std::size_t(1));
        // A source never seen before is not quiet: it must appear.
        PollData other = quiet;
        other.health.id = "prod/alertmanager#1";
        QVERIFY(!st.absorbQuiet(other));
    }

    void restoreMarksCacheThenLivePollTakesOver() {
        CachedState cache;
        Host h;
        h.name = "old";
        h.metrics = {0.7};
        h.sources = {"prod/prometheus"};
        cache.hosts = {h};
        cache.metrics = metrics();
        FleetState st(metrics(), HostIdentity{});
        st.restore(cache);
        QVERIFY(st.snapshot()->fromCache);
        QCOMPARE(st.snapshot()->hosts.size(), std::size_t(1));
        QCOMPARE(st.snapshot()->hosts[0].metrics[0], 0.7);
        auto u = st.apply(promPoll(1000, {{"new", 0.1}}));
        QVERIFY(!u.snapshot->fromCache);
        QCOMPARE(u.snapshot->hosts.size(), std::size_t(1));
        QCOMPARE(u.snapshot->hosts[0].name, std::string("new"));
        QCOMPARE(u.batch->hostsGone, std::vector<std::string>{"old"});
    }
};

QTEST_GUILESS_MAIN(TestFleetState)
#include "tst_fleetstate.moc"
