#include "store.h"

#include "sqlitestmt.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <stdexcept>
#include <tuple>

namespace vigil {

using json = nlohmann::json;
using namespace sqlite;

namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kBucket5mMs = 5 * kMinuteMs;
constexpr std::int64_t kRawKeepMs = 24 * 3600'000LL;

// Forward migrations, index = version reached after applying it.
const char *const kMigrations[] = {
    nullptr,
    // 1: the core cache
    R"sql(
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE sources(id TEXT PRIMARY KEY, name TEXT NOT NULL, kind INTEGER NOT NULL, url TEXT NOT NULL,
        interval_ms INTEGER NOT NULL, last_attempt INTEGER, last_success INTEGER, latency_ms REAL,
        bytes INTEGER, last_error TEXT, version TEXT);
    CREATE TABLE hosts(slot INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, labels TEXT NOT NULL,
        up INTEGER NOT NULL, sources TEXT NOT NULL, first_seen INTEGER NOT NULL, changed_at INTEGER NOT NULL,
        gone_at INTEGER);
    CREATE TABLE metrics(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
        unit TEXT NOT NULL, query TEXT NOT NULL);
    -- One row per metric and minute: float32 values indexed by host slot (NaN = no value).
    CREATE TABLE samples(metric_id INTEGER NOT NULL, minute INTEGER NOT NULL, vals BLOB NOT NULL,
        PRIMARY KEY(metric_id, minute)) WITHOUT ROWID;
    CREATE TABLE alerts(fingerprint TEXT PRIMARY KEY, labels TEXT NOT NULL, annotations TEXT NOT NULL,
        state TEXT NOT NULL, starts_at INTEGER, ends_at INTEGER, updated_at INTEGER, generator_url TEXT,
        silenced_by TEXT NOT NULL, inhibited_by TEXT NOT NULL, seen_by TEXT NOT NULL,
        first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, resolved_at INTEGER);
    CREATE TABLE alert_events(fingerprint TEXT NOT NULL, ts INTEGER NOT NULL, state TEXT NOT NULL);
    CREATE INDEX alert_events_fp ON alert_events(fingerprint, ts);
    CREATE TABLE silences(id TEXT PRIMARY KEY, matchers TEXT NOT NULL, starts_at INTEGER, ends_at INTEGER,
        updated_at INTEGER, created_by TEXT, comment TEXT, state TEXT, seen_by TEXT NOT NULL);
    CREATE TABLE facts(host_slot INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
        first_seen INTEGER NOT NULL, last_seen INTEGER, PRIMARY KEY(host_slot, name, value, first_seen))
        WITHOUT ROWID;
    CREATE TABLE poll_log(id INTEGER PRIMARY KEY, source_id TEXT NOT NULL, ts INTEGER NOT NULL,
        latency_ms REAL, bytes INTEGER, error TEXT);
    )sql",
    // 2: downsampled history and time indexes for snapshots and retention
    R"sql(
    CREATE TABLE samples_5m(metric_id INTEGER NOT NULL, bucket INTEGER NOT NULL, vals BLOB NOT NULL,
        PRIMARY KEY(metric_id, bucket)) WITHOUT ROWID;
    CREATE INDEX poll_log_ts ON poll_log(ts);
    CREATE INDEX alert_events_ts ON alert_events(ts);
    CREATE INDEX alerts_open ON alerts(resolved_at);
    )sql",
    // 3: what operators add to incidents: notes and acknowledgements
    R"sql(
    CREATE TABLE incident_notes(id INTEGER PRIMARY KEY, incident TEXT NOT NULL, author TEXT NOT NULL,
        ts INTEGER NOT NULL, text TEXT NOT NULL);
    CREATE INDEX incident_notes_key ON incident_notes(incident, ts);
    CREATE TABLE acks(incident TEXT PRIMARY KEY, source TEXT NOT NULL, silence_id TEXT NOT NULL,
        author TEXT NOT NULL, since INTEGER NOT NULL, ends_at INTEGER NOT NULL);
    )sql",
    // 4: where the topology maps placed their nodes, so a wall display shows the same map every day
    R"sql(
    CREATE TABLE layout_positions(map TEXT NOT NULL, name TEXT NOT NULL, x REAL NOT NULL, y REAL NOT NULL,
        PRIMARY KEY(map, name)) WITHOUT ROWID;
    )sql",
    // 5: each host's up state and labels over time (up: 0 unknown, 1 up, 2 down, -1 left the inventory),
    // so an incident snapshot can show which hosts were down at any minute
    R"sql(
    CREATE TABLE host_events(slot INTEGER NOT NULL, ts INTEGER NOT NULL, up INTEGER NOT NULL, labels TEXT);
    CREATE INDEX host_events_slot ON host_events(slot, ts);
    CREATE INDEX host_events_ts ON host_events(ts);
    )sql",
    // 6: the labels a join placed an alert by (kube_pod_info's node for a pod's alert), so the cache's
    // alerts and a snapshot's replay sit where the live view put them
    R"sql(
    ALTER TABLE alerts ADD COLUMN placement TEXT;
    )sql",
    // 7: what the joins added and the (service, host) pairs they gave (a workload and the nodes its pods
    // are on), and each Prometheus' alerting rules (their `for:` times Alertmanager's alerts), so a warm
    // start shows the workloads and the incidents as the live view did before the first poll
    R"sql(
    CREATE TABLE joined(label TEXT NOT NULL, value TEXT NOT NULL);
    CREATE TABLE runs_on(service TEXT NOT NULL, host TEXT NOT NULL);
    CREATE TABLE rules(source TEXT NOT NULL, grp TEXT NOT NULL, name TEXT NOT NULL, query TEXT NOT NULL,
        health TEXT NOT NULL, last_error TEXT NOT NULL, for_ms INTEGER NOT NULL);
    CREATE INDEX rules_source ON rules(source);
    )sql",
};
static_assert(std::size(kMigrations) == Store::kSchemaVersion + 1);

} // namespace

