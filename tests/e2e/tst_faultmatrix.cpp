// The fault matrix: every fault vigil-sim serves (latency, 5xx, reset, truncated, malformed, wrong-typed,
// huge, slow drip, hang) against every endpoint Vigil polls, through the whole service. Each case
// survives when Vigil does not crash, the GUI thread never stalls over 100 ms, the source shows the
// reason naming the endpoint (latency within the timeout: no error at all), and after the fault clears
// the source is healthy again within one interval after its requests' timeout. Prints
// `BENCH faults.survived <n> of <total>` and fails unless all survive. Label `faults`.
#include "service/fleetservice.h"
#include "simserver.h"
#include "support/stallwatchdog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {
constexpr std::int64_t kInterval = 300;
constexpr std::int64_t kTimeout = 700;

struct Endpoint {
    const char *path;
    const char *query; // a substring of the query parameter, or ""
    bool prometheus;
    bool optional; // its failure is a warning, not an unhealthy source
};

const std::vector<Endpoint> &endpoints() {
    static const std::vector<Endpoint> e{
        {"/api/v1/query", "up", true, false},          {"/api/v1/query", "node_cpu", true, false},
        {"/api/v1/alerts", "", true, false},           {"/api/v1/rules", "", true, true},
        {"/api/v1/status/buildinfo", "", true, false}, {"/api/v2/alerts", "", false, false},
        {"/api/v2/silences", "", false, false},        {"/api/v2/alerts/groups", "", false, true},
        {"/api/v2/status", "", false, false},
    };
    return e;
}

const SourceHealth *healthOf(const FleetSnapshot &s, bool prometheus) {
    for (const auto &h : s.sources)
        if ((h.kind == SourceKind::Prometheus) == prometheus)
            return &h;
    return nullptr;
}

// Everything the source panel says about that source, in one string.
std::string said(const SourceHealth &h) {
    std::string out = h.lastError;
    for (const auto &w : h.warnings)
        out += "\n" + w;
    return out;
}
} // namespace

class TestFaultMatrix : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyFaultAgainstEveryEndpoint() {
        QTemporaryDir dir;
        sim::SimOptions o;
        o.hosts = 200;
        o.scenario = "rack-failure";
        sim::SimServer server(o);
        std::string err;
        QVERIFY(server.start(0, &err));
        Config c;
        SourceConfig s;
        s.name = "faults";
        s.prometheusUrl = server.url();
        s.alertmanagerUrls = {server.url()};
        s.intervalMs = kInterval;
        s.timeoutMs = kTimeout;
        s.alertmanagerTimeoutMs = kTimeout;
        c.sources = {s};
        c.cachePath = dir.filePath(QStringLiteral("c.sqlite")).toStdString();
        FleetService service(c);
        service.start();
        auto healthy = [&](bool prom) {
            const auto snap = service.current();
            const SourceHealth *h = snap ? healthOf(*snap, prom) : nullptr;
            return h && h->lastError.empty() && h->lastSuccess > 0 && h->warnings.empty() && !snap->fromCache;
        };
        QTRY_VERIFY_WITH_TIMEOUT(healthy(true) && healthy(false), 20000);
        int survived = 0, total = 0;
        QStringList failures;
        for (const auto &[name, kind] : sim::SimServer::faultKinds()) {
            for (const auto &e : endpoints()) {
                ++total;
                const QString label =
                    QStringLiteral("%1 on %2%3")
                        .arg(QString::fromStdString(name), QLatin1String(e.path),
                             *e.query ? QStringLiteral(" (%1)").arg(QLatin1String(e.query)) : QString());
                StallWatchdog dog(QCoreApplication::instance(), std::chrono::milliseconds(100));
                dog.start();
                server.setFault(
                    {kind, e.path, e.query, kind == sim::SimServer::FaultKind::Latency ? 200 : 0});
                const TimeMs faultAt = nowMs();
                // The reason shown for that source, naming the endpoint (a poll begun after the fault).
                bool reason = false;
                QElapsedTimer t;
                t.start();
                const bool latency = kind == sim::SimServer::FaultKind::Latency;
                while (t.elapsed() < 6000 && !reason) {
                    QTest::qWait(50);
                    const auto snap = service.current();
                    const SourceHealth *h = snap ? healthOf(*snap, e.prometheus) : nullptr;
                    if (!h || h->lastAttempt < faultAt + 10)
                        continue;
                    reason = latency ? (h->lastError.empty() && h->lastSuccess >= faultAt)
                                     : said(*h).find(e.path) != std::string::npos;
                }
                server.clearFaults();
                // Recovery: healthy again within one interval after the requests' timeout.
                QElapsedTimer r;
                r.start();
                const TimeMs clearedAt = nowMs();
                bool recovered = false;
                while (r.elapsed() < 10000 && !recovered) {
                    QTest::qWait(20);
                    const auto snap = service.current();
                    const SourceHealth *h = snap ? healthOf(*snap, e.prometheus) : nullptr;
                    recovered =
                        h && h->lastAttempt > clearedAt && h->lastError.empty() && h->warnings.empty();
                }
                const qint64 recoveryMs = r.elapsed();
                const bool inTime = recovered && recoveryMs <= kTimeout * 2 + kInterval * 2 + 500;
                dog.stop();
                const bool calm = dog.worstMs() <= 100;
                if (reason && inTime && calm)
                    ++survived;
                else
                    failures << QStringLiteral("%1: reason %2, recovered %3 in %4 ms, worst GUI stall %5 ms")
                                    .arg(label)
                                    .arg(reason)
                                    .arg(recovered)
                                    .arg(recoveryMs)
                                    .arg(dog.worstMs(), 0, 'f', 1);
                // Let a hung request of this case time out before the next case starts.
                QTRY_VERIFY_WITH_TIMEOUT(healthy(true) && healthy(false), 15000);
            }
        }
        service.stop();
        std::printf("BENCH faults.survived %d of %d\n", survived, total);
        std::fflush(stdout);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
