#include "common/servicedetaildialog.h"

#include "analysis/fleetgraph.h"
#include "analysis/servicedetail.h"
#include "common/viewcontrols.h"
#include "item/incidentmodel.h"
#include "item/servicedetailmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {
using Model = ServiceDetailModel;

QString rate(double v) {
    return std::isnan(v) ? ServiceDetailDialog::tr("—") : QLocale().toString(v, 'f', v < 10 ? 2 : 0);
}

QColor severityColour(int s) {
    return s >= 2 ? QColor(0xc0, 0x30, 0x30) : s == 1 ? QColor(0xb0, 0x70, 0x00) : QColor(0x44, 0x44, 0x44);
}

// Words, colours and headers for the three parts.
class Proxy final : public QIdentityProxyModel {
public:
    explicit Proxy(Model *model, QObject *parent)
        : QIdentityProxyModel(parent)
        , m_part(model->part()) {
        setSourceModel(model);
    }

    QVariant data(const QModelIndex &index, int role) const override {
        const QVariant raw = QIdentityProxyModel::data(index, Qt::DisplayRole);
        switch (m_part) {
        case Model::Part::Dependencies:
            return dependency(index, role, raw);
        case Model::Part::Hosts:
            return host(index.column(), role, raw);
        case Model::Part::Alerts:
            return alert(index.column(), role, raw);
        }
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override {
        const QStringList titles =
            m_part == Model::Part::Dependencies
                ? QStringList{ServiceDetailDialog::tr("Direction"),  ServiceDetailDialog::tr("Service"),
                              ServiceDetailDialog::tr("Requests/s"), ServiceDetailDialog::tr("Errors/s"),
                              ServiceDetailDialog::tr("Error %"),    ServiceDetailDialog::tr("Its hosts up")}
            : m_part == Model::Part::Hosts
                ? QStringList{ServiceDetailDialog::tr("Host"), ServiceDetailDialog::tr("State"),
                              ServiceDetailDialog::tr("Alerts"), ServiceDetailDialog::tr("Worst")}
                : QStringList{ServiceDetailDialog::tr("Alert"), ServiceDetailDialog::tr("Count"),
                              ServiceDetailDialog::tr("Worst"), ServiceDetailDialog::tr("Hosts")};
        const QVariant title = controls::columnTitle(titles, section, orientation, role);
        return title.isValid() ? title : QIdentityProxyModel::headerData(section, orientation, role);
    }

private:
    QVariant dependency(const QModelIndex &index, int role, const QVariant &raw) const {
        const int col = index.column();
        if (role == Qt::TextAlignmentRole && col >= Model::RequestsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (col == Model::ErrorShareColumn && role == Qt::ForegroundRole && raw.toDouble() >= 1)
            return QColor(0xc0, 0x30, 0x30);
        if (role != Qt::DisplayRole)
            return QIdentityProxyModel::data(index, role);
        switch (col) {
        case Model::DirectionColumn:
            return raw.toBool() ? ServiceDetailDialog::tr("depends on →")
                                : ServiceDetailDialog::tr("← used by");
        case Model::RequestsColumn:
        case Model::ErrorsColumn:
            return rate(raw.toDouble());
        case Model::ErrorShareColumn:
            return std::isnan(raw.toDouble())
                       ? QString()
                       : QString(QLocale().toString(raw.toDouble(), 'f', 1) + QStringLiteral(" %"));
        case Model::UpColumn:
            return QStringLiteral("%1/%2")
                .arg(raw.toInt())
                .arg(QIdentityProxyModel::data(index, Model::HostsOfOtherRole).toInt());
        default:
            return raw;
        }
    }

    static QVariant host(int col, int role, const QVariant &raw) {
        if (role == Qt::ForegroundRole && col == Model::StateColumn &&
            raw.toInt() == static_cast<int>(UpState::Down))
            return QColor(0xc0, 0x30, 0x30);
        if (role == Qt::ForegroundRole && col == Model::HostWorstColumn && raw.toInt() >= 0)
            return severityColour(raw.toInt());
        if (role != Qt::DisplayRole)
            return {};
        switch (col) {
        case Model::StateColumn:
            switch (raw.toInt()) {
            case Model::kNotInInventory:
                return ServiceDetailDialog::tr("not in the inventory");
            case static_cast<int>(UpState::Up):
                return ServiceDetailDialog::tr("up");
            case static_cast<int>(UpState::Down):
                return ServiceDetailDialog::tr("down");
            default:
                return ServiceDetailDialog::tr("unknown");
            }
        case Model::HostAlertsColumn:
            return raw.toInt() ? QString::number(raw.toInt()) : QString();
        case Model::HostWorstColumn:
            return raw.toInt() >= 0 ? IncidentModel::severityName(raw.toInt()) : QString();
        default:
            return raw;
        }
    }

    static QVariant alert(int col, int role, const QVariant &raw) {
        if (role == Qt::ForegroundRole && col == Model::AlertWorstColumn)
            return severityColour(raw.toInt());
        if (role != Qt::DisplayRole)
            return {};
        switch (col) {
        case Model::AlertWorstColumn:
            return IncidentModel::severityName(raw.toInt());
        case Model::AlertHostsColumn: {
            const QStringList all = raw.toStringList();
            QStringList hosts = all.mid(0, 6);
            if (all.size() > 6)
                hosts << ServiceDetailDialog::tr("+%1 more").arg(all.size() - 6);
            return hosts.join(QStringLiteral(", "));
        }
        default:
            return raw;
        }
    }

    Model::Part m_part;
};

QTreeView *tree(Model *model, QObject *owner) {
    return controls::flatList(new QTreeView, new Proxy(model, owner));
}
} // namespace

ServiceDetailDialog::ServiceDetailDialog(HostIdentity identity, std::string serviceLabel, QWidget *parent)
    : QDialog(parent)
    , m_identity(std::move(identity))
    , m_serviceLabel(std::move(serviceLabel))
    , m_title(new QLabel)
    , m_models{new Model(Model::Part::Dependencies, this), new Model(Model::Part::Hosts, this),
               new Model(Model::Part::Alerts, this)}
    , m_deps(tree(m_models[0], this))
    , m_hosts(tree(m_models[1], this))
    , m_alerts(tree(m_models[2], this)) {
    setWindowTitle(tr("Service detail"));
    resize(960, 640);
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    auto *triage = new QPushButton(tr("Show its alerts in triage"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(triage, 0, Qt::AlignTop);
    auto *lower = new QSplitter(Qt::Horizontal);
    lower->addWidget(m_hosts);
    lower->addWidget(m_alerts);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_deps);
    split->addWidget(lower);
    split->setSizes({180, 420}); // a service has a few dependencies and many hosts
    m_deps->header()->setStretchLastSection(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(triage, &QPushButton::clicked, this, [this] {
        Q_EMIT triageRequested(
            QStringLiteral("%1=\"%2\"").arg(QString::fromStdString(m_serviceLabel), m_service));
    });
    connect(m_hosts, &QTreeView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT hostActivated(index.siblingAtColumn(Model::HostNameColumn).data().toString());
    });
    // A dependency's row leads to that service.
    connect(m_deps, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString service = index.siblingAtColumn(Model::ServiceColumn).data().toString();
        if (!service.isEmpty())
            showService(m_snapshot, service);
    });
}

void ServiceDetailDialog::showService(FleetSnapshotPtr snapshot, const QString &service) {
    m_snapshot = std::move(snapshot);
    m_service = service;
    refresh();
}

void ServiceDetailDialog::setSnapshot(FleetSnapshotPtr snapshot) {
    m_snapshot = std::move(snapshot);
    refresh();
}

QString ServiceDetailDialog::summary() const {
    return m_title->text();
}

QAbstractItemModel *ServiceDetailDialog::dependencies() const {
    return m_deps->model();
}

QAbstractItemModel *ServiceDetailDialog::hosts() const {
    return m_hosts->model();
}

QAbstractItemModel *ServiceDetailDialog::alerts() const {
    return m_alerts->model();
}

void ServiceDetailDialog::refresh() {
    setWindowTitle(tr("Service %1").arg(m_service));
    const auto detail = std::make_shared<const analysis::ServiceDetail>(
        m_snapshot ? analysis::serviceDetail(*m_snapshot, m_service.toStdString(), m_identity, m_serviceLabel)
                   : analysis::ServiceDetail{});
    const auto &d = *detail;
    for (auto *m : m_models)
        m->setDetail(detail->found ? detail : nullptr);
    if (!d.found) {
        m_title->setText(tr("<b>service %1</b> is not in the fleet's service graph (any more).")
                             .arg(m_service.toHtmlEscaped()));
        return;
    }
    QString title =
        (d.runsOnNodes
             ? tr("<b style='font-size:large'>service %1</b> — runs on %n node(s)", nullptr, d.hosts)
             : tr("<b style='font-size:large'>service %1</b> — %n host(s)", nullptr, d.hosts))
            .arg(m_service.toHtmlEscaped());
    title += QStringLiteral(": ") + tr("%1 up, %2 down").arg(d.up).arg(d.down);
    title +=
        QStringLiteral(" · ") + (d.activeAlerts ? tr("%n active alert(s), worst %1", nullptr, d.activeAlerts)
                                                      .arg(IncidentModel::severityName(d.worst))
                                                : tr("no active alerts"));
    title += QStringLiteral("<br>") + tr("depends on %1 · depended on by %2 · %n service(s) depend on it, "
                                         "directly or not",
                                         nullptr, d.dependents)
                                          .arg(d.callees)
                                          .arg(d.callers);
    m_title->setText(title);
}

} // namespace vigil
