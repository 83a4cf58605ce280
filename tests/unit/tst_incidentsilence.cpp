// Acknowledging or silencing an incident silences what the incident covers, by the labels the fleet
// is configured with: never a fleet-wide silence of an alert name, never a matcher that matches nothing.
// Truth written by hand: which alerts each silence must and must not catch.
#include "analysis/incidentsilence.h"
#include "fleet/silencematch.h"

#include <QTest>

using namespace vigil;
using namespace vigil::analysis;

namespace {
Alert alert(std::vector<Label> labels) {
    Alert a;
    a.labels = LabelSet(std::move(labels));
    a.fingerprint = a.labels.fingerprint();
    return a;
}
int caught(const std::vector<SilenceMatcher> &m, const std::vector<Alert> &alerts) {
    int n = 0;
    for (const auto &a : alerts)
        n += silenceMatches(m, a.labels);
    return n;
}
} // namespace

class TestIncidentSilence : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // group_by [alertname]: the incident holds KubePodCrashLooping on two nodes; the same alert on a
    // third node belongs to another incident and must stay loud.
    void alertNameGroupIsNarrowedToItsHosts() {
        std::vector<Alert> alerts{
            alert({{"alertname", "KubePodCrashLooping"}, {"node", "node-a"}, {"namespace", "shop"}}),
            alert({{"alertname", "KubePodCrashLooping"}, {"node", "node-b.example"}, {"namespace", "shop"}}),
            alert({{"alertname", "KubePodCrashLooping"}, {"node", "node-c"}, {"namespace", "shop"}}),
        };
        TriageResult t;
        t.identity.labels = {"node"};
        t.groupBy = {"alertname"};
        Incident inc;
        inc.causeKind = CauseKind::AlertGroup;
        inc.causeLevel = "alertname";
        inc.causeName = "KubePodCrashLooping";
        inc.alerts = {0, 1};
        const auto s = incidentSilence(inc, t, alerts);
        QVERIFY2(s.refusal.empty(), s.refusal.c_str());
        QCOMPARE(QString::fromStdString(formatMatchers(s.matchers)),
                 QStringLiteral("alertname=\"KubePodCrashLooping\" node=~\"node-a|node-b\\\\.example\""));
        QCOMPARE(caught(s.matchers, {alerts[0], alerts[1]}), 2);
        QCOMPARE(caught(s.matchers, {alerts[2]}), 0);
    }

    // group_by [alertname, namespace]: one matcher per label (the old code joined the values into one
    // alertname matcher that matched nothing).
    void multiLabelGroupBy() {
        std::vector<Alert> alerts{
            alert({{"alertname", "KubeJobFailed"}, {"namespace", "batch"}, {"instance", "ksm:8080"}}),
            alert({{"alertname", "KubeJobFailed"},
                   {"namespace", "batch"},
                   {"instance", "ksm:8080"},
                   {"job_name", "b"}}),
            alert({{"alertname", "KubeJobFailed"}, {"namespace", "web"}, {"instance", "ksm:8080"}}),
        };
        TriageResult t;
        t.groupBy = {"alertname", "namespace"};
        Incident inc;
        inc.causeKind = CauseKind::AlertGroup;
        inc.causeLevel = "alertname, namespace";
        inc.causeName = "KubeJobFailed, batch";
        inc.alerts = {0, 1};
        const auto s = incidentSilence(inc, t, alerts);
        QCOMPARE(caught(s.matchers, alerts), 2);
        QCOMPARE(caught(s.matchers, {alerts[2]}), 0);
        QCOMPARE(s.matchers.size(), std::size_t(3)); // alertname, namespace, instance
    }

    // Alerts without the host label cannot be narrowed: refused with the reason, no silence at all.
    void unnarrowableGroupIsRefused() {
        std::vector<Alert> alerts{alert({{"alertname", "Watchdog"}}),
                                  alert({{"alertname", "Watchdog"}, {"instance", "h1"}})};
        TriageResult t;
        Incident inc;
        inc.causeKind = CauseKind::AlertGroup;
        inc.causeLevel = "alertname";
        inc.causeName = "Watchdog";
        inc.alerts = {0, 1};
        const auto s = incidentSilence(inc, t, alerts);
        QVERIFY(s.matchers.empty());
        QVERIFY2(s.refusal.find("name no host (instance)") != std::string::npos, s.refusal.c_str());
    }

    // Topological causes use the configured labels: a host by the host label, a service by the service
    // label, a rack by its hierarchy level.
    void causesUseConfiguredLabels() {
        TriageResult t;
        t.identity.labels = {"node"};
        t.serviceLabel = "app";
        Incident host;
        host.causeKind = CauseKind::Host;
        host.causeName = "node-7";
        QCOMPARE(QString::fromStdString(formatMatchers(incidentSilence(host, t, {}).matchers)),
                 QStringLiteral("node=\"node-7\""));
        Incident svc;
        svc.causeKind = CauseKind::Service;
        svc.causeName = "checkout";
        QCOMPARE(QString::fromStdString(formatMatchers(incidentSilence(svc, t, {}).matchers)),
                 QStringLiteral("app=\"checkout\""));
        Incident rack;
        rack.causeKind = CauseKind::Group;
        rack.causeLevel = "rack";
        rack.causeName = "r07";
        QCOMPARE(QString::fromStdString(formatMatchers(incidentSilence(rack, t, {}).matchers)),
                 QStringLiteral("rack=\"r07\""));
        // One alert: its name and host by the configured label.
        const auto one =
            alertSilence(alert({{"alertname", "NodeDown"}, {"node", "node-7"}, {"severity", "critical"}}), t);
        QCOMPARE(QString::fromStdString(formatMatchers(one)),
                 QStringLiteral("alertname=\"NodeDown\" node=\"node-7\""));
    }

    // Hosts named by instance with the port stripped (one machine, several exporters): the silence of
    // a host's incident reaches its alerts from every port, and no other host's.
    void strippedPortsAreMatchedWithAnyPort() {
        std::vector<Alert> alerts{
            alert({{"alertname", "NodeFilesystemAlmostFull"}, {"instance", "10.0.0.5:9100"}}),
            alert({{"alertname", "ProcessDown"}, {"instance", "10.0.0.5:9256"}}),
            alert({{"alertname", "NodeFilesystemAlmostFull"}, {"instance", "10.0.0.50:9100"}}),
            alert({{"alertname", "NodeFilesystemAlmostFull"}, {"instance", "[fd00::7]:9100"}}),
        };
        TriageResult t;
        t.identity.stripPort = true;
        Incident inc;
        inc.causeKind = CauseKind::Host;
        inc.causeName = "10.0.0.5";
        inc.alerts = {0, 1};
        auto s = incidentSilence(inc, t, alerts);
        QVERIFY2(s.refusal.empty(), s.refusal.c_str());
        QCOMPARE(caught(s.matchers, {alerts[0], alerts[1]}), 2);
        QCOMPARE(caught(s.matchers, {alerts[2], alerts[3]}), 0);
        // An IPv6 host is written in brackets with its port.
        inc.causeName = "fd00::7";
        inc.alerts = {3};
        s = incidentSilence(inc, t, alerts);
        QVERIFY2(s.refusal.empty(), s.refusal.c_str());
        QCOMPARE(caught(s.matchers, alerts), 1);
        QCOMPARE(caught(s.matchers, {alerts[3]}), 1);
        // One alert: its own label value, exactly.
        const auto one = alertSilence(alerts[1], t);
        QCOMPARE(caught(one, alerts), 1);
    }

    // Identity [node, instance]: a pod alert names its node, node_exporter's its instance. One
    // silence cannot match both labels: refused with the reason, never a silence that misses half.
    void hostsNamedByDifferentLabelsAreRefused() {
        std::vector<Alert> alerts{
            alert({{"alertname", "KubePodNotReady"}, {"node", "ip-10-20-79-93"}, {"namespace", "shop"}}),
            alert({{"alertname", "NodeDown"}, {"instance", "ip-10-20-79-93"}}),
        };
        TriageResult t;
        t.identity.labels = {"node", "instance"};
        Incident inc;
        inc.causeKind = CauseKind::Host;
        inc.causeName = "ip-10-20-79-93";
        inc.alerts = {0, 1};
        const auto s = incidentSilence(inc, t, alerts);
        QVERIFY(s.matchers.empty());
        QVERIFY2(s.refusal.find("(instance, node)") != std::string::npos, s.refusal.c_str());
        // Each alert alone is silenced by the label that names its host.
        QCOMPARE(caught(alertSilence(alerts[0], t), alerts), 1);
        QCOMPARE(caught(alertSilence(alerts[1], t), alerts), 1);
        QCOMPARE(alertSilence(alerts[0], t)[1].name, std::string("node"));
        // A pod alert on the node only through the kube_pod_info join: no label Alertmanager sees
        // names the node, so no host silence is offered for it.
        Alert placed =
            alert({{"alertname", "KubePodNotReady"}, {"instance", "ksm-0:8080"}, {"pod", "api-1"}});
        placed.placement = LabelSet(std::vector<Label>{{"node", "ip-10-20-79-93"}});
        const std::vector<Alert> withPlaced{placed};
        inc.alerts = {0};
        const auto r = incidentSilence(inc, t, withPlaced);
        QVERIFY(r.matchers.empty());
        QVERIFY2(r.refusal.find("through a join") != std::string::npos, r.refusal.c_str());
    }
};

QTEST_GUILESS_MAIN(TestIncidentSilence)
#include "tst_incidentsilence.moc"
