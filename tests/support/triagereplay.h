#pragma once
// Replays vigil-sim storms through the correlator and scores the outcome against the simulator's
// ground truth: root cause in the top incidents, compression, and alerts placed in the right incident.
// Shared by tst_correlation (accuracy floor on fixed seeds) and bench_triage (BENCH figures).
#include "analysis/correlation.h"
#include "analysis/fleetanalysis.h"
#include "simfleet.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace vigil::test {

struct StormScore {
    int storms = 0;
    int rootCauseTop = 0;   // storms whose every true cause is among the top incidents
    double compression = 0; // mean of 1 - incidents/alerts
    double placement = 0;   // mean share of alerts placed with (or apart from) their true cause
    std::size_t alerts = 0;
};

inline std::vector<Host> simHosts(const sim::SimFleet &f) {
    std::vector<Host> hosts;
    for (const auto &h : f.hosts()) {
        Host x;
        x.name = h.instance;
        x.labels = LabelSet({{"instance", h.instance},
                             {"rack", h.rack},
                             {"region", h.region},
                             {"role", h.role},
                             {"service", h.service},
                             {"zone", h.zone}});
        x.up = UpState::Up;
        hosts.push_back(std::move(x));
    }
    return hosts;
}

inline std::vector<ServiceEdge> simEdges() {
    std::vector<ServiceEdge> edges;
    for (const auto &[from, to] : sim::SimFleet::serviceDependencies())
        edges.push_back({from, to});
    return edges;
}

// Unrelated background alerts: warnings on random hosts, most started hours ago, some during the storm.
inline void addNoise(std::vector<Alert> &alerts, std::set<std::string> &fingerprints, const sim::SimFleet &f,
                     TimeMs t, std::uint64_t seed, int count) {
    std::mt19937_64 rng(seed * 7919 + 3);
    const char *names[] = {"NtpClockSkew", "DiskAlmostFull", "HighCpu", "MemoryPressure",
                           "CertificateExpiring"};
    for (int i = 0; i < count; ++i) {
        const auto &h = f.hosts()[rng() % f.hosts().size()];
        Alert a;
        a.labels = LabelSet({{"alertname", names[rng() % 5]},
                             {"instance", h.instance},
                             {"job", "node"},
                             {"rack", h.rack},
                             {"region", h.region},
                             {"service", h.service},
                             {"severity", "warning"},
                             {"zone", h.zone}});
        a.fingerprint = a.labels.fingerprint();
        const bool recent = rng() % 8 == 0;
        a.startsAt = t - static_cast<TimeMs>(recent ? rng() % 240'000 : 600'000 + rng() % 20'000'000);
        a.updatedAt = t;
        if (fingerprints.insert(a.fingerprint).second)
            alerts.push_back(std::move(a));
    }
}

struct Storm {
    std::vector<Host> hosts;
    std::vector<Alert> alerts;
    std::set<std::string> causes;                    // "rack:NAME" / "host:NAME"
    std::map<std::string, std::string> causeOfAlert; // fingerprint -> cause; absent: noise
    TimeMs t = 0;
    std::set<std::string> fingerprints;
};

// kind: "rack-failure", "db-failover" or "mixed" (both at once, independent causes).
inline Storm makeStorm(const std::string &kind, std::uint64_t seed, int hosts, int noise) {
    Storm s;
    std::vector<std::string> scenarios = kind == "mixed"
                                             ? std::vector<std::string>{"rack-failure", "db-failover"}
                                             : std::vector<std::string>{kind};
    for (const auto &sc : scenarios) {
        sim::SimOptions o;
        o.hosts = hosts;
        o.seed = seed;
        o.scenario = sc;
        sim::SimFleet f(o, 1'700'000'000'000);
        // In a mixed storm the second failure begins ten minutes after the first.
        const TimeMs offset = &sc == &scenarios.front() ? 0 : 600'000;
        const TimeMs t = f.phaseStart(0) + 150'000 + offset;
        s.t = t;
        if (s.hosts.empty())
            s.hosts = simHosts(f);
        const auto truth = f.truth(t - offset);
        const std::string cause = truth.rootCauseKind == "switch"
                                      ? "rack:" + truth.failedRack
                                      : "host:" + truth.rootCause.substr(truth.rootCause.rfind(' ') + 1);
        s.causes.insert(cause);
        const std::set<std::string> members(truth.stormAlerts.begin(), truth.stormAlerts.end());
        for (auto &a : f.alerts(t - offset)) {
            if (members.count(a.fingerprint))
                a.startsAt += offset;
            if (members.count(a.fingerprint))
                s.causeOfAlert.emplace(a.fingerprint, cause);
            if (s.fingerprints.insert(a.fingerprint).second)
                s.alerts.push_back(std::move(a));
        }
        if (&sc == &scenarios.back())
            addNoise(s.alerts, s.fingerprints, f, t, seed, noise);
    }
    return s;
}

