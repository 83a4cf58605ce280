#pragma once
// Words and colours for the wear ranking (WearModel's raw values): "3 h", "2.2 d", "now", each trend as
// "Reallocated sectors 480 (+8.00/h)", replace-soon hosts in red, translated headers.
#include <QIdentityProxyModel>

namespace vigil {

class WearProxy final : public QIdentityProxyModel {
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // "now", "3 h", "2.2 d", "—" (not trending toward failure).
    static QString failsIn(double hours);
};

} // namespace vigil