Store::Store(std::string path)
    : m_path(std::move(path)) {}

namespace {

StoreProblem classify(int code) {
    switch (code & 0xff) {
    case SQLITE_NOTADB:
        return StoreProblem::NotADatabase;
    case SQLITE_CORRUPT:
        return StoreProblem::Corrupt;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return StoreProblem::Locked;
    case SQLITE_FULL:
        return StoreProblem::Full;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
        return StoreProblem::Io;
    default:
        return StoreProblem::Other;
    }
}

} // namespace

bool Store::takeLock(std::string *holder) {
    // flock on a file beside the cache, not fcntl on the cache itself (SQLite's own locks live there and
    // any close of the file would drop ours). The kernel frees it when the process dies, kill -9 too.
    const std::string lockPath = m_path + ".lock";
    m_lockFd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_lockFd < 0)
        return true; // a read-only folder: SQLite will say what it thinks of it
    if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
        char buf[32] = {};
        const auto n = ::pread(m_lockFd, buf, sizeof buf - 1, 0);
        *holder = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string("?");
        while (!holder->empty() && (holder->back() == '\n' || holder->back() == ' '))
            holder->pop_back();
        ::close(m_lockFd);
        m_lockFd = -1;
        return false;
    }
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(m_lockFd, 0) == 0 && ::pwrite(m_lockFd, pid.data(), pid.size(), 0) < 0) {
        // The lock holds without the PID; the message for a second instance just says "?".
    }
    return true;
}

std::unique_ptr<Store> Store::open(const std::string &path, std::string *error, StoreProblem *problem) {
    return openWith(path, true, error, problem);
}

std::unique_ptr<Store> Store::openReadOnly(const std::string &path, std::string *error,
                                           StoreProblem *problem) {
    return openWith(path, false, error, problem);
}

std::unique_ptr<Store> Store::openWith(const std::string &path, bool wantWriter, std::string *error,
                                       StoreProblem *problem) {
    std::unique_ptr<Store> s(new Store(path));
    auto fail = [&](StoreProblem kind, const std::string &msg) -> std::unique_ptr<Store> {
        if (error)
            *error = "cache " + path + ": " + msg;
        if (problem)
            *problem = kind;
        return nullptr;
    };
    if (problem)
        *problem = StoreProblem::None;
    std::string holder;
    if (wantWriter && !s->takeLock(&holder)) {
        s->m_readOnly = true;
        s->m_readOnlyReason =
            "another Vigil (process " + holder + ") writes this cache; this one only reads it";
    } else if (!wantWriter) {
        s->m_readOnly = true;
        s->m_readOnlyReason = "opened read-only";
    }
    // A file that is not SQLite is refused before SQLite opens it: SQLite would take a WAL beside it as
    // its own and delete it on close, and a WAL may hold the last commits of the real cache.
    if (std::FILE *f = std::fopen(path.c_str(), "rb")) {
        char header[16] = {};
        const std::size_t n = std::fread(header, 1, sizeof header, f);
        std::fclose(f);
        if (n > 0 && (n < sizeof header || std::memcmp(header, "SQLite format 3", 16) != 0))
            return fail(StoreProblem::NotADatabase, "file is not a database");
    }
    const int flags = s->m_readOnly ? SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX
                                    : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
    if (sqlite3_open_v2(path.c_str(), &s->m_db, flags, nullptr) != SQLITE_OK)
        return fail(s->m_db ? classify(sqlite3_extended_errcode(s->m_db)) : StoreProblem::Io,
                    s->m_db ? sqlite3_errmsg(s->m_db) : "cannot open");
    sqlite3_busy_timeout(s->m_db, 5000);
    // Until the file has proven itself, closing this connection must not delete its WAL.
    int persist = 1;
    sqlite3_file_control(s->m_db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
    try {
        // Any read validates the header: a file that is not SQLite fails here.
        int version = 0;
        {
            Stmt v(s->m_db, "PRAGMA user_version");
            v.step();
            version = static_cast<int>(v.i64(0));
        }
        if (version > kSchemaVersion)
            return fail(StoreProblem::NewerSchema, "written by a newer Vigil (schema " +
                                                       std::to_string(version) + ", this build knows " +
                                                       std::to_string(kSchemaVersion) + "); left as it is");
        if (!s->m_readOnly)
            execSql(s->m_db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;");
        {
            Stmt check(s->m_db, "PRAGMA quick_check");
            if (check.step() && check.text(0) != "ok")
                return fail(StoreProblem::Corrupt, "database is corrupt (" + check.text(0) + ")");
        }
        if (s->m_readOnly && version < kSchemaVersion)
            return fail(StoreProblem::Locked,
                        s->m_readOnlyReason + ", and its schema is older than this build's");
        for (int target = version + 1; target <= kSchemaVersion; ++target) {
            execSql(s->m_db, "BEGIN IMMEDIATE");
            try {
                execSql(s->m_db, kMigrations[target]);
                execSql(s->m_db, ("PRAGMA user_version=" + std::to_string(target)).c_str());
                execSql(s->m_db, "COMMIT");
            } catch (...) {
                execSql(s->m_db, "ROLLBACK");
                throw;
            }
        }
        s->reloadIds();
    } catch (const std::exception &e) {
        return fail(classify(sqlite3_extended_errcode(s->m_db)), e.what());
    }
    s->m_opened = true;
    persist = 0;
    sqlite3_file_control(s->m_db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
    if (!s->m_readOnly)
        s->m_writer = std::thread([raw = s.get()] { raw->writerLoop(); });
    return s;
}

Store::~Store() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_writer.joinable())
        m_writer.join();
    if (m_db) {
        // Only a cache that opened: on a file that failed to open, a checkpoint could touch its WAL.
        if (!m_readOnly && m_opened)
            sqlite3_exec(m_db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
        sqlite3_close_v2(m_db);
    }
    if (m_lockFd >= 0)
        ::close(m_lockFd); // releases the flock
}

void Store::write(std::shared_ptr<const StoreBatch> batch) {
    if (!batch || batch->empty() || m_readOnly)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_queue.emplace_back([this, batch = std::move(batch)] { apply(*batch); });
        m_newWork = true;
    }
    m_cv.notify_one();
}

void Store::applyRetention(TimeMs now, std::int64_t retentionMs) {
    if (m_readOnly)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_queue.emplace_back([this, now, retentionMs] { applyRetentionNow(now, retentionMs); });
        m_newWork = true;
    }
    m_cv.notify_one();
}

