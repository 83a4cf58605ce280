// The physical map (racks and hosts in nested boxes), node health, the blast radius of a cause and
// the dependency path to it, the graph as DOT. The service map's force layout is in servicelayout.cpp.
#include "topology.h"

#include "fleet/alert.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
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
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        const Host &h = hosts[i];
        const int node = graph.hostAt(i, h.name);
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
        const int hn = graph.host(identity.hostOf(a));
        if (hn >= 0) {
            bubble(hn, mark);
            if (const int s = graph.node(hn).service; s >= 0)
                mark(out[static_cast<std::size_t>(s)]);
        } else if (const int gn = graph.group(a.labels); gn >= 0) {
            bubble(gn, mark); // an alert on a rack or zone itself (SwitchDown)
        }
        const int sn = graph.service(a.label(serviceLabel));
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
        for (int h : out.causeHosts) {
            if (const int s = graph.node(h).service; s >= 0)
                causeServices.push_back(s);
            // ...and the workloads with pods on it (a Kubernetes node runs no service of its own).
            const auto &runs = graph.node(h).runs;
            causeServices.insert(causeServices.end(), runs.begin(), runs.end());
        }
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
