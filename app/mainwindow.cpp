#include "mainwindow.h"

#include "analysis/correlation.h"
#include "analysis/fleetgraph.h"
#include "common/format.h"
#include "common/hostdetaildialog.h"
#include "common/noheightforwidth.h"
#include "common/servicedetaildialog.h"
#include "common/sourcepanel.h"
#include "drift/driftview.h"
#include "heatmap/timeheatmapview.h"
#include "hostmap/hostmapcanvas.h"
#include "hostmap/hostmapview.h"
#include "hosts/hosttableview.h"
#include "item/hosttablemodel.h"
#include "item/incidentmodel.h"
#include "item/sourcehealthmodel.h"
#include "service/fleetsource.h"
#include "topology/topologyview.h"
#include "triage/incidentnotifier.h"
#include "triage/silencedialog.h"
#include "triage/triageview.h"

#include <QApplication>
#include <QSystemTrayIcon>

#include <QAction>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace vigil {

MainWindow::MainWindow(FleetSource *service, FleetActions *actions, QWidget *parent)
    : QMainWindow(parent)
    , m_source(service)
    , m_actions(actions)
    , m_set(new FleetViews(service, {}, this))
    , m_sourceModel(new SourceHealthModel(this))
    , m_notifier(new IncidentNotifier(this))
    , m_detail(new HostDetailDialog(
          [service](const QString &channel, const std::string &key, TimeMs from, TimeMs to, int columns,
                    QObject *context, std::function<void(GridPtr)> done) {
              service->loadHistory(channel, key, from, to, columns, context, std::move(done));
          },
          this))
    , m_hostModel(m_set->hostModel())
    , m_triageView(m_set->triage())
    , m_hostMap(m_set->hostMap())
    , m_heatmap(m_set->heatmap())
    , m_topology(m_set->topology())
    , m_servicesMap(m_set->services())
    , m_drift(m_set->drift())
    , m_serviceDetail(new ServiceDetailDialog(service->config().profile.host,
                                              service->config().topology.serviceLabel, this))
    , m_tabs(new NoHeightForWidth<QTabWidget>)
    , m_banner(new QLabel)
    , m_summary(new QLabel)
    , m_sources(new QLabel)
    , m_tick(new QTimer(this))
    , m_rememberView(new QTimer(this)) {
    setWindowTitle(tr("Vigil"));
    for (const auto &v : m_set->registry().views())
        m_tabs->addTab(v.widget, v.title);
    // The operator's choice of view is remembered for the next start (Vigil's own switches are not),
    // once the new view has been painted and the operator has stayed on it for a second.
    m_rememberView->setSingleShot(true);
    m_rememberView->setInterval(1000);
    connect(m_rememberView, &QTimer::timeout, this, &MainWindow::rememberView);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_switching)
            return;
        m_stormOpensTriage = false;
        m_chosenView = currentViewName();
        m_rememberView->start();
    });

    QDockWidget *dock = buildCentral();
    buildFileMenu();
    buildViewMenu(dock);
    followTriageActions();
    followNotifier();
    linkViews();
    connect(m_source, &FleetSource::snapshotReady, m_notifier, &IncidentNotifier::onSnapshot);
    connect(m_source, &FleetSource::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_source, &FleetSource::storeMessage, this, &MainWindow::showStoreMessage);
    // Staleness moves with the clock, not only with polls.
    m_tick->setInterval(2000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        m_set->setSnapshot(QStringLiteral("hosts"), m_source->current());
        m_sourceModel->setSnapshot(m_source->current());
        refreshStatus();
    });
    m_tick->start();
    onSnapshot(m_source->current());
}

void MainWindow::showHostDetail(const QString &host) {
    m_detail->showHost(m_source->current(), host);
    m_detail->show();
    m_detail->raise();
}

