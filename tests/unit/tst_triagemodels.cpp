// Triage's item models under QAbstractItemModelTester, and silence matching as Alertmanager does it.
#include "fleet/alertfilter.h"
#include "fleet/silencematch.h"
#include "item/alerttablemodel.h"
#include "item/incidentalertsmodel.h"
#include "item/incidentmodel.h"
#include "item/triageexport.h"
#include "support/retire.h"
#include "triagereplay.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace vigil;

class TestTriageModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // "Where" is the alert's host by the snapshot's identity: a pod alert placed on its node by a
    // join shows the node, not the kube-state-metrics pod in its instance label.
    // An alert only an unreachable source reported is its last known state: "(stale)" in the lists.
    void alertsFromUnreachableSourcesAreStale() {
        FleetSnapshot snap;
        snap.builtAt = 1'000'000;
        SourceHealth am0, am1;
        am0.id = "prod/alertmanager#0";
        am0.kind = am1.kind = SourceKind::Alertmanager;
        am0.lastSuccess = am1.lastSuccess = 990'000;
        am1.id = "prod/alertmanager#1";
        am1.lastError = "connection refused";
        snap.sources = {am0, am1};
        Alert both, lost;
        both.labels = lost.labels = LabelSet(std::vector<Label>{{"alertname", "HostDown"}});
        both.seenBy = {am0.id, am1.id};
        lost.seenBy = {am1.id};
        QVERIFY(!alertStale(both, snap));
        QVERIFY(alertStale(lost, snap));
        QCOMPARE(alertStateText(lost, snap), QStringLiteral("active (stale)"));
        QCOMPARE(alertStateText(both, snap), QStringLiteral("active"));
        // Answering, but not for more than two intervals: stale too.
        snap.sources[0].lastSuccess = snap.builtAt - 3 * snap.sources[0].intervalMs;
        QVERIFY(alertStale(both, snap));
        // The cache, before any poll: everything is its last known state.
        snap.sources[0].lastSuccess = 990'000;
        snap.fromCache = true;
        QVERIFY(alertStale(both, snap));
    }

    // The incident list says so too: an incident all of whose alerts only unreachable sources reported
    // is stale (StaleRole, and "stale" in its status); one alert vouched for by an answering source is
    // enough to keep it fresh.
    void incidentsFromUnreachableSourcesAreStale() {
        auto snap = std::make_shared<FleetSnapshot>();
        snap->builtAt = 1'000'000;
        SourceHealth am0, am1;
        am0.id = "prod/alertmanager#0";
        am1.id = "prod/alertmanager#1";
        am0.kind = am1.kind = SourceKind::Alertmanager;
        am0.lastSuccess = am1.lastSuccess = 990'000;
        snap->sources = {am0, am1};
        for (const char *name : {"HostDown", "DiskFull", "HighCPU"}) {
            Alert a;
            a.labels = LabelSet(std::vector<Label>{{"alertname", name}});
            a.seenBy = {am1.id};
            snap->alerts.push_back(a);
        }
        snap->alerts.edit()[2].seenBy = {am0.id, am1.id};
        auto triage = std::make_shared<analysis::TriageResult>();
        triage->computedAt = snap->builtAt;
        analysis::Incident lost, mixed;
        lost.key = "alerts:HostDown";
        lost.alerts = {0};
        mixed.key = "alerts:cpu";
        mixed.alerts = {1, 2};
        triage->incidents = {lost, mixed};
        snap->triage = triage;
        IncidentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snap);
        auto stale = [&](int row) { return model.index(row, 0).data(IncidentModel::StaleRole).toBool(); };
        QVERIFY(!stale(0)); // both sources answer
        QVERIFY(
            !model.index(0, IncidentModel::StatusColumn).data().toString().contains(QStringLiteral("stale")));
        auto down = std::make_shared<FleetSnapshot>(*snap);
        down->sources[1].lastError = "connection refused";
        model.setSnapshot(down);
        QVERIFY(stale(0));
        QVERIFY(
            model.index(0, IncidentModel::StatusColumn).data().toString().contains(QStringLiteral("stale")));
        QVERIFY(!stale(1)); // its HighCPU is still reported by #0
        auto back = std::make_shared<FleetSnapshot>(*snap);
        model.setSnapshot(back);
        QVERIFY(!stale(0)); // answers again: fresh
    }

    void whereIsTheHostByTheIdentity() {
        Alert pod;
        pod.labels =
            LabelSet({{"alertname", "KubePodNotReady"}, {"instance", "10.0.9.9:8080"}, {"pod", "api-1"}});
        pod.placement = LabelSet(std::vector<Label>{{"node", "ip-10-0-1-5"}});
        Alert sw;
        sw.labels = LabelSet({{"alertname", "SwitchDown"}, {"rack", "r7"}});
        FleetSnapshot snap;
        QCOMPARE(alertWhere(pod, snap), std::string_view("10.0.9.9:8080")); // no triage yet: the labels
        auto triage = std::make_shared<analysis::TriageResult>();
        triage->identity = HostIdentity{{"node", "instance"}, true};
        snap.triage = triage;
        QCOMPARE(alertWhere(pod, snap), std::string_view("ip-10-0-1-5"));
        QCOMPARE(alertWhere(sw, snap), std::string_view("r7"));
    }

    // A node lost by its NotReady warning ranks critical (analysis::urgencyOf): its Severity reads as it
    // ranks, and says why when its alerts are milder; an incident that merely has warnings stays one.
    void severityReadsAsTheIncidentRanks() {
        auto triage = std::make_shared<analysis::TriageResult>();
        analysis::Incident lost;
        lost.key = "host:n1";
        lost.causeKind = analysis::CauseKind::Host;
        lost.causeName = "n1";
        lost.severity = 1;
        lost.causeHosts = lost.causeHostsFailing = 1;
        lost.active = 1;
        analysis::Incident cpu = lost;
        cpu.key = "a:HighCpu";
        cpu.causeKind = analysis::CauseKind::AlertGroup;
        cpu.causeName = "HighCpu";
        triage->incidents = {lost, cpu};
        auto snap = std::make_shared<FleetSnapshot>();
        snap->triage = triage;
        IncidentModel model;
        model.setSnapshot(snap);
        const QModelIndex first = model.index(0, IncidentModel::SeverityColumn);
        QCOMPARE(model.data(first).toString(), QStringLiteral("critical"));
        QCOMPARE(model.data(first, IncidentModel::SeverityRole).toInt(), 2);
        QVERIFY(model.data(first, Qt::ToolTipRole).toString().contains(QStringLiteral("warning at worst")));
        const QModelIndex second = model.index(1, IncidentModel::SeverityColumn);
        QCOMPARE(model.data(second).toString(), QStringLiteral("warning"));
        QVERIFY(!model.data(second, Qt::ToolTipRole).toString().contains(QStringLiteral("at worst")));
    }

    void incidentModelRowsAndRoles() {
        IncidentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.headline(), QStringLiteral("No triage yet"));
        auto snap = test::stormSnapshot("rack-failure", 3, 400);
        model.setSnapshot(snap);
        const auto &t = *snap->triage;
        QCOMPARE(model.rowCount(), int(t.incidents.size()));
        QVERIFY(model.rowCount() >= 2);
        QVERIFY(model.headline().contains(QLocale().toString(qulonglong(t.alerts))));
        const QModelIndex top = model.index(0, IncidentModel::CauseColumn);
        QCOMPARE(model.data(top).toString(),
                 QStringLiteral("rack ") + QString::fromStdString(t.incidents[0].causeName));
        QCOMPARE(model.data(top, IncidentModel::KeyRole).toString(),
                 QString::fromStdString(t.incidents[0].key));
        QCOMPARE(model.data(model.index(0, IncidentModel::SeverityColumn)).toString(),
                 QStringLiteral("critical"));
        QCOMPARE(
            model.data(model.index(0, IncidentModel::AlertsColumn), IncidentModel::SortRole).toULongLong(),
            qulonglong(t.incidents[0].alerts.size()));
        const QString reason = model.data(top, IncidentModel::ReasonRole).toString();
        QVERIFY2(reason.contains(QStringLiteral("hosts in rack ")) &&
                     reason.contains(QStringLiteral("depend on it")),
                 qPrintable(reason));
        QVERIFY(
            model.data(top, IncidentModel::FilterTextRole).toString().contains(QStringLiteral("HostDown")));
        QCOMPARE(model.rowOfKey(QString::fromStdString(t.incidents[1].key)), 1);
        QCOMPARE(model.rowOfKey(QStringLiteral("nope")), -1);
    }

    void sameIncidentsUpdateInPlace() {
        IncidentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto snap = test::stormSnapshot("db-failover", 2, 300);
        model.setSnapshot(snap);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        auto again = std::make_shared<FleetSnapshot>(*snap); // the next poll: same incidents
        model.setSnapshot(again);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        // A different incident set resets.
        model.setSnapshot(test::stormSnapshot("rack-failure", 2, 300));
        QCOMPARE(resets.count(), 1);
    }

    void membersTree() {
        auto snap = test::stormSnapshot("rack-failure", 4, 400);
        IncidentAlertsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto &inc = snap->triage->incidents[0];
        model.setIncident(snap, inc.key);
        QVERIFY(model.rowCount() >= 2);
        const QModelIndex cause = model.index(0, 0);
        QCOMPARE(model.data(cause).toString(), QStringLiteral("At the cause"));
        QCOMPARE(model.rowCount(cause), int(inc.causeAlertCount));
        int total = 0;
        for (int g = 0; g < model.rowCount(); ++g) {
            const QModelIndex group = model.index(g, 0);
            const int rows = model.rowCount(group);
            if (rows > IncidentAlertsModel::kMaxChildren) {
                // A large group lists its first alerts, then says how many more there are.
                QCOMPARE(rows, IncidentAlertsModel::kMaxChildren + 1);
                const QModelIndex more = model.index(rows - 1, 0, group);
                QVERIFY(model.data(more).toString().startsWith(QStringLiteral("… ")));
                QCOMPARE(model.data(more, IncidentAlertsModel::AlertIndexRole).toInt(), -1);
                QVERIFY(!model.alertAt(more));
                total += model.data(model.index(g, IncidentAlertsModel::InstanceColumn))
                             .toString()
                             .split(QLatin1Char(' '))[0]
                             .toInt();
            } else {
                total += rows;
            }
        }
        QCOMPARE(total, int(inc.alerts.size()));
        // Affected alerts are grouped by name, largest group first.
        QCOMPARE(model.data(model.index(1, 0)).toString(), QStringLiteral("UpstreamErrors"));
        const QModelIndex first = model.index(0, IncidentAlertsModel::StateColumn, cause);
        const Alert *a = model.alertAt(first);
        QVERIFY(a);
        QCOMPARE(model.data(first, IncidentAlertsModel::AlertIndexRole).toInt(), int(inc.alerts[0]));
        QVERIFY(model.data(first).toString() == QStringLiteral("inhibited") || a->name() == "SwitchDown");
        QCOMPARE(model.parent(first), cause);
        model.setIncident(snap, "no such incident");
        QCOMPARE(model.rowCount(), 0);
    }

    void snapshotsAreFreedOffTheCallersThread() {
        std::atomic<bool> freed = false;
        std::thread::id where;
        {
            std::shared_ptr<const int> p(new int(7), [&](const int *x) {
                where = std::this_thread::get_id();
                delete x;
                freed = true;
            });
            std::shared_ptr<const int> slot = p;
            p.reset();
            replaceRetiring(slot, std::shared_ptr<const int>());
            QVERIFY(!slot);
        }
        QTRY_VERIFY(freed.load());
        QVERIFY(where != std::this_thread::get_id());
    }

    void alertFilterLanguage() {
        Alert a;
        a.labels = LabelSet(std::vector<Label>{{"alertname", "HostDown"},
                                               {"instance", "web-0001:9100"},
                                               {"rack", "eu1-a-r07"},
                                               {"severity", "critical"}});
        a.annotations.set("summary", "web-0001:9100 is not answering scrapes");
        a.startsAt = 1'000'000;
        const TimeMs now = a.startsAt + 15 * 60'000;
        auto ok = [&](const char *text) {
            std::string err;
            auto f = AlertFilter::parse(text, &err);
            if (!f)
                qWarning("%s: %s", text, err.c_str());
            return f && f->matches(a, now);
        };
        QVERIFY(ok(""));
        QVERIFY(ok("alertname=\"HostDown\" rack=~\"eu1-a-.*\""));
        QVERIFY(!ok("rack!=eu1-a-r07"));
        QVERIFY(ok("severity!~\"info|warning\""));
        QVERIFY(ok("@state=active"));
        QVERIFY(!ok("@state=silenced"));
        QVERIFY(ok("@state!=inhibited"));
        QVERIFY(ok("@age>10m"));
        QVERIFY(!ok("@age>20m"));
        QVERIFY(ok("@age<1h"));
        QVERIFY(ok("ANSWERING"));         // free text in the summary
        QVERIFY(ok("web-0001 hostdown")); // every word must be found
        QVERIFY(!ok("web-0002"));
        a.silencedBy = {"s1"};
        QVERIFY(ok("@state=silenced @state=suppressed"));
        QVERIFY(!ok("@state=active"));
        std::string err;
        QVERIFY(!AlertFilter::parse("@state=sleeping", &err));
        QVERIFY(err.find("unknown state") != std::string::npos);
        QVERIFY(!AlertFilter::parse("@age>soon", &err));
        QVERIFY(!AlertFilter::parse("@color=red", &err));
        QVERIFY(!AlertFilter::parse("rack=~(eu", &err));
        QVERIFY(AlertFilter::parse("  ", &err)->empty());
    }

    void alertTable() {
        auto snap = test::stormSnapshot("rack-failure", 7, 300);
        AlertTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snap);
        QCOMPARE(model.rowCount(), int(snap->alerts.size()));
        QCOMPARE(model.totalAlerts(), int(snap->alerts.size()));
        QString error;
        QVERIFY(model.setFilterText(QStringLiteral("alertname=HostDown @state=inhibited"), &error));
        int inhibitedHostDown = 0;
        for (const auto &a : snap->alerts)
            inhibitedHostDown += a.name() == "HostDown" && a.isInhibited();
        QVERIFY(inhibitedHostDown >= 20);
        QCOMPARE(model.rowCount(), inhibitedHostDown);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.data(model.index(r, AlertTableModel::StateColumn)).toString(),
                     QStringLiteral("inhibited"));
        QCOMPARE(model.data(model.index(0, AlertTableModel::IncidentColumn)).toString().left(5),
                 QStringLiteral("rack "));
        QVERIFY(!model.setFilterText(QStringLiteral("@state=bogus"), &error));
        QVERIFY(error.contains(QStringLiteral("unknown state")));
        QCOMPARE(model.rowCount(), inhibitedHostDown); // the last good filter stays
        QVERIFY(model.setFilterText(QString(), &error));
        model.sort(AlertTableModel::StartedColumn, Qt::DescendingOrder);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.alertAt(r - 1)->startsAt >= model.alertAt(r)->startsAt);
        model.sort(AlertTableModel::SeverityColumn, Qt::AscendingOrder);
        QCOMPARE(model.data(model.index(0, AlertTableModel::SeverityColumn)).toString(),
                 QStringLiteral("critical"));
    }

    void csvExport() {
        auto snap = test::stormSnapshot("db-failover", 3, 300);
        const QString incidents = incidentsCsv(*snap);
        const QStringList lines = incidents.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), int(snap->triage->incidents.size()) + 1);
        QVERIFY(lines[0].startsWith(QStringLiteral("rank,key,cause,severity,confidence,alerts")));
        QVERIFY(lines[1].startsWith(QStringLiteral("1,host:")));
        QVERIFY(lines[1].contains(QStringLiteral("\"host ")) || lines[1].contains(QStringLiteral(",host ")));
        const QString alerts = incidentAlertsCsv(*snap);
        std::size_t members = 0;
        for (const auto &inc : snap->triage->incidents)
            members += inc.alerts.size();
        QCOMPARE(alerts.trimmed().split(QLatin1Char('\n')).size(), int(members) + 1);
        QVERIFY(alerts.contains(QStringLiteral(",yes,DbPrimaryDown,critical,")));
        QTemporaryDir dir;
        QString error;
        QVERIFY(writeTriageCsv(*snap, dir.filePath(QStringLiteral("t")), &error));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("t-incidents.csv"))));
        QVERIFY(!writeTriageCsv(*snap, QStringLiteral("/nonexistent-dir/t"), &error));
        QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/t-incidents.csv")));
    }

    void silenceMatching() {
        auto snap = test::stormSnapshot("rack-failure", 5, 400);
        std::vector<SilenceMatcher> m;
        std::string error;
        QVERIFY(parseMatchers("alertname=\"HostDown\" rack=~\"eu1-.*\"", &m, &error));
        QCOMPARE(m.size(), std::size_t(2));
        QVERIFY(m[1].isRegex && m[1].isEqual);
        QCOMPARE(QString::fromStdString(formatMatchers(m)),
                 QStringLiteral("alertname=\"HostDown\" rack=~\"eu1-.*\""));
        // HostDown in the failed rack is inhibited: it is not counted as active.
        int hostDownActive = 0, upstream = 0;
        for (const auto &a : snap->alerts) {
            hostDownActive += a.name() == "HostDown" && a.inhibitedBy.empty();
            upstream += a.name() == "UpstreamErrors";
        }
        QVERIFY(parseMatchers("alertname=HostDown", &m, &error));
        QCOMPARE(countActiveMatches(snap->alerts, m), hostDownActive);
        QVERIFY(parseMatchers("alertname=UpstreamErrors", &m, &error));
        QCOMPARE(countActiveMatches(snap->alerts, m), upstream);
        QVERIFY(!parseMatchers("justaword", &m, &error));
        QVERIFY(error.find("not a matcher") != std::string::npos);
        QVERIFY(!parseMatchers("", &m, &error));
        QVERIFY(!parseMatchers("a=~(x", &m, &error));
        QCOMPARE(alertmanagerSourceOf(snap->alerts[0]), std::string("sim"));
        QVERIFY(silenceMatches({{"alertname", "Host.*", true, true}},
                               LabelSet(std::vector<Label>{{"alertname", "HostDown"}})));
        QVERIFY(!silenceMatches({{"alertname", "Host", true, true}},
                                LabelSet(std::vector<Label>{{"alertname", "HostDown"}})));
        QVERIFY(!silenceMatches({}, LabelSet(std::vector<Label>{{"alertname", "HostDown"}})));
    }
};

QTEST_GUILESS_MAIN(TestTriageModels)
#include "tst_triagemodels.moc"
