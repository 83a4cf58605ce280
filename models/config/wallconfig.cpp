#include "yamlreader.h"

#include <algorithm>

namespace vigil {

namespace {

class WallReader : public YamlReader {
public:
    explicit WallReader(const YamlReader &r)
        : YamlReader(r) {}

    WallPlaylistEntry playlistEntry(const YAML::Node &n, const std::string &path) const {
        allowKeys(n, path, {"view", "dwell", "filter", "metric", "range", "grouping"});
        WallPlaylistEntry e;
        if (!n["view"])
            fail(n, join(path, "view"), "expected the name of a view");
        e.view = string(n["view"], join(path, "view"));
        const auto &known = WallConfig::views();
        if (std::find(known.begin(), known.end(), e.view) == known.end()) {
            std::string list;
            for (const auto &v : known)
                list += (list.empty() ? "" : ", ") + v;
            fail(n["view"], join(path, "view"),
                 "unknown view \"" + e.view + "\" (expected one of: " + list + ")");
        }
        if (n["dwell"]) {
            e.dwellMs = duration(n["dwell"], join(path, "dwell"));
            if (e.dwellMs < 5'000)
                fail(n["dwell"], join(path, "dwell"), "must be at least 5s (nobody can read a view in less)");
        }
        if (n["filter"])
            e.filter = string(n["filter"], join(path, "filter"));
        if (n["metric"])
            e.metric = string(n["metric"], join(path, "metric"));
        if (n["grouping"])
            e.grouping = string(n["grouping"], join(path, "grouping"));
        if (n["range"]) {
            e.rangeMs = duration(n["range"], join(path, "range"));
            if (e.rangeMs % 3'600'000 != 0 || e.rangeMs > 7 * 86'400'000LL)
                fail(n["range"], join(path, "range"), "expected whole hours up to 7 days, such as 6h or 24h");
        }
        return e;
    }

    std::vector<WallPlaylistEntry> playlist(const YAML::Node &n, const std::string &path) const {
        if (!n.IsSequence() || n.size() == 0)
            fail(n, path, "expected a non-empty list of views, e.g. [{view: triage, dwell: 60s}]");
        std::vector<WallPlaylistEntry> out;
        for (std::size_t i = 0; i < n.size(); ++i)
            out.push_back(playlistEntry(n[i], path + "[" + std::to_string(i) + "]"));
        return out;
    }

    WallConfig wall(const YAML::Node &n, const std::string &path) const {
        allowKeys(n, path,
                  {"playlist", "screens", "interrupt", "interrupt_view", "interrupt_dwell", "cursor_hide"});
        WallConfig w;
        if (n["playlist"])
            w.screens.front().playlist = playlist(n["playlist"], join(path, "playlist"));
        if (const auto sc = n["screens"]) {
            if (!sc.IsSequence() || sc.size() == 0)
                fail(sc, join(path, "screens"), "expected a non-empty list, e.g. [{screen: 0}, {screen: 1}]");
            const auto fallback = w.screens.front().playlist; // the wall's playlist, for screens without one
            w.screens.clear();
            for (std::size_t i = 0; i < sc.size(); ++i) {
                const std::string sp = join(path, "screens") + "[" + std::to_string(i) + "]";
                allowKeys(sc[i], sp, {"screen", "playlist"});
                WallScreen screen;
                if (const auto id = sc[i]["screen"]) {
                    const std::string text = string(id, join(sp, "screen"));
                    if (!text.empty() &&
                        std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
                        screen.index = static_cast<int>(integer(id, join(sp, "screen"), 0));
                    else
                        screen.name = text;
                }
                screen.playlist =
                    sc[i]["playlist"] ? playlist(sc[i]["playlist"], join(sp, "playlist")) : fallback;
                for (const auto &other : w.screens)
                    if (other.index == screen.index && other.name == screen.name)
                        fail(sc[i], sp, "this screen is already listed");
                w.screens.push_back(std::move(screen));
            }
        }
        if (const auto in = n["interrupt"]) {
            const std::string v = string(in, join(path, "interrupt"));
            if (v == "critical")
                w.interruptSeverity = 2;
            else if (v == "warning")
                w.interruptSeverity = 1;
            else if (v == "never")
                w.interruptSeverity = 3;
            else
                fail(in, join(path, "interrupt"), "expected critical, warning or never");
        }
        if (const auto iv = n["interrupt_view"]) {
            w.interruptView = string(iv, join(path, "interrupt_view"));
            const auto &known = WallConfig::views();
            if (std::find(known.begin(), known.end(), w.interruptView) == known.end())
                fail(iv, join(path, "interrupt_view"), "unknown view \"" + w.interruptView + "\"");
        }
        if (n["interrupt_dwell"])
            w.interruptDwellMs = duration(n["interrupt_dwell"], join(path, "interrupt_dwell"));
        if (n["cursor_hide"])
            w.cursorHideMs = duration(n["cursor_hide"], join(path, "cursor_hide"));
        return w;
    }
};

} // namespace

const std::vector<std::string> &WallConfig::views() {
    static const std::vector<std::string> names{"hosts",    "triage",   "hostmap", "heatmap",
                                                "topology", "services", "drift"};
    return names;
}

std::vector<WallPlaylistEntry> WallConfig::defaultPlaylist() {
    // Triage longest: it is what a NOC acts on; the maps and the heatmap show where and how much.
    return {{"triage", 60'000, {}, {}, 0, {}},   {"topology", 30'000, {}, {}, 0, {}},
            {"hostmap", 30'000, {}, {}, 0, {}},  {"heatmap", 30'000, {}, {}, 0, {}},
            {"services", 30'000, {}, {}, 0, {}}, {"drift", 20'000, {}, {}, 0, {}}};
}

WallConfig readWall(const YamlReader &reader, const YAML::Node &node, const std::string &path) {
    return WallReader(reader).wall(node, path);
}

} // namespace vigil
