#include "topology.h"

#include "fleet/alert.h"

#include <igraph.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace vigil::analysis {

// ---- Physical map -------------------------------------------------------------------------------

namespace {
constexpr float kPad = 1.0F;        // inside a group's box
constexpr float kTitle = 2.0F;      // a group's title strip
constexpr float kGap = 1.0F;        // between sibling boxes
constexpr float kCollapsedW = 8.0F; // a collapsed group: room for its name and counts
constexpr float kCollapsedH = 5.0F;
constexpr double kAspect = 2.2; // rows of groups aim at a wide block: screens and wall displays are wide

struct Sizer {
    const FleetGraph &g;
    std::vector<char> collapsed; // per node
    std::vector<float> w, h;
    std::vector<std::vector<int>> order; // per group: its children, groups by name then hosts by name
    std::vector<int> hostCols;           // per group: columns of its host grid

    void measure(int n) {
        const auto &node = g.node(n);
        const auto i = static_cast<std::size_t>(n);
        if (node.kind == NodeKind::Host) {
            w[i] = h[i] = 1;
            return;
        }
        if (collapsed[i]) {
            w[i] = kCollapsedW;
            h[i] = kCollapsedH;
            return;
        }
        auto &kids = order[i];
        kids = node.children;
        std::sort(kids.begin(), kids.end(), [&](int a, int b) {
            const auto &na = g.node(a), &nb = g.node(b);
            if ((na.kind == NodeKind::Host) != (nb.kind == NodeKind::Host))
                return nb.kind == NodeKind::Host; // groups before loose hosts
            if (g.isUnplaced(a) != g.isUnplaced(b))
                return g.isUnplaced(b); // "unplaced" last, always visible
            return na.name < nb.name;
        });
        float groupsW = 0, groupsH = 0;
        std::vector<int> groups;
        int hostCount = 0;
        for (int c : kids) {
            if (g.node(c).kind == NodeKind::Host) {
                ++hostCount;
                continue;
            }
            measure(c);
            groups.push_back(c);
        }
        // Child groups in rows like text, the row width chosen for a roughly 1.6:1 block.
        if (!groups.empty()) {
            double area = 0;
            float widest = 0;
            for (int c : groups) {
                area += (w[static_cast<std::size_t>(c)] + kGap) * (h[static_cast<std::size_t>(c)] + kGap);
                widest = std::max(widest, w[static_cast<std::size_t>(c)]);
            }
            const float limit = std::max(widest, static_cast<float>(std::sqrt(area * kAspect)));
            float x = 0, rowH = 0;
            for (int c : groups) {
                const float cw = w[static_cast<std::size_t>(c)], ch = h[static_cast<std::size_t>(c)];
                if (x > 0 && x + cw > limit) {
                    groupsH += rowH + kGap;
                    x = 0;
                    rowH = 0;
                }
                x += cw + kGap;
                rowH = std::max(rowH, ch);
                groupsW = std::max(groupsW, x - kGap);
            }
            groupsH += rowH;
        }
        // Loose hosts (a rack's) in a grid a little wider than tall.
        int cols = 0, rows = 0;
        if (hostCount > 0) {
            cols = std::max(1, static_cast<int>(std::ceil(std::sqrt(hostCount * 1.6))));
            rows = (hostCount + cols - 1) / cols;
        }
        hostCols[i] = cols;
        const float innerW = std::max(groupsW, static_cast<float>(cols));
        const float innerH = groupsH + (groups.empty() || rows == 0 ? 0 : kGap) + static_cast<float>(rows);
        w[i] = std::max(innerW + 2 * kPad, kCollapsedW);
        h[i] = innerH + 2 * kPad + (n == 0 ? 0 : kTitle);
    }
};
} // namespace

int PhysicalLayout::groupBoxOf(int node) const {
    if (node < 0 || static_cast<std::size_t>(node) >= shownAs.size())
        return -1;
    const int s = shownAs[static_cast<std::size_t>(node)];
    return s >= 0 ? groupIndex[static_cast<std::size_t>(s)] : -1;
}

