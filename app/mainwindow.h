#pragma once
// Vigil's main window: the registered views as tabs, the source panel, and a status bar that always
// says whether the data can be trusted (per-source health, staleness, cache problems).
#include "common/viewregistry.h"
#include "fleet/fleetsnapshot.h"
#include "fleetviews.h"

#include <QMainWindow>

#include <functional>

class QDockWidget;
class QLabel;
class QMenu;
class QSystemTrayIcon;
class QTabWidget;
class QTimer;

namespace vigil {

class FleetSource;
class FleetActions;
class HostTableModel;
class HostTableView;
class IncidentModel;
class IncidentNotifier;
class HostMapView;
class HostDetailDialog;
class ServiceDetailDialog;
class TimeHeatmapView;
class TopologyView;
class DriftView;
class TriageView;
class SourceHealthModel;

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    // `actions` may be null: a read-only source (a snapshot file, the wall display) offers none, and
    // what would change the fleet says so instead.
    MainWindow(FleetSource *source, FleetActions *actions, QWidget *parent = nullptr);
    ~MainWindow() override; // writes a view choice still waiting (rememberView)

    [[nodiscard]] const ViewRegistry &views() const { return m_set->registry(); }
    bool showView(const QString &name);
    // Start-up without --view: the view last chosen (settings), then triage as soon as a snapshot (the
    // cache's or the first poll's) shows an alert storm, unless the operator has moved on already.
    void openAtStart();
    [[nodiscard]] QString currentViewName() const;
    [[nodiscard]] HostTableView *hostView() const { return m_set->hosts(); }
    [[nodiscard]] TriageView *triageView() const { return m_set->triage(); }
    [[nodiscard]] HostDetailDialog *hostDetail() const { return m_detail; }
    void showHostDetail(const QString &host);
    // Hosts selected in one view (a map node, a drift cluster) marked in the others: the heatmap's
    // rows, triage's incidents, the maps' nodes. `from` is the view they come from ("" for none).
    void markHosts(const QString &what, const QStringList &hosts, const QString &from = {});
    // Opens the host's detail as soon as a snapshot has it (the --host option).
    void openHostWhenKnown(const QString &host);
    [[nodiscard]] ServiceDetailDialog *serviceDetail() const { return m_serviceDetail; }
    void showServiceDetail(const QString &service);
    // Opens the service's detail as soon as the snapshot's graph has it (the --service option).
    void openServiceWhenKnown(const QString &service);
    [[nodiscard]] QMenu *fileMenu() const { return m_fileMenu; }
    // A bar under the views (an incident snapshot's replay bar).
    void setBottomBar(QWidget *bar);
    // Offers File > Export snapshot (the last hour) and, on triage's incidents, an incident's snapshot
    // (30 minutes before its first alert to now); without one neither is offered.
    using SnapshotExporter =
        std::function<void(TimeMs from, TimeMs to, const QString &incident, const QString &title)>;
    void setSnapshotExporter(SnapshotExporter exporter);
    // Offers File > Settings (Ctrl+,), which calls `opener`; without one it is not offered.
    void setSettingsOpener(std::function<void()> opener);
    // The saved triage filters changed elsewhere (the settings): triage and the notifier read them again.
    void reloadSavedFilters();

Q_SIGNALS:
    // A notification was shown (tray or status bar), for tests and the wall display.
    void notified(const QString &title);
    // File > Open snapshot, or a .vigil file dropped on the window.
    void openSnapshotRequested(const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // Built once by the constructor (mainwindowwiring.cpp).
    [[nodiscard]] QDockWidget *buildCentral();
    void buildFileMenu();
    void buildViewMenu(QDockWidget *dock);
    void followTriageActions();
    void followNotifier();
    void linkViews();
    void onSnapshot(const FleetSnapshotPtr &snapshot);
    bool m_stormOpensTriage = false; // openAtStart(), until a live snapshot has been seen
    bool m_switching = false;        // a view change Vigil made (not remembered as the operator's)
    void refreshStatus();
    void showStoreMessage(const QString &message);

    FleetSource *m_source;
    FleetActions *m_actions;
    bool canAct();
    void exportIncident(const QString &key);
    SnapshotExporter m_exporter;
    QAction *m_exportAction = nullptr;
    std::function<void()> m_settingsOpener;
    QAction *m_settingsAction = nullptr;
    QMenu *m_fileMenu = nullptr;
    FleetViews *m_set;
    SourceHealthModel *m_sourceModel;
    IncidentNotifier *m_notifier;
    HostDetailDialog *m_detail;
    // The set's views, for the wiring between them.
    HostTableModel *m_hostModel;
    TriageView *m_triageView;
    HostMapView *m_hostMap;
    TimeHeatmapView *m_heatmap;
    TopologyView *m_topology;
    TopologyView *m_servicesMap;
    DriftView *m_drift;
    QString m_pendingHost;
    ServiceDetailDialog *m_serviceDetail;
    QString m_pendingService;
    QSystemTrayIcon *m_tray = nullptr;
    QTabWidget *m_tabs;
    QLabel *m_banner;
    QLabel *m_summary;
    QLabel *m_sources;
    QTimer *m_tick;
    // The operator's last view, written to the settings a moment after the switch: QSettings commits
    // its file with an fsync, which held the switch's first frame.
    QTimer *m_rememberView;
    QString m_chosenView;
    void rememberView();
    QString m_storeMessage;
};

} // namespace vigil