void Store::flush() {
    std::unique_lock lock(m_mutex);
    // With work kept after a full disk, "everything written" cannot be had: return when the writer
    // rests, lastWriteError() says why.
    m_idleCv.wait(lock, [this] { return !m_busy && (m_queue.empty() || m_keptAfterFailure); });
}

std::string Store::lastWriteError() const {
    std::lock_guard lock(m_mutex);
    return m_lastWriteError;
}

void Store::writerLoop() {
    for (;;) {
        std::deque<std::function<void()>> work;
        {
            std::unique_lock lock(m_mutex);
            // Kept work (after a full disk) waits for new work or a few seconds before the next try.
            if (m_keptAfterFailure)
                m_cv.wait_for(lock, std::chrono::seconds(5), [this] { return m_stop || m_newWork; });
            else
                m_cv.wait(lock, [this] { return m_stop || !m_queue.empty(); });
            m_newWork = false;
            if (m_stop && (m_queue.empty() || m_keptAfterFailure))
                return; // at exit, work the disk refused stays unwritten (said in lastWriteError)
            work.swap(m_queue);
            m_busy = true;
        }
        std::string error;
        bool keep = false;
        int failure = 0;
        try {
            execSql(m_db, "BEGIN IMMEDIATE");
            try {
                for (auto &job : work)
                    job();
                execSql(m_db, "COMMIT");
            } catch (...) {
                failure = sqlite3_extended_errcode(m_db); // before ROLLBACK resets it
                sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
                // The in-memory minute blobs, host slots and metric ids may now be ahead of the file:
                // reload them, or a retried batch would skip hosts it believes are stored.
                m_currentMinute.clear();
                reloadIds();
                throw;
            }
        } catch (const std::exception &e) {
            error = e.what();
            // A full disk or an I/O error passes: the work is kept and tried again with the next batch
            // (bounded, oldest dropped first), so writing resumes with nothing lost when space returns.
            const auto kind = classify(failure ? failure : sqlite3_extended_errcode(m_db));
            keep = kind == StoreProblem::Full || kind == StoreProblem::Io || kind == StoreProblem::Locked;
            if (keep)
                error += " (kept for the next write)";
        }
        {
            std::lock_guard lock(m_mutex);
            m_lastWriteError = error;
            m_busy = false;
            if (keep) {
                constexpr std::size_t kMaxKept = 240; // an hour of polls at 15 s
                while (work.size() > kMaxKept)
                    work.pop_front();
                for (auto it = work.rbegin(); it != work.rend(); ++it)
                    m_queue.push_front(std::move(*it));
            }
            m_keptAfterFailure = keep;
        }
        m_idleCv.notify_all();
    }
}

void Store::reloadIds() {
    m_hostSlots.clear();
    m_metricIds.clear();
    try {
        Stmt hosts(m_db, "SELECT slot, name FROM hosts");
        while (hosts.step())
            m_hostSlots.emplace(hosts.text(1), hosts.i64(0));
        Stmt metrics(m_db, "SELECT id, key FROM metrics");
        while (metrics.step())
            m_metricIds.emplace(metrics.text(1), metrics.i64(0));
        Stmt last(m_db, "SELECT max(ts) FROM alert_events");
        if (last.step())
            m_lastEventTime = std::max(m_lastEventTime, last.i64(0));
    } catch (const std::exception &) {
        // Unreadable now (the disk again): empty caches only cost lookups; the next write reloads.
        m_hostSlots.clear();
        m_metricIds.clear();
    }
}

std::int64_t Store::hostSlot(const std::string &name) {
    if (auto it = m_hostSlots.find(name); it != m_hostSlots.end())
        return it->second;
    return -1;
}

std::int64_t Store::metricId(const MetricQuery &m) {
    if (auto it = m_metricIds.find(m.key); it != m_metricIds.end())
        return it->second;
    Stmt ins(m_db, "INSERT INTO metrics(key, title, unit, query) VALUES(?,?,?,?)");
    ins.bind(1, m.key).bind(2, m.title).bind(3, std::string(metricUnitName(m.unit))).bind(4, m.query).exec();
    const std::int64_t id = sqlite3_last_insert_rowid(m_db);
    m_metricIds.emplace(m.key, id);
    return id;
}

