#include "baseline.h"

#include "drifttracker.h"
#include "fleet/ordering.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <tuple>
#include <unordered_map>

namespace vigil::analysis {

const char *severityName(DriftSeverity s) {
    switch (s) {
    case DriftSeverity::Info:
        return "info";
    case DriftSeverity::Warning:
        return "warning";
    case DriftSeverity::Critical:
        return "critical";
    }
    return "warning";
}

namespace {
// dpkg's character order: ~ before the end, letters before other characters.
int order(char c) {
    if (std::isdigit(static_cast<unsigned char>(c)))
        return 0;
    if (std::isalpha(static_cast<unsigned char>(c)))
        return c;
    if (c == '~')
        return -1;
    if (c)
        return c + 256;
    return 0;
}

int compareFragment(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    auto digit = [](std::string_view s, std::size_t k) {
        return k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]));
    };
    while (i < a.size() || j < b.size()) {
        // Non-digit prefixes, character by character.
        while ((i < a.size() && !digit(a, i)) || (j < b.size() && !digit(b, j))) {
            const int ac = i < a.size() ? order(a[i]) : 0, bc = j < b.size() ? order(b[j]) : 0;
            if (ac != bc)
                return ac - bc;
            ++i;
            ++j;
        }
        // Then numbers, by value.
        while (i < a.size() && a[i] == '0')
            ++i;
        while (j < b.size() && b[j] == '0')
            ++j;
        int firstDiff = 0;
        while (digit(a, i) && digit(b, j)) {
            if (!firstDiff)
                firstDiff = a[i] - b[j];
            ++i;
            ++j;
        }
        if (digit(a, i))
            return 1;
        if (digit(b, j))
            return -1;
        if (firstDiff)
            return firstDiff;
    }
    return 0;
}

struct Parsed {
    long epoch = 0;
    std::string_view upstream, revision;
};

Parsed parse(std::string_view v) {
    Parsed p;
    if (auto colon = v.find(':');
        colon != std::string_view::npos && colon > 0 &&
        std::all_of(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(colon),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        p.epoch = std::stol(std::string(v.substr(0, colon)));
        v.remove_prefix(colon + 1);
    }
    if (auto dash = v.rfind('-'); dash != std::string_view::npos) {
        p.upstream = v.substr(0, dash);
        p.revision = v.substr(dash + 1);
    } else {
        p.upstream = v;
    }
    return p;
}
} // namespace

