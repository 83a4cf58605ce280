#pragma once
// Configuration drift against a consensus baseline: where operators have written no baseline, the
// majority value of each fact among a role's hosts is the expected one (with how strong the majority
// is), and hosts that deviate the same way form one cluster ("41 api hosts run openssl 3.0.9 instead
// of 3.0.11"). Pure std C++ over the snapshot's hosts and facts.
#include "fleet/host.h"

#include <string>
#include <vector>

namespace vigil::analysis {

struct DriftOptions {
    std::string roleLabel = "role"; // hosts are compared with the others of their role
    int minHosts = 3;               // roles with fewer hosts have no meaningful majority
};

struct ConsensusFact {
    std::string role, fact, value;
    int holders = 0; // hosts of the role with this value
    int hosts = 0;   // hosts of the role
    [[nodiscard]] double strength() const { return hosts ? static_cast<double>(holders) / hosts : 0; }
};

// What a drift report could not judge, as facts rather than text: the command line's reports word it
// in English (describe), the views through tr() with plural forms (widgets/drift/driftwording.h).
struct DriftNote {
    enum class Kind {
        NoMajority,        // fact: no value held by more than half of `hosts` hosts of `role`
        NotVersions,       // fact: some values are not versions; compared as strings
        HostsDown,         // hosts: down, not judged
        HostsWithoutFacts, // hosts: reported no facts (down, or not exporting them), not judged
        HostsWithoutRules, // hosts: match no baseline layer, not judged
    };
    Kind kind = Kind::NoMajority;
    std::string fact, role;
    int hosts = 0;    // the role's hosts (NoMajority), or the hosts not judged
    int distinct = 0; // NoMajority: distinct values among them
    bool operator==(const DriftNote &o) const = default;
};
// In English, for the command line's text, JSON and JUnit reports (read by scripts and CI: the same
// words in every locale).
std::string describe(const DriftNote &note);

struct DriftCluster {
    std::string role, fact;
    std::string expected, actual; // "(absent)" when a host lacks a fact the majority has
    std::vector<std::string> hosts;
    int roleHosts = 0;
};

struct DriftReport {
    std::vector<ConsensusFact> baseline; // by role, then fact
    std::vector<DriftCluster> clusters;  // largest first
    int hostsChecked = 0;
    int hostsCompliant = 0;
    // Facts left out of the consensus because no value is held by more than half of a role's hosts
    // (a serial number, a build id: thousands of distinct values are not drift).
    std::vector<DriftNote> notes;
    [[nodiscard]] double compliance() const {
        return hostsChecked ? static_cast<double>(hostsCompliant) / hostsChecked : 1.0;
    }
};

inline constexpr const char *kAbsent = "(absent)";

// facts: (host, name, value), sorted by host, then name, then value (the snapshot's order); several
// values of one fact on one host count as one joined value.
DriftReport consensusDrift(const std::vector<Host> &hosts, const std::vector<Fact> &facts,
                           const DriftOptions &options = {});

} // namespace vigil::analysis
