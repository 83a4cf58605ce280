#pragma once
// The fleet's shape, built once per snapshot and shared by triage and the topology map: the physical
// tree (root → each level of the label hierarchy → hosts) and the service dependency graph (services
// as nodes, `from` calls `to`), linked by each host's service. Pure std C++; immutable once built.
#include "config/config.h"
#include "fleet/host.h"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vigil::analysis {

enum class NodeKind : std::uint8_t { Root, Group, Host, Service };

struct GraphNode {
    NodeKind kind = NodeKind::Root;
    int level = -1;   // Group: index into the hierarchy (0 = outermost); Host: hierarchy size
    std::string name; // the group's label value, the host's name, the service's name
    int parent = -1;  // physical parent; -1 for the root and for services
    std::vector<int> children;
    int hosts = 0;            // hosts in the subtree (1 for a host)
    int service = -1;         // Host: its service node, -1 when it has none
    std::vector<int> callees; // Service: services it depends on
    std::vector<int> callers; // Service: services that depend on it
    std::vector<int> members; // Service: its hosts
    bool workload = false;    // Service: one the joins name, hosts or not (not only an edge's name)
    // Host: services it runs without being labelled with them (the workloads whose pods are on a node);
    // Service: those hosts. From FleetSnapshot::runsOn.
    std::vector<int> runs;
};

// A service's hosts: its members, or for a workload no host is labelled with, the nodes its pods run on.
inline const std::vector<int> &hostsOf(const GraphNode &service) {
    return service.members.empty() ? service.runs : service.members;
}

// An edge `from: "*"` (config edges): every service depends on its `to` (DNS, an identity provider).
inline constexpr std::string_view kEveryService = "*";

class FleetGraph {
public:
    // Hosts without every hierarchy label go to the "unplaced" group: visible, never dropped.
    // `services`: services that exist without hosts (Kubernetes workloads from the joins); `runsOn`:
    // (service, host) pairs, the hosts such a service runs on (a workload's pods' nodes).
    static std::shared_ptr<const FleetGraph>
    build(const std::vector<Host> &hosts, const std::vector<ServiceEdge> &edges,
          const TopologyConfig &topology, const std::vector<std::string_view> &services = {},
          const std::vector<std::pair<std::string, std::string>> &runsOn = {});

    [[nodiscard]] const std::vector<GraphNode> &nodes() const { return m_nodes; }
    [[nodiscard]] const GraphNode &node(int i) const { return m_nodes[static_cast<std::size_t>(i)]; }
    [[nodiscard]] const std::vector<std::string> &hierarchy() const { return m_hierarchy; }
    [[nodiscard]] int root() const { return 0; }
    [[nodiscard]] int unplaced() const { return m_unplaced; } // -1 when every host is placed
    [[nodiscard]] bool isUnplaced(int node) const;
    [[nodiscard]] int hostCount() const { return m_hostCount; }

    [[nodiscard]] int host(std::string_view name) const;
    // host(name) for the host at `index` of a list: without a lookup when the list is the one the
    // graph was built from (or has the same host there), as a snapshot's hosts are until their
    // names or labels change.
    [[nodiscard]] int hostAt(std::size_t index, std::string_view name) const;
    [[nodiscard]] int service(std::string_view name) const;
    // The deepest group the labels name ({rack="r07"} alone finds the rack when its name is unique;
    // with zone and region too it is found by path). -1 when none matches.
    [[nodiscard]] int group(const LabelSet &labels) const;
    // The hierarchy label of a group ("rack"), or "host"/"service".
    [[nodiscard]] std::string_view levelName(int node) const;
    // "eu1 / eu1-a / eu1-a-r07" for a group or host.
    [[nodiscard]] std::string path(int node) const;
    [[nodiscard]] bool isAncestor(int ancestor, int node) const;

    // Transitive dependencies: what `service` depends on (upstream), and what depends on it
    // (downstream: its blast radius). Breadth-first, nearest first, cycles tolerated.
    [[nodiscard]] std::vector<int> dependenciesOf(int service) const;
    [[nodiscard]] std::vector<int> dependentsOf(int service) const;

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using Index = std::unordered_map<std::string, int, Hash, std::equal_to<>>;
    int addNode(GraphNode n);
    int groupOf(const Host &h, std::string &path);
    std::vector<int> walk(int service, bool upstream) const;

    std::vector<GraphNode> m_nodes;
    std::vector<std::string> m_hierarchy;
    int m_unplaced = -1;
    int m_hostCount = 0;
    Index m_hosts, m_services;
    std::vector<int> m_hostOrder;       // the node of each host of the list the graph was built from
    Index m_groupsByPath;               // "eu1\x1f" "eu1-a\x1f" "eu1-a-r07"
    std::vector<Index> m_groupsByValue; // per level; -2 when a value is ambiguous at that level
};

using FleetGraphPtr = std::shared_ptr<const FleetGraph>;

} // namespace vigil::analysis
