#include "fleetservice.h"

#include "../analysis/baseline.h"
#include "../analysis/baselineloader.h"
#include "../analysis/drifttracker.h"
#include "../analysis/fleetanalysis.h"
#include "../analysis/wear.h"
#include "../sources/alertmanageradapter.h"
#include "../sources/poller.h"
#include "../sources/sourcetls.h"
#include "../store/store.h"
#include "../support/guard.h"
#include "../support/retire.h"
#include "driftsession.h"
#include "fleetstate.h"
#include "historyloader.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>

#include <mutex>
#include <set>

namespace vigil {

// Lives on the worker thread: every slot here runs off the GUI thread.
class Pipeline final : public QObject {
    Q_OBJECT
public:
    Pipeline(Config config, std::shared_ptr<HttpClient> client)
        : m_config(std::move(config))
        , m_client(std::move(client))
        , m_state(m_config.profile.metrics, m_config.profile.hostLabel)
        , m_retention(this) {
        m_state.setStaticEdges(m_config.topology.edges);
        analysis::CorrelationOptions options;
        options.hostLabel = m_config.profile.hostLabel;
        options.serviceLabel = m_config.topology.serviceLabel;
        options.groupBy = m_config.triage.groupBy;
        options.window = m_config.triage.windowMs;
        options.stormAlertsPerMinute = m_config.triage.stormAlertsPerMinute;
        m_state.setAnalyzer(analysis::FleetAnalyzer(m_config.topology, options));
    }

