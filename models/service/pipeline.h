#pragma once
// The fleet's pipeline. Lives on FleetService's worker thread: every slot here runs off the GUI thread.
// It owns the pollers, the cache and FleetState; each poll's answers become the next snapshot (with the
// analysis run on it) and a batch for the cache's writer.
#include "../config/config.h"
#include "../fleet/fleetsnapshot.h"
#include "../fleet/polldata.h"
#include "fleetstate.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace vigil {

class HttpClient;
class Poller;
class Store;

class Pipeline final : public QObject {
    Q_OBJECT
public:
    Pipeline(Config config, std::shared_ptr<HttpClient> client);

    // Opens the cache (publishing the cached state), creates a poller per endpoint and starts them.
    void init();
    // Stops polling and closes the cache (flushing the writer).
    void shutdown();
    // Any thread.
    [[nodiscard]] std::shared_ptr<Store> storeRef() const;
    void refresh();

    // Operator actions that change local state: stored, then published like a poll.
    void addNote(const IncidentNote &note) { publish(m_state.addNote(note)); }
    void setAck(const Acknowledgement &ack) { publish(m_state.setAck(ack)); }
    void clearAck(const std::string &incident) { publish(m_state.clearAck(incident)); }

Q_SIGNALS:
    void snapshot(vigil::FleetSnapshotPtr snapshot);
    void storeMessage(const QString &message);

private:
    void openStore();
    void onPolled(const std::shared_ptr<const PollData> &data);
    void publish(const FleetState::Update &update);

    Config m_config;
    std::shared_ptr<HttpClient> m_client;
    FleetState m_state;
    std::shared_ptr<Store> m_store;  // history jobs hold a reference while they read
    mutable std::mutex m_storeMutex; // guards m_store's pointer for storeRef()
    std::vector<Poller *> m_pollers;
    QTimer m_retention;
    // A quiet poll (FleetState::absorbQuiet) builds no snapshot at once: the next poll's does, or this
    // timer's after half the shortest interval, so its health still shows within the staleness limit.
    QTimer m_quietBuild;
    std::string m_lastStoreError;
};

} // namespace vigil
