#pragma once
// A large fleet for GUI benchmarks without a network: 10,000 racked hosts with 10 alerts each (rack r3
// down), built round by round by the real FleetState and analysis as polls would bring them, and a
// fleet source that publishes them on demand and answers history, wear and drift on the job runner's
// pools like FleetService does.
#include "fleetfixtures.h"

#include "analysis/fleetanalysis.h"
#include "analysis/metricgrid.h"
#include "analysis/wear.h"
#include "service/driftsession.h"
#include "service/fleetsource.h"
#include "service/fleetstate.h"
#include "support/jobrunner.h"

#include <cmath>
#include <random>

namespace vigil::bench {

constexpr int kHosts = 10'000;
constexpr int kAlertsPerHost = 10;

// The live source's shape without a network: snapshots published on demand, history and drift computed
// on the job runner's pools like FleetService does.
class BenchSource final : public FleetSource {
public:
    explicit BenchSource(Config config)
        : m_config(std::move(config)) {}
    void publish(FleetSnapshotPtr s) {
        m_current = std::move(s);
        m_drift->noteSnapshot(*m_current);
        Q_EMIT snapshotReady(m_current);
    }
    [[nodiscard]] FleetSnapshotPtr current() const override { return m_current; }
    [[nodiscard]] const Config &config() const override { return m_config; }
    [[nodiscard]] bool isLive() const override { return true; }
    void loadHistory(const QString &channel, const std::string &metricKey, TimeMs from, TimeMs to,
                     int columns, QObject *context, std::function<void(GridPtr)> done) override {
        const int mi = m_config.profile.metricIndex(metricKey);
        m_jobs.run(
            JobRunner::Pool::Bulk, channel, "bench history", context,
            [snap = m_current, mi, metricKey, from, to, columns](const CancelToken &) {
                analysis::MetricGrid g;
                g.metricKey = metricKey;
                g.stepMs = analysis::stepForRange(to - from, columns);
                g.from = from / g.stepMs * g.stepMs;
                g.buckets = static_cast<int>((to - g.from + g.stepMs - 1) / g.stepMs);
                for (const auto &h : snap->hosts)
                    g.hosts.push_back(h.name);
                g.values.resize(g.hosts.size() * static_cast<std::size_t>(g.buckets));
                for (std::size_t r = 0; r < g.hosts.size(); ++r) {
                    const double base = mi >= 0 ? snap->hosts[r].metrics[static_cast<std::size_t>(mi)] : 0.5;
                    for (int b = 0; b < g.buckets; ++b)
                        g.values[r * static_cast<std::size_t>(g.buckets) + static_cast<std::size_t>(b)] =
                            static_cast<float>(base *
                                               (0.8 + 0.2 * std::sin(b * 0.1 + static_cast<double>(r))));
                }
                g.storeBuckets = g.buckets;
                return GridPtr(std::make_shared<const analysis::MetricGrid>(std::move(g)));
            },
            std::move(done));
    }
    void loadWear(int hours, QObject *context, std::function<void(WearPtr)> done) override {
        m_jobs.run(
            JobRunner::Pool::Bulk, QStringLiteral("wear"), "bench wear", context,
            [hours](const CancelToken &) {
                auto w = std::make_shared<analysis::WearReport>();
                w->to = nowMs();
                w->from = w->to - static_cast<TimeMs>(hours) * 3'600'000;
                return WearPtr(std::move(w));
            },
            std::move(done));
    }
    void loadDrift(TimeMs since, QObject *context, std::function<void(DriftPtr)> done) override {
        m_jobs.run(
            JobRunner::Pool::Bulk, QStringLiteral("drift"), "bench drift", context,
            // The job shares the session, as FleetService's does: the source may be destroyed while a
            // drift evaluation still runs on the bulk pool (JobRunner's destructor cancels, it does not
            // wait).
            [session = m_drift, drift = m_config.drift, snap = m_current, since](const CancelToken &c) {
                return session->judge(snap, drift, nullptr, since, c);
            },
            [done = std::move(done)](DriftPtr d) {
                if (d)
                    done(std::move(d));
            });
    }
    void loadLayout(const std::string &, QObject *context, std::function<void(Positions)> done) override {
        m_jobs.run(
            JobRunner::Pool::Interactive, {}, "bench layout", context,
            [](const CancelToken &) { return Positions{}; }, std::move(done));
    }
    void saveLayout(const std::string &, Positions) override {}

private:
    Config m_config;
    FleetSnapshotPtr m_current = std::make_shared<FleetSnapshot>();
    std::shared_ptr<DriftSession> m_drift = std::make_shared<DriftSession>();
    JobRunner m_jobs;
};

inline const char *const kServices[] = {"web",   "api",    "db",    "cache", "auth",
                                        "queue", "search", "batch", "edge",  "ingest"};
inline const char *const kAlertNames[] = {"HighCPU",       "HighMemory",  "DiskFilling", "HighLatency",
                                          "ErrorRate",     "NetworkErr",  "ClockSkew",   "OOMKills",
                                          "SlowResponses", "QueueBacklog"};

// Round `round` of the fleet: metrics drift, 1 % of the alerts resolve and others start, rack r3 down.
struct FleetRounds {
    Config config;
    std::vector<FleetSnapshotPtr> snapshots;
};

inline FleetRounds buildRounds(int rounds) {
    FleetRounds out;
    Config &cfg = out.config;
    cfg.topology.hierarchy = {"region", "zone", "rack"};
    FleetState state(cfg.profile.metrics, cfg.profile.host);
    analysis::CorrelationOptions o;
    o.identity = cfg.profile.host;
    o.serviceLabel = cfg.topology.serviceLabel;
    state.setAnalyzer(analysis::FleetAnalyzer(cfg.topology, o));
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0, 1);
    const auto base = test::rackedHosts(kHosts);
    const TimeMs t0 = nowMs() - 3'600'000;
    for (int round = 0; round < rounds; ++round) {
        const TimeMs t = t0 + round * 15'000;
        PollData prom;
        prom.time = t;
        prom.health.id = "bench/prometheus";
        prom.health.kind = SourceKind::Prometheus;
        prom.health.lastAttempt = prom.health.lastSuccess = t;
        prom.hasInventory = true;
        prom.metricOk.assign(cfg.profile.metrics.size(), true);
        prom.hasFacts = true;
        for (std::size_t i = 0; i < base.size(); ++i) {
            Host h = base[i];
            const std::string rack(h.labels.value("rack"));
            const char *svc = kServices[i % 10];
            h.labels.set("instance", h.name + ":9100");
            h.labels.set("service", svc);
            h.labels.set("role", svc);
            h.name += ":9100";
            h.up = rack == "r3" ? UpState::Down : UpState::Up;
            for (std::size_t m = 0; m < cfg.profile.metrics.size(); ++m)
                h.metrics.push_back(std::clamp(0.2 + 0.6 * u(rng), 0.0, 1.0));
            h.sources = {prom.health.id};
            prom.facts.push_back({h.name, "os.version_id", i % 97 == 0 ? "11" : "12"});
            prom.facts.push_back({h.name, "uname.release", i % 53 == 0 ? "6.1.0-17" : "6.1.0-18"});
            prom.hosts.push_back(std::move(h));
        }
        std::sort(prom.hosts.edit().begin(), prom.hosts.edit().end(),
                  [](const Host &a, const Host &b) { return a.name < b.name; });
        PollData am;
        am.time = t;
        am.health.id = "bench/alertmanager#0";
        am.health.kind = SourceKind::Alertmanager;
        am.health.lastAttempt = am.health.lastSuccess = t;
        am.hasAlerts = am.hasSilences = true;
        for (std::size_t i = 0; i < prom.hosts.size(); ++i) {
            const Host &h = prom.hosts[i];
            for (int k = 0; k < kAlertsPerHost; ++k) {
                // 1 % of the alerts change each round: alert k of host i is replaced by a later one.
                const bool churned = (i * kAlertsPerHost + static_cast<std::size_t>(k)) % 100 ==
                                     static_cast<std::size_t>(round);
                const bool down = h.up == UpState::Down && k == 0;
                Alert a;
                a.labels =
                    LabelSet(std::vector<Label>{{"alertname", down ? "HostDown" : kAlertNames[k]},
                                                {"instance", h.name},
                                                {"job", "node"},
                                                {"rack", std::string(h.labels.value("rack"))},
                                                {"service", std::string(h.labels.value("service"))},
                                                {"severity", down || k % 4 == 0 ? "critical" : "warning"},
                                                {"round", churned ? std::to_string(round) : "0"}});
                a.annotations = LabelSet(std::vector<Label>{{"summary", h.name + " " + kAlertNames[k]}});
                a.fingerprint = a.labels.fingerprint();
                a.startsAt =
                    t0 - static_cast<TimeMs>((i * 7 + static_cast<std::size_t>(k) * 13) % 3'600) * 1000;
                a.seenBy = {am.health.id};
                am.alerts.push_back(std::move(a));
            }
        }
        state.apply(prom);
        out.snapshots.push_back(state.apply(am).snapshot);
    }
    return out;
}

} // namespace vigil::bench