void Store::apply(const StoreBatch &b) {
    const TimeMs eventTime = std::max(b.time, m_lastEventTime);
    m_lastEventTime = eventTime;
    if (!b.notesAdded.empty()) {
        Stmt ins(m_db, "INSERT INTO incident_notes(incident, author, ts, text) VALUES(?,?,?,?)");
        for (const auto &n : b.notesAdded)
            ins.bind(1, n.incident).bind(2, n.author).bind(3, n.time).bind(4, n.text).exec();
    }
    if (!b.acksSet.empty()) {
        Stmt ins(m_db, "INSERT OR REPLACE INTO acks(incident, source, silence_id, author, since, ends_at) "
                       "VALUES(?,?,?,?,?,?)");
        for (const auto &a : b.acksSet)
            ins.bind(1, a.incident)
                .bind(2, a.source)
                .bind(3, a.silenceId)
                .bind(4, a.author)
                .bind(5, a.since)
                .bind(6, a.endsAt)
                .exec();
    }
    if (b.joinsReplaced) {
        execSql(m_db, "DELETE FROM joined; DELETE FROM runs_on;");
        auto put = [&](const char *sql, const auto &list) {
            Stmt ins(m_db, sql);
            if (list)
                for (const auto &[a, c] : *list)
                    ins.bind(1, a).bind(2, c).exec();
        };
        put("INSERT INTO joined(label, value) VALUES(?,?)", b.joined);
        put("INSERT INTO runs_on(service, host) VALUES(?,?)", b.runsOn);
    }
    for (const auto &[source, rules] : b.rulesReplaced) {
        Stmt del(m_db, "DELETE FROM rules WHERE source=?");
        del.bind(1, source).exec();
        Stmt ins(m_db, "INSERT INTO rules(source, grp, name, query, health, last_error, for_ms) "
                       "VALUES(?,?,?,?,?,?,?)");
        for (const auto &r : rules)
            ins.bind(1, source)
                .bind(2, r.group)
                .bind(3, r.name)
                .bind(4, r.query)
                .bind(5, r.health)
                .bind(6, r.lastError)
                .bind(7, r.forMs)
                .exec();
    }
    if (!b.acksCleared.empty()) {
        Stmt del(m_db, "DELETE FROM acks WHERE incident=?");
        for (const auto &k : b.acksCleared)
            del.bind(1, k).exec();
    }
    if (!b.hostsChanged.empty()) {
        Stmt upd(m_db, "UPDATE hosts SET labels=?, up=?, sources=?, changed_at=?, gone_at=NULL WHERE slot=?");
        Stmt ins(m_db,
                 "INSERT INTO hosts(name, labels, up, sources, first_seen, changed_at) VALUES(?,?,?,?,?,?)");
        Stmt ev(m_db, "INSERT INTO host_events(slot, ts, up, labels) VALUES(?,?,?,?)");
        for (const auto &h : b.hostsChanged) {
            const std::string labels = labelsToJson(h.labels).dump();
            const std::string sources = json(h.sources).dump();
            if (auto slot = hostSlot(h.name); slot >= 0) {
                ev.bind(1, slot).bind(2, eventTime).bind(3, std::int64_t(h.up)).bind(4, labels).exec();
                upd.bind(1, labels)
                    .bind(2, std::int64_t(h.up))
                    .bind(3, sources)
                    .bind(4, b.time)
                    .bind(5, slot)
                    .exec();
            } else {
                ins.bind(1, h.name)
                    .bind(2, labels)
                    .bind(3, std::int64_t(h.up))
                    .bind(4, sources)
                    .bind(5, b.time)
                    .bind(6, b.time)
                    .exec();
                const std::int64_t added = sqlite3_last_insert_rowid(m_db);
                m_hostSlots.emplace(h.name, added);
                ev.bind(1, added).bind(2, eventTime).bind(3, std::int64_t(h.up)).bind(4, labels).exec();
            }
        }
    }
    if (!b.hostsGone.empty()) {
        Stmt gone(m_db, "UPDATE hosts SET gone_at=? WHERE slot=?");
        Stmt ev(m_db, "INSERT INTO host_events(slot, ts, up, labels) VALUES(?,?,-1,NULL)");
        for (const auto &name : b.hostsGone)
            if (auto slot = hostSlot(name); slot >= 0) {
                gone.bind(1, b.time).bind(2, slot).exec();
                ev.bind(1, slot).bind(2, eventTime).exec();
            }
    }
    if (!b.hostSamples.empty() && !b.metrics.empty()) {
        const std::int64_t minute = b.time / kMinuteMs;
        Stmt read(m_db, "SELECT vals FROM samples WHERE metric_id=? AND minute=?");
        Stmt put(m_db, "INSERT OR REPLACE INTO samples(metric_id, minute, vals) VALUES(?,?,?)");
        for (std::size_t mi = 0; mi < b.metrics.size(); ++mi) {
            const std::int64_t id = metricId(b.metrics[mi]);
            auto &blob = m_currentMinute[id];
            if (blob.minute != minute) {
                blob.minute = minute;
                read.bind(1, id).bind(2, minute);
                blob.values = read.step() ? read.floats(0) : std::vector<float>();
                read.reset();
            }
            for (const auto &h : b.hostSamples) {
                const std::int64_t slot = hostSlot(h.name);
                if (slot < 0 || mi >= h.metrics.size())
                    continue;
                const auto idx = static_cast<std::size_t>(slot - 1);
                if (blob.values.size() <= idx)
                    blob.values.resize(idx + 1, std::numeric_limits<float>::quiet_NaN());
                blob.values[idx] = static_cast<float>(h.metrics[mi]);
            }
            put.bind(1, id)
                .bind(2, minute)
                .bindBlob(3, blob.values.data(), blob.values.size() * sizeof(float))
                .exec();
        }
    }
    if (!b.factsEnded.empty()) {
        Stmt end(
            m_db,
            "UPDATE facts SET last_seen=? WHERE host_slot=? AND name=? AND value=? AND last_seen IS NULL");
        for (const auto &f : b.factsEnded)
            if (auto slot = hostSlot(f.host); slot >= 0)
                end.bind(1, b.time).bind(2, slot).bind(3, f.name).bind(4, f.value).exec();
    }
    if (!b.factsAppeared.empty()) {
        Stmt ins(m_db, "INSERT OR IGNORE INTO facts(host_slot, name, value, first_seen) VALUES(?,?,?,?)");
        for (const auto &f : b.factsAppeared)
            if (auto slot = hostSlot(f.host); slot >= 0)
                ins.bind(1, slot).bind(2, f.name).bind(3, f.value).bind(4, b.time).exec();
    }
    if (!b.alertsChanged.empty()) {
        Stmt up(
            m_db,
            R"sql(INSERT INTO alerts(fingerprint, labels, annotations, state, starts_at, ends_at, updated_at,
                generator_url, silenced_by, inhibited_by, seen_by, first_seen, last_seen, resolved_at, placement)
            VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?12,NULL,?13)
            ON CONFLICT(fingerprint) DO UPDATE SET labels=?2, annotations=?3, state=?4, starts_at=?5, ends_at=?6,
                updated_at=?7, generator_url=?8, silenced_by=?9, inhibited_by=?10, seen_by=?11, last_seen=?12,
                resolved_at=NULL, placement=?13)sql");
        Stmt ev(m_db, "INSERT INTO alert_events(fingerprint, ts, state) VALUES(?,?,?)");
        for (const auto &a : b.alertsChanged) {
            up.bind(1, a.fingerprint)
                .bind(2, labelsToJson(a.labels).dump())
                .bind(3, labelsToJson(a.annotations).dump())
                .bind(4, std::string(alertStateName(a.state)))
                .bind(5, a.startsAt)
                .bind(6, a.endsAt)
                .bind(7, a.updatedAt)
                .bind(8, a.generatorUrl)
                .bind(9, json(a.silencedBy).dump())
                .bind(10, json(a.inhibitedBy).dump())
                .bind(11, json(a.seenBy).dump())
                .bind(12, eventTime);
            if (a.placement.empty())
                up.bindNull(13);
            else
                up.bind(13, labelsToJson(a.placement).dump());
            up.exec();
            ev.bind(1, a.fingerprint).bind(2, eventTime).bind(3, std::string(alertStateName(a.state))).exec();
        }
    }
    if (!b.alertsResolved.empty()) {
        Stmt res(m_db,
                 "UPDATE alerts SET resolved_at=?1, last_seen=?1, state='resolved' WHERE fingerprint=?2");
        Stmt ev(m_db, "INSERT INTO alert_events(fingerprint, ts, state) VALUES(?,?,'resolved')");
        for (const auto &fp : b.alertsResolved) {
            res.bind(1, eventTime).bind(2, fp).exec();
            ev.bind(1, fp).bind(2, eventTime).exec();
        }
    }
    if (b.silencesReplaced) {
        execSql(m_db, "DELETE FROM silences");
        Stmt ins(m_db, R"sql(INSERT OR REPLACE INTO silences(id, matchers, starts_at, ends_at, updated_at,
            created_by, comment, state, seen_by) VALUES(?,?,?,?,?,?,?,?,?))sql");
        for (const auto &s : b.silences) {
            json m = json::array();
            for (const auto &x : s.matchers)
                m.push_back(
                    {{"name", x.name}, {"value", x.value}, {"isRegex", x.isRegex}, {"isEqual", x.isEqual}});
            ins.bind(1, s.id)
                .bind(2, m.dump())
                .bind(3, s.startsAt)
                .bind(4, s.endsAt)
                .bind(5, s.updatedAt)
                .bind(6, s.createdBy)
                .bind(7, s.comment)
                .bind(8, s.state)
                .bind(9, json(s.seenBy).dump())
                .exec();
        }
    }
    if (!b.polled.empty()) {
        // A process that has not reached a source yet (a restart while it is down, `vigil snapshot
        // export` beside a dead server) keeps what the cache knew: its last success and its version.
        Stmt src(m_db, R"sql(INSERT INTO sources(id, name, kind, url, interval_ms, last_attempt,
            last_success, latency_ms, bytes, last_error, version) VALUES(?,?,?,?,?,?,?,?,?,?,?)
            ON CONFLICT(id) DO UPDATE SET name=excluded.name, kind=excluded.kind, url=excluded.url,
                interval_ms=excluded.interval_ms, last_attempt=excluded.last_attempt,
                last_success=MAX(COALESCE(sources.last_success, 0), COALESCE(excluded.last_success, 0)),
                latency_ms=excluded.latency_ms, bytes=excluded.bytes, last_error=excluded.last_error,
                version=COALESCE(NULLIF(excluded.version, ''), sources.version))sql");
        Stmt log(m_db, "INSERT INTO poll_log(source_id, ts, latency_ms, bytes, error) VALUES(?,?,?,?,?)");
        for (const auto &s : b.polled) {
            src.bind(1, s.id)
                .bind(2, s.name)
                .bind(3, std::int64_t(s.kind))
                .bind(4, s.url)
                .bind(5, s.intervalMs)
                .bind(6, s.lastAttempt)
                .bind(7, s.lastSuccess)
                .bind(8, s.lastLatencyMs)
                .bind(9, std::int64_t(s.lastBytes))
                .bind(10, s.lastError)
                .bind(11, s.version)
                .exec();
            log.bind(1, s.id)
                .bind(2, s.lastAttempt)
                .bind(3, s.lastLatencyMs)
                .bind(4, std::int64_t(s.lastBytes));
            if (s.lastError.empty())
                log.bindNull(5);
            else
                log.bind(5, s.lastError);
            log.exec();
        }
    }
}

