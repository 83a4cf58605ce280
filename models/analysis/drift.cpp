#include "drift.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace vigil::analysis {

DriftReport consensusDrift(const std::vector<Host> &hosts, const std::vector<Fact> &facts,
                           const DriftOptions &o) {
    DriftReport report;
    std::unordered_map<std::string_view, std::string_view> roleOf;
    std::map<std::string_view, std::vector<std::string_view>> members; // role -> hosts
    for (const auto &h : hosts) {
        const auto role = h.labels.value(o.roleLabel);
        if (role.empty())
            continue;
        roleOf.emplace(h.name, role);
        members[role].push_back(h.name);
    }
    // (role, fact) -> host -> value (several values of one fact on a host are joined).
    std::map<std::pair<std::string_view, std::string_view>, std::map<std::string_view, std::string>> values;
    for (const auto &f : facts) {
        auto it = roleOf.find(f.host);
        if (it == roleOf.end())
            continue;
        auto &v = values[{it->second, f.name}][f.host];
        v = v.empty() ? f.value : v + "," + f.value;
    }
    std::set<std::string_view> deviating;
    for (const auto &[key, perHost] : values) {
        const auto &[role, fact] = key;
        const auto &roleHosts = members[role];
        const int n = static_cast<int>(roleHosts.size());
        if (n < o.minHosts)
            continue;
        std::map<std::string, std::vector<std::string_view>> byValue;
        for (auto h : roleHosts) {
            auto it = perHost.find(h);
            byValue[it == perHost.end() ? std::string(kAbsent) : it->second].push_back(h);
        }
        auto majority = std::max_element(byValue.begin(), byValue.end(), [](const auto &a, const auto &b) {
            return a.second.size() < b.second.size();
        });
        report.baseline.push_back({std::string(role), std::string(fact), majority->first,
                                   static_cast<int>(majority->second.size()), n});
        for (const auto &[value, hs] : byValue) {
            if (value == majority->first)
                continue;
            DriftCluster c{std::string(role), std::string(fact), majority->first, value, {}, n};
            for (auto h : hs) {
                c.hosts.emplace_back(h);
                deviating.insert(h);
            }
            report.clusters.push_back(std::move(c));
        }
    }
    std::stable_sort(
        report.clusters.begin(), report.clusters.end(),
        [](const DriftCluster &a, const DriftCluster &b) { return a.hosts.size() > b.hosts.size(); });
    for (const auto &[role, hs] : members)
        if (static_cast<int>(hs.size()) >= o.minHosts)
            for (auto h : hs) {
                ++report.hostsChecked;
                report.hostsCompliant += !deviating.count(h);
            }
    return report;
}

} // namespace vigil::analysis
