#pragma once
// Wall-clock helpers: Vigil keeps every timestamp as milliseconds since the Unix epoch (UTC).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigil {

using TimeMs = std::int64_t;

inline TimeMs nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// RFC 3339 as Alertmanager writes it ("2026-11-24T00:55:22.044Z", also with offsets or nanoseconds).
std::optional<TimeMs> parseRfc3339(std::string_view text);
std::string formatRfc3339(TimeMs t);
// Prometheus-style durations: "15s", "1m30s", "250ms", "2h".
std::optional<std::int64_t> parseDurationMs(std::string_view text);

} // namespace vigil
