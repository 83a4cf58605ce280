#include "common/sourcepanel.h"

#include "common/format.h"
#include "item/sourcehealthmodel.h"

#include <QColor>
#include <QCoreApplication>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace vigil {

namespace {
class SourceHealthProxy final : public QIdentityProxyModel {
    // Its own translation context: without it tr() is QIdentityProxyModel's, which lupdate cannot see.
    Q_DECLARE_TR_FUNCTIONS(SourceHealthProxy)
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override {
        const QVariant raw = QIdentityProxyModel::data(index, Qt::DisplayRole);
        const bool healthy = QIdentityProxyModel::data(index, SourceHealthModel::HealthyRole).toBool();
        const bool stale = QIdentityProxyModel::data(index, SourceHealthModel::StaleRole).toBool();
        if (role == Qt::DisplayRole) {
            switch (index.column()) {
            case SourceHealthModel::StatusColumn:
                if (!healthy)
                    return QIdentityProxyModel::data(
                               index.siblingAtColumn(SourceHealthModel::LastSuccessColumn))
                                           .toLongLong() == 0 &&
                                   QIdentityProxyModel::data(
                                       index.siblingAtColumn(SourceHealthModel::ErrorColumn))
                                       .toString()
                                       .isEmpty()
                               ? tr("waiting")
                               : tr("FAILING");
                return stale ? tr("stale") : tr("ok");
            case SourceHealthModel::LastSuccessColumn:
                return format::age(raw.toLongLong(),
                                   QIdentityProxyModel::data(index, SourceHealthModel::NowRole).toLongLong());
            case SourceHealthModel::LatencyColumn:
                return format::duration(raw.toDouble());
            case SourceHealthModel::BytesColumn:
                return format::bytes(raw.toDouble());
            default:
                return raw;
            }
        }
        if (role == Qt::ForegroundRole && (index.column() == SourceHealthModel::StatusColumn ||
                                           index.column() == SourceHealthModel::ErrorColumn))
            return healthy && !stale ? QVariant() : QVariant(QColor(0xd0, 0x30, 0x30));
        if (role == Qt::ToolTipRole && index.column() == SourceHealthModel::ErrorColumn)
            return raw;
        return QIdentityProxyModel::data(index, role);
    }

    QVariant headerData(int section, Qt::Orientation o, int role) const override {
        if (o == Qt::Horizontal && role == Qt::DisplayRole) {
            switch (section) {
            case SourceHealthModel::IdColumn:
                return tr("Source");
            case SourceHealthModel::UrlColumn:
                return tr("URL");
            case SourceHealthModel::StatusColumn:
                return tr("Status");
            case SourceHealthModel::LastSuccessColumn:
                return tr("Last success");
            case SourceHealthModel::LatencyColumn:
                return tr("Latency");
            case SourceHealthModel::BytesColumn:
                return tr("Received");
            case SourceHealthModel::VersionColumn:
                return tr("Version");
            case SourceHealthModel::ErrorColumn:
                return tr("Last error");
            default:
                break;
            }
        }
        return QIdentityProxyModel::headerData(section, o, role);
    }
};
} // namespace

SourcePanel::SourcePanel(SourceHealthModel *model, QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableView(this)) {
    auto *proxy = new SourceHealthProxy(this);
    proxy->setSourceModel(model);
    m_table->setModel(proxy);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int c = SourceHealthModel::IdColumn; c < SourceHealthModel::ErrorColumn; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
}

} // namespace vigil
