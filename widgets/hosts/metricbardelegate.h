#pragma once
// Paints ratio metrics as a bar behind the number, coloured by load, so redlining hosts stand out in a
// sorted table at a glance.
#include <QStyledItemDelegate>

namespace vigil {

class MetricBarDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    static QColor loadColor(double ratio);
};

} // namespace vigil
