#include "fleetgraph.h"

#include <algorithm>

namespace vigil::analysis {

namespace {
constexpr char kSep = '\x1f';
}

int FleetGraph::addNode(GraphNode n) {
    m_nodes.push_back(std::move(n));
    return static_cast<int>(m_nodes.size() - 1);
}

// The group a host goes under (its hierarchy labels' path, made on the way), or "unplaced".
int FleetGraph::groupOf(const Host &h, std::string &path) {
    const int levels = static_cast<int>(m_hierarchy.size());
    bool placed = true;
    for (const auto &l : m_hierarchy)
        placed = placed && !h.labels.value(l).empty();
    int parent = 0;
    if (!placed) {
        if (m_unplaced < 0) {
            GraphNode u;
            u.kind = NodeKind::Group;
            u.level = 0;
            u.name = "unplaced";
            u.parent = 0;
            m_unplaced = addNode(std::move(u));
            m_nodes[0].children.push_back(m_unplaced);
        }
        parent = m_unplaced;
    } else {
        path.clear();
        for (int lvl = 0; lvl < levels; ++lvl) {
            const auto value = h.labels.value(m_hierarchy[static_cast<std::size_t>(lvl)]);
            if (lvl)
                path += kSep;
            path += value;
            auto it = m_groupsByPath.find(path);
            if (it == m_groupsByPath.end()) {
                GraphNode n;
                n.kind = NodeKind::Group;
                n.level = lvl;
                n.name = std::string(value);
                n.parent = parent;
                const int id = addNode(std::move(n));
                m_nodes[static_cast<std::size_t>(parent)].children.push_back(id);
                it = m_groupsByPath.emplace(path, id).first;
                auto [v, fresh] =
                    m_groupsByValue[static_cast<std::size_t>(lvl)].emplace(std::string(value), id);
                if (!fresh)
                    v->second = -2;
            }
            parent = it->second;
        }
    }
    return parent;
}

FleetGraphPtr FleetGraph::build(const std::vector<Host> &hosts, const std::vector<ServiceEdge> &edges,
                                const TopologyConfig &topology, const std::vector<std::string_view> &services,
                                const std::vector<std::pair<std::string, std::string>> &runsOn) {
    auto g = std::make_shared<FleetGraph>();
    g->m_hierarchy = topology.hierarchy;
    g->m_groupsByValue.resize(g->m_hierarchy.size());
    g->addNode(GraphNode{});
    g->m_hosts.reserve(hosts.size());
    auto serviceNode = [&](std::string_view name) {
        if (auto it = g->m_services.find(name); it != g->m_services.end())
            return it->second;
        GraphNode n;
        n.kind = NodeKind::Service;
        n.name = std::string(name);
        const int id = g->addNode(std::move(n));
        g->m_services.emplace(std::string(name), id);
        return id;
    };
    const int levels = static_cast<int>(g->m_hierarchy.size());
    std::string path;
    g->m_hostOrder.reserve(hosts.size());
    for (const auto &h : hosts) {
        if (auto it = g->m_hosts.find(h.name); it != g->m_hosts.end()) {
            g->m_hostOrder.push_back(it->second);
            continue;
        }
        const int parent = g->groupOf(h, path);
        GraphNode n;
        n.kind = NodeKind::Host;
        n.level = levels;
        n.name = h.name;
        n.parent = parent;
        n.hosts = 1;
        std::string_view svc = h.labels.value(topology.serviceLabel);
        if (svc.empty())
            svc = h.labels.value("role");
        const int id = g->addNode(std::move(n));
        g->m_hostOrder.push_back(id);
        if (!svc.empty()) {
            const int s = serviceNode(svc);
            g->m_nodes[static_cast<std::size_t>(id)].service = s;
            g->m_nodes[static_cast<std::size_t>(s)].members.push_back(id);
        }
        g->m_nodes[static_cast<std::size_t>(parent)].children.push_back(id);
        g->m_hosts.emplace(h.name, id);
        ++g->m_hostCount;
        for (int p = parent; p >= 0; p = g->m_nodes[static_cast<std::size_t>(p)].parent)
            ++g->m_nodes[static_cast<std::size_t>(p)].hosts;
    }
    auto connect = [&](int from, int to) {
        auto &callees = g->m_nodes[static_cast<std::size_t>(from)].callees;
        if (std::find(callees.begin(), callees.end(), to) != callees.end())
            return;
        callees.push_back(to);
        g->m_nodes[static_cast<std::size_t>(to)].callers.push_back(from);
    };
    for (const auto &e : edges)
        if (e.from != kEveryService && e.to != kEveryService)
            connect(serviceNode(e.from), serviceNode(e.to));
    for (const auto name : services)
        if (!name.empty())
            g->m_nodes[static_cast<std::size_t>(serviceNode(name))].workload = true;
    // `from: "*"`: every service depends on it (DNS, an identity provider), once all services are known.
    for (const auto &e : edges)
        if (e.from == kEveryService && !e.to.empty() && e.to != kEveryService) {
            const int to = serviceNode(e.to);
            for (std::size_t n = 0; n < g->m_nodes.size(); ++n)
                if (g->m_nodes[n].kind == NodeKind::Service && static_cast<int>(n) != to)
                    connect(static_cast<int>(n), to);
        }
    for (const auto &[name, hostName] : runsOn) {
        const int h = g->host(hostName);
        if (h < 0 || name.empty())
            continue;
        const int s = serviceNode(name);
        if (g->m_nodes[static_cast<std::size_t>(h)].service == s)
            continue;
        auto &runs = g->m_nodes[static_cast<std::size_t>(h)].runs;
        if (std::find(runs.begin(), runs.end(), s) != runs.end())
            continue;
        runs.push_back(s);
        g->m_nodes[static_cast<std::size_t>(s)].runs.push_back(h);
    }
    return g;
}

bool FleetGraph::isUnplaced(int node) const {
    return m_unplaced >= 0 && (node == m_unplaced || isAncestor(m_unplaced, node));
}

int FleetGraph::host(std::string_view name) const {
    auto it = m_hosts.find(name);
    return it == m_hosts.end() ? -1 : it->second;
}

int FleetGraph::hostAt(std::size_t index, std::string_view name) const {
    if (index < m_hostOrder.size()) {
        const int node = m_hostOrder[index];
        if (m_nodes[static_cast<std::size_t>(node)].name == name)
            return node;
    }
    return host(name);
}

int FleetGraph::service(std::string_view name) const {
    auto it = m_services.find(name);
    return it == m_services.end() ? -1 : it->second;
}

int FleetGraph::group(const LabelSet &labels) const {
    // Deepest level the labels name; by path when every outer level is present, else by unique value.
    for (int lvl = static_cast<int>(m_hierarchy.size()) - 1; lvl >= 0; --lvl) {
        const auto value = labels.value(m_hierarchy[static_cast<std::size_t>(lvl)]);
        if (value.empty())
            continue;
        bool full = true;
        std::string path;
        for (int o = 0; o <= lvl && full; ++o) {
            const auto v = labels.value(m_hierarchy[static_cast<std::size_t>(o)]);
            full = !v.empty();
            if (o)
                path += kSep;
            path += v;
        }
        if (full)
            if (auto it = m_groupsByPath.find(path); it != m_groupsByPath.end())
                return it->second;
        const auto &byValue = m_groupsByValue[static_cast<std::size_t>(lvl)];
        if (auto it = byValue.find(value); it != byValue.end() && it->second >= 0)
            return it->second;
    }
    return -1;
}

std::string_view FleetGraph::levelName(int node) const {
    const auto &n = this->node(node);
    switch (n.kind) {
    case NodeKind::Root:
        return "fleet";
    case NodeKind::Host:
        return "host";
    case NodeKind::Service:
        return "service";
    case NodeKind::Group:
        return node == m_unplaced ? std::string_view("unplaced")
                                  : std::string_view(m_hierarchy[static_cast<std::size_t>(n.level)]);
    }
    return {};
}

std::string FleetGraph::path(int node) const {
    std::vector<int> chain;
    for (int p = node; p > 0; p = this->node(p).parent)
        chain.push_back(p);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if (!out.empty())
            out += " / ";
        out += this->node(*it).name;
    }
    return out;
}

bool FleetGraph::isAncestor(int ancestor, int node) const {
    for (int p = this->node(node).parent; p >= 0; p = this->node(p).parent)
        if (p == ancestor)
            return true;
    return false;
}

std::vector<int> FleetGraph::walk(int service, bool upstream) const {
    std::vector<int> out;
    std::vector<char> seen(m_nodes.size(), 0);
    seen[static_cast<std::size_t>(service)] = 1;
    out.push_back(service);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto &n = node(out[i]);
        for (int next : upstream ? n.callees : n.callers)
            if (!seen[static_cast<std::size_t>(next)]) {
                seen[static_cast<std::size_t>(next)] = 1;
                out.push_back(next);
            }
    }
    out.erase(out.begin());
    return out;
}

std::vector<int> FleetGraph::dependenciesOf(int service) const {
    return walk(service, true);
}

std::vector<int> FleetGraph::dependentsOf(int service) const {
    return walk(service, false);
}

} // namespace vigil::analysis
