// The drift view, headless: clusters from a report, a host's diff, hand-off as hosts / matcher /
// Ansible group, exports (HTML, CSV, JSON, PDF) and the consensus written as a baseline that loads back.
#include "analysis/baselineloader.h"
#include "drift/compliancechart.h"
#include "drift/driftview.h"
#include "drift/driftwording.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QCoreApplication>
#include <QFile>
#include <QLineSeries>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace vigil;
using namespace vigil::analysis;

namespace {
Host host(const std::string &name, const std::string &role, const std::string &region = "eu1") {
    Host h;
    h.name = name;
    h.labels = LabelSet(std::vector<Label>{{"instance", name}, {"region", region}, {"role", role}});
    h.up = UpState::Up;
    return h;
}

// A fetch that judges the snapshot against its consensus, as FleetService does.
DriftFetch consensusFetch(const FleetSnapshotPtr &snap) {
    return [snap](TimeMs, QObject *context, std::function<void(DriftPtr)> done) {
        auto s = std::make_shared<DriftSummary>();
        s->at = 1'700'000'000'000;
        s->consensus = consensusDrift(snap->hosts, snap->facts).baseline;
        s->baseline = std::make_shared<const Baseline>(consensusBaseline(s->consensus, "role"));
        s->report = evaluateBaseline(*s->baseline, snap->hosts, snap->facts, {}, s->at);
        s->byRole["api"] = {4, 6};
        s->history = {{s->at - 3'600'000, 1.0}};
        QMetaObject::invokeMethod(
            context, [done, s] { done(s); }, Qt::QueuedConnection);
    };
}
// A cell as the view shows it.
QString cell(const QAbstractItemModel *model, int row, int column) {
    return model->index(row, column).data().toString();
}
} // namespace

