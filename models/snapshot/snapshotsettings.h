#pragma once
// The settings an incident snapshot carries so it reads the same anywhere: the query profile (host
// label, metrics, facts, joins, load thresholds), the topology's hierarchy and edges, triage grouping,
// drift's role label, and each source by name and URL. Never credentials, TLS files or the cache path.
#include "config/config.h"

#include <nlohmann/json.hpp>

#include <string>

namespace vigil::snapshot {

nlohmann::json settingsToJson(const Config &config);
// Reads what settingsToJson wrote, checking every type (the file is someone else's); a missing or
// wrong-typed field keeps Config's default. False with *error when the text is not such an object.
bool settingsFromJson(const std::string &text, Config &config, std::string *error);

// "https://user:secret@host:9090/path?token=x" -> "https://host:9090/path": what a snapshot may say of
// a source's URL.
std::string urlWithoutCredentials(const std::string &url);

} // namespace vigil::snapshot
