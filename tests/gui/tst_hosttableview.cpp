#include "common/format.h"
#include "common/sourcepanel.h"
#include "common/textdelegate.h"
#include "hosts/hosttableproxy.h"
#include "hosts/hosttableview.h"
#include "item/hosttablemodel.h"
#include "item/sourcehealthmodel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QScrollBar>
#include <QStandardItemModel>
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
    std::sort(s->hosts.edit().begin(), s->hosts.edit().end(),
              [](const Host &a, const Host &b) { return a.name < b.name; });
    SourceHealth src;
    src.id = "p";
    src.lastSuccess = nowMs();
    s->sources = {src};
    return s;
}
// The style's way of drawing a cell's text, as TextDelegate drew it before it kept shaped texts: the
// text rectangle from the style, elided by the font metrics, laid out and drawn by QPainter::drawText.
class StyleTextDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override {
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        QStyle *style = opt.widget->style();
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);
        const int margin = TextDelegate::textMargin(opt.fontMetrics);
        const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget)
                               .adjusted(margin, 0, -margin, 0);
        const QPalette::ColorGroup group =
            (opt.state & QStyle::State_Active) ? QPalette::Normal : QPalette::Inactive;
        painter->save();
        painter->setFont(opt.font);
        painter->setPen(opt.palette.color(
            group, (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
        const QString line = TextDelegate::oneLine(opt.text);
        const QString shown = opt.fontMetrics.horizontalAdvance(line) <= text.width()
                                  ? line
                                  : opt.fontMetrics.elidedText(line, opt.textElideMode, text.width());
        painter->drawText(text, static_cast<int>(opt.displayAlignment) | Qt::TextSingleLine, shown);
        painter->restore();
    }
};

// A table of the cells the large tables hold: names, right-aligned numbers, text too long for its
// column, a summary with a line break, a bold row, a selected row, an empty cell, umlauts.
QImage paintedCells(QAbstractItemDelegate *delegate, const QFont &font) {
    QStandardItemModel model(7, 3);
    const QStringList names{QStringLiteral("web-0001:9100"),
                            QStringLiteral("Prüfstand-Ä · eu1"),
                            QStringLiteral("a host name far too long for the column it is shown in"),
                            QStringLiteral("first line\nsecond line"),
                            QStringLiteral("db-0004:9100"),
                            QString(),
                            QStringLiteral("x")};
    for (int r = 0; r < model.rowCount(); ++r) {
        model.setData(model.index(r, 0), names[r]);
        model.setData(model.index(r, 1), QStringLiteral("%1 %").arg(r * 13.7, 0, 'f', 1));
        model.setData(model.index(r, 1), int(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
        model.setData(model.index(r, 2), QStringLiteral("2 alerts · critical"));
        model.setData(model.index(r, 2), int(Qt::AlignHCenter | Qt::AlignVCenter), Qt::TextAlignmentRole);
    }
    QFont bold = font;
    bold.setBold(true);
    for (int c = 0; c < 3; ++c)
        model.setData(model.index(4, c), bold, Qt::FontRole);
    QTableView table;
    table.setFont(font);
    table.setModel(&model);
    table.setItemDelegate(delegate);
    table.setAlternatingRowColors(true);
    table.setWordWrap(false);
    table.setColumnWidth(0, 170);
    table.setColumnWidth(1, 90);
    table.setColumnWidth(2, 150);
    table.resize(480, 320);
    table.selectRow(1);
    return table.grab().toImage();
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

    // Cells drawn from the shaped-text cache look exactly as the style's text drawing drew them: in
    // place, aligned, elided, bold and selected alike; in a wall's larger type too; and again from the
    // cache on a second paint.
    void cachedTextDrawsAsTheStyle() {
        for (const int points : {9, 22}) {
            QFont font = QApplication::font();
            font.setPointSize(points);
            StyleTextDelegate style;
            TextDelegate cached;
            const QImage expected = paintedCells(&style, font);
            QCOMPARE(paintedCells(&cached, font), expected);
            QCOMPARE(paintedCells(&cached, font), expected); // from the cache
        }
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
