#include "item/driftmodels.h"
#include "item/hosttablemodel.h"
#include "item/sourcehealthmodel.h"
#include "item/wearmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QVariantMap>

#include <cmath>

using namespace vigil;

namespace {
FleetSnapshotPtr snapshot(std::vector<std::pair<std::string, double>> hosts, int metricsCount = 2) {
    auto s = std::make_shared<FleetSnapshot>();
    for (int i = 0; i < metricsCount; ++i)
        s->metrics.push_back({"m" + std::to_string(i), "M" + std::to_string(i), MetricUnit::Ratio, "q"});
    for (auto &[name, v] : hosts) {
        Host h;
        h.name = name;
        h.labels = LabelSet({{"instance", name}, {"rack", "r1"}});
        h.up = std::isnan(v) ? UpState::Down : UpState::Up;
        h.metrics.assign(static_cast<std::size_t>(metricsCount), v);
        s->hosts.push_back(h);
    }
    std::sort(s->hosts.edit().begin(), s->hosts.edit().end(),
              [](const Host &a, const Host &b) { return a.name < b.name; });
    SourceHealth src;
    src.id = "p";
    src.lastSuccess = nowMs();
    s->sources = {src};
    return s;
}

QStringList names(const HostTableModel &m) {
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.data(m.index(r, HostTableModel::NameColumn)).toString();
    return out;
}
} // namespace

class TestItemModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Where a drift rule comes from, for the operator: a baseline file's line as it is, a consensus in
    // words of the user's language (numbers in its digits).
    void driftRuleOrigin() {
        QCOMPARE(DriftClusterModel::origin("baseline.yaml:12 (db)", 0, 0, "db"),
                 QStringLiteral("baseline.yaml:12 (db)"));
        const QString consensus =
            DriftClusterModel::origin("consensus of 1200/1250 web hosts", 1200, 1250, "web");
        QVERIFY2(consensus.startsWith(QStringLiteral("consensus of %1 of %2 web host")
                                          .arg(QLocale().toString(1200), QLocale().toString(1250))),
                 qPrintable(consensus));
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(DriftClusterModel::origin("", 1200, 1250, "web").contains(QStringLiteral("1.200")),
                 qPrintable(DriftClusterModel::origin("", 1200, 1250, "web")));
        QLocale::setDefault(before);
    }
    // The wear ranking's raw values, in ranking order, under the model tester.
    void wearModel() {
        analysis::WearReport report;
        report.titles = {"Reallocated sectors"};
        report.ranking = {{"h1003", 0.9, 2.5, {{0, 480, 8, 2.5, 0.9}}},
                          {"h1020", 0.02, 1000, {{0, 10, 0.5, 980, 0.02}}}};
        WearModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setReport(std::make_shared<const analysis::WearReport>(report));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(WearModel::ColumnCount));
        QCOMPARE(model.index(0, WearModel::HostColumn).data().toString(), QStringLiteral("h1003"));
        QCOMPARE(model.index(1, WearModel::FailsInColumn).data(WearModel::HoursRole).toDouble(), 1000.0);
        QVERIFY(model.index(0, 0).data(WearModel::ReplaceSoonRole).toBool());  // 2.5 h
        QVERIFY(!model.index(1, 0).data(WearModel::ReplaceSoonRole).toBool()); // 42 days
        QCOMPARE(model.replaceSoon(), 1);
        const QVariantList trends = model.index(0, WearModel::WhyColumn).data(WearModel::TrendsRole).toList();
        QCOMPARE(trends.size(), 1);
        QCOMPARE(trends[0].toMap().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Reallocated sectors"));
        QCOMPARE(trends[0].toMap().value(QStringLiteral("slopePerHour")).toDouble(), 8.0);
        model.setReport(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void hostModelColumnsAndRoles() {
        HostTableModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setSnapshot(snapshot({{"a", 0.5}, {"b", NAN}}));
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.columnCount(), HostTableModel::FirstMetricColumn + 2 + 1);
        QCOMPARE(m.labelsColumn(), HostTableModel::FirstMetricColumn + 2);
        QCOMPARE(m.data(m.index(0, HostTableModel::FirstMetricColumn)).toDouble(), 0.5);
        QVERIFY(std::isnan(m.data(m.index(1, HostTableModel::FirstMetricColumn)).toDouble()));
        QVERIFY(std::isinf(
            m.data(m.index(1, HostTableModel::FirstMetricColumn), HostTableModel::SortRole).toDouble()));
        QCOMPARE(m.data(m.index(1, HostTableModel::StatusColumn)).toInt(), int(UpState::Down));
        QCOMPARE(m.data(m.index(0, m.labelsColumn())).toString(), QStringLiteral("rack=r1"));
        QCOMPARE(m.metricColumn("m1"), HostTableModel::FirstMetricColumn + 1);
        QCOMPARE(m.headerData(HostTableModel::FirstMetricColumn, Qt::Horizontal).toString(),
                 QStringLiteral("M0"));
    }

    // The proxy sorts through lessThan(); it must order every column as SortRole's values do, NaN first
    // and hosts that lack a metric with it.
    void fastOrderMatchesSortRole() {
        HostTableModel m;
        auto s = snapshot({{"web-10", 0.5}, {"web-2", NAN}, {"db-1", 0.25}, {"Zeta", 0.5}, {"api", 1.0}});
        auto hosts = std::const_pointer_cast<FleetSnapshot>(s);
        hosts->hosts.edit()[1].metrics.resize(1); // one host without the second metric
        hosts->hostAlerts = {0, 0, 7, 0, 0};
        hosts->hosts.edit()[3].up = UpState::Unknown;
        m.setSnapshot(s);
        int ordered = 0;
        for (int c = 0; c < m.labelsColumn(); ++c)
            for (int a = 0; a < m.rowCount(); ++a)
                for (int b = 0; b < m.rowCount(); ++b) {
                    const auto fast = m.lessThan(a, b, c);
                    QVERIFY(fast.has_value());
                    const QVariant va = m.data(m.index(a, c), HostTableModel::SortRole);
                    const QVariant vb = m.data(m.index(b, c), HostTableModel::SortRole);
                    const bool slow = QVariant::compare(va, vb) == QPartialOrdering::Less;
                    QCOMPARE(*fast, slow);
                    ordered += *fast;
                }
        QVERIFY(ordered > 20);                                    // not all equal
        QVERIFY(!m.lessThan(0, 1, m.labelsColumn()).has_value()); // left to the proxy
        QVERIFY(!m.lessThan(0, 99, HostTableModel::NameColumn).has_value());
    }

    void valueChangesAreTargeted() {
        HostTableModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setSnapshot(snapshot({{"a", 0.1}, {"b", 0.2}, {"c", 0.3}, {"d", 0.4}}));
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        m.setSnapshot(snapshot({{"a", 0.1}, {"b", 0.9}, {"c", 0.8}, {"d", 0.4}}));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(changed.count(), 1); // rows b..c as one run
        QCOMPARE(changed[0][0].toModelIndex().row(), 1);
        QCOMPARE(changed[0][1].toModelIndex().row(), 2);
        changed.clear();
        m.setSnapshot(snapshot({{"a", 0.1}, {"b", 0.9}, {"c", 0.8}, {"d", 0.4}}));
        QCOMPARE(changed.count(), 0); // nothing moved, nothing said
    }

    // The main window's clock gives the snapshot shown again every 2 s, for staleness: the rows are
    // planned again only when a source turned stale (then every row says so), not on every tick.
    void sameSnapshotIsPlannedOnlyWhenStalenessMoves() {
        HostTableModel m;
        auto s = std::const_pointer_cast<FleetSnapshot>(snapshot({{"a", 0.1}, {"b", 0.2}}));
        s->sources[0].intervalMs = 100; // stale 200 ms after lastSuccess
        for (auto &h : s->hosts.edit())
            h.sources = {"p"};
        QSignalSpy ready(&m, &HostTableModel::rowsReady);
        m.setSnapshot(s);
        QCOMPARE(ready.count(), 1);
        QVERIFY(!m.data(m.index(0, 0), HostTableModel::StaleRole).toBool());
        m.setSnapshot(s);
        m.setSnapshot(s);
        QCOMPARE(ready.count(), 1); // nothing moved: not planned again
        QTest::qWait(300);          // the source is now stale
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.setSnapshot(s);
        QCOMPARE(ready.count(), 2);
        QCOMPARE(changed.count(), 1); // every row, as one run
        QVERIFY(m.data(m.index(0, 0), HostTableModel::StaleRole).toBool());
        QVERIFY(m.data(m.index(1, 0), HostTableModel::StaleRole).toBool());
        m.setSnapshot(s);
        QCOMPARE(ready.count(), 2);
    }

    void membershipChanges_data() {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::newRow("insert middle") << QStringList{"a", "c"} << QStringList{"a", "b", "c"};
        QTest::newRow("remove ends") << QStringList{"a", "b", "c", "d"} << QStringList{"b", "c"};
        QTest::newRow("replace all") << QStringList{"a", "b"} << QStringList{"x", "y", "z"};
        QTest::newRow("interleaved") << QStringList{"a", "c", "e", "g"}
                                     << QStringList{"b", "c", "d", "g", "h"};
        QTest::newRow("to empty") << QStringList{"a", "b"} << QStringList{};
        QTest::newRow("from empty") << QStringList{} << QStringList{"a", "b"};
    }
    void membershipChanges() {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        auto make = [](const QStringList &l) {
            std::vector<std::pair<std::string, double>> v;
            for (const auto &n : l)
                v.emplace_back(n.toStdString(), 0.5);
            return snapshot(v);
        };
        HostTableModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setSnapshot(make(before));
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        m.setSnapshot(make(after));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(names(m), after);
    }

    // The model sorts and filters itself; the rows shown follow every poll, and a row selected (a
    // persistent index) stays on its host while hosts come, go and change places.
    void sortsAndFiltersAcrossPolls() {
        HostTableModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setSnapshot(snapshot({{"a", 0.1}, {"b", 0.5}, {"c", 0.3}, {"d", 0.5}, {"e", NAN}}));
        m.sort(HostTableModel::FirstMetricColumn, Qt::DescendingOrder);
        QCOMPARE(names(m), (QStringList{"b", "d", "c", "a", "e"})); // ties by name, no value last
        const QPersistentModelIndex c(m.index(2, HostTableModel::StatusColumn));
        QSignalSpy layout(&m, &QAbstractItemModel::layoutChanged);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        // c rises to the top, b goes, f comes.
        m.setSnapshot(snapshot({{"a", 0.1}, {"c", 0.9}, {"d", 0.5}, {"e", NAN}, {"f", 0.2}}));
        QCOMPARE(names(m), (QStringList{"c", "d", "f", "a", "e"}));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 1);
        QVERIFY(c.isValid());
        QCOMPARE(c.row(), 0);
        QCOMPARE(c.column(), int(HostTableModel::StatusColumn));
        // The filter keeps the order; the total is the fleet's.
        QString error;
        QVERIFY(m.setFilterText(QStringLiteral("rack=r1 d"), &error));
        QCOMPARE(names(m), (QStringList{"d"}));
        QCOMPARE(m.totalHosts(), 5);
        QVERIFY(!m.setFilterText(QStringLiteral("rack=~(r"), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(names(m), (QStringList{"d"})); // the last good filter stays
        QVERIFY(m.setFilterText(QString(), &error));
        QVERIFY(!c.isValid()); // c was filtered out
        QCOMPARE(names(m), (QStringList{"c", "d", "f", "a", "e"}));
        const QPersistentModelIndex f(m.index(2, 0));
        m.sort(HostTableModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(names(m), (QStringList{"a", "c", "d", "e", "f"}));
        QCOMPARE(f.row(), 4);
    }

    // A fleet over kInlineHosts is filtered and sorted on the job runner: the rows shown stay until the
    // new ones are ready, then match what the small path gives.
    void largeFleetsAreSortedOffTheGuiThread() {
        auto make = [](int n, double shift) {
            std::vector<std::pair<std::string, double>> v;
            for (int i = 0; i < n; ++i)
                v.emplace_back("h" + std::to_string(10000 + i), std::fmod(i * 0.37 + shift, 1.0));
            return snapshot(v);
        };
        const int n = static_cast<int>(HostTableModel::kInlineHosts) * 2;
        HostTableModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Warning);
        m.setSnapshot(make(n, 0.0));
        QCOMPARE(m.rowCount(), 0); // not yet
        QTRY_VERIFY(m.isCurrent());
        QCOMPARE(m.rowCount(), n);
        m.sort(HostTableModel::FirstMetricColumn, Qt::AscendingOrder);
        QTRY_VERIFY(m.isCurrent());
        const QPersistentModelIndex first(m.index(0, 0));
        const QString host = first.data().toString();
        m.setSnapshot(make(n, 0.5));
        QTRY_VERIFY(m.isCurrent());
        QCOMPARE(first.data().toString(), host);
        double last = -1;
        for (int r = 0; r < m.rowCount(); ++r) {
            const double v = m.data(m.index(r, HostTableModel::FirstMetricColumn)).toDouble();
            QVERIFY(v >= last);
            last = v;
        }
    }

    void profileChangeResets() {
        HostTableModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setSnapshot(snapshot({{"a", 0.1}}, 2));
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        m.setSnapshot(snapshot({{"a", 0.1}}, 3));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m.columnCount(), HostTableModel::FirstMetricColumn + 3 + 1);
    }

    void sourceHealthModel() {
        SourceHealthModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto s = std::make_shared<FleetSnapshot>();
        SourceHealth ok;
        ok.id = "p/prometheus";
        ok.lastSuccess = nowMs();
        SourceHealth bad;
        bad.id = "p/alertmanager#0";
        bad.kind = SourceKind::Alertmanager;
        bad.lastError = "timeout";
        bad.warnings = {"w1"};
        s->sources = {ok, bad};
        m.setSnapshot(s);
        QCOMPARE(m.rowCount(), 2);
        QVERIFY(m.data(m.index(0, 0), SourceHealthModel::HealthyRole).toBool());
        QVERIFY(!m.data(m.index(1, 0), SourceHealthModel::HealthyRole).toBool());
        QCOMPARE(m.data(m.index(1, SourceHealthModel::ErrorColumn)).toString(),
                 QStringLiteral("timeout; w1"));
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.setSnapshot(s);
        QCOMPARE(changed.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
