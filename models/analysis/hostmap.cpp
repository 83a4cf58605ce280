#include "hostmap.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace vigil::analysis {

int HostMapLayout::hostAt(int x, int y) const {
    for (const auto &g : groups) {
        if (x < g.x || y < g.y + titleHeight || x >= g.x + g.w || y >= g.y + g.h)
            continue;
        const int col = (x - g.x) / tile, row = (y - g.y - titleHeight) / tile;
        const std::size_t k =
            static_cast<std::size_t>(row * g.cols + col) * static_cast<std::size_t>(hostsPerTile);
        return col < g.cols && k < g.hosts.size() ? g.hosts[k] : -1;
    }
    return -1;
}

namespace {
// Pack the groups' blocks in rows for a given tile size (each tile holding `per` hosts); returns the
// height used.
int pack(HostMapLayout &l, int tile, int width, int per = 1, int gap = -1) {
    if (gap < 0)
        gap = std::max(2, tile / 2);
    int x = 0, y = 0, rowHeight = 0;
    for (auto &g : l.groups) {
        const int n = (static_cast<int>(g.hosts.size()) + per - 1) / per;
        // Blocks a little wider than tall, never wider than the view.
        int cols = std::max(1, static_cast<int>(std::ceil(std::sqrt(n * 2.0))));
        cols = std::min({cols, n, std::max(1, width / tile)});
        const int rows = (n + cols - 1) / cols;
        g.cols = cols;
        g.w = std::max(cols * tile, tile);
        g.h = l.titleHeight + rows * tile;
        if (x > 0 && x + g.w > width) {
            x = 0;
            y += rowHeight + gap;
            rowHeight = 0;
        }
        g.x = x;
        g.y = y;
        x += g.w + gap;
        rowHeight = std::max(rowHeight, g.h);
    }
    return y + rowHeight;
}
} // namespace

HostMapLayout layoutHostMap(const FleetGraph &graph, const std::vector<Host> &hosts, int level, int width,
                            int height, int titleHeight) {
    HostMapLayout l;
    l.width = width;
    l.titleHeight = titleHeight;
    l.tileX.assign(hosts.size(), -1);
    l.tileY.assign(hosts.size(), -1);
    // Group each host under its ancestor at `level` (graph order: deterministic, topology-sorted).
    std::map<int, std::size_t> groupOf;
    std::vector<std::pair<int, int>> placed; // (group node, host index)
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        int node = graph.host(hosts[i].name);
        if (node < 0)
            continue;
        int g = graph.node(node).parent;
        while (g > 0 && graph.node(g).level > level && !graph.isUnplaced(g))
            g = graph.node(g).parent;
        if (graph.isUnplaced(g))
            g = graph.unplaced();
        auto [it, fresh] = groupOf.try_emplace(g, l.groups.size());
        if (fresh) {
            HostMapLayout::Group grp;
            grp.node = g;
            grp.title = g == graph.unplaced() ? "unplaced" : graph.path(g);
            l.groups.push_back(std::move(grp));
        }
        l.groups[it->second].hosts.push_back(static_cast<int>(i));
    }
    std::stable_sort(l.groups.begin(), l.groups.end(),
                     [&](const HostMapLayout::Group &a, const HostMapLayout::Group &b) {
                         const bool ua = a.node == graph.unplaced(), ub = b.node == graph.unplaced();
                         return ua != ub ? ub : a.title < b.title;
                     });
    for (int tile : {16, 12, 10, 8, 6, 5, 4, 3, 2, 1}) {
        l.tile = tile;
        l.titleHeight = tile >= 6 ? titleHeight : 0; // no room for words at the smallest sizes
        l.height = pack(l, tile, width);
        if (l.height <= height)
            break;
    }
    // More hosts than pixels: several hosts per pixel (the view shows their worst), never a host
    // silently off the map.
    if (l.height > height) {
        std::size_t total = 0;
        for (const auto &g : l.groups)
            total += g.hosts.size();
        int per = std::max(
            2, static_cast<int>(total / std::max<std::size_t>(1, static_cast<std::size_t>(width) *
                                                                     static_cast<std::size_t>(height) / 2)));
        std::size_t largest = 1;
        for (const auto &g : l.groups)
            largest = std::max(largest, g.hosts.size());
        // One pixel between groups while it fits; none once every group is down to a pixel.
        int gap = 1;
        while ((l.height = pack(l, 1, width, per, gap)) > height) {
            if (static_cast<std::size_t>(per) >= largest) {
                if (gap == 0)
                    break; // cannot happen with at least one pixel per group; never loop forever
                gap = 0;
                continue;
            }
            per = per * 5 / 4 + 1;
        }
        l.hostsPerTile = per;
    }
    const auto per = static_cast<std::size_t>(l.hostsPerTile);
    for (const auto &g : l.groups)
        for (std::size_t k = 0; k < g.hosts.size(); ++k) {
            const auto i = static_cast<std::size_t>(g.hosts[k]);
            const std::size_t slot = k / per;
            l.tileX[i] = g.x + static_cast<int>(slot % static_cast<std::size_t>(g.cols)) * l.tile;
            l.tileY[i] =
                g.y + l.titleHeight + static_cast<int>(slot / static_cast<std::size_t>(g.cols)) * l.tile;
        }
    return l;
}

} // namespace vigil::analysis
