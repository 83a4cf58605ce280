#include "hosts/metricbardelegate.h"

#include "fleet/queryprofile.h"
#include "item/hosttablemodel.h"

#include <QPainter>

#include <cmath>

namespace vigil {

QColor MetricBarDelegate::loadColor(double r) {
    if (r >= 0.9)
        return QColor(0xd7, 0x3a, 0x2f, 150);
    if (r >= 0.75)
        return QColor(0xf0, 0x9a, 0x1a, 130);
    return QColor(0x3b, 0x82, 0xc4, 90);
}

void MetricBarDelegate::paintBehindText(QPainter *painter, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const {
    const QVariant unit = index.data(HostTableModel::MetricUnitRole);
    if (!unit.isValid() || static_cast<MetricUnit>(unit.toInt()) != MetricUnit::Ratio)
        return;
    const double v = index.data(HostTableModel::SortRole).toDouble();
    if (std::isfinite(v) && v > 0) {
        QRect bar = option.rect.adjusted(2, 3, -2, -3);
        bar.setWidth(static_cast<int>(bar.width() * std::min(1.0, v)));
        painter->fillRect(bar, loadColor(v));
    }
}

} // namespace vigil