void Store::applyRetentionNow(TimeMs now, std::int64_t retentionMs) {
    // Fold raw minutes older than 24 h into 5-minute averages, then drop them.
    const std::int64_t rawCutoff = (now - kRawKeepMs) / kMinuteMs;
    Stmt old(m_db, "SELECT metric_id, minute, vals FROM samples WHERE minute < ? ORDER BY metric_id, minute");
    old.bind(1, rawCutoff);
    struct Acc {
        std::vector<double> sum;
        std::vector<int> n;
    };
    std::map<std::pair<std::int64_t, std::int64_t>, Acc> buckets;
    while (old.step()) {
        const auto key = std::make_pair(old.i64(0), old.i64(1) * kMinuteMs / kBucket5mMs);
        auto vals = old.floats(2);
        auto &acc = buckets[key];
        if (acc.sum.size() < vals.size()) {
            acc.sum.resize(vals.size(), 0);
            acc.n.resize(vals.size(), 0);
        }
        for (std::size_t i = 0; i < vals.size(); ++i)
            if (!std::isnan(vals[i])) {
                acc.sum[i] += vals[i];
                ++acc.n[i];
            }
    }
    old.reset();
    Stmt put(m_db, "INSERT OR REPLACE INTO samples_5m(metric_id, bucket, vals) VALUES(?,?,?)");
    for (const auto &[key, acc] : buckets) {
        std::vector<float> avg(acc.sum.size());
        for (std::size_t i = 0; i < avg.size(); ++i)
            avg[i] = acc.n[i] ? static_cast<float>(acc.sum[i] / acc.n[i])
                              : std::numeric_limits<float>::quiet_NaN();
        put.bind(1, key.first).bind(2, key.second).bindBlob(3, avg.data(), avg.size() * sizeof(float)).exec();
    }
    Stmt delRaw(m_db, "DELETE FROM samples WHERE minute < ?");
    delRaw.bind(1, rawCutoff).exec();
    const std::int64_t cutoff = now - retentionMs;
    Stmt del5(m_db, "DELETE FROM samples_5m WHERE bucket < ?");
    del5.bind(1, cutoff / kBucket5mMs).exec();
    Stmt delLog(m_db, "DELETE FROM poll_log WHERE ts < ?");
    delLog.bind(1, cutoff).exec();
    Stmt delEv(m_db, "DELETE FROM alert_events WHERE ts < ?");
    delEv.bind(1, cutoff).exec();
    // A host's last state stays however old it is: it is still its state.
    Stmt delHostEv(m_db, "DELETE FROM host_events WHERE ts < ?1 AND rowid NOT IN "
                         "(SELECT MAX(rowid) FROM host_events GROUP BY slot)");
    delHostEv.bind(1, cutoff).exec();
    Stmt delAlerts(m_db, "DELETE FROM alerts WHERE resolved_at IS NOT NULL AND resolved_at < ?");
    delAlerts.bind(1, cutoff).exec();
    Stmt delFacts(m_db, "DELETE FROM facts WHERE last_seen IS NOT NULL AND last_seen < ?");
    delFacts.bind(1, cutoff).exec();
}

