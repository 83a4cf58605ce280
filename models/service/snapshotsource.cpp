#include "snapshotsource.h"

#include "../analysis/fleetanalysis.h"
#include "../snapshot/snapshotfile.h"
#include "driftsession.h"
#include "fleetstate.h"
#include "historyloader.h"

#include <algorithm>

namespace vigil {

// Rebuilds the fleet at a moment: one FleetState and one analyzer for the whole review, so the fleet
// graph is built once and the correlator keeps its caches while the cursor moves.
struct SnapshotSource::Builder {
    explicit Builder(std::shared_ptr<const snapshot::SnapshotFile> f)
        : file(std::move(f))
        , state(file->settings().profile.metrics, file->settings().profile.host) {
        const Config &c = file->settings();
        // The graph as the file recorded it (with its rates), then edges only the settings name.
        std::vector<ServiceEdge> edges = file->edges();
        for (const auto &e : c.topology.edges)
            if (std::none_of(edges.begin(), edges.end(),
                             [&](const ServiceEdge &x) { return x.from == e.from && x.to == e.to; }))
                edges.push_back(e);
        state.setStaticEdges(std::move(edges));
        state.setRecordedJoins(file->joined(), file->runsOn());
        state.setMergeIgnoredLabels(FleetState::externalLabelsOf(c));
        state.setAnalyzer(analysis::FleetAnalyzer(c));
    }
    FleetSnapshotPtr build(TimeMs t) {
        const std::lock_guard lock(mutex);
        state.replay(file->stateAt(t), t, file->info().from, file->info().to);
        return state.snapshot();
    }

    std::shared_ptr<const snapshot::SnapshotFile> file;
    std::mutex mutex;
    FleetState state;
};

SnapshotSource::SnapshotSource(std::shared_ptr<const snapshot::SnapshotFile> file, TimeMs cursor,
                               QObject *parent)
    : FleetSource(parent)
    , m_file(std::move(file))
    , m_builder(std::make_shared<Builder>(m_file))
    , m_drift(std::make_shared<DriftSession>()) {
    m_cursor = cursor ? std::clamp(cursor, m_file->info().from, m_file->info().to) : m_file->info().to;
    m_current = m_builder->build(m_cursor);
    m_drift->noteSnapshot(*m_current);
}

SnapshotSource::~SnapshotSource() {
    m_jobs.cancelAll();
    m_jobs.waitForWork(30'000);
}

const Config &SnapshotSource::config() const {
    return m_file->settings();
}

FleetSnapshotPtr SnapshotSource::buildAt(TimeMs t) const {
    return m_builder->build(std::clamp(t, m_file->info().from, m_file->info().to));
}

std::function<FleetSnapshotPtr(TimeMs)> SnapshotSource::builder() const {
    return [builder = m_builder, from = m_file->info().from, to = m_file->info().to](TimeMs t) {
        return builder->build(std::clamp(t, from, to));
    };
}

void SnapshotSource::setCursor(TimeMs t) {
    t = std::clamp(t, m_file->info().from, m_file->info().to);
    if (t == m_cursor)
        return;
    m_cursor = t;
    Q_EMIT cursorChanged(t);
    m_jobs.run(
        JobRunner::Pool::Interactive, QStringLiteral("cursor"), "rebuilding the fleet at the cursor", this,
        [builder = m_builder, t](const CancelToken &) { return builder->build(t); },
        [this](FleetSnapshotPtr snap) {
            m_current = std::move(snap);
            m_drift->noteSnapshot(*m_current);
            Q_EMIT snapshotReady(m_current);
        });
}

void SnapshotSource::loadHistory(const QString &channel, const std::string &metricKey, TimeMs from, TimeMs to,
                                 int columns, QObject *context, std::function<void(GridPtr)> done) {
    HistoryJob job = historyJob(m_file->settings(), m_current.get(), metricKey, from, to, columns);
    job.store = m_file; // no sources and no client: nothing is asked of the network
    m_jobs.run(
        JobRunner::Pool::Bulk, QStringLiteral("history:") + channel, "loading history from the snapshot",
        context,
        [job = std::move(job)](const CancelToken &cancel) mutable {
            job.cancel = cancel;
            return GridPtr(std::make_shared<const analysis::MetricGrid>(vigil::loadHistory(job)));
        },
        std::move(done));
}

void SnapshotSource::loadWear(int hours, QObject *context, std::function<void(WearPtr)> done) {
    WearJobs work = wearJobs(m_file->settings(), m_current.get(), m_cursor, hours);
    for (auto &job : work.jobs)
        job.store = m_file;
    m_jobs.run(
        JobRunner::Pool::Bulk, QStringLiteral("wear"), "ranking hardware wear", context,
        [work = std::move(work)](const CancelToken &cancel) mutable {
            return rankWear(std::move(work), cancel);
        },
        std::move(done));
}

void SnapshotSource::loadDrift(TimeMs since, QObject *context, std::function<void(DriftPtr)> done) {
    m_jobs.run(
        JobRunner::Pool::Bulk, QStringLiteral("drift"), "judging drift", context,
        [snap = m_current, drift = m_file->settings().drift, file = m_file, session = m_drift,
         since](const CancelToken &cancel) {
            return session->judge(snap, drift, std::shared_ptr<const HistoryReader>(file), since, cancel);
        },
        [done = std::move(done)](DriftPtr out) {
            if (out)
                done(std::move(out));
        });
}

void SnapshotSource::loadLayout(const std::string &map, QObject *context,
                                std::function<void(Positions)> done) {
    Positions positions;
    if (auto it = m_layouts.find(map); it != m_layouts.end())
        positions = it->second;
    else
        positions = m_file->layout(map);
    // Small and in memory: delivered from the event loop like a job's result, never re-entrantly.
    QMetaObject::invokeMethod(
        context ? context : this,
        [done = std::move(done), positions = std::move(positions)]() mutable { done(std::move(positions)); },
        Qt::QueuedConnection);
}

void SnapshotSource::saveLayout(const std::string &map, Positions positions) {
    m_layouts[map] = std::move(positions);
}

} // namespace vigil
