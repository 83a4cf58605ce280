#pragma once
// Paints ratio metrics as a bar behind the number, coloured by load, so redlining hosts stand out in a
// sorted table at a glance.
#include "common/textdelegate.h"

namespace vigil {

class MetricBarDelegate final : public TextDelegate {
    Q_OBJECT
public:
    using TextDelegate::TextDelegate;
    static QColor loadColor(double ratio);

protected:
    void paintBehindText(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const override;
};

} // namespace vigil
