#include "hosts/hosttableview.h"

#include "hosts/hosttableproxy.h"
#include "hosts/metricbardelegate.h"
#include "item/hosttablemodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace vigil {

HostTableView::HostTableView(HostTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new HostTableProxy(this))
    , m_filter(new QLineEdit(this))
    , m_filterError(new QLabel(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this)) {
    m_proxy->setSourceModel(m_model);
    m_filter->setPlaceholderText(tr("Filter: region=eu1 role=~db.* status… or part of a host name"));
    m_filter->setClearButtonEnabled(true);
    m_filterError->setStyleSheet(QStringLiteral("color: #d03030;"));
    m_filterError->hide();

    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HostTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(std::max(22, fontMetrics().height() + 6));
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->setItemDelegate(new MetricBarDelegate(m_table));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_filterError);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &HostTableView::applyFilter);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &HostTableView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &HostTableView::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &HostTableView::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &HostTableView::updateCount);
    connect(m_model, &HostTableModel::rowsReady, this, &HostTableView::updateCount);
    // Size columns once real rows exist (the first snapshot is often the empty or cached fleet), and
    // again only when the columns change (another profile's metrics); after that, widths are the
    // operator's. A reset of the rows alone (a poll that moved many) keeps them: fitting measured a
    // thousand rows per column on the GUI thread. The first 200 rows and those on screen are enough.
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    auto fitColumns = [this] {
        if (m_sizedColumns == m_model->columnCount() || m_model->rowCount() == 0)
            return;
        m_sizedColumns = m_model->columnCount();
        m_table->resizeColumnsToContents();
        m_table->setColumnWidth(HostTableModel::NameColumn,
                                std::max(160, m_table->columnWidth(HostTableModel::NameColumn)));
        for (int c = HostTableModel::FirstMetricColumn; c < m_model->labelsColumn(); ++c)
            m_table->setColumnWidth(c, std::max(80, m_table->columnWidth(c)));
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, fitColumns);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, fitColumns);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &idx) {
        Q_EMIT hostActivated(idx.data(HostTableModel::HostNameRole).toString());
    });
    updateCount();
}

void HostTableView::setFilterText(const QString &text) {
    m_filter->setText(text);
}

void HostTableView::applyFilter() {
    QString error;
    if (m_proxy->setFilterText(m_filter->text(), &error)) {
        m_filterError->hide();
        m_filter->setStyleSheet({});
    } else {
        m_filterError->setText(tr("Filter not applied: %1").arg(error));
        m_filterError->show();
        m_filter->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #d03030; }"));
    }
    updateCount();
}

void HostTableView::updateCount() {
    const int shown = m_proxy->rowCount();
    const int total = m_model->totalHosts();
    m_count->setText(shown == total ? tr("%Ln host(s)", nullptr, total)
                                    : tr("%L1 of %Ln host(s)", nullptr, total).arg(shown));
}

void HostTableView::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        m_table->verticalHeader()->setDefaultSectionSize(std::max(22, fontMetrics().height() + 6));
}

} // namespace vigil
