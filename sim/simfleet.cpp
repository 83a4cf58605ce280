#include "simfleet.h"

#include "fleet/labelmatcher.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <numbers>

namespace vigil::sim {

namespace {

std::uint64_t mix(std::uint64_t x) {
    // splitmix64
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

double unit(std::uint64_t x) {
    return static_cast<double>(mix(x) >> 11) * (1.0 / 9007199254740992.0);
}

struct RoleSpec {
    const char *role;
    const char *service;
    double share;
    double cpu;
    double mem;
    double net;
};

const RoleSpec kRoles[] = {
    {"lb", "edge", 0.02, 0.35, 0.30, 8e7},       {"web", "frontend", 0.25, 0.40, 0.45, 3e7},
    {"api", "api", 0.18, 0.45, 0.55, 2e7},       {"auth", "auth", 0.05, 0.30, 0.40, 5e6},
    {"cache", "cache", 0.07, 0.25, 0.80, 4e7},   {"broker", "broker", 0.05, 0.35, 0.60, 5e7},
    {"db", "db", 0.08, 0.50, 0.75, 3e7},         {"ml", "inference", 0.08, 0.65, 0.70, 1e7},
    {"ingest", "ingest", 0.10, 0.40, 0.50, 6e7}, {"batch", "batch", 0.12, 0.55, 0.60, 1e7},
};

constexpr TimeMs kPhaseMs = 120'000; // demo: each phase lasts two simulated minutes

} // namespace

const char *phaseName(Phase p) {
    switch (p) {
    case Phase::Steady:
        return "steady";
    case Phase::Hotspots:
        return "hotspots";
    case Phase::RackFailure:
        return "rack-failure";
    case Phase::DbFailover:
        return "db-failover";
    }
    return "steady";
}

const std::vector<std::string> &SimFleet::scenarios() {
    static const std::vector<std::string> names{"steady",           "hotspots", "rack-failure", "db-failover",
                                                "disk-degradation", "drift",    "demo"};
    return names;
}

bool SimFleet::isScenario(const std::string &name) {
    return std::find(scenarios().begin(), scenarios().end(), name) != scenarios().end();
}

SimFleet::SimFleet(SimOptions options, TimeMs realStart)
    : m_opt(std::move(options)) {
    m_realStart = realStart ? realStart : nowMs();
    m_simStart = m_realStart;
    const int n = std::max(1, m_opt.hosts);
    const int perRack = std::max(1, m_opt.hostsPerRack);
    const int racksPerZone = 10;
    const int zonesPerRegion = 3;
    static const char *regions[] = {"eu1", "us1", "ap1", "eu2", "us2", "sa1", "af1", "me1"};
    m_hosts.reserve(static_cast<std::size_t>(n));
    std::vector<int> roleCounts(std::size(kRoles), 0);
    bool haveDb = false;
    for (int i = 0; i < n; ++i) {
        SimHost h;
        const int rack = i / perRack;
        const int zone = rack / racksPerZone;
        const int region = zone / zonesPerRegion;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%s", regions[region % 8]);
        h.region = buf;
        if (region >= 8)
            h.region += std::to_string(region / 8);
        h.zone = h.region + "-" + static_cast<char>('a' + zone % zonesPerRegion);
        std::snprintf(buf, sizeof buf, "-r%02d", rack % racksPerZone + 1);
        h.rack = h.zone + buf;
        // Role by deterministic draw weighted by share.
        double u = unit(m_opt.seed * 1000003 + static_cast<std::uint64_t>(i)), acc = 0;
        std::size_t r = 0;
        for (; r + 1 < std::size(kRoles); ++r) {
            acc += kRoles[r].share;
            if (u < acc)
                break;
        }
        const auto &spec = kRoles[r];
        h.role = spec.role;
        h.service = spec.service;
        std::snprintf(buf, sizeof buf, "%s-%05d:9100", spec.role, roleCounts[r]++);
        h.instance = buf;
        const double hu = unit(m_opt.seed ^ (static_cast<std::uint64_t>(i) * 7919 + 17));
        h.cores = 4 << static_cast<int>(unit(i * 31 + m_opt.seed) * 4); // 4..32
        h.cpuBase = std::clamp(spec.cpu + (hu - 0.5) * 0.3, 0.02, 0.9);
        h.cpuAmp = 0.1 + 0.1 * unit(i * 13 + m_opt.seed);
        h.memBase = std::clamp(spec.mem + (unit(i * 101 + m_opt.seed) - 0.5) * 0.3, 0.05, 0.95);
        h.diskBase = 0.15 + 0.7 * unit(i * 211 + m_opt.seed);
        h.netScale = spec.net * (0.5 + unit(i * 307 + m_opt.seed));
        // Uneven pools: in web, api and ml about one host in eight runs hot.
        h.hot = (h.role == "web" || h.role == "api" || h.role == "ml") && unit(i * 401 + m_opt.seed) < 0.125;
        h.kernel = m_opt.scenario == "steady" || unit(i * 503 + m_opt.seed) < 0.93 ? "6.1.0-26-amd64"
                                                                                   : "6.1.0-18-amd64";
        h.osVersion = "12";
        if (h.role == "db" && !haveDb) {
            m_dbPrimary = m_hosts.size();
            haveDb = true;
        }
        if (m_racks.empty() || m_racks.back() != h.rack)
            m_racks.push_back(h.rack);
        m_hosts.push_back(std::move(h));
    }
}

TimeMs SimFleet::now() const {
    const TimeMs real = nowMs();
    return m_simStart + static_cast<TimeMs>(static_cast<double>(real - m_realStart) * m_opt.speed);
}

Phase SimFleet::phase(TimeMs t) const {
    if (m_opt.scenario == "hotspots")
        return Phase::Hotspots;
    if (m_opt.scenario == "rack-failure")
        return Phase::RackFailure;
    if (m_opt.scenario == "db-failover")
        return Phase::DbFailover;
    if (m_opt.scenario == "demo") {
        const TimeMs k = std::max<TimeMs>(0, t - m_simStart) / kPhaseMs;
        static const Phase cycle[] = {Phase::RackFailure, Phase::Hotspots, Phase::DbFailover, Phase::Steady};
        return cycle[k % 4];
    }
    return Phase::Steady;
}

TimeMs SimFleet::phaseStart(TimeMs t) const {
    if (m_opt.scenario != "demo")
        return m_simStart;
    return m_simStart + std::max<TimeMs>(0, t - m_simStart) / kPhaseMs * kPhaseMs;
}

int SimFleet::failedRackIndex() const {
    return m_racks.empty() ? -1 : static_cast<int>(mix(m_opt.seed) % m_racks.size());
}

double SimFleet::noise(std::size_t host, int channel, TimeMs t) const {
    // Smooth noise: interpolate between per-minute random values.
    const TimeMs minute = t / 60'000;
    const double f = static_cast<double>(t % 60'000) / 60'000.0;
    auto at = [&](TimeMs m) {
        return unit(m_opt.seed ^ (host * 0x100000001b3ull) ^ (static_cast<std::uint64_t>(m) << 8) ^
                    static_cast<std::uint64_t>(channel)) -
               0.5;
    };
    return at(minute) * (1 - f) + at(minute + 1) * f;
}

bool SimFleet::up(std::size_t host, TimeMs t) const {
    if (phase(t) == Phase::DbFailover && host == m_dbPrimary && m_hosts[host].role == "db")
        return false;
    if (phase(t) == Phase::RackFailure) {
        const int r = failedRackIndex();
        if (r >= 0 && m_hosts[host].rack == m_racks[static_cast<std::size_t>(r)])
            return false;
    }
    return true;
}

int SimFleet::metricIndex(const std::string &key) {
    const auto &k = metricKeys();
    for (std::size_t i = 0; i < k.size(); ++i)
        if (k[i] == key)
            return static_cast<int>(i);
    return -1;
}

const std::vector<std::string> &SimFleet::metricKeys() {
    static const std::vector<std::string> keys{"cpu", "memory", "disk", "network", "load"};
    return keys;
}

double SimFleet::metric(std::size_t i, int metric, TimeMs t) const {
    if (!up(i, t))
        return std::numeric_limits<double>::quiet_NaN();
    const SimHost &h = m_hosts[i];
    const double day = static_cast<double>(t % 86'400'000) / 86'400'000.0;
    const double diurnal = std::sin((day - 0.3) * 2 * std::numbers::pi);
    double cpu = h.cpuBase + h.cpuAmp * diurnal + 0.08 * noise(i, 1, t);
    if (h.hot && phase(t) == Phase::Hotspots)
        cpu = 0.9 + 0.08 * (noise(i, 2, t) + 0.5);
    cpu = std::clamp(cpu, 0.005, 0.999);
    switch (metric) {
    case 0:
        return cpu;
    case 1:
        return std::clamp(h.memBase + 0.03 * noise(i, 3, t) + 0.05 * cpu, 0.01, 0.99);
    case 2:
        return std::clamp(h.diskBase + 0.01 * noise(i, 4, t), 0.01, 0.999);
    case 3:
        return std::max(0.0, h.netScale * (0.2 + cpu) * (1 + 0.2 * noise(i, 5, t)));
    case 4:
        return std::max(0.0, cpu * 1.1 + 0.1 * noise(i, 6, t));
    default:
        return std::numeric_limits<double>::quiet_NaN();
    }
}

std::vector<Alert> SimFleet::alerts(TimeMs t) const {
    std::vector<Alert> out;
    const Phase ph = phase(t);
    const TimeMs since = phaseStart(t);
    auto make = [&](std::vector<Label> labels, std::string summary, TimeMs startsAt) {
        Alert a;
        a.labels = LabelSet(std::move(labels));
        a.annotations.set("summary", std::move(summary));
        a.fingerprint = a.labels.fingerprint();
        a.startsAt = startsAt;
        // As Prometheus sends it to Alertmanager: when it fires, then again every minute (the default
        // resend delay), each time valid for four more minutes. Between sends the answer is the same.
        a.updatedAt = t <= startsAt ? startsAt : startsAt + (t - startsAt) / 60'000 * 60'000;
        a.endsAt = a.updatedAt + 4 * 60'000;
        a.receivers = {"noc"};
        a.generatorUrl = "http://vigil-sim/graph";
        return a;
    };
    std::string switchFp;
    std::string failedRack;
    if (ph == Phase::RackFailure) {
        const int r = failedRackIndex();
        failedRack = m_racks[static_cast<std::size_t>(r)];
        const SimHost *any = nullptr;
        for (const auto &h : m_hosts)
            if (h.rack == failedRack) {
                any = &h;
                break;
            }
        Alert sw = make({{"alertname", "SwitchDown"},
                         {"severity", "critical"},
                         {"switch", "tor-" + failedRack},
                         {"rack", failedRack},
                         {"zone", any->zone},
                         {"region", any->region}},
                        "top-of-rack switch tor-" + failedRack + " is not answering", since);
        sw.annotations.set("runbook_url", "https://runbooks.example/SwitchDown");
        switchFp = sw.fingerprint;
        out.push_back(std::move(sw));
    }
    // Services that lost hosts with the rack: every caller of one of them sees connection errors.
    std::vector<std::string> lostServices;
    if (ph == Phase::RackFailure)
        for (const auto &h : m_hosts)
            if (h.rack == failedRack &&
                std::find(lostServices.begin(), lostServices.end(), h.service) == lostServices.end())
                lostServices.push_back(h.service);
    const bool dbFailover = ph == Phase::DbFailover && m_hosts[m_dbPrimary].role == "db";
    if (dbFailover) {
        const SimHost &p = m_hosts[m_dbPrimary];
        Alert a = make({{"alertname", "DbPrimaryDown"},
                        {"severity", "critical"},
                        {"instance", p.instance},
                        {"job", "node"},
                        {"service", "db"},
                        {"region", p.region},
                        {"zone", p.zone},
                        {"rack", p.rack}},
                       "database primary " + p.instance + " is down; failing over", since);
        a.annotations.set("runbook_url", "https://runbooks.example/DbFailover");
        out.push_back(std::move(a));
        for (std::size_t r = m_dbPrimary + 1; r < m_hosts.size(); ++r)
            if (m_hosts[r].role == "db") {
                out.push_back(make({{"alertname", "DbReplicaPromoted"},
                                    {"severity", "info"},
                                    {"instance", m_hosts[r].instance},
                                    {"job", "node"},
                                    {"service", "db"},
                                    {"region", m_hosts[r].region}},
                                   m_hosts[r].instance + " was promoted to primary", since + 25'000));
                break;
            }
    }
    for (std::size_t i = 0; i < m_hosts.size(); ++i) {
        const SimHost &h = m_hosts[i];
        auto base = [&](const char *name, const char *severity) {
            return std::vector<Label>{{"alertname", name}, {"severity", severity}, {"instance", h.instance},
                                      {"job", "node"},     {"region", h.region},   {"zone", h.zone},
                                      {"rack", h.rack},    {"role", h.role},       {"service", h.service}};
        };
        if (!up(i, t)) {
            Alert a = make(base("HostDown", "critical"), h.instance + " is not answering scrapes",
                           since + static_cast<TimeMs>(unit(i + m_opt.seed) * 40'000));
            if (!switchFp.empty() && h.rack == failedRack)
                a.inhibitedBy = {switchFp};
            out.push_back(std::move(a));
            continue;
        }
        for (const auto &[caller, callee] : serviceDependencies())
            if (caller == h.service &&
                std::find(lostServices.begin(), lostServices.end(), callee) != lostServices.end()) {
                auto labels = base("UpstreamErrors", "warning");
                labels.push_back({"upstream", callee});
                out.push_back(
                    make(std::move(labels), h.instance + " sees errors calling " + callee,
                         since + 15'000 +
                             static_cast<TimeMs>(unit(i * 13 + callee.size() + m_opt.seed) * 60'000)));
            }
        if (metric(i, 0, t) > 0.92)
            out.push_back(make(base("HighCpu", "warning"), h.instance + " CPU above 92%", since));
        // Latency cascades upstream of the database during a failover.
        if (dbFailover && (h.service == "api" || h.service == "frontend" || h.service == "auth"))
            out.push_back(make(base("HighRequestLatency", "warning"), h.instance + " p99 latency above 2 s",
                               since + 10'000 + static_cast<TimeMs>(unit(i * 7 + m_opt.seed) * 50'000)));
        if (degrading(i) && wear(i, Wear::ReallocatedSectors, t) > 50)
            out.push_back(
                make(base("DiskReallocatedSectors", "warning"), h.instance + " disk is reallocating sectors",
                     m_simStart - 3'600'000 - static_cast<TimeMs>(unit(i * 31 + m_opt.seed) * 86'400'000)));
        if (metric(i, 2, t) > 0.9)
            out.push_back(
                make(base("DiskAlmostFull", "warning"), h.instance + " root filesystem above 90%",
                     m_simStart - 600'000 - static_cast<TimeMs>(unit(i * 37 + m_opt.seed) * 43'200'000)));
    }
    applySilences(out, t);
    return out;
}

// Alerts matched by an active silence are silenced, as Alertmanager marks them.
void SimFleet::applySilences(std::vector<Alert> &out, TimeMs t) const {
    std::lock_guard lock(m_mutex);
    for (auto &a : out) {
        for (const auto &s : m_silences) {
            if (s.state != "active" || s.startsAt > t || s.endsAt <= t)
                continue;
            bool all = true;
            for (const auto &m : s.matchers) {
                auto op = m.isRegex ? (m.isEqual ? LabelMatcher::Op::Regex : LabelMatcher::Op::NotRegex)
                                    : (m.isEqual ? LabelMatcher::Op::Equal : LabelMatcher::Op::NotEqual);
                auto matcher = LabelMatcher::create(m.name, op, m.value, nullptr);
                all = all && matcher && matcher->matches(a.labels);
            }
            if (all)
                a.silencedBy.push_back(s.id);
        }
        a.state =
            (a.silencedBy.empty() && a.inhibitedBy.empty()) ? AlertState::Active : AlertState::Suppressed;
    }
}

Truth SimFleet::truth(TimeMs t) const {
    Truth tr;
    tr.scenario = m_opt.scenario;
    tr.phase = phase(t);
    tr.since = phaseStart(t);
    for (std::size_t i = 0; i < m_hosts.size(); ++i) {
        if (degrading(i))
            tr.degradingHosts.push_back(m_hosts[i].instance);
        if (tr.phase == Phase::Hotspots && m_hosts[i].hot)
            tr.hotHosts.push_back(m_hosts[i].instance);
    }
    if (tr.phase == Phase::DbFailover && m_hosts[m_dbPrimary].role == "db") {
        tr.rootCause = "db primary " + m_hosts[m_dbPrimary].instance;
        tr.rootCauseKind = "database";
        for (const auto &h : m_hosts)
            if (h.service == "api" || h.service == "frontend" || h.service == "auth")
                tr.affectedHosts.push_back(h.instance);
    }
    if (!tr.rootCause.empty() || tr.phase == Phase::RackFailure) {
        // The storm's own alerts, by fingerprint, so tests can score which alerts triage placed with it.
        const std::string rack =
            tr.phase == Phase::RackFailure ? m_racks[static_cast<std::size_t>(failedRackIndex())] : "";
        for (const auto &a : alerts(t)) {
            const auto n = a.name();
            const bool member =
                tr.phase == Phase::RackFailure
                    ? (n == "SwitchDown" || n == "UpstreamErrors" ||
                       (n == "HostDown" && a.labels.value("rack") == rack))
                    : (n == "DbPrimaryDown" || n == "DbReplicaPromoted" || n == "HighRequestLatency" ||
                       (n == "HostDown" && a.labels.value("instance") == m_hosts[m_dbPrimary].instance));
            if (member)
                tr.stormAlerts.push_back(a.fingerprint);
        }
    }
    if (tr.phase == Phase::RackFailure) {
        tr.failedRack = m_racks[static_cast<std::size_t>(failedRackIndex())];
        tr.rootCause = "switch tor-" + tr.failedRack;
        tr.rootCauseKind = "switch";
        for (std::size_t i = 0; i < m_hosts.size(); ++i)
            if (!up(i, t))
                tr.affectedHosts.push_back(m_hosts[i].instance);
    }
    return tr;
}

const std::vector<std::pair<std::string, std::string>> &SimFleet::serviceDependencies() {
    static const std::vector<std::pair<std::string, std::string>> deps{
        {"edge", "frontend"}, {"frontend", "api"},     {"api", "auth"},        {"api", "cache"},
        {"api", "db"},        {"api", "broker"},       {"auth", "db"},         {"auth", "cache"},
        {"ingest", "broker"}, {"broker", "inference"}, {"inference", "cache"}, {"batch", "db"},
        {"batch", "broker"},
    };
    return deps;
}

std::vector<SimFleet::Edge> SimFleet::edges(TimeMs t) const {
    // Capacity and health per service from its hosts.
    std::map<std::string, std::pair<double, int>> load; // service -> (sum cpu, hosts up)
    std::map<std::string, int> total;
    for (std::size_t i = 0; i < m_hosts.size(); ++i) {
        ++total[m_hosts[i].service];
        if (up(i, t)) {
            load[m_hosts[i].service].first += metric(i, 0, t);
            ++load[m_hosts[i].service].second;
        }
    }
    std::vector<Edge> out;
    for (const auto &[from, to] : serviceDependencies()) {
        Edge e{from, to, 0, 0};
        const auto &src = load[from];
        e.requestsPerSecond = src.first * 400.0; // busier callers send more
        const int all = total[to];
        const int alive = load[to].second;
        double errorRatio = all > 0 ? 0.001 + 0.9 * (1.0 - static_cast<double>(alive) / all) : 1.0;
        if (to == "db" && phase(t) == Phase::DbFailover && t - phaseStart(t) < 60'000)
            errorRatio = std::max(errorRatio, 0.35); // until the replica is promoted
        e.errorsPerSecond = e.requestsPerSecond * std::min(1.0, errorRatio);
        out.push_back(e);
    }
    return out;
}

std::vector<SimFleet::FactValue> SimFleet::facts(std::size_t i, TimeMs t) const {
    const SimHost &h = m_hosts[i];
    // Each drift has an onset per host spread over [start - 3 d, start + 3 d]: part of it is already
    // there when the simulator starts, the rest appears while it runs ("spreading").
    // The `drift` scenario: three times the share, spreading over [start - 1 h, start + 2 h] so the
    // spread is visible within a session (a half-rolled-out upgrade, ad-hoc patches going round).
    const bool fast = m_opt.scenario == "drift";
    auto drifted = [&](int channel, double share) {
        if (m_opt.scenario == "steady")
            return false; // a fleet at its golden image: the control case for drift
        if (fast)
            share = std::min(0.6, share * 3);
        if (unit(i * 977 + static_cast<std::uint64_t>(channel) * 131 + m_opt.seed) >= share)
            return false;
        const double u = unit(i * 733 + static_cast<std::uint64_t>(channel) + m_opt.seed * 17);
        const TimeMs onset = fast ? m_simStart - 3'600'000 + static_cast<TimeMs>(u * 3 * 3'600'000.0)
                                  : m_simStart - 3 * 86'400'000LL + static_cast<TimeMs>(u * 6 * 86'400'000.0);
        return t >= onset;
    };
    std::vector<FactValue> f;
    f.push_back({"package", "openssl", (h.role == "api" && drifted(1, 0.12)) ? "3.0.9" : "3.0.11"});
    f.push_back({"package", "nginx",
                 h.role == "web" || h.role == "lb"
                     ? (drifted(2, 0.05) ? "1.22.1-9+deb12u1" : "1.22.1-9+deb12u2")
                     : "absent"});
    f.push_back({"sysctl", "vm.swappiness",
                 (h.role == "db" && drifted(3, 0.10)) ? "60" : (h.role == "db" ? "1" : "10")});
    f.push_back({"sysctl", "net.core.somaxconn", drifted(4, 0.02) ? "128" : "4096"});
    f.push_back({"config", "/etc/ssh/sshd_config", drifted(5, 0.03) ? "9f1c0d4e" : "5a2b77e1"});
    return f;
}

bool SimFleet::degrading(std::size_t i) const {
    return unit(i * 1297 + m_opt.seed * 3) < (m_opt.scenario == "disk-degradation" ? 0.03 : 0.006);
}

double SimFleet::wear(std::size_t i, Wear kind, TimeMs t) const {
    if (!up(i, t))
        return std::numeric_limits<double>::quiet_NaN();
    const double hours =
        static_cast<double>(t - m_simStart) / 3'600'000.0 + 72.0; // degrading for 3 days already
    const bool bad = degrading(i);
    switch (kind) {
    case Wear::MemoryErrors:
        return std::floor(unit(i * 11 + m_opt.seed) * 3 + (bad ? 0.8 * hours * hours / 24.0 : 0));
    case Wear::ReallocatedSectors:
        return std::floor(bad ? 4.0 * hours : unit(i * 13 + m_opt.seed) < 0.05 ? 8 : 0);
    case Wear::TemperatureC:
        return 42 + 6 * unit(i * 17 + m_opt.seed) + 3 * noise(i, 9, t) +
               (bad ? std::min(35.0, 0.25 * hours) : 0);
    }
    return std::numeric_limits<double>::quiet_NaN();
}

std::string SimFleet::addSilence(Silence s, std::string *error) {
    if (s.matchers.empty()) {
        *error = "at least one matcher is required";
        return {};
    }
    for (const auto &m : s.matchers) {
        if (m.name.empty()) {
            *error = "matcher with an empty label name";
            return {};
        }
        if (m.isRegex && !LabelMatcher::create(m.name, LabelMatcher::Op::Regex, m.value, error))
            return {};
    }
    if (s.endsAt <= s.startsAt) {
        *error = "end time must not be before start time";
        return {};
    }
    if (s.createdBy.empty() || s.comment.empty()) {
        *error = s.createdBy.empty() ? "creator information is required" : "comment in body is required";
        return {};
    }
    std::lock_guard lock(m_mutex);
    const TimeMs t = now();
    if (!s.id.empty()) {
        for (auto &old : m_silences)
            if (old.id == s.id)
                old.state = "expired";
    }
    const std::uint64_t seq = ++m_silenceSeq;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%08llx-%04llx-4000-8000-%012llx",
                  static_cast<unsigned long long>(m_opt.seed & 0xffffffff),
                  static_cast<unsigned long long>(seq & 0xffff),
                  static_cast<unsigned long long>(mix(seq + m_opt.seed) & 0xffffffffffffull));
    s.id = buf;
    s.updatedAt = t;
    s.state = s.startsAt > t ? "pending" : "active";
    m_silences.push_back(s);
    return s.id;
}

bool SimFleet::expireSilence(const std::string &id) {
    std::lock_guard lock(m_mutex);
    for (auto &s : m_silences)
        if (s.id == id && s.state != "expired") {
            s.state = "expired";
            s.endsAt = now();
            s.updatedAt = s.endsAt;
            return true;
        }
    return false;
}

std::vector<Silence> SimFleet::silences() const {
    std::lock_guard lock(m_mutex);
    return m_silences;
}

} // namespace vigil::sim
