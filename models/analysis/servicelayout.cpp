// The service map's layout: igraph's Fruchterman-Reingold from where each service was, new services
// placed among their neighbours without moving the rest, services outside the main group in rows
// under it, pins held. The physical map and health are in topology.cpp.
#include "topology.h"

#include <igraph.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace vigil::analysis {

// ---- Service map --------------------------------------------------------------------------------
//
// Layout library, measured on this machine (2 cores) with a 1,000-service, 4,000-edge graph shaped like
// a microservice estate (hubs by preferential attachment): Boost.Graph's Fruchterman-Reingold 7.7 s
// (its grid force pairs degrade as hubs pull nodes together), Graphviz neato 6.1 s and sfdp 0.46 s
// (10,000 / 30,000: 4.7 s), igraph's Fruchterman-Reingold with its grid well under both (the BENCH
// figures). igraph also takes a starting layout and per-node bounds, which give stability and pins
// directly. So igraph it is.

namespace {
// A deterministic spot for a service nobody has placed yet: from its name, in [-0.5, 0.5)^2.
Point2 seedFor(const std::string &name) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : name)
        h = (h ^ c) * 1099511628211ULL;
    const double a = static_cast<double>(h & 0xffffffU) / 0x1000000,
                 b = static_cast<double>((h >> 24) & 0xffffffU) / 0x1000000;
    return {a - 0.5, b - 0.5};
}

// RAII for the igraph C structures.
struct IGraph {
    igraph_t g{};
    bool made = false;
    ~IGraph() {
        if (made)
            igraph_destroy(&g);
    }
};
struct IMatrix {
    igraph_matrix_t m{};
    explicit IMatrix(igraph_integer_t rows) { igraph_matrix_init(&m, rows, 2); }
    ~IMatrix() { igraph_matrix_destroy(&m); }
};
struct IVector {
    igraph_vector_t v{};
    explicit IVector(igraph_integer_t n, double fill) {
        igraph_vector_init(&v, n);
        igraph_vector_fill(&v, fill);
    }
    ~IVector() { igraph_vector_destroy(&v); }
};
} // namespace

namespace {
// Places the services not in `known` by a small force layout of their own: each new service, the
// services it talks to and its four nearest placed services (those held still as anchors). Cost
// follows the number of new services, not the size of the map.
void placeNewServices(const FleetGraph &graph, const std::vector<int> &services,
                      const std::unordered_map<int, std::size_t> &vertexOf, const std::vector<char> &known,
                      igraph_matrix_t &pos, ServiceLayout &out) {
    const std::size_t n = services.size();
    std::vector<std::size_t> fresh;
    for (std::size_t v = 0; v < n; ++v)
        if (!known[v])
            fresh.push_back(v);
    if (fresh.empty())
        return;
    std::vector<std::size_t> sub;                       // subgraph vertex -> full vertex
    std::unordered_map<std::size_t, std::size_t> local; // full vertex -> subgraph vertex
    auto include = [&](std::size_t v) {
        if (local.emplace(v, sub.size()).second)
            sub.push_back(v);
    };
    for (std::size_t v : fresh)
        include(v);
    std::vector<std::pair<double, std::size_t>> near;
    for (std::size_t v : fresh) {
        const auto &node = graph.node(services[v]);
        for (const auto *list : {&node.callees, &node.callers})
            for (int u : *list)
                if (auto it = vertexOf.find(u); it != vertexOf.end())
                    include(it->second);
        near.clear();
        for (std::size_t u = 0; u < n; ++u)
            if (known[u]) {
                // Squared distance: only the order matters.
                const double dx = MATRIX(pos, u, 0) - MATRIX(pos, v, 0),
                             dy = MATRIX(pos, u, 1) - MATRIX(pos, v, 1);
                near.emplace_back(dx * dx + dy * dy, u);
            }
        const auto k = std::min<std::size_t>(4, near.size());
        std::partial_sort(near.begin(), near.begin() + static_cast<std::ptrdiff_t>(k), near.end());
        for (std::size_t i = 0; i < k; ++i)
            include(near[i].second);
    }
    igraph_vector_int_t edges;
    igraph_vector_int_init(&edges, 0);
    for (std::size_t a = 0; a < sub.size(); ++a)
        for (int callee : graph.node(services[sub[a]]).callees)
            if (auto it = vertexOf.find(callee); it != vertexOf.end() && it->second != sub[a])
                if (auto l = local.find(it->second); l != local.end()) {
                    igraph_vector_int_push_back(&edges, static_cast<igraph_integer_t>(a));
                    igraph_vector_int_push_back(&edges, static_cast<igraph_integer_t>(l->second));
                }
    IGraph ig;
    igraph_create(&ig.g, &edges, static_cast<igraph_integer_t>(sub.size()), IGRAPH_UNDIRECTED);
    ig.made = true;
    igraph_vector_int_destroy(&edges);
    const auto m = static_cast<igraph_integer_t>(sub.size());
    IMatrix sp(m);
    IVector minx(m, -IGRAPH_INFINITY), maxx(m, IGRAPH_INFINITY), miny(m, -IGRAPH_INFINITY),
        maxy(m, IGRAPH_INFINITY);
    for (std::size_t a = 0; a < sub.size(); ++a) {
        MATRIX(sp.m, a, 0) = MATRIX(pos, sub[a], 0);
        MATRIX(sp.m, a, 1) = MATRIX(pos, sub[a], 1);
        if (known[sub[a]]) {
            VECTOR(minx.v)[a] = VECTOR(maxx.v)[a] = MATRIX(pos, sub[a], 0);
            VECTOR(miny.v)[a] = VECTOR(maxy.v)[a] = MATRIX(pos, sub[a], 1);
        }
    }
    if (igraph_layout_fruchterman_reingold(&ig.g, &sp.m, true, 30, 1.0, IGRAPH_LAYOUT_NOGRID, nullptr,
                                           &minx.v, &maxx.v, &miny.v, &maxy.v) != IGRAPH_SUCCESS) {
        out.warnings.push_back("placing new services failed; they sit beside their neighbours");
        return;
    }
    for (std::size_t a = 0; a < sub.size(); ++a)
        if (!known[sub[a]]) {
            MATRIX(pos, sub[a], 0) = MATRIX(sp.m, a, 0);
            MATRIX(pos, sub[a], 1) = MATRIX(sp.m, a, 1);
        }
}
} // namespace

