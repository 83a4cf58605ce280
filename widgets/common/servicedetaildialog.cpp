#include "common/servicedetaildialog.h"

#include "analysis/fleetgraph.h"
#include "analysis/servicedetail.h"
#include "item/incidentmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {
QTreeWidget *tree(const QStringList &headers) {
    auto *t = new QTreeWidget;
    t->setHeaderLabels(headers);
    t->setRootIsDecorated(false);
    t->setAlternatingRowColors(true);
    t->setSortingEnabled(false);
    t->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return t;
}

QString rate(double v) {
    return std::isnan(v) ? ServiceDetailDialog::tr("—") : QLocale().toString(v, 'f', v < 10 ? 2 : 0);
}

QColor severityColour(int s) {
    return s >= 2 ? QColor(0xc0, 0x30, 0x30) : s == 1 ? QColor(0xb0, 0x70, 0x00) : QColor(0x44, 0x44, 0x44);
}
} // namespace

ServiceDetailDialog::ServiceDetailDialog(HostIdentity identity, std::string serviceLabel, QWidget *parent)
    : QDialog(parent)
    , m_identity(std::move(identity))
    , m_serviceLabel(std::move(serviceLabel))
    , m_title(new QLabel)
    , m_deps(tree({tr("Direction"), tr("Service"), tr("Requests/s"), tr("Errors/s"), tr("Error %"),
                   tr("Its hosts up")}))
    , m_hosts(tree({tr("Host"), tr("State"), tr("Alerts"), tr("Worst")}))
    , m_alerts(tree({tr("Alert"), tr("Count"), tr("Worst"), tr("Hosts")})) {
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
    connect(m_hosts, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { Q_EMIT hostActivated(item->text(0)); });
    // A dependency's row leads to that service.
    connect(m_deps, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (!item->text(1).isEmpty())
            showService(m_snapshot, item->text(1));
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

void ServiceDetailDialog::refresh() {
    m_deps->clear();
    m_hosts->clear();
    m_alerts->clear();
    setWindowTitle(tr("Service %1").arg(m_service));
    const auto d =
        m_snapshot ? analysis::serviceDetail(*m_snapshot, m_service.toStdString(), m_identity, m_serviceLabel)
                   : analysis::ServiceDetail{};
    if (!d.found) {
        m_title->setText(tr("<b>service %1</b> is not in the fleet's service graph (any more).")
                             .arg(m_service.toHtmlEscaped()));
        return;
    }
    QString title = tr("<b style='font-size:large'>service %1</b> — %n host(s)", nullptr, d.hosts)
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
    fillDependencies(d);
    fillHosts(d);
    fillAlerts(d);
}

// Dependencies with the edge's figures and the other side's hosts.
void ServiceDetailDialog::fillDependencies(const analysis::ServiceDetail &d) {
    const QLocale l;
    for (const auto &dep : d.dependencies) {
        auto *item = new QTreeWidgetItem({dep.dependsOn ? tr("depends on →") : tr("← used by"),
                                          QString::fromStdString(dep.service), rate(dep.requestsPerSecond),
                                          rate(dep.errorsPerSecond), QString(),
                                          QStringLiteral("%1/%2").arg(dep.otherUp).arg(dep.otherHosts)});
        if (!std::isnan(dep.requestsPerSecond) && !std::isnan(dep.errorsPerSecond) &&
            dep.requestsPerSecond > 0) {
            const double pct = 100 * dep.errorsPerSecond / dep.requestsPerSecond;
            item->setText(4, l.toString(pct, 'f', 1) + QStringLiteral(" %"));
            if (pct >= 1)
                item->setForeground(4, QColor(0xc0, 0x30, 0x30));
        }
        for (int c = 2; c < 6; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        m_deps->addTopLevelItem(item);
    }
}

// Hosts: down first, then by worst alert, then the most alerting.
void ServiceDetailDialog::fillHosts(const analysis::ServiceDetail &d) {
    for (const auto &r : d.hostRows) {
        const QString state = !r.inInventory          ? tr("not in the inventory")
                              : r.up == UpState::Up   ? tr("up")
                              : r.up == UpState::Down ? tr("down")
                                                      : tr("unknown");
        auto *item = new QTreeWidgetItem({QString::fromStdString(r.host), state,
                                          r.alerts ? QString::number(r.alerts) : QString(),
                                          r.worst >= 0 ? IncidentModel::severityName(r.worst) : QString()});
        if (r.inInventory && r.up == UpState::Down)
            item->setForeground(1, QColor(0xc0, 0x30, 0x30));
        if (r.worst >= 0)
            item->setForeground(3, severityColour(r.worst));
        m_hosts->addTopLevelItem(item);
    }
}

// Alerts by name, worst and most first.
void ServiceDetailDialog::fillAlerts(const analysis::ServiceDetail &d) {
    for (const auto &r : d.alertRows) {
        QStringList hosts;
        for (const auto &h : r.hosts) {
            if (hosts.size() == 6) {
                hosts << tr("+%1 more").arg(r.hosts.size() - 6);
                break;
            }
            hosts << QString::fromStdString(h);
        }
        auto *item =
            new QTreeWidgetItem({QString::fromStdString(r.alertname), QString::number(r.count),
                                 IncidentModel::severityName(r.worst), hosts.join(QStringLiteral(", "))});
        item->setForeground(2, severityColour(r.worst));
        m_alerts->addTopLevelItem(item);
    }
}

} // namespace vigil
