#pragma once
// The adversarial suite: storms vigil-sim's cascade generator does not make, built on fleets shaped
// unlike it, each with the answer written by hand from the scenario (what broke), never from the
// correlator's output. Shared by tst_correlation (a floor) and bench_triage
// (BENCH triage.root_cause_top1.adversarial).
//
//   flat-pool-churn   one rack of a 5,000-host pool loses power while CPU alerts churn across the pool
//   critical-noise    a rack's switch dies during a steady trickle of unrelated critical alerts
//   missing-edges     the database tier fails and its callers alert, but no dependency edge is configured
//   late-cascade      a rack dies; its alerts and the cascade fire 5, 10 and 15 minutes later (`for:`)
//   other-labels      datacenter/row placement, `app` services, instance with exporter ports
//   one-primary       one database host of three fails under a storm of unrelated warnings
#include "analysis/correlation.h"
#include "analysis/fleetgraph.h"
#include "config/config.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::test::adversarial {

struct Storm {
    std::string name, story;
    std::vector<Host> hosts;
    TopologyConfig topology;
    analysis::CorrelationOptions options;
    std::vector<AlertRule> rules; // their `for:` (empty: as Prometheus' own copies, timed from activeAt)
    std::vector<Alert> alerts;
    std::vector<bool> caused; // per alert: the failure's doing (its own alerts and its cascade)
    TimeMs now = 0;
    // The answer: what broke.
    analysis::CauseKind causeKind = analysis::CauseKind::Group;
    std::string causeName;
};

inline constexpr TimeMs T = 1'750'000'000'000; // when the failure happens, in every storm

