#include "config.h"
#include "yamlerror.h"
#include "yamlreader.h"

#include <cmath>

#include "../support/timeutil.h"
#include "../support/url.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace vigil {

std::string ConfigError::toString() const {
    std::string s = file.empty() ? std::string("config") : file;
    if (line > 0)
        s += ":" + std::to_string(line);
    if (!key.empty())
        s += ": " + key;
    return s + ": " + message;
}

namespace {

class Reader : public YamlReader {
public:
    using YamlReader::YamlReader;

    SourceConfig source(const YAML::Node &n, const std::string &path) const {
        allowKeys(n, path,
                  {"name", "prometheus", "alertmanagers", "alertmanager", "interval", "timeout",
                   "alertmanager_timeout", "bearer_token", "bearer_token_file", "basic_auth", "tls",
                   "external_labels", "secret", "facts_interval"});
        SourceConfig s;
        if (!n["name"])
            fail(n, join(path, "name"), "every source needs a name");
        s.name = string(n["name"], join(path, "name"));
        if (n["prometheus"])
            s.prometheusUrl = url(n["prometheus"], join(path, "prometheus"));
        if (n["alertmanager"])
            s.alertmanagerUrls.push_back(url(n["alertmanager"], join(path, "alertmanager")));
        if (const auto am = n["alertmanagers"]) {
            if (!am.IsSequence())
                fail(am, join(path, "alertmanagers"), "expected a list of URLs");
            for (std::size_t i = 0; i < am.size(); ++i)
                s.alertmanagerUrls.push_back(
                    url(am[i], join(path, "alertmanagers[" + std::to_string(i) + "]")));
        }
        if (s.prometheusUrl.empty() && s.alertmanagerUrls.empty())
            fail(n, path, "a source needs a prometheus URL, alertmanager URLs, or both");
        if (const auto x = n["external_labels"]) {
            // Label names Prometheus adds on the way to Alertmanager, for backends whose
            // /api/v1/status/config cannot tell (Thanos, Mimir, VictoriaMetrics).
            const std::string xp = join(path, "external_labels");
            if (!x.IsSequence())
                fail(x, xp, "expected a list of label names, e.g. [prometheus, cluster]");
            for (std::size_t i = 0; i < x.size(); ++i)
                s.externalLabels.push_back(string(x[i], xp));
        }
        if (n["interval"])
            s.intervalMs = duration(n["interval"], join(path, "interval"));
        if (n["timeout"])
            s.timeoutMs = duration(n["timeout"], join(path, "timeout"));
        if (n["alertmanager_timeout"])
            s.alertmanagerTimeoutMs = duration(n["alertmanager_timeout"], join(path, "alertmanager_timeout"));
        if (n["facts_interval"])
            s.factsIntervalMs =
                duration(n["facts_interval"], join(path, "facts_interval"), /*zeroAllowed=*/true);
        if (n["bearer_token"])
            s.auth.bearerToken = string(n["bearer_token"], join(path, "bearer_token"));
        if (n["bearer_token_file"])
            s.auth.bearerToken = secretFile(n["bearer_token_file"], join(path, "bearer_token_file"));
        if (const auto b = n["basic_auth"]) {
            const std::string bp = join(path, "basic_auth");
            allowKeys(b, bp, {"username", "password", "password_file"});
            if (!b["username"])
                fail(b, join(bp, "username"), "basic_auth needs a username");
            s.auth.username = string(b["username"], join(bp, "username"));
            if (b["password"])
                s.auth.password = string(b["password"], join(bp, "password"));
            if (b["password_file"])
                s.auth.password = secretFile(b["password_file"], join(bp, "password_file"));
        }
        if (const auto k = n["secret"]) {
            // Where the settings dialog keeps a token: `secret: keychain`. The secret itself is read at
            // start (config/secrets.h); the file never holds it.
            if (string(k, join(path, "secret")) != "keychain")
                fail(k, join(path, "secret"),
                     "expected \"keychain\" (the token or password is in the system keychain)");
            if (!s.auth.bearerToken.empty() || !s.auth.password.empty())
                fail(k, join(path, "secret"),
                     "the secret is in the keychain or in this file, not both: remove bearer_token or the "
                     "basic_auth password");
            s.secretInKeychain = true;
        }
        if (const auto t = n["tls"]) {
            const std::string tp = join(path, "tls");
            // As Prometheus' own tls_config; every file is checked now, so a typo is a config error
            // naming the key, not a failing source later.
            allowKeys(t, tp, {"insecure_skip_verify", "ca_file", "cert_file", "key_file"});
            if (t["insecure_skip_verify"])
                s.tlsVerify = !boolean(t["insecure_skip_verify"], join(tp, "insecure_skip_verify"));
            if (t["ca_file"])
                s.caFile = readableFile(t["ca_file"], join(tp, "ca_file"));
            if (t["cert_file"])
                s.certFile = readableFile(t["cert_file"], join(tp, "cert_file"));
            if (t["key_file"])
                s.keyFile = readableFile(t["key_file"], join(tp, "key_file"));
            if (s.certFile.empty() != s.keyFile.empty())
                fail(t, tp, "a client certificate needs both cert_file and key_file");
        }
        return s;
    }

