#pragma once
// One set of Vigil's views over one fleet source: the models behind them, the views registered by
// name, and the fan-out of every snapshot to them. The main window holds one set; the wall display
// holds one per screen (a widget lives in one window), each with only the views its playlist shows.
#include "common/viewregistry.h"
#include "fleet/fleetsnapshot.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>
#include <vector>

namespace vigil {

class FleetSource;
class HostTableModel;
class HostTableView;
class IncidentModel;
class TriageView;
class HostMapView;
class TimeHeatmapView;
class TopologyView;
class DriftView;
class WhenShown;

// What a playlist entry (or the command line) may set on a view before it is shown. Empty: unchanged.
struct ViewOptions {
    std::optional<QString> filter; // host or incident matchers, as typed in the view's filter box
    QString metric;                // heatmap and host map: a metric key of the profile
    int rangeHours = 0;
    QString grouping; // host map: the label its pools are grouped by
};

class FleetViews final : public QObject {
    Q_OBJECT
public:
    // Builds the views named in `only` (every view when empty) over `source`.
    explicit FleetViews(FleetSource *source, const QStringList &only = {}, QObject *parent = nullptr);
    // Views nobody took into a window are deleted with the set.
    ~FleetViews() override;

    [[nodiscard]] const ViewRegistry &registry() const { return m_views; }
    // Null when the set was built without that view.
    [[nodiscard]] HostTableModel *hostModel() const { return m_hostModel; }
    [[nodiscard]] HostTableView *hosts() const { return m_hostView; }
    [[nodiscard]] IncidentModel *incidentModel() const { return m_incidentModel; }
    [[nodiscard]] TriageView *triage() const { return m_triage; }
    [[nodiscard]] HostMapView *hostMap() const { return m_hostMap; }
    [[nodiscard]] TimeHeatmapView *heatmap() const { return m_heatmap; }
    [[nodiscard]] TopologyView *topology() const { return m_topology; }
    [[nodiscard]] TopologyView *services() const { return m_services; }
    [[nodiscard]] DriftView *drift() const { return m_drift; }

    void setSnapshot(const FleetSnapshotPtr &snapshot);
    // Gives the snapshot to one view only (the wall feeds the view on screen, and the next one shortly
    // before it is shown).
    void setSnapshot(const QString &name, const FleetSnapshotPtr &snapshot);
    // Applies what `options` sets to the named view; false when it has no such view.
    bool apply(const QString &name, const ViewOptions &options);

private:
    FleetSource *m_source;
    ViewRegistry m_views;
    std::vector<QPointer<QWidget>> m_widgets; // to delete those never adopted
    HostTableModel *m_hostModel = nullptr;
    HostTableView *m_hostView = nullptr;
    IncidentModel *m_incidentModel = nullptr;
    TriageView *m_triage = nullptr;
    WhenShown *m_hostsShown = nullptr;
    WhenShown *m_triageShown = nullptr;
    HostMapView *m_hostMap = nullptr;
    TimeHeatmapView *m_heatmap = nullptr;
    TopologyView *m_topology = nullptr;
    TopologyView *m_services = nullptr;
    DriftView *m_drift = nullptr;
};

} // namespace vigil
