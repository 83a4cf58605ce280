#pragma once
// The user's configuration file as the settings dialog edits it: the sources, the query profile preset,
// the topology labels and the cache, read from the YAML document and written back into it, so every
// other key an operator wrote there (triage, drift, wall, edges, a custom profile) is kept. Comments are
// not: yaml-cpp does not keep them. An operator's --config file is never opened through this.
#include "config.h"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigil {

struct SourceDraft {
    enum class Auth { None, Bearer, Basic };
    // Where the token or password is: the keychain (`secret: keychain`), a file only the user can read
    // (bearer_token_file / password_file), or written into the configuration itself by an operator.
    enum class SecretAt { Keychain, File, InConfig };
    std::string name;
    std::string prometheus;
    std::vector<std::string> alertmanagers;
    std::int64_t intervalMs = 15'000;
    std::int64_t timeoutMs = 10'000;
    std::int64_t alertmanagerTimeoutMs = 20'000;
    Auth auth = Auth::None;
    std::string username;
    SecretAt secretAt = SecretAt::Keychain;
    std::string secretFile;     // SecretAt::File
    std::string secretInConfig; // SecretAt::InConfig: kept as the operator wrote it
    bool tlsVerify = true;
    std::string caFile;
    std::string certFile;
    std::string keyFile;
    // The keys of the source this dialog does not edit (external_labels, ...), written back unchanged.
    YAML::Node rest;
};

struct SettingsDraft {
    std::vector<SourceDraft> sources;
    // A shipped profile ("node_exporter", "kubernetes"); empty when the file holds a profile of its own
    // (a map), which is then kept as it is.
    std::string profile = "node_exporter";
    std::vector<std::string> hierarchy; // empty: the profile's
    std::string serviceLabel;           // empty: the profile's
    std::string cachePath;              // empty: the platform's cache folder
    std::int64_t retentionMs = 7LL * 86'400'000;
};

class ConfigDocument {
public:
    // A file that does not exist is an empty document; one that does not parse is an error (the dialog
    // then refuses to write over what the operator wrote).
    static std::optional<ConfigDocument> load(const std::string &path, ConfigError *error);
    static std::optional<ConfigDocument> fromString(const std::string &text, const std::string &path,
                                                    ConfigError *error);

    [[nodiscard]] SettingsDraft draft() const;
    // Replaces what the draft holds and keeps the rest.
    void apply(const SettingsDraft &draft);
    [[nodiscard]] std::string text() const;
    // The configuration the text makes, checked as `vigil` checks it at start.
    [[nodiscard]] std::optional<Config> check(ConfigError *error) const;

    static std::string formatDuration(std::int64_t ms);

private:
    std::string m_path;
    YAML::Node m_root;
};

} // namespace vigil