    // profile.load: {metric: cpu, hot: 0.85, idle: 0.2}
    LoadProfile load(const YAML::Node &n, const std::string &path, const QueryProfile &p) const {
        if (!n.IsMap())
            fail(n, path, "expected a map with metric, hot and idle");
        allowKeys(n, path, {"metric", "hot", "idle"});
        LoadProfile l;
        if (n["metric"]) {
            l.metric = string(n["metric"], join(path, "metric"));
            if (p.metricIndex(l.metric) < 0)
                fail(n["metric"], join(path, "metric"),
                     "no metric with the key \"" + l.metric + "\" in the profile");
        }
        for (auto [key, out] : {std::pair{"hot", &l.hot}, std::pair{"idle", &l.idle}}) {
            const auto v = n[key];
            if (!v)
                continue;
            if (!v.IsScalar() || !YAML::convert<double>::decode(v, *out) || !std::isfinite(*out))
                fail(v, join(path, key), "expected a number in the metric's unit");
        }
        if (l.idle >= l.hot)
            fail(n, path, "idle must be below hot");
        return l;
    }

    // profile: kubernetes, or a map that may start from one: {base: kubernetes, ...}. A named profile
    // also sets the topology's and triage's defaults that go with it (the sections still override them).
    QueryProfile profile(const YAML::Node &n, const std::string &path, Config &c) const {
        std::string base = "node_exporter";
        if (n.IsScalar())
            base = string(n, path);
        else if (n.IsMap() && n["base"])
            base = string(n["base"], join(path, "base"));
        if (base != "node_exporter" && base != "kubernetes")
            fail(n.IsScalar() ? n : n["base"], n.IsScalar() ? path : join(path, "base"),
                 "unknown profile \"" + base + "\" (expected node_exporter or kubernetes)");
        QueryProfile p = QueryProfile::nodeExporterDefault();
        if (base == "kubernetes") {
            p = QueryProfile::kubernetes();
            c.topology.hierarchy = {"region", "zone"};
            c.topology.serviceLabel = "workload";
            c.triage.causeAlerts = {"KubeNodeNotReady", "KubeNodeUnreachable"};
        }
        if (n.IsScalar())
            return p;
        allowKeys(n, path,
                  {"base", "host_label", "host_strip_port", "up", "metrics", "facts", "load", "joins",
                   "service_aliases"});
        // host_label: instance, or a list tried in order: [node, instance, nodename, hostname].
        if (const auto h = n["host_label"]) {
            const std::string hp = join(path, "host_label");
            p.host.labels.clear();
            if (h.IsSequence()) {
                for (std::size_t i = 0; i < h.size(); ++i)
                    p.host.labels.push_back(string(h[i], hp));
            } else {
                p.host.labels.push_back(string(h, hp));
            }
            if (p.host.labels.empty() || std::any_of(p.host.labels.begin(), p.host.labels.end(),
                                                     [](const auto &l) { return l.empty(); }))
                fail(h, hp, "expected a label name or a list of them, tried in order");
        }
        if (n["host_strip_port"])
            p.host.stripPort = boolean(n["host_strip_port"], join(path, "host_strip_port"));
        if (n["up"])
            p.upQuery = string(n["up"], join(path, "up"));
        if (const auto ms = n["metrics"]) {
            if (!ms.IsSequence())
                fail(ms, join(path, "metrics"), "expected a list");
            p.metrics.clear();
            p.wear.clear();
            std::set<std::string> keys;
            for (std::size_t i = 0; i < ms.size(); ++i) {
                const std::string mp = join(path, "metrics[" + std::to_string(i) + "]");
                allowKeys(ms[i], mp, {"key", "title", "unit", "query", "fail_at"});
                MetricQuery m;
                if (!ms[i]["key"] || !ms[i]["query"])
                    fail(ms[i], mp, "a metric needs a key and a query");
                m.key = string(ms[i]["key"], join(mp, "key"));
                if (!keys.insert(m.key).second)
                    fail(ms[i]["key"], join(mp, "key"), "duplicate metric key \"" + m.key + "\"");
                m.query = string(ms[i]["query"], join(mp, "query"));
                m.title = ms[i]["title"] ? string(ms[i]["title"], join(mp, "title")) : m.key;
                if (ms[i]["unit"]) {
                    bool ok = false;
                    m.unit = metricUnitFromString(string(ms[i]["unit"], join(mp, "unit")), &ok);
                    if (!ok)
                        fail(ms[i]["unit"], join(mp, "unit"), "expected ratio, bytes_per_second or number");
                }
                if (const auto fa = ms[i]["fail_at"]) {
                    double v = 0;
                    if (!fa.IsScalar() || !YAML::convert<double>::decode(fa, v) || !std::isfinite(v))
                        fail(fa, join(mp, "fail_at"),
                             "expected a number (the value at which the part fails)");
                    p.wear.push_back({m.key, v});
                }
                p.metrics.push_back(std::move(m));
            }
        }
        if (const auto l = n["load"])
            p.load = load(l, join(path, "load"), p);
        if (const auto fs = n["facts"]) {
            if (!fs.IsSequence())
                fail(fs, join(path, "facts"), "expected a list");
            p.facts.clear();
            for (std::size_t i = 0; i < fs.size(); ++i) {
                const std::string fp = join(path, "facts[" + std::to_string(i) + "]");
                allowKeys(fs[i], fp, {"name", "query", "labels", "keys"});
                FactQuery f;
                if (!fs[i]["name"] || !fs[i]["query"] || !fs[i]["labels"] || !fs[i]["labels"].IsSequence())
                    fail(fs[i], fp, "a fact query needs a name, a query and a list of labels");
                f.name = string(fs[i]["name"], join(fp, "name"));
                f.query = string(fs[i]["query"], join(fp, "query"));
                for (std::size_t k = 0; k < fs[i]["labels"].size(); ++k)
                    f.valueLabels.push_back(string(fs[i]["labels"][k], join(fp, "labels")));
                if (const auto keys = fs[i]["keys"]) {
                    if (!keys.IsSequence())
                        fail(keys, join(fp, "keys"), "expected a list of identity labels");
                    for (std::size_t k = 0; k < keys.size(); ++k)
                        f.keyLabels.push_back(string(keys[k], join(fp, "keys")));
                }
                p.facts.push_back(std::move(f));
            }
        }
        if (const auto js = n["joins"])
            p.joins = joins(js, join(path, "joins"));
        // service_aliases: [deployment, statefulset, daemonset]
        if (const auto sa = n["service_aliases"]) {
            const std::string sp = join(path, "service_aliases");
            if (!sa.IsSequence())
                fail(sa, sp, "expected a list of label names");
            p.serviceAliases.clear();
            for (std::size_t i = 0; i < sa.size(); ++i)
                p.serviceAliases.push_back(string(sa[i], sp));
        }
        return p;
    }

