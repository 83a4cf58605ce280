#pragma once
// Words and colours for the drift view's tables (models/item/driftmodels.h): translated severities and
// headers, first-seen as a date, "+3" for hosts new, the share of a value as a bar behind its number,
// what differs in red.
#include <QIdentityProxyModel>

namespace vigil {

class DriftClusterProxy final : public QIdentityProxyModel {
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};

class FactValuesProxy final : public QIdentityProxyModel {
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};

class HostCheckProxy final : public QIdentityProxyModel {
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};

// "2026-12-06 14:05", or "—" for an unknown moment (0).
QString driftWhen(qint64 ms);
// The severity's word, translated.
QString driftSeverity(int severity);

} // namespace vigil
