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

#include <algorithm>

namespace vigil::controls {

void addTimeRanges(QComboBox *combo) {
    combo->addItem(QCoreApplication::translate("ViewControls", "1 hour"), 1);
    combo->addItem(QCoreApplication::translate("ViewControls", "6 hours"), 6);
    combo->addItem(QCoreApplication::translate("ViewControls", "24 hours"), 24);
    combo->addItem(QCoreApplication::translate("ViewControls", "7 days"), 168);
    combo->setCurrentIndex(1);
}

void addColourRange(QHBoxLayout *bar, QCheckBox *autoRange, QDoubleSpinBox *lo, QDoubleSpinBox *hi) {
    autoRange->setText(QCoreApplication::translate("ViewControls", "Auto"));
    autoRange->setChecked(true);
    autoRange->setToolTip(QCoreApplication::translate(
        "ViewControls", "Colour range: 0–100 % for ratios, else 0 to the 95th percentile"));
    for (auto *sb : {lo, hi}) {
        sb->setRange(-1e12, 1e12);
        sb->setDecimals(2);
        sb->setEnabled(false);
        sb->setKeyboardTracking(false);
    }
    hi->setValue(100);
    bar->addWidget(new QLabel(QCoreApplication::translate("ViewControls", "Colours")));
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
    for (int c = 0; c < header->count(); ++c) {
        if (c == last && header->stretchLastSection())
            continue;
        int width = chars * em;
        for (const auto &[column, n] : columns)
            if (column == c)
                width = n * em;
        // Never narrower than the column's title: a longer word in another language ("Empfänger").
        header->resizeSection(c, std::max(width, header->sectionSizeHint(c)));
    }
}

} // namespace vigil::controls
