#include "fleetviews.h"

#include "common/whenshown.h"
#include "drift/driftview.h"
#include "heatmap/timeheatmapview.h"
#include "hostmap/hostmapcanvas.h"
#include "hostmap/hostmapview.h"
#include "hosts/hosttableview.h"
#include "item/hosttablemodel.h"
#include "item/incidentmodel.h"
#include "service/fleetsource.h"
#include "topology/topologyview.h"
#include "triage/triageview.h"

namespace vigil {

namespace {
HistoryFetch historyFetch(FleetSource *source) {
    return [source](const QString &channel, const std::string &key, TimeMs from, TimeMs to, int columns,
                    QObject *context, std::function<void(GridPtr)> done) {
        source->loadHistory(channel, key, from, to, columns, context, std::move(done));
    };
}
} // namespace

FleetViews::FleetViews(FleetSource *source, const QStringList &only, QObject *parent)
    : QObject(parent)
    , m_source(source) {
    auto wanted = [&only](const char *name) { return only.isEmpty() || only.contains(QLatin1String(name)); };
    if (wanted("hosts")) {
        m_hostModel = new HostTableModel(this);
        m_hostView = new HostTableView(m_hostModel);
        m_views.add(QStringLiteral("hosts"), tr("Hosts"), m_hostView);
        // The host table's rows follow a poll only on screen, like triage's incidents below.
        m_hostsShown = new WhenShown(m_hostView);
    }
    if (wanted("triage")) {
        m_incidentModel = new IncidentModel(this);
        m_triage = new TriageView(m_incidentModel);
        const TriageConfig &t = source->config().triage;
        m_triage->setAcknowledgePolicy(t.ackDurationMs, t.ackMaxMs, t.ackConfirm);
        m_views.add(QStringLiteral("triage"), tr("Triage"), m_triage);
        // Triage's incident table, filter and selection follow a poll only on screen (re-sorting and
        // re-filtering thousands of incidents): a snapshot that comes while it is hidden waits for it.
        m_triageShown = new WhenShown(m_triage);
    }
    if (wanted("hostmap")) {
        m_hostMap =
            new HostMapView([source](QObject *context, std::function<void(FleetSource::WearPtr)> done) {
                source->loadWear(24, context, std::move(done));
            });
        m_views.add(QStringLiteral("hostmap"), tr("Host map"), m_hostMap,
                    [v = m_hostMap] { return v->wearReport() != nullptr && v->canvas()->tilesPainted(); });
    }
    if (wanted("heatmap")) {
        m_heatmap = new TimeHeatmapView(historyFetch(source));
        m_views.add(QStringLiteral("heatmap"), tr("Heatmap"), m_heatmap,
                    [v = m_heatmap] { return v->isReady(); });
    }
    if (wanted("topology")) {
        m_topology = new TopologyView(TopologyCanvas::Mode::Physical);
        m_views.add(QStringLiteral("topology"), tr("Topology"), m_topology,
                    [v = m_topology] { return v->canvas()->isLaidOut(); });
    }
    if (wanted("services")) {
        m_services = new TopologyView(TopologyCanvas::Mode::Services);
        // The service map's positions live in the cache: the wall display shows the same map every day.
        m_services->canvas()->setLayoutStore(
            [this](std::function<void(TopologyCanvas::Positions)> done) {
                m_source->loadLayout("services", this, std::move(done));
            },
            [this](TopologyCanvas::Positions positions) {
                m_source->saveLayout("services", std::move(positions));
            });
        m_views.add(QStringLiteral("services"), tr("Services"), m_services,
                    [v = m_services] { return v->canvas()->isLaidOut(); });
    }
    if (wanted("drift")) {
        m_drift = new DriftView(
            [source](TimeMs since, QObject *context, std::function<void(FleetSource::DriftPtr)> done) {
                source->loadDrift(since, context, std::move(done));
            },
            QString::fromStdString(source->config().drift.roleLabel));
        m_views.add(QStringLiteral("drift"), tr("Drift"), m_drift, [v = m_drift] { return v->isReady(); });
    }
    for (const auto &v : m_views.views())
        m_widgets.emplace_back(v.widget);
}

FleetViews::~FleetViews() {
    for (const auto &w : m_widgets)
        if (w && !w->parent())
            delete w.data();
}

void FleetViews::setSnapshot(const FleetSnapshotPtr &snapshot) {
    for (const auto &v : m_views.views())
        setSnapshot(v.name, snapshot);
}

void FleetViews::setSnapshot(const QString &name, const FleetSnapshotPtr &snapshot) {
    if (name == QLatin1String("hosts") && m_hostModel)
        m_hostsShown->run([model = m_hostModel, snapshot] { model->setSnapshot(snapshot); });
    else if (name == QLatin1String("triage") && m_incidentModel)
        m_triageShown->run([model = m_incidentModel, snapshot] { model->setSnapshot(snapshot); });
    else if (name == QLatin1String("hostmap") && m_hostMap)
        m_hostMap->setSnapshot(snapshot);
    else if (name == QLatin1String("heatmap") && m_heatmap)
        m_heatmap->setSnapshot(snapshot);
    else if (name == QLatin1String("topology") && m_topology)
        m_topology->setSnapshot(snapshot);
    else if (name == QLatin1String("services") && m_services)
        m_services->setSnapshot(snapshot);
    else if (name == QLatin1String("drift") && m_drift)
        m_drift->setSnapshot(snapshot);
}

bool FleetViews::apply(const QString &name, const ViewOptions &o) {
    if (!m_views.find(name))
        return false;
    if (o.filter) {
        const QString &f = *o.filter;
        if (name == QLatin1String("hosts"))
            m_hostView->setFilterText(f);
        else if (name == QLatin1String("triage"))
            m_triage->setFilterText(f);
        else if (name == QLatin1String("hostmap"))
            m_hostMap->setFilterText(f);
        else if (name == QLatin1String("heatmap"))
            m_heatmap->setFilterText(f);
        else if (name == QLatin1String("drift"))
            m_drift->setFilterText(f);
    }
    if (!o.metric.isEmpty()) {
        if (name == QLatin1String("hostmap"))
            m_hostMap->setMetric(o.metric);
        else if (name == QLatin1String("heatmap"))
            m_heatmap->setMetric(o.metric);
    }
    if (o.rangeHours > 0 && name == QLatin1String("heatmap"))
        m_heatmap->setRangeHours(o.rangeHours);
    if (!o.grouping.isEmpty() && name == QLatin1String("hostmap"))
        m_hostMap->setImbalanceGrouping(o.grouping);
    return true;
}

} // namespace vigil
