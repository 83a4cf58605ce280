#include "configdocument.h"

#include "yamlerror.h"

#include "../support/timeutil.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace vigil {

namespace {

std::string scalar(const YAML::Node &n, const std::string &fallback = {}) {
    return n && n.IsScalar() ? n.Scalar() : fallback;
}

std::int64_t durationOr(const YAML::Node &n, std::int64_t fallback) {
    const auto ms = parseDurationMs(scalar(n));
    return ms ? *ms : fallback;
}

std::vector<std::string> strings(const YAML::Node &n) {
    std::vector<std::string> out;
    if (n && n.IsSequence())
        for (const auto &item : n)
            if (item.IsScalar())
                out.push_back(item.Scalar());
    return out;
}

YAML::Node flowList(const std::vector<std::string> &items) {
    YAML::Node list(YAML::NodeType::Sequence);
    for (const auto &s : items)
        list.push_back(s);
    list.SetStyle(YAML::EmitterStyle::Flow);
    return list;
}

// The keys of a source this dialog edits; every other key is kept in SourceDraft::rest.
const char *const kOwnedSourceKeys[] = {"name",
                                        "prometheus",
                                        "alertmanagers",
                                        "alertmanager",
                                        "interval",
                                        "timeout",
                                        "alertmanager_timeout",
                                        "bearer_token",
                                        "bearer_token_file",
                                        "basic_auth",
                                        "tls",
                                        "secret"};

SourceDraft sourceDraft(const YAML::Node &n) {
    SourceDraft s;
    s.name = scalar(n["name"]);
    s.prometheus = scalar(n["prometheus"]);
    if (n["alertmanager"])
        s.alertmanagers.push_back(scalar(n["alertmanager"]));
    for (auto &u : strings(n["alertmanagers"]))
        s.alertmanagers.push_back(std::move(u));
    s.intervalMs = durationOr(n["interval"], s.intervalMs);
    s.timeoutMs = durationOr(n["timeout"], s.timeoutMs);
    s.alertmanagerTimeoutMs = durationOr(n["alertmanager_timeout"], s.alertmanagerTimeoutMs);
    const YAML::Node basic = n["basic_auth"];
    const bool keychain = scalar(n["secret"]) == "keychain";
    if (basic && basic.IsMap()) {
        s.auth = SourceDraft::Auth::Basic;
        s.username = scalar(basic["username"]);
        if (basic["password_file"]) {
            s.secretAt = SourceDraft::SecretAt::File;
            s.secretFile = scalar(basic["password_file"]);
        } else if (basic["password"] && !keychain) {
            s.secretAt = SourceDraft::SecretAt::InConfig;
            s.secretInConfig = scalar(basic["password"]);
        }
    } else if (n["bearer_token_file"]) {
        s.auth = SourceDraft::Auth::Bearer;
        s.secretAt = SourceDraft::SecretAt::File;
        s.secretFile = scalar(n["bearer_token_file"]);
    } else if (n["bearer_token"]) {
        s.auth = SourceDraft::Auth::Bearer;
        s.secretAt = SourceDraft::SecretAt::InConfig;
        s.secretInConfig = scalar(n["bearer_token"]);
    } else if (keychain) {
        s.auth = SourceDraft::Auth::Bearer;
    }
    if (const YAML::Node tls = n["tls"]; tls && tls.IsMap()) {
        s.tlsVerify = scalar(tls["insecure_skip_verify"]) != "true";
        s.caFile = scalar(tls["ca_file"]);
        s.certFile = scalar(tls["cert_file"]);
        s.keyFile = scalar(tls["key_file"]);
    }
    s.rest = YAML::Node(YAML::NodeType::Map);
    for (auto it = n.begin(); it != n.end(); ++it) {
        const std::string key = scalar(it->first);
        if (std::find(std::begin(kOwnedSourceKeys), std::end(kOwnedSourceKeys), key) ==
            std::end(kOwnedSourceKeys))
            s.rest[key] = YAML::Clone(it->second);
    }
    return s;
}

YAML::Node sourceNode(const SourceDraft &s) {
    YAML::Node n(YAML::NodeType::Map);
    n["name"] = s.name;
    if (!s.prometheus.empty())
        n["prometheus"] = s.prometheus;
    if (!s.alertmanagers.empty())
        n["alertmanagers"] = flowList(s.alertmanagers);
    n["interval"] = ConfigDocument::formatDuration(s.intervalMs);
    n["timeout"] = ConfigDocument::formatDuration(s.timeoutMs);
    if (!s.alertmanagers.empty())
        n["alertmanager_timeout"] = ConfigDocument::formatDuration(s.alertmanagerTimeoutMs);
    if (s.auth == SourceDraft::Auth::Basic) {
        YAML::Node b(YAML::NodeType::Map);
        b["username"] = s.username;
        if (s.secretAt == SourceDraft::SecretAt::File)
            b["password_file"] = s.secretFile;
        else if (s.secretAt == SourceDraft::SecretAt::InConfig)
            b["password"] = s.secretInConfig;
        n["basic_auth"] = b;
    } else if (s.auth == SourceDraft::Auth::Bearer) {
        if (s.secretAt == SourceDraft::SecretAt::File)
            n["bearer_token_file"] = s.secretFile;
        else if (s.secretAt == SourceDraft::SecretAt::InConfig)
            n["bearer_token"] = s.secretInConfig;
    }
    if (s.auth != SourceDraft::Auth::None && s.secretAt == SourceDraft::SecretAt::Keychain)
        n["secret"] = "keychain";
    if (!s.tlsVerify || !s.caFile.empty() || !s.certFile.empty() || !s.keyFile.empty()) {
        YAML::Node t(YAML::NodeType::Map);
        if (!s.tlsVerify)
            t["insecure_skip_verify"] = true;
        if (!s.caFile.empty())
            t["ca_file"] = s.caFile;
        if (!s.certFile.empty())
            t["cert_file"] = s.certFile;
        if (!s.keyFile.empty())
            t["key_file"] = s.keyFile;
        n["tls"] = t;
    }
    if (s.rest && s.rest.IsMap())
        for (auto it = s.rest.begin(); it != s.rest.end(); ++it)
            n[scalar(it->first)] = YAML::Clone(it->second);
    return n;
}

} // namespace

