#include "hostmap/wearproxy.h"

#include "item/wearmodel.h"

#include <QColor>
#include <QStringList>
#include <QVariantMap>

#include <cmath>

namespace vigil {

QString WearProxy::failsIn(double hours) {
    if (hours <= 0)
        return tr("now");
    if (!std::isfinite(hours))
        return tr("—");
    return hours < 48 ? tr("%1 h").arg(hours, 0, 'f', 0) : tr("%1 d").arg(hours / 24, 0, 'f', 1);
}

QVariant WearProxy::data(const QModelIndex &index, int role) const {
    const int col = index.column();
    if (col == WearModel::FailsInColumn && role == Qt::DisplayRole)
        return failsIn(QIdentityProxyModel::data(index, WearModel::HoursRole).toDouble());
    if (col == WearModel::FailsInColumn && role == Qt::ForegroundRole &&
        QIdentityProxyModel::data(index, WearModel::ReplaceSoonRole).toBool())
        return QColor(0xc0, 0x30, 0x30);
    if (col == WearModel::WhyColumn && (role == Qt::DisplayRole || role == Qt::ToolTipRole)) {
        QStringList why;
        for (const QVariant &v : QIdentityProxyModel::data(index, WearModel::TrendsRole).toList()) {
            const QVariantMap t = v.toMap();
            const double current = t.value(QStringLiteral("current")).toDouble();
            why << tr("%1 %2 (+%3/h)")
                       .arg(t.value(QStringLiteral("title")).toString())
                       .arg(current, 0, 'f', current < 100 ? 1 : 0)
                       .arg(t.value(QStringLiteral("slopePerHour")).toDouble(), 0, 'f', 2);
        }
        return why.join(role == Qt::DisplayRole ? QStringLiteral("; ") : QStringLiteral("\n"));
    }
    return QIdentityProxyModel::data(index, role);
}

QVariant WearProxy::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QIdentityProxyModel::headerData(section, orientation, role);
    switch (section) {
    case WearModel::HostColumn:
        return tr("Host");
    case WearModel::FailsInColumn:
        return tr("Fails in");
    case WearModel::WhyColumn:
        return tr("Why");
    default:
        return {};
    }
}

} // namespace vigil