class TestDriftView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("vigil-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_driftview"));
        QSettings().clear();
    }

    // What was not judged is kept as facts and worded through tr(): English's plural forms agree with
    // the count ("1 host is down", "3 hosts are down"), in the notes, the reason nothing was judged, the
    // report's export; without a translation, tr() gives the source text.
    void notesAreWordedWithPlurals() {
        const DriftNote down{DriftNote::Kind::HostsDown, {}, {}, 1, 0};
        QCOMPARE(DriftWording::note(down), QStringLiteral("1 host(s) are down and were not judged"));
        QTranslator english;
        QVERIFY(english.load(QStringLiteral(":/i18n/vigil_en.qm")));
        QCoreApplication::installTranslator(&english);
        QCOMPARE(DriftWording::note(down), QStringLiteral("1 host is down and was not judged"));
        QCOMPARE(DriftWording::note({DriftNote::Kind::HostsWithoutRules, {}, {}, 3, 0}),
                 QStringLiteral("3 hosts match no baseline layer and were not judged"));
        QCOMPARE(
            DriftWording::note({DriftNote::Kind::NoMajority, "dmi.serial", "web", 300, 298}),
            QStringLiteral("dmi.serial has no majority value among the 300 web hosts (298 distinct values); "
                           "not judged"));
        BaselineReport none;
        none.hostsWithoutRules = 1;
        none.hostsDown = 2;
        QCOMPARE(DriftWording::nothingJudged(none, QStringLiteral("role")),
                 QStringLiteral("1 host has no \"role\" label to compare by, 2 hosts are down"));
        QCOMPARE(DriftWording::nothingJudged(BaselineReport(), QString()),
                 QStringLiteral("the sources reported no hosts"));

        // In the view: one api host of four is down.
        auto snap = std::make_shared<FleetSnapshot>();
        for (int i = 0; i < 4; ++i) {
            snap->hosts.push_back(host("api-" + std::to_string(i), "api"));
            snap->facts.push_back({"api-" + std::to_string(i), "package.openssl", "3.0.11"});
        }
        snap->hosts.edit()[3].up = UpState::Down;
        DriftView view(consensusFetch(snap));
        QSignalSpy ready(&view, &DriftView::ready);
        view.setSnapshot(snap);
        QVERIFY(ready.wait(3000));
        const QString html = view.html();
        QCoreApplication::removeTranslator(&english);
        QVERIFY2(html.contains(QStringLiteral("1 host is down and was not judged")), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("against the consensus by role")));
    }

    // "Mark reviewed" makes the report on screen the last report: the next fetch asks what changed
    // since its moment, the headline says it, and it is remembered for the next start.
    void lastReportIsRemembered() {
        auto snap = std::make_shared<FleetSnapshot>();
        for (int i = 0; i < 4; ++i) {
            snap->hosts.push_back(host("api-" + std::to_string(i), "api"));
            snap->facts.push_back({"api-" + std::to_string(i), "package.openssl", i ? "3.0.11" : "3.0.9"});
        }
        std::vector<TimeMs> asked;
        auto fetch = consensusFetch(snap);
        DriftView view([&](TimeMs since, QObject *context, std::function<void(DriftPtr)> done) {
            asked.push_back(since);
            fetch(since, context, [since, done](DriftPtr d) {
                auto s = std::make_shared<DriftSummary>(*d);
                if (since) { // as FleetService answers when the cache knows that moment
                    s->since = since;
                    s->newSince = 1;
                }
                done(s);
            });
        });
        QSignalSpy ready(&view, &DriftView::ready);
        view.setSnapshot(snap);
        QVERIFY(ready.wait(3000));
        QCOMPARE(asked, std::vector<TimeMs>{0});
        const ComplianceChart *chart = view.compliance(); // the last hour's point and the report's
        QCOMPARE(chart->line()->count(), 2);
        QCOMPARE(chart->line()->at(1).y(), 75.0);
        view.markReported();
        QVERIFY(ready.wait(3000));
        QCOMPARE(view.compliance(), chart); // the same chart, its line moved
        QCOMPARE(chart->line()->count(), 2);
        QCOMPARE(chart->line()->at(1).x(), double(view.summary()->at));
        QCOMPARE(asked.size(), std::size_t(2));
        QCOMPARE(asked.back(), view.summary()->at); // the report's own moment
        QVERIFY(view.html().contains(QStringLiteral("1 newly drifted")));
        QCOMPARE(QSettings().value(QStringLiteral("drift/lastReportAt")).toLongLong(),
                 static_cast<qlonglong>(asked.back()));
        DriftView again(fetch);
        QCOMPARE(again.lastReportAt(), asked.back());
    }

    void reportHandoffAndExports() {
        auto snap = std::make_shared<FleetSnapshot>();
        for (int i = 0; i < 6; ++i)
            snap->hosts.push_back(host("api-0" + std::to_string(i) + ":9100", "api"));
        for (int i = 0; i < 6; ++i) {
            const std::string h = "api-0" + std::to_string(i) + ":9100";
            snap->facts.push_back({h, "package.openssl", i < 2 ? "3.0.9" : "3.0.11"});
            snap->facts.push_back({h, "sysctl.vm.swappiness", "10"});
        }
        DriftView view(consensusFetch(snap));
        view.resize(1200, 800);
        QSignalSpy ready(&view, &DriftView::ready);
        view.setSnapshot(snap);
        QVERIFY(ready.wait(3000));
        QCOMPARE(view.clusters()->rowCount(), 1);
        QCOMPARE(cell(view.clusters(), 0, 1), QStringLiteral("2"));
        QCOMPARE(cell(view.clusters(), 0, 2), QStringLiteral("api"));
        QCOMPARE(cell(view.clusters(), 0, 4), QStringLiteral("3.0.9"));
        QCOMPARE(cell(view.clusters(), 0, 5), QStringLiteral("= 3.0.11"));
        // The first host's diff puts what differs first, in red.
        QCOMPARE(cell(view.hostList(), 0, 0), QStringLiteral("api-00:9100"));
        QCOMPARE(view.hostChecks()->rowCount(), 2);
        QCOMPARE(cell(view.hostChecks(), 0, 0), QStringLiteral("package.openssl"));
        QCOMPARE(cell(view.hostChecks(), 0, 1), QStringLiteral("3.0.9"));
        QCOMPARE(cell(view.hostChecks(), 0, 2), QStringLiteral("= 3.0.11"));
        QCOMPARE(view.hostChecks()->index(0, 1).data(Qt::ForegroundRole).value<QColor>(),
                 QColor(0xc0, 0x30, 0x30));
        QCOMPARE(cell(view.hostChecks(), 1, 0), QStringLiteral("sysctl.vm.swappiness"));
        QVERIFY(!view.hostChecks()->index(1, 1).data(Qt::ForegroundRole).isValid());
        QCOMPARE(view.hostsText(), QStringLiteral("api-00:9100\napi-01:9100"));
        QCOMPARE(view.matcherText(), QStringLiteral("instance=~\"api-00:9100|api-01:9100\""));
        QVERIFY2(
            view.ansibleText().startsWith(QStringLiteral("[drift_package_openssl_3_0_9]\napi-00\napi-01\n")),
            qPrintable(view.ansibleText()));
        QTemporaryDir dir;
        dir.setAutoRemove(qEnvironmentVariableIsEmpty("VIGIL_KEEP_TEST_OUTPUT")); // to look at the exports
        if (!dir.autoRemove())
            qInfo("exports kept in %s", qPrintable(dir.path()));
        QString err;
        for (const char *name : {"r.html", "r.csv", "r.json", "r.pdf"}) {
            const QString path = dir.filePath(QString::fromLatin1(name));
            QVERIFY2(view.exportTo(path, &err), qPrintable(err));
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray data = f.readAll();
            QVERIFY(data.size() > 100);
            if (path.endsWith(QLatin1String(".pdf")))
                QVERIFY(data.startsWith("%PDF"));
            if (path.endsWith(QLatin1String(".csv")))
                QVERIFY(data.contains("api-00:9100,package.openssl,3.0.9,'= 3.0.11,warning,"));
            if (path.endsWith(QLatin1String(".html")))
                QVERIFY(data.contains("<td>3.0.9</td>"));
        }
        QVERIFY(!view.exportTo(dir.filePath(QStringLiteral("no/dir/r.csv")), &err));
        const QString yaml = dir.filePath(QStringLiteral("baseline.yaml"));
        QVERIFY2(view.writeConsensus(yaml, &err), qPrintable(err));
        ConfigError cerr;
        const auto back = BaselineLoader::loadFile(yaml.toStdString(), &cerr);
        QVERIFY2(back, cerr.toString().c_str());
        QCOMPARE(evaluateBaseline(*back, snap->hosts, snap->facts).violations.size(), std::size_t(2));
    }

    // A label-matcher filter narrows the clusters to the hosts it matches; the value distribution of
    // the cluster's fact counts the hosts in the filter (absent included) and says which values the
    // baseline accepts; "Mark in other views" hands the cluster's hosts on.
    void filterDistributionAndLinks() {
        auto snap = std::make_shared<FleetSnapshot>();
        for (int i = 0; i < 12; ++i)
            snap->hosts.push_back(host("api-" + std::to_string(10 + i), "api", i < 6 ? "eu1" : "us1"));
        for (int i = 0; i < 12; ++i) {
            const std::string h = "api-" + std::to_string(10 + i);
            // 3.0.9 on two eu1 hosts and two us1 hosts; one us1 host lacks openssl.
            const bool old = i == 1 || i == 4 || i == 7 || i == 8;
            if (i != 11)
                snap->facts.push_back({h, "package.openssl", old ? "3.0.9" : "3.0.11"});
            snap->facts.push_back({h, "sysctl.vm.swappiness", "10"});
        }
        // db hosts run another openssl, judged by their own layer: not in the api cluster's values.
        for (int i = 0; i < 3; ++i) {
            const std::string h = "db-" + std::to_string(10 + i);
            snap->hosts.push_back(host(h, "db"));
            snap->facts.push_back({h, "package.openssl", "1.1.1"});
        }
        std::sort(snap->hosts.edit().begin(), snap->hosts.edit().end(),
                  [](const Host &a, const Host &b) { return a.name < b.name; });
        std::sort(snap->facts.edit().begin(), snap->facts.edit().end(), [](const Fact &a, const Fact &b) {
            return std::tie(a.host, a.name, a.value) < std::tie(b.host, b.name, b.value);
        });
        DriftView view(consensusFetch(snap));
        view.resize(1280, 800);
        QSignalSpy ready(&view, &DriftView::ready);
        QSignalSpy shown(&view, &DriftView::valuesShown); // counted off the GUI thread
        // Every list is a model, checked by the tester through every report and filter change.
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        for (auto *model : {view.clusters(), view.values(), view.hostList(), view.hostChecks()})
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::QtTest));
        view.setSnapshot(snap);
        QVERIFY(ready.wait(3000));
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 3000);
        QCOMPARE(view.clusters()->rowCount(), 2); // 3.0.9 on 4, absent on 1
        QCOMPARE(cell(view.clusters(), 0, 1), QStringLiteral("4"));
        // Values over the whole fleet: 3.0.11 on 7, 3.0.9 on 4, absent on 1.
        auto values = [&] {
            std::map<QString, std::pair<QString, QString>> out;
            for (int k = 0; k < view.values()->rowCount(); ++k) {
                out[cell(view.values(), k, 0)] = {cell(view.values(), k, 1), cell(view.values(), k, 3)};
            }
            return out;
        };
        auto all = values();
        QCOMPARE(all.size(), std::size_t(3)); // not db's 1.1.1
        QCOMPARE(all[QStringLiteral("3.0.11")], (std::pair<QString, QString>{"7", "complies"}));
        QCOMPARE(all[QStringLiteral("3.0.9")], (std::pair<QString, QString>{"4", "drift"}));
        QCOMPARE(all[QStringLiteral("(absent)")].first, QStringLiteral("1"));
        QCOMPARE(cell(view.values(), 0, 0), QStringLiteral("3.0.11")); // most common first

        shown.clear();
        view.setFilterText(QStringLiteral("region=\"eu1\""));
        QCOMPARE(view.filterError(), QString());
        QCOMPARE(view.clusters()->rowCount(), 1); // the absent host is in us1
        QCOMPARE(cell(view.clusters(), 0, 1), QStringLiteral("2"));
        QCOMPARE(view.hostsText(), QStringLiteral("api-11\napi-14"));
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 3000);
        auto eu = values();
        QCOMPARE(eu[QStringLiteral("3.0.11")].first, QStringLiteral("4"));
        QCOMPARE(eu[QStringLiteral("3.0.9")].first, QStringLiteral("2"));
        QVERIFY(!eu.count(QStringLiteral("(absent)")));

        QSignalSpy handed(&view, &DriftView::showHosts);
        auto *mark = [&]() -> QPushButton * {
            for (auto *b : view.findChildren<QPushButton *>())
                if (b->text() == QStringLiteral("Mark in other views"))
                    return b;
            return nullptr;
        }();
        QVERIFY(mark);
        mark->click();
        QCOMPARE(handed.size(), 1);
        QCOMPARE(handed[0][2].toStringList(), (QStringList{"api-11", "api-14"}));
        QVERIFY(handed[0][1].toString().contains(QStringLiteral("3.0.9")));

        view.setFilterText(QStringLiteral("region=~\"(\""));
        QVERIFY(!view.filterError().isEmpty());
        QCOMPARE(view.clusters()->rowCount(), 2); // a bad filter filters nothing
    }
};

QTEST_MAIN(TestDriftView)
#include "tst_driftview.moc"
