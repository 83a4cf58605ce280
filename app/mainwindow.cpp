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
    , m_tick(new QTimer(this)) {
    setWindowTitle(tr("Vigil"));
    for (const auto &v : m_set->registry().views())
        m_tabs->addTab(v.widget, v.title);
    // The operator's choice of view is remembered for the next start (Vigil's own switches are not).
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_switching)
            return;
        m_stormOpensTriage = false;
        QSettings().setValue(QStringLiteral("window/lastView"), currentViewName());
    });

    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: #7a1f1f; color: white; padding: 6px; font-weight: bold; }"));
    m_banner->hide();
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    auto *dock = new QDockWidget(tr("Sources"), this);
    dock->setObjectName(QStringLiteral("sources"));
    dock->setWidget(new SourcePanel(m_sourceModel));
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    resizeDocks({dock}, {140}, Qt::Vertical);

    statusBar()->addWidget(m_summary, 1);
    statusBar()->addPermanentWidget(m_sources);

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu = fileMenu;
    auto *open = fileMenu->addAction(tr("&Open snapshot…"));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open an incident snapshot"), QString(),
                                                          tr("Vigil snapshots (*.vigil);;All files (*)"));
        if (!path.isEmpty())
            Q_EMIT openSnapshotRequested(path);
    });
    setAcceptDrops(true);
    m_exportAction = fileMenu->addAction(tr("&Export snapshot…"));
    m_exportAction->setEnabled(false);
    connect(m_exportAction, &QAction::triggered, this, [this] {
        if (m_exporter)
            m_exporter(nowMs() - 3'600'000, nowMs(), QString(), QString());
    });
    // On triage's incidents: the incident's own snapshot.
    m_triageView->incidents()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_triageView->incidents(), &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QString key = m_triageView->selectedKey();
        if (!m_exporter || key.isEmpty())
            return;
        QMenu menu;
        connect(menu.addAction(tr("Export snapshot of this incident…")), &QAction::triggered, this,
                [this, key] { exportIncident(key); });
        menu.exec(m_triageView->incidents()->viewport()->mapToGlobal(at));
    });
    fileMenu->addSeparator();
    m_settingsAction = fileMenu->addAction(tr("&Settings…"));
    m_settingsAction->setShortcut(QKeySequence(tr("Ctrl+,")));
    m_settingsAction->setVisible(false);
    connect(m_settingsAction, &QAction::triggered, this, [this] {
        if (m_settingsOpener)
            m_settingsOpener();
    });
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    auto *refresh = viewMenu->addAction(tr("&Refresh now"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, [this] {
        if (canAct())
            m_actions->refresh();
    });
    viewMenu->addAction(dock->toggleViewAction());
    int n = 1;
    for (const auto &v : m_set->registry().views()) {
        auto *a = viewMenu->addAction(v.title);
        a->setShortcut(QKeySequence(QStringLiteral("Alt+%1").arg(n++)));
        connect(a, &QAction::triggered, this, [this, name = v.name] { showView(name); });
    }
    // A view's own actions (triage's keys) in a menu of its own, with their shortcuts, while it is shown.
    QList<QPair<QWidget *, QAction *>> viewMenus;
    for (const auto &v : m_set->registry().views())
        if (!v.widget->actions().isEmpty()) {
            QMenu *menu = menuBar()->addMenu(v.title);
            menu->addActions(v.widget->actions());
            viewMenus.append({v.widget, menu->menuAction()});
        }
    auto showViewMenu = [this, viewMenus] {
        for (const auto &[widget, menu] : viewMenus)
            menu->setVisible(m_tabs->currentWidget() == widget);
    };
    connect(m_tabs, &QTabWidget::currentChanged, this, showViewMenu);
    showViewMenu();

    connect(
        m_triageView, &TriageView::silenceRequested, this, [this](const QString &source, const Silence &s) {
            if (!canAct())
                return;
            statusBar()->showMessage(tr("Creating the silence…"));
            m_actions->createSilence(source.toStdString(), s, [this](Result<std::string> r) {
                statusBar()->showMessage(r ? tr("Silence %1 created.").arg(QString::fromStdString(r.value()))
                                           : tr("The silence was not created: %1")
                                                 .arg(QString::fromStdString(r.error().describe())),
                                         15000);
                m_actions->refresh();
            });
        });
    connect(
        m_triageView, &TriageView::expireRequested, this, [this](const QString &source, const QString &id) {
            if (!canAct())
                return;
            m_actions->expireSilence(
                source.toStdString(), id.toStdString(), [this, id](Result<std::string> r) {
                    statusBar()->showMessage(r ? tr("Silence %1 expired.").arg(id)
                                               : tr("The silence %1 was not expired: %2")
                                                     .arg(id, QString::fromStdString(r.error().describe())),
                                             15000);
                    m_actions->refresh();
                });
        });
    connect(
        m_triageView, &TriageView::acknowledgeRequested, this,
        [this](const QString &incident, const QString &source, const std::vector<SilenceMatcher> &matchers) {
            if (!canAct())
                return;
            m_actions->acknowledge(
                incident.toStdString(), source.toStdString(), matchers,
                SilenceDialog::defaultAuthor().toStdString(), [this](Result<std::string> r) {
                    statusBar()->showMessage(
                        r ? tr("Acknowledged (silence %1).").arg(QString::fromStdString(r.value()))
                          : tr("Not acknowledged: %1").arg(QString::fromStdString(r.error().describe())),
                        15000);
                });
        });
    connect(m_triageView, &TriageView::unacknowledgeRequested, this, [this](const QString &incident) {
        if (!canAct())
            return;
        m_actions->unacknowledge(incident.toStdString(), [this](Result<std::string> r) {
            statusBar()->showMessage(r ? tr("Acknowledgement taken back.")
                                       : tr("The acknowledgement's silence was not expired: %1")
                                             .arg(QString::fromStdString(r.error().describe())),
                                     15000);
        });
    });
    connect(
        m_triageView, &TriageView::noteRequested, this, [this](const QString &incident, const QString &text) {
            if (canAct())
                m_actions->addIncidentNote(incident.toStdString(),
                                           SilenceDialog::defaultAuthor().toStdString(), text.toStdString());
        });
    // New incidents matching a saved "notify" filter: a desktop notification, else the status bar.
    connect(m_triageView, &TriageView::savedFiltersChanged, this,
            [this] { m_notifier->setFilters(IncidentNotifier::loadFilters()); });
    connect(m_notifier, &IncidentNotifier::notify, this,
            [this](const QString &title, const QString &message, bool sound) {
                if (QSystemTrayIcon::isSystemTrayAvailable()) {
                    if (!m_tray) {
                        m_tray = new QSystemTrayIcon(windowIcon(), this);
                        m_tray->setToolTip(tr("Vigil"));
                        m_tray->show();
                    }
                    m_tray->showMessage(title, message, QSystemTrayIcon::Warning, 15000);
                }
                statusBar()->showMessage(title + QStringLiteral(" — ") + message, 30000);
                if (sound)
                    QApplication::beep();
                Q_EMIT notified(title);
            });
    // Any view's host opens the host detail; its alerts lead to triage.
    connect(m_heatmap, &TimeHeatmapView::hostActivated, this, &MainWindow::showHostDetail);
    connect(m_hostMap, &HostMapView::hostActivated, this, &MainWindow::showHostDetail);
    connect(m_topology, &TopologyView::hostActivated, this, &MainWindow::showHostDetail);
    connect(m_drift, &DriftView::hostActivated, this, &MainWindow::showHostDetail);
    // Double-click a service (either map): its detail; its hosts lead to theirs, its alerts to triage.
    connect(m_topology, &TopologyView::serviceActivated, this, &MainWindow::showServiceDetail);
    connect(m_servicesMap, &TopologyView::serviceActivated, this, &MainWindow::showServiceDetail);
    connect(m_serviceDetail, &ServiceDetailDialog::hostActivated, this, &MainWindow::showHostDetail);
    connect(m_serviceDetail, &ServiceDetailDialog::triageRequested, this, [this](const QString &filter) {
        m_triageView->setFilterText(filter);
        showView(QStringLiteral("triage"));
    });
    // The two maps are linked: a node selected in one highlights its counterpart in the other.
    connect(m_topology, &TopologyView::nodeSelected, this,
            [this](const QString &name) { m_servicesMap->canvas()->setHighlight(name); });
    connect(m_servicesMap, &TopologyView::nodeSelected, this,
            [this](const QString &name) { m_topology->canvas()->setHighlight(name); });
    // A node clicked on a map, or a drift cluster handed over, is marked in the other views.
    connect(m_topology, &TopologyView::hostsSelected, this,
            [this](const QString &what, const QStringList &hosts) {
                markHosts(what, hosts, QStringLiteral("topology"));
            });
    connect(m_servicesMap, &TopologyView::hostsSelected, this,
            [this](const QString &what, const QStringList &hosts) {
                markHosts(what, hosts, QStringLiteral("services"));
            });
    connect(m_drift, &DriftView::showHosts, this,
            [this](const QString &view, const QString &what, const QStringList &hosts) {
                markHosts(what, hosts, QStringLiteral("drift"));
                if (view.isEmpty())
                    return;
                showView(view);
                if (view == QLatin1String("topology") && hosts.size() == 1)
                    m_topology->canvas()->flyTo(hosts.front());
            });
    // Triage's incident on screen is the one the maps mark.
    connect(m_triageView, &TriageView::incidentSelected, this, [this](const QString &key) {
        m_topology->setIncident(key);
        m_servicesMap->setIncident(key);
    });
    connect(m_detail, &HostDetailDialog::triageRequested, this, [this](const QString &filter) {
        m_triageView->setFilterText(filter);
        showView(QStringLiteral("triage"));
    });
    connect(m_source, &FleetSource::snapshotReady, m_notifier, &IncidentNotifier::onSnapshot);
    connect(m_source, &FleetSource::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_source, &FleetSource::storeMessage, this, &MainWindow::showStoreMessage);
    // Staleness moves with the clock, not only with polls.
    m_tick->setInterval(2000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        m_hostModel->setSnapshot(m_source->current());
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