int PhysicalLayout::hostBoxOf(int node) const {
    return node >= 0 && static_cast<std::size_t>(node) < hostIndex.size()
               ? hostIndex[static_cast<std::size_t>(node)]
               : -1;
}

PhysicalLayout layoutPhysical(const FleetGraph &graph, const PhysicalOptions &options) {
    PhysicalLayout out;
    const std::size_t n = graph.nodes().size();
    Sizer s{graph,
            std::vector<char>(n, 0),
            std::vector<float>(n, 0),
            std::vector<float>(n, 0),
            std::vector<std::vector<int>>(n),
            std::vector<int>(n, 0)};
    // Which groups start collapsed: the operator's choice, else by fleet size.
    const int levels = static_cast<int>(graph.hierarchy().size());
    if (levels > 0 && graph.hostCount() > options.autoCollapseHosts)
        out.autoCollapsedLevel =
            graph.hostCount() > 10 * options.autoCollapseHosts && levels > 1 ? levels - 2 : levels - 1;
    for (std::size_t i = 0; i < n; ++i) {
        const auto &node = graph.node(static_cast<int>(i));
        if (node.kind != NodeKind::Group)
            continue;
        const int id = static_cast<int>(i);
        bool c = out.autoCollapsedLevel >= 0 && node.level == out.autoCollapsedLevel && !graph.isUnplaced(id);
        if (options.collapsed.count(id))
            c = true;
        if (options.expanded.count(id))
            c = false;
        s.collapsed[i] = c;
    }
    s.measure(graph.root());
    out.width = s.w[0];
    out.height = s.h[0];
    out.groupIndex.assign(n, -1);
    out.hostIndex.assign(n, -1);
    out.shownAs.assign(n, -1);
    out.groups.reserve(n / 8 + 1);
    out.hosts.reserve(static_cast<std::size_t>(graph.hostCount()));

    // Top-down placement, repeating the sizing pass's packing.
    std::function<void(int, float, float, int, int)> place = [&](int node, float x, float y, int depth,
                                                                 int shownAs) {
        const auto i = static_cast<std::size_t>(node);
        const auto &gn = graph.node(node);
        if (gn.kind == NodeKind::Host) {
            out.shownAs[i] = shownAs >= 0 ? shownAs : node;
            if (shownAs < 0) {
                out.hostIndex[i] = static_cast<int>(out.hosts.size());
                out.hosts.push_back({node, x, y, 1, 1, false, depth});
            }
            return;
        }
        if (shownAs >= 0) { // inside a collapsed ancestor: not drawn, but mapped to it
            out.shownAs[i] = shownAs;
            for (int c : gn.children)
                place(c, x, y, depth + 1, shownAs);
            return;
        }
        out.shownAs[i] = node;
        if (node != 0) {
            out.groupIndex[i] = static_cast<int>(out.groups.size());
            out.groups.push_back({node, x, y, s.w[i], s.h[i], s.collapsed[i] != 0, depth});
        }
        if (s.collapsed[i]) {
            for (int c : gn.children)
                place(c, x, y, depth + 1, node);
            return;
        }
        const float ix = x + kPad, iy = y + kPad + (node == 0 ? 0 : kTitle);
        double area = 0;
        float widest = 0;
        for (int c : s.order[i])
            if (graph.node(c).kind != NodeKind::Host) {
                area += (s.w[static_cast<std::size_t>(c)] + kGap) * (s.h[static_cast<std::size_t>(c)] + kGap);
                widest = std::max(widest, s.w[static_cast<std::size_t>(c)]);
            }
        const float limit = std::max(widest, static_cast<float>(std::sqrt(area * kAspect)));
        float cx = 0, cy = 0, rowH = 0;
        bool anyGroup = false;
        int k = 0;
        const int cols = std::max(1, s.hostCols[i]);
        for (int c : s.order[i]) {
            const auto ci = static_cast<std::size_t>(c);
            if (graph.node(c).kind == NodeKind::Host) {
                const float hy = anyGroup ? cy + rowH + kGap : 0;
                place(c, ix + static_cast<float>(k % cols), iy + hy + static_cast<float>(k / cols), depth + 1,
                      -1);
                ++k;
                continue;
            }
            anyGroup = true;
            if (cx > 0 && cx + s.w[ci] > limit) {
                cy += rowH + kGap;
                cx = 0;
                rowH = 0;
            }
            place(c, ix + cx, iy + cy, depth + 1, -1);
            cx += s.w[ci] + kGap;
            rowH = std::max(rowH, s.h[ci]);
        }
    };
    place(graph.root(), 0, 0, -1, -1);
    return out;
}

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

