#include "common/viewcontrols.h"

#include "common/textdelegate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTreeView>

namespace vigil::controls {

namespace {
QString tr(const char *s) {
    return QCoreApplication::translate("ViewControls", s);
}
} // namespace

void addTimeRanges(QComboBox *combo) {
    combo->addItem(tr("1 hour"), 1);
    combo->addItem(tr("6 hours"), 6);
    combo->addItem(tr("24 hours"), 24);
    combo->addItem(tr("7 days"), 168);
    combo->setCurrentIndex(1);
}

void addColourRange(QHBoxLayout *bar, QCheckBox *autoRange, QDoubleSpinBox *lo, QDoubleSpinBox *hi) {
    autoRange->setText(tr("Auto"));
    autoRange->setChecked(true);
    autoRange->setToolTip(tr("Colour range: 0–100 % for ratios, else 0 to the 95th percentile"));
    for (auto *sb : {lo, hi}) {
        sb->setRange(-1e12, 1e12);
        sb->setDecimals(2);
        sb->setEnabled(false);
        sb->setKeyboardTracking(false);
    }
    hi->setValue(100);
    bar->addWidget(new QLabel(tr("Colours")));
    bar->addWidget(autoRange);
    bar->addWidget(lo);
    bar->addWidget(new QLabel(QStringLiteral("–")));
    bar->addWidget(hi);
}

void readOnlyRows(QTableView *table) {
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setItemDelegate(new TextDelegate(table));
}

QTreeView *flatList(QTreeView *view, QAbstractItemModel *model) {
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setAlternatingRowColors(true);
    view->setUniformRowHeights(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

QVariant columnTitle(const QStringList &titles, int section, Qt::Orientation orientation, int role) {
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < titles.size())
        return titles[section];
    return {};
}

void sizeColumnsInChars(QHeaderView *header, int chars, std::initializer_list<std::pair<int, int>> columns) {
    // In the view's type (the header's own may not have followed yet).
    const QWidget *view = header->parentWidget() ? header->parentWidget() : header;
    const int em = view->fontMetrics().averageCharWidth();
    header->setDefaultSectionSize(chars * em); // every column, and those a model adds later
    const int last = header->count() - 1;
    for (const auto &[c, n] : columns)
        if (c >= 0 && c < header->count() && !(c == last && header->stretchLastSection()))
            header->resizeSection(c, n * em);
}

} // namespace vigil::controls
