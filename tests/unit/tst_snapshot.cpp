// Incident snapshot files: exported from a cache written the way the pipeline writes it, opened, and
// replayed minute by minute against a story written here by hand; credentials never reach the file;
// hostile, damaged and foreign files are refused with a message, never a crash.
#include "analysis/correlation.h"
#include "analysis/metricgrid.h"
#include "service/snapshotsource.h"
#include "snapshot/snapshotexport.h"
#include "snapshot/snapshotfile.h"
#include "snapshot/snapshotformat.h"
#include "store/store.h"

#include <sqlite3.h>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cmath>
#include <functional>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <random>
#include <set>
#include <sys/socket.h>
#include <tuple>
#include <unistd.h>

using namespace vigil;
using namespace vigil::snapshot;

namespace {

constexpr TimeMs kT0 = 1795480800000; // a whole hour
constexpr TimeMs kMin = 60'000;

Host host(const std::string &name, const std::string &service, UpState up, double cpu) {
    Host h;
    h.name = name;
    h.labels = LabelSet({{"instance", name},
                         {"service", service},
                         {"region", "eu1"},
                         {"zone", "eu1-a"},
                         {"rack", "rack-eu1a07"}});
    h.up = up;
    h.metrics = {cpu};
    h.sources = {"prod/prometheus"};
    return h;
}

Alert alert(const std::string &fp, const std::string &name, const std::string &instance, AlertState state) {
    Alert a;
    a.fingerprint = fp;
    a.labels = LabelSet({{"alertname", name}, {"instance", instance}, {"severity", "critical"}});
    a.annotations = LabelSet({{"summary", name + " on " + instance}});
    a.state = state;
    a.startsAt = kT0 + 2 * kMin;
    a.seenBy = {"prod/alertmanager#0"};
    return a;
}

SourceHealth polled(const std::string &id, SourceKind kind, TimeMs t, const std::string &error) {
    SourceHealth s;
    s.id = id;
    s.name = "prod";
    s.kind = kind;
    // Credentials as an operator might (wrongly) write them into a URL.
    s.url = "http://admin:hunter2@127.0.0.1:9090/prom?access_token=sekrit-token";
    s.lastAttempt = t;
    s.lastSuccess = error.empty() ? t : 0;
    s.lastError = error;
    return s;
}

// The story, minute by minute (truth written here, not derived from the code under test):
//  0: web-1, web-2, db-1 up; cpu 0.2 / 0.3 / 0.4
//  2: db-1 down; HostDown(db-1) and HighLatency(web-1) fire; Prometheus polls fail ("connection refused
//     by http://admin:hunter2@...")
//  5: a silence covers HighLatency, which turns suppressed; a note on the incident
//  8: db-1 back up; HostDown resolved; Prometheus answers again
// 10: HostDown on db-1 fires again (same fingerprint)
std::string writeCache(const QTemporaryDir &dir) {
    const std::string path = dir.filePath(QStringLiteral("cache.sqlite")).toStdString();
    std::string err;
    auto store = Store::open(path, &err);
    if (!store)
        qFatal("cannot open the cache: %s", err.c_str());
    const std::vector<MetricQuery> metrics{{"cpu", "CPU", MetricUnit::Ratio, "cpu_query"}};
    for (int m = 0; m <= 10; ++m) {
        auto b = std::make_shared<StoreBatch>();
        b->time = kT0 + m * kMin;
        b->metrics = metrics;
        const bool dbDown = m >= 2 && m < 8;
        const bool promFails = m >= 2 && m < 8;
        std::vector<Host> hosts{host("web-1", "web", UpState::Up, 0.2 + 0.01 * m),
                                host("web-2", "web", UpState::Up, 0.3),
                                host("db-1", "db", dbDown ? UpState::Down : UpState::Up, dbDown ? NAN : 0.4)};
        if (m == 0 || m == 2 || m == 8)
            b->hostsChanged = m == 0 ? hosts : std::vector<Host>{hosts[2]};
        b->hostSamples = hosts;
        b->polled = {
            polled("prod/prometheus", SourceKind::Prometheus, b->time,
                   promFails ? "connection refused by http://admin:hunter2@127.0.0.1:9090/prom" : ""),
            polled("prod/alertmanager#0", SourceKind::Alertmanager, b->time, "")};
        if (m == 0)
            b->factsAppeared = {{"web-1", "uname.release", "6.1.0"},
                                {"web-2", "uname.release", "6.1.0"},
                                {"db-1", "uname.release", "5.10.0"}};
        if (m == 2)
            b->alertsChanged = {alert("fp-down", "HostDown", "db-1", AlertState::Active),
                                alert("fp-lat", "HighLatency", "web-1", AlertState::Active)};
        if (m == 5) {
            Alert a = alert("fp-lat", "HighLatency", "web-1", AlertState::Suppressed);
            a.silencedBy = {"sil-1"};
            b->alertsChanged = {a};
            b->silencesReplaced = true;
            b->silences = {Silence{"sil-1",
                                   {{"alertname", "HighLatency", false, true}},
                                   b->time,
                                   b->time + 3600'000,
                                   b->time,
                                   "oncall",
                                   "known: latency from the db failover",
                                   "active",
                                   {"prod/alertmanager#0"}}};
            b->notesAdded = {{"HostDown", "oncall", "db-1 lost power", b->time}};
        }
        if (m == 8)
            b->alertsResolved = {"fp-down"};
        if (m == 10) { // db-1's alert again, with the same labels: the cache keeps only this start
            Alert again = alert("fp-down", "HostDown", "db-1", AlertState::Active);
            again.startsAt = b->time;
            b->alertsChanged = {again};
        }
        store->write(b);
    }
    store->flush();
    return path;
}

Config settings() {
    Config c;
    c.profile.metrics = {{"cpu", "CPU", MetricUnit::Ratio, "cpu_query"}};
    c.profile.wear.clear();
    SourceConfig s;
    s.name = "prod";
    s.prometheusUrl = "http://admin:hunter2@127.0.0.1:9090/prom";
    s.alertmanagerUrls = {"http://127.0.0.1:9093/?token=sekrit-token"};
    s.auth.bearerToken = "bearer-sekrit";
    c.sources = {s};
    c.topology.edges = {{"web", "db", NAN, NAN}};
    return c;
}

const Host *findHost(const CachedState &st, const std::string &name) {
    for (const auto &h : st.hosts)
        if (h.name == name)
            return &h;
    return nullptr;
}

// Three Kubernetes nodes, ip-10-0-1-5 to 7, named by `node` and `instance` (with its port), plus `extra`.
std::vector<Host> kubeNodes(const std::vector<Label> &extra = {}) {
    std::vector<Host> hosts;
    for (int i = 5; i <= 7; ++i) {
        Host h;
        h.name = "ip-10-0-1-" + std::to_string(i);
        h.labels = LabelSet({{"node", h.name}, {"instance", "10.0.1." + std::to_string(i) + ":9100"}});
        for (const auto &l : extra)
            h.labels.set(l.name, l.value);
        h.up = UpState::Up;
        h.metrics = {0.4};
        h.sources = {"k8s/prometheus"};
        hosts.push_back(std::move(h));
    }
    return hosts;
}

// A cache at `path` of five one-minute polls of `hosts` from kT0; alertsAt(m, t): the alerts that changed
// in minute m, at t.
std::unique_ptr<Store> writeMinutes(const std::string &path, const std::vector<Host> &hosts,
                                    const std::function<std::vector<Alert>(int, TimeMs)> &alertsAt) {
    std::string err;
    auto store = Store::open(path, &err);
    if (!store)
        qFatal("cannot open the cache: %s", err.c_str());
    for (int m = 0; m <= 4; ++m) {
        auto b = std::make_shared<StoreBatch>();
        b->time = kT0 + m * kMin;
        b->metrics = {{"cpu", "CPU", MetricUnit::Ratio, "cpu_query"}};
        if (m == 0)
            b->hostsChanged = hosts;
        b->hostSamples = hosts;
        b->alertsChanged = alertsAt(m, b->time);
        store->write(b);
    }
    store->flush();
    return store;
}

// A copy of the snapshot at `from` named `name` in `dir`, rewritten by `sql` into an older format.
QString olderFormat(const QTemporaryDir &dir, const std::string &from, const QString &name, const char *sql) {
    const QString old = dir.filePath(name);
    if (!QFile::copy(QString::fromStdString(from), old))
        qFatal("cannot copy %s", from.c_str());
    QFile::setPermissions(old, QFile::ReadOwner | QFile::WriteOwner);
    sqlite3 *db = nullptr;
    if (sqlite3_open(old.toUtf8().constData(), &db) != SQLITE_OK ||
        sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        qFatal("cannot rewrite %s: %s", qPrintable(old), sqlite3_errmsg(db));
    sqlite3_close(db);
    return old;
}

const Alert *findAlert(const CachedState &st, const std::string &fp) {
    for (const auto &a : st.alerts)
        if (a.fingerprint == fp)
            return &a;
    return nullptr;
}

} // namespace

class TestSnapshot : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_cache;
    std::string m_file;

