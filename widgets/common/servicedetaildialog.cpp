#include "common/servicedetaildialog.h"

#include "analysis/fleetgraph.h"
#include "analysis/topology.h"
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
#include <map>
#include <set>

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

ServiceDetailDialog::ServiceDetailDialog(std::string hostLabel, std::string serviceLabel, QWidget *parent)
    : QDialog(parent)
    , m_hostLabel(std::move(hostLabel))
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
    const auto *graph = m_snapshot ? m_snapshot->graph.get() : nullptr;
    const std::string name = m_service.toStdString();
    const int node = graph ? graph->service(name) : -1;
    if (node < 0) {
        m_title->setText(tr("<b>service %1</b> is not in the fleet's service graph (any more).")
                             .arg(m_service.toHtmlEscaped()));
        return;
    }
    const auto &n = graph->node(node);
    const QLocale l;

    // Its hosts and their alerts; alerts on its hosts or naming the service.
    std::set<std::string> members;
    for (int h : n.members)
        members.insert(graph->node(h).name);
    struct HostRow {
        const Host *host = nullptr;
        int alerts = 0, worst = -1;
    };
    std::map<std::string, HostRow> rows;
    for (const auto &h : members)
        rows[h].host = m_snapshot->host(h);
    struct AlertRow {
        int count = 0, worst = -1;
        std::set<std::string> hosts;
    };
    std::map<std::string, AlertRow> byName;
    int active = 0, worst = -1;
    for (const auto &a : m_snapshot->alerts) {
        // Counted as the maps count them, and not resolved.
        const int sev = analysis::healthSeverity(a);
        if (sev < 0 || a.state == AlertState::Resolved)
            continue;
        const std::string host(a.labels.value(m_hostLabel));
        const bool onHost = members.count(host) > 0;
        if (!onHost && a.labels.value(m_serviceLabel) != name)
            continue;
        ++active;
        worst = std::max(worst, sev);
        auto &ar = byName[std::string(a.name())];
        ++ar.count;
        ar.worst = std::max(ar.worst, sev);
        if (!host.empty())
            ar.hosts.insert(host);
        if (onHost) {
            auto &hr = rows[host];
            ++hr.alerts;
            hr.worst = std::max(hr.worst, sev);
        }
    }
    int up = 0, down = 0;
    for (const auto &[h, r] : rows) {
        up += r.host && r.host->up == UpState::Up;
        down += r.host && r.host->up == UpState::Down;
    }
    const auto dependents = graph->dependentsOf(node);
    QString title = tr("<b style='font-size:large'>service %1</b> — %n host(s)", nullptr,
                       static_cast<int>(members.size()))
                        .arg(m_service.toHtmlEscaped());
    title += QStringLiteral(": ") + tr("%1 up, %2 down").arg(up).arg(down);
    title +=
        QStringLiteral(" · ") +
        (active ? tr("%n active alert(s), worst %1", nullptr, active).arg(IncidentModel::severityName(worst))
                : tr("no active alerts"));
    title += QStringLiteral("<br>") + tr("depends on %1 · depended on by %2 · %n service(s) depend on it, "
                                         "directly or not",
                                         nullptr, static_cast<int>(dependents.size()))
                                          .arg(n.callees.size())
                                          .arg(n.callers.size());
    m_title->setText(title);

    // Dependencies with the edge's figures and the other side's hosts.
    std::map<std::pair<std::string, std::string>, const ServiceEdge *> edges;
    for (const auto &e : m_snapshot->edges)
        edges[{e.from, e.to}] = &e;
    auto upOf = [&](int s) {
        int u = 0;
        for (int h : graph->node(s).members)
            if (const Host *host = m_snapshot->host(graph->node(h).name); host && host->up == UpState::Up)
                ++u;
        return QStringLiteral("%1/%2").arg(u).arg(graph->node(s).members.size());
    };
    auto addEdge = [&](const QString &direction, int other, const ServiceEdge *e) {
        auto *item = new QTreeWidgetItem({direction, QString::fromStdString(graph->node(other).name),
                                          rate(e ? e->requestsPerSecond : NAN),
                                          rate(e ? e->errorsPerSecond : NAN), QString(), upOf(other)});
        if (e && !std::isnan(e->requestsPerSecond) && !std::isnan(e->errorsPerSecond) &&
            e->requestsPerSecond > 0) {
            const double pct = 100 * e->errorsPerSecond / e->requestsPerSecond;
            item->setText(4, l.toString(pct, 'f', 1) + QStringLiteral(" %"));
            if (pct >= 1)
                item->setForeground(4, QColor(0xc0, 0x30, 0x30));
        }
        for (int c = 2; c < 6; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        m_deps->addTopLevelItem(item);
    };
    for (int c : n.callees)
        addEdge(tr("depends on →"), c,
                edges.count({name, graph->node(c).name}) ? edges[{name, graph->node(c).name}] : nullptr);
    for (int c : n.callers)
        addEdge(tr("← used by"), c,
                edges.count({graph->node(c).name, name}) ? edges[{graph->node(c).name, name}] : nullptr);

    // Hosts: down first, then by worst alert, then the most alerting, then by name.
    std::vector<std::pair<std::string, HostRow>> hostRows(rows.begin(), rows.end());
    std::stable_sort(hostRows.begin(), hostRows.end(), [](const auto &a, const auto &b) {
        const bool da = a.second.host && a.second.host->up == UpState::Down;
        const bool db = b.second.host && b.second.host->up == UpState::Down;
        if (da != db)
            return da;
        if (a.second.worst != b.second.worst)
            return a.second.worst > b.second.worst;
        return a.second.alerts > b.second.alerts;
    });
    for (const auto &[h, r] : hostRows) {
        const QString state = !r.host                       ? tr("not in the inventory")
                              : r.host->up == UpState::Up   ? tr("up")
                              : r.host->up == UpState::Down ? tr("down")
                                                            : tr("unknown");
        auto *item = new QTreeWidgetItem({QString::fromStdString(h), state,
                                          r.alerts ? QString::number(r.alerts) : QString(),
                                          r.worst >= 0 ? IncidentModel::severityName(r.worst) : QString()});
        if (r.host && r.host->up == UpState::Down)
            item->setForeground(1, QColor(0xc0, 0x30, 0x30));
        if (r.worst >= 0)
            item->setForeground(3, severityColour(r.worst));
        m_hosts->addTopLevelItem(item);
    }
    // Alerts by name, most first.
    std::vector<std::pair<std::string, AlertRow>> alertRows(byName.begin(), byName.end());
    std::stable_sort(alertRows.begin(), alertRows.end(), [](const auto &a, const auto &b) {
        return a.second.worst != b.second.worst ? a.second.worst > b.second.worst
                                                : a.second.count > b.second.count;
    });
    for (const auto &[alert, r] : alertRows) {
        QStringList hosts;
        for (const auto &h : r.hosts) {
            if (hosts.size() == 6) {
                hosts << tr("+%1 more").arg(r.hosts.size() - 6);
                break;
            }
            hosts << QString::fromStdString(h);
        }
        auto *item =
            new QTreeWidgetItem({QString::fromStdString(alert), QString::number(r.count),
                                 IncidentModel::severityName(r.worst), hosts.join(QStringLiteral(", "))});
        item->setForeground(2, severityColour(r.worst));
        m_alerts->addTopLevelItem(item);
    }
}

} // namespace vigil
