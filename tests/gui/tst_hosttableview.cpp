#include "common/format.h"
#include "common/sourcepanel.h"
#include "hosts/hosttableproxy.h"
#include "hosts/hosttableview.h"
#include "item/hosttablemodel.h"
#include "item/sourcehealthmodel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

#include <cmath>

using namespace vigil;

namespace {
FleetSnapshotPtr fleet(int n, double cpu, int skip = -1) {
    auto s = std::make_shared<FleetSnapshot>();
    s->metrics = {{"cpu", "CPU", MetricUnit::Ratio, "q"},
                  {"network", "Network", MetricUnit::BytesPerSecond, "q"}};
    for (int i = 0; i < n; ++i) {
        if (i == skip)
            continue;
        Host h;
        char name[32];
        std::snprintf(name, sizeof name, "%s-%04d:9100", i % 4 == 0 ? "db" : "web", i);
        h.name = name;
        h.labels = LabelSet(
            {{"instance", name}, {"region", i % 2 ? "eu1" : "us1"}, {"role", i % 4 == 0 ? "db" : "web"}});
        h.up = i % 10 == 0 ? UpState::Down : UpState::Up;
        h.metrics = {cpu + i * 0.001, 1.5e6};
        s->hosts.push_back(h);
    }
    std::sort(s->hosts.begin(), s->hosts.end(), [](const Host &a, const Host &b) { return a.name < b.name; });
    SourceHealth src;
    src.id = "p";
    src.lastSuccess = nowMs();
    s->sources = {src};
    return s;
}
} // namespace

class TestHostTableView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Values as the operator reads them: counts without decimals, in the locale's digits.
    void valuesReadInTheLocale() {
        QCOMPARE(format::metric(2.0, MetricUnit::Number), QStringLiteral("2"));
        QCOMPARE(format::metric(0.456, MetricUnit::Number), QStringLiteral("0.46"));
        QCOMPARE(format::metric(0.573, MetricUnit::Ratio), QStringLiteral("57.3 %"));
        QCOMPARE(format::bytes(12'400'000), QStringLiteral("12.4 MB"));
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(format::metric(0.573, MetricUnit::Ratio), QStringLiteral("57,3 %"));
        QCOMPARE(format::metric(0.456, MetricUnit::Number), QStringLiteral("0,46"));
        QCOMPARE(format::metric(3.0, MetricUnit::Number), QStringLiteral("3"));
        QCOMPARE(format::bytes(12'400'000), QStringLiteral("12,4 MB"));
        QLocale::setDefault(before);
    }
    void filterAndFormat() {
        HostTableModel model;
        HostTableView view(&model);
        QAbstractItemModelTester tester(view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(fleet(40, 0.5));
        QCOMPARE(view.proxy()->rowCount(), 40);
        view.setFilterText(QStringLiteral("region=eu1 role=~web"));
        QCOMPARE(view.proxy()->rowCount(), 20);
        view.setFilterText(QStringLiteral("db-000"));
        QCOMPARE(view.proxy()->rowCount(), 3); // db-0000, db-0004, db-0008
        // A broken filter is reported and leaves the last good one in place.
        view.setFilterText(QStringLiteral("role=~(db"));
        QCOMPARE(view.proxy()->rowCount(), 3);
        auto *error = view.findChildren<QLabel *>().at(0);
        QVERIFY(error->isVisibleTo(&view));
        QVERIFY(error->text().contains(QStringLiteral("regular expression")));
        view.setFilterText(QString());
        QCOMPARE(view.proxy()->rowCount(), 40);
        // Text is formatted in the proxy; the model keeps raw numbers.
        const QModelIndex cpu = view.proxy()->index(0, HostTableModel::FirstMetricColumn);
        QVERIFY(cpu.data().toString().endsWith(QStringLiteral(" %")));
        QCOMPARE(view.proxy()->index(0, HostTableModel::FirstMetricColumn + 1).data().toString(),
                 QStringLiteral("1.5 MB/s"));
        QCOMPARE(view.proxy()->headerData(HostTableModel::NameColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Host"));
    }

    void sourcePanelProxy() {
        SourceHealthModel model;
        SourcePanel panel(&model);
        QAbstractItemModelTester tester(panel.table()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto s = std::make_shared<FleetSnapshot>();
        SourceHealth ok;
        ok.id = "prod/prometheus";
        ok.lastSuccess = nowMs() - 3000;
        ok.lastLatencyMs = 1500;
        ok.lastBytes = 2'300'000;
        SourceHealth failing;
        failing.id = "prod/alertmanager#0";
        failing.lastError = "/api/v2/alerts: timeout";
        SourceHealth waiting;
        waiting.id = "prod/alertmanager#1";
        s->sources = {ok, failing, waiting};
        model.setSnapshot(s);
        auto *m = panel.table()->model();
        QCOMPARE(m->rowCount(), 3);
        QCOMPARE(m->index(0, SourceHealthModel::StatusColumn).data().toString(), QStringLiteral("ok"));
        QCOMPARE(m->index(0, SourceHealthModel::LastSuccessColumn).data().toString(),
                 QStringLiteral("3 s ago"));
        QCOMPARE(m->index(0, SourceHealthModel::LatencyColumn).data().toString(), QStringLiteral("1.5 s"));
        QCOMPARE(m->index(0, SourceHealthModel::BytesColumn).data().toString(), QStringLiteral("2.3 MB"));
        QCOMPARE(m->index(1, SourceHealthModel::StatusColumn).data().toString(), QStringLiteral("FAILING"));
        QCOMPARE(m->index(1, SourceHealthModel::LastSuccessColumn).data().toString(),
                 QStringLiteral("never"));
        QVERIFY(m->index(1, SourceHealthModel::ErrorColumn).data(Qt::ForegroundRole).isValid());
        QCOMPARE(m->index(2, SourceHealthModel::StatusColumn).data().toString(), QStringLiteral("waiting"));
        QCOMPARE(m->headerData(SourceHealthModel::ErrorColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Last error"));
    }

    void updatesKeepSelectionAndScroll() {
        HostTableModel model;
        HostTableView view(&model);
        view.resize(800, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setSnapshot(fleet(500, 0.2));
        auto *table = view.table();
        table->sortByColumn(HostTableModel::NameColumn, Qt::AscendingOrder);
        table->selectRow(250);
        const QString selected = table->currentIndex().siblingAtColumn(0).data().toString();
        table->scrollTo(table->currentIndex(), QAbstractItemView::PositionAtTop);
        const int scroll = table->verticalScrollBar()->value();
        QVERIFY(scroll > 0);
        // A poll changes every value and removes a host above the selection.
        model.setSnapshot(fleet(500, 0.6, /*skip=*/3));
        QCOMPARE(table->currentIndex().siblingAtColumn(0).data().toString(), selected);
        QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
        QVERIFY(std::abs(table->verticalScrollBar()->value() - scroll) <= 1);
    }
};

QTEST_MAIN(TestHostTableView)
#include "tst_hosttableview.moc"
