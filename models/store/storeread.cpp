// Reading the cache on its own connection (any thread): the warm start, history, facts, layouts.
#include "store.h"

#include "sqlitestmt.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

namespace vigil {

using json = nlohmann::json;
using namespace sqlite;

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

namespace {

// The cache's unresolved alerts, as the last poll left them.
void loadAlerts(sqlite3 *db, CachedState &st) {
    Stmt alerts(db, "SELECT fingerprint, labels, annotations, state, starts_at, ends_at, updated_at, "
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
}

void loadSilences(sqlite3 *db, CachedState &st) {
    Stmt sil(db, "SELECT id, matchers, starts_at, ends_at, updated_at, created_by, comment, state, seen_by "
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
}

} // namespace

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
        loadAlerts(db.get(), st);
        loadSilences(db.get(), st);
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
                             "ORDER BY source, rowid"); // each source's as it answered
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

namespace {
// The cache's id of a metric, or -1 when it has none.
std::int64_t metricIdOf(sqlite3 *db, const std::string &key) {
    Stmt q(db, "SELECT id FROM metrics WHERE key=?");
    q.bind(1, key);
    return q.step() ? q.i64(0) : -1;
}
} // namespace

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
    const auto id = metricIdOf(db.get(), metricKey);
    if (id < 0)
        return out;
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
    const auto id = metricIdOf(db.get(), metricKey);
    if (id < 0)
        return false;
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
