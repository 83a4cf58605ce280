#include "store/sqlitestmt.h"
#include "store/store.h"

#include <sqlite3.h>

#include "service/fleetservice.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <csignal>

#include <sys/resource.h>
#include <unistd.h>

using namespace vigil;

namespace {
Host host(const std::string &name, UpState up, std::vector<double> metrics) {
    Host h;
    h.name = name;
    h.labels = LabelSet({{"instance", name}, {"region", "eu1"}});
    h.up = up;
    h.metrics = std::move(metrics);
    h.sources = {"prod/prometheus"};
    return h;
}

std::vector<MetricQuery> metrics() {
    return {{"cpu", "CPU", MetricUnit::Ratio, "q1"}, {"memory", "Memory", MetricUnit::Ratio, "q2"}};
}
} // namespace

class TestStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The label and list columns as the cache and snapshot files keep them; a damaged cell is no
    // labels, never an exception; a name given twice keeps its last value; escapes are read.
    void labelAndListColumns() {
        using sqlite::labelsFromJson;
        using sqlite::stringsFromJson;
        const LabelSet l = labelsFromJson(
            "{\"job\":\"node\",\"instance\":\"a:9100\",\"n\":3,\"x\":null,\"q\":\"say \\\"hi\\\"\\u00e9\"}");
        QCOMPARE(l.labels().size(), std::size_t(3));
        QCOMPARE(std::string(l.value("instance")), std::string("a:9100"));
        QCOMPARE(std::string(l.value("q")), std::string("say \"hi\"\xc3\xa9"));
        QVERIFY(!l.has("n") && !l.has("x"));
        QCOMPARE(std::string(labelsFromJson("{\"a\":\"1\",\"a\":\"2\"}").value("a")), std::string("2"));
        for (const char *bad : {"", "{", "[\"a\"]", "\"a\"", "{\"a\":\"\xff\"}", "null"})
            QVERIFY2(labelsFromJson(bad).empty(), bad);
        QCOMPARE(labelsFromJson(sqlite::labelsToJson(l).dump()), l);
        QCOMPARE(stringsFromJson("[\"a\", 1, \"b\", null]"), (std::vector<std::string>{"a", "b"}));
        QVERIFY(stringsFromJson("{}").empty() && stringsFromJson("[").empty());
    }

    void roundTrip() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("c.sqlite")).toStdString();
        const TimeMs t = 1795481722044;
        {
            std::string err;
            auto store = Store::open(path, &err);
            QVERIFY2(store, err.c_str());
            auto b = std::make_shared<StoreBatch>();
            b->time = t;
            b->metrics = metrics();
            b->hostsChanged = {host("a:9100", UpState::Up, {0.5, 0.25}),
                               host("b:9100", UpState::Down, {NAN, NAN})};
            b->hostSamples = b->hostsChanged;
            b->factsAppeared = {{"a:9100", "uname.release", "6.1.0"}};
            Alert al;
            al.fingerprint = "f1";
            al.labels = LabelSet({{"alertname", "HostDown"}, {"instance", "b:9100"}});
            al.seenBy = {"prod/alertmanager#0"};
            al.inhibitedBy = {"f0"};
            b->alertsChanged = {al};
            b->silencesReplaced = true;
            b->silences = {Silence{"s1",
                                   {{"instance", "b:9100", false, true}},
                                   t,
                                   t + 3600000,
                                   t,
                                   "me",
                                   "maint",
                                   "active",
                                   {"prod/alertmanager#0"}}};
            SourceHealth h;
            h.id = "prod/prometheus";
            h.name = "prod";
            h.url = "http://p";
            h.lastAttempt = h.lastSuccess = t;
            h.lastBytes = 1234;
            h.version = "2.42.0";
            b->polled = {h};
            store->write(b);
            // A later process whose first poll failed knows neither the version nor a success: the
            // cache keeps both, and records the failure.
            auto failed = std::make_shared<StoreBatch>();
            failed->time = t + 1000;
            SourceHealth down = h;
            down.lastAttempt = t + 1000;
            down.lastSuccess = 0;
            down.version.clear();
            down.lastError = "connection refused";
            failed->polled = {down};
            store->write(failed);
            store->flush();
            QVERIFY(store->lastWriteError().empty());
            QCOMPARE(store->count("poll_log"), 2);
            QCOMPARE(store->count("alert_events"), 1);
        }
        // Reopen: everything is there as the app would open on it.
        std::string err;
        auto store = Store::open(path, &err);
        QVERIFY(store);
        auto cache = store->loadCache(&err);
        QVERIFY2(cache.has_value(), err.c_str());
        QCOMPARE(cache->hosts.size(), std::size_t(2));
        QCOMPARE(cache->hosts[0].name, std::string("a:9100"));
        QCOMPARE(cache->hosts[0].metrics.size(), std::size_t(2));
        QCOMPARE(cache->hosts[0].metrics[0], 0.5);
        QVERIFY(std::isnan(cache->hosts[1].metrics[0]));
        QCOMPARE(cache->hosts[1].up, UpState::Down);
        QCOMPARE(std::string(cache->hosts[0].labels.value("region")), std::string("eu1"));
        QCOMPARE(cache->facts.size(), std::size_t(1));
        QCOMPARE(cache->alerts.size(), std::size_t(1));
        QCOMPARE(cache->alerts[0].inhibitedBy, std::vector<std::string>{"f0"});
        QCOMPARE(cache->silences.size(), std::size_t(1));
        QCOMPARE(cache->silences[0].matchers[0].value, std::string("b:9100"));
        QCOMPARE(cache->sources.size(), std::size_t(1));
        QCOMPARE(cache->sources[0].lastBytes, std::uint64_t(1234));
        QCOMPARE(cache->sources[0].version, std::string("2.42.0"));
        QCOMPARE(cache->sources[0].lastSuccess, t);
        QCOMPARE(cache->sources[0].lastError, std::string("connection refused"));
        QCOMPARE(cache->metrics.size(), std::size_t(2));
    }

    void alertLifecycleAndFacts() {
        QTemporaryDir dir;
        std::string err;
        auto store = Store::open(dir.filePath(QStringLiteral("c.sqlite")).toStdString(), &err);
        QVERIFY(store);
        const TimeMs t = 1795481722044;
        auto b1 = std::make_shared<StoreBatch>();
        b1->time = t;
        b1->hostsChanged = {host("a:9100", UpState::Up, {})};
        b1->factsAppeared = {{"a:9100", "uname.release", "6.1.0-18"}};
        Alert a;
        a.fingerprint = "f1";
        a.labels = LabelSet(std::vector<Label>{{"alertname", "X"}});
        b1->alertsChanged = {a};
        store->write(b1);
        auto b2 = std::make_shared<StoreBatch>();
        b2->time = t + 60000;
        b2->factsEnded = {{"a:9100", "uname.release", "6.1.0-18"}};
        b2->factsAppeared = {{"a:9100", "uname.release", "6.1.0-26"}};
        b2->alertsResolved = {"f1"};
        store->write(b2);
        store->flush();
        auto events = store->alertEvents("f1");
        QCOMPARE(events.size(), std::size_t(2));
        QCOMPARE(events[0].state, std::string("active"));
        QCOMPARE(events[1].state, std::string("resolved"));
        QCOMPARE(events[1].time, t + 60000);
        auto cache = store->loadCache(&err);
        QVERIFY(cache->alerts.empty());
        QCOMPARE(cache->facts.size(), std::size_t(1));
        QCOMPARE(cache->facts[0].value, std::string("6.1.0-26"));
        QCOMPARE(store->count("facts"), 2); // history kept: first/last seen per value
    }

    void retentionDownsamples() {
        QTemporaryDir dir;
        std::string err;
        auto store = Store::open(dir.filePath(QStringLiteral("c.sqlite")).toStdString(), &err);
        QVERIFY(store);
        const TimeMs day = 86'400'000;
        const TimeMs t0 = 1795000000000 / 300000 * 300000; // on a 5-minute boundary
        // Five raw minutes two days ago (values 0.1..0.5), one minute now.
        for (int i = 0; i < 5; ++i) {
            auto b = std::make_shared<StoreBatch>();
            b->time = t0 + i * 60000;
            b->metrics = metrics();
            b->hostsChanged =
                i == 0 ? std::vector<Host>{host("a:9100", UpState::Up, {})} : std::vector<Host>{};
            b->hostSamples = {host("a:9100", UpState::Up, {0.1 * (i + 1), 0.5})};
            store->write(b);
        }
        auto now = std::make_shared<StoreBatch>();
        now->time = t0 + 2 * day;
        now->metrics = metrics();
        now->hostSamples = {host("a:9100", UpState::Up, {0.9, 0.5})};
        store->write(now);
        store->flush();
        QCOMPARE(store->count("samples"), 12);
        store->applyRetention(t0 + 2 * day, 7 * day);
        store->flush();
        QVERIFY(store->lastWriteError().empty());
        QCOMPARE(store->count("samples"), 2);    // only today's minute, for both metrics
        QCOMPARE(store->count("samples_5m"), 2); // one 5-minute bucket per metric
        auto series = store->hostSeries("a:9100", "cpu", t0 - day, t0 + 3 * day);
        QCOMPARE(series.size(), std::size_t(2));
        QVERIFY(std::abs(series[0].value - 0.3) < 1e-6); // average of 0.1..0.5
        QCOMPARE(series[0].time, t0);
        QVERIFY(std::abs(series[1].value - 0.9) < 1e-6);
        // Past the retention everything goes.
        store->applyRetention(t0 + 30 * day, 7 * day);
        store->flush();
        QCOMPARE(store->count("samples_5m"), 0);
    }

    void migratesFromVersion1() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("old.sqlite")).toStdString();
        {
            // A cache as schema 1 left it: samples but no samples_5m.
            sqlite3 *db = nullptr;
            sqlite3_open(path.c_str(), &db);
            sqlite3_exec(
                db,
                "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                "CREATE TABLE sources(id TEXT PRIMARY KEY, name TEXT NOT NULL, kind INTEGER NOT NULL, url "
                "TEXT NOT NULL, interval_ms INTEGER NOT NULL, last_attempt INTEGER, last_success INTEGER, "
                "latency_ms REAL, bytes INTEGER, last_error TEXT, version TEXT);"
                "CREATE TABLE hosts(slot INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, labels TEXT NOT "
                "NULL, up INTEGER NOT NULL, sources TEXT NOT NULL, first_seen INTEGER NOT NULL, changed_at "
                "INTEGER NOT NULL, gone_at INTEGER);"
                "CREATE TABLE metrics(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, title TEXT NOT NULL, "
                "unit TEXT NOT NULL, query TEXT NOT NULL);"
                "CREATE TABLE samples(metric_id INTEGER NOT NULL, minute INTEGER NOT NULL, vals BLOB NOT "
                "NULL, PRIMARY KEY(metric_id, minute)) WITHOUT ROWID;"
                "CREATE TABLE alerts(fingerprint TEXT PRIMARY KEY, labels TEXT NOT NULL, annotations TEXT "
                "NOT NULL, state TEXT NOT NULL, starts_at INTEGER, ends_at INTEGER, updated_at INTEGER, "
                "generator_url TEXT, silenced_by TEXT NOT NULL, inhibited_by TEXT NOT NULL, seen_by TEXT NOT "
                "NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, resolved_at INTEGER);"
                "CREATE TABLE alert_events(fingerprint TEXT NOT NULL, ts INTEGER NOT NULL, state TEXT NOT "
                "NULL);"
                "CREATE TABLE silences(id TEXT PRIMARY KEY, matchers TEXT NOT NULL, starts_at INTEGER, "
                "ends_at INTEGER, updated_at INTEGER, created_by TEXT, comment TEXT, state TEXT, seen_by "
                "TEXT NOT NULL);"
                "CREATE TABLE facts(host_slot INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, "
                "first_seen INTEGER NOT NULL, last_seen INTEGER, PRIMARY KEY(host_slot, name, value, "
                "first_seen)) WITHOUT ROWID;"
                "CREATE TABLE poll_log(id INTEGER PRIMARY KEY, source_id TEXT NOT NULL, ts INTEGER NOT NULL, "
                "latency_ms REAL, bytes INTEGER, error TEXT);"
                "INSERT INTO hosts VALUES(1,'kept:9100','{}',1,'[]',1,1,NULL);"
                "PRAGMA user_version=1;",
                nullptr, nullptr, nullptr);
            sqlite3_close(db);
        }
        std::string err;
        auto store = Store::open(path, &err);
        QVERIFY2(store, err.c_str());
        QCOMPARE(store->schemaVersion(), Store::kSchemaVersion);
        QCOMPARE(store->count("samples_5m"), 0);
        auto cache = store->loadCache(&err);
        QCOMPARE(cache->hosts.size(), std::size_t(1)); // nothing lost
        QCOMPARE(store->count("incident_notes"), 0);   // schema 3 reached
        QCOMPARE(store->count("acks"), 0);
    }

    void notesAndAcknowledgements() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("n.sqlite")).toStdString();
        std::string err;
        {
            auto store = Store::open(path, &err);
            QVERIFY2(store, err.c_str());
            auto b = std::make_shared<StoreBatch>();
            b->time = 1000;
            b->notesAdded = {{"group:eu1 / eu1-a / r07", "ana", "switch vendor called", 2000},
                             {"group:eu1 / eu1-a / r07", "bo", "replacement ETA 30 min", 3000}};
            b->acksSet = {{"group:eu1 / eu1-a / r07", "prod", "sil-1", "ana", 2000, 1802000},
                          {"host:db-1", "prod", "sil-2", "bo", 2500, 1802500}};
            store->write(b);
            auto c = std::make_shared<StoreBatch>();
            c->time = 4000;
            c->acksSet = {{"group:eu1 / eu1-a / r07", "prod", "sil-3", "ana", 2000, 3602000}}; // extended
            c->acksCleared = {"host:db-1"};
            store->write(c);
            store->flush();
        }
        auto store = Store::open(path, &err);
        auto cache = store->loadCache(&err);
        QVERIFY2(cache, err.c_str());
        QCOMPARE(cache->notes.size(), std::size_t(2));
        QCOMPARE(cache->notes[1].text, std::string("replacement ETA 30 min"));
        QCOMPARE(cache->notes[1].author, std::string("bo"));
        QCOMPARE(cache->notes[1].time, TimeMs(3000));
        QCOMPARE(cache->acks.size(), std::size_t(1));
        QCOMPARE(cache->acks[0].silenceId, std::string("sil-3"));
        QCOMPARE(cache->acks[0].endsAt, TimeMs(3602000));
        QCOMPARE(cache->acks[0].since, TimeMs(2000));
    }

    // Topology positions survive a restart; writing a map replaces it as a whole.
    void layoutPositions() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("l.sqlite")).toStdString();
        std::string err;
        {
            auto store = Store::open(path, &err);
            QVERIFY2(store, err.c_str());
            store->writeLayout("services", {{"api", {1.5, -2}}, {"db", {3, 4}}, {"gone", {0, 0}}});
            store->writeLayout("services", {{"api", {1.5, -2}}, {"db", {3.25, 4}}});
            store->writeLayout("other", {{"x", {9, 9}}});
            store->flush();
        }
        auto store = Store::open(path, &err);
        const auto l = store->readLayout("services");
        QCOMPARE(l.size(), std::size_t(2));
        QCOMPARE(l[1].first, std::string("db"));
        QCOMPARE(l[1].second, (std::pair<double, double>{3.25, 4}));
        QCOMPARE(store->readLayout("nothing").size(), std::size_t(0));
    }

    void refusesNewerSchema() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("new.sqlite")).toStdString();
        sqlite3 *db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db, "PRAGMA user_version=99;", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        std::string err;
        QVERIFY(!Store::open(path, &err));
        QVERIFY2(err.find("newer Vigil") != std::string::npos, err.c_str());
    }

    void refusesGarbage() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("junk.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        std::string err;
        QVERIFY(!Store::open(path.toStdString(), &err));
        QVERIFY2(err.find("not a database") != std::string::npos || err.find("corrupt") != std::string::npos,
                 err.c_str());
        QCOMPARE(QFile(path).size(), 8192); // untouched
    }

    // One writer per cache file: a second Store on the same file (another window, `vigil drift`, a
    // screenshot) reads it and never writes; when the writer goes, the next open writes again.
    void secondInstanceOnlyReads() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("c.sqlite")).toStdString();
        std::string err;
        auto writer = Store::open(path, &err);
        QVERIFY2(writer && !writer->readOnly(), err.c_str());
        auto reader = Store::open(path, &err);
        QVERIFY2(reader, err.c_str());
        QVERIFY(reader->readOnly());
        QVERIFY2(reader->readOnlyReason().find(std::to_string(::getpid())) != std::string::npos,
                 reader->readOnlyReason().c_str());
        auto b = std::make_shared<StoreBatch>();
        b->time = 1795481722044;
        b->metrics = metrics();
        b->hostsChanged = {host("a:9100", UpState::Up, {0.5, 0.25})};
        reader->write(b); // dropped: not the writer
        reader->flush();
        QCOMPARE(reader->count("hosts"), std::int64_t(0));
        writer->write(b);
        writer->flush();
        QCOMPARE(reader->count("hosts"), std::int64_t(1)); // reads what the writer wrote
        reader.reset();
        writer.reset();
        auto next = Store::open(path, &err);
        QVERIFY2(next && !next->readOnly(), err.c_str());
        auto ro = Store::openReadOnly(path, &err);
        QVERIFY2(ro && ro->readOnly(), err.c_str());
    }

    // What went wrong decides what may be done with the file: only a non-database or a corrupt one may
    // be moved aside; the service moves it with its WAL and SHM and leaves every other problem alone.
    void problemsAreClassified() {
        QTemporaryDir dir;
        const std::string junk = dir.filePath(QStringLiteral("junk.sqlite")).toStdString();
        QFile f(QString::fromStdString(junk));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        std::string err;
        StoreProblem problem = StoreProblem::None;
        QVERIFY(!Store::open(junk, &err, &problem));
        QCOMPARE(int(problem), int(StoreProblem::NotADatabase));
        const std::string newer = dir.filePath(QStringLiteral("new.sqlite")).toStdString();
        sqlite3 *db = nullptr;
        sqlite3_open(newer.c_str(), &db);
        sqlite3_exec(db, "PRAGMA user_version=99;", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        QVERIFY(!Store::open(newer, &err, &problem));
        QCOMPARE(int(problem), int(StoreProblem::NewerSchema));
    }

    void serviceMovesAsideOnlyWhatIsBroken_data() {
        QTest::addColumn<bool>("garbage");
        QTest::newRow("not a database: moved aside with its WAL and SHM") << true;
        QTest::newRow("newer schema: left untouched") << false;
    }
    void serviceMovesAsideOnlyWhatIsBroken() {
#if defined(__SANITIZE_THREAD__)
        QSKIP("FleetService hands work over through Qt's event queue, whose locks TSan cannot see in "
              "Debian's uninstrumented Qt (checked under ASan instead)");
#endif
        QFETCH(bool, garbage);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        if (garbage) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'x'));
            for (const char *suffix : {"-wal", "-shm"}) {
                QFile side(path + QLatin1String(suffix));
                QVERIFY(side.open(QIODevice::WriteOnly));
                side.write("side file");
            }
        } else {
            sqlite3 *db = nullptr;
            sqlite3_open(path.toUtf8().constData(), &db);
            sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(1); PRAGMA user_version=99;", nullptr,
                         nullptr, nullptr);
            sqlite3_close(db);
        }
        QFile original(path);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray before = original.readAll();
        original.close();
        Config c;
        c.cachePath = path.toStdString();
        FleetService service(c);
        QSignalSpy messages(&service, &FleetService::storeMessage);
        service.start();
        QTRY_VERIFY_WITH_TIMEOUT(messages.count() >= 1, 10000);
        const QString said = messages.first().first().toString();
        service.stop();
        const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("cache.sqlite.unreadable-*")});
        if (garbage) {
            QVERIFY2(said.contains(QStringLiteral("moved to")), qPrintable(said));
            QVERIFY2(
                aside.size() == 3,
                qPrintable(QDir(dir.path())
                               .entryList(QDir::Files)
                               .join(QLatin1Char(' ')))); // the file, its -wal and its -shm, none deleted
            for (const auto &name : aside)
                if (name.endsWith(QLatin1String("-wal")) || name.endsWith(QLatin1String("-shm"))) {
                    QFile side(dir.filePath(name));
                    QVERIFY(side.open(QIODevice::ReadOnly));
                    QCOMPARE(side.readAll(), QByteArray("side file"));
                }
            std::string err;
            QVERIFY2(Store::open(path.toStdString(), &err), err.c_str()); // a fresh cache in its place
        } else {
            QVERIFY2(said.contains(QStringLiteral("left as it is")), qPrintable(said));
            QVERIFY(aside.isEmpty());
            QFile after(path);
            QVERIFY(after.open(QIODevice::ReadOnly));
            QCOMPARE(after.readAll(), before);
        }
    }

    // A full disk (here a file-size limit) gives a message and no corruption; the refused work is kept
    // and written when space returns, so nothing is lost.
    void fullDiskKeepsWorkAndResumes() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("c.sqlite")).toStdString();
        std::string err;
        auto store = Store::open(path, &err);
        QVERIFY2(store, err.c_str());
        int hosts = 0;
        auto batch = [&](int n) {
            auto b = std::make_shared<StoreBatch>();
            b->time = 1795481722044 + hosts * 1000;
            b->metrics = metrics();
            for (int i = 0; i < n; ++i, ++hosts) {
                Host h = host("host-" + std::to_string(hosts) + ":9100", UpState::Up, {0.5, 0.25});
                h.labels = LabelSet({{"instance", h.name}, {"rack", std::string(200, 'r')}});
                b->hostsChanged.push_back(h);
            }
            return b;
        };
        store->write(batch(100));
        store->flush();
        QVERIFY(store->lastWriteError().empty());
        std::signal(SIGXFSZ, SIG_IGN); // the write fails with EFBIG instead of killing the process
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        rlimit tight = old;
        tight.rlim_cur = 512 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &tight), 0);
        bool refused = false;
        for (int i = 0; i < 40 && !refused; ++i) {
            store->write(batch(500));
            store->flush();
            refused = !store->lastWriteError().empty();
        }
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &old), 0);
        QVERIFY(refused);
        const std::string said = store->lastWriteError();
        QVERIFY2(said.find("kept for the next write") != std::string::npos, said.c_str());
        store->write(batch(1)); // space is back: the kept work goes in with the next write
        QTRY_VERIFY_WITH_TIMEOUT(store->lastWriteError().empty(), 10000);
        store->flush();
        QCOMPARE(store->count("hosts"), std::int64_t(hosts));
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt *check = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &check, nullptr);
        QCOMPARE(sqlite3_step(check), SQLITE_ROW);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(check, 0))), QByteArray("ok"));
        sqlite3_finalize(check);
        sqlite3_close(db);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
