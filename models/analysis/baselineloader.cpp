#include "baselineloader.h"

#include "../config/yamlerror.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace vigil {

namespace {
class Reader {
public:
    explicit Reader(std::string file)
        : m_file(std::move(file)) {}

    [[noreturn]] void fail(const YAML::Node &node, const std::string &key, const std::string &msg) const {
        yamlFail(m_file, node, key, msg);
    }

    std::string scalar(const YAML::Node &n, const std::string &key) const {
        if (!n.IsScalar())
            fail(n, key, "expected a string");
        return n.as<std::string>();
    }

    analysis::Baseline read(const YAML::Node &root) {
        analysis::Baseline b;
        b.file = m_file;
        if (!root.IsMap())
            fail(root, "", "expected a mapping with a \"layers\" list");
        for (auto it = root.begin(); it != root.end(); ++it)
            if (it->first.as<std::string>() != "layers")
                fail(it->first, it->first.as<std::string>(), "unknown key (expected: layers)");
        const auto layers = root["layers"];
        if (!layers || !layers.IsSequence() || layers.size() == 0)
            fail(layers ? layers : root, "layers", "expected a non-empty list of layers");
        for (std::size_t i = 0; i < layers.size(); ++i)
            b.layers.push_back(layer(layers[i], "layers[" + std::to_string(i) + "]"));
        return b;
    }

private:
    analysis::BaselineLayer layer(const YAML::Node &n, const std::string &path) {
        if (!n.IsMap())
            fail(n, path, "expected a mapping with name, match and facts");
        for (auto it = n.begin(); it != n.end(); ++it) {
            const auto k = it->first.as<std::string>();
            if (k != "name" && k != "match" && k != "facts")
                fail(it->first, path + "." + k, "unknown key (expected one of: name, match, facts)");
        }
        analysis::BaselineLayer l;
        l.name = n["name"] ? scalar(n["name"], path + ".name") : path;
        if (const auto m = n["match"]) {
            std::string err;
            const std::string text = scalar(m, path + ".match");
            auto filter = LabelFilter::parse(text, &err);
            if (!filter)
                fail(m, path + ".match", err);
            if (!filter->words().empty())
                fail(m, path + ".match",
                     "expected label matchers such as role=\"db\", not \"" + filter->words().front() + "\"");
            l.selector = filter->matchers();
        }
        const auto facts = n["facts"];
        if (!facts || !facts.IsMap() || facts.size() == 0)
            fail(facts ? facts : n, path + ".facts", "expected a mapping of facts to rules");
        std::set<std::string> seen;
        for (auto it = facts.begin(); it != facts.end(); ++it) {
            const std::string fact = it->first.as<std::string>();
            const std::string fp = path + ".facts." + fact;
            if (!seen.insert(fact).second)
                fail(it->first, fp, "the fact appears twice in this layer: contradictory rules");
            auto r = rule(it->second, fp);
            r.fact = fact;
            r.origin = m_file + ":" + std::to_string(it->first.Mark().line + 1) + " (" + l.name + ")";
            r.layer = l.name;
            l.rules.push_back(std::move(r));
        }
        return l;
    }

    analysis::FactRule rule(const YAML::Node &n, const std::string &path) {
        using analysis::FactRule;
        FactRule r;
        if (n.IsScalar()) { // shorthand: the exact value
            r.kind = FactRule::Kind::Equals;
            r.values = {n.as<std::string>()};
            return r;
        }
        if (!n.IsMap())
            fail(n, path, "expected a value or a rule such as {version: \">= 3.0.11\"}");
        int kinds = 0;
        for (auto it = n.begin(); it != n.end(); ++it) {
            const auto k = it->first.as<std::string>();
            const std::string kp = path + "." + k;
            if (k == "equals") {
                r.kind = FactRule::Kind::Equals;
                r.values = {scalar(it->second, kp)};
                ++kinds;
            } else if (k == "one_of") {
                r.kind = FactRule::Kind::OneOf;
                if (!it->second.IsSequence() || it->second.size() == 0)
                    fail(it->second, kp, "expected a non-empty list of values");
                for (std::size_t i = 0; i < it->second.size(); ++i)
                    r.values.push_back(scalar(it->second[i], kp));
                ++kinds;
            } else if (k == "version") {
                r.kind = FactRule::Kind::Version;
                const std::string text = scalar(it->second, kp);
                std::istringstream in(text);
                in >> r.op >> r.version;
                static const std::set<std::string> ops{">=", ">", "<=", "<", "=", "!="};
                if (!ops.count(r.op) || r.version.empty())
                    fail(it->second, kp,
                         "expected a constraint such as \">= 3.0.11\" (operators: >= > <= < = !=)");
                ++kinds;
            } else if (k == "regex") {
                r.kind = FactRule::Kind::Regex;
                r.pattern = scalar(it->second, kp);
                std::string why;
                r.regex = Regex::compile(r.pattern, &why);
                if (!r.regex)
                    fail(it->second, kp, "the regular expression does not compile: " + why);
                ++kinds;
            } else if (k == "absent") {
                if (!it->second.IsScalar() || it->second.as<std::string>() != "true")
                    fail(it->second, kp, "expected true (the fact must not be there)");
                r.kind = FactRule::Kind::Absent;
                ++kinds;
            } else if (k == "severity") {
                const std::string s = scalar(it->second, kp);
                if (s == "info")
                    r.severity = analysis::DriftSeverity::Info;
                else if (s == "warning")
                    r.severity = analysis::DriftSeverity::Warning;
                else if (s == "critical")
                    r.severity = analysis::DriftSeverity::Critical;
                else
                    fail(it->second, kp, "expected info, warning or critical");
            } else {
                fail(it->first, kp,
                     "unknown key (expected one of: equals, one_of, version, regex, absent, severity)");
            }
        }
        if (kinds == 0)
            fail(n, path, "a rule needs one of: equals, one_of, version, regex, absent");
        if (kinds > 1)
            fail(n, path,
                 "contradictory: a rule takes exactly one of equals, one_of, version, regex, absent");
        return r;
    }

    std::string m_file;
};
} // namespace

std::optional<analysis::Baseline>
BaselineLoader::loadString(const std::string &text, const std::string &fileName, ConfigError *error) {
    return readYaml(text, fileName, error,
                    [&](const YAML::Node &root) { return Reader(fileName).read(root); });
}

std::optional<analysis::Baseline> BaselineLoader::loadFile(const std::string &path, ConfigError *error) {
    const auto text = readYamlFile(path, "cannot open the baseline file", error);
    return text ? loadString(*text, path, error) : std::nullopt;
}

std::string BaselineLoader::fromConsensus(const analysis::DriftReport &consensus,
                                          const std::string &roleLabel) {
    auto quote = [](const std::string &s) {
        std::string out = "\"";
        for (char c : s)
            out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
        return out + "\"";
    };
    std::string out = "# Written by Vigil from the fleet's consensus (the majority value per " + roleLabel +
                      " and fact).\n# Review before committing: a majority is not always right.\nlayers:\n";
    std::string role;
    for (const auto &f : consensus.baseline) {
        if (f.role != role) {
            role = f.role;
            out += "  - name: " + quote(role) + "\n    match: " + quote(roleLabel + "=\"" + role + "\"") +
                   "\n    facts:\n";
        }
        char strength[32];
        std::snprintf(strength, sizeof strength, "%.0f", f.strength() * 100);
        out += "      " + quote(f.fact) + ": " + quote(f.value) + "  # " + strength + " % of " +
               std::to_string(f.hosts) + " hosts\n";
    }
    return out;
}

} // namespace vigil
