#include "imbalance.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace vigil::analysis {

std::vector<GroupImbalance> rankImbalance(const std::vector<Host> &hosts, int metric,
                                          const ImbalanceOptions &o) {
    std::map<std::string_view, std::vector<int>> groups;
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        const Host &h = hosts[i];
        if (metric < 0 || static_cast<std::size_t>(metric) >= h.metrics.size() ||
            std::isnan(h.metrics[static_cast<std::size_t>(metric)]) || h.up == UpState::Down)
            continue;
        const auto g = h.labels.value(o.groupLabel);
        if (!g.empty())
            groups[g].push_back(static_cast<int>(i));
    }
    std::vector<GroupImbalance> out;
    for (auto &[name, members] : groups) {
        if (static_cast<int>(members.size()) < o.minHosts)
            continue;
        auto value = [&](int i) {
            return hosts[static_cast<std::size_t>(i)].metrics[static_cast<std::size_t>(metric)];
        };
        GroupImbalance g;
        g.group = std::string(name);
        g.hotAt = o.hot;
        g.idleAt = o.idle;
        g.hosts = static_cast<int>(members.size());
        double sum = 0, sq = 0;
        g.min = value(members.front());
        g.max = g.min;
        for (int i : members) {
            const double v = value(i);
            sum += v;
            sq += v * v;
            g.min = std::min(g.min, v);
            g.max = std::max(g.max, v);
        }
        g.mean = sum / g.hosts;
        const double var = std::max(0.0, sq / g.hosts - g.mean * g.mean);
        g.cv = g.mean > 0 ? std::sqrt(var) / g.mean : 0;
        g.maxOverMean = g.mean > 0 ? g.max / g.mean : 0;
        for (int i : members) {
            if (value(i) >= o.hot) {
                g.hot.push_back(i);
                g.excess += value(i) - g.mean;
            } else if (value(i) <= o.idle) {
                g.idle.push_back(i);
            }
        }
        std::sort(g.hot.begin(), g.hot.end(), [&](int a, int b) { return value(a) > value(b); });
        std::sort(g.idle.begin(), g.idle.end(), [&](int a, int b) { return value(a) < value(b); });
        g.hotShare = static_cast<double>(g.hot.size()) / g.hosts;
        g.idleShare = static_cast<double>(g.idle.size()) / g.hosts;
        // Absolute spread (the coefficient of variation flatters pools that are merely quiet), weighted
        // by how many hosts redline, and more when idle hosts sit beside them.
        g.stddev = std::sqrt(var);
        g.score = g.stddev * (1.0 + 4.0 * g.hotShare) * (!g.hot.empty() && !g.idle.empty() ? 1.5 : 1.0);
        out.push_back(std::move(g));
    }
    std::sort(out.begin(), out.end(), [](const GroupImbalance &a, const GroupImbalance &b) {
        return a.score != b.score ? a.score > b.score : a.group < b.group;
    });
    return out;
}

} // namespace vigil::analysis
