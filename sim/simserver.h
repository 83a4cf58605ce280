#pragma once
// vigil-sim's API surface: the Prometheus HTTP API v1 and Alertmanager API v2 over the synthetic fleet,
// plus /sim/truth for scoring triage. Linked by `vigil --demo`, tests and benchmarks.
#include "httpserver.h"
#include "simfleet.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace vigil::sim {

extern const char *const kEdgeQuery;
extern const char *const kEdgeErrorQuery;

class SimServer final {
public:
    explicit SimServer(SimOptions options);
    ~SimServer();

    bool start(std::uint16_t port, std::string *error);
    void stop();
    [[nodiscard]] std::uint16_t port() const { return m_server.port(); }
    [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(port()); }
    [[nodiscard]] SimFleet &fleet() { return m_fleet; }
    [[nodiscard]] const HttpServer &http() const { return m_server; }

    // Exposed for tests and benchmarks: the body a query would get.
    ServerReply handle(const ServerRequest &request);

    // Faults served on demand, for the fault matrix and for anyone testing a console against a server
    // that misbehaves: every request whose path is `path` (and whose query contains `query`, if set)
    // gets the fault instead of (or on top of) its answer. Also over HTTP:
    // POST /sim/fault?kind=hang&path=/api/v2/alerts[&query=up][&ms=2000], DELETE /sim/fault.
    enum class FaultKind { Latency, ServerError, Reset, Truncated, Malformed, WrongTyped, Huge, Drip, Hang };
    struct Fault {
        FaultKind kind = FaultKind::ServerError;
        std::string path;
        std::string query;
        int ms = 0; // Latency and Hang: how long (defaults 300 ms and 60 s)
    };
    static const std::vector<std::pair<std::string, FaultKind>> &faultKinds();
    void setFault(Fault fault);
    void clearFaults();

private:
    ServerReply query(const ServerRequest &r);
    ServerReply queryRange(const ServerRequest &r);
    ServerReply targets();
    ServerReply labels();
    ServerReply promAlerts();
    ServerReply promRules();
    ServerReply amAlerts(const ServerRequest &r);
    ServerReply amGroups();
    ServerReply amSilences(const ServerRequest &r);
    ServerReply amStatus();
    ServerReply truth();
    ServerReply metrics();
    void integrateCounters(TimeMs t);
    void appendEdgeSeries(std::string &out, TimeMs t);

    SimFleet m_fleet;
    // Counters exported on /metrics integrate rates between scrapes; one state per host and edge.
    struct Counters {
        TimeMs last = 0;
        double idleSeconds = 0;
        double rxBytes = 0;
        double txBytes = 0;
    };
    ServerReply answer(const ServerRequest &r);
    ServerReply applyFault(const ServerRequest &r, ServerReply reply);
    ServerReply faultEndpoint(const ServerRequest &r);
    std::mutex m_faultMutex;
    std::vector<Fault> m_faults;
    std::mutex m_countersMutex;
    std::vector<Counters> m_hostCounters;
    std::vector<std::pair<double, double>> m_edgeCounters; // requests, errors
    TimeMs m_edgeLast = 0;
    HttpServer m_server;
};

} // namespace vigil::sim
