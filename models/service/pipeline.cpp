#include "pipeline.h"

#include "../analysis/fleetanalysis.h"
#include "../sources/poller.h"
#include "../store/store.h"
#include "../support/guard.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <algorithm>

namespace vigil {

Pipeline::Pipeline(Config config, std::shared_ptr<HttpClient> client)
    : m_config(std::move(config))
    , m_client(std::move(client))
    , m_state(m_config.profile.metrics, m_config.profile.host)
    , m_retention(this)
    , m_quietBuild(this) {
    m_state.setStaticEdges(m_config.topology.edges);
    m_state.setJoins(m_config.profile.joins);
    m_state.setServices(m_config.topology.serviceLabel, m_config.profile.serviceAliases);
    m_state.setMergeIgnoredLabels(FleetState::externalLabelsOf(m_config));
    m_state.setAnalyzer(analysis::FleetAnalyzer(m_config));
}

void Pipeline::init() {
    openStore();
    int amIndex = 0;
    for (const auto &src : m_config.sources) {
        std::vector<std::pair<SourceKind, std::string>> endpoints;
        if (!src.prometheusUrl.empty())
            endpoints.emplace_back(SourceKind::Prometheus, src.prometheusUrl);
        amIndex = 0;
        for (const auto &u : src.alertmanagerUrls)
            endpoints.emplace_back(SourceKind::Alertmanager, u);
        for (const auto &[kind, url] : endpoints) {
            auto *p = new Poller(m_client, src, kind, url, kind == SourceKind::Alertmanager ? amIndex++ : 0,
                                 m_config.profile, this);
            connect(p, &Poller::polled, this, &Pipeline::onPolled);
            m_state.addSource(p->health());
            m_pollers.push_back(p);
        }
    }
    Q_EMIT snapshot(m_state.snapshot());
    for (auto *p : m_pollers)
        p->start();
    m_retention.setInterval(3600'000);
    connect(&m_retention, &QTimer::timeout, this, [this] {
        if (m_store)
            m_store->applyRetention(nowMs(), m_config.retentionMs);
    });
    m_retention.start();
    std::int64_t shortest = 60'000;
    for (const auto &src : m_config.sources)
        shortest = std::min(shortest, src.intervalMs);
    m_quietBuild.setSingleShot(true);
    m_quietBuild.setInterval(static_cast<int>(std::max<std::int64_t>(shortest / 2, 100)));
    connect(&m_quietBuild, &QTimer::timeout, this, [this] {
        guarded("the pipeline", [&] { publish({m_state.rebuild(), nullptr}); });
    });
}

void Pipeline::shutdown() {
    for (auto *p : m_pollers)
        p->stop();
    m_retention.stop();
    m_quietBuild.stop();
    std::shared_ptr<Store> last;
    {
        const std::lock_guard lock(m_storeMutex);
        last.swap(m_store);
    }
    last.reset(); // flushes and joins the writer (unless a history job still reads)
}

std::shared_ptr<Store> Pipeline::storeRef() const {
    const std::lock_guard lock(m_storeMutex);
    return m_store;
}

void Pipeline::refresh() {
    for (auto *p : m_pollers)
        p->pollNow();
}

void Pipeline::openStore() {
    QString path = QString::fromStdString(m_config.cachePath);
    if (path.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
        QDir().mkpath(dir);
        path = dir + QStringLiteral("/cache.sqlite");
    }
    std::string error;
    StoreProblem problem = StoreProblem::None;
    std::shared_ptr<Store> store = Store::open(path.toStdString(), &error, &problem);
    if (!store && (problem == StoreProblem::NotADatabase || problem == StoreProblem::Corrupt) &&
        QFile::exists(path)) {
        // Only a file that is no database, or fails its integrity check, is moved aside: kept for
        // inspection with its WAL and SHM (never deleted: a WAL can hold the last commits), and a
        // fresh cache started beside it. A newer schema, a lock, an I/O error or a full disk leave
        // the file untouched.
        const QString aside = path + QStringLiteral(".unreadable-") +
                              QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddThhmmss"));
        bool moved = QFile::rename(path, aside);
        for (const auto *suffix : {"-wal", "-shm"})
            if (QFile::exists(path + QLatin1String(suffix)))
                moved = QFile::rename(path + QLatin1String(suffix), aside + QLatin1String(suffix)) && moved;
        Q_EMIT storeMessage(
            tr("The cache could not be opened (%1); it was moved to %2 and a new cache was started.")
                .arg(QString::fromStdString(error), aside));
        if (moved)
            store = Store::open(path.toStdString(), &error, &problem);
    }
    if (store && store->readOnly())
        Q_EMIT storeMessage(tr("The cache %1 is read-only here: %2.")
                                .arg(path, QString::fromStdString(store->readOnlyReason())));
    {
        const std::lock_guard lock(m_storeMutex);
        m_store = store;
    }
    if (!m_store) {
        Q_EMIT storeMessage(tr("No cache: %1. The file was left as it is; Vigil runs without history "
                               "until this is fixed.")
                                .arg(QString::fromStdString(error)));
        return;
    }
    if (auto cached = m_store->loadCache(&error))
        m_state.restore(*cached);
    else
        Q_EMIT storeMessage(tr("The cache could not be read: %1").arg(QString::fromStdString(error)));
}

void Pipeline::onPolled(const std::shared_ptr<const PollData> &data) {
    guarded("the pipeline", [&] {
        if (auto batch = m_state.absorbQuiet(*data)) {
            if (m_store)
                m_store->write(batch);
            if (!m_quietBuild.isActive())
                m_quietBuild.start();
            return;
        }
        m_quietBuild.stop();
        publish(m_state.apply(*data));
    });
}

void Pipeline::publish(const FleetState::Update &update) {
    if (m_store && update.batch) {
        m_store->write(update.batch);
        const std::string err = m_store->lastWriteError();
        if (!err.empty() && err != m_lastStoreError)
            Q_EMIT storeMessage(tr("Writing the cache failed: %1").arg(QString::fromStdString(err)));
        m_lastStoreError = err;
    }
    Q_EMIT snapshot(update.snapshot);
}

} // namespace vigil