inline std::string causeOf(const analysis::Incident &inc) {
    if (inc.causeKind == analysis::CauseKind::Group)
        return "rack:" + inc.causeName;
    if (inc.causeKind == analysis::CauseKind::Host)
        return "host:" + inc.causeName;
    return std::string(analysis::causeKindName(inc.causeKind)) + ":" + inc.causeName;
}

inline void score(const Storm &s, const analysis::TriageResult &r, StormScore &out) {
    ++out.storms;
    out.alerts += r.alerts;
    // Every true cause must be named by one of the top |causes| incidents.
    std::set<std::string> top;
    for (std::size_t k = 0; k < r.incidents.size() && k < s.causes.size(); ++k)
        top.insert(causeOf(r.incidents[k]));
    if (top == s.causes)
        ++out.rootCauseTop;
    out.compression += r.compression();
    // The incident that holds most of a cause's alerts stands for it.
    std::map<std::string, std::map<int, int>> votes;
    for (std::size_t i = 0; i < s.alerts.size(); ++i)
        if (auto it = s.causeOfAlert.find(s.alerts[i].fingerprint); it != s.causeOfAlert.end())
            ++votes[it->second][r.incidentOf[i]];
    std::map<std::string, int> incidentFor;
    for (const auto &[cause, v] : votes)
        incidentFor[cause] =
            std::max_element(v.begin(), v.end(), [](auto &a, auto &b) { return a.second < b.second; })->first;
    std::set<int> causeIncidents;
    for (const auto &[c, k] : incidentFor)
        causeIncidents.insert(k);
    std::size_t right = 0;
    for (std::size_t i = 0; i < s.alerts.size(); ++i) {
        auto it = s.causeOfAlert.find(s.alerts[i].fingerprint);
        if (it != s.causeOfAlert.end())
            right += r.incidentOf[i] == incidentFor[it->second];
        else
            right += !causeIncidents.count(r.incidentOf[i]);
    }
    out.placement +=
        s.alerts.empty() ? 1.0 : static_cast<double>(right) / static_cast<double>(s.alerts.size());
}

inline StormScore replay(const std::vector<std::string> &kinds, const std::vector<std::uint64_t> &seeds,
                         int hosts, int noise) {
    StormScore out;
    for (const auto &kind : kinds)
        for (auto seed : seeds) {
            Storm s = makeStorm(kind, seed, hosts, noise);
            TopologyConfig topo;
            auto graph = analysis::FleetGraph::build(s.hosts, simEdges(), topo);
            analysis::Correlator c;
            auto r = c.update(graph, s.alerts, s.t);
            score(s, *r, out);
        }
    if (out.storms) {
        out.compression /= out.storms;
        out.placement /= out.storms;
    }
    return out;
}

// A snapshot as the pipeline would publish it during a storm: hosts, edges, alerts seen by one
// Alertmanager source ("sim"), sorted and keyed like FleetState's, with graph and triage attached.
inline FleetSnapshotPtr stormSnapshot(const std::string &kind, std::uint64_t seed, int hosts,
                                      int noise = 20) {
    Storm storm = makeStorm(kind, seed, hosts, noise);
    auto s = std::make_shared<FleetSnapshot>();
    s->hosts = storm.hosts;
    std::sort(s->hosts.edit().begin(), s->hosts.edit().end(),
              [](const Host &a, const Host &b) { return a.name < b.name; });
    s->edges = simEdges();
    s->alerts = std::move(storm.alerts);
    for (auto &a : s->alerts.edit()) {
        a.seenBy = {"sim/alertmanager#0"};
        a.key = fingerprintKey(a.fingerprint);
    }
    std::sort(s->alerts.edit().begin(), s->alerts.edit().end(),
              [](const Alert &a, const Alert &b) { return a.fingerprint < b.fingerprint; });
    s->builtAt = storm.t;
    analysis::FleetAnalyzer analyze(TopologyConfig{}, analysis::CorrelationOptions{});
    analyze(*s);
    return s;
}

} // namespace vigil::test
