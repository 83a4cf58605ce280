#include "hosts/metricbardelegate.h"

#include "fleet/queryprofile.h"
#include "item/hosttablemodel.h"

#include <QApplication>
#include <QPainter>

#include <cmath>

namespace vigil {

namespace {
constexpr int kTextMargin = 3; // as the style leaves beside an item's text
}

QColor MetricBarDelegate::loadColor(double r) {
    if (r >= 0.9)
        return QColor(0xd7, 0x3a, 0x2f, 150);
    if (r >= 0.75)
        return QColor(0xf0, 0x9a, 0x1a, 130);
    return QColor(0x3b, 0x82, 0xc4, 90);
}

// Ten thousand rows, a dozen columns, repainted every poll: the style's item drawing laid every cell's
// text out twice (to elide, then to draw) and cost 30 us a cell. This draws the same parts directly:
// the style's panel (selection, alternate rows), the bar, then the text once, elided only when it does
// not fit.
void MetricBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const {
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    const QVariant unit = index.data(HostTableModel::MetricUnitRole);
    if (unit.isValid() && static_cast<MetricUnit>(unit.toInt()) == MetricUnit::Ratio) {
        const double v = index.data(HostTableModel::SortRole).toDouble();
        if (std::isfinite(v) && v > 0) {
            QRect bar = option.rect.adjusted(2, 3, -2, -3);
            bar.setWidth(static_cast<int>(bar.width() * std::min(1.0, v)));
            painter->fillRect(bar, loadColor(v));
        }
    }
    if (opt.text.isEmpty())
        return;
    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget)
                           .adjusted(kTextMargin, 0, -kTextMargin, 0);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Normal
                                                                            : QPalette::Inactive;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    const QString shown = opt.fontMetrics.horizontalAdvance(opt.text) <= text.width()
                              ? opt.text
                              : opt.fontMetrics.elidedText(opt.text, opt.textElideMode, text.width());
    painter->drawText(text, static_cast<int>(opt.displayAlignment) | Qt::TextSingleLine, shown);
    painter->restore();
}

} // namespace vigil