void MainWindow::markHosts(const QString &what, const QStringList &hosts, const QString &from) {
    std::vector<std::string> names;
    names.reserve(static_cast<std::size_t>(hosts.size()));
    for (const auto &h : hosts)
        names.push_back(h.toStdString());
    m_heatmap->setSelection(what, names);
    m_hostMap->setSelection(what, names);
    m_triageView->setSelection(what, names, m_source->config().profile.host);
    if (from != QLatin1String("topology"))
        m_topology->canvas()->setHighlightHosts(hosts);
    if (from != QLatin1String("services"))
        m_servicesMap->canvas()->setHighlightHosts(hosts);
    if (!hosts.isEmpty())
        statusBar()->showMessage(
            tr("Marked in the other views: %1 (%n host(s))", nullptr, static_cast<int>(hosts.size()))
                .arg(what),
            10000);
}

void MainWindow::showServiceDetail(const QString &service) {
    m_serviceDetail->showService(m_source->current(), service);
    m_serviceDetail->show();
    m_serviceDetail->raise();
}

void MainWindow::openServiceWhenKnown(const QString &service) {
    m_pendingService = service;
    onSnapshot(m_source->current());
}

void MainWindow::openHostWhenKnown(const QString &host) {
    m_pendingHost = host;
    onSnapshot(m_source->current());
}

bool MainWindow::showView(const QString &name) {
    const ViewEntry *v = m_set->registry().find(name);
    if (!v)
        return false;
    m_tabs->setCurrentWidget(v->widget);
    return true;
}

QString MainWindow::currentViewName() const {
    for (const auto &v : m_set->registry().views())
        if (v.widget == m_tabs->currentWidget())
            return v.name;
    return {};
}

MainWindow::~MainWindow() {
    if (m_rememberView->isActive())
        rememberView();
}

void MainWindow::rememberView() {
    m_rememberView->stop();
    QSettings().setValue(QStringLiteral("window/lastView"), m_chosenView);
}

void MainWindow::openAtStart() {
    const QString last = QSettings().value(QStringLiteral("window/lastView")).toString();
    m_switching = true;
    if (last.isEmpty() || !showView(last))
        m_tabs->setCurrentIndex(0);
    m_switching = false;
    m_stormOpensTriage = true;
    if (const FleetSnapshotPtr s = m_source->current())
        onSnapshot(s);
}

void MainWindow::onSnapshot(const FleetSnapshotPtr &snapshot) {
    if (m_stormOpensTriage && snapshot && snapshot->triage) {
        // The cache's storm opens triage at once; otherwise the first poll decides.
        const bool polled =
            !snapshot->fromCache && std::any_of(snapshot->sources.begin(), snapshot->sources.end(),
                                                [](const SourceHealth &h) { return h.lastSuccess > 0; });
        if (snapshot->triage->storm) {
            m_switching = true;
            showView(QStringLiteral("triage"));
            m_switching = false;
        }
        m_stormOpensTriage = !snapshot->triage->storm && !polled;
    }
    m_set->setSnapshot(snapshot);
    if (m_detail->isVisible())
        m_detail->setSnapshot(snapshot);
    if (m_serviceDetail->isVisible())
        m_serviceDetail->setSnapshot(snapshot);
    if (!m_pendingService.isEmpty() && snapshot && snapshot->graph &&
        snapshot->graph->service(m_pendingService.toStdString()) >= 0)
        showServiceDetail(std::exchange(m_pendingService, QString()));
    if (!m_pendingHost.isEmpty() && snapshot && snapshot->host(m_pendingHost.toStdString())) {
        const QString host = std::exchange(m_pendingHost, QString());
        showHostDetail(host);
    }
    m_sourceModel->setSnapshot(snapshot);
    refreshStatus();
}