    // profile.joins: [{query: kube_pod_info, on: [namespace, pod], add: [node]}]
    std::vector<JoinQuery> joins(const YAML::Node &n, const std::string &path) const {
        if (!n.IsSequence())
            fail(n, path, "expected a list of {query, on, add}");
        std::vector<JoinQuery> out;
        for (std::size_t i = 0; i < n.size(); ++i) {
            const std::string ip = path + "[" + std::to_string(i) + "]";
            allowKeys(n[i], ip, {"query", "on", "add"});
            JoinQuery q;
            if (!n[i]["query"] || !n[i]["on"] || !n[i]["add"] || !n[i]["on"].IsSequence() ||
                !n[i]["add"].IsSequence() || n[i]["on"].size() == 0 || n[i]["add"].size() == 0)
                fail(n[i], ip, "a join needs a query and non-empty lists on (shared labels) and add");
            q.query = string(n[i]["query"], join(ip, "query"));
            for (std::size_t k = 0; k < n[i]["on"].size(); ++k)
                q.on.push_back(string(n[i]["on"][k], join(ip, "on")));
            for (std::size_t k = 0; k < n[i]["add"].size(); ++k)
                q.add.push_back(string(n[i]["add"][k], join(ip, "add")));
            out.push_back(std::move(q));
        }
        return out;
    }

