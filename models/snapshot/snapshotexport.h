#pragma once
// Exports a window of the cache as an incident snapshot file: hosts and their up/label changes, every
// metric at the cache's resolution, every alert state change, silences, facts, notes and acknowledgements,
// the poll log, the service graph and map positions, and the settings that read them
// (docs/snapshot-format.md). Pure C++ over SQLite: call it off the GUI thread.
#include "analysis/metricgrid.h"
#include "config/config.h"
#include "fleet/fleetsnapshot.h"
#include "snapshotredact.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace vigil::snapshot {

// History of one metric over [from, to] at one-minute steps for the hosts the exporter asks about, from
// somewhere other than the cache (the sources' query_range); nullopt when there is none.
using HistoryFill =
    std::function<std::optional<analysis::MetricGrid>(const std::string &metricKey, TimeMs from, TimeMs to)>;

struct ExportRequest {
    std::string cachePath; // the cache to read (flushed by its writer first)
    std::string outPath;   // written as outPath + ".partial", renamed when complete
    TimeMs from = 0, to = 0;
    std::string incident; // the incident the file is about (its key), may be empty
    std::string title;    // the incident's title, or what the operator called the window
    std::string createdBy;
    std::string vigilVersion;
    // Minutes of the window the cache lacks (Vigil was not running, or started after `from`) are filled
    // from here when set.
    HistoryFill fill;
    Redaction redaction;
};

struct ExportResult {
    bool ok = false;
    bool cancelled = false;
    std::string error;
    std::int64_t bytes = 0;
    std::int64_t hosts = 0, alerts = 0, sampleRows = 0;
    std::int64_t filledRows = 0;  // sample rows filled from the sources
    std::int64_t missingRows = 0; // minutes x metrics of the window with no values at all
};

// `current` (may be null) gives what the cache does not keep: the service graph with its rates, the
// alerting rules and the fleet size. `progress` gets the fraction done and returns false to cancel; a
// cancelled or failed export leaves no file behind (and an existing outPath untouched).
ExportResult exportSnapshot(const Config &config, const FleetSnapshot *current, const ExportRequest &request,
                            const std::function<bool(double)> &progress = {});

// Replaces credentials in URLs inside free text ("scheme://user:pass@host" -> "scheme://host").
std::string withoutUrlCredentials(const std::string &text);

} // namespace vigil::snapshot
