#pragma once
// Drift against baselines operators write: per role or label selector, in layers (a base for every
// host, overrides for narrower selectors; the last matching layer that names a fact decides), each fact
// held to an exact value, an allowed set, a version constraint (">= 3.0.11", compared the Debian way),
// a regular expression, or absence, with a severity. Evaluation over the snapshot's hosts and facts,
// drift grouped into clusters ("41 api hosts run openssl 3.0.9"), and the baseline a consensus
// suggests, written out as YAML. Pure std C++; loading the YAML lives in baselineloader.
#include "../fleet/regex.h"
#include "drift.h"
#include "fleet/host.h"
#include "fleet/labelmatcher.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vigil::analysis {

enum class DriftSeverity { Info, Warning, Critical };
const char *severityName(DriftSeverity s);

// Debian version order (epoch:upstream-revision, with ~ sorting before anything); semver and plain
// dotted versions compare correctly under it. Returns <0, 0, >0.
int compareVersions(std::string_view a, std::string_view b);
// Whether a string looks like a version at all (starts with a digit after an optional epoch).
bool looksLikeVersion(std::string_view v);

struct FactRule {
    enum class Kind { Equals, OneOf, Version, Regex, Absent };
    Kind kind = Kind::Equals;
    std::string fact;
    std::vector<std::string> values; // Equals: one; OneOf: the set
    std::string op;                  // Version: >=, >, <=, <, =, !=
    std::string version;             // Version: the bound
    std::shared_ptr<const Regex> regex;
    std::string pattern; // Regex: as written
    DriftSeverity severity = DriftSeverity::Warning;
    std::string origin; // "baseline.yaml:12 (db)", "consensus of 75/82 web hosts" (English, for reports)
    std::string layer;  // the layer's name ("db")
    // A rule of the fleet's consensus: how many of the layer's hosts hold the value, of how many
    // (0 for a rule from a baseline file). The views word it in the user's language.
    int consensusHolders = 0;
    int consensusHosts = 0;

    // Whether a host's value (nullopt: the host lacks the fact) complies. A version that does not look
    // like one is compared as a string, and *fallback is set.
    [[nodiscard]] bool accepts(const std::optional<std::string> &value, bool *fallback = nullptr) const;
    [[nodiscard]] bool accepts(std::optional<std::string_view> value, bool *fallback = nullptr) const;
    [[nodiscard]] std::string
    expected() const; // "= 3.0.11", "one of 1, 10", ">= 3.0.11", "~ 6\.1\..*", "absent"
};

struct BaselineLayer {
    std::string name;
    std::vector<LabelMatcher> selector; // all must hold; empty: every host
    std::vector<FactRule> rules;
};

struct Baseline {
    std::vector<BaselineLayer> layers; // in file order: later layers override earlier ones per fact
    std::string file;
    // The rules that apply to a host: per fact, the last matching layer's.
    [[nodiscard]] std::map<std::string, const FactRule *> rulesFor(const LabelSet &labels) const;
    // Whether any rule applies to a host with these labels (cheaper than rulesFor).
    [[nodiscard]] bool judges(const LabelSet &labels) const;
};

struct Violation {
    std::string host;
    const FactRule *rule = nullptr;
    std::optional<std::string> actual; // nullopt: absent
    bool stringFallback = false;
};

struct BaselineCluster {
    std::string fact, expected, actual; // actual "(absent)" when missing
    std::string layer;                  // where the rule comes from: the role or selector's layer
    DriftSeverity severity = DriftSeverity::Warning;
    std::string origin;
    int consensusHolders = 0; // as FactRule's
    int consensusHosts = 0;
    std::vector<std::string> hosts;
    TimeMs firstSeen = 0; // earliest first-seen of the drifted value among its hosts (0: unknown)
    int newLastDay = 0;   // hosts whose drifted value appeared in the last 24 h
    int newSince = 0;     // hosts not drifted this way at the last report (DriftSummary::since)
};

