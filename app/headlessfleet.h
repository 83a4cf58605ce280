#pragma once
// The fleet behind the headless commands (`vigil drift`, `vigil triage`): their shared options
// (--config or --demo with --demo-hosts and --demo-scenario, --cache, --timeout), the in-process
// simulator for --demo, and one poll of every source through the normal pipeline.
#include "service/fleetservice.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

#include <memory>
#include <optional>

namespace vigil {

namespace sim {
class SimServer;
}

// A moment on the command line: an RFC 3339 time ("2026-11-30T12:00:00Z") or an age before now ("2h").
std::optional<TimeMs> parseMomentArg(const QString &text);

class HeadlessFleet {
public:
    // Adds the shared options to the parser (their help in the translation context HeadlessFleet).
    HeadlessFleet(QCommandLineParser &parser, const QString &defaultScenario);
    ~HeadlessFleet();
    HeadlessFleet(const HeadlessFleet &) = delete;
    HeadlessFleet &operator=(const HeadlessFleet &) = delete;

    // After parsing: reads the config (or starts the simulator with a Prometheus and an Alertmanager
    // on one port), applies --cache (else a per-command demo cache) and starts the service.
    // Empty on success, else what went wrong.
    QString start(const QCommandLineParser &parser, const QString &command);
    // Until every source has been polled once since start() (Prometheus only, or Alertmanagers too),
    // at most --timeout. False when some source never answered in time.
    bool waitForFirstPoll(bool alertmanagersToo);
    // Sources whose last poll failed: "id: error" lines.
    [[nodiscard]] QStringList failingSources(bool alertmanagersToo) const;

    [[nodiscard]] FleetService &service() { return *m_service; }
    [[nodiscard]] const Config &config() const { return m_config; }
    [[nodiscard]] qint64 timeoutMs() const { return m_timeoutMs; }

private:
    QCommandLineOption m_configOpt, m_demoOpt, m_demoHostsOpt, m_demoScenarioOpt, m_cacheOpt, m_timeoutOpt;
    Config m_config;
    std::unique_ptr<sim::SimServer> m_sim;
    std::unique_ptr<FleetService> m_service;
    TimeMs m_started = 0;
    qint64 m_timeoutMs = 60'000;
};

} // namespace vigil
