#pragma once
// Vigil's configuration as operators write it (YAML or JSON), validated with errors that name file,
// line and key. Secrets read here stay in memory only (DESIGN rule 7).
#include "../fleet/host.h"
#include "../fleet/queryprofile.h"
#include "../support/credentials.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigil {

struct SourceConfig {
    std::string name;
    std::string prometheusUrl;                 // may be empty: an Alertmanager-only source
    std::vector<std::string> alertmanagerUrls; // an HA cluster: several URLs, deduplicated
    // Names of the labels Prometheus adds to alerts it sends (global.external_labels): the two copies
    // of an alert are merged ignoring them. Read from /api/v1/status/config when not given.
    std::vector<std::string> externalLabels;
    std::int64_t intervalMs = 15000;
    std::int64_t timeoutMs = 10000;
    std::int64_t alertmanagerTimeoutMs = 20000; // Alertmanager with inhibitions can take 10 s (PEERS.md)
    // How often the hosts' facts are asked (facts_interval; 0: every poll). Configuration changes by
    // hand or by a cron job writing node_exporter's textfiles, and its answers are half a poll's bytes.
    std::int64_t factsIntervalMs = 60000;
    Credentials auth;
    // `secret: keychain`: the bearer token (or, with basic_auth, the password) is in the system keychain
    // under the source's name (config/secrets.h), read at start; never in a file.
    bool secretInKeychain = false;
    // Why the keychain's secret could not be read; the source then polls without it and says so.
    std::string secretProblem;
    bool tlsVerify = true;
    std::string caFile;   // extra CA bundle, one source's only
    std::string certFile; // client certificate and key (PEM)
    std::string keyFile;
    std::uint64_t maxPollBytes = 1ull << 30; // all answers of one poll at once (http.max_poll_bytes)
};

// The fleet's shape: the physical label hierarchy and the service dependency graph. Triage and the
// topology map read both from FleetGraph (models/analysis).
struct TopologyConfig {
    std::vector<std::string> hierarchy{"region", "zone", "rack"}; // outermost first; hosts are the leaves
    std::string serviceLabel = "service";                         // a host's service; falls back to `role`
    std::vector<ServiceEdge> edges;                               // written by operators (edges / edges_file)
};

// How triage regroups and correlates (models/analysis/correlation.h has the meaning of each).
struct TriageConfig {
    std::vector<std::string> groupBy{"alertname"};
    std::int64_t windowMs = 5 * 60'000;
    int stormAlertsPerMinute = 60;
    std::int64_t ackDurationMs = 30 * 60'000; // each acknowledgement silence, and each extension
    std::int64_t ackMaxMs = 12 * 3600'000;    // extended while the incident lasts, at most this long
    bool ackConfirm = true;                   // acknowledging asks once (a session may skip it)
    // A failure (what a cause is made of): alerts at or above this severity rank (1 warning, 2 critical),
    // and alerts with these names whatever their severity (triage.cause_severity, triage.cause_alerts).
    int causeSeverity = 2;
    std::vector<std::string> causeAlerts;
};

// Drift: the operators' baseline file (none: the fleet's consensus), and the label that groups hosts.
struct DriftConfig {
    std::string baselineFile;
    std::string roleLabel = "role";
};

// The NOC wall display (`vigil --wall`): which views rotate on which screens, and what interrupts them.
struct WallPlaylistEntry {
    std::string view; // one of kWallViews
    std::int64_t dwellMs = 30'000;
    // The view's options while this entry is on screen; an entry without a filter shows the view
    // unfiltered.
    std::string filter;
    std::string metric;       // heatmap, host map: a metric key of the profile
    std::int64_t rangeMs = 0; // heatmap: the time range shown (whole hours)
    std::string grouping;     // host map: the label pools are grouped by
};

struct WallScreen {
    // Which screen: its index in the system's list (0 the first), or its name ("HDMI-1"); both empty
    // (-1, ""): the primary screen.
    int index = -1;
    std::string name;
    std::vector<WallPlaylistEntry> playlist;
};

struct WallConfig {
    // Names a playlist may use, the views' stable names.
    static const std::vector<std::string> &views();
    static std::vector<WallPlaylistEntry> defaultPlaylist();
    std::vector<WallScreen> screens{WallScreen{-1, {}, defaultPlaylist()}};
    // A new incident this severe interrupts the rotation: 2 critical, 1 warning, 3 never.
    int interruptSeverity = 2;
    std::string interruptView = "triage";
    std::int64_t interruptDwellMs = 60'000; // how long the interrupting incident stays on screen
    std::int64_t cursorHideMs = 3'000;
};

struct Config {
    std::vector<SourceConfig> sources;
    QueryProfile profile = QueryProfile::nodeExporterDefault();
    TopologyConfig topology;
    TriageConfig triage;
    DriftConfig drift;
    WallConfig wall;
    std::uint64_t maxResponseBytes = 256ull * 1024 * 1024;
    int maxConcurrentPerSource = 4;
    std::string cachePath;                       // empty: the platform cache location
    std::int64_t retentionMs = 7LL * 86'400'000; // raw samples older than 24 h are downsampled
    std::string file;                            // where it came from, for messages
};

struct ConfigError {
    std::string file;
    int line = 0; // 1-based; 0 when unknown
    std::string key;
    std::string message;
    [[nodiscard]] std::string toString() const;
};

class ConfigLoader {
public:
    static std::optional<Config> loadFile(const std::string &path, ConfigError *error);
    static std::optional<Config> loadString(const std::string &text, const std::string &fileName,
                                            ConfigError *error);
    // Checks what the command line assembled (URLs parse, names unique, at least one source).
    // An edges file (`edges_file`): `edges: [{from, to}, ...]`.
    static std::optional<std::vector<ServiceEdge>>
    loadEdgesString(const std::string &text, const std::string &fileName, ConfigError *error);
    static bool validate(const Config &config, ConfigError *error);
};

} // namespace vigil
