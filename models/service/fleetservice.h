#pragma once
// The live fleet source: owns the network client, the store, the pollers and FleetState on a worker
// thread (Pipeline), and publishes each new FleetSnapshot to the GUI thread by a queued signal. Also the
// operator's actions against the sources (silences, acknowledgements, notes).
#include "../config/config.h"
#include "../fleet/fleetsnapshot.h"
#include "../net/httpclient.h"
#include "../sources/apierror.h"
#include "../support/jobrunner.h"
#include "../support/postbox.h"
#include "ackkeeper.h"
#include "fleetsource.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace vigil {

class Store;
class Pipeline;
class DriftSession;

class FleetService final : public FleetSource, public FleetActions {
    Q_OBJECT
public:
    explicit FleetService(Config config, QObject *parent = nullptr);
    ~FleetService() override;

    // Opens the cache (publishing the cached state at once, marked stale) and starts polling.
    void start();
    void stop();
    [[nodiscard]] std::shared_ptr<HttpClient> client() const { return m_client; }
    // The cache (null before start() or when it could not be opened). Reads only, off the GUI thread.
    [[nodiscard]] std::shared_ptr<Store> store() const;

    // FleetSource
    [[nodiscard]] FleetSnapshotPtr current() const override { return m_current; }
    [[nodiscard]] const Config &config() const override { return m_config; }
    [[nodiscard]] bool isLive() const override { return true; }
    // From the store and, where it has nothing, the sources' query_range; built on a worker thread.
    void loadHistory(const QString &channel, const std::string &metricKey, TimeMs from, TimeMs to,
                     int columns, QObject *context, std::function<void(GridPtr)> done) override;
    void loadWear(int hours, QObject *context, std::function<void(WearPtr)> done) override;
    // Against the configured baseline (or the consensus), with first-seen times and compliance over the
    // last day from the cache; judged incrementally (DriftSession).
    void loadDrift(TimeMs since, QObject *context, std::function<void(DriftPtr)> done) override;
    void saveLayout(const std::string &map, Positions positions) override;
    void loadLayout(const std::string &map, QObject *context, std::function<void(Positions)> done) override;

    // FleetActions. Silences go to every Alertmanager of a source.
    void refresh() override;
    void createSilence(const std::string &sourceName, const Silence &silence, Done done) override;
    void expireSilence(const std::string &sourceName, const std::string &id, Done done) override;
    // A short silence with the given matchers, which Vigil extends while the incident is still there and
    // lets run out once it is gone (AckKeeper).
    void acknowledge(const std::string &incident, const std::string &sourceName,
                     std::vector<SilenceMatcher> matchers, const std::string &author, Done done) override;
    void unacknowledge(const std::string &incident, Done done) override;
    // Local notes on an incident, kept in the store and shown with the incident.
    void addIncidentNote(const std::string &incident, const std::string &author,
                         const std::string &text) override;

    using AckPolicy = AckKeeper::Policy;
    void setAckPolicy(AckPolicy policy) { m_acks.setPolicy(policy); }

private:
    void onSnapshot(FleetSnapshotPtr snap);
    void setAck(const Acknowledgement &ack);
    void clearAck(const std::string &incident);
    void
    sendToAlertmanagers(const std::string &sourceName, std::function<HttpRequest(const std::string &)> make,
                        std::function<Result<std::string>(const HttpResponse &)> parse, Done done,
                        std::function<std::optional<std::string>(const HttpResponse &)> alreadyDone = {});

    Config m_config;
    std::shared_ptr<HttpClient> m_client;
    QThread m_thread;
    Pipeline *m_pipeline = nullptr; // lives on m_thread
    FleetSnapshotPtr m_current;
    AckKeeper m_acks;
    JobRunner m_jobs;                      // history loads, drift, wear fits, layouts
    std::shared_ptr<DriftSession> m_drift; // drift judged incrementally between loadDrift calls
    // Each history channel's last grid while its view still holds it: the next load of the channel
    // takes its settled buckets (GUI thread only).
    std::shared_ptr<std::map<QString, std::weak_ptr<const analysis::MetricGrid>>> m_lastGrids =
        std::make_shared<std::map<QString, std::weak_ptr<const analysis::MetricGrid>>>();
    // The network thread's way back to this service (closed in the destructor).
    std::shared_ptr<PostBox> m_box = std::make_shared<PostBox>(this);
};

} // namespace vigil
