#pragma once
// The synthetic fleet behind vigil-sim: hosts in regions → zones → racks with roles and services,
// utilization with a diurnal shape and noise, uneven pools, and scenarios. Deterministic from the seed:
// every value is a pure function of (seed, host, time), so tests can predict what Vigil must show.
#include "fleet/alert.h"
#include "fleet/silence.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace vigil::sim {

struct SimOptions {
    int hosts = 2000;
    std::uint64_t seed = 1;
    std::string scenario = "demo"; // one of SimFleet::scenarios()
    double speed = 1.0;            // simulated seconds per real second
    int hostsPerRack = 40;
};

struct SimHost {
    std::string instance;
    std::string region, zone, rack, role, service;
    int cores = 8;
    double cpuBase = 0.3; // mean utilization
    double cpuAmp = 0.15; // diurnal swing
    double memBase = 0.5;
    double diskBase = 0.4;
    double netScale = 1e6; // bytes/s at full load
    bool hot = false;      // redlines in the hotspots scenario
    std::string kernel, osVersion;
};

enum class Phase { Steady, Hotspots, RackFailure, DbFailover };

struct Truth {
    std::string scenario;
    Phase phase = Phase::Steady;
    std::string rootCause;     // e.g. "switch tor-eu1-a-r03"
    std::string rootCauseKind; // "switch", "" when there is no incident
    std::string failedRack;
    std::vector<std::string> affectedHosts;
    std::vector<std::string> stormAlerts;    // fingerprints of the alerts the root cause raised
    std::vector<std::string> hotHosts;       // redlining in their uneven pools (hotspots phase)
    std::vector<std::string> degradingHosts; // hardware wearing toward failure
    TimeMs since = 0;
};

class SimFleet {
public:
    explicit SimFleet(SimOptions options, TimeMs realStart = 0);

    static const std::vector<std::string> &scenarios();
    static bool isScenario(const std::string &name);

    [[nodiscard]] const std::vector<SimHost> &hosts() const { return m_hosts; }
    [[nodiscard]] const SimOptions &options() const { return m_opt; }
    [[nodiscard]] TimeMs now() const; // simulated time
    [[nodiscard]] Phase phase(TimeMs t) const;
    [[nodiscard]] TimeMs phaseStart(TimeMs t) const;

    [[nodiscard]] bool up(std::size_t host, TimeMs t) const;
    // Metric by profile key: cpu, memory, disk, network, load. NaN for a host that is down.
    [[nodiscard]] double metric(std::size_t host, int metric, TimeMs t) const;
    static int metricIndex(const std::string &key); // -1 if unknown
    static const std::vector<std::string> &metricKeys();

    // Every alert Alertmanager would hold at t, with silences and inhibitions applied.
    [[nodiscard]] std::vector<Alert> alerts(TimeMs t) const;

    // Service dependency graph with live request and error rates (service-mesh style).
    struct Edge {
        std::string from, to;
        double requestsPerSecond = 0;
        double errorsPerSecond = 0;
    };
    [[nodiscard]] std::vector<Edge> edges(TimeMs t) const;
    static const std::vector<std::pair<std::string, std::string>> &serviceDependencies();

    // Config facts as a node_exporter textfile collector would export them, mostly equal to the role's
    // golden values, with drift that appears and spreads over time. (family, key, value), e.g.
    // ("package", "openssl", "3.0.11"), ("sysctl", "vm.swappiness", "10"), ("config", "/etc/ssh/sshd_config",
    // hash).
    struct FactValue {
        std::string family, key, value;
    };
    [[nodiscard]] std::vector<FactValue> facts(std::size_t host, TimeMs t) const;

    // Hardware wear: corrected memory errors (counter), reallocated disk sectors, temperature (°C).
    // A few hosts degrade, trending toward failure; NaN while the host is down.
    enum class Wear { MemoryErrors, ReallocatedSectors, TemperatureC };
    [[nodiscard]] double wear(std::size_t host, Wear kind, TimeMs t) const;
    [[nodiscard]] bool degrading(std::size_t host) const;
    [[nodiscard]] std::size_t dbPrimary() const { return m_dbPrimary; }
    [[nodiscard]] Truth truth(TimeMs t) const;

    // Silences (Alertmanager semantics: matchers with anchored regexes; expire by id).
    std::string addSilence(Silence s, std::string *error);
    bool expireSilence(const std::string &id);
    [[nodiscard]] std::vector<Silence> silences() const;

private:
    void applySilences(std::vector<Alert> &out, TimeMs t) const;
    [[nodiscard]] double noise(std::size_t host, int channel, TimeMs t) const;
    [[nodiscard]] int failedRackIndex() const;

    SimOptions m_opt;
    TimeMs m_realStart;
    TimeMs m_simStart;
    std::vector<SimHost> m_hosts;
    std::vector<std::string> m_racks;
    std::size_t m_dbPrimary = 0;
    mutable std::mutex m_mutex;
    std::vector<Silence> m_silences;
    std::uint64_t m_silenceSeq = 0;
};

const char *phaseName(Phase p);

} // namespace vigil::sim
