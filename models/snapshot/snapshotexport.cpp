#include "snapshotexport.h"

#include "snapshotformat.h"
#include "snapshotsettings.h"
#include "store/sqlitestmt.h"

#include <sqlite3.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <system_error>

namespace vigil::snapshot {

using namespace sqlite;

namespace {

// "file:" URI of a path, for ATTACH ... with mode=ro.

// Runs a statement with the window bound as ?1 (from) and ?2 (to) and, when given, ?3; a statement
// without one of them leaves it unbound (SQLite ignores a binding past its parameters).
void copy(sqlite3 *db, const std::string &sql, TimeMs from, TimeMs to, std::int64_t third = -1) {
    Stmt s(db, sql.c_str());
    s.bind(1, from).bind(2, to);
    if (third >= 0)
        s.bind(3, third);
    s.exec();
}

std::int64_t count(sqlite3 *db, const char *sql) {
    Stmt s(db, sql);
    return s.step() ? s.i64(0) : 0;
}

} // namespace

std::string withoutUrlCredentials(const std::string &text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto scheme = text.find("://", i);
        if (scheme == std::string::npos) {
            out.append(text, i, std::string::npos);
            break;
        }
        const std::size_t hostStart = scheme + 3;
        out.append(text, i, hostStart - i);
        // The authority ends at the first '/', whitespace, quote or end of text.
        std::size_t end = hostStart;
        while (end < text.size() && text[end] != '/' && text[end] != ' ' && text[end] != '"' &&
               text[end] != '\'' && text[end] != '\n' && text[end] != '\t')
            ++end;
        const auto at = text.rfind('@', end == 0 ? 0 : end - 1);
        i = at != std::string::npos && at >= hostStart && at < end ? at + 1 : hostStart;
    }
    return out;
}

namespace {

// What is wrong with a request before anything is written, or "".
std::string checkRequest(const ExportRequest &request) {
    if (request.to <= request.from)
        return "the window is empty (to must be after from)";
    if (request.to - request.from > kMaxWindowMs)
        return "the window is longer than a snapshot may be (31 days)";
    if (const std::string bad = request.redaction.check(); !bad.empty())
        return "the redaction's pattern " + bad;
    if (request.outPath.empty())
        return "no output file given";
    if (!std::filesystem::exists(request.cachePath))
        return "there is no cache at " + request.cachePath + " (nothing has been polled into it yet)";
    return {};
}

// One export in steps, each copying a part of the cache (attached as "c") into the new file.
struct Export {
    Export(sqlite3 *db_, const Config &config_, const FleetSnapshot *current_, const ExportRequest &request_,
           ExportResult &r_)
        : db(db_)
        , config(config_)
        , current(current_)
        , request(request_)
        , r(r_)
        , from(request_.from)
        , to(request_.to) {}
    sqlite3 *db;
    const Config &config;
    const FleetSnapshot *current;
    const ExportRequest &request;
    ExportResult &r;
    TimeMs from, to;
    std::function<void()> step; // progress; throws "cancelled" when the caller cancels
    bool haveHostEvents = false, havePlacement = false;
    TimeMs cacheStart = 0; // the cache's first poll
    std::vector<std::pair<std::int64_t, std::string>> metricIds;
    std::map<std::string, std::int64_t> slotOf; // where each host's values go in a minute's blob
    std::int64_t maxSlot = 0;

