#pragma once
// The pipeline's front door for the app: owns the network client, the store, the pollers and FleetState
// on a worker thread, and publishes each new FleetSnapshot to the GUI thread by a queued signal.
#include "../config/config.h"
#include "../fleet/fleetsnapshot.h"
#include "../net/httpclient.h"
#include "../sources/apierror.h"
#include "ackkeeper.h"

#include "../support/jobrunner.h"
#include "../support/postbox.h"
#include <QObject>
#include <QPointer>
#include <QString>

#include <QThread>

#include <functional>
#include <map>
#include <memory>
#include <set>

Q_DECLARE_METATYPE(vigil::FleetSnapshotPtr)

namespace vigil {

namespace analysis {
struct MetricGrid;
struct WearReport;
struct DriftSummary;
} // namespace analysis

class Store;
class Pipeline;
class DriftSession;

class FleetService final : public QObject {
    Q_OBJECT
public:
    explicit FleetService(Config config, QObject *parent = nullptr);
    ~FleetService() override;

    // Opens the cache (publishing the cached state at once, marked stale) and starts polling.
    void start();
    void stop();
    [[nodiscard]] FleetSnapshotPtr current() const { return m_current; }
    [[nodiscard]] const Config &config() const { return m_config; }
    [[nodiscard]] std::shared_ptr<HttpClient> client() const { return m_client; }
    // Polls every endpoint now (the operator's refresh).
    void refresh();

    // Silence actions against every Alertmanager of a source; the callback runs on the GUI thread
    // (context object: this) with the new silence id or the error.
    void createSilence(const std::string &sourceName, const Silence &silence,
                       std::function<void(Result<std::string>)> done);
    void expireSilence(const std::string &sourceName, const std::string &id,
                       std::function<void(Result<std::string>)> done);

    // Local notes on an incident, kept in the store and shown with the incident.
    void addIncidentNote(const std::string &incident, const std::string &author, const std::string &text);

    // Acknowledge: a short silence with the given matchers, which Vigil extends while the incident
    // is still there and lets run out once it is gone. The callback gets the silence id or the error.
    using AckPolicy = AckKeeper::Policy;
    void setAckPolicy(AckPolicy policy) { m_acks.setPolicy(policy); }
    void acknowledge(const std::string &incident, const std::string &sourceName,
                     std::vector<SilenceMatcher> matchers, const std::string &author,
                     std::function<void(Result<std::string>)> done);
    // Expires the acknowledgement's silence now and forgets it.
    void unacknowledge(const std::string &incident, std::function<void(Result<std::string>)> done);

    // History of one metric for every host of the current snapshot over [from, to), in about `columns`
    // buckets (whole minutes), from the store and, where it has nothing, the sources' query_range; built
    // on a worker thread. `done` runs on the GUI thread unless `context` is gone or a newer request of
    // the same channel replaced this one (which is cancelled).
    using GridPtr = std::shared_ptr<const analysis::MetricGrid>;
    void loadHistory(const QString &channel, const std::string &metricKey, TimeMs from, TimeMs to,
                     int columns, QObject *context, std::function<void(GridPtr)> done);
    // Hardware wear: the profile's wear metrics over the last `hours`, trends fitted and ranked off the
    // GUI thread.
    using WearPtr = std::shared_ptr<const analysis::WearReport>;
    void loadWear(int hours, QObject *context, std::function<void(WearPtr)> done);

    // Drift of the current snapshot against the configured baseline (or the consensus), with first-seen
    // times and compliance over the last day from the cache; computed off the GUI thread.
    using DriftPtr = std::shared_ptr<const analysis::DriftSummary>;
    // Node positions of a topology map, kept in the cache so the map looks the same tomorrow.
    using Positions = std::vector<std::pair<std::string, std::pair<double, double>>>;
    void saveLayout(const std::string &map, Positions positions);
    void loadLayout(const std::string &map, QObject *context, std::function<void(Positions)> done);
    // `since`: the last report's time (0: none); what drifted or was fixed since is counted against
    // the facts the cache held then.
    void loadDrift(TimeMs since, QObject *context, std::function<void(DriftPtr)> done);

Q_SIGNALS:
    void snapshotReady(vigil::FleetSnapshotPtr snapshot);
    // Cache problems (corrupt file moved aside, disk full): shown to the operator.
    void storeMessage(const QString &message);

private:
    void onSnapshot(FleetSnapshotPtr snap);
    void setAck(const Acknowledgement &ack);
    void clearAck(const std::string &incident);
    void
    sendToAlertmanagers(const std::string &sourceName, std::function<HttpRequest(const std::string &)> make,
                        std::function<Result<std::string>(const HttpResponse &)> parse,
                        std::function<void(Result<std::string>)> done,
                        std::function<std::optional<std::string>(const HttpResponse &)> alreadyDone = {});

    Config m_config;
    std::shared_ptr<HttpClient> m_client;
    QThread m_thread;
    Pipeline *m_pipeline = nullptr; // lives on m_thread
    FleetSnapshotPtr m_current;
    AckKeeper m_acks;
    JobRunner m_jobs;                      // history loads, drift, wear fits, layouts
    std::shared_ptr<DriftSession> m_drift; // drift judged incrementally between loadDrift calls
    // The network thread's way back to this service (closed in the destructor).
    std::shared_ptr<PostBox> m_box = std::make_shared<PostBox>(this);

public:
    // The cache (null before start() or when it could not be opened). Reads only, off the GUI thread.
    [[nodiscard]] std::shared_ptr<Store> store() const;
};

} // namespace vigil
