#include "snapshotreader.h"

#include "snapshotformat.h"
#include "snapshotsettings.h"
#include "store/sqlitestmt.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

namespace vigil::snapshot {

using namespace sqlite;

namespace {

// Thrown for a file that fails a check: its message is what the operator reads.

std::int64_t scalar(sqlite3 *db, const std::string &sql) {
    Stmt s(db, sql.c_str());
    return s.step() ? s.i64(0) : 0;
}

// Text no longer than the bound (a hostile file may hold a gigabyte in one cell).
std::string boundedText(const Stmt &s, int c) {
    std::string t = s.text(c);
    if (t.size() > static_cast<std::size_t>(kMaxTextBytes))
        t.resize(static_cast<std::size_t>(kMaxTextBytes));
    return t;
}

// A time from the file, within what a clock can say (0 to about the year 3000): arithmetic on it never
// overflows.
TimeMs when(const Stmt &s, int c) {
    return std::clamp<TimeMs>(s.i64(c), 0, 32'503'680'000'000);
}

std::optional<AlertState> stateNamed(const std::string &name) {
    for (auto s : {AlertState::Active, AlertState::Suppressed, AlertState::Unprocessed, AlertState::Pending,
                   AlertState::Firing, AlertState::Resolved})
        if (name == alertStateName(s))
            return s;
    return std::nullopt;
}

// Checks the file is a Vigil snapshot this Vigil can read, before anything of it is used.
// Returns the file's format version.
int validateFile(sqlite3 *db) {
    const auto app = scalar(db, "PRAGMA application_id");
    if (app != kApplicationId)
        throw Refused("it is an SQLite database, but not a Vigil snapshot");
    const auto version = scalar(db, "PRAGMA user_version");
    if (version > kFormatVersion)
        throw Refused("it was made by a newer Vigil (snapshot format " + std::to_string(version) +
                      "; this Vigil reads format " + std::to_string(kFormatVersion) + " and older)");
    if (version < 1)
        throw Refused("it has no snapshot format version");
    {
        Stmt s(db, "SELECT type, name FROM sqlite_schema WHERE type IN ('view', 'trigger')");
        if (s.step())
            throw Refused("it holds a " + s.text(0) + " (\"" + s.text(1) +
                          "\"); a snapshot has none, and Vigil never runs what a file brings");
    }
    for (const auto &t : kTables) {
        Stmt cols(db, ("PRAGMA table_info(\"" + std::string(t.name) + "\")").c_str());
        std::string have;
        while (cols.step())
            have += (have.empty() ? "" : ",") + cols.text(1);
        if (have.empty() && version < t.since)
            continue;
        if (have.empty())
            throw Refused(std::string("its table \"") + t.name + "\" is missing");
        const bool older =
            (version == 1 && std::string_view(t.name) == "alerts" && have == kAlertColumnsV1) ||
            (version <= 2 && std::string_view(t.name) == "rules" && have == kRuleColumnsV2);
        if (have != t.columns && !older)
            throw Refused(std::string("its table \"") + t.name + "\" has other columns than format " +
                          std::to_string(kFormatVersion) + " defines");
    }
    {
        Stmt check(db, "PRAGMA quick_check(1)");
        const std::string verdict = check.step() ? check.text(0) : std::string("no answer");
        if (verdict != "ok")
            throw Refused("it is damaged (" + verdict + ")");
    }
    for (const auto &t : kTables) {
        if (version < t.since)
            continue;
        const auto rows = scalar(db, std::string("SELECT count(*) FROM \"") + t.name + "\"");
        if (rows > kMaxRows)
            throw Refused(std::string("its table \"") + t.name + "\" holds " + std::to_string(rows) +
                          " rows, more than Vigil reads (" + std::to_string(kMaxRows) + ")");
    }
    if (scalar(db, "SELECT count(*) FROM hosts") > kMaxHosts)
        throw Refused("it holds more than " + std::to_string(kMaxHosts) + " hosts");
    return static_cast<int>(version);
}

} // namespace

void SnapshotReader::read(sqlite3 *db, SnapshotFile &f) {
    const auto version = scalar(db, "PRAGMA user_version"); // checked by validateFile
    readMeta(db, f);
    readSources(db, f);
    readHosts(db, f);
    readSamples(db, f);
    readAlerts(db, f, version);
    readSilences(db, f);
    readFactsAndNotes(db, f);
    readGraph(db, f, version);
}

// What the file is (meta), its window checked, the settings it was made with.
void SnapshotReader::readMeta(sqlite3 *db, SnapshotFile &f) {
    std::map<std::string, std::string> meta;
    {
        Stmt s(db, "SELECT key, value FROM meta");
        while (s.step())
            meta[s.text(0)] = boundedText(s, 1);
    }
    auto num = [&](const char *k) -> std::int64_t {
        const auto it = meta.find(k);
        if (it == meta.end())
            return 0;
        char *end = nullptr;
        const long long v = std::strtoll(it->second.c_str(), &end, 10);
        return end && *end == '\0' ? v : 0;
    };
    f.m_info.format = static_cast<int>(num("format"));
    f.m_info.vigilVersion = meta["vigil_version"];
    f.m_info.createdAt = num("created_at");
    f.m_info.createdBy = meta["created_by"];
    f.m_info.from = num("window_from");
    f.m_info.to = num("window_to");
    f.m_info.incident = meta["incident"];
    f.m_info.title = meta["title"];
    f.m_info.fleetSize = num("fleet_size");
    f.m_info.redacted = meta["redacted"];
    if (f.m_info.from <= 0 || f.m_info.to <= f.m_info.from)
        throw Refused("its window is empty");
    if (f.m_info.to - f.m_info.from > kMaxWindowMs)
        throw Refused("its window is longer than a snapshot may be (31 days)");
    if (f.m_info.to > 32'503'680'000'000)
        throw Refused("its window ends after the year 3000");
    std::string settingsError;
    if (!settingsFromJson(meta["settings"], f.m_settings, &settingsError))
        throw Refused("its settings cannot be read (" + settingsError + ")");
    f.m_settings.file = f.m_path;
}

// The sources and their poll log.
void SnapshotReader::readSources(sqlite3 *db, SnapshotFile &f) {
    Stmt s(db, "SELECT id, name, kind, url, interval_ms, version FROM sources ORDER BY id");
    while (s.step()) {
        SourceHealth h;
        h.id = boundedText(s, 0);
        h.name = boundedText(s, 1);
        h.kind = s.i64(2) == 1 ? SourceKind::Alertmanager : SourceKind::Prometheus;
        h.url = boundedText(s, 3);
        h.intervalMs = std::clamp<std::int64_t>(s.i64(4), 1000, 86'400'000);
        h.version = boundedText(s, 5);
        f.m_sources.push_back(std::move(h));
    }
    Stmt p(db, "SELECT source_id, ts, latency_ms, bytes, error FROM poll_log ORDER BY ts");
    while (p.step()) {
        SnapshotFile::PollRec r;
        r.time = when(p, 1);
        r.latencyMs = p.dbl(2);
        r.bytes = p.i64(3);
        r.failed = !p.isNull(4);
        r.error = boundedText(p, 4);
        f.m_polls[boundedText(p, 0)].push_back(std::move(r));
    }
}

// The hosts by slot, and each host's states in order.
void SnapshotReader::readHosts(sqlite3 *db, SnapshotFile &f) {
    Stmt s(db, "SELECT slot, name, sources FROM hosts ORDER BY name");
    while (s.step()) {
        SnapshotFile::HostRec h;
        h.slot = s.i64(0);
        h.name = boundedText(s, 1);
        h.sources = stringsFromJson(boundedText(s, 2));
        if (h.slot < 1 || h.name.empty() || f.m_hostBySlot.count(h.slot))
            continue;
        f.m_hostBySlot[h.slot] = f.m_hosts.size();
        f.m_hosts.push_back(std::move(h));
    }
    Stmt e(db, "SELECT slot, ts, up, labels FROM host_events ORDER BY ts, rowid");
    while (e.step()) {
        const auto it = f.m_hostBySlot.find(e.i64(0));
        if (it == f.m_hostBySlot.end())
            continue;
        SnapshotFile::HostState st;
        st.time = when(e, 1);
        const auto up = e.i64(2);
        st.up = up >= -1 && up <= 2 ? static_cast<int>(up) : 0;
        if (st.up >= 0)
            st.labels = labelsFromJson(boundedText(e, 3));
        f.m_hosts[it->second].states.push_back(std::move(st));
    }
}

// Each metric's minutes of values, per host slot; slots past the file's last host and minutes outside
// the window are dropped.
void SnapshotReader::readSamples(sqlite3 *db, SnapshotFile &f) {
    std::vector<std::int64_t> ids;
    Stmt m(db, "SELECT id, key, title, unit, query FROM metrics ORDER BY id");
    while (m.step()) {
        bool ok = false;
        ids.push_back(m.i64(0));
        f.m_metrics.push_back(
            {boundedText(m, 1), boundedText(m, 2), metricUnitFromString(m.text(3), &ok), boundedText(m, 4)});
    }
    f.m_samples.resize(f.m_metrics.size());
    const std::size_t maxValues = static_cast<std::size_t>(
        f.m_hostBySlot.empty() ? 0 : std::min<std::int64_t>(f.m_hostBySlot.rbegin()->first, kMaxHosts * 4));
    Stmt v(db, "SELECT minute, vals FROM samples WHERE metric_id = ? ORDER BY minute");
    for (std::size_t k = 0; k < ids.size(); ++k) {
        v.bind(1, ids[k]);
        while (v.step()) {
            auto vals = v.floats(1);
            if (vals.size() > maxValues)
                vals.resize(maxValues); // slots past the last host in the file belong to no one
            const std::int64_t minute = v.i64(0);
            if (minute < f.m_info.from / 60'000 - 5 || minute > f.m_info.to / 60'000 + 1)
                continue; // outside the window: nothing reads it
            f.m_samples[k][minute] = std::move(vals);
        }
        v.reset();
    }
}

// The alerts (one per fingerprint) and their state changes in order.
void SnapshotReader::readAlerts(sqlite3 *db, SnapshotFile &f, std::int64_t version) {
    std::map<std::string, std::size_t> byFingerprint;
    Stmt a(db,
           version >= 2
               ? "SELECT fingerprint, labels, annotations, starts_at, ends_at, generator_url, silenced_by, "
                 "inhibited_by, seen_by, placement FROM alerts ORDER BY fingerprint"
               : "SELECT fingerprint, labels, annotations, starts_at, ends_at, generator_url, silenced_by, "
                 "inhibited_by, seen_by, NULL FROM alerts ORDER BY fingerprint");
    while (a.step()) {
        SnapshotFile::AlertRec r;
        r.alert.fingerprint = boundedText(a, 0);
        r.alert.labels = labelsFromJson(boundedText(a, 1));
        r.alert.annotations = labelsFromJson(boundedText(a, 2));
        r.alert.startsAt = when(a, 3);
        r.alert.endsAt = when(a, 4);
        r.alert.generatorUrl = boundedText(a, 5);
        r.alert.silencedBy = stringsFromJson(boundedText(a, 6));
        r.alert.inhibitedBy = stringsFromJson(boundedText(a, 7));
        r.alert.seenBy = stringsFromJson(boundedText(a, 8));
        if (const std::string placed = boundedText(a, 9); !placed.empty())
            r.alert.placement = labelsFromJson(placed);
        r.alert.key = fingerprintKey(r.alert.fingerprint);
        if (r.alert.fingerprint.empty() || byFingerprint.count(r.alert.fingerprint))
            continue;
        byFingerprint[r.alert.fingerprint] = f.m_alerts.size();
        f.m_alerts.push_back(std::move(r));
    }
    Stmt e(db, "SELECT fingerprint, ts, state FROM alert_events ORDER BY ts, rowid");
    while (e.step()) {
        const auto it = byFingerprint.find(e.text(0));
        const auto state = stateNamed(e.text(2));
        if (it != byFingerprint.end() && state)
            f.m_alerts[it->second].states.emplace_back(when(e, 1), *state);
    }
}

// The silences.
void SnapshotReader::readSilences(sqlite3 *db, SnapshotFile &f) {
    Stmt s(db, "SELECT id, matchers, starts_at, ends_at, updated_at, created_by, comment, state, seen_by "
               "FROM silences ORDER BY id");
    while (s.step()) {
        Silence x;
        x.id = boundedText(s, 0);
        x.matchers = matchersFromJson(boundedText(s, 1));
        x.startsAt = when(s, 2);
        x.endsAt = when(s, 3);
        x.updatedAt = when(s, 4);
        x.createdBy = boundedText(s, 5);
        x.comment = boundedText(s, 6);
        x.seenBy = stringsFromJson(boundedText(s, 8));
        f.m_silences.push_back(std::move(x));
    }
}

// Facts of the file's hosts, incident notes and acknowledgements.
void SnapshotReader::readFactsAndNotes(sqlite3 *db, SnapshotFile &f) {
    Stmt s(db, "SELECT slot, name, value, first_seen, last_seen FROM facts ORDER BY slot, name, value");
    while (s.step())
        if (f.m_hostBySlot.count(s.i64(0)))
            f.m_facts.push_back({s.i64(0), boundedText(s, 1), boundedText(s, 2), when(s, 3), when(s, 4)});
    Stmt n(db, "SELECT incident, author, text, ts FROM incident_notes ORDER BY ts, rowid");
    while (n.step())
        f.m_notes.push_back({boundedText(n, 0), boundedText(n, 1), boundedText(n, 2), when(n, 3)});
    Stmt a(db, "SELECT incident, source, silence_id, author, since, ends_at FROM acks ORDER BY incident");
    while (a.step())
        f.m_acks.push_back({boundedText(a, 0), boundedText(a, 1), boundedText(a, 2), boundedText(a, 3),
                            when(a, 4), when(a, 5)});
}

// Service edges, rules, joins and where services run, the maps' saved positions.
void SnapshotReader::readGraph(sqlite3 *db, SnapshotFile &f, std::int64_t version) {
    Stmt e(db, "SELECT from_service, to_service, requests_per_second, errors_per_second FROM edges "
               "ORDER BY from_service, to_service");
    while (e.step())
        f.m_edges.push_back({boundedText(e, 0), boundedText(e, 1), e.dbl(2), e.dbl(3)});
    Stmt r(db, version >= 3
                   ? "SELECT source, grp, name, query, health, last_error, for_ms FROM rules ORDER BY name"
                   : "SELECT source, grp, name, query, health, last_error, 0 FROM rules ORDER BY name");
    while (r.step())
        f.m_rules.push_back({boundedText(r, 1), boundedText(r, 2), boundedText(r, 3), boundedText(r, 4),
                             boundedText(r, 5), boundedText(r, 0),
                             std::clamp<TimeMs>(r.i64(6), 0, 365LL * 86'400'000)});
    if (version >= 4) {
        auto pairs = [&](const char *sql, std::vector<std::pair<std::string, std::string>> &out) {
            Stmt s(db, sql);
            while (s.step())
                if (auto a = boundedText(s, 0), b = boundedText(s, 1); !a.empty() && !b.empty())
                    out.emplace_back(std::move(a), std::move(b));
            std::sort(out.begin(), out.end()); // the file's order is not trusted
            out.erase(std::unique(out.begin(), out.end()), out.end());
        };
        pairs("SELECT label, value FROM joined ORDER BY label, value", f.m_joined);
        pairs("SELECT service, host FROM runs_on ORDER BY service, host", f.m_runsOn);
    }
    Stmt l(db, "SELECT map, name, x, y FROM layout_positions ORDER BY map, name");
    while (l.step()) {
        const double x = l.dbl(2), y = l.dbl(3);
        if (std::isfinite(x) && std::isfinite(y))
            f.m_layouts[boundedText(l, 0)].push_back({boundedText(l, 1), {x, y}});
    }
}

void SnapshotReader::deriveEvents(SnapshotFile &f) {
    const TimeMs from = f.m_info.from;
    // Alert changes by minute: fired and resolved, with the names of the alerts.
    std::map<std::pair<std::int64_t, bool>, std::pair<TimeMs, std::map<std::string, int>>> byMinute;
    for (const auto &a : f.m_alerts) {
        bool open = false;
        for (const auto &[t, s] : a.states) {
            const bool nowOpen = s != AlertState::Resolved;
            if (nowOpen != open && t > from) {
                auto &slot = byMinute[{t / 60'000, nowOpen}];
                slot.first = slot.first ? std::min(slot.first, t) : t;
                ++slot.second[std::string(a.alert.name())];
            }
            open = nowOpen;
        }
    }
    for (const auto &[key, value] : byMinute) {
        std::vector<std::pair<int, std::string>> names;
        int total = 0;
        for (const auto &[name, n] : value.second) {
            names.emplace_back(n, name);
            total += n;
        }
        std::sort(names.begin(), names.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        std::string what;
        for (std::size_t i = 0; i < names.size() && i < 4; ++i)
            what += (i ? ", " : "") + names[i].second +
                    (names[i].first > 1 ? " x" + std::to_string(names[i].first) : "");
        if (names.size() > 4)
            what += ", ...";
        SnapshotEvent e{value.first,
                        key.second ? SnapshotEvent::Kind::AlertFired : SnapshotEvent::Kind::AlertResolved,
                        what, total};
        f.m_events.push_back(std::move(e));
    }
    for (const auto &[id, polls] : f.m_polls) {
        bool failing = false;
        for (const auto &p : polls) {
            if (p.failed != failing)
                f.m_events.push_back(
                    {p.time,
                     p.failed ? SnapshotEvent::Kind::SourceFailed : SnapshotEvent::Kind::SourceRecovered,
                     id});
            failing = p.failed;
        }
    }
    for (const auto &s : f.m_silences)
        if (s.startsAt > from && s.startsAt <= f.m_info.to)
            f.m_events.push_back({s.startsAt, SnapshotEvent::Kind::SilenceCreated, s.comment});
    for (const auto &n : f.m_notes)
        if (n.time > from && n.time <= f.m_info.to)
            f.m_events.push_back({n.time, SnapshotEvent::Kind::Note, n.text});
    std::stable_sort(f.m_events.begin(), f.m_events.end(),
                     [](const SnapshotEvent &a, const SnapshotEvent &b) { return a.time < b.time; });
}

void SnapshotReader::validate(sqlite3 *db) {
    validateFile(db);
}

} // namespace vigil::snapshot
