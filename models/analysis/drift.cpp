#include "drift.h"

#include "fleet/ordering.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace vigil::analysis {

namespace {
// One host's facts as (name, value) views, several values of one fact joined with ","; the facts are
// sorted by host then name, so a host's are one run.
struct HostFacts {
    std::vector<std::pair<std::string_view, std::string_view>> items;
    std::vector<std::string> joined; // storage for joined values (rare)
};

void collect(const std::vector<Fact> &facts, std::size_t &k, std::string_view host, HostFacts &out) {
    out.items.clear();
    out.joined.clear();
    out.joined.reserve(8);
    while (k < facts.size() && facts[k].host < host)
        ++k;
    for (; k < facts.size() && facts[k].host == host; ++k) {
        if (!out.items.empty() && out.items.back().first == facts[k].name) {
            if (out.joined.size() == out.joined.capacity())
                break; // pathological duplicates: keep what we have rather than invalidate views
            out.joined.push_back(std::string(out.items.back().second) + "," + facts[k].value);
            out.items.back().second = out.joined.back();
            continue;
        }
        out.items.emplace_back(facts[k].name, facts[k].value);
    }
}
} // namespace

std::string describe(const DriftNote &note) {
    const std::string hosts = std::to_string(note.hosts) + " host(s)";
    switch (note.kind) {
    case DriftNote::Kind::NoMajority:
        return note.fact + " has no majority value among the " + std::to_string(note.hosts) + " " +
               note.role + " hosts (" + std::to_string(note.distinct) + " distinct values); not judged";
    case DriftNote::Kind::NotVersions:
        return note.fact + ": some values are not versions; compared as strings";
    case DriftNote::Kind::HostsDown:
        return hosts + " are down and were not judged";
    case DriftNote::Kind::HostsWithoutFacts:
        return hosts + " reported no facts (down, or not exporting them) and were not judged";
    case DriftNote::Kind::HostsWithoutRules:
        return hosts + " match no baseline layer and were not judged";
    }
    return {};
}

DriftReport consensusDrift(const std::vector<Host> &hostsIn, const std::vector<Fact> &factsIn,
                           const DriftOptions &o) {
    // The snapshot keeps hosts by name and facts by host then name (facts must come so: checking 5 million
    // of them costs more than the analysis); hosts are sorted here when they are not.
    std::vector<Host> hostCopy;
    std::vector<Fact> factCopy;
    const auto &hosts = hostsByName(hostsIn, hostCopy);
    const auto &facts = factsInOrder(factsIn, factCopy);
    DriftReport report;
    // Roles and their hosts (hosts come sorted by name).
    std::map<std::string_view, std::vector<std::size_t>> members;
    // Hosts without any fact (down, or not exporting them) say nothing about the role's values.
    std::size_t fk = 0;
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        while (fk < facts.size() && facts[fk].host < hosts[i].name)
            ++fk;
        const bool hasFacts = fk < facts.size() && facts[fk].host == hosts[i].name;
        if (const auto role = hosts[i].labels.value(o.roleLabel); !role.empty() && hasFacts)
            members[role].push_back(i);
    }

    struct Tally {
        std::vector<std::pair<std::string, int>> counts; // value -> holders, while there are few
        std::unordered_map<std::string, int> many;       // beyond kFew distinct values (serials, ids)
        int holders = 0;
    };
    HostFacts hf;
    for (const auto &[role, idx] : members) {
        const int n = static_cast<int>(idx.size());
        if (n < o.minHosts)
            continue;
        // Pass 1: how many hosts of the role hold each value of each fact.
        std::unordered_map<std::string_view, Tally> tallies;
        std::vector<std::string_view> order; // facts in first-seen order, sorted below
        std::size_t k = 0;
        for (std::size_t i : idx) {
            collect(facts, k, hosts[i].name, hf);
            for (const auto &[name, value] : hf.items) {
                auto [it, fresh] = tallies.try_emplace(name);
                if (fresh)
                    order.push_back(it->first);
                auto &t = it->second;
                ++t.holders;
                constexpr std::size_t kFew = 16; // a linear scan beats hashing below this
                if (!t.many.empty()) {
                    ++t.many[std::string(value)];
                    continue;
                }
                auto c = std::find_if(t.counts.begin(), t.counts.end(),
                                      [&v = value](const auto &p) { return p.first == v; });
                if (c != t.counts.end()) {
                    ++c->second;
                } else if (t.counts.size() < kFew) {
                    t.counts.emplace_back(std::string(value), 1);
                } else {
                    for (auto &[v, cnt] : t.counts)
                        t.many.emplace(std::move(v), cnt);
                    t.counts.clear();
                    t.many.emplace(std::string(value), 1);
                }
            }
        }
        std::sort(order.begin(), order.end());
        // The majority per fact ("(absent)" when most hosts lack it).
        std::unordered_map<std::string_view, std::string> majority;
        for (auto fact : order) {
            auto &t = tallies[fact];
            if (!t.many.empty())
                t.counts.assign(std::make_move_iterator(t.many.begin()),
                                std::make_move_iterator(t.many.end()));
            if (t.holders < n)
                t.counts.emplace_back(kAbsent, n - t.holders);
            std::sort(t.counts.begin(), t.counts.end()); // by value: ties break the same way every time
            const auto best =
                std::max_element(t.counts.begin(), t.counts.end(),
                                 [](const auto &a, const auto &b) { return a.second < b.second; });
            if (best->second * 2 <= n) { // no majority: nothing to hold the others to
                report.notes.push_back({DriftNote::Kind::NoMajority, std::string(fact), std::string(role), n,
                                        static_cast<int>(t.counts.size())});
                continue;
            }
            report.baseline.push_back({std::string(role), std::string(fact), best->first, best->second, n});
            if (best->second < n)
                majority.emplace(fact, best->first);
        }
        if (majority.empty()) {
            report.hostsChecked += n;
            report.hostsCompliant += n;
            continue;
        }
        // Pass 2: the hosts that deviate, by (fact, value).
        std::map<std::pair<std::string_view, std::string>, std::vector<std::string>> deviations;
        k = 0;
        for (std::size_t i : idx) {
            collect(facts, k, hosts[i].name, hf);
            bool ok = true;
            std::size_t j = 0;
            for (const auto &[fact, expected] : majority) {
                (void)j;
                auto it = std::lower_bound(hf.items.begin(), hf.items.end(), fact,
                                           [](const auto &p, std::string_view f) { return p.first < f; });
                const std::string_view actual =
                    it != hf.items.end() && it->first == fact ? it->second : std::string_view(kAbsent);
                if (actual != expected) {
                    ok = false;
                    deviations[{fact, std::string(actual)}].push_back(hosts[i].name);
                }
            }
            ++report.hostsChecked;
            report.hostsCompliant += ok;
        }
        for (auto &[key, hs] : deviations)
            report.clusters.push_back({std::string(role), std::string(key.first), majority[key.first],
                                       key.second, std::move(hs), n});
    }
    std::stable_sort(
        report.clusters.begin(), report.clusters.end(),
        [](const DriftCluster &a, const DriftCluster &b) { return a.hosts.size() > b.hosts.size(); });
    return report;
}

} // namespace vigil::analysis
