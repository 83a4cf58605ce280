#pragma once
// The seam every view reads the fleet through: the current snapshot and its successors, the settings
// that shape them, history, wear, drift and map positions. FleetService implements it over live
// sources; an incident snapshot file (and a replay cursor over it) implements the same interface, so a
// view never knows whether it is live. What changes the fleet (silences, acknowledgements, notes, a
// refresh) is FleetActions, which a read-only source does not offer.
#include "../config/config.h"
#include "../fleet/fleetsnapshot.h"
#include "../sources/apierror.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

Q_DECLARE_METATYPE(vigil::FleetSnapshotPtr)

namespace vigil {

namespace analysis {
struct MetricGrid;
struct WearReport;
struct DriftSummary;
} // namespace analysis

class FleetSource : public QObject {
    Q_OBJECT
public:
    using GridPtr = std::shared_ptr<const analysis::MetricGrid>;
    using WearPtr = std::shared_ptr<const analysis::WearReport>;
    using DriftPtr = std::shared_ptr<const analysis::DriftSummary>;
    using Positions = std::vector<std::pair<std::string, std::pair<double, double>>>;

    using QObject::QObject;
    ~FleetSource() override = default;

    [[nodiscard]] virtual FleetSnapshotPtr current() const = 0;
    // The settings the views read: profile (host label, metrics), topology, triage, drift.
    [[nodiscard]] virtual const Config &config() const = 0;
    // False for a snapshot file: nothing new will come.
    [[nodiscard]] virtual bool isLive() const = 0;

    // History of one metric for every host of the current snapshot over [from, to) in about `columns`
    // buckets. `done` runs on the caller's thread unless `context` is gone or a newer request of the
    // same channel replaced this one.
    virtual void loadHistory(const QString &channel, const std::string &metricKey, TimeMs from, TimeMs to,
                             int columns, QObject *context, std::function<void(GridPtr)> done) = 0;
    // Hardware wear over the last `hours`, trends fitted and ranked.
    virtual void loadWear(int hours, QObject *context, std::function<void(WearPtr)> done) = 0;
    // Drift of the current snapshot; `since` is the last report's time (0: none).
    virtual void loadDrift(TimeMs since, QObject *context, std::function<void(DriftPtr)> done) = 0;
    // Node positions of a topology map, so the map looks the same tomorrow.
    virtual void loadLayout(const std::string &map, QObject *context,
                            std::function<void(Positions)> done) = 0;
    virtual void saveLayout(const std::string &map, Positions positions) = 0;

Q_SIGNALS:
    void snapshotReady(vigil::FleetSnapshotPtr snapshot);
    // Cache or file problems (corrupt file moved aside, disk full): shown to the operator.
    void storeMessage(const QString &message);
};

// What an operator does to the fleet from Vigil. Callbacks run on the GUI thread.
class FleetActions {
public:
    using Done = std::function<void(Result<std::string>)>;
    virtual ~FleetActions() = default;
    // Polls every endpoint now.
    virtual void refresh() = 0;
    virtual void createSilence(const std::string &sourceName, const Silence &silence, Done done) = 0;
    virtual void expireSilence(const std::string &sourceName, const std::string &id, Done done) = 0;
    virtual void acknowledge(const std::string &incident, const std::string &sourceName,
                             std::vector<SilenceMatcher> matchers, const std::string &author, Done done) = 0;
    virtual void unacknowledge(const std::string &incident, Done done) = 0;
    virtual void addIncidentNote(const std::string &incident, const std::string &author,
                                 const std::string &text) = 0;
};

} // namespace vigil
