// MainWindow's frame, menus and how its views, dialogs and actions are wired to each other, built once by
// the constructor. The window's state and what it does with a snapshot are in mainwindow.cpp.
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

// The banner over the views, the sources dock, the status bar.
QDockWidget *MainWindow::buildCentral() {
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
    return dock;
}

void MainWindow::buildFileMenu() {
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
}

void MainWindow::buildViewMenu(QDockWidget *dock) {
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
}

// Triage's silence, expiry, acknowledgement and note requests, carried out by the fleet's actions.
void MainWindow::followTriageActions() {
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
}

void MainWindow::followNotifier() {
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
}

void MainWindow::linkViews() {
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
}

} // namespace vigil