namespace {
// One layout's working set: the services in name order, their igraph vertices and positions.
struct ServiceVertices {
    const FleetGraph &graph;
    const ServiceLayoutOptions &options;
    std::vector<int> services;                     // vertex -> graph node
    std::unordered_map<int, std::size_t> vertexOf; // graph node -> vertex
    std::vector<char> known;                       // per vertex: placed before (options.previous)
    std::size_t seeded = 0;                        // how many are known
    [[nodiscard]] std::size_t size() const { return services.size(); }
    [[nodiscard]] const GraphNode &node(std::size_t v) const { return graph.node(services[v]); }
    [[nodiscard]] bool pinned(std::size_t v) const { return known[v] && options.pinned.count(node(v).name); }
};

ServiceVertices serviceVertices(const FleetGraph &graph, const ServiceLayoutOptions &options) {
    ServiceVertices sv{graph, options, {}, {}, {}, 0};
    for (std::size_t i = 0; i < graph.nodes().size(); ++i)
        if (graph.node(static_cast<int>(i)).kind == NodeKind::Service)
            sv.services.push_back(static_cast<int>(i));
    std::sort(sv.services.begin(), sv.services.end(),
              [&](int a, int b) { return graph.node(a).name < graph.node(b).name; });
    for (std::size_t v = 0; v < sv.size(); ++v)
        sv.vertexOf[sv.services[v]] = v;
    return sv;
}

// The dependency edges as igraph's edge list; services depending on themselves, or in the edges with
// no host and named by no join (a typo in the config's edges), are warned about.
void dependencyEdges(const ServiceVertices &sv, igraph_vector_int_t &edges, ServiceLayout &out) {
    for (std::size_t v = 0; v < sv.size(); ++v) {
        const auto &node = sv.node(v);
        if (node.members.empty() && !node.workload && (!node.callees.empty() || !node.callers.empty()))
            out.warnings.push_back("service \"" + node.name +
                                   "\" appears in the dependency edges but no host has it");
        for (int callee : node.callees) {
            if (callee == sv.services[v]) {
                out.warnings.push_back("service \"" + node.name +
                                       "\" depends on itself (edge ignored for the layout)");
                continue;
            }
            const auto to = sv.vertexOf.find(callee); // a callee is a service (FleetGraph)
            if (to == sv.vertexOf.end())
                continue;
            igraph_vector_int_push_back(&edges, static_cast<igraph_integer_t>(v));
            igraph_vector_int_push_back(&edges, static_cast<igraph_integer_t>(to->second));
        }
    }
}

// Starting point: where each service was; a new one at its placed neighbours' centroid (nudged so it
// does not sit on top of them), else from its name.
void seedPositions(ServiceVertices &sv, igraph_matrix_t &pos, double side) {
    const std::size_t n = sv.size();
    sv.known.assign(n, 0);
    for (std::size_t v = 0; v < n; ++v)
        if (auto it = sv.options.previous.find(sv.node(v).name); it != sv.options.previous.end()) {
            MATRIX(pos, v, 0) = it->second.x;
            MATRIX(pos, v, 1) = it->second.y;
            sv.known[v] = 1;
            ++sv.seeded;
        }
    for (std::size_t v = 0; v < n; ++v) {
        if (sv.known[v])
            continue;
        const auto &node = sv.node(v);
        double sx = 0, sy = 0;
        int m = 0;
        for (const auto *list : {&node.callees, &node.callers})
            for (int u : *list)
                if (auto it = sv.vertexOf.find(u); it != sv.vertexOf.end() && sv.known[it->second]) {
                    sx += MATRIX(pos, it->second, 0);
                    sy += MATRIX(pos, it->second, 1);
                    ++m;
                }
        const Point2 j = seedFor(node.name);
        MATRIX(pos, v, 0) = m > 0 ? sx / m + j.x * 2 : j.x * side;
        MATRIX(pos, v, 1) = m > 0 ? sy / m + j.y * 2 : j.y * side;
    }
}

// The whole graph by Fruchterman-Reingold from the seeded positions; pinned services held where they
// are (a pinned node's bounds are its own position).
void forceLayout(const ServiceVertices &sv, igraph_vector_int_t &edges, igraph_matrix_t &pos,
                 bool incremental, ServiceLayout &out) {
    const std::size_t n = sv.size();
    IGraph ig;
    igraph_create(&ig.g, &edges, static_cast<igraph_integer_t>(n), IGRAPH_UNDIRECTED);
    ig.made = true;
    const int iterations = sv.options.iterations > 0 ? sv.options.iterations : 500;
    const double temp = incremental ? 0.05 : std::sqrt(static_cast<double>(n)) / 10;
    std::unique_ptr<IVector> minx, maxx, miny, maxy;
    bool anyPin = false;
    for (std::size_t v = 0; v < n; ++v)
        anyPin = anyPin || sv.pinned(v);
    if (anyPin) {
        minx = std::make_unique<IVector>(static_cast<igraph_integer_t>(n), -IGRAPH_INFINITY);
        maxx = std::make_unique<IVector>(static_cast<igraph_integer_t>(n), IGRAPH_INFINITY);
        miny = std::make_unique<IVector>(static_cast<igraph_integer_t>(n), -IGRAPH_INFINITY);
        maxy = std::make_unique<IVector>(static_cast<igraph_integer_t>(n), IGRAPH_INFINITY);
        for (std::size_t v = 0; v < n; ++v)
            if (sv.pinned(v)) {
                VECTOR(minx->v)[v] = VECTOR(maxx->v)[v] = MATRIX(pos, v, 0);
                VECTOR(miny->v)[v] = VECTOR(maxy->v)[v] = MATRIX(pos, v, 1);
            }
    }
    if (igraph_layout_fruchterman_reingold(&ig.g, &pos, true, iterations, temp, IGRAPH_LAYOUT_GRID, nullptr,
                                           anyPin ? &minx->v : nullptr, anyPin ? &maxx->v : nullptr,
                                           anyPin ? &miny->v : nullptr,
                                           anyPin ? &maxy->v : nullptr) != IGRAPH_SUCCESS)
        out.warnings.push_back("the service layout failed; services keep their previous places");
}

// Services outside the largest connected group (no dependency at all, or a pair talking only to each
// other) only repel it: left where the force layout put them they strew the map's corners and shrink
// everything else to a dot when fitted. They go in rows under it, each small group side by side
// (pinned ones stay).
void rowLoners(const ServiceVertices &sv, igraph_matrix_t &pos) {
    const std::size_t n = sv.size();
    std::vector<int> component(n, -1);
    std::vector<std::size_t> componentSize;
    for (std::size_t v0 = 0; v0 < n; ++v0) {
        if (component[v0] >= 0)
            continue;
        const int id = static_cast<int>(componentSize.size());
        std::vector<std::size_t> stack{v0};
        component[v0] = id;
        std::size_t size = 0;
        while (!stack.empty()) {
            const std::size_t v = stack.back();
            stack.pop_back();
            ++size;
            const auto &node = sv.node(v);
            for (const auto *list : {&node.callees, &node.callers})
                for (int u : *list)
                    if (auto it = sv.vertexOf.find(u); it != sv.vertexOf.end() && component[it->second] < 0) {
                        component[it->second] = id;
                        stack.push_back(it->second);
                    }
        }
        componentSize.push_back(size);
    }
    const int main = static_cast<int>(std::max_element(componentSize.begin(), componentSize.end()) -
                                      componentSize.begin());
    std::vector<std::size_t> loners;
    double minX = 1e300, maxX = -1e300, maxY = -1e300;
    for (std::size_t v = 0; v < n; ++v) {
        if (component[v] != main && !sv.pinned(v)) {
            loners.push_back(v);
            continue;
        }
        minX = std::min(minX, MATRIX(pos, v, 0));
        maxX = std::max(maxX, MATRIX(pos, v, 0));
        maxY = std::max(maxY, MATRIX(pos, v, 1));
    }
    std::stable_sort(loners.begin(), loners.end(),
                     [&](std::size_t a, std::size_t b) { return component[a] < component[b]; });
    if (loners.empty() || loners.size() >= n)
        return;
    constexpr double kGap = 1.5; // about one edge length
    // As wide as the connected services, or wider than tall when there are many.
    const auto perRow =
        static_cast<std::size_t>(std::max({1.0, std::floor((maxX - minX) / kGap) + 1,
                                           std::ceil(std::sqrt(3.0 * static_cast<double>(loners.size())))}));
    for (std::size_t k = 0; k < loners.size(); ++k) {
        MATRIX(pos, loners[k], 0) = minX + static_cast<double>(k % perRow) * kGap;
        MATRIX(pos, loners[k], 1) = maxY + 2 * kGap + static_cast<double>(k / perRow) * kGap;
    }
}
} // namespace