int compareVersions(std::string_view a, std::string_view b) {
    const Parsed pa = parse(a), pb = parse(b);
    if (pa.epoch != pb.epoch)
        return pa.epoch < pb.epoch ? -1 : 1;
    if (int c = compareFragment(pa.upstream, pb.upstream))
        return c < 0 ? -1 : 1;
    const int c = compareFragment(pa.revision, pb.revision);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

bool looksLikeVersion(std::string_view v) {
    const auto p = parse(v);
    return !p.upstream.empty() && std::isdigit(static_cast<unsigned char>(p.upstream.front()));
}

bool FactRule::accepts(const std::optional<std::string> &value, bool *fallback) const {
    return accepts(value ? std::optional<std::string_view>(*value) : std::nullopt, fallback);
}

bool FactRule::accepts(std::optional<std::string_view> value, bool *fallback) const {
    switch (kind) {
    case Kind::Absent:
        return !value;
    case Kind::Equals:
        return value && *value == values.front();
    case Kind::OneOf:
        return value && std::find(values.begin(), values.end(), *value) != values.end();
    case Kind::Regex:
        return value && regex && regex->fullMatch(*value);
    case Kind::Version: {
        if (!value)
            return false;
        int c;
        if (looksLikeVersion(*value) && looksLikeVersion(version)) {
            c = compareVersions(*value, version);
        } else {
            c = value->compare(std::string_view(version));
            if (fallback)
                *fallback = true;
        }
        if (op == ">=")
            return c >= 0;
        if (op == ">")
            return c > 0;
        if (op == "<=")
            return c <= 0;
        if (op == "<")
            return c < 0;
        if (op == "!=")
            return c != 0;
        return c == 0;
    }
    }
    return false;
}

std::string FactRule::expected() const {
    switch (kind) {
    case Kind::Absent:
        return "absent";
    case Kind::Equals:
        return "= " + values.front();
    case Kind::OneOf: {
        std::string s = "one of ";
        for (std::size_t i = 0; i < values.size(); ++i)
            s += (i ? ", " : "") + values[i];
        return s;
    }
    case Kind::Regex:
        return "~ " + pattern;
    case Kind::Version:
        return op + " " + version;
    }
    return {};
}

std::map<std::string, const FactRule *> Baseline::rulesFor(const LabelSet &labels) const {
    std::map<std::string, const FactRule *> out;
    for (const auto &layer : layers) {
        bool match = true;
        for (const auto &m : layer.selector)
            match = match && m.matches(labels);
        if (!match)
            continue;
        for (const auto &r : layer.rules)
            out[r.fact] = &r;
    }
    return out;
}

Baseline consensusBaseline(const std::vector<ConsensusFact> &consensus, const std::string &roleLabel) {
    Baseline b;
    b.file = "(consensus)";
    for (const auto &f : consensus) {
        if (b.layers.empty() || b.layers.back().name != f.role) {
            BaselineLayer l;
            l.name = f.role;
            std::string err;
            if (auto m = LabelMatcher::create(roleLabel, LabelMatcher::Op::Equal, f.role, &err))
                l.selector.push_back(*m);
            b.layers.push_back(std::move(l));
        }
        FactRule r;
        r.kind = FactRule::Kind::Equals;
        r.fact = f.fact;
        r.values = {f.value};
        r.layer = f.role;
        r.consensusHolders = f.holders;
        r.consensusHosts = f.hosts;
        r.origin = "consensus of " + std::to_string(f.holders) + "/" + std::to_string(f.hosts) + " " +
                   f.role + " hosts";
        b.layers.back().rules.push_back(std::move(r));
    }
    return b;
}

bool Baseline::judges(const LabelSet &labels) const {
    for (const auto &layer : layers) {
        if (layer.rules.empty())
            continue;
        bool match = true;
        for (const auto &m : layer.selector)
            match = match && m.matches(labels);
        if (match)
            return true;
    }
    return false;
}

DriftSeverity BaselineReport::worst() const {
    DriftSeverity w = DriftSeverity::Info;
    for (const auto &v : violations)
        w = std::max(w, v.rule->severity);
    return w;
}

BaselineReport evaluateBaseline(const Baseline &baseline, const std::vector<Host> &hosts,
                                const std::vector<Fact> &facts, const FirstSeen &firstSeen, TimeMs now) {
    DriftTracker tracker(std::shared_ptr<const Baseline>(std::shared_ptr<const Baseline>(), &baseline));
    tracker.reset(hosts, facts);
    return tracker.report(firstSeen, now);
}

std::vector<FactCheck> checkHost(const Baseline &baseline, const Host &host, const std::vector<Fact> &facts) {
    // The host's facts are one run of the sorted list, found by binary search.
    std::map<std::string, std::string> mine;
    auto it = std::lower_bound(facts.begin(), facts.end(), host.name,
                               [](const Fact &f, const std::string &n) { return f.host < n; });
    for (; it != facts.end() && it->host == host.name; ++it) {
        auto &v = mine[it->name];
        v += (v.empty() ? "" : ",") + it->value;
    }
    std::vector<FactCheck> out;
    for (const auto &[fact, rule] : baseline.rulesFor(host.labels)) {
        FactCheck c{fact, std::nullopt, rule, true};
        if (auto m = mine.find(fact); m != mine.end())
            c.value = m->second;
        c.complies = rule->accepts(c.value);
        out.push_back(std::move(c));
    }
    std::stable_partition(out.begin(), out.end(), [](const FactCheck &c) { return !c.complies; });
    return out;
}

FactValues factValues(const Baseline &baseline, const FactRule *rule, const std::string &fact,
                      const std::vector<Host> &hostsIn, const std::vector<Fact> &factsIn,
                      const std::optional<LabelFilter> &filter) {
    FactValues out;
    std::vector<Host> hostCopy;
    std::vector<Fact> factCopy;
    const auto &hosts = hostsByName(hostsIn, hostCopy);
    const auto &facts = factsInOrder(factsIn, factCopy);
    const auto &layers = baseline.layers;
    std::size_t ruleLayer = layers.size();
    for (std::size_t l = 0; rule && l < layers.size(); ++l)
        for (const auto &r : layers[l].rules)
            if (&r == rule)
                ruleLayer = l;
    if (ruleLayer < layers.size())
        out.layer = layers[ruleLayer].name;
    auto selects = [](const BaselineLayer &layer, const LabelSet &labels) {
        return std::all_of(layer.selector.begin(), layer.selector.end(),
                           [&](const LabelMatcher &m) { return m.matches(labels); });
    };
    auto underRule = [&](const LabelSet &labels) {
        if (ruleLayer >= layers.size())
            return true;
        if (!selects(layers[ruleLayer], labels))
            return false;
        for (std::size_t l = ruleLayer + 1; l < layers.size(); ++l)
            for (const auto &r : layers[l].rules)
                if (r.fact == fact && selects(layers[l], labels))
                    return false;
        return true;
    };
    // Hosts and facts side by side (both by host name): each host in scope with facts counts once,
    // under its value (several values joined) or "(absent)".
    std::unordered_map<std::string, int> counts;
    std::size_t fi = 0;
    std::string value;
    for (const auto &h : hosts) {
        while (fi < facts.size() && facts[fi].host < h.name)
            ++fi;
        if (fi >= facts.size() || facts[fi].host != h.name)
            continue; // no facts: not judged, not counted
        bool has = false;
        value.clear();
        for (; fi < facts.size() && facts[fi].host == h.name; ++fi)
            if (facts[fi].name == fact) {
                if (has)
                    value += ',';
                value += facts[fi].value;
                has = true;
            }
        if ((filter && !filter->matches(h.labels, h.name)) || !underRule(h.labels))
            continue;
        ++out.hosts;
        ++counts[has ? value : std::string(kAbsent)];
    }
    out.values.reserve(counts.size());
    for (auto &[v, n] : counts) {
        const bool absent = v == kAbsent;
        const bool ok = !rule || rule->accepts(absent ? std::nullopt : std::optional<std::string_view>(v));
        out.values.push_back({v, n, ok});
    }
    std::sort(out.values.begin(), out.values.end(),
              [](const FactValues::Value &a, const FactValues::Value &b) {
                  return a.hosts != b.hosts ? a.hosts > b.hosts : a.value < b.value;
              });
    return out;
}

namespace {
std::string xmlEscape(const std::string &s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string hostList(const std::vector<std::string> &hosts, std::size_t max) {
    std::string s;
    for (std::size_t i = 0; i < hosts.size() && i < max; ++i)
        s += (i ? ", " : "") + hosts[i];
    if (hosts.size() > max)
        s += ", +" + std::to_string(hosts.size() - max) + " more";
    return s;
}
} // namespace

std::string nothingJudgedReason(const BaselineReport &r, const std::string &roleLabel) {
    std::vector<std::string> parts;
    if (r.hostsWithoutRules)
        parts.push_back(std::to_string(r.hostsWithoutRules) +
                        (roleLabel.empty() ? " host(s) match no baseline layer"
                                           : " host(s) have no \"" + roleLabel + "\" label to compare by"));
    if (r.hostsWithoutFacts)
        parts.push_back(std::to_string(r.hostsWithoutFacts) +
                        " host(s) report no fact series (profile.facts)");
    if (r.hostsDown)
        parts.push_back(std::to_string(r.hostsDown) + " host(s) are down");
    if (parts.empty())
        return "the sources reported no hosts";
    std::string out;
    for (const auto &p : parts)
        out += (out.empty() ? "" : ", ") + p;
    return out;
}

std::string formatReport(const BaselineReport &r, DriftFormat format, const std::string &title, TimeMs at) {
    char pct[32];
    std::snprintf(pct, sizeof pct, "%.1f", r.compliance() * 100);
    if (format == DriftFormat::Json) {
        nlohmann::json j;
        j["title"] = title;
        j["at"] = formatRfc3339(at);
        j["hostsChecked"] = r.hostsChecked;
        j["hostsCompliant"] = r.hostsCompliant;
        j["hostsDown"] = r.hostsDown;
        j["hostsWithoutFacts"] = r.hostsWithoutFacts;
        j["hostsWithoutRules"] = r.hostsWithoutRules;
        // Nothing judged is no compliance figure at all, not 100 %.
        j["compliance"] = r.hostsChecked ? nlohmann::json(r.compliance()) : nlohmann::json();
        j["worst"] = r.any() ? severityName(r.worst()) : "none";
        nlohmann::json facts = nlohmann::json::object();
        for (const auto &[fact, cj] : r.byFact)
            facts[fact] = {{"compliant", cj.first}, {"judged", cj.second}};
        j["facts"] = facts;
        nlohmann::json clusters = nlohmann::json::array();
        for (const auto &c : r.clusters)
            clusters.push_back(
                {{"fact", c.fact},
                 {"expected", c.expected},
                 {"actual", c.actual},
                 {"severity", severityName(c.severity)},
                 {"rule", c.origin},
                 {"hosts", c.hosts},
                 {"firstSeen", c.firstSeen ? nlohmann::json(formatRfc3339(c.firstSeen)) : nlohmann::json()},
                 {"newLastDay", c.newLastDay}});
        j["clusters"] = clusters;
        nlohmann::json notes = nlohmann::json::array();
        for (const auto &n : r.notes)
            notes.push_back(describe(n));
        j["notes"] = notes;
        return j.dump(2) + "\n";
    }
    if (format == DriftFormat::Junit) {
        int failures = 0;
        std::string cases;
        for (const auto &[fact, cj] : r.byFact) {
            cases += "  <testcase classname=\"drift\" name=\"" + xmlEscape(fact) + "\">\n";
            for (const auto &c : r.clusters)
                if (c.fact == fact) {
                    ++failures;
                    cases += "    <failure type=\"" + std::string(severityName(c.severity)) +
                             "\" message=\"" +
                             xmlEscape(std::to_string(c.hosts.size()) + " host(s) have " + c.actual +
                                       ", expected " + c.expected) +
                             "\">" + xmlEscape(hostList(c.hosts, 1000)) + "</failure>\n";
                }
            cases += "  </testcase>\n";
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + xmlEscape(title) +
               "\" tests=\"" + std::to_string(r.byFact.size()) + "\" failures=\"" + std::to_string(failures) +
               "\" timestamp=\"" + formatRfc3339(at) + "\">\n" + cases + "</testsuite>\n";
    }
    std::string out = title + " at " + formatRfc3339(at) + "\n";
    if (r.hostsChecked)
        out += "Compliance: " + std::string(pct) + " % (" + std::to_string(r.hostsCompliant) + " of " +
               std::to_string(r.hostsChecked) + " hosts)\n";
    else
        out += "Compliance: nothing judged (no host could be judged; see the notes)\n";
    if (r.clusters.empty())
        out += "No drift.\n";
    for (const auto &c : r.clusters) {
        out += "\n[" + std::string(severityName(c.severity)) + "] " + std::to_string(c.hosts.size()) +
               " host(s): " + c.fact + " is " + c.actual + ", expected " + c.expected;
        if (c.firstSeen)
            out += "; first seen " + formatRfc3339(c.firstSeen);
        if (c.newLastDay)
            out += "; +" + std::to_string(c.newLastDay) + " in the last 24 h";
        out += "\n  rule: " + c.origin + "\n  hosts: " + hostList(c.hosts, 12) + "\n";
    }
    for (const auto &n : r.notes)
        out += "note: " + describe(n) + "\n";
    return out;
}

} // namespace vigil::analysis