sqlite3 *Store::openReader(std::string *error) const {
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(m_path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) !=
        SQLITE_OK) {
        if (error)
            *error = db ? sqlite3_errmsg(db) : "cannot open cache for reading";
        sqlite3_close_v2(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 5000);
    return db;
}

namespace {} // namespace

std::optional<CachedState> Store::loadCache(std::string *error) const {
    DbPtr db(openReader(error));
    if (!db)
        return std::nullopt;
    CachedState st;
    try {
        Stmt src(db.get(),
                 "SELECT id, name, kind, url, interval_ms, last_attempt, last_success, latency_ms, bytes, "
                 "last_error, version FROM sources ORDER BY id");
        while (src.step()) {
            SourceHealth s;
            s.id = src.text(0);
            s.name = src.text(1);
            s.kind = static_cast<SourceKind>(src.i64(2));
            s.url = src.text(3);
            s.intervalMs = src.i64(4);
            s.lastAttempt = src.i64(5);
            s.lastSuccess = src.i64(6);
            s.lastLatencyMs = src.dbl(7);
            s.lastBytes = static_cast<std::uint64_t>(src.i64(8));
            s.lastError = src.text(9);
            s.version = src.text(10);
            st.sources.push_back(std::move(s));
        }
        std::vector<std::int64_t> metricIds;
        Stmt met(db.get(), "SELECT id, key, title, unit, query FROM metrics ORDER BY id");
        while (met.step()) {
            bool ok = false;
            metricIds.push_back(met.i64(0));
            st.metrics.push_back(
                {met.text(1), met.text(2), metricUnitFromString(met.text(3), &ok), met.text(4)});
        }
        std::vector<std::vector<float>> latest;
        Stmt last(db.get(), "SELECT vals FROM samples WHERE metric_id=? ORDER BY minute DESC LIMIT 1");
        for (auto id : metricIds) {
            last.bind(1, id);
            latest.push_back(last.step() ? last.floats(0) : std::vector<float>());
            last.reset();
        }
        std::unordered_map<std::int64_t, std::string> slotNames;
        Stmt hosts(db.get(), "SELECT slot, name, labels, up, sources, changed_at FROM hosts WHERE gone_at IS "
                             "NULL ORDER BY name");
        while (hosts.step()) {
            Host h;
            const auto slot = hosts.i64(0);
            h.name = hosts.text(1);
            h.labels = labelsFromJson(hosts.text(2));
            h.up = static_cast<UpState>(hosts.i64(3));
            h.sources = stringsFromJson(hosts.text(4));
            h.lastSeen = hosts.i64(5);
            for (const auto &blob : latest) {
                const auto idx = static_cast<std::size_t>(slot - 1);
                h.metrics.push_back(idx < blob.size() ? blob[idx] : std::numeric_limits<double>::quiet_NaN());
            }
            slotNames.emplace(slot, h.name);
            st.hosts.push_back(std::move(h));
        }
        Stmt facts(db.get(), "SELECT host_slot, name, value FROM facts WHERE last_seen IS NULL");
        while (facts.step())
            if (auto it = slotNames.find(facts.i64(0)); it != slotNames.end())
                st.facts.push_back({it->second, facts.text(1), facts.text(2)});
        std::sort(st.facts.begin(), st.facts.end(), [](const Fact &a, const Fact &b) {
            return std::tie(a.host, a.name) < std::tie(b.host, b.name);
        });
        Stmt alerts(db.get(),
                    "SELECT fingerprint, labels, annotations, state, starts_at, ends_at, updated_at, "
                    "generator_url, silenced_by, inhibited_by, seen_by, placement FROM alerts WHERE "
                    "resolved_at IS NULL");
        while (alerts.step()) {
            Alert a;
            a.fingerprint = alerts.text(0);
            a.labels = labelsFromJson(alerts.text(1));
            a.annotations = labelsFromJson(alerts.text(2));
            const std::string state = alerts.text(3);
            for (auto s : {AlertState::Active, AlertState::Suppressed, AlertState::Unprocessed,
                           AlertState::Pending, AlertState::Firing})
                if (state == alertStateName(s))
                    a.state = s;
            a.startsAt = alerts.i64(4);
            a.endsAt = alerts.i64(5);
            a.updatedAt = alerts.i64(6);
            a.generatorUrl = alerts.text(7);
            a.silencedBy = stringsFromJson(alerts.text(8));
            a.inhibitedBy = stringsFromJson(alerts.text(9));
            a.seenBy = stringsFromJson(alerts.text(10));
            if (const std::string placed = alerts.text(11); !placed.empty())
                a.placement = labelsFromJson(placed);
            st.alerts.push_back(std::move(a));
        }
        Stmt sil(db.get(),
                 "SELECT id, matchers, starts_at, ends_at, updated_at, created_by, comment, state, seen_by "
                 "FROM silences ORDER BY id");
        while (sil.step()) {
            Silence s;
            s.id = sil.text(0);
            s.matchers = matchersFromJson(sil.text(1));
            s.startsAt = sil.i64(2);
            s.endsAt = sil.i64(3);
            s.updatedAt = sil.i64(4);
            s.createdBy = sil.text(5);
            s.comment = sil.text(6);
            s.state = sil.text(7);
            s.seenBy = stringsFromJson(sil.text(8));
            st.silences.push_back(std::move(s));
        }
        Stmt notes(db.get(), "SELECT incident, author, text, ts FROM incident_notes ORDER BY ts, id");
        while (notes.step())
            st.notes.push_back({notes.text(0), notes.text(1), notes.text(2), notes.i64(3)});
        Stmt acks(db.get(),
                  "SELECT incident, source, silence_id, author, since, ends_at FROM acks ORDER BY incident");
        while (acks.step())
            st.acks.push_back(
                {acks.text(0), acks.text(1), acks.text(2), acks.text(3), acks.i64(4), acks.i64(5)});
        Stmt joined(db.get(), "SELECT label, value FROM joined ORDER BY label, value");
        while (joined.step())
            st.joined.emplace_back(joined.text(0), joined.text(1));
        Stmt runs(db.get(), "SELECT service, host FROM runs_on ORDER BY service, host");
        while (runs.step())
            st.runsOn.emplace_back(runs.text(0), runs.text(1));
        Stmt rules(db.get(), "SELECT source, grp, name, query, health, last_error, for_ms FROM rules "
                             "ORDER BY name, rowid");
        while (rules.step())
            st.rules.push_back({rules.text(1), rules.text(2), rules.text(3), rules.text(4), rules.text(5),
                                rules.text(0), rules.i64(6)});
    } catch (const std::exception &e) {
        if (error)
            *error = std::string("reading cache failed: ") + e.what();
        return std::nullopt;
    }
    return st;
}

