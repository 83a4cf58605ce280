#pragma once
// Vigil's cache and history: SQLite in WAL mode. One writer thread owns the write connection and
// batches queued work into transactions; reads use their own connections. Schema versioned with
// PRAGMA user_version and forward migrations.
#include "historyreader.h"
#include "storebatch.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <vector>

struct sqlite3;

namespace vigil {

// What the app opens on before the first poll lands.
struct CachedState {
    std::vector<SourceHealth> sources;
    std::vector<MetricQuery> metrics;
    std::vector<Host> hosts; // with their last stored metric values
    std::vector<Fact> facts;
    std::vector<Alert> alerts; // unresolved
    std::vector<Silence> silences;
    std::vector<IncidentNote> notes; // by time
    std::vector<Acknowledgement> acks;
    std::vector<AlertRule> rules; // alerting rules of every Prometheus, by name
    // What the joins added and the (service, host) pairs they gave, sorted (FleetSnapshot::joined and
    // runsOn) as the last poll with join tables left them; empty when unknown.
    std::vector<std::pair<std::string, std::string>> joined, runsOn;
};

struct AlertEvent {
    std::string fingerprint;
    TimeMs time = 0;
    std::string state;
};

struct SeriesPoint {
    TimeMs time;
    double value;
};

// Why a cache could not be opened: only a file that is not a database or fails its integrity check may
// be moved aside; every other problem leaves the file (and its WAL and SHM) untouched.
enum class StoreProblem { None, NotADatabase, Corrupt, NewerSchema, Locked, Io, Full, Other };

class Store final : public HistoryReader {
public:
    static constexpr int kSchemaVersion = 7;

    // Opens (creating if needed) and migrates. Returns nullptr and sets *error (and *problem) when the
    // file is not a usable Vigil cache. One writer per cache file: a second process (another window,
    // `vigil drift`, a screenshot) gets the cache read-only (readOnly(), writes dropped), never a
    // second writer.
    static std::unique_ptr<Store> open(const std::string &path, std::string *error,
                                       StoreProblem *problem = nullptr);
    // Read-only from the start (no lock, no writer): for tools that must never write.
    static std::unique_ptr<Store> openReadOnly(const std::string &path, std::string *error,
                                               StoreProblem *problem = nullptr);
    // True when another process writes this cache; readOnlyReason() says which.
    [[nodiscard]] bool readOnly() const { return m_readOnly; }
    [[nodiscard]] const std::string &readOnlyReason() const { return m_readOnlyReason; }
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Queued to the writer thread; merged with other pending batches into one transaction.
    void write(std::shared_ptr<const StoreBatch> batch);
    // Blocks until everything queued so far is committed. Not for the GUI thread.
    void flush();
    // Drops raw samples older than 24 h after folding them into 5-minute buckets, and everything older
    // than the retention. Queued like a write.
    void applyRetention(TimeMs now, std::int64_t retentionMs);

    // Reads on a connection of the caller's own (call from a worker thread).
    std::optional<CachedState> loadCache(std::string *error) const;
    std::vector<AlertEvent> alertEvents(const std::string &fingerprint) const;
    std::vector<SeriesPoint> hostSeries(const std::string &host, const std::string &metricKey, TimeMs from,
                                        TimeMs to) const;
    // HistoryReader, on a connection of the caller's own.
    bool readMetricHistory(const std::string &metricKey, TimeMs from, TimeMs to,
                           const std::function<int(const std::string &)> &rowOf,
                           const HistorySink &sink) const override;
    FactHistory factsAt(TimeMs at) const override;
    // Point lookups, for the few facts a drift report needs when reading every fact would cost seconds.
    std::map<std::tuple<std::string, std::string, std::string>, TimeMs>
    firstSeenOf(const std::vector<Fact> &facts, TimeMs at) const override;
    // Node positions of a map ("services"), replaced as a whole (queued like a write); read back at start.
    void writeLayout(const std::string &map,
                     std::vector<std::pair<std::string, std::pair<double, double>>> positions);
    std::vector<std::pair<std::string, std::pair<double, double>>> readLayout(const std::string &map) const;
    std::int64_t count(const std::string &table) const; // for tests
    int schemaVersion() const;
    const std::string &path() const { return m_path; }
    // Last error the writer hit (disk full, locked); empty when fine.
    std::string lastWriteError() const;

private:
    static constexpr std::int64_t kMinuteMs = 60'000;
    static constexpr std::int64_t kBucket5mMs = 5 * kMinuteMs;
    static constexpr std::int64_t kRawKeepMs = 24 * 3600'000LL; // raw minutes; older ones are 5-minute
    explicit Store(std::string path);
    static std::unique_ptr<Store> openWith(const std::string &path, bool wantWriter, std::string *error,
                                           StoreProblem *problem);
    bool takeLock(std::string *holder);
    void writerLoop();
    void reloadIds(); // host slots and metric ids as the file has them
    void apply(const StoreBatch &b);
    void applyAnnotations(const StoreBatch &b);
    void applyHosts(const StoreBatch &b, TimeMs eventTime);
    void applyAlerts(const StoreBatch &b, TimeMs eventTime);
    void applySources(const StoreBatch &b);
    void applyRetentionNow(TimeMs now, std::int64_t retentionMs);
    std::int64_t hostSlot(const std::string &name);
    std::int64_t metricId(const MetricQuery &m);
    sqlite3 *openReader(std::string *error) const;

    std::string m_path;
    bool m_readOnly = false;
    bool m_opened = false; // open() succeeded
    std::string m_readOnlyReason;
    int m_lockFd = -1; // flock()ed while this process is the cache's writer; freed by the kernel on exit
    sqlite3 *m_db = nullptr; // the writer's connection; used only on the writer thread after open()
    std::thread m_writer;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::condition_variable m_idleCv;
    std::deque<std::function<void()>> m_queue;
    bool m_busy = false;
    bool m_stop = false;
    bool m_newWork = false; // work queued since the writer last looked
    // The last alert or host event's time: events are written no earlier, so their order by time is
    // the order they were applied in (batches carry their poll's start, and a slow source's poll can
    // land after a faster one that started later).
    TimeMs m_lastEventTime = 0;
    bool m_keptAfterFailure = false; // the queue holds work a full disk refused; retried every 5 s
    std::string m_lastWriteError;

    // Writer-thread caches.
    std::unordered_map<std::string, std::int64_t> m_hostSlots;
    std::unordered_map<std::string, std::int64_t> m_metricIds;
    struct MinuteBlob {
        std::int64_t minute = -1;
        std::vector<float> values;
    };
    std::unordered_map<std::int64_t, MinuteBlob> m_currentMinute; // per metric id
};

} // namespace vigil
