// FleetState's joins (the profile's `joins`): a pod's alert placed on its node, a node in its zone, a
// workload's own alert on its workload, and which hosts run which workloads.
#include "fleetstate.h"

#include <algorithm>

namespace vigil {

void FleetState::setRecordedJoins(std::vector<std::pair<std::string, std::string>> joined,
                                  std::vector<std::pair<std::string, std::string>> runsOn) {
    using Pairs = std::vector<std::pair<std::string, std::string>>;
    m_recordedJoined = joined.empty() ? nullptr : std::make_shared<const Pairs>(std::move(joined));
    m_recordedRunsOn = runsOn.empty() ? nullptr : std::make_shared<const Pairs>(std::move(runsOn));
}

void FleetState::refreshJoined() {
    if (!m_joinedDirty && m_joined)
        return;
    m_joinedDirty = false;
    std::vector<std::pair<std::string, std::string>> all;
    for (const auto &[id, part] : m_prom)
        for (const auto &table : part.joins)
            for (const auto &row : table)
                for (const auto &l : row.second.labels())
                    all.emplace_back(l.name, l.value);
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    m_joined = std::make_shared<const std::vector<std::pair<std::string, std::string>>>(std::move(all));
    m_runsOn = std::make_shared<const std::vector<std::pair<std::string, std::string>>>(runsOnFromJoins());
}

// Which hosts run which services: a join adding the service label and another met on the same key whose
// row names a host (kube_pod_owner's workload and kube_pod_info's node, by pod), sorted and distinct.
std::vector<std::pair<std::string, std::string>> FleetState::runsOnFromJoins() const {
    std::vector<std::pair<std::string, std::string>> runs;
    for (std::size_t s = 0; s < m_joins.size(); ++s) {
        const auto &add = m_joins[s].add;
        if (std::find(add.begin(), add.end(), m_serviceLabel) == add.end())
            continue;
        for (std::size_t h = 0; h < m_joins.size(); ++h) {
            if (h == s || m_joins[h].on != m_joins[s].on)
                continue;
            for (const auto &[source, part] : m_prom) {
                if (s >= part.joins.size())
                    continue;
                for (const auto &[key, row] : part.joins[s])
                    if (const LabelSet *where = joinRow(h, key))
                        if (const auto svc = row.value(m_serviceLabel), host = m_identity.hostOf(*where);
                            !svc.empty() && !host.empty())
                            runs.emplace_back(std::string(svc), std::string(host));
            }
        }
    }
    std::sort(runs.begin(), runs.end());
    runs.erase(std::unique(runs.begin(), runs.end()), runs.end());
    return runs;
}

const LabelSet *FleetState::joinRow(std::size_t j, const std::string &key) const {
    for (const auto &[id, part] : m_prom) {
        if (j >= part.joins.size())
            continue;
        const auto &t = part.joins[j];
        auto it = std::lower_bound(t.begin(), t.end(), key,
                                   [](const auto &row, const std::string &k) { return row.first < k; });
        if (it != t.end() && it->first == key)
            return &it->second;
    }
    return nullptr;
}

// Gives an alert the labels a join adds when it has the join's `on` labels and lacks those.
void FleetState::place(Alert &a) const {
    a.placement = LabelSet();
    for (std::size_t j = 0; j < m_joins.size(); ++j) {
        const auto &jq = m_joins[j];
        if (std::all_of(jq.add.begin(), jq.add.end(), [&](const auto &l) { return a.labels.has(l); }))
            continue;
        const std::string key = jq.keyOf([&](const std::string &l) { return a.label(l); });
        if (const LabelSet *row = key.empty() ? nullptr : joinRow(j, key))
            for (const auto &l : row->labels())
                if (!a.labels.has(l.name) && !a.placement.has(l.name))
                    a.placement.set(l.name, l.value);
    }
    // A workload's own alert (no pod): its `deployment` names the service, when a join knows it.
    if (m_serviceAliases.empty() || a.labels.has(m_serviceLabel) || a.placement.has(m_serviceLabel) ||
        !m_joined)
        return;
    for (const auto &alias : m_serviceAliases)
        if (const auto v = a.labels.value(alias); !v.empty()) {
            const std::pair<std::string, std::string> named{m_serviceLabel, std::string(v)};
            if (std::binary_search(m_joined->begin(), m_joined->end(), named)) {
                a.placement.set(m_serviceLabel, named.second);
                return;
            }
        }
}

// The same for a host, into its labels (kube_node_labels gives a node its zone, so it is placed in the
// hierarchy). A host meets a join on its own labels, or by its name for an identity label it lacks: a
// node_exporter target named by `instance` meets kube_node_labels on `node`.
void FleetState::place(Host &h) const {
    for (std::size_t j = 0; j < m_joins.size(); ++j) {
        const auto &jq = m_joins[j];
        if (std::all_of(jq.add.begin(), jq.add.end(), [&](const auto &l) { return h.labels.has(l); }))
            continue;
        const std::string key = jq.keyOf([&](const std::string &l) -> std::string_view {
            if (const auto v = h.labels.value(l); !v.empty())
                return v;
            const auto &ids = m_identity.labels;
            return std::find(ids.begin(), ids.end(), l) != ids.end() ? std::string_view(h.name)
                                                                     : std::string_view();
        });
        if (const LabelSet *row = key.empty() ? nullptr : joinRow(j, key))
            for (const auto &name : jq.add)
                if (const auto v = row->value(name); !v.empty() && !h.labels.has(name))
                    h.labels.set(name, std::string(v));
    }
}

} // namespace vigil
