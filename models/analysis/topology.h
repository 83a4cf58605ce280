#pragma once
// The topology maps' geometry and overlays, over the FleetGraph triage builds (one graph for all views):
// - the physical map: region -> zone -> rack -> host as nested boxes, placed deterministically in
//   linear time (no force simulation: the hierarchy says where things go); groups collapse to one box;
// - the service map: services placed by igraph's Fruchterman-Reingold layout, seeded with the
//   previous positions so a poll moves nothing and a new service moves its neighbours only a little;
//   pinned services stay where the operator put them;
// - health per node (hosts up/down, worst alert) and the blast radius of a root cause.
// Pure std C++ (and igraph): runs on worker threads.
#include "fleetgraph.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace vigil {
struct Alert;
}

namespace vigil::analysis {

// ---- Physical map -------------------------------------------------------------------------------

struct PhysicalOptions {
    std::set<int> collapsed; // groups the operator collapsed
    std::set<int> expanded;  // groups the operator expanded although collapsed automatically
    // Above this many hosts the deepest level (racks) starts collapsed, and above ten times it the
    // level above (zones): 100,000 hosts arrive as 2,500 racks, not as 100,000 dots.
    int autoCollapseHosts = 20000;
};

struct PhysicalLayout {
    struct Box {
        int node = -1;
        float x = 0, y = 0, w = 0, h = 0; // in map units; a host is a 1 x 1 cell
        bool collapsed = false;
        int depth = 0; // 0 for the top-level groups
    };
    std::vector<Box> groups; // parents before their children
    std::vector<Box> hosts;  // hosts of expanded groups
    float width = 0, height = 0;
    int autoCollapsedLevel = -1; // hierarchy level collapsed because of size, or -1
    // The box showing a graph node: the node's own, or its collapsed ancestor's. -1 when none.
    [[nodiscard]] int groupBoxOf(int node) const;
    [[nodiscard]] int hostBoxOf(int node) const;
    std::vector<int> groupIndex; // per graph node: index into groups, or -1
    std::vector<int> hostIndex;  // per graph node: index into hosts, or -1
    std::vector<int> shownAs; // per graph node: the node whose box shows it (itself or a collapsed ancestor)
};

PhysicalLayout layoutPhysical(const FleetGraph &graph, const PhysicalOptions &options = {});

// ---- Service map --------------------------------------------------------------------------------

struct Point2 {
    double x = 0, y = 0;
    bool operator==(const Point2 &) const = default;
};

struct ServiceLayoutOptions {
    std::map<std::string, Point2> previous; // by service name; kept as the starting point
    std::set<std::string> pinned;           // never moved
    // 0: when at least half the services have a previous place, those stay put and only new ones are
    // placed (around their neighbours); otherwise a full layout of 500 iterations. > 0: a full layout
    // of that many iterations from the previous places (the operator's "re-layout").
    int iterations = 0;
    double side = 0; // the previous map's size (for the move figures); 0: measured
};

struct ServiceLayout {
    std::map<std::string, Point2> positions; // by service name
    double side = 0;
    std::vector<std::string> warnings; // self-loops, edges to services without hosts, ...
};

ServiceLayout layoutServices(const FleetGraph &graph, const ServiceLayoutOptions &options = {});

// How far nodes moved between two layouts, as a share of the map's diagonal: mean over the nodes
// present in both (optionally leaving some out, e.g. the ones that changed).
double meanMovePercent(const ServiceLayout &before, const ServiceLayout &after,
                       const std::set<std::string> &exclude = {});

// ---- Health and incidents -----------------------------------------------------------------------

struct NodeHealth {
    int hosts = 0, up = 0, down = 0;
    int severity = -1; // worst active alert: -1 none, 0 info, 1 warning, 2 critical
    int alerts = 0;    // active alerts on it (hosts: naming the host; services: on its hosts or naming it)
};

// What an alert adds to a node's health: its severity (2 critical or page, 1 warning, 0 otherwise), or -1
// when it does not count (silenced, inhibited or suppressed).
int healthSeverity(const Alert &alert);

// Per graph node. Alerts name hosts by identity and services by serviceLabel.
std::vector<NodeHealth> computeHealth(const FleetGraph &graph, const std::vector<Host> &hosts,
                                      const std::vector<Alert> &alerts, const HostIdentity &identity,
                                      const std::string &serviceLabel);

struct BlastRadius {
    int cause = -1;
    std::vector<int> causeHosts;    // hosts at the cause (the rack's, the host itself, the service's)
    std::vector<int> causeServices; // services directly hit: the cause itself, or those with hosts at it
    std::vector<int> services; // services at the cause and everything that depends on them, nearest first
    std::set<int> nodes;       // all of the above, and the groups of the cause hosts, for shading
};

BlastRadius blastRadius(const FleetGraph &graph, int causeNode);

// Shortest dependency path from a service that depends (transitively) on `cause` down to `cause`:
// [dependent, ..., cause]; empty when it does not depend on it.
std::vector<int> dependencyPath(const FleetGraph &graph, int dependent, int cause);

// The service graph as Graphviz DOT (services, edges with rates), for export.
std::string toDot(const FleetGraph &graph, const std::vector<ServiceEdge> &edges);

} // namespace vigil::analysis
