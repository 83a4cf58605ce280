#include "drift/driftproxies.h"

#include "common/viewcontrols.h"
#include "item/driftmodels.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLinearGradient>
#include <QLocale>

#include <algorithm>

namespace vigil {

namespace {
const QColor kRed(0xc0, 0x30, 0x30);

} // namespace

QString driftWhen(qint64 ms) {
    return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
              : DriftClusterProxy::tr("—");
}

QString driftSeverity(int severity) {
    switch (static_cast<analysis::DriftSeverity>(severity)) {
    case analysis::DriftSeverity::Info:
        return DriftClusterProxy::tr("info");
    case analysis::DriftSeverity::Warning:
        return DriftClusterProxy::tr("warning");
    case analysis::DriftSeverity::Critical:
        return DriftClusterProxy::tr("critical");
    }
    return {};
}

QVariant DriftClusterProxy::data(const QModelIndex &index, int role) const {
    const auto raw = [&](int r) { return QIdentityProxyModel::data(index, r); };
    const int col = index.column();
    if (role == Qt::DisplayRole) {
        switch (col) {
        case DriftClusterModel::SeverityColumn:
            return driftSeverity(raw(DriftClusterModel::SeverityRole).toInt());
        case DriftClusterModel::HostsColumn:
            return QLocale().toString(raw(Qt::DisplayRole).toInt());
        case DriftClusterModel::FirstSeenColumn:
            return driftWhen(raw(Qt::DisplayRole).toLongLong());
        case DriftClusterModel::NewDayColumn:
        case DriftClusterModel::NewSinceColumn: {
            const int n = raw(Qt::DisplayRole).toInt();
            return n ? QStringLiteral("+%1").arg(n) : QString();
        }
        default:
            break;
        }
    }
    if (role == Qt::ForegroundRole && col == DriftClusterModel::SeverityColumn &&
        raw(DriftClusterModel::SeverityRole).toInt() == static_cast<int>(analysis::DriftSeverity::Critical))
        return kRed;
    if (role == Qt::ToolTipRole && col == DriftClusterModel::FactColumn)
        return raw(DriftClusterModel::OriginRole);
    if (role == Qt::ToolTipRole && col == DriftClusterModel::HostsColumn) {
        const int shown = raw(Qt::DisplayRole).toInt();
        const int all = raw(DriftClusterModel::ClusterHostsRole).toInt();
        return shown == all ? QVariant()
                            : tr("%1 of the cluster's %2 hosts match the filter").arg(shown).arg(all);
    }
    if (role == Qt::TextAlignmentRole &&
        (col == DriftClusterModel::HostsColumn || col == DriftClusterModel::NewDayColumn ||
         col == DriftClusterModel::NewSinceColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return raw(role);
}

QVariant DriftClusterProxy::headerData(int section, Qt::Orientation orientation, int role) const {
    const QVariant title =
        controls::columnTitle({tr("Severity"), tr("Hosts"), tr("Where"), tr("Fact"), tr("Is"), tr("Expected"),
                               tr("First seen"), tr("New (24 h)"), tr("New since report")},
                              section, orientation, role);
    return title.isValid() ? title : QIdentityProxyModel::headerData(section, orientation, role);
}

QVariant FactValuesProxy::data(const QModelIndex &index, int role) const {
    const auto raw = [&](int r) { return QIdentityProxyModel::data(index, r); };
    const int col = index.column();
    const bool accepted = raw(FactValuesModel::AcceptedRole).toBool();
    if (role == Qt::DisplayRole) {
        const QLocale l;
        switch (col) {
        case FactValuesModel::HostsColumn:
            return l.toString(raw(Qt::DisplayRole).toInt());
        case FactValuesModel::ShareColumn:
            return QString(l.toString(raw(Qt::DisplayRole).toDouble() * 100, 'f', 1) + QStringLiteral(" %"));
        case FactValuesModel::BaselineColumn: {
            const QVariant v = raw(Qt::DisplayRole);
            return v.isValid() ? (v.toBool() ? tr("complies") : tr("drift")) : QString();
        }
        default:
            break;
        }
    }
    if (role == Qt::BackgroundRole && col == FactValuesModel::ShareColumn) { // the share as a bar
        const double share = raw(Qt::DisplayRole).toDouble();
        QLinearGradient bar(0, 0, 120, 0);
        const QColor fill = accepted ? QColor(0x9c, 0xd3, 0xa8) : QColor(0xf2, 0xa0, 0x90);
        bar.setColorAt(0, fill);
        bar.setColorAt(std::clamp(share, 0.001, 0.999), fill);
        bar.setColorAt(std::clamp(share + 0.001, 0.002, 1.0), Qt::transparent);
        return QBrush(bar);
    }
    if (role == Qt::ForegroundRole && col == FactValuesModel::BaselineColumn && !accepted)
        return kRed;
    if (role == Qt::TextAlignmentRole &&
        (col == FactValuesModel::HostsColumn || col == FactValuesModel::ShareColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return raw(role);
}

QVariant FactValuesProxy::headerData(int section, Qt::Orientation orientation, int role) const {
    const QVariant title = controls::columnTitle({tr("Value"), tr("Hosts"), tr("Share"), tr("Baseline")},
                                                 section, orientation, role);
    return title.isValid() ? title : QIdentityProxyModel::headerData(section, orientation, role);
}

QVariant HostCheckProxy::data(const QModelIndex &index, int role) const {
    const auto raw = [&](int r) { return QIdentityProxyModel::data(index, r); };
    if (role == Qt::DisplayRole && index.column() == HostCheckModel::IsColumn) {
        const QVariant v = raw(Qt::DisplayRole);
        return v.isValid() ? v : QVariant(tr("(absent)"));
    }
    if (role == Qt::ForegroundRole && index.column() != HostCheckModel::RuleColumn &&
        !raw(HostCheckModel::CompliesRole).toBool())
        return kRed;
    return raw(role);
}

QVariant HostCheckProxy::headerData(int section, Qt::Orientation orientation, int role) const {
    const QVariant title =
        controls::columnTitle({tr("Fact"), tr("Is"), tr("Expected"), tr("Rule")}, section, orientation, role);
    return title.isValid() ? title : QIdentityProxyModel::headerData(section, orientation, role);
}

} // namespace vigil
