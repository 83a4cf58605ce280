#include "common/textdelegate.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace vigil {

namespace {
constexpr int kTextMargin = 3; // what the style leaves beside an item's text
}

int TextDelegate::textMargin(const QFontMetrics &metrics) {
    return std::max(kTextMargin, metrics.averageCharWidth() / 2);
}

QSize TextDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 2 * (textMargin(option.fontMetrics) - kTextMargin); // the view's type
    return size;
}

void TextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const {
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    if (opt.features & (QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    paintBehindText(painter, opt, index);
    if (opt.text.isEmpty())
        return;
    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget)
                           .adjusted(textMargin(opt.fontMetrics), 0, -textMargin(opt.fontMetrics), 0);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Normal
                                                                            : QPalette::Inactive;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    // One line: a summary's line breaks would otherwise stack in a row's height.
    QString line = opt.text;
    line.replace(QLatin1Char('\n'), QChar::LineSeparator);
    const QString shown = opt.fontMetrics.horizontalAdvance(line) <= text.width()
                              ? line
                              : opt.fontMetrics.elidedText(line, opt.textElideMode, text.width());
    painter->drawText(text, static_cast<int>(opt.displayAlignment) | Qt::TextSingleLine, shown);
    painter->restore();
}

} // namespace vigil
