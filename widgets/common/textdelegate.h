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
    // The style's, widened by what the text's margin grows by with the type (textMargin).
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Beside a cell's text on each side: the style's 3 px, or half a character of a larger type (a wall
    // display's), so a right-aligned number and the text of the next column do not touch.
    [[nodiscard]] static int textMargin(const QFontMetrics &metrics);

protected:
    // Drawn over the panel, under the text (a load bar).
    virtual void paintBehindText(QPainter *, const QStyleOptionViewItem &, const QModelIndex &) const {}
};

} // namespace vigil