std::vector<AlertEvent> Store::alertEvents(const std::string &fingerprint) const {
    std::vector<AlertEvent> out;
    DbPtr db(openReader(nullptr));
    if (!db)
        return out;
    Stmt q(db.get(), "SELECT ts, state FROM alert_events WHERE fingerprint=? ORDER BY ts, rowid");
    q.bind(1, fingerprint);
    while (q.step())
        out.push_back({fingerprint, q.i64(0), q.text(1)});
    return out;
}

std::vector<SeriesPoint> Store::hostSeries(const std::string &host, const std::string &metricKey, TimeMs from,
                                           TimeMs to) const {
    std::vector<SeriesPoint> out;
    DbPtr db(openReader(nullptr));
    if (!db)
        return out;
    Stmt slotQ(db.get(), "SELECT slot FROM hosts WHERE name=?");
    slotQ.bind(1, host);
    if (!slotQ.step())
        return out;
    const auto idx = static_cast<std::size_t>(slotQ.i64(0) - 1);
    Stmt idQ(db.get(), "SELECT id FROM metrics WHERE key=?");
    idQ.bind(1, metricKey);
    if (!idQ.step())
        return out;
    const auto id = idQ.i64(0);
    auto collect = [&](const char *sql, std::int64_t unit) {
        Stmt q(db.get(), sql);
        q.bind(1, id).bind(2, from / unit).bind(3, to / unit);
        while (q.step()) {
            auto vals = q.floats(1);
            if (idx < vals.size() && !std::isnan(vals[idx]))
                out.push_back({q.i64(0) * unit, vals[idx]});
        }
    };
    collect(
        "SELECT bucket, vals FROM samples_5m WHERE metric_id=? AND bucket BETWEEN ? AND ? ORDER BY bucket",
        kBucket5mMs);
    collect("SELECT minute, vals FROM samples WHERE metric_id=? AND minute BETWEEN ? AND ? ORDER BY minute",
            kMinuteMs);
    return out;
}