    ExportRequest request(const std::string &out) {
        ExportRequest r;
        r.cachePath = m_cache;
        r.outPath = out;
        r.from = kT0;
        r.to = kT0 + 10 * kMin;
        r.incident = "HostDown";
        r.title = "db-1 down";
        r.createdBy = "oncall@noc";
        r.vigilVersion = "test";
        return r;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_cache = writeCache(m_dir);
        m_file = m_dir.filePath(QStringLiteral("incident.vigil")).toStdString();
        FleetSnapshot current;
        current.edges = {{"web", "db", 120.0, 3.0}};
        current.rules = {{"fleet", "HostDown", "up == 0", "ok", "", "prod/prometheus", 5 * kMin}};
        const auto r = exportSnapshot(settings(), &current, request(m_file));
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.hosts, 3);
        QCOMPARE(r.alerts, 2);
        QCOMPARE(r.sampleRows, 11);
        QVERIFY(r.bytes > 0);
    }

    void metadataAndSettingsRoundTrip() {
        std::string err;
        auto f = SnapshotFile::open(m_file, &err);
        QVERIFY2(f, err.c_str());
        QCOMPARE(f->info().from, kT0);
        QCOMPARE(f->info().to, kT0 + 10 * kMin);
        QCOMPARE(f->info().createdBy, std::string("oncall@noc"));
        QCOMPARE(f->info().incident, std::string("HostDown"));
        QCOMPARE(f->info().title, std::string("db-1 down"));
        const Config &c = f->settings();
        QCOMPARE(int(c.profile.metrics.size()), 1);
        QCOMPARE(c.profile.metrics[0].key, std::string("cpu"));
        QCOMPARE(int(c.sources.size()), 1);
        QCOMPARE(c.sources[0].prometheusUrl, std::string("http://127.0.0.1:9090/prom"));
        QCOMPARE(c.sources[0].alertmanagerUrls.at(0), std::string("http://127.0.0.1:9093/"));
        QVERIFY(c.sources[0].auth.bearerToken.empty());
        QCOMPARE(int(f->edges().size()), 1);
        QCOMPARE(f->edges()[0].requestsPerSecond, 120.0);
        // A rule's `for:` travels with it, so a replay times alerts as the live view did...
        QCOMPARE(int(f->rules().size()), 1);
        QCOMPARE(f->rules()[0].forMs, 5 * kMin);
        // ...and a format 2 file (rules without for_ms) is still read, its rules without a delay.
        const QString old = m_dir.filePath(QStringLiteral("format2.vigil"));
        QFile::remove(old);
        QVERIFY(QFile::copy(QString::fromStdString(m_file), old));
        QFile::setPermissions(old, QFile::ReadOwner | QFile::WriteOwner);
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(old.toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "ALTER TABLE rules DROP COLUMN for_ms; PRAGMA user_version=2;", nullptr,
                              nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        auto f2 = SnapshotFile::open(old.toStdString(), &err);
        QVERIFY2(f2, err.c_str());
        QCOMPARE(int(f2->rules().size()), 1);
        QCOMPARE(f2->rules()[0].forMs, TimeMs(0));
    }

    void replaysTheStoryMinuteByMinute() {
        std::string err;
        auto f = SnapshotFile::open(m_file, &err);
        QVERIFY2(f, err.c_str());
        // Minute 1: all up, nothing firing.
        auto st = f->stateAt(kT0 + kMin + 30'000);
        QCOMPARE(int(st.hosts.size()), 3);
        QCOMPARE(findHost(st, "db-1")->up, UpState::Up);
        QVERIFY(st.alerts.empty());
        QVERIFY(std::abs(findHost(st, "web-1")->metrics.at(0) - 0.21) < 1e-6);
        QVERIFY(st.sources.size() == 2);
        for (const auto &s : st.sources)
            QVERIFY2(s.lastError.empty(), s.id.c_str());
        // Minute 3: db-1 down, both alerts active, Prometheus failing.
        st = f->stateAt(kT0 + 3 * kMin);
        QCOMPARE(findHost(st, "db-1")->up, UpState::Down);
        QVERIFY(std::isnan(findHost(st, "db-1")->metrics.at(0)));
        QCOMPARE(int(st.alerts.size()), 2);
        QCOMPARE(findAlert(st, "fp-lat")->state, AlertState::Active);
        // The first episode keeps its own start, not the second's.
        QCOMPARE(findAlert(st, "fp-down")->startsAt, kT0 + 2 * kMin);
        QVERIFY(findAlert(st, "fp-lat")->silencedBy.empty());
        QVERIFY(st.silences.empty());
        QVERIFY(st.notes.empty());
        bool promFailing = false;
        for (const auto &s : st.sources)
            promFailing |= s.id == "prod/prometheus" && !s.lastError.empty();
        QVERIFY(promFailing);
        // Minute 6: HighLatency silenced, a note written.
        st = f->stateAt(kT0 + 6 * kMin);
        QCOMPARE(findAlert(st, "fp-lat")->state, AlertState::Suppressed);
        QCOMPARE(findAlert(st, "fp-lat")->silencedBy, std::vector<std::string>{"sil-1"});
        QCOMPARE(int(st.silences.size()), 1);
        QCOMPARE(st.silences[0].state, std::string("active"));
        QCOMPARE(int(st.notes.size()), 1);
        // Minute 9: db-1 back, HostDown resolved, HighLatency still suppressed.
        st = f->stateAt(kT0 + 9 * kMin);
        QCOMPARE(findHost(st, "db-1")->up, UpState::Up);
        QVERIFY(!findAlert(st, "fp-down"));
        QVERIFY(findAlert(st, "fp-lat"));
        // Facts as they were.
        QCOMPARE(int(f->factsAt(kT0 + 5 * kMin).facts.size()), 3);
    }

    void eventsInOrder() {
        std::string err;
        auto f = SnapshotFile::open(m_file, &err);
        QVERIFY2(f, err.c_str());
        using K = SnapshotEvent::Kind;
        // The two alerts of minute 2 are one stop, named and counted.
        struct Want {
            TimeMs time;
            K kind;
            int count;
        };
        const std::vector<Want> want{
            {kT0 + 2 * kMin, K::AlertFired, 2},     {kT0 + 2 * kMin, K::SourceFailed, 1},
            {kT0 + 5 * kMin, K::SilenceCreated, 1}, {kT0 + 5 * kMin, K::Note, 1},
            {kT0 + 8 * kMin, K::AlertResolved, 1},  {kT0 + 8 * kMin, K::SourceRecovered, 1},
            {kT0 + 10 * kMin, K::AlertFired, 1}};
        const auto &got = f->events();
        QCOMPARE(got.size(), want.size());
        std::multiset<std::tuple<TimeMs, int, int>> g, w;
        for (std::size_t i = 0; i < want.size(); ++i) {
            QCOMPARE(got[i].time, want[i].time); // in time order
            g.insert({got[i].time, int(got[i].kind), got[i].count});
            w.insert({want[i].time, int(want[i].kind), want[i].count});
        }
        QVERIFY(g == w);
        for (const auto &e : got)
            if (e.kind == K::AlertFired)
                QCOMPARE(e.what,
                         std::string(e.time == kT0 + 2 * kMin ? "HighLatency, HostDown" : "HostDown"));
        // Active alerts per minute: none for minutes 0-1, two for 2-7, one after HostDown resolved, two when
        // it is back.
        const std::vector<int> perMinute{0, 0, 2, 2, 2, 2, 2, 2, 1, 1, 2};
        QCOMPARE(f->activeAlertsPerMinute(), perMinute);
    }

    // A cache that began after the window did: the hosts of its first poll are there from the window's
    // start (up state unknown), and the minutes before the cache come from the fill (the sources' range).
    void fillsWhatTheCacheLacks() {
        const std::string out = m_dir.filePath(QStringLiteral("filled.vigil")).toStdString();
        auto req = request(out);
        req.from = kT0 - 10 * kMin;
        int asked = 0;
        req.fill = [&](const std::string &key, TimeMs from,
                       TimeMs to) -> std::optional<analysis::MetricGrid> {
            ++asked;
            analysis::MetricGrid g;
            g.metricKey = key;
            g.from = from / kMin * kMin;
            g.stepMs = kMin;
            g.buckets = int((to - g.from) / kMin) + 1;
            g.hosts = {"db-1", "web-1", "web-2"};
            g.values.assign(g.hosts.size() * std::size_t(g.buckets), 0.75f);
            return g;
        };
        const auto r = exportSnapshot(settings(), nullptr, req);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(asked, 1);
        QCOMPARE(r.filledRows, 10); // minutes -10 .. -1
        QCOMPARE(r.missingRows, 0);
        std::string err;
        auto f = SnapshotFile::open(out, &err);
        QVERIFY2(f, err.c_str());
        const auto before = f->stateAt(kT0 - 5 * kMin);
        QCOMPARE(int(before.hosts.size()), 3);
        QCOMPARE(findHost(before, "web-1")->up, UpState::Unknown);
        QCOMPARE(findHost(before, "web-1")->metrics.at(0), 0.75);
        const auto after = f->stateAt(kT0 + kMin);
        QCOMPARE(findHost(after, "web-1")->up, UpState::Up);
        QVERIFY(std::abs(findHost(after, "web-1")->metrics.at(0) - 0.21) < 1e-6); // the cache wins
    }

    // The same FleetState and analysis as a live poll: triage finds the incident only while it lasts.
    void sourceReplaysTriage() {
        std::string err;
        auto f = SnapshotFile::open(m_file, &err);
        QVERIFY2(f, err.c_str());
        SnapshotSource source(f);
        QVERIFY(!source.isLive());
        QCOMPARE(source.cursor(), kT0 + 10 * kMin);
        const auto quiet = source.buildAt(kT0 + kMin);
        QVERIFY(quiet->triage);
        QVERIFY(quiet->triage->incidents.empty());
        QCOMPARE(quiet->asOf, kT0 + kMin);
        QCOMPARE(quiet->replayTo, kT0 + 10 * kMin);
        QVERIFY(!quiet->fromCache);
        const auto storm = source.buildAt(kT0 + 3 * kMin);
        QVERIFY(!storm->triage->incidents.empty());
        QCOMPARE(storm->summary.hostsDown, 1);
        QCOMPARE(storm->summary.alertsFiring, 2);
        // Moving the cursor delivers the snapshot for it.
        QSignalSpy ready(&source, &FleetSource::snapshotReady);
        source.setCursor(kT0 + 3 * kMin);
        QVERIFY(ready.wait(5000));
        QCOMPARE(source.current()->asOf, kT0 + 3 * kMin);
        QCOMPARE(source.current()->summary.hostsDown, 1);
        // History comes from the file.
        QSignalSpy grid(&source, &FleetSource::storeMessage); // unused: no store messages expected
        bool loaded = false;
        source.loadHistory(QStringLiteral("t"), "cpu", kT0, kT0 + 10 * kMin, 10, this,
                           [&](FleetSource::GridPtr g) {
                               loaded = true;
                               QVERIFY(g);
                               QCOMPARE(int(g->hosts.size()), 3);
                               QVERIFY(g->storeBuckets > 5);
                           });
        QTRY_VERIFY_WITH_TIMEOUT(loaded, 5000);
        QCOMPARE(grid.count(), 0);
    }

    // Every view's reads of a snapshot (the fleet at many moments, history, wear, drift, a map layout)
    // with its sources pointing at a listening socket: not one connection is attempted.
    void readsNeverTouchTheNetwork() {
        const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        QVERIFY(listener >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
        QCOMPARE(::listen(listener, 16), 0);
        socklen_t len = sizeof addr;
        QCOMPARE(::getsockname(listener, reinterpret_cast<sockaddr *>(&addr), &len), 0);
        const std::string url = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
        Config c = settings();
        c.sources[0].prometheusUrl = url;
        c.sources[0].alertmanagerUrls = {url};
        c.profile.wear = {{"cpu", 0.99}};
        const std::string out = m_dir.filePath(QStringLiteral("offline.vigil")).toStdString();
        const auto r = exportSnapshot(c, nullptr, request(out));
        QVERIFY2(r.ok, r.error.c_str());
        std::string err;
        auto f = SnapshotFile::open(out, &err);
        QVERIFY2(f, err.c_str());
        QCOMPARE(f->settings().sources.at(0).prometheusUrl, url);
        SnapshotSource source(f);
        int answers = 0;
        for (TimeMs t = kT0; t <= kT0 + 10 * kMin; t += kMin)
            (void)source.buildAt(t);
        source.loadHistory(QStringLiteral("h"), "cpu", kT0 - 3600'000, kT0 + 10 * kMin, 60, this,
                           [&](FleetSource::GridPtr) { ++answers; });
        source.loadWear(24, this, [&](FleetSource::WearPtr) { ++answers; });
        source.loadDrift(0, this, [&](FleetSource::DriftPtr) { ++answers; });
        source.loadLayout("services", this, [&](FleetSource::Positions) { ++answers; });
        QTRY_COMPARE_WITH_TIMEOUT(answers, 4, 10000);
        QTest::qWait(200);
        const int accepted = ::accept(listener, nullptr, nullptr);
        const int why = errno;
        if (accepted >= 0)
            ::close(accepted);
        ::close(listener);
        QVERIFY2(accepted < 0 && (why == EAGAIN || why == EWOULDBLOCK), "a connection reached the sources");
    }

    // No secret survives: not in a URL's user part, not in a query string, not in an error message, not
    // the bearer token of the settings.
    void noCredentialInTheBytes() {
        QFile f(QString::fromStdString(m_file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        for (const char *secret : {"hunter2", "sekrit-token", "bearer-sekrit", "admin:"})
            QVERIFY2(!bytes.contains(secret), secret);
        // The cache had them (so the test can fail).
        QFile c(QString::fromStdString(m_cache));
        QVERIFY(c.open(QIODevice::ReadOnly));
        QVERIFY(c.readAll().contains("hunter2"));
    }

    // Redacted for a file that leaves the team: no host name, no value of the chosen labels and no
    // annotation anywhere in the bytes, and the structure still reads (the alert sits on its host, the
    // hosts share their rack, triage finds the incident).
    void redactionLeavesNoTrace() {
        const std::string out = m_dir.filePath(QStringLiteral("redacted.vigil")).toStdString();
        auto req = request(out);
        req.title = "db-1 down in rack-eu1a07";
        req.redaction.hostNames = true;
        req.redaction.labelNames = "rack|zone";
        req.redaction.dropAnnotations = true;
        FleetSnapshot current;
        current.edges = {{"web", "db", 120.0, 3.0}};
        const auto r = exportSnapshot(settings(), &current, req);
        QVERIFY2(r.ok, r.error.c_str());
        QFile f(QString::fromStdString(out));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        for (const char *secret : {"web-1", "web-2", "db-1", "rack-eu1a07", "eu1-a", " on db", "fp-down",
                                   "hunter2", "sekrit-token"})
            QVERIFY2(!bytes.contains(secret), secret);
        std::string err;
        auto snap = SnapshotFile::open(out, &err);
        QVERIFY2(snap, err.c_str());
        QVERIFY(snap->info().redacted.find("host names hashed") != std::string::npos);
        QVERIFY(snap->info().title.find("down in") != std::string::npos); // the words around kept
        const auto st = snap->stateAt(kT0 + 3 * kMin);
        QCOMPARE(int(st.hosts.size()), 3);
        std::set<std::string> names, racks;
        for (const auto &h : st.hosts) {
            QVERIFY2(h.name.rfind("h-", 0) == 0, h.name.c_str());
            QCOMPARE(std::string(h.labels.value("instance")), h.name);
            QCOMPARE(std::string(h.labels.value("service")).empty(), false); // not chosen: kept
            names.insert(h.name);
            racks.insert(std::string(h.labels.value("rack")));
        }
        QCOMPARE(int(racks.size()), 1); // one rack, hashed the same on every host
        QVERIFY(racks.begin()->rfind("h-", 0) == 0);
        int onHosts = 0;
        for (const auto &a : st.alerts) {
            QVERIFY(a.annotations.empty());
            onHosts += names.count(std::string(a.labels.value("instance"))) > 0;
        }
        QCOMPARE(onHosts, 2);
        int down = 0;
        for (const auto &h : st.hosts)
            down += h.up == UpState::Down;
        QCOMPARE(down, 1);
        SnapshotSource source(snap);
        QVERIFY(!source.buildAt(kT0 + 3 * kMin)->triage->incidents.empty());
        // A pattern that does not compile is an error, not an unredacted file.
        auto bad = request(m_dir.filePath(QStringLiteral("bad.vigil")).toStdString());
        bad.redaction.labelNames = "rack(";
        const auto r2 = exportSnapshot(settings(), nullptr, bad);
        QVERIFY(!r2.ok);
        QVERIFY2(r2.error.find("pattern") != std::string::npos, r2.error.c_str());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad.vigil"))));
    }

    // A Kubernetes-shaped fleet: hosts named by the `node` label (instance "10.0.1.5:9100", port
    // stripped), a node alert by `node`, and a pod's alert that names only its namespace and pod (its
    // instance is kube-state-metrics) and that a kube_pod_info join placed on its node. The settings carry
    // that identity, the cache and the replay keep both alerts on their nodes, and redaction hides node
    // names and IPs alike while the alerts stay on their (hashed) nodes.
    void kubernetesShapedFleet() {
        QTemporaryDir dir;
        const std::string cache = dir.filePath(QStringLiteral("k8s.sqlite")).toStdString();
        {
            const auto hosts =
                kubeNodes({{"topology_kubernetes_io_zone", "eu-west-1a"}, {"job", "node-exporter"}});
            auto store = writeMinutes(cache, hosts, [](int m, TimeMs t) -> std::vector<Alert> {
                if (m != 2)
                    return {};
                Alert a;
                a.fingerprint = "fp-node";
                a.labels = LabelSet({{"alertname", "KubeNodeNotReady"},
                                     {"node", "ip-10-0-1-6"},
                                     {"severity", "warning"},
                                     {"container", "kube-state-metrics"}});
                a.state = AlertState::Active;
                a.startsAt = t;
                a.seenBy = {"k8s/alertmanager#0"};
                Alert pod;
                pod.fingerprint = "fp-pod";
                pod.labels = LabelSet({{"alertname", "KubePodNotReady"},
                                       {"namespace", "checkout"},
                                       {"pod", "cart-7d9f-x2"},
                                       {"instance", "10.0.9.9:8080"},
                                       {"severity", "warning"}});
                pod.placement = LabelSet(std::vector<Label>{{"node", "ip-10-0-1-7"}});
                pod.state = AlertState::Active;
                pod.startsAt = t;
                pod.seenBy = {"k8s/alertmanager#0"};
                return {a, pod};
            });
            // The cache keeps where the join placed the pod's alert.
            std::string loadErr;
            const auto cached = store->loadCache(&loadErr);
            QVERIFY2(cached, loadErr.c_str());
            QCOMPARE(int(cached->alerts.size()), 2);
            for (const auto &a : cached->alerts)
                QCOMPARE(std::string(a.placement.value("node")),
                         std::string(a.fingerprint == "fp-pod" ? "ip-10-0-1-7" : ""));
        }
        Config c;
        c.profile.host = HostIdentity{{"node", "instance"}, true};
        c.profile.metrics = {{"cpu", "CPU", MetricUnit::Ratio, "cpu_query"}};
        c.topology.hierarchy = {"topology_kubernetes_io_zone"};
        for (const bool redacted : {false, true}) {
            ExportRequest req = request(
                dir.filePath(redacted ? QStringLiteral("r.vigil") : QStringLiteral("k.vigil")).toStdString());
            req.cachePath = cache;
            req.to = kT0 + 4 * kMin;
            req.redaction.hostNames = redacted;
            const auto r = exportSnapshot(c, nullptr, req);
            QVERIFY2(r.ok, r.error.c_str());
            std::string err;
            auto f = SnapshotFile::open(req.outPath, &err);
            QVERIFY2(f, err.c_str());
            QCOMPARE(f->settings().profile.host, (HostIdentity{{"node", "instance"}, true}));
            QCOMPARE(f->settings().topology.hierarchy,
                     std::vector<std::string>{"topology_kubernetes_io_zone"});
            SnapshotSource source(f);
            const auto snap = source.buildAt(kT0 + 3 * kMin);
            QCOMPARE(int(snap->hosts.size()), 3);
            QCOMPARE(int(snap->alerts.size()), 2);
            std::string onNode, podOnNode;
            for (const auto &a : snap->alerts)
                (a.name() == "KubeNodeNotReady" ? onNode : podOnNode) = snap->triage->identity.hostOf(a);
            QVERIFY2(snap->host(onNode), onNode.c_str()); // placed on one of the fleet's hosts
            QVERIFY2(snap->host(podOnNode), podOnNode.c_str());
            QVERIFY(podOnNode != onNode);
            if (!redacted) {
                QCOMPARE(onNode, std::string("ip-10-0-1-6"));
                QCOMPARE(podOnNode, std::string("ip-10-0-1-7"));
                // A file of format 1 (no placement column) is still read: the pod's alert then sits where
                // its own labels put it, on no host of the fleet.
                const QString old =
                    olderFormat(dir, req.outPath, QStringLiteral("format1.vigil"),
                                "ALTER TABLE alerts DROP COLUMN placement; PRAGMA user_version=1;");
                auto f1 = SnapshotFile::open(old.toStdString(), &err);
                QVERIFY2(f1, err.c_str());
                const auto snap1 = SnapshotSource(f1).buildAt(kT0 + 3 * kMin);
                QCOMPARE(int(snap1->alerts.size()), 2);
                for (const auto &a : snap1->alerts)
                    if (a.name() == "KubePodNotReady")
                        QVERIFY(!snap1->host(std::string(snap1->triage->identity.hostOf(a))));
                continue;
            }
            QFile file(QString::fromStdString(req.outPath));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            for (const char *secret : {"ip-10-0-1-", "10.0.1.5", "10.0.1.6", "10.0.1.7"})
                QVERIFY2(!bytes.contains(secret), secret);
            QVERIFY(onNode.rfind("h-", 0) == 0);
            // The port survives the hashing of the address it belongs to.
            QVERIFY(std::string(snap->host(onNode)->labels.value("instance")).find(":9100") !=
                    std::string::npos);
        }
    }

    // A Kubernetes fleet's workloads exist only in the joins (kube_pod_owner) and run on the nodes their
    // pods are on (kube_pod_info). The file keeps both (format 4), so a replay joins a DaemonSet's own
    // alert to the lost node that ran one of its pods, as the live view did; a format 3 file, without
    // them, leaves it apart; redaction hashes the nodes there as everywhere, and dropping the service
    // label drops the workloads.
    void workloadsAndTheirNodesReplay() {
        QTemporaryDir dir;
        const std::string cache = dir.filePath(QStringLiteral("w.sqlite")).toStdString();
        std::vector<Alert> alerts(2);
        alerts[0].fingerprint = "fp-node";
        alerts[0].labels = LabelSet({{"alertname", "KubeNodeNotReady"},
                                     {"node", "ip-10-0-1-6"},
                                     {"severity", "critical"},
                                     {"job", "kube-state-metrics"}});
        alerts[1].fingerprint = "fp-ds";
        alerts[1].labels = LabelSet({{"alertname", "KubeDaemonSetRolloutStuck"},
                                     {"namespace", "monitoring"},
                                     {"daemonset", "node-exporter"},
                                     {"severity", "warning"}});
        alerts[1].placement = LabelSet(std::vector<Label>{{"service", "node-exporter"}}); // the alias's
        for (int i = 0; i < 2; ++i) {
            alerts[i].state = AlertState::Active;
            alerts[i].startsAt = kT0 + (2 + i) * kMin;
            alerts[i].seenBy = {"k8s/alertmanager#0"};
        }
        const auto hosts = kubeNodes();
        writeMinutes(cache, hosts, [&](int m, TimeMs) -> std::vector<Alert> {
            if (m == 2 || m == 3)
                return {alerts[std::size_t(m - 2)]};
            return {};
        });
        // What the live pipeline published at export: the joins' labels and the pods' places.
        auto current = std::make_shared<FleetSnapshot>();
        current->hosts = hosts;
        using Pairs = std::vector<std::pair<std::string, std::string>>;
        current->joined = std::make_shared<const Pairs>(Pairs{{"namespace", "monitoring"},
                                                              {"node", "ip-10-0-1-5"},
                                                              {"node", "ip-10-0-1-6"},
                                                              {"service", "node-exporter"}});
        current->runsOn = std::make_shared<const Pairs>(
            Pairs{{"node-exporter", "ip-10-0-1-5"}, {"node-exporter", "ip-10-0-1-6"}});
        Config c;
        c.profile.host = HostIdentity{{"node", "instance"}, true};
        c.profile.metrics = {{"cpu", "CPU", MetricUnit::Ratio, "cpu_query"}};
        auto exported = [&](const char *name, auto redact) {
            ExportRequest req = request(dir.filePath(QString::fromLatin1(name)).toStdString());
            req.cachePath = cache;
            req.to = kT0 + 4 * kMin;
            redact(req.redaction);
            const auto r = exportSnapshot(c, current.get(), req);
            if (!r.ok)
                qFatal("export failed: %s", r.error.c_str());
            return req.outPath;
        };
        // The node's incident at `t`: how many members it has and how many are workloads' own.
        auto nodeIncident = [](const std::string &path) {
            std::string err;
            auto f = SnapshotFile::open(path, &err);
            if (!f)
                qFatal("cannot open %s: %s", path.c_str(), err.c_str());
            const auto snap = SnapshotSource(f).buildAt(kT0 + 4 * kMin);
            for (std::size_t i = 0; i < snap->alerts.size(); ++i)
                if (snap->alerts[i].name() == "KubeNodeNotReady") {
                    const auto &inc = snap->triage->incidents.at(std::size_t(snap->triage->incidentOf[i]));
                    return std::make_tuple(f, int(inc.alerts.size()), inc.workloadAlerts);
                }
            qFatal("no node alert in %s", path.c_str());
        };
        const std::string plain = exported("w.vigil", [](Redaction &) {});
        {
            const auto [f, members, workload] = nodeIncident(plain);
            QCOMPARE(f->info().format, kFormatVersion);
            QCOMPARE(f->joined(), *current->joined);
            QCOMPARE(f->runsOn(), *current->runsOn);
            QCOMPARE(members, 2);
            QCOMPARE(workload, 1);
        }
        { // A format 3 file has neither table: read, and the DaemonSet's alert stays apart.
            const QString old = olderFormat(dir, plain, QStringLiteral("format3.vigil"),
                                            "DROP TABLE joined; DROP TABLE runs_on; PRAGMA user_version=3;");
            const auto [f, members, workload] = nodeIncident(old.toStdString());
            QVERIFY(f->joined().empty() && f->runsOn().empty());
            QCOMPARE(members, 1);
            QCOMPARE(workload, 0);
        }
        { // Hashed node names: the same hash in runs_on as in hosts, so the replay is the same.
            const std::string hashed = exported("h.vigil", [](Redaction &r) { r.hostNames = true; });
            const auto [f, members, workload] = nodeIncident(hashed);
            QCOMPARE(members, 2);
            QCOMPARE(workload, 1);
            for (const auto &[svc, host] : f->runsOn())
                QVERIFY2(host.rfind("h-", 0) == 0, host.c_str());
            QFile file(QString::fromStdString(hashed));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(!file.readAll().contains("ip-10-0-1-"));
        }
        { // The service label dropped: the workloads go with it, and nothing names them.
            const std::string dropped = exported("d.vigil", [](Redaction &r) {
                r.labelNames = "service|daemonset";
                r.dropLabels = true;
            });
            const auto [f, members, workload] = nodeIncident(dropped);
            QCOMPARE(f->runsOn(), Pairs{});
            QCOMPARE(workload, 0);
            QFile file(QString::fromStdString(dropped));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(!file.readAll().contains("node-exporter"));
        }
    }

    // Two sources' polls land out of order: Alertmanager's, started 3 ms after Prometheus', lands
    // first and leaves only Prometheus' copy of an alert ("firing"); Prometheus' lands next and resolves
    // it. Batches carry their poll's start, so the resolution has the earlier time; the cache writes
    // events in the order they happened all the same, and the replay ends with the alert resolved (it
    // had stayed firing for good).
    void outOfOrderPollsReplayInTheirOrder() {
        QTemporaryDir dir;
        const std::string cache = dir.filePath(QStringLiteral("order.sqlite")).toStdString();
        {
            std::string err;
            auto store = Store::open(cache, &err);
            QVERIFY2(store, err.c_str());
            Alert a;
            a.fingerprint = "00000000000000aa";
            a.labels = LabelSet(std::vector<Label>{{"alertname", "HostDown"}, {"instance", "db-1:9100"}});
            a.state = AlertState::Active;
            a.startsAt = kT0;
            auto write = [&](TimeMs t, std::vector<Alert> changed, std::vector<std::string> resolved) {
                auto b = std::make_shared<StoreBatch>();
                b->time = t;
                b->alertsChanged = std::move(changed);
                b->alertsResolved = std::move(resolved);
                store->write(b);
            };
            write(kT0, {a}, {});
            a.state = AlertState::Firing;
            write(kT0 + kMin + 3, {a}, {});
            write(kT0 + kMin, {}, {a.fingerprint});
            store->flush();
        }
        ExportRequest req = request(dir.filePath(QStringLiteral("order.vigil")).toStdString());
        req.cachePath = cache;
        req.to = kT0 + 3 * kMin;
        const auto r = exportSnapshot(settings(), nullptr, req);
        QVERIFY2(r.ok, r.error.c_str());
        std::string err;
        auto f = SnapshotFile::open(req.outPath, &err);
        QVERIFY2(f, err.c_str());
        SnapshotSource source(f);
        QCOMPARE(int(source.buildAt(kT0 + kMin / 2)->alerts.size()), 1);
        QCOMPARE(int(source.buildAt(kT0 + 2 * kMin)->alerts.size()), 0);
    }

    void cancelLeavesNothing() {
        const std::string out = m_dir.filePath(QStringLiteral("cancelled.vigil")).toStdString();
        int calls = 0;
        const auto r = exportSnapshot(settings(), nullptr, request(out), [&](double) { return ++calls < 4; });
        QVERIFY(!r.ok);
        QVERIFY(r.cancelled);
        QVERIFY(!QFile::exists(QString::fromStdString(out)));
        QVERIFY(!QFile::exists(QString::fromStdString(out + ".partial")));
        // A failed export (no cache) leaves an existing file untouched.
        QFile keep(QString::fromStdString(out));
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.write("keep");
        keep.close();
        auto bad = request(out);
        bad.cachePath = m_dir.filePath(QStringLiteral("nope.sqlite")).toStdString();
        const auto r2 = exportSnapshot(settings(), nullptr, bad);
        QVERIFY(!r2.ok);
        QVERIFY(!r2.error.empty());
        QVERIFY(keep.open(QIODevice::ReadOnly));
        QCOMPARE(keep.readAll(), QByteArray("keep"));
    }

    void foreignFilesRefused_data() {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QString>("expect");
        QTest::newRow("a trigger")
            << QByteArray("CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM meta; END;")
            << QStringLiteral("trigger");
        QTest::newRow("a view") << QByteArray("CREATE VIEW v AS SELECT * FROM meta;")
                                << QStringLiteral("view");
        QTest::newRow("newer format")
            << QByteArray("PRAGMA user_version=99;") << QStringLiteral("newer Vigil");
        QTest::newRow("not ours") << QByteArray("PRAGMA application_id=1;")
                                  << QStringLiteral("not a Vigil snapshot");
        QTest::newRow("a column more")
            << QByteArray("ALTER TABLE edges ADD COLUMN extra TEXT;") << QStringLiteral("other columns");
        QTest::newRow("a table gone") << QByteArray("DROP TABLE edges;") << QStringLiteral("missing");
    }
    void foreignFilesRefused() {
        QFETCH(QByteArray, sql);
        QFETCH(QString, expect);
        const QString copy = m_dir.filePath(QStringLiteral("foreign.vigil"));
        QFile::remove(copy);
        QVERIFY(QFile::copy(QString::fromStdString(m_file), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(copy.toUtf8().constData(), &db), SQLITE_OK);
        const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr);
        sqlite3_close(db);
        std::string err;
        auto f = SnapshotFile::open(copy.toStdString(), &err);
        QCOMPARE(rc, SQLITE_OK);
        QVERIFY(!f);
        QVERIFY2(QString::fromStdString(err).contains(expect), err.c_str());
    }

    void emptyAndNonSqliteRefused() {
        const QString empty = m_dir.filePath(QStringLiteral("empty.vigil"));
        QFile e(empty);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.close();
        std::string err;
        QVERIFY(!SnapshotFile::open(empty.toStdString(), &err));
        QVERIFY2(err.find("empty") != std::string::npos, err.c_str());
        const QString text = m_dir.filePath(QStringLiteral("text.vigil"));
        QFile t(text);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("hello, this is not a database at all, but long enough to have a header");
        t.close();
        QVERIFY(!SnapshotFile::open(text.toStdString(), &err));
        QVERIFY2(err.find("not an SQLite database") != std::string::npos, err.c_str());
        QVERIFY(!SnapshotFile::open(m_dir.filePath(QStringLiteral("absent.vigil")).toStdString(), &err));
        QVERIFY(!err.empty());
    }

    // Truncated at many offsets and with bytes flipped across it: every open returns a file or a
    // message, never a crash; truncated files are refused.
    void damagedFilesNeverCrash() {
        QFile f(QString::fromStdString(m_file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray good = f.readAll();
        const QString path = m_dir.filePath(QStringLiteral("damaged.vigil"));
        auto write = [&](const QByteArray &bytes) {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(bytes);
        };
        int refused = 0, opened = 0;
        for (qsizetype cut = 1; cut < good.size(); cut += std::max<qsizetype>(1, good.size() / 97)) {
            write(good.left(cut));
            std::string err;
            auto s = SnapshotFile::open(path.toStdString(), &err);
            QVERIFY2(!s, qPrintable(QStringLiteral("truncated at %1 opened").arg(cut)));
            QVERIFY(!err.empty());
            ++refused;
        }
        std::mt19937 rng(7);
        for (int round = 0; round < 300; ++round) {
            QByteArray bad = good;
            const int flips = 1 + int(rng() % 8);
            for (int k = 0; k < flips; ++k)
                bad[qsizetype(rng() % quint32(bad.size()))] = char(rng() & 0xff);
            write(bad);
            std::string err;
            auto s = SnapshotFile::open(path.toStdString(), &err);
            if (s) {
                ++opened;
                // Whatever opened can be replayed across its window.
                for (TimeMs t = s->info().from; t <= s->info().to; t += 3 * kMin)
                    (void)s->stateAt(t);
                SnapshotSource source(s);
                (void)source.buildAt(s->info().from + 3 * kMin);
            } else {
                QVERIFY(!err.empty());
                ++refused;
            }
        }
        qInfo("damaged files: %d refused with a message, %d opened (damage in unused bytes or values)",
              refused, opened);
    }
};

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
