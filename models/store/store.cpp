#include "store.h"

#include "sqlitestmt.h"

#include "../support/threadpriority.h"

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
    giveWayToForeground(Background::Bulk);
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

} // namespace vigil
