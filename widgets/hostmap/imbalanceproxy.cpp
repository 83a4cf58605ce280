#include "hostmap/imbalanceproxy.h"

#include "common/format.h"
#include "item/imbalancemodel.h"

#include <QColor>
#include <QLocale>

namespace vigil {

namespace {
using Model = ImbalanceModel;

// The first three hosts, then how many more.
QString names(const QStringList &hosts) {
    QStringList out;
    for (int k = 0; k < hosts.size() && k < 3; ++k)
        out << hosts[k].toHtmlEscaped();
    if (hosts.size() > 3)
        out << ImbalanceProxy::tr("+%1 more").arg(hosts.size() - 3);
    return out.join(QStringLiteral(", "));
}
} // namespace

QVariant ImbalanceProxy::data(const QModelIndex &index, int role) const {
    const auto *model = qobject_cast<const Model *>(sourceModel());
    const QVariant raw = QIdentityProxyModel::data(index, Qt::DisplayRole);
    const int col = index.column();
    if (role == Qt::TextAlignmentRole && col != Model::GroupColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && col == Model::HotColumn && raw.toDouble() > 0)
        return QColor(0xc0, 0x30, 0x30);
    if (role != Qt::DisplayRole || !model)
        return QIdentityProxyModel::data(index, role);
    const QLocale l;
    switch (col) {
    case Model::MeanColumn:
    case Model::MaxColumn:
        return format::metric(raw.toDouble(), model->unit());
    case Model::MaxOverMeanColumn:
        return tr("%1×").arg(l.toString(raw.toDouble(), 'f', 1));
    case Model::HotColumn:
    case Model::IdleColumn:
        return tr("%1 %").arg(l.toString(raw.toDouble() * 100, 'f', 0));
    default:
        return raw;
    }
}

QVariant ImbalanceProxy::headerData(int section, Qt::Orientation orientation, int role) const {
    const QStringList titles{tr("Group"), tr("Hosts"), tr("Mean"), tr("Max"),
                             tr("×mean"), tr("Hot"),   tr("Idle")};
    if (orientation == Qt::Horizontal && section >= 0 && section < titles.size()) {
        if (role == Qt::DisplayRole)
            return titles[section];
        if (role == Qt::ToolTipRole && section == Model::MaxOverMeanColumn)
            return tr("The busiest host against the group's mean");
        if (role == Qt::ToolTipRole && section == Model::HotColumn)
            return tr("Share of the group's hosts redlining");
        if (role == Qt::ToolTipRole && section == Model::IdleColumn)
            return tr("Share of the group's hosts idling");
    }
    return QIdentityProxyModel::headerData(section, orientation, role);
}

QString ImbalanceProxy::detail(const QModelIndex &index, const QString &metricTitle) const {
    const auto *model = qobject_cast<const Model *>(sourceModel());
    if (!index.isValid() || !model)
        return {};
    const auto cell = [&](int column) { return index.siblingAtColumn(column).data().toString(); };
    const auto raw = [&](int r) { return index.data(r); };
    const QLocale l;
    const QString title = metricTitle.toHtmlEscaped();
    QString html = QStringLiteral("<b>%1</b> · ").arg(cell(Model::GroupColumn).toHtmlEscaped()) +
                   tr("%1 hosts · mean %2 · max %3 (%4 the mean) · CV %5 · %6 hot, %7 idle")
                       .arg(cell(Model::HostsColumn), cell(Model::MeanColumn), cell(Model::MaxColumn),
                            cell(Model::MaxOverMeanColumn), l.toString(raw(Model::CvRole).toDouble(), 'f', 2),
                            cell(Model::HotColumn), cell(Model::IdleColumn));
    const QStringList hot = raw(Model::HotHostsRole).toStringList();
    const QStringList idle = raw(Model::IdleHostsRole).toStringList();
    if (!hot.isEmpty())
        html += QStringLiteral("<br>") +
                tr("%1 redlining (≥ %2): %3")
                    .arg(hot.size())
                    .arg(format::metric(raw(Model::HotAtRole).toDouble(), model->unit()), names(hot));
    if (!idle.isEmpty())
        html += QStringLiteral("<br>") +
                tr("%1 idle (≤ %2): %3")
                    .arg(idle.size())
                    .arg(format::metric(raw(Model::IdleAtRole).toDouble(), model->unit()), names(idle));
    if (!hot.isEmpty() && !idle.isEmpty())
        html += QStringLiteral("<br><i>") +
                tr("Shifting about %1 hosts' worth of %2 from the redlining hosts to the %3 idle ones "
                   "brings them to the pool's mean (rebalance weights, or drain the hottest first).")
                    .arg(l.toString(raw(Model::ExcessRole).toDouble(), 'f', 1), title)
                    .arg(idle.size()) +
                QStringLiteral("</i>");
    return html;
}

} // namespace vigil
