#include "headlessfleet.h"

#include "config/secrets.h"

#include <QDateTime>

#include "simfleet.h"
#include "simserver.h"
#include "support/qtext.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>

namespace vigil {

std::optional<TimeMs> parseMomentArg(const QString &text) {
    if (auto d = parseDurationMs(text.toStdString()); d && *d > 0)
        return nowMs() - *d;
    const QDateTime dt = QDateTime::fromString(text, Qt::ISODate);
    if (dt.isValid())
        return dt.toMSecsSinceEpoch();
    return std::nullopt;
}

HeadlessFleet::HeadlessFleet(QCommandLineParser &p, const QString &defaultScenario)
    : m_configOpt(QStringLiteral("config"),
                  QCoreApplication::translate("HeadlessFleet", "Vigil configuration."),
                  QStringLiteral("file"))
    , m_demoOpt(QStringLiteral("demo"),
                QCoreApplication::translate("HeadlessFleet", "Use an in-process simulated fleet."))
    , m_demoHostsOpt(QStringLiteral("demo-hosts"),
                     QCoreApplication::translate("HeadlessFleet", "Simulated hosts."), QStringLiteral("n"),
                     QStringLiteral("2000"))
    , m_demoScenarioOpt(
          QStringLiteral("demo-scenario"),
          QCoreApplication::translate("HeadlessFleet", "Simulator scenario (e.g. drift, steady)."),
          QStringLiteral("name"), defaultScenario)
    , m_cacheOpt(QStringLiteral("cache"), QCoreApplication::translate("HeadlessFleet", "SQLite cache."),
                 QStringLiteral("file"))
    , m_timeoutOpt(QStringLiteral("timeout"),
                   QCoreApplication::translate("HeadlessFleet", "Seconds to wait for the sources."),
                   QStringLiteral("seconds"), QStringLiteral("60")) {
    p.addOptions({m_configOpt, m_demoOpt, m_demoHostsOpt, m_demoScenarioOpt, m_cacheOpt, m_timeoutOpt});
}

HeadlessFleet::~HeadlessFleet() {
    if (m_service)
        m_service->stop();
}

QString HeadlessFleet::start(const QCommandLineParser &p, const QString &command) {
    if (p.isSet(m_configOpt) == p.isSet(m_demoOpt))
        return QCoreApplication::translate("HeadlessFleet", "pass one of --config FILE or --demo");
    bool ok = false;
    m_timeoutMs = p.value(m_timeoutOpt).toLongLong(&ok) * 1000;
    if (!ok || m_timeoutMs <= 0)
        return QCoreApplication::translate("HeadlessFleet",
                                           "--timeout: expected a positive number of seconds");
    if (p.isSet(m_configOpt)) {
        ConfigError err;
        auto c = ConfigLoader::loadFile(p.value(m_configOpt).toStdString(), &err);
        if (!c)
            return toQString(err.toString());
        m_config = std::move(*c);
        // The tokens the settings keep in the keychain, as the GUI reads them.
        secrets::resolve(m_config, *SecretStore::system());
        for (const auto &s : m_config.sources)
            if (!s.secretProblem.empty())
                std::fprintf(stderr, "vigil: %s\n",
                             qPrintable(QCoreApplication::translate(
                                            "HeadlessFleet",
                                            "source %1: its secret was not read from the keychain: %2")
                                            .arg(toQString(s.name), toQString(s.secretProblem))));
    } else {
        sim::SimOptions so;
        so.hosts = p.value(m_demoHostsOpt).toInt();
        so.scenario = p.value(m_demoScenarioOpt).toStdString();
        if (so.hosts < 1 || !sim::SimFleet::isScenario(so.scenario))
            return QCoreApplication::translate("HeadlessFleet",
                                               "--demo-hosts or --demo-scenario is not valid");
        m_sim = std::make_unique<sim::SimServer>(so);
        std::string err;
        if (!m_sim->start(0, &err))
            return toQString(err);
        SourceConfig s;
        s.name = "demo";
        s.prometheusUrl = m_sim->url();
        s.alertmanagerUrls = {m_sim->url()};
        m_config.sources = {s};
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
        QDir().mkpath(dir);
        m_config.cachePath = QStringLiteral("%1/%2-demo-%3.sqlite")
                                 .arg(dir, command, p.value(m_demoScenarioOpt))
                                 .toStdString();
    }
    if (p.isSet(m_cacheOpt))
        m_config.cachePath = p.value(m_cacheOpt).toStdString();
    m_service = std::make_unique<FleetService>(m_config);
    m_started = nowMs();
    m_service->start();
    return {};
}

bool HeadlessFleet::waitForFirstPoll(bool alertmanagersToo) {
    auto polled = [&] {
        const auto s = m_service->current();
        if (!s || s->sources.empty())
            return false;
        for (const auto &src : s->sources)
            if ((alertmanagersToo || src.kind == SourceKind::Prometheus) && src.lastAttempt < m_started)
                return false;
        return true;
    };
    QElapsedTimer wait;
    wait.start();
    while (!polled() && wait.elapsed() < m_timeoutMs) {
        QSignalSpy spy(m_service.get(), &FleetService::snapshotReady);
        spy.wait(250);
    }
    return polled();
}

QStringList HeadlessFleet::failingSources(bool alertmanagersToo) const {
    QStringList out;
    for (const auto &src : m_service->current()->sources)
        if ((alertmanagersToo || src.kind == SourceKind::Prometheus) && !src.lastError.empty())
            out << QStringLiteral("%1: %2").arg(toQString(src.id), toQString(src.lastError));
    return out;
}

} // namespace vigil