void MainWindow::refreshStatus() {
    const FleetSnapshotPtr s = m_source->current();
    if (!s)
        return;
    const TimeMs now = s->now();
    const FleetSummary &sum = s->summary;
    m_summary->setText(tr("%Ln host(s)", nullptr, static_cast<int>(s->hosts.size())) + QStringLiteral(" · ") +
                       tr("%Ln down", nullptr, sum.hostsDown) + QStringLiteral(" · ") +
                       tr("%Ln alert(s) firing", nullptr, sum.alertsFiring) + QStringLiteral(" · ") +
                       tr("%Ln silenced or inhibited", nullptr, sum.alertsSuppressed));
    QStringList parts;
    QStringList problems;
    for (const auto &src : s->sources) {
        const bool stale = src.isStale(now);
        QString state;
        QString color = QStringLiteral("#d03030"); // failing or stale
        if (!src.lastError.empty()) {
            state = tr("failing");
            problems << tr("%1: %2 (last success %3)")
                            .arg(QString::fromStdString(src.id), QString::fromStdString(src.lastError),
                                 format::age(src.lastSuccess, now));
        } else if (src.lastSuccess == 0) {
            state = tr("waiting");
            color = QStringLiteral("#888888");
        } else if (stale) {
            state = tr("stale");
            problems << tr("%1: no answer for %2")
                            .arg(QString::fromStdString(src.id), format::age(src.lastSuccess, now));
        } else {
            state = tr("ok");
            color = QStringLiteral("#2e8b57");
        }
        parts << QStringLiteral("<span style='color:%1'>●</span> %2 %3")
                     .arg(color, QString::fromStdString(src.id).toHtmlEscaped(), state);
    }
    m_sources->setText(parts.join(QStringLiteral("&nbsp;&nbsp;")));
    if (s->fromCache && !s->hosts.empty())
        problems.prepend(tr("Showing the cached fleet: no poll has landed yet."));
    if (!m_storeMessage.isEmpty())
        problems.append(m_storeMessage);
    m_banner->setText(problems.join(QLatin1Char('\n')));
    m_banner->setVisible(!problems.isEmpty());
}

void MainWindow::setSnapshotExporter(SnapshotExporter exporter) {
    m_exporter = std::move(exporter);
    m_exportAction->setEnabled(static_cast<bool>(m_exporter));
}

void MainWindow::setSettingsOpener(std::function<void()> opener) {
    m_settingsOpener = std::move(opener);
    m_settingsAction->setVisible(static_cast<bool>(m_settingsOpener));
}

void MainWindow::reloadSavedFilters() {
    m_triageView->reloadSavedFilters();
    m_notifier->setFilters(IncidentNotifier::loadFilters());
}

void MainWindow::exportIncident(const QString &key) {
    const FleetSnapshotPtr s = m_source->current();
    if (!s || !s->triage || !m_exporter)
        return;
    for (const auto &inc : s->triage->incidents)
        if (QString::fromStdString(inc.key) == key) {
            const TimeMs from = (inc.startsAt > 0 ? inc.startsAt : s->now()) - 30 * 60'000;
            m_exporter(from, s->now(), key, QString::fromStdString(inc.causeLevel + " " + inc.causeName));
            return;
        }
}

void MainWindow::setBottomBar(QWidget *bar) {
    centralWidget()->layout()->addWidget(bar);
}

namespace {
QStringList snapshotFiles(const QMimeData *mime) {
    QStringList out;
    if (!mime)
        return out;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile() && url.toLocalFile().endsWith(QStringLiteral(".vigil"), Qt::CaseInsensitive))
            out << url.toLocalFile();
    return out;
}
} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    if (!snapshotFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
    for (const QString &path : snapshotFiles(event->mimeData()))
        Q_EMIT openSnapshotRequested(path);
    event->acceptProposedAction();
}

bool MainWindow::canAct() {
    if (m_actions)
        return true;
    statusBar()->showMessage(tr("Read-only: this fleet source cannot be changed from here."), 10000);
    return false;
}

void MainWindow::showStoreMessage(const QString &message) {
    m_storeMessage = message;
    refreshStatus();
    statusBar()->showMessage(message, 30000);
}

} // namespace vigil