    void createFile();
    void writeMeta();
    void copySources();
    void copyHosts();
    void copyMetrics();
    void fillMissing(std::int64_t id, const std::string &key);
    void copyAlerts();
    void copyAlertEvents();
    void copyTheRest();
    void writeCurrent();
};

void Export::createFile() {
    // secure_delete: a redacted value leaves no trace in a freed page.
    execSql(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096; "
                "PRAGMA secure_delete=ON;");
    execSql(db, ("PRAGMA application_id=" + std::to_string(kApplicationId) +
                 "; PRAGMA user_version=" + std::to_string(kFormatVersion) + ";")
                    .c_str());
    execSql(db, "BEGIN");
    for (const auto &t : kTables)
        execSql(db, t.ddl);
    {
        Stmt attach(db, "ATTACH DATABASE ?1 AS c");
        attach.bind(1, fileUri(request.cachePath, "mode=ro")).exec();
    }
    haveHostEvents =
        count(db, "SELECT count(*) FROM c.sqlite_master WHERE type='table' AND name='host_events'") > 0;
    havePlacement =
        count(db, "SELECT count(*) FROM pragma_table_info('alerts', 'c') WHERE name='placement'") > 0;
    cacheStart = count(db, "SELECT COALESCE(MIN(ts), 0) FROM c.poll_log");
    Stmt m(db, "SELECT id, key FROM c.metrics ORDER BY id");
    while (m.step())
        metricIds.emplace_back(m.i64(0), m.text(1));
}

// Settings and what the file is.
void Export::writeMeta() {
    {
        Stmt meta(db, "INSERT INTO meta(key, value) VALUES(?,?)");
        const std::vector<std::pair<std::string, std::string>> rows{
            {"format", std::to_string(kFormatVersion)},
            {"vigil_version", request.vigilVersion},
            {"created_at", std::to_string(nowMs())},
            {"created_by", request.createdBy},
            {"window_from", std::to_string(from)},
            {"window_to", std::to_string(to)},
            {"incident", request.incident},
            {"title", request.title},
            {"fleet_size", std::to_string(current ? current->hosts.size() : 0)},
            {"settings", settingsToJson(config).dump()},
            {"redacted", "nothing"},
        };
        for (const auto &[k, v] : rows)
            meta.bind(1, k).bind(2, v).exec();
    }
}

void Export::copySources() {
    {
        Stmt src(db, "SELECT id, name, kind, url, interval_ms, version FROM c.sources");
        Stmt ins(db, "INSERT INTO sources(id, name, kind, url, interval_ms, version) VALUES(?,?,?,?,?,?)");
        while (src.step())
            ins.bind(1, src.text(0))
                .bind(2, src.text(1))
                .bind(3, src.i64(2))
                .bind(4, urlWithoutCredentials(src.text(3)))
                .bind(5, src.i64(4))
                .bind(6, src.text(5))
                .exec();
        Stmt log(db, "SELECT source_id, ts, latency_ms, bytes, error FROM c.poll_log "
                     "WHERE ts >= ?1 AND ts <= ?2 ORDER BY ts");
        log.bind(1, from).bind(2, to);
        Stmt put(db, "INSERT INTO poll_log(source_id, ts, latency_ms, bytes, error) VALUES(?,?,?,?,?)");
        while (log.step()) {
            put.bind(1, log.text(0)).bind(2, log.i64(1)).bind(3, log.dbl(2)).bind(4, log.i64(3));
            if (log.isNull(4))
                put.bindNull(5);
            else
                put.bind(5, withoutUrlCredentials(log.text(4)));
            put.exec();
        }
    }
}

void Export::copyHosts() {
    copy(db,
         "INSERT INTO hosts(slot, name, sources) SELECT slot, name, sources FROM c.hosts "
         "WHERE first_seen <= ?2 AND (gone_at IS NULL OR gone_at >= ?1)",
         from, to);
    step();
    if (haveHostEvents) {
        // Each host's state at the window's start, then every change in it.
        copy(db,
             "INSERT INTO host_events(slot, ts, up, labels) SELECT slot, ?1, up, labels FROM "
             "c.host_events "
             "WHERE rowid IN (SELECT MAX(rowid) FROM c.host_events WHERE ts <= ?1 GROUP BY slot) "
             "AND slot IN (SELECT slot FROM main.hosts)",
             from, to);
        copy(db,
             "INSERT INTO host_events(slot, ts, up, labels) SELECT slot, ts, up, labels FROM "
             "c.host_events "
             "WHERE ts > ?1 AND ts <= ?2 AND slot IN (SELECT slot FROM main.hosts) ORDER BY ts, rowid",
             from, to);
    }
    // When the cache began after the window did, the hosts of its first polls were there before it:
    // present from the window's start, their up state unknown until Vigil saw it.
    if (haveHostEvents && cacheStart > from)
        copy(db,
             "INSERT INTO host_events(slot, ts, up, labels) SELECT e.slot, ?1, 0, e.labels FROM "
             "host_events e "
             "WHERE e.rowid IN (SELECT MIN(rowid) FROM host_events GROUP BY slot) AND e.ts > ?1 "
             "AND e.ts <= ?3 AND e.up >= 0",
             from, to, cacheStart + 300'000);
    // Hosts the cache holds no change for (kept before it recorded them): their last known state.
    copy(db,
         "INSERT INTO host_events(slot, ts, up, labels) SELECT h.slot, MAX(h.first_seen, ?1), h.up, "
         "h.labels "
         "FROM c.hosts h WHERE h.slot IN (SELECT slot FROM main.hosts) AND h.first_seen <= ?2 "
         "AND NOT EXISTS (SELECT 1 FROM main.host_events e WHERE e.slot = h.slot)",
         from, to);
}

void Export::copyMetrics() {
    execSql(db, "INSERT INTO metrics(id, key, title, unit, query) SELECT id, key, title, unit, query "
                "FROM c.metrics");
    // Where each host's values go in a minute's blob: its slot in the cache.
    {
        Stmt h(db, "SELECT slot, name FROM main.hosts");
        while (h.step()) {
            slotOf[h.text(1)] = h.i64(0);
            maxSlot = std::max(maxSlot, h.i64(0));
        }
    }
    for (const auto &[id, key] : metricIds) {
        // Minutes of the last day are raw; older ones are 5-minute averages, stored at their first
        // minute.
        copy(db,
             "INSERT INTO samples(metric_id, minute, vals) SELECT metric_id, minute, vals FROM c.samples "
             "WHERE metric_id = ?3 AND minute >= ?1 / 60000 AND minute <= ?2 / 60000",
             from, to, id);
        step();
        copy(db,
             "INSERT OR IGNORE INTO samples(metric_id, minute, vals) SELECT metric_id, bucket * 5, vals "
             "FROM c.samples_5m WHERE metric_id = ?3 AND bucket >= ?1 / 300000 AND bucket <= ?2 / 300000",
             from, to, id);
        fillMissing(id, key);
        step();
    }
}

// What the cache lacks of a metric, from the sources.
void Export::fillMissing(std::int64_t id, const std::string &key) {
    const std::int64_t firstMinute = from / 60'000, lastMinute = to / 60'000;
    std::set<std::int64_t> have;
    {
        Stmt m(db, "SELECT minute FROM main.samples WHERE metric_id = ?1");
        m.bind(1, id);
        while (m.step())
            have.insert(m.i64(0));
    }
    const std::int64_t want = lastMinute - firstMinute + 1;
    if (static_cast<std::int64_t>(have.size()) < want && request.fill && maxSlot > 0) {
        if (const auto grid = request.fill(key, from, to)) {
            Stmt put(db, "INSERT INTO samples(metric_id, minute, vals) VALUES(?,?,?)");
            std::vector<std::pair<std::size_t, std::size_t>> rows; // grid row -> blob index
            for (std::size_t row = 0; row < grid->hosts.size(); ++row)
                if (auto it = slotOf.find(grid->hosts[row]); it != slotOf.end())
                    rows.emplace_back(row, static_cast<std::size_t>(it->second - 1));
            std::vector<float> blob;
            for (std::int64_t minute = firstMinute; minute <= lastMinute; ++minute) {
                const int b = grid->bucketOf(minute * 60'000);
                if (have.count(minute) || b < 0)
                    continue;
                blob.assign(static_cast<std::size_t>(maxSlot), std::numeric_limits<float>::quiet_NaN());
                bool any = false;
                for (const auto &[row, idx] : rows) {
                    blob[idx] = grid->at(row, b);
                    any = any || !std::isnan(blob[idx]);
                }
                if (!any)
                    continue;
                put.bind(1, id).bind(2, minute).bindBlob(3, blob.data(), blob.size() * sizeof(float)).exec();
                have.insert(minute);
                ++r.filledRows;
            }
        }
    }
    r.missingRows += want - static_cast<std::int64_t>(have.size());
}

void Export::copyAlerts() {
    copy(
        db,
        std::string("INSERT INTO alerts(fingerprint, labels, annotations, starts_at, ends_at, generator_url, "
                    "silenced_by, inhibited_by, seen_by, placement) SELECT fingerprint, labels, annotations, "
                    "starts_at, ends_at, generator_url, silenced_by, inhibited_by, seen_by, ") +
            (havePlacement ? "placement" : "NULL") +
            " FROM c.alerts WHERE first_seen <= ?2 AND (resolved_at IS NULL OR resolved_at >= ?1)",
        from, to);
    {
        Stmt urls(db, "SELECT fingerprint, generator_url FROM alerts WHERE generator_url LIKE '%@%'");
        Stmt fix(db, "UPDATE alerts SET generator_url=? WHERE fingerprint=?");
        std::vector<std::pair<std::string, std::string>> fixes;
        while (urls.step())
            fixes.emplace_back(urls.text(0), withoutUrlCredentials(urls.text(1)));
        for (const auto &[fp, url] : fixes)
            fix.bind(1, url).bind(2, fp).exec();
    }
}

void Export::copyAlertEvents() {
    copy(db,
         "INSERT INTO alert_events(fingerprint, ts, state) SELECT fingerprint, ts, state FROM "
         "c.alert_events "
         "WHERE rowid IN (SELECT MAX(rowid) FROM c.alert_events WHERE ts <= ?1 GROUP BY fingerprint) "
         "AND fingerprint IN (SELECT fingerprint FROM main.alerts)",
         from, to);
    // In the order the cache wrote them, each no earlier than the one before: a cache of schema 5 or
    // older could write a slow source's change with its poll's (earlier) start after a faster one's.
    copy(db,
         "INSERT INTO alert_events(fingerprint, ts, state) SELECT fingerprint, MAX(ts) OVER (ORDER BY "
         "rowid "
         "ROWS UNBOUNDED PRECEDING), state FROM c.alert_events WHERE ts > ?1 AND ts <= ?2 AND fingerprint "
         "IN (SELECT fingerprint FROM main.alerts) ORDER BY rowid",
         from, to);
    // Alerts that started before Vigil was watching: from their start (the sources' own time).
    if (cacheStart > from)
        copy(db,
             "INSERT INTO alert_events(fingerprint, ts, state) SELECT a.fingerprint, MAX(a.starts_at, "
             "?1), "
             "e.state FROM alerts a JOIN alert_events e ON e.fingerprint = a.fingerprint "
             "WHERE e.rowid IN (SELECT MIN(rowid) FROM alert_events GROUP BY fingerprint) "
             "AND a.starts_at > 0 AND a.starts_at < ?3 AND a.starts_at < e.ts AND e.state != 'resolved'",
             from, to, cacheStart);
}

void Export::copyTheRest() {
    copy(db,
         "INSERT INTO silences SELECT id, matchers, starts_at, ends_at, updated_at, created_by, comment, "
         "state, "
         "seen_by FROM c.silences WHERE starts_at <= ?2 AND ends_at >= ?1",
         from, to);
    copy(db,
         "INSERT INTO facts(slot, name, value, first_seen, last_seen) SELECT host_slot, name, value, "
         "first_seen, "
         "last_seen FROM c.facts WHERE first_seen <= ?2 AND (last_seen IS NULL OR last_seen >= ?1) "
         "AND host_slot IN (SELECT slot FROM main.hosts)",
         from, to);
    step();
    copy(db,
         "INSERT INTO incident_notes(incident, author, ts, text) SELECT incident, author, ts, text "
         "FROM c.incident_notes WHERE ts <= ?2 ORDER BY ts, id",
         from, to);
    copy(db,
         "INSERT INTO acks(incident, source, silence_id, author, since, ends_at) SELECT incident, source, "
         "silence_id, author, since, ends_at FROM c.acks WHERE since <= ?2 AND ends_at >= ?1",
         from, to);
    execSql(db, "INSERT INTO layout_positions(map, name, x, y) SELECT map, name, x, y FROM "
                "c.layout_positions");
}

void Export::writeCurrent() {
    if (current) {
        Stmt edge(db, "INSERT INTO edges(from_service, to_service, requests_per_second, errors_per_second) "
                      "VALUES(?,?,?,?)");
        for (const auto &e : current->edges)
            edge.bind(1, e.from).bind(2, e.to).bind(3, e.requestsPerSecond).bind(4, e.errorsPerSecond).exec();
        auto pairs = [&](const char *sql, const auto &list) {
            Stmt put(db, sql);
            if (list)
                for (const auto &[a, b] : *list)
                    put.bind(1, a).bind(2, b).exec();
        };
        pairs("INSERT INTO joined(label, value) VALUES(?,?)", current->joined);
        pairs("INSERT INTO runs_on(service, host) VALUES(?,?)", current->runsOn);
        Stmt rule(db, "INSERT INTO rules(source, grp, name, query, health, last_error, for_ms) "
                      "VALUES(?,?,?,?,?,?,?)");
        for (const auto &x : current->rules)
            rule.bind(1, x.source)
                .bind(2, x.group)
                .bind(3, x.name)
                .bind(4, x.query)
                .bind(5, x.health)
                .bind(6, withoutUrlCredentials(x.lastError))
                .bind(7, x.forMs)
                .exec();
    }
}

} // namespace

ExportResult exportSnapshot(const Config &config, const FleetSnapshot *current, const ExportRequest &request,
                            const std::function<bool(double)> &progress) {
    ExportResult r;
    if (std::string problem = checkRequest(request); !problem.empty()) {
        r.error = std::move(problem);
        return r;
    }
    const std::string tmp = request.outPath + ".partial";
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    sqlite3 *raw = nullptr;
    if (sqlite3_open_v2(tmp.c_str(), &raw,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        r.error = "cannot create " + tmp + ": " + (raw ? sqlite3_errmsg(raw) : "out of memory");
        sqlite3_close_v2(raw);
        return r;
    }
    DbPtr db(raw);
    try {
        Export x(db.get(), config, current, request, r);
        double steps = 0, done = 0;
        x.step = [&] {
            done += 1;
            if (progress && !progress(std::min(0.99, done / steps)))
                throw std::runtime_error("cancelled");
        };
        x.createFile();
        steps = 12.0 + 2.0 * static_cast<double>(x.metricIds.size());
        x.writeMeta();
        x.step();
        x.copySources();
        x.step();
        x.copyHosts();
        x.step();
        x.copyMetrics();
        x.copyAlerts();
        x.step();
        x.copyAlertEvents();
        x.step();
        x.copyTheRest();
        x.step();
        x.writeCurrent();
        x.step();
        r.hosts = count(db.get(), "SELECT count(*) FROM main.hosts");
        r.alerts = count(db.get(), "SELECT count(*) FROM main.alerts");
        r.sampleRows = count(db.get(), "SELECT count(*) FROM main.samples");
        if (request.redaction.active())
            redact(db.get(), request.redaction, config.profile.host);
        execSql(db.get(), "COMMIT");
        execSql(db.get(), "DETACH DATABASE c");
        if (request.redaction.active())
            execSql(db.get(), "VACUUM"); // rewritten pages only: nothing of the old values anywhere
        x.step();
    } catch (const std::exception &e) {
        db.reset();
        std::filesystem::remove(tmp, ec);
        r.cancelled = std::string(e.what()) == "cancelled";
        r.error = r.cancelled ? "cancelled" : std::string("export failed: ") + e.what();
        return r;
    }
    if (sqlite3_close(db.release()) != SQLITE_OK) {
        std::filesystem::remove(tmp, ec);
        r.error = "export failed: the file could not be closed";
        return r;
    }
    std::filesystem::rename(tmp, request.outPath, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        r.error = "cannot write " + request.outPath + ": " + ec.message();
        return r;
    }
    r.bytes = static_cast<std::int64_t>(std::filesystem::file_size(request.outPath, ec));
    if (progress)
        progress(1.0);
    r.ok = true;
    return r;
}

} // namespace vigil::snapshot
