#include "promnormalize.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>
#include <unordered_map>

namespace vigil::promnormalize {

void hosts(PollData &data, PromQueryResult &up, const std::vector<std::optional<PromQueryResult>> &metrics,
           const QueryProfile &profile, TimeMs seen, const std::string &sourceId) {
    data.hasInventory = true;
    // Keyed by views of the hosts' own names: `hosts` is reserved whole, so they never move, and a
    // metric sample is placed without building a string.
    std::unordered_map<std::string_view, std::size_t> index;
    index.reserve(up.vector.size());
    std::vector<Host> hosts;
    hosts.reserve(up.vector.size());
    const auto nan = std::numeric_limits<double>::quiet_NaN();
    for (auto &s : up.vector) {
        const std::string_view name = profile.host.hostOf(s.metric);
        if (name.empty())
            continue;
        if (auto it = index.find(name); it != index.end()) {
            // Several jobs scrape the same instance: it is up if any of them is.
            auto &h = hosts[it->second];
            if (s.value == 1)
                h.up = UpState::Up;
            continue;
        }
        Host h;
        h.name = std::string(name);
        s.metric.remove("__name__");
        h.labels = std::move(s.metric);
        h.up = s.value == 1 ? UpState::Up : UpState::Down;
        h.metrics.assign(profile.metrics.size(), nan);
        h.lastSeen = seen;
        h.sources = {sourceId};
        hosts.push_back(std::move(h));
        index.emplace(hosts.back().name, hosts.size() - 1);
    }
    data.metricOk.assign(profile.metrics.size(), false);
    for (std::size_t i = 0; i < metrics.size(); ++i) {
        if (!metrics[i])
            continue;
        data.metricOk[i] = true;
        for (const auto &s : metrics[i]->vector)
            if (auto it = index.find(profile.host.hostOf(s.metric)); it != index.end())
                hosts[it->second].metrics[i] = s.value;
    }
    std::sort(hosts.begin(), hosts.end(), [](const Host &a, const Host &b) { return a.name < b.name; });
    data.hosts = std::move(hosts);
}

void facts(PollData &data, const std::vector<std::optional<PromQueryResult>> &facts,
           const QueryProfile &profile) {
    const auto known = [&data](const std::string &host) { // hosts are sorted by name
        const auto it = std::lower_bound(data.hosts.begin(), data.hosts.end(), host,
                                         [](const Host &h, const std::string &n) { return h.name < n; });
        return it != data.hosts.end() && it->name == host;
    };
    bool allFacts = true;
    std::vector<Fact> out = data.facts.take();
    for (std::size_t i = 0; i < facts.size(); ++i) {
        if (!facts[i]) {
            allFacts = false;
            continue;
        }
        for (const auto &s : facts[i]->vector) {
            std::string host(profile.host.hostOf(s.metric));
            if (host.empty() || !known(host))
                continue;
            const auto &fq = profile.facts[i];
            std::vector<std::string> keys;
            bool keyed = true;
            for (const auto &k : fq.keyLabels) {
                keys.emplace_back(s.metric.value(k));
                keyed = keyed && !keys.back().empty();
            }
            if (!keyed)
                continue; // a series without its identity labels names no fact
            for (const auto &label : fq.valueLabels)
                if (s.metric.has(label))
                    out.push_back({host, fq.factName(keys, label), std::string(s.metric.value(label))});
        }
    }
    data.hasFacts = allFacts;
    std::sort(out.begin(), out.end(), [](const Fact &a, const Fact &b) {
        return std::tie(a.host, a.name, a.value) < std::tie(b.host, b.name, b.value);
    });
    data.facts = std::move(out);
}

void serviceEdges(PollData &data, const PromQueryResult &edges, const PromQueryResult *edgeErrors,
                  const QueryProfile &profile) {
    data.hasEdges = true;
    std::map<std::pair<std::string, std::string>, ServiceEdge> byPair;
    auto pairOf = [&](const PromSample &s) {
        return std::pair{std::string(s.metric.value(profile.edgeSourceLabel)),
                         std::string(s.metric.value(profile.edgeDestinationLabel))};
    };
    for (const auto &s : edges.vector) {
        auto key = pairOf(s);
        if (key.first.empty() || key.second.empty() || key.first == key.second)
            continue;
        auto &e = byPair[key];
        e.from = key.first;
        e.to = key.second;
        e.requestsPerSecond = std::isnan(e.requestsPerSecond) ? s.value : e.requestsPerSecond + s.value;
    }
    if (edgeErrors)
        for (const auto &s : edgeErrors->vector)
            if (auto it = byPair.find(pairOf(s)); it != byPair.end())
                it->second.errorsPerSecond =
                    std::isnan(it->second.errorsPerSecond) ? s.value : it->second.errorsPerSecond + s.value;
    for (auto &[key, e] : byPair)
        data.edges.push_back(std::move(e));
}

void ruleAlerts(PollData &data, std::vector<PromRuleAlert> alerts, const LabelSet &external,
                const std::string &sourceId) {
    data.hasRuleAlerts = true;
    for (auto &ra : alerts) {
        Alert a;
        // What Alertmanager receives: the alert's own labels win over external ones.
        for (const auto &l : external.labels())
            if (!ra.labels.has(l.name))
                ra.labels.set(l.name, l.value);
        a.fingerprint = ra.labels.fingerprint();
        a.labels = std::move(ra.labels);
        a.annotations = std::move(ra.annotations);
        a.state = ra.state == "firing" ? AlertState::Firing : AlertState::Pending;
        a.startsAt = ra.activeAt;
        a.seenBy = {sourceId};
        data.ruleAlerts.push_back(std::move(a));
    }
}

std::vector<std::pair<std::string, LabelSet>> joinTable(const JoinQuery &jq, const PromQueryResult &r) {
    std::vector<std::pair<std::string, LabelSet>> table;
    for (const auto &s : r.vector) {
        std::string key = jq.keyOf([&](const std::string &l) { return s.metric.value(l); });
        LabelSet adds;
        for (const auto &l : jq.add)
            if (const auto v = s.metric.value(l); !v.empty())
                adds.set(l, std::string(v));
        if (!key.empty() && !adds.empty())
            table.emplace_back(std::move(key), std::move(adds));
    }
    std::sort(table.begin(), table.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return table;
}

} // namespace vigil::promnormalize
