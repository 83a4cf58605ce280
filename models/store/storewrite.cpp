// The cache's writer thread: a poll's batch applied in one transaction, and retention.
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

void Store::apply(const StoreBatch &b) {
    const TimeMs eventTime = std::max(b.time, m_lastEventTime);
    m_lastEventTime = eventTime;
    applyAnnotations(b);
    applyHosts(b, eventTime);
    applyAlerts(b, eventTime);
    applySources(b);
}

// What operators add (notes, acknowledgements) and what the joins and rules give.
void Store::applyAnnotations(const StoreBatch &b) {
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
}

// The inventory, its metric minute and its facts.
void Store::applyHosts(const StoreBatch &b, TimeMs eventTime) {
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
        // Each host's slot once, not once a metric (40,000 lookups a 5,000-host poll).
        std::vector<std::int64_t> slots(b.hostSamples.size());
        for (std::size_t i = 0; i < slots.size(); ++i)
            slots[i] = hostSlot(b.hostSamples[i].name);
        for (std::size_t mi = 0; mi < b.metrics.size(); ++mi) {
            const std::int64_t id = metricId(b.metrics[mi]);
            auto &blob = m_currentMinute[id];
            if (blob.minute != minute) {
                blob.minute = minute;
                read.bind(1, id).bind(2, minute);
                blob.values = read.step() ? read.floats(0) : std::vector<float>();
                read.reset();
            }
            for (std::size_t i = 0; i < slots.size(); ++i) {
                const auto &h = b.hostSamples[i];
                const std::int64_t slot = slots[i];
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
}

void Store::applyAlerts(const StoreBatch &b, TimeMs eventTime) {
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
}

// Each source's health and its poll log.
void Store::applySources(const StoreBatch &b) {
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

} // namespace vigil
