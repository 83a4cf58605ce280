#pragma once
// Controls the heat views and the host detail share, so they look and behave alike: the time ranges
// (1 h, 6 h, 24 h, 7 d) and the colour range (automatic, or fixed low and high).
class QAbstractItemModel;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QHBoxLayout;
class QHeaderView;
class QTableView;
class QTreeView;

#include <QStringList>
#include <QVariant>

#include <initializer_list>
#include <utility>

namespace vigil::controls {

// Fills a combo with the ranges in hours as item data; 6 h selected.
void addTimeRanges(QComboBox *combo);

// Sets up "Auto [lo] – [hi]" (the spin boxes off while automatic) and appends it to a tool bar.
void addColourRange(QHBoxLayout *bar, QCheckBox *autoRange, QDoubleSpinBox *lo, QDoubleSpinBox *hi);

// A list to read, not edit: whole rows selected one at a time, no row numbers, no wrapping, the last
// column stretched, cells drawn by TextDelegate.
void readOnlyRows(QTableView *table);
// A short flat list shown by a tree view (a dialog's alerts, the drift view's clusters): the model
// (usually a presentation proxy), no branches, alternating uniform rows, read-only, columns as wide as
// their contents. Returns the view.
QTreeView *flatList(QTreeView *view, QAbstractItemModel *model);

// A presentation proxy's column title: titles[section] for a horizontal header's DisplayRole, else an
// invalid QVariant (the proxy then asks its source).
QVariant columnTitle(const QStringList &titles, int section, Qt::Orientation orientation, int role);

// Column widths in characters of the header's current type, so a table keeps its proportions when the
// type grows (a wall display scales it with the screen): `chars` for every column, `columns` for some
// ({column, chars}). The stretched last section is left to stretch. Resets widths the operator set.
void sizeColumnsInChars(QHeaderView *header, int chars,
                        std::initializer_list<std::pair<int, int>> columns = {});

} // namespace vigil::controls
