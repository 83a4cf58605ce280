#pragma once
// Words for the uneven-load table (ImbalanceModel's raw figures): values in the load metric's unit,
// "3.1×" the mean, shares in %, redlining shares in red, and one group's detail: its figures, its
// redlining and idle hosts, and how much load moving would bring them to the mean.
#include <QIdentityProxyModel>

namespace vigil {

class ImbalanceProxy final : public QIdentityProxyModel {
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Rich text for a row (any column): metricTitle names the load metric ("CPU").
    [[nodiscard]] QString detail(const QModelIndex &index, const QString &metricTitle) const;
};

} // namespace vigil
