#pragma once
// The incident snapshot file (docs/snapshot-format.md): one SQLite database, told apart from any other by
// its application_id, versioned by user_version. The schema is written here once, for the exporter and
// for the reader's check of a file it did not write.
#include <cstdint>

namespace vigil::snapshot {

constexpr std::int32_t kApplicationId = 0x5647494C; // "VGIL"
// 2 added alerts.placement (the labels a join placed an alert by), 3 rules.for_ms (a rule's `for:`, so a
// replay times alerts as the live view did), 4 the tables joined and runs_on (the workloads the joins
// named and the nodes their pods ran on); older files are still read.
constexpr int kFormatVersion = 4;

// Bounds on what a file may hold before Vigil refuses it (a snapshot of 100,000 hosts over a day stays
// well inside them).
constexpr std::int64_t kMaxFileBytes = 4LL << 30;
constexpr std::int64_t kMaxHosts = 1'000'000;
constexpr std::int64_t kMaxRows = 50'000'000;   // any one table
constexpr std::int64_t kMaxTextBytes = 1 << 20; // any one value
constexpr std::int64_t kMaxWindowMs = 31LL * 86'400'000;

// Format 1's alerts table, without placement.
inline constexpr const char *kAlertColumnsV1 =
    "fingerprint,labels,annotations,starts_at,ends_at,generator_url,silenced_by,inhibited_by,seen_by";
// Formats 1 and 2's rules table, without for_ms.
inline constexpr const char *kRuleColumnsV2 = "source,grp,name,query,health,last_error";

struct TableSpec {
    const char *name;
    const char *columns; // as PRAGMA table_info lists them, comma-separated
    const char *ddl;
    int since = 1; // the format that added the table: an older file lacks it
};

inline constexpr TableSpec kTables[] = {
    {"meta", "key,value", "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"},
    {"sources", "id,name,kind,url,interval_ms,version",
     "CREATE TABLE sources(id TEXT PRIMARY KEY, name TEXT NOT NULL, kind INTEGER NOT NULL, url TEXT NOT "
     "NULL, "
     "interval_ms INTEGER NOT NULL, version TEXT)"},
    {"poll_log", "source_id,ts,latency_ms,bytes,error",
     "CREATE TABLE poll_log(source_id TEXT NOT NULL, ts INTEGER NOT NULL, latency_ms REAL, bytes INTEGER, "
     "error TEXT)"},
    {"hosts", "slot,name,sources",
     "CREATE TABLE hosts(slot INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, sources TEXT NOT NULL)"},
    {"host_events", "slot,ts,up,labels",
     "CREATE TABLE host_events(slot INTEGER NOT NULL, ts INTEGER NOT NULL, up INTEGER NOT NULL, labels "
     "TEXT)"},
    {"metrics", "id,key,title,unit,query",
     "CREATE TABLE metrics(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, title TEXT NOT NULL, "
     "unit TEXT NOT NULL, query TEXT NOT NULL)"},
    {"samples", "metric_id,minute,vals",
     "CREATE TABLE samples(metric_id INTEGER NOT NULL, minute INTEGER NOT NULL, vals BLOB NOT NULL, "
     "PRIMARY KEY(metric_id, minute)) WITHOUT ROWID"},
    {"alerts",
     "fingerprint,labels,annotations,starts_at,ends_at,generator_url,silenced_by,inhibited_by,seen_by,"
     "placement",
     "CREATE TABLE alerts(fingerprint TEXT PRIMARY KEY, labels TEXT NOT NULL, annotations TEXT NOT NULL, "
     "starts_at INTEGER, ends_at INTEGER, generator_url TEXT, silenced_by TEXT NOT NULL, "
     "inhibited_by TEXT NOT NULL, seen_by TEXT NOT NULL, placement TEXT)"},
    {"alert_events", "fingerprint,ts,state",
     "CREATE TABLE alert_events(fingerprint TEXT NOT NULL, ts INTEGER NOT NULL, state TEXT NOT NULL)"},
    {"silences", "id,matchers,starts_at,ends_at,updated_at,created_by,comment,state,seen_by",
     "CREATE TABLE silences(id TEXT PRIMARY KEY, matchers TEXT NOT NULL, starts_at INTEGER, ends_at INTEGER, "
     "updated_at INTEGER, created_by TEXT, comment TEXT, state TEXT, seen_by TEXT NOT NULL)"},
    {"facts", "slot,name,value,first_seen,last_seen",
     "CREATE TABLE facts(slot INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, "
     "first_seen INTEGER NOT NULL, last_seen INTEGER)"},
    {"incident_notes", "incident,author,ts,text",
     "CREATE TABLE incident_notes(incident TEXT NOT NULL, author TEXT NOT NULL, ts INTEGER NOT NULL, "
     "text TEXT NOT NULL)"},
    {"acks", "incident,source,silence_id,author,since,ends_at",
     "CREATE TABLE acks(incident TEXT NOT NULL, source TEXT NOT NULL, silence_id TEXT NOT NULL, "
     "author TEXT NOT NULL, since INTEGER NOT NULL, ends_at INTEGER NOT NULL)"},
    {"edges", "from_service,to_service,requests_per_second,errors_per_second",
     "CREATE TABLE edges(from_service TEXT NOT NULL, to_service TEXT NOT NULL, requests_per_second REAL, "
     "errors_per_second REAL)"},
    {"rules", "source,grp,name,query,health,last_error,for_ms",
     "CREATE TABLE rules(source TEXT NOT NULL, grp TEXT NOT NULL, name TEXT NOT NULL, query TEXT NOT NULL, "
     "health TEXT NOT NULL, last_error TEXT NOT NULL, for_ms INTEGER)"},
    {"layout_positions", "map,name,x,y",
     "CREATE TABLE layout_positions(map TEXT NOT NULL, name TEXT NOT NULL, x REAL NOT NULL, y REAL NOT "
     "NULL)"},
    {"joined", "label,value", "CREATE TABLE joined(label TEXT NOT NULL, value TEXT NOT NULL)", 4},
    {"runs_on", "service,host", "CREATE TABLE runs_on(service TEXT NOT NULL, host TEXT NOT NULL)", 4},
};

} // namespace vigil::snapshot