std::string ConfigDocument::formatDuration(std::int64_t ms) {
    if (ms % 3'600'000 == 0 && ms >= 3'600'000)
        return std::to_string(ms / 3'600'000) + "h";
    if (ms % 60'000 == 0 && ms >= 60'000)
        return std::to_string(ms / 60'000) + "m";
    if (ms % 1000 == 0)
        return std::to_string(ms / 1000) + "s";
    return std::to_string(ms) + "ms";
}

std::optional<ConfigDocument> ConfigDocument::load(const std::string &path, ConfigError *error) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return fromString({}, path, error);
    const auto text = readYamlFile(path, "cannot open the file", error);
    return text ? fromString(*text, path, error) : std::nullopt;
}

std::optional<ConfigDocument> ConfigDocument::fromString(const std::string &text, const std::string &path,
                                                         ConfigError *error) {
    ConfigDocument d;
    d.m_path = path;
    try {
        d.m_root = YAML::Load(text);
    } catch (const YAML::Exception &e) {
        if (error)
            *error = ConfigError{path, e.mark.is_null() ? 0 : e.mark.line + 1, {}, e.msg};
        return std::nullopt;
    }
    if (!d.m_root || d.m_root.IsNull())
        d.m_root = YAML::Node(YAML::NodeType::Map);
    if (!d.m_root.IsMap()) {
        if (error)
            *error = ConfigError{path, 1, {}, "expected a mapping at the top (sources:, profile:, ...)"};
        return std::nullopt;
    }
    return d;
}

SettingsDraft ConfigDocument::draft() const {
    SettingsDraft d;
    if (const YAML::Node srcs = m_root["sources"]; srcs && srcs.IsSequence())
        for (const auto &s : srcs)
            if (s.IsMap())
                d.sources.push_back(sourceDraft(s));
    if (const YAML::Node p = m_root["profile"])
        d.profile = p.IsScalar() ? p.Scalar() : std::string();
    if (const YAML::Node t = m_root["topology"]; t && t.IsMap()) {
        d.hierarchy = strings(t["hierarchy"]);
        d.serviceLabel = scalar(t["service_label"]);
    }
    if (const YAML::Node c = m_root["cache"]; c && c.IsMap()) {
        d.cachePath = scalar(c["path"]);
        d.retentionMs = durationOr(c["retention"], d.retentionMs);
    }
    return d;
}

void ConfigDocument::apply(const SettingsDraft &d) {
    YAML::Node srcs(YAML::NodeType::Sequence);
    for (const auto &s : d.sources)
        srcs.push_back(sourceNode(s));
    m_root["sources"] = srcs;
    if (!d.profile.empty())
        m_root["profile"] = d.profile;
    YAML::Node topology = m_root["topology"] && m_root["topology"].IsMap() ? m_root["topology"]
                                                                           : YAML::Node(YAML::NodeType::Map);
    if (d.hierarchy.empty())
        topology.remove("hierarchy");
    else
        topology["hierarchy"] = flowList(d.hierarchy);
    if (d.serviceLabel.empty())
        topology.remove("service_label");
    else
        topology["service_label"] = d.serviceLabel;
    if (topology.size() > 0)
        m_root["topology"] = topology;
    else
        m_root.remove("topology");
    YAML::Node cache =
        m_root["cache"] && m_root["cache"].IsMap() ? m_root["cache"] : YAML::Node(YAML::NodeType::Map);
    if (d.cachePath.empty())
        cache.remove("path");
    else
        cache["path"] = d.cachePath;
    cache["retention"] = formatDuration(d.retentionMs);
    m_root["cache"] = cache;
}

std::string ConfigDocument::text() const {
    YAML::Emitter out;
    out << m_root;
    return std::string("# Vigil's settings (written by its settings dialog; other keys are kept).\n") +
           out.c_str() + "\n";
}

std::optional<Config> ConfigDocument::check(ConfigError *error) const {
    return ConfigLoader::loadString(text(), m_path, error);
}

} // namespace vigil