ServiceLayout layoutServices(const FleetGraph &graph, const ServiceLayoutOptions &options) {
    // Debian's igraph is built without thread safety (IGRAPH_THREAD_SAFE 0: one error stack and one
    // random generator for the process); layouts from two threads at once corrupt it (seen: "Corrupt
    // finally stack", an abort, when the services map and a test's second map laid out together).
    static std::mutex igraphMutex;
    const std::lock_guard lock(igraphMutex);
    ServiceLayout out;
    std::vector<int> services;
    for (std::size_t i = 0; i < graph.nodes().size(); ++i)
        if (graph.node(static_cast<int>(i)).kind == NodeKind::Service)
            services.push_back(static_cast<int>(i));
    std::sort(services.begin(), services.end(),
              [&](int a, int b) { return graph.node(a).name < graph.node(b).name; });
    const std::size_t n = services.size();
    // igraph's natural scale: edges about one unit long, the map about sqrt(n) across.
    const double natural = std::max(4.0, std::sqrt(static_cast<double>(n)) * 2.0);
    out.side = options.side > 0 ? options.side : natural;
    if (n == 0)
        return out;
    std::unordered_map<int, std::size_t> vertexOf;
    for (std::size_t v = 0; v < n; ++v)
        vertexOf[services[v]] = v;
    igraph_vector_int_t edges;
    igraph_vector_int_init(&edges, 0);
    for (std::size_t v = 0; v < n; ++v) {
        const auto &node = graph.node(services[v]);
        if (node.members.empty() && (!node.callees.empty() || !node.callers.empty()))
            out.warnings.push_back("service \"" + node.name +
                                   "\" appears in the dependency edges but no host has it");
        for (int callee : node.callees) {
            if (callee == services[v]) {
                out.warnings.push_back("service \"" + node.name +
                                       "\" depends on itself (edge ignored for the layout)");
                continue;
            }
            igraph_vector_int_push_back(&edges, static_cast<igraph_integer_t>(v));
            igraph_vector_int_push_back(&edges, static_cast<igraph_integer_t>(vertexOf[callee]));
        }
    }
    // The whole graph for igraph only when it is laid out as a whole (not when new services are placed).
    struct EdgeVector {
        igraph_vector_int_t *v;
        ~EdgeVector() { igraph_vector_int_destroy(v); }
    } edgesGuard{&edges};

    // Starting point: where each service was; a new one at its placed neighbours' centroid (nudged so
    // it does not sit on top of them), else from its name.
    IMatrix pos(static_cast<igraph_integer_t>(n));
    // Positions by name, and the map's size when the caller has none (for the move figures).
    auto finish = [&] {
        double lo = 0, hi = 0;
        for (std::size_t v = 0; v < n; ++v) {
            const Point2 p{MATRIX(pos.m, v, 0), MATRIX(pos.m, v, 1)};
            out.positions[graph.node(services[v]).name] = p;
            lo = std::min({lo, p.x, p.y});
            hi = std::max({hi, p.x, p.y});
        }
        if (options.side <= 0)
            out.side = std::max(natural, hi - lo);
        return out;
    };
    std::vector<char> known(n, 0);
    std::size_t seeded = 0;
    for (std::size_t v = 0; v < n; ++v) {
        const auto &name = graph.node(services[v]).name;
        if (auto it = options.previous.find(name); it != options.previous.end()) {
            MATRIX(pos.m, v, 0) = it->second.x;
            MATRIX(pos.m, v, 1) = it->second.y;
            known[v] = 1;
            ++seeded;
        }
    }
    for (std::size_t v = 0; v < n; ++v) {
        if (known[v])
            continue;
        const auto &node = graph.node(services[v]);
        double sx = 0, sy = 0;
        int m = 0;
        for (const auto *list : {&node.callees, &node.callers})
            for (int u : *list)
                if (auto it = vertexOf.find(u); it != vertexOf.end() && known[it->second]) {
                    sx += MATRIX(pos.m, it->second, 0);
                    sy += MATRIX(pos.m, it->second, 1);
                    ++m;
                }
        const Point2 j = seedFor(node.name);
        if (m > 0) {
            MATRIX(pos.m, v, 0) = sx / m + j.x * 2;
            MATRIX(pos.m, v, 1) = sy / m + j.y * 2;
        } else {
            MATRIX(pos.m, v, 0) = j.x * out.side;
            MATRIX(pos.m, v, 1) = j.y * out.side;
        }
    }
    const bool incremental = seeded * 2 >= n;
    if (incremental && options.iterations == 0) {
        // Stability first: services that were placed stay exactly where they are (a poll that only
        // changes health moves nothing, and neither does a new neighbour). New services are placed
        // among what they talk to and their nearest placed services, all held still.
        placeNewServices(graph, services, vertexOf, known, pos.m, out);
        return finish();
    }
    IGraph ig;
    igraph_create(&ig.g, &edges, static_cast<igraph_integer_t>(n), IGRAPH_UNDIRECTED);
    ig.made = true;
    const int iterations = options.iterations > 0 ? options.iterations : 500;
    const double temp = incremental ? 0.05 : std::sqrt(static_cast<double>(n)) / 10;
    // Pins: a pinned node's bounds are its own position.
    std::unique_ptr<IVector> minx, maxx, miny, maxy;
    bool anyPin = false;
    for (std::size_t v = 0; v < n; ++v)
        anyPin = anyPin || (known[v] && options.pinned.count(graph.node(services[v]).name));
    if (anyPin) {
        minx = std::make_unique<IVector>(static_cast<igraph_integer_t>(n), -IGRAPH_INFINITY);
        maxx = std::make_unique<IVector>(static_cast<igraph_integer_t>(n), IGRAPH_INFINITY);
        miny = std::make_unique<IVector>(static_cast<igraph_integer_t>(n), -IGRAPH_INFINITY);
        maxy = std::make_unique<IVector>(static_cast<igraph_integer_t>(n), IGRAPH_INFINITY);
        for (std::size_t v = 0; v < n; ++v)
            if (known[v] && options.pinned.count(graph.node(services[v]).name)) {
                VECTOR(minx->v)[v] = VECTOR(maxx->v)[v] = MATRIX(pos.m, v, 0);
                VECTOR(miny->v)[v] = VECTOR(maxy->v)[v] = MATRIX(pos.m, v, 1);
            }
    }
    if (igraph_layout_fruchterman_reingold(&ig.g, &pos.m, true, iterations, temp, IGRAPH_LAYOUT_GRID, nullptr,
                                           anyPin ? &minx->v : nullptr, anyPin ? &maxx->v : nullptr,
                                           anyPin ? &miny->v : nullptr,
                                           anyPin ? &maxy->v : nullptr) != IGRAPH_SUCCESS)
        out.warnings.push_back("the service layout failed; services keep their previous places");
    // Services outside the largest connected group (no dependency at all, or a pair talking only to
    // each other) only repel it: left where the force layout put them they strew the map's corners and
    // shrink everything else to a dot when fitted. They go in rows under it, each small group side by
    // side (pinned ones stay).
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
            const auto &node = graph.node(services[v]);
            for (const auto *list : {&node.callees, &node.callers})
                for (int u : *list)
                    if (auto it = vertexOf.find(u); it != vertexOf.end() && component[it->second] < 0) {
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
        const bool pinned = known[v] && options.pinned.count(graph.node(services[v]).name);
        if (component[v] != main && !pinned) {
            loners.push_back(v);
            continue;
        }
        minX = std::min(minX, MATRIX(pos.m, v, 0));
        maxX = std::max(maxX, MATRIX(pos.m, v, 0));
        maxY = std::max(maxY, MATRIX(pos.m, v, 1));
    }
    std::stable_sort(loners.begin(), loners.end(),
                     [&](std::size_t a, std::size_t b) { return component[a] < component[b]; });
    if (!loners.empty() && loners.size() < n) {
        constexpr double kGap = 1.5; // about one edge length
        // As wide as the connected services, or wider than tall when there are many.
        const auto perRow = static_cast<std::size_t>(
            std::max({1.0, std::floor((maxX - minX) / kGap) + 1,
                      std::ceil(std::sqrt(3.0 * static_cast<double>(loners.size())))}));
        for (std::size_t k = 0; k < loners.size(); ++k) {
            MATRIX(pos.m, loners[k], 0) = minX + static_cast<double>(k % perRow) * kGap;
            MATRIX(pos.m, loners[k], 1) = maxY + 2 * kGap + static_cast<double>(k / perRow) * kGap;
        }
    }
    return finish();
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

// ---- Health and incidents -----------------------------------------------------------------------

int healthSeverity(const Alert &a) {
    if (a.isSilenced() || a.isInhibited() || a.state == AlertState::Suppressed)
        return -1;
    const auto sv = a.severity();
    return sv == "critical" || sv == "page" ? 2 : sv == "warning" ? 1 : 0;
}

std::vector<NodeHealth> computeHealth(const FleetGraph &graph, const std::vector<Host> &hosts,
                                      const std::vector<Alert> &alerts, const HostIdentity &identity,
                                      const std::string &serviceLabel) {
    std::vector<NodeHealth> out(graph.nodes().size());
    auto bubble = [&](int node, auto &&apply) {
        for (int p = node; p >= 0; p = graph.node(p).parent)
            apply(out[static_cast<std::size_t>(p)]);
    };
    for (const auto &h : hosts) {
        const int node = graph.host(h.name);
        if (node < 0)
            continue;
        bubble(node, [&](NodeHealth &nh) {
            ++nh.hosts;
            nh.up += h.up == UpState::Up;
            nh.down += h.up == UpState::Down;
        });
        if (const int s = graph.node(node).service; s >= 0) {
            auto &sh = out[static_cast<std::size_t>(s)];
            ++sh.hosts;
            sh.up += h.up == UpState::Up;
            sh.down += h.up == UpState::Down;
        }
    }
    for (const auto &a : alerts) {
        const int sev = healthSeverity(a);
        if (sev < 0)
            continue;
        auto mark = [&](NodeHealth &nh) {
            nh.severity = std::max(nh.severity, sev);
            ++nh.alerts;
        };
        if (const int hn = graph.host(identity.hostOf(a)); hn >= 0) {
            bubble(hn, mark);
            if (const int s = graph.node(hn).service; s >= 0)
                mark(out[static_cast<std::size_t>(s)]);
        } else if (const int gn = graph.group(a.labels); gn >= 0) {
            bubble(gn, mark); // an alert on a rack or zone itself (SwitchDown)
        }
        const int sn = graph.service(a.label(serviceLabel)), hn = graph.host(identity.hostOf(a));
        if (sn >= 0 && (hn < 0 || graph.node(hn).service != sn)) // a pod's workload on a node
            mark(out[static_cast<std::size_t>(sn)]);
    }
    return out;
}

BlastRadius blastRadius(const FleetGraph &graph, int cause) {
    BlastRadius out;
    out.cause = cause;
    if (cause < 0 || static_cast<std::size_t>(cause) >= graph.nodes().size())
        return out;
    std::vector<int> causeServices;
    const auto &c = graph.node(cause);
    if (c.kind == NodeKind::Service) {
        causeServices.push_back(cause);
        out.causeHosts = c.members;
    } else {
        // Every host under the cause (the rack's, or the host itself).
        std::vector<int> stack{cause};
        while (!stack.empty()) {
            const int x = stack.back();
            stack.pop_back();
            const auto &node = graph.node(x);
            if (node.kind == NodeKind::Host)
                out.causeHosts.push_back(x);
            for (int ch : node.children)
                stack.push_back(ch);
        }
        std::sort(out.causeHosts.begin(), out.causeHosts.end());
        for (int h : out.causeHosts)
            if (const int s = graph.node(h).service; s >= 0)
                causeServices.push_back(s);
        std::sort(causeServices.begin(), causeServices.end());
        causeServices.erase(std::unique(causeServices.begin(), causeServices.end()), causeServices.end());
    }
    std::set<int> seen(causeServices.begin(), causeServices.end());
    out.services = causeServices;
    out.causeServices = causeServices;
    for (int s : causeServices)
        for (int d : graph.dependentsOf(s))
            if (seen.insert(d).second)
                out.services.push_back(d);
    out.nodes.insert(cause);
    out.nodes.insert(out.causeHosts.begin(), out.causeHosts.end());
    out.nodes.insert(out.services.begin(), out.services.end());
    for (int h : out.causeHosts)
        for (int p = graph.node(h).parent; p > 0; p = graph.node(p).parent)
            if (graph.isAncestor(cause, p) || p == cause)
                out.nodes.insert(p);
    return out;
}

std::vector<int> dependencyPath(const FleetGraph &graph, int dependent, int cause) {
    // Breadth-first from the dependent along what it calls, until the cause.
    std::unordered_map<int, int> from;
    std::deque<int> queue{dependent};
    from[dependent] = -1;
    while (!queue.empty()) {
        const int x = queue.front();
        queue.pop_front();
        if (x == cause) {
            std::vector<int> path;
            for (int p = x; p >= 0; p = from[p])
                path.push_back(p);
            std::reverse(path.begin(), path.end());
            return path;
        }
        for (int callee : graph.node(x).callees)
            if (!from.count(callee)) {
                from[callee] = x;
                queue.push_back(callee);
            }
    }
    return {};
}

std::string toDot(const FleetGraph &graph, const std::vector<ServiceEdge> &edges) {
    auto quote = [](const std::string &s) {
        std::string out = "\"";
        for (char ch : s) {
            if (ch == '"' || ch == '\\')
                out += '\\';
            out += ch;
        }
        return out + "\"";
    };
    std::string out = "digraph services {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n";
    for (const auto &n : graph.nodes())
        if (n.kind == NodeKind::Service)
            out += "  " + quote(n.name) +
                   " [label=" + quote(n.name + "\\n" + std::to_string(n.members.size()) + " hosts") + "];\n";
    for (const auto &n : graph.nodes()) {
        if (n.kind != NodeKind::Service)
            continue;
        for (int c : n.callees) {
            std::string attrs;
            for (const auto &e : edges)
                if (e.from == n.name && e.to == graph.node(c).name && !std::isnan(e.requestsPerSecond)) {
                    char buf[96];
                    std::snprintf(buf, sizeof buf, " [label=\"%.1f req/s\"]", e.requestsPerSecond);
                    attrs = buf;
                }
            out += "  " + quote(n.name) + " -> " + quote(graph.node(c).name) + attrs + ";\n";
        }
    }
    return out + "}\n";
}

} // namespace vigil::analysis
