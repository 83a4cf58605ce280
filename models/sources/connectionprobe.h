#pragma once
// The settings dialog's "Test connection": asks each server of a source who it is, with the source's
// own credentials, TLS and timeouts, and reports what answered, how fast, and the exact error of what did
// not. Prometheus (or Thanos, Mimir, VictoriaMetrics): /api/v1/status/buildinfo for the version, and the
// profile's inventory query (`up` by default) for the targets Vigil would watch and how many are up;
// each Alertmanager: /api/v2/status.
#include "../config/config.h"

#include <functional>
#include <string>
#include <vector>

namespace vigil {

struct ProbeAnswer {
    enum class Server { Prometheus, Alertmanager };
    Server server = Server::Prometheus;
    std::string url;
    bool ok = false;      // the server answered as its API says
    double latencyMs = 0; // the slowest of its requests
    std::string version;  // as the server reports it; empty when it does not say
    long targets = -1;    // Prometheus: series of the inventory query (its targets); -1 unknown
    long targetsUp = -1;  // ... of which up
    std::string cluster;  // Alertmanager: "ready", "settling", "disabled"
    int peers = 0;        // Alertmanager: cluster peers
    std::string error;    // !ok: the exact error; ok: what it could not tell (the version, say)
};

// Blocks until every server answered or timed out (the source's timeouts); run it on a worker.
// `cancelled` is asked every 50 ms and stops the wait early.
std::vector<ProbeAnswer> probeSource(const SourceConfig &source, const std::string &upQuery,
                                     const std::function<bool()> &cancelled = {});

} // namespace vigil