    void init() {
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
                auto *p =
                    new Poller(m_client, src, kind, url, kind == SourceKind::Alertmanager ? amIndex++ : 0,
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
    }

    void shutdown() {
        for (auto *p : m_pollers)
            p->stop();
        m_retention.stop();
        std::shared_ptr<Store> last;
        {
            const std::lock_guard lock(m_storeMutex);
            last.swap(m_store);
        }
        last.reset(); // flushes and joins the writer (unless a history job still reads)
    }

    // Any thread.
    std::shared_ptr<Store> storeRef() const {
        const std::lock_guard lock(m_storeMutex);
        return m_store;
    }

    void refresh() {
        for (auto *p : m_pollers)
            p->pollNow();
    }

    // Operator actions that change local state: stored, then published like a poll.
    void addNote(const IncidentNote &note) { publish(m_state.addNote(note)); }
    void setAck(const Acknowledgement &ack) { publish(m_state.setAck(ack)); }
    void clearAck(const std::string &incident) { publish(m_state.clearAck(incident)); }

Q_SIGNALS:
    void snapshot(vigil::FleetSnapshotPtr snapshot);
    void storeMessage(const QString &message);

private:
    void openStore() {
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
                    moved =
                        QFile::rename(path + QLatin1String(suffix), aside + QLatin1String(suffix)) && moved;
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

    void onPolled(const std::shared_ptr<const PollData> &data) {
        guarded("the pipeline", [&] { publish(m_state.apply(*data)); });
    }

    void publish(const FleetState::Update &update) {
        if (m_store) {
            m_store->write(update.batch);
            const std::string err = m_store->lastWriteError();
            if (!err.empty() && err != m_lastStoreError)
                Q_EMIT storeMessage(tr("Writing the cache failed: %1").arg(QString::fromStdString(err)));
            m_lastStoreError = err;
        }
        Q_EMIT snapshot(update.snapshot);
    }

    Config m_config;
    std::shared_ptr<HttpClient> m_client;
    FleetState m_state;
    std::shared_ptr<Store> m_store;  // history jobs hold a reference while they read
    mutable std::mutex m_storeMutex; // guards m_store's pointer for storeRef()
    std::vector<Poller *> m_pollers;
    QTimer m_retention;
    std::string m_lastStoreError;
};

namespace {
HttpClient::Options clientOptions(const Config &c) {
    HttpClient::Options o;
    o.maxResponseBytes = c.maxResponseBytes;
    o.maxConcurrentPerBucket = c.maxConcurrentPerSource;
    // TLS settings are per source (each request carries its own: tlsOf), never merged here: one
    // source's insecure_skip_verify once turned verification off for every source.
    return o;
}
} // namespace

FleetService::FleetService(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_client(std::make_shared<HttpClient>(clientOptions(m_config)))
    , m_current(std::make_shared<FleetSnapshot>())
    , m_drift(std::make_shared<DriftSession>()) {
    qRegisterMetaType<vigil::FleetSnapshotPtr>();
    m_thread.setObjectName(QStringLiteral("vigil-pipeline"));
    m_ackPolicy.duration = m_config.triage.ackDurationMs;
    m_ackPolicy.maxTotal = m_config.triage.ackMaxMs;
    m_ackPolicy.extendBefore = std::min(m_ackPolicy.extendBefore, m_ackPolicy.duration / 3);
}

FleetService::~FleetService() {
    m_box->close();
    m_jobs.cancelAll();
    stop();
}

std::shared_ptr<Store> FleetService::store() const {
    return m_pipeline ? m_pipeline->storeRef() : nullptr;
}

namespace {
std::vector<std::string> hostNames(const FleetSnapshot &s) {
    std::vector<std::string> out;
    out.reserve(s.hosts.size());
    for (const auto &h : s.hosts)
        out.push_back(h.name); // the snapshot keeps hosts sorted by name
    return out;
}
} // namespace

void FleetService::loadHistory(const QString &channel, const std::string &metricKey, TimeMs from, TimeMs to,
                               int columns, QObject *context, std::function<void(GridPtr)> done) {
    HistoryJob job;
    job.metricKey = metricKey;
    const int mi = m_config.profile.metricIndex(metricKey);
    if (mi >= 0)
        job.query = m_config.profile.metrics[static_cast<std::size_t>(mi)].query;
    job.hostLabel = m_config.profile.hostLabel;
    if (m_current)
        job.hosts = hostNames(*m_current);
    job.stepMs = analysis::stepForRange(to - from, columns);
    job.from = from / job.stepMs * job.stepMs;
    job.buckets = static_cast<int>((to - job.from + job.stepMs - 1) / job.stepMs);
    job.sources = m_config.sources;
    job.store = store();
    job.client = m_client;
    m_jobs.run(
        JobRunner::Pool::Bulk, QStringLiteral("history:") + channel, "loading history", context,
        [job = std::move(job)](const CancelToken &cancel) mutable {
            job.cancel = cancel;
            return GridPtr(std::make_shared<const analysis::MetricGrid>(vigil::loadHistory(job)));
        },
        std::move(done));
}

void FleetService::saveLayout(const std::string &map, Positions positions) {
    if (auto s = store())
        s->writeLayout(map, std::move(positions));
}

void FleetService::loadLayout(const std::string &map, QObject *context, std::function<void(Positions)> done) {
    m_jobs.run(
        JobRunner::Pool::Interactive, QStringLiteral("layout:") + QString::fromStdString(map),
        "loading the map layout", context,
        [map, store = store()](const CancelToken &) { return store ? store->readLayout(map) : Positions{}; },
        std::move(done));
}

void FleetService::loadDrift(TimeMs since, QObject *context, std::function<void(DriftPtr)> done) {
    m_jobs.run(
        JobRunner::Pool::Bulk, QStringLiteral("drift"), "judging drift", context,
        [snap = m_current, drift = m_config.drift, store = store(), session = m_drift,
         since](const CancelToken &cancel) { return session->judge(snap, drift, store, since, cancel); },
        [done = std::move(done)](DriftPtr out) {
            if (out)
                done(std::move(out));
        });
}

void FleetService::loadWear(int hours, QObject *context, std::function<void(WearPtr)> done) {
    const TimeMs to = nowMs();
    const TimeMs from = to - static_cast<TimeMs>(hours) * 3'600'000;
    std::vector<HistoryJob> jobs;
    auto report = std::make_shared<analysis::WearReport>();
    report->from = from;
    report->to = to;
    for (const auto &w : m_config.profile.wear) {
        const int mi = m_config.profile.metricIndex(w.metricKey);
        if (mi < 0)
            continue;
        const auto &m = m_config.profile.metrics[static_cast<std::size_t>(mi)];
        HistoryJob job;
        job.metricKey = m.key;
        job.query = m.query;
        job.hostLabel = m_config.profile.hostLabel;
        if (m_current)
            job.hosts = hostNames(*m_current);
        // Wear moves over hours and days: 48 buckets (half an hour each over a day) show the trend, and
        // keep the fit over 100,000 hosts and the range queries small.
        job.stepMs = analysis::stepForRange(to - from, 48);
        job.from = from / job.stepMs * job.stepMs;
        job.buckets = static_cast<int>((to - job.from) / job.stepMs);
        job.sources = m_config.sources;
        job.store = store();
        job.client = m_client;
        jobs.push_back(std::move(job));
        report->keys.push_back(m.key);
        report->titles.push_back(m.title);
        report->limits.push_back(w.failAt);
    }
    m_jobs.run(
        JobRunner::Pool::Bulk, QStringLiteral("wear"), "ranking hardware wear", context,
        [jobs = std::move(jobs), report](const CancelToken &cancel) mutable {
            std::vector<analysis::MetricGrid> grids;
            for (auto &job : jobs) {
                if (cancel.cancelled())
                    return WearPtr();
                job.cancel = cancel;
                grids.push_back(vigil::loadHistory(job));
            }
            std::vector<analysis::WearInput> inputs;
            for (std::size_t k = 0; k < grids.size(); ++k) {
                inputs.push_back({&grids[k], report->titles[k], report->limits[k]});
                for (const auto &w : grids[k].warnings)
                    report->warnings.push_back(report->titles[k] + ": " + w);
                report->hostsJudged = std::max(report->hostsJudged, grids[k].hosts.size());
            }
            report->ranking = analysis::rankWear(inputs);
            return WearPtr(std::move(report));
        },
        std::move(done));
}

void FleetService::start() {
    if (m_pipeline)
        return;
    m_pipeline = new Pipeline(m_config, m_client);
    m_pipeline->moveToThread(&m_thread);
    connect(m_pipeline, &Pipeline::snapshot, this, &FleetService::onSnapshot, Qt::QueuedConnection);
    connect(m_pipeline, &Pipeline::storeMessage, this, &FleetService::storeMessage, Qt::QueuedConnection);
    connect(&m_thread, &QThread::finished, m_pipeline, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(m_pipeline, &Pipeline::init, Qt::QueuedConnection);
}

void FleetService::stop() {
    if (!m_pipeline)
        return;
    QMetaObject::invokeMethod(m_pipeline, &Pipeline::shutdown, Qt::BlockingQueuedConnection);
    m_client->shutdown();
    m_thread.quit();
    m_thread.wait();
    m_pipeline = nullptr;
}

void FleetService::refresh() {
    if (m_pipeline)
        QMetaObject::invokeMethod(m_pipeline, &Pipeline::refresh, Qt::QueuedConnection);
}

void FleetService::addIncidentNote(const std::string &incident, const std::string &author,
                                   const std::string &text) {
    if (!m_pipeline)
        return;
    IncidentNote note{incident, author, text, nowMs()};
    QMetaObject::invokeMethod(
        m_pipeline, [p = m_pipeline, note] { p->addNote(note); }, Qt::QueuedConnection);
}

void FleetService::setAck(const Acknowledgement &ack) {
    if (m_pipeline)
        QMetaObject::invokeMethod(
            m_pipeline, [p = m_pipeline, ack] { p->setAck(ack); }, Qt::QueuedConnection);
}

void FleetService::clearAck(const std::string &incident) {
    if (m_pipeline)
        QMetaObject::invokeMethod(
            m_pipeline, [p = m_pipeline, incident] { p->clearAck(incident); }, Qt::QueuedConnection);
}

void FleetService::acknowledge(const std::string &incident, const std::string &sourceName,
                               std::vector<SilenceMatcher> matchers, const std::string &author,
                               std::function<void(Result<std::string>)> done) {
    Silence s;
    s.matchers = std::move(matchers);
    s.startsAt = nowMs();
    s.endsAt = s.startsAt + m_ackPolicy.duration;
    s.createdBy = author;
    s.comment = "Acknowledged in Vigil (" + incident + "); extended while the incident lasts";
    m_released.erase(incident);
    createSilence(sourceName, s,
                  [this, incident, sourceName, author, endsAt = s.endsAt,
                   done = std::move(done)](Result<std::string> r) {
                      if (r)
                          setAck({incident, sourceName, r.value(), author, nowMs(), endsAt});
                      done(std::move(r));
                  });
}

void FleetService::unacknowledge(const std::string &incident, std::function<void(Result<std::string>)> done) {
    const Acknowledgement *a = m_current ? m_current->ack(incident) : nullptr;
    if (!a) {
        done(ApiError{
            ApiError::Kind::Transport, "/api/v2/silence", "\"" + incident + "\" is not acknowledged", {}, 0});
        return;
    }
    const Acknowledgement ack = *a;
    // An extension in flight must not bring it back: its new silence is expired on arrival.
    m_released.insert(incident);
    expireSilence(ack.source, ack.silenceId, [this, incident, done = std::move(done)](Result<std::string> r) {
        clearAck(incident);
        done(std::move(r));
    });
}

void FleetService::keepAcknowledgements(const FleetSnapshot &snap) {
    if (snap.acks.empty() || !snap.triage || snap.fromCache)
        return;
    const TimeMs now = nowMs();
    for (const auto &ack : snap.acks) {
        bool present = false;
        for (const auto &inc : snap.triage->incidents)
            present = present || inc.key == ack.incident;
        const Silence *silence = nullptr;
        for (const auto &s : snap.silences)
            if (s.id == ack.silenceId && s.state != "expired")
                silence = &s;
        // The incident is over, or someone expired the silence: let it go.
        if (!present || (!silence && now > ack.since + 60'000)) {
            if (!m_extending.count(ack.incident))
                clearAck(ack.incident);
            continue;
        }
        if (!silence || ack.endsAt - now > m_ackPolicy.extendBefore || m_extending.count(ack.incident))
            continue;
        // The cap: an acknowledgement nobody renews ends by itself (the silence runs out).
        const TimeMs cap = ack.since + m_ackPolicy.maxTotal;
        if (ack.endsAt >= cap)
            continue;
        // A snapshot polled before the last extension was stored still shows the old end: skip it.
        if (auto it = m_extendedTo.find(ack.incident); it != m_extendedTo.end() && it->second > ack.endsAt)
            continue;
        Silence extended = *silence;
        extended.endsAt = std::min(now + m_ackPolicy.duration, cap);
        m_extending.insert(ack.incident);
        Acknowledgement next = ack;
        next.endsAt = extended.endsAt;
        createSilence(ack.source, extended, [this, next](Result<std::string> r) {
            m_extending.erase(next.incident);
            if (r && m_released.count(next.incident)) {
                expireSilence(next.source, r.value(), [](Result<std::string>) {});
                return;
            }
            if (r) {
                m_extendedTo[next.incident] = next.endsAt;
                Acknowledgement updated = next;
                updated.silenceId = r.value(); // Alertmanager may replace the silence on update
                setAck(updated);
            }
        });
    }
}

void FleetService::onSnapshot(FleetSnapshotPtr snap) {
    m_drift->noteSnapshot(*snap);
    keepAcknowledgements(*snap);
    replaceRetiring(m_current, FleetSnapshotPtr(snap));
    Q_EMIT snapshotReady(std::move(snap));
}

void FleetService::sendToAlertmanagers(
    const std::string &sourceName, std::function<HttpRequest(const std::string &)> make,
    std::function<Result<std::string>(const HttpResponse &)> parse,
    std::function<void(Result<std::string>)> done,
    std::function<std::optional<std::string>(const HttpResponse &)> alreadyDone) {
    const SourceConfig *src = nullptr;
    for (const auto &s : m_config.sources)
        if (s.name == sourceName || sourceName.empty())
            src = &s;
    if (!src || src->alertmanagerUrls.empty()) {
        done(ApiError{ApiError::Kind::Transport,
                      "/api/v2/silences",
                      "source \"" + sourceName + "\" has no Alertmanager",
                      {},
                      0});
        return;
    }
    // Alertmanagers of a cluster gossip silences: the first that accepts is enough; try the next on failure.
    // A timeout or dropped connection leaves it open whether the member acted: with `alreadyDone`, the
    // next member is asked first whether the work is there (gossip carries a new silence within
    // milliseconds), so a silence is never created twice.
    auto urls = std::make_shared<std::vector<std::string>>(src->alertmanagerUrls);
    auto auth = src->auth;
    auto tls = tlsOf(*src);
    auto timeout = src->alertmanagerTimeoutMs;
    auto attempt = std::make_shared<std::function<void(std::size_t, ApiError)>>();
    auto box = m_box;
    auto client = m_client;
    auto request = [auth, tls, timeout](HttpRequest req) {
        req.auth = auth;
        req.tls = tls;
        req.timeout = std::chrono::milliseconds(timeout);
        return req;
    };
    *attempt = [box, client, urls, request, make, parse, done, alreadyDone, attempt](std::size_t i,
                                                                                     ApiError last) {
        if (i >= urls->size()) {
            done(last);
            *attempt = nullptr; // break the cycle
            return;
        }
        auto next = [box, client, urls, request, done, alreadyDone, attempt, i](ApiError error) {
            const bool unsure = error.kind == ApiError::Kind::Transport;
            if (!alreadyDone || !unsure || i + 1 >= urls->size()) {
                (*attempt)(i + 1, error);
                return;
            }
            client->send(request(alertmanager::silencesRequest((*urls)[i + 1])),
                         [box, done, alreadyDone, attempt, i, error](HttpResponse r) {
                             box->post([done, alreadyDone, attempt, i, error, r = std::move(r)] {
                                 if (!*attempt)
                                     return;
                                 if (auto id = alreadyDone(r)) {
                                     done(*id);
                                     *attempt = nullptr;
                                 } else {
                                     (*attempt)(i + 1, error);
                                 }
                             });
                         });
        };
        client->send(request(make((*urls)[i])), [box, parse, done, attempt, next](HttpResponse r) {
            // On the Asio thread: the functor runs on the service's thread, only while it lives.
            box->post([parse, done, attempt, next, r = std::move(r)] {
                if (!*attempt)
                    return;
                auto result = parse(r);
                if (result) {
                    done(std::move(result));
                    *attempt = nullptr;
                } else {
                    next(result.error());
                }
            });
        });
    };
    (*attempt)(0, ApiError{});
}

void FleetService::createSilence(const std::string &sourceName, const Silence &silence,
                                 std::function<void(Result<std::string>)> done) {
    sendToAlertmanagers(
        sourceName,
        [silence](const std::string &url) { return alertmanager::createSilenceRequest(url, silence); },
        [](const HttpResponse &r) -> Result<std::string> {
            auto body = alertmanager::checkResponse(r, "/api/v2/silences");
            if (!body)
                return body.error();
            return alertmanager::parseSilenceCreated(body.value());
        },
        [this, done = std::move(done)](Result<std::string> r) {
            if (r)
                refresh();
            done(std::move(r));
        },
        [silence](const HttpResponse &r) -> std::optional<std::string> {
            // Ours if everything we sent matches: matchers, author, comment and end (ms, as sent).
            auto body = alertmanager::checkResponse(r, "/api/v2/silences");
            if (!body)
                return std::nullopt;
            auto list = alertmanager::parseSilences(body.value());
            if (!list)
                return std::nullopt;
            auto sorted = [](std::vector<SilenceMatcher> m) {
                std::sort(m.begin(), m.end(), [](const SilenceMatcher &a, const SilenceMatcher &b) {
                    return std::tie(a.name, a.value, a.isRegex, a.isEqual) <
                           std::tie(b.name, b.value, b.isRegex, b.isEqual);
                });
                return m;
            };
            const auto wanted = sorted(silence.matchers);
            for (const auto &s : *list)
                if (s.state != "expired" && s.createdBy == silence.createdBy &&
                    s.comment == silence.comment && s.endsAt == silence.endsAt &&
                    sorted(s.matchers) == wanted)
                    return s.id;
            return std::nullopt;
        });
}

void FleetService::expireSilence(const std::string &sourceName, const std::string &id,
                                 std::function<void(Result<std::string>)> done) {
    sendToAlertmanagers(
        sourceName, [id](const std::string &url) { return alertmanager::expireSilenceRequest(url, id); },
        [id](const HttpResponse &r) -> Result<std::string> {
            if (r.error == HttpError::None && r.status >= 200 && r.status < 300)
                return id;
            auto body = alertmanager::checkResponse(r, "/api/v2/silence/" + id);
            if (!body)
                return body.error();
            return id;
        },
        [this, done = std::move(done)](Result<std::string> r) {
            if (r)
                refresh();
            done(std::move(r));
        });
}

} // namespace vigil

#include "fleetservice.moc"