bool Store::readMetricHistory(const std::string &metricKey, TimeMs from, TimeMs to,
                              const std::function<int(const std::string &)> &rowOf,
                              const HistorySink &sink) const {
    DbPtr db(openReader(nullptr));
    if (!db)
        return false;
    Stmt idQ(db.get(), "SELECT id FROM metrics WHERE key=?");
    idQ.bind(1, metricKey);
    if (!idQ.step())
        return false;
    const auto id = idQ.i64(0);
    std::vector<int> rowOfSlot; // index: slot - 1
    Stmt hostsQ(db.get(), "SELECT slot, name FROM hosts");
    while (hostsQ.step()) {
        const auto slot = hostsQ.i64(0);
        if (slot < 1)
            continue;
        if (rowOfSlot.size() < static_cast<std::size_t>(slot))
            rowOfSlot.resize(static_cast<std::size_t>(slot), -1);
        rowOfSlot[static_cast<std::size_t>(slot - 1)] = rowOf(hostsQ.text(1));
    }
    auto collect = [&](const char *sql, std::int64_t unit) {
        Stmt q(db.get(), sql);
        q.bind(1, id).bind(2, from / unit).bind(3, to / unit);
        while (q.step()) {
            const auto vals = q.floats(1);
            sink(q.i64(0) * unit, rowOfSlot, vals.data(), std::min(vals.size(), rowOfSlot.size()));
        }
    };
    collect(
        "SELECT bucket, vals FROM samples_5m WHERE metric_id=? AND bucket BETWEEN ? AND ? ORDER BY bucket",
        kBucket5mMs);
    collect("SELECT minute, vals FROM samples WHERE metric_id=? AND minute BETWEEN ? AND ? ORDER BY minute",
            kMinuteMs);
    return true;
}

void Store::writeLayout(const std::string &map,
                        std::vector<std::pair<std::string, std::pair<double, double>>> positions) {
    if (m_readOnly)
        return;
    std::lock_guard lock(m_mutex);
    m_newWork = true;
    m_queue.push_back([this, map, positions = std::move(positions)] {
        Stmt del(m_db, "DELETE FROM layout_positions WHERE map=?");
        del.bind(1, map).exec();
        Stmt ins(m_db, "INSERT INTO layout_positions(map, name, x, y) VALUES(?,?,?,?)");
        for (const auto &[name, p] : positions)
            ins.bind(1, map).bind(2, name).bind(3, p.first).bind(4, p.second).exec();
    });
    m_cv.notify_one();
}

std::vector<std::pair<std::string, std::pair<double, double>>>
Store::readLayout(const std::string &map) const {
    std::vector<std::pair<std::string, std::pair<double, double>>> out;
    DbPtr db(openReader(nullptr));
    if (!db)
        return out;
    Stmt q(db.get(), "SELECT name, x, y FROM layout_positions WHERE map=? ORDER BY name");
    q.bind(1, map);
    while (q.step())
        out.push_back({q.text(0), {q.dbl(1), q.dbl(2)}});
    return out;
}

Store::FactHistory Store::factsAt(TimeMs at) const {
    FactHistory out;
    DbPtr db(openReader(nullptr));
    if (!db)
        return out;
    Stmt q(
        db.get(),
        "SELECT h.name, f.name, f.value, MIN(f.first_seen) FROM facts f JOIN hosts h ON h.slot = f.host_slot "
        "WHERE f.first_seen <= ?1 AND (f.last_seen IS NULL OR f.last_seen > ?1) "
        "GROUP BY h.name, f.name, f.value ORDER BY h.name, f.name, f.value");
    q.bind(1, at);
    while (q.step()) {
        out.facts.push_back({q.text(0), q.text(1), q.text(2)});
        out.firstSeen[{q.text(0), q.text(1), q.text(2)}] = q.i64(3);
    }
    return out;
}

std::map<std::tuple<std::string, std::string, std::string>, TimeMs>
Store::firstSeenOf(const std::vector<Fact> &facts, TimeMs at) const {
    std::map<std::tuple<std::string, std::string, std::string>, TimeMs> out;
    DbPtr db(openReader(nullptr));
    if (!db || facts.empty())
        return out;
    Stmt q(db.get(), "SELECT MIN(f.first_seen) FROM facts f JOIN hosts h ON h.slot = f.host_slot "
                     "WHERE h.name = ?1 AND f.name = ?2 AND f.value = ?3 AND f.first_seen <= ?4 "
                     "AND (f.last_seen IS NULL OR f.last_seen > ?4)");
    for (const auto &f : facts) {
        q.bind(1, f.host).bind(2, f.name).bind(3, f.value).bind(4, at);
        if (q.step() && !q.isNull(0))
            out[{f.host, f.name, f.value}] = q.i64(0);
        q.reset();
    }
    return out;
}

std::int64_t Store::count(const std::string &table) const {
    DbPtr db(openReader(nullptr));
    if (!db)
        return -1;
    Stmt q(db.get(), ("SELECT count(*) FROM " + table).c_str());
    return q.step() ? q.i64(0) : -1;
}

int Store::schemaVersion() const {
    DbPtr db(openReader(nullptr));
    if (!db)
        return -1;
    Stmt q(db.get(), "PRAGMA user_version");
    return q.step() ? static_cast<int>(q.i64(0)) : -1;
}

} // namespace vigil
