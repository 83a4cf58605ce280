#pragma once
// What an operator needs to trust one endpoint Vigil polls: when it last answered, how fast, how much,
// and why it failed.
#include "../support/timeutil.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vigil {

enum class SourceKind { Prometheus, Alertmanager };

struct SourceHealth {
    std::string id;   // "prod/prometheus", "prod/alertmanager#1"
    std::string name; // the configured source name
    SourceKind kind = SourceKind::Prometheus;
    std::string url;
    TimeMs lastAttempt = 0;
    TimeMs lastSuccess = 0;
    double lastLatencyMs = 0;
    std::uint64_t lastBytes = 0;
    std::string lastError; // empty when the last poll succeeded
    std::vector<std::string> warnings;
    std::string version; // from buildinfo / status
    std::int64_t intervalMs = 15000;

    [[nodiscard]] bool healthy() const { return lastError.empty() && lastSuccess > 0; }
    // Data older than two poll intervals is stale (DESIGN rule 4).
    [[nodiscard]] bool isStale(TimeMs now) const {
        return lastSuccess == 0 || now - lastSuccess > 2 * intervalMs;
    }
};

} // namespace vigil