    std::vector<ServiceEdge> edgeList(const YAML::Node &n, const std::string &path) const {
        if (!n.IsSequence())
            fail(n, path, "expected a list of {from: SERVICE, to: SERVICE}");
        std::vector<ServiceEdge> out;
        for (std::size_t i = 0; i < n.size(); ++i) {
            const std::string ep = path + "[" + std::to_string(i) + "]";
            allowKeys(n[i], ep, {"from", "to"});
            if (!n[i]["from"] || !n[i]["to"])
                fail(n[i], ep, "an edge needs from and to");
            ServiceEdge e;
            e.from = string(n[i]["from"], join(ep, "from"));
            e.to = string(n[i]["to"], join(ep, "to"));
            if (e.from == e.to)
                fail(n[i], ep, "an edge from a service to itself");
            if (e.to == "*")
                fail(n[i], ep, "\"*\" is only a from: every service depends on the to");
            out.push_back(std::move(e));
        }
        return out;
    }

    void topology(const YAML::Node &n, const std::string &path, Config &c) const {
        allowKeys(n, path,
                  {"hierarchy", "service_label", "edges", "edges_file", "edge_query", "edge_error_query",
                   "edge_source_label", "edge_destination_label"});
        if (const auto h = n["hierarchy"]) {
            if (!h.IsSequence() || h.size() == 0)
                fail(h, join(path, "hierarchy"), "expected a non-empty list of labels, outermost first");
            c.topology.hierarchy.clear();
            for (std::size_t i = 0; i < h.size(); ++i)
                c.topology.hierarchy.push_back(string(h[i], join(path, "hierarchy")));
        }
        if (n["service_label"])
            c.topology.serviceLabel = string(n["service_label"], join(path, "service_label"));
        if (n["edges"])
            c.topology.edges = edgeList(n["edges"], join(path, "edges"));
        if (n["edges_file"]) {
            std::string file = string(n["edges_file"], join(path, "edges_file"));
            if (!file.empty() && file[0] != '/' && m_file.find('/') != std::string::npos)
                file = m_file.substr(0, m_file.rfind('/') + 1) + file;
            std::ifstream in(file);
            if (!in)
                fail(n["edges_file"], join(path, "edges_file"), "cannot open \"" + file + "\"");
            std::stringstream ss;
            ss << in.rdbuf();
            ConfigError error;
            auto more = ConfigLoader::loadEdgesString(ss.str(), file, &error);
            if (!more)
                throw YamlFailure{error};
            c.topology.edges.insert(c.topology.edges.end(), more->begin(), more->end());
        }
        if (n["edge_query"])
            c.profile.edgeQuery = string(n["edge_query"], join(path, "edge_query"));
        if (n["edge_error_query"])
            c.profile.edgeErrorQuery = string(n["edge_error_query"], join(path, "edge_error_query"));
        if (n["edge_source_label"])
            c.profile.edgeSourceLabel = string(n["edge_source_label"], join(path, "edge_source_label"));
        if (n["edge_destination_label"])
            c.profile.edgeDestinationLabel =
                string(n["edge_destination_label"], join(path, "edge_destination_label"));
    }