// A small deterministic generator, so each storm is the same on every run and machine.
class Dice {
public:
    explicit Dice(std::uint64_t seed)
        : m_state(seed * 0x9E3779B97F4A7C15ull + 1) {}
    std::uint64_t next() {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 7;
        m_state ^= m_state << 17;
        return m_state;
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    TimeMs between(TimeMs a, TimeMs b) {
        return a + static_cast<TimeMs>(next() % static_cast<std::uint64_t>(b - a));
    }

private:
    std::uint64_t m_state;
};

inline Alert makeAlert(std::vector<Label> labels, TimeMs startsAt) {
    Alert a;
    a.labels = LabelSet(std::move(labels));
    a.fingerprint = a.labels.fingerprint();
    a.startsAt = startsAt;
    return a;
}

inline Host makeHost(const std::string &name, std::vector<Label> labels) {
    Host h;
    h.name = name;
    h.labels = LabelSet(std::move(labels));
    return h;
}

// Two zones of eight racks of 24 hosts. In each rack: 2 db hosts at slots 0-1 of racks 0, 3 and 6 (six
// db hosts), 6 api, the rest front. front calls api, api calls db (edges only when `withEdges`).
inline Storm tieredFleet(bool withEdges) {
    Storm s;
    for (int z = 0; z < 2; ++z)
        for (int r = 0; r < 8; ++r)
            for (int i = 0; i < 24; ++i) {
                const bool db = i < 2 && r % 3 == 0 && r < 7 && z == 0;
                const char *service = db ? "db" : (i < 8 ? "api" : "front");
                const std::string zone = std::string("eu-") + char('a' + z);
                const std::string rack = zone + "-r" + std::to_string(r);
                const std::string name = rack + "-h" + std::to_string(i);
                s.hosts.push_back(makeHost(name, {{"instance", name},
                                                  {"rack", rack},
                                                  {"region", "eu"},
                                                  {"service", service},
                                                  {"zone", zone}}));
            }
    if (withEdges)
        s.topology.edges = {{"front", "api"}, {"api", "db"}};
    return s;
}

inline std::vector<const Host *> hostsOf(const Storm &s, std::string_view label, std::string_view value) {
    std::vector<const Host *> out;
    for (const auto &h : s.hosts)
        if (h.labels.value(label) == value)
            out.push_back(&h);
    return out;
}

// Adds an alert, marked as the failure's doing or not.
inline void add(Storm &s, Alert a, bool caused) {
    s.alerts.push_back(std::move(a));
    s.caused.push_back(caused);
}

// The failure's alerts: `name` on each of `hosts`, starting between `from` and `to`.
inline void hostAlerts(Storm &s, const std::vector<const Host *> &hosts, const std::string &name,
                       const char *severity, TimeMs from, TimeMs to, Dice &dice) {
    for (const Host *h : hosts)
        add(s,
            makeAlert({{"alertname", name}, {"instance", h->name}, {"severity", severity}},
                      dice.between(from, to)),
            true);
}

// Unrelated trouble the fleet always has: `count` alerts of `name` on random hosts outside `rack`,
// starting between `from` and `to`.
inline void noise(Storm &s, const std::string &name, const char *severity, int count, TimeMs from, TimeMs to,
                  std::string_view rack, Dice &dice) {
    std::vector<const Host *> pool;
    for (const auto &h : s.hosts)
        if (h.labels.value("rack") != rack)
            pool.push_back(&h);
    for (int i = 0; i < count; ++i) {
        const Host *h = pool[static_cast<std::size_t>(dice.below(static_cast<int>(pool.size())))];
        add(s,
            makeAlert({{"alertname", name},
                       {"instance", h->name},
                       {"n", std::to_string(i)},
                       {"severity", severity}},
                      dice.between(from, to)),
            false);
    }
}

// Callers of a lost tier alert: `count` of `service`'s hosts outside `rack`.
inline void callers(Storm &s, const std::string &service, const std::string &name, int count, TimeMs from,
                    TimeMs to, std::string_view rack, Dice &dice) {
    std::vector<const Host *> pool;
    for (const Host *h : hostsOf(s, "service", service))
        if (h->labels.value("rack") != rack)
            pool.push_back(h);
    pool.resize(std::min(pool.size(), static_cast<std::size_t>(count)));
    hostAlerts(s, pool, name, "warning", from, to, dice);
}

inline Storm flatPoolChurn() {
    Storm s;
    s.name = "flat-pool-churn";
    s.story = "rack r112 (40 of 5,000 web hosts) loses power; HighCPU churns across the pool all hour";
    Dice dice(1);
    for (int i = 0; i < 5000; ++i) {
        const std::string name = "web-" + std::to_string(i);
        s.hosts.push_back(makeHost(name, {{"instance", name},
                                          {"rack", "r" + std::to_string(100 + i / 40)},
                                          {"region", "us"},
                                          {"service", "web"},
                                          {"zone", "us-1"}}));
    }
    hostAlerts(s, hostsOf(s, "rack", "r112"), "HostDown", "critical", T + 15'000, T + 60'000, dice);
    // One HighCPU every 2 s for an hour before and five minutes after, anywhere in the pool.
    for (TimeMs t = T - 3'600'000; t < T + 300'000; t += 2'000) {
        const Host &h = s.hosts[static_cast<std::size_t>(dice.below(5000))];
        if (h.labels.value("rack") == "r112")
            continue;
        add(s,
            makeAlert({{"alertname", "HighCPU"},
                       {"instance", h.name},
                       {"t", std::to_string(t)},
                       {"severity", "warning"}},
                      t),
            false);
    }
    s.now = T + 300'000;
    s.causeName = "r112";
    return s;
}

inline Storm criticalNoise() {
    Storm s = tieredFleet(true);
    s.name = "critical-noise";
    s.story = "rack eu-a-r3's switch dies (2 of 6 db hosts in it); api and front alert; 40 unrelated "
              "critical disk and RAID alerts over the hour, 6 of them in the storm's minutes";
    Dice dice(2);
    hostAlerts(s, hostsOf(s, "rack", "eu-a-r3"), "HostDown", "critical", T + 10'000, T + 45'000, dice);
    callers(s, "api", "DBConnectionErrors", 60, T + 60'000, T + 240'000, "eu-a-r3", dice);
    callers(s, "front", "HighLatency", 120, T + 90'000, T + 300'000, "eu-a-r3", dice);
    noise(s, "NodeFilesystemAlmostOutOfSpace", "critical", 22, T - 3'600'000, T - 600'000, "eu-a-r3", dice);
    noise(s, "RAIDDegraded", "critical", 12, T - 3'000'000, T - 600'000, "eu-a-r3", dice);
    noise(s, "NodeFilesystemAlmostOutOfSpace", "critical", 6, T - 60'000, T + 240'000, "eu-a-r3", dice);
    s.now = T + 360'000;
    s.causeName = "eu-a-r3";
    return s;
}

inline Storm missingEdges() {
    Storm s = tieredFleet(false);
    s.name = "missing-edges";
    s.story = "a bad config push takes down all six db hosts (three racks); 90 api and 150 front hosts "
              "alert minutes later; no dependency edge is configured";
    Dice dice(3);
    hostAlerts(s, hostsOf(s, "service", "db"), "MySQLDown", "critical", T, T + 20'000, dice);
    callers(s, "api", "DBConnectionErrors", 90, T + 40'000, T + 200'000, "", dice);
    callers(s, "front", "HighLatency", 150, T + 60'000, T + 280'000, "", dice);
    noise(s, "NodeClockSkew", "warning", 25, T - 3'600'000, T + 300'000, "", dice);
    s.now = T + 360'000;
    s.causeKind = analysis::CauseKind::Service;
    s.causeName = "db";
    return s;
}

// Alertmanager's copies: startsAt is when each rule fired, its `for:` after the trouble began.
inline Storm lateCascade() {
    Storm s = tieredFleet(true);
    s.name = "late-cascade";
    s.story = "rack eu-a-r6 dies; HostDown (for: 5m), DBConnectionErrors (for: 10m) and HighLatency "
              "(for: 15m) fire 5 to 17 minutes later; unrelated criticals and clock skew meanwhile";
    Dice dice(4);
    const TimeMs m = 60'000;
    AlertRule down, conn, lat;
    down.name = "HostDown", down.forMs = 5 * m;
    conn.name = "DBConnectionErrors", conn.forMs = 10 * m;
    lat.name = "HighLatency", lat.forMs = 15 * m;
    s.rules = {down, conn, lat};
    hostAlerts(s, hostsOf(s, "rack", "eu-a-r6"), "HostDown", "critical", T + 5 * m, T + 5 * m + 40'000, dice);
    callers(s, "api", "DBConnectionErrors", 70, T + 10 * m + 30'000, T + 13 * m, "eu-a-r6", dice);
    callers(s, "front", "HighLatency", 100, T + 15 * m + 45'000, T + 18 * m, "eu-a-r6", dice);
    noise(s, "RAIDDegraded", "critical", 3, T + 8 * m, T + 16 * m, "eu-a-r6", dice);
    noise(s, "NodeClockSkew", "warning", 20, T + 12 * m, T + 16 * m, "eu-a-r6", dice);
    s.now = T + 19 * m;
    s.causeName = "eu-a-r6";
    return s;
}

// Placement by datacenter and row, services in `app`, hosts named by instance with exporters' ports.
inline Storm otherLabels() {
    Storm s;
    s.name = "other-labels";
    s.story = "row dc2-b (30 hosts of 4 apps) loses power; alerts name hosts with ports 9100 and 9256";
    Dice dice(5);
    const char *apps[] = {"checkout", "search", "ledger", "gateway"};
    for (int dc = 1; dc <= 3; ++dc)
        for (char row = 'a'; row <= 'e'; ++row)
            for (int i = 0; i < 30; ++i) {
                const std::string name = "srv" + std::to_string(dc) + row + std::to_string(100 + i);
                s.hosts.push_back(makeHost(name, {{"app", apps[(i + row) % 4]},
                                                  {"datacenter", "dc" + std::to_string(dc)},
                                                  {"instance", name},
                                                  {"row", "dc" + std::to_string(dc) + "-" + row}}));
            }
    s.topology.hierarchy = {"datacenter", "row"};
    s.topology.serviceLabel = "app";
    s.topology.edges = {{"gateway", "checkout"}, {"checkout", "ledger"}};
    s.options.identity = HostIdentity{{"instance"}, true};
    s.options.serviceLabel = "app";
    for (const auto &h : s.hosts) {
        if (h.labels.value("row") != "dc2-b")
            continue;
        add(s,
            makeAlert({{"alertname", "NodeExporterDown"},
                       {"instance", h.name + ":9100"},
                       {"job", "node"},
                       {"severity", "critical"}},
                      dice.between(T + 5'000, T + 30'000)),
            true);
        add(s,
            makeAlert({{"alertname", "ProcessExporterDown"},
                       {"instance", h.name + ":9256"},
                       {"job", "process"},
                       {"severity", "warning"}},
                      dice.between(T + 5'000, T + 30'000)),
            true);
    }
    // Gateways elsewhere time out on checkout.
    int n = 0;
    for (const auto &h : s.hosts)
        if (h.labels.value("app") == "gateway" && h.labels.value("row") != "dc2-b" && n++ < 40)
            add(s,
                makeAlert({{"alertname", "UpstreamTimeouts"},
                           {"instance", h.name + ":9100"},
                           {"severity", "warning"}},
                          dice.between(T + 60'000, T + 240'000)),
                true);
    s.now = T + 300'000;
    s.causeName = "dc2-b";
    return s;
}

inline Storm onePrimary() {
    Storm s = tieredFleet(true);
    s.name = "one-primary";
    s.story = "db host eu-a-r0-h0 (the primary) fails; 50 api hosts alert; 400 unrelated memory warnings "
              "churn across the fleet";
    Dice dice(6);
    add(s,
        makeAlert({{"alertname", "PostgresDown"}, {"instance", "eu-a-r0-h0"}, {"severity", "critical"}}, T),
        true);
    callers(s, "api", "DBConnectionErrors", 50, T + 30'000, T + 180'000, "eu-a-r0", dice);
    noise(s, "NodeMemoryHigh", "warning", 400, T - 3'600'000, T + 300'000, "", dice);
    s.now = T + 300'000;
    s.causeKind = analysis::CauseKind::Host;
    s.causeName = "eu-a-r0-h0";
    return s;
}

inline std::vector<Storm> storms() {
    return {flatPoolChurn(), criticalNoise(), missingEdges(), lateCascade(), otherLabels(), onePrimary()};
}

struct Outcome {
    bool right = false;
    std::string first; // the first incident, "kind name (N alerts)"
    // Of the failure's alerts, those in the first incident (recall); of its members, those that are the
    // failure's doing (precision). Both 0 when the first incident is not the failure's.
    double recall = 0, precision = 0;
};

// Correlates a storm as FleetState would hand it over and judges strictly the first incident.
inline Outcome judge(const Storm &s) {
    auto graph = analysis::FleetGraph::build(s.hosts, s.topology.edges, s.topology);
    analysis::Correlator c(s.options);
    c.setRules(s.rules);
    auto r = c.update(graph, s.alerts, s.now);
    Outcome o;
    if (r->incidents.empty()) {
        o.first = "no incident";
        return o;
    }
    const auto &top = r->incidents.front();
    o.right = top.causeKind == s.causeKind && top.causeName == s.causeName;
    o.first = std::string(analysis::causeKindName(top.causeKind)) + " " + top.causeName + " (" +
              std::to_string(top.alerts.size()) + " alerts)";
    if (!o.right)
        return o;
    std::size_t caused = 0, causedIn = 0;
    for (bool c : s.caused)
        caused += c ? 1 : 0;
    for (std::uint32_t i : top.alerts)
        causedIn += s.caused[i] ? 1 : 0;
    o.recall = caused ? static_cast<double>(causedIn) / static_cast<double>(caused) : 0;
    o.precision =
        top.alerts.empty() ? 0 : static_cast<double>(causedIn) / static_cast<double>(top.alerts.size());
    return o;
}

} // namespace vigil::test::adversarial