ServiceLayout layoutServices(const FleetGraph &graph, const ServiceLayoutOptions &options) {
    // Debian's igraph is built without thread safety (IGRAPH_THREAD_SAFE 0: one error stack and one
    // random generator for the process); layouts from two threads at once corrupt it (seen: "Corrupt
    // finally stack", an abort, when the services map and a test's second map laid out together).
    static std::mutex igraphMutex;
    const std::lock_guard lock(igraphMutex);
    ServiceLayout out;
    ServiceVertices sv = serviceVertices(graph, options);
    const std::size_t n = sv.size();
    // igraph's natural scale: edges about one unit long, the map about sqrt(n) across.
    const double natural = std::max(4.0, std::sqrt(static_cast<double>(n)) * 2.0);
    out.side = options.side > 0 ? options.side : natural;
    if (n == 0)
        return out;
    igraph_vector_int_t edges;
    igraph_vector_int_init(&edges, 0);
    struct EdgeVector {
        igraph_vector_int_t *v;
        ~EdgeVector() { igraph_vector_int_destroy(v); }
    } edgesGuard{&edges};
    dependencyEdges(sv, edges, out);
    IMatrix pos(static_cast<igraph_integer_t>(n));
    seedPositions(sv, pos.m, out.side);
    const bool incremental = sv.seeded * 2 >= n;
    if (incremental && options.iterations == 0) {
        // Stability first: services that were placed stay exactly where they are (a poll that only
        // changes health moves nothing, and neither does a new neighbour). New services are placed
        // among what they talk to and their nearest placed services, all held still.
        placeNewServices(graph, sv.services, sv.vertexOf, sv.known, pos.m, out);
    } else {
        forceLayout(sv, edges, pos.m, incremental, out);
        rowLoners(sv, pos.m);
    }
    // Positions by name, and the map's size when the caller has none (for the move figures).
    double lo = 0, hi = 0;
    for (std::size_t v = 0; v < n; ++v) {
        const Point2 p{MATRIX(pos.m, v, 0), MATRIX(pos.m, v, 1)};
        out.positions[sv.node(v).name] = p;
        lo = std::min({lo, p.x, p.y});
        hi = std::max({hi, p.x, p.y});
    }
    if (options.side <= 0)
        out.side = std::max(natural, hi - lo);
    return out;
}

double meanMovePercent(const ServiceLayout &before, const ServiceLayout &after,
                       const std::set<std::string> &exclude) {
    double sum = 0;
    int count = 0;
    const double diagonal = std::sqrt(2.0) * std::max(before.side, after.side);
    for (const auto &[name, p] : after.positions) {
        if (exclude.count(name))
            continue;
        auto it = before.positions.find(name);
        if (it == before.positions.end())
            continue;
        sum += std::hypot(p.x - it->second.x, p.y - it->second.y);
        ++count;
    }
    return count && diagonal > 0 ? 100.0 * sum / count / diagonal : 0;
}

} // namespace vigil::analysis