struct BaselineReport {
    std::vector<Violation> violations;     // by host, then fact
    std::vector<BaselineCluster> clusters; // severity, then size, then growth
    int hostsChecked = 0, hostsCompliant = 0;
    // Not judged: down, reporting no facts, or matching no baseline layer (no role label, no selector).
    int hostsDown = 0, hostsWithoutFacts = 0, hostsWithoutRules = 0;
    std::map<std::string, std::pair<int, int>> byFact; // fact -> (compliant, judged)
    std::vector<DriftNote> notes;                      // string-compare fallbacks, hosts not judged
    [[nodiscard]] double compliance() const {
        return hostsChecked ? static_cast<double>(hostsCompliant) / hostsChecked : 1.0;
    }
    [[nodiscard]] DriftSeverity worst() const;
    [[nodiscard]] bool any() const { return !violations.empty(); }
};

// The consensus (majority value per role and fact) as a baseline: one layer per role, exact values.
// Used when operators have written none.
Baseline consensusBaseline(const std::vector<ConsensusFact> &consensus, const std::string &roleLabel);

// First-seen times per (host, fact, value), from the store; may be empty.
using FirstSeen = std::map<std::tuple<std::string, std::string, std::string>, TimeMs>;

// hosts sorted by name; facts sorted by host, then name (the snapshot's order).
BaselineReport evaluateBaseline(const Baseline &baseline, const std::vector<Host> &hosts,
                                const std::vector<Fact> &facts, const FirstSeen &firstSeen = {},
                                TimeMs now = 0);

// What the drift view shows: the report with the baseline its rules live in (violations point into
// it), the consensus (for "write it out as a baseline"), compliance per role and over the last day.
struct DriftSummary {
    std::shared_ptr<const Baseline> baseline;
    BaselineReport report;
    std::vector<ConsensusFact> consensus;
    std::string againstFile; // the baseline file judged against; empty: the consensus by role
    std::string error;       // the baseline file could not be used (consensus instead)
    std::map<std::string, std::pair<int, int>> byRole; // role -> (compliant, checked)
    std::vector<std::pair<TimeMs, double>> history;    // compliance over time, oldest first
    TimeMs at = 0;
    // Against the last report (the one the operator exported or marked reviewed), rebuilt from the
    // cache for that moment: drifted (host, fact, value)s that are new since, and those fixed since.
    TimeMs since = 0; // 0: no last report, or no cache to rebuild it from
    int newSince = 0, fixedSince = 0;
};

// How one fact's values spread over the hosts a rule applies to (its layer's selector matches and no
// later matching layer names the fact; every host when rule is null), narrowed by a filter: most
// common first, "(absent)" for hosts with facts but not this one, each with whether the rule accepts it.
struct FactValues {
    struct Value {
        std::string value;
        int hosts = 0;
        bool accepted = true;
    };
    std::vector<Value> values;
    int hosts = 0;     // hosts counted
    std::string layer; // the rule's layer ("" without a rule)
};
FactValues factValues(const Baseline &baseline, const FactRule *rule, const std::string &fact,
                      const std::vector<Host> &hosts, const std::vector<Fact> &facts,
                      const std::optional<LabelFilter> &filter = std::nullopt);

// One host against its baseline: every rule that applies to it, with the host's value (several values
// joined by ","; nullopt: absent) and whether the rule accepts it. What differs comes first, each part
// in fact order. facts: sorted by host (the snapshot's order).
struct FactCheck {
    std::string fact;
    std::optional<std::string> value;
    const FactRule *rule = nullptr;
    bool complies = true;
};
std::vector<FactCheck> checkHost(const Baseline &baseline, const Host &host, const std::vector<Fact> &facts);

// The report for people (text), machines (json) and CI systems (junit: a test case per judged fact,
// failures per drift cluster).
enum class DriftFormat { Text, Json, Junit };
// Why no host was judged (hostsChecked == 0), from the counts: "12 hosts have no role label, 3 are
// down". The role label is named when the report judged against the consensus. In English, for the
// command line; the views word the same counts through tr().
std::string nothingJudgedReason(const BaselineReport &report, const std::string &consensusRoleLabel = {});

std::string formatReport(const BaselineReport &report, DriftFormat format, const std::string &title,
                         TimeMs at);

} // namespace vigil::analysis