    Config config(const YAML::Node &root) const {
        Config c;
        c.file = m_file;
        if (!root.IsDefined() || root.IsNull())
            fail(root, "", "the file is empty");
        allowKeys(root, "", {"sources", "profile", "http", "cache", "topology", "triage", "drift", "wall"});
        const auto srcs = root["sources"];
        if (!srcs || !srcs.IsSequence() || srcs.size() == 0)
            fail(srcs ? srcs : root, "sources", "expected a non-empty list of sources");
        std::set<std::string> names;
        for (std::size_t i = 0; i < srcs.size(); ++i) {
            const std::string path = "sources[" + std::to_string(i) + "]";
            auto s = source(srcs[i], path);
            if (!names.insert(s.name).second)
                fail(srcs[i]["name"], path + ".name", "duplicate source name \"" + s.name + "\"");
            c.sources.push_back(std::move(s));
        }
        if (root["profile"])
            c.profile = profile(root["profile"], "profile", c);
        if (const auto h = root["http"]) {
            allowKeys(h, "http", {"max_response_bytes", "max_concurrent_per_source", "max_poll_bytes"});
            if (h["max_poll_bytes"]) {
                const auto budget =
                    static_cast<std::uint64_t>(integer(h["max_poll_bytes"], "http.max_poll_bytes", 1024));
                for (auto &src : c.sources)
                    src.maxPollBytes = budget;
            }
            if (h["max_response_bytes"])
                c.maxResponseBytes = static_cast<std::uint64_t>(
                    integer(h["max_response_bytes"], "http.max_response_bytes", 1024));
            if (h["max_concurrent_per_source"])
                c.maxConcurrentPerSource = static_cast<int>(
                    integer(h["max_concurrent_per_source"], "http.max_concurrent_per_source", 1));
        }
        if (root["topology"])
            topology(root["topology"], "topology", c);
        if (const auto t = root["triage"]) {
            allowKeys(t, "triage",
                      {"group_by", "window", "storm_alerts_per_minute", "ack_duration", "ack_max",
                       "ack_confirm", "cause_severity", "cause_alerts"});
            if (const auto cs = t["cause_severity"]) {
                const std::string v = string(cs, "triage.cause_severity");
                if (v != "warning" && v != "critical")
                    fail(cs, "triage.cause_severity", "expected warning or critical");
                c.triage.causeSeverity = v == "warning" ? 1 : 2;
            }
            if (const auto ca = t["cause_alerts"]) {
                if (!ca.IsSequence())
                    fail(ca, "triage.cause_alerts", "expected a list of alert names");
                c.triage.causeAlerts.clear();
                for (std::size_t i = 0; i < ca.size(); ++i)
                    c.triage.causeAlerts.push_back(string(ca[i], "triage.cause_alerts"));
            }
            if (t["ack_duration"])
                c.triage.ackDurationMs = duration(t["ack_duration"], "triage.ack_duration");
            if (t["ack_max"])
                c.triage.ackMaxMs = duration(t["ack_max"], "triage.ack_max");
            if (t["ack_confirm"])
                c.triage.ackConfirm = boolean(t["ack_confirm"], "triage.ack_confirm");
            if (const auto g = t["group_by"]) {
                if (!g.IsSequence() || g.size() == 0)
                    fail(g, "triage.group_by", "expected a non-empty list of labels");
                c.triage.groupBy.clear();
                for (std::size_t i = 0; i < g.size(); ++i)
                    c.triage.groupBy.push_back(string(g[i], "triage.group_by"));
            }
            if (t["window"])
                c.triage.windowMs = duration(t["window"], "triage.window");
            if (t["storm_alerts_per_minute"])
                c.triage.stormAlertsPerMinute = static_cast<int>(
                    integer(t["storm_alerts_per_minute"], "triage.storm_alerts_per_minute", 1));
        }
        if (const auto d = root["drift"]) {
            allowKeys(d, "drift", {"baseline", "role_label"});
            if (d["baseline"]) {
                c.drift.baselineFile = string(d["baseline"], "drift.baseline");
                // Relative to the configuration file, as operators keep them side by side.
                if (!c.drift.baselineFile.empty() && c.drift.baselineFile.front() != '/' && !m_file.empty()) {
                    const auto slash = m_file.rfind('/');
                    if (slash != std::string::npos)
                        c.drift.baselineFile = m_file.substr(0, slash + 1) + c.drift.baselineFile;
                }
            }
            if (d["role_label"])
                c.drift.roleLabel = string(d["role_label"], "drift.role_label");
        }
        if (root["wall"])
            c.wall = readWall(*this, root["wall"], "wall");
        if (const auto ca = root["cache"]) {
            allowKeys(ca, "cache", {"path", "retention"});
            if (ca["path"])
                c.cachePath = string(ca["path"], "cache.path");
            if (ca["retention"])
                c.retentionMs = duration(ca["retention"], "cache.retention");
        }
        return c;
    }
};

} // namespace

