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
#include "../support/threadpriority.h"
#include "ackkeeper.h"
#include "driftsession.h"
#include "fleetstate.h"
#include "historyloader.h"
#include "pipeline.h"

#include <QDateTime>
#include <QFileInfo>
#include <QPointer>

#include <cstdio>
#include <mutex>
#include <set>

namespace vigil {

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
    : FleetSource(parent)
    , m_config(std::move(config))
    , m_client(std::make_shared<HttpClient>(clientOptions(m_config)))
    , m_current(std::make_shared<FleetSnapshot>())
    , m_acks(AckKeeper::Actions{[this](const std::string &src, const Silence &s, AckKeeper::Done d) {
                                    createSilence(src, s, std::move(d));
                                },
                                [this](const std::string &src, const std::string &id, AckKeeper::Done d) {
                                    expireSilence(src, id, std::move(d));
                                },
                                [this](const Acknowledgement &a) { setAck(a); },
                                [this](const std::string &incident) { clearAck(incident); }})
    , m_drift(std::make_shared<DriftSession>()) {
    qRegisterMetaType<vigil::FleetSnapshotPtr>();
    m_thread.setObjectName(QStringLiteral("vigil-pipeline"));
    AckPolicy policy;
    policy.duration = m_config.triage.ackDurationMs;
    policy.maxTotal = m_config.triage.ackMaxMs;
    policy.extendBefore = std::min(policy.extendBefore, policy.duration / 3);
    m_acks.setPolicy(policy);
}

FleetService::~FleetService() {
    m_box->close();
    m_jobs.cancelAll();
    stop();
    // Cancelled jobs stop at their next check; wait so none still holds the cache after this returns.
    if (!m_jobs.waitForWork(30'000))
        std::fprintf(stderr, "vigil: a background job did not stop within 30 s of shutting down\n");
}

std::shared_ptr<Store> FleetService::store() const {
    return m_pipeline ? m_pipeline->storeRef() : nullptr;
}

void FleetService::loadHistory(const QString &channel, const std::string &metricKey, TimeMs from, TimeMs to,
                               int columns, QObject *context, std::function<void(GridPtr)> done) {
    HistoryJob job = historyJob(m_config, m_current.get(), metricKey, from, to, columns);
    job.sources = m_config.sources;
    job.store = store();
    job.client = m_client;
    if (const auto last = m_lastGrids->find(channel); last != m_lastGrids->end())
        job.previous = last->second.lock();
    m_jobs.run(
        JobRunner::Pool::Bulk, QStringLiteral("history:") + channel, "loading history", context,
        [job = std::move(job)](const CancelToken &cancel) mutable {
            job.cancel = cancel;
            auto grid = GridPtr(std::make_shared<const analysis::MetricGrid>(vigil::loadHistory(job)));
            job.previous.reset(); // not kept alive by the job past its use
            return grid;
        },
        [channel, grids = m_lastGrids, done = std::move(done)](GridPtr grid) {
            std::erase_if(*grids, [](const auto &entry) { return entry.second.expired(); });
            (*grids)[channel] = grid;
            done(std::move(grid));
        });
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
    WearJobs work = wearJobs(m_config, m_current.get(), nowMs(), hours);
    for (auto &job : work.jobs) {
        job.sources = m_config.sources;
        job.store = store();
        job.client = m_client;
    }
    m_jobs.run(
        JobRunner::Pool::Bulk, QStringLiteral("wear"), "ranking hardware wear", context,
        [work = std::move(work)](const CancelToken &cancel) mutable {
            return rankWear(std::move(work), cancel);
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
    connect(
        &m_thread, &QThread::started, &m_thread, [] { giveWayToForeground(Background::Interactive); },
        Qt::DirectConnection); // on the pipeline's thread
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
    m_acks.acknowledge(incident, sourceName, std::move(matchers), author, std::move(done));
}

void FleetService::unacknowledge(const std::string &incident, std::function<void(Result<std::string>)> done) {
    m_acks.unacknowledge(m_current.get(), incident, std::move(done));
}

void FleetService::onSnapshot(FleetSnapshotPtr snap) {
    m_drift->noteSnapshot(*snap);
    m_acks.keep(*snap);
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
