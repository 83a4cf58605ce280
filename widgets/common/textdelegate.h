#pragma once
// An item delegate for the large tables (hosts, alerts): it draws a cell's parts itself, the style's
// panel (selection, alternate rows), then the text once, elided only when it does not fit. The style's
// item drawing laid each cell's text out twice (to elide, then to draw): at ten thousand rows repainted
// every poll, that was half of a table's paint. Cells with an icon or a check box are left to the style.
#include <QStyledItemDelegate>

namespace vigil {

class TextDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

protected:
    // Drawn over the panel, under the text (a load bar).
    virtual void paintBehindText(QPainter *, const QStyleOptionViewItem &, const QModelIndex &) const {}
};

} // namespace vigil