std::optional<Config> ConfigLoader::loadString(const std::string &text, const std::string &fileName,
                                               ConfigError *error) {
    return readYaml(text, fileName, error,
                    [&](const YAML::Node &root) { return Reader(fileName).config(root); });
}

std::optional<std::vector<ServiceEdge>>
ConfigLoader::loadEdgesString(const std::string &text, const std::string &fileName, ConfigError *error) {
    return readYaml(text, fileName, error, [&](const YAML::Node &root) {
        const Reader inner(fileName);
        inner.allowKeys(root, "", {"edges"});
        if (!root["edges"])
            inner.fail(root, "edges", "expected a list of edges under `edges`");
        return inner.edgeList(root["edges"], "edges");
    });
}

std::optional<Config> ConfigLoader::loadFile(const std::string &path, ConfigError *error) {
    const auto text = readYamlFile(path, "cannot open the file", error);
    return text ? loadString(*text, path, error) : std::nullopt;
}

bool ConfigLoader::validate(const Config &c, ConfigError *error) {
    auto fail = [&](const std::string &key, const std::string &msg) {
        if (error)
            *error = ConfigError{c.file.empty() ? std::string("command line") : c.file, 0, key, msg};
        return false;
    };
    if (c.sources.empty())
        return fail("sources", "no source configured: pass --config FILE, --prometheus URL, or --demo");
    std::set<std::string> names;
    for (const auto &s : c.sources) {
        if (!names.insert(s.name).second)
            return fail("sources", "duplicate source name \"" + s.name + "\"");
        std::string err;
        if (!s.prometheusUrl.empty() && !Url::parse(s.prometheusUrl, &err))
            return fail(s.name + ".prometheus", err);
        for (const auto &u : s.alertmanagerUrls)
            if (!Url::parse(u, &err))
                return fail(s.name + ".alertmanager", err);
    }
    return true;
}

} // namespace vigil
