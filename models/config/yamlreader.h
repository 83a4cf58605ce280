#pragma once
// The checks every YAML section reader shares: known keys only, typed scalars, durations, readable
// files, each failing with the file, line and key (yamlerror.h). Section readers that live in their
// own files take a YamlReader.
#include "config.h"
#include "yamlerror.h"

#include "../support/timeutil.h"
#include "../support/url.h"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>

namespace vigil {

class YamlReader {
public:
    explicit YamlReader(std::string file)
        : m_file(std::move(file)) {}

    [[noreturn]] void fail(const YAML::Node &node, const std::string &key, const std::string &msg) const {
        yamlFail(m_file, node, key, msg);
    }

    void allowKeys(const YAML::Node &map, const std::string &path,
                   std::initializer_list<const char *> keys) const {
        if (!map.IsMap())
            fail(map, path, "expected a mapping");
        for (auto it = map.begin(); it != map.end(); ++it) {
            const auto k = it->first.as<std::string>();
            bool known = false;
            for (const char *allowed : keys)
                known = known || k == allowed;
            if (!known) {
                std::string list;
                for (const char *allowed : keys)
                    list += std::string(list.empty() ? "" : ", ") + allowed;
                fail(it->first, join(path, k), "unknown key (expected one of: " + list + ")");
            }
        }
    }

    std::string string(const YAML::Node &n, const std::string &key) const {
        if (!n.IsScalar())
            fail(n, key, "expected a string");
        return n.as<std::string>();
    }

    std::string url(const YAML::Node &n, const std::string &key) const {
        std::string s = string(n, key), err;
        if (!Url::parse(s, &err))
            fail(n, key, err);
        return s;
    }

    std::int64_t duration(const YAML::Node &n, const std::string &key, bool zeroAllowed = false) const {
        auto ms = parseDurationMs(string(n, key));
        if (!ms || *ms < 0 || (*ms == 0 && !zeroAllowed))
            fail(n, key,
                 zeroAllowed ? "expected a duration such as 0s, 1m or 500ms"
                             : "expected a positive duration such as 15s, 1m or 500ms");
        return *ms;
    }

    std::int64_t integer(const YAML::Node &n, const std::string &key, std::int64_t min) const {
        std::int64_t v = 0;
        try {
            v = n.as<std::int64_t>();
        } catch (const YAML::Exception &) {
            fail(n, key, "expected an integer");
        }
        if (v < min)
            fail(n, key, "must be at least " + std::to_string(min));
        return v;
    }

    bool boolean(const YAML::Node &n, const std::string &key) const {
        try {
            return n.as<bool>();
        } catch (const YAML::Exception &) {
            fail(n, key, "expected true or false");
        }
    }

    std::string secretFile(const YAML::Node &n, const std::string &key) const {
        std::string path = string(n, key);
        std::ifstream in(path);
        if (!in)
            fail(n, key, "cannot read secret file \"" + path + "\"");
        std::stringstream ss;
        ss << in.rdbuf();
        std::string s = ss.str();
        while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' '))
            s.pop_back();
        return s;
    }

    // A file named in the config, relative to the config's own folder, that must be readable now.
    std::string readableFile(const YAML::Node &n, const std::string &key) const {
        std::string path = string(n, key);
        if (!path.empty() && path[0] != '/' && m_file.find('/') != std::string::npos)
            path = m_file.substr(0, m_file.rfind('/') + 1) + path;
        if (!std::ifstream(path))
            fail(n, key, "cannot read \"" + path + "\"");
        return path;
    }

    static std::string join(const std::string &path, const std::string &key) {
        return path.empty() ? key : path + "." + key;
    }

protected:
    std::string m_file;
};

// wall: the wall display's screens, playlists and interruption (wallconfig.cpp).
WallConfig readWall(const YamlReader &reader, const YAML::Node &node, const std::string &path);

} // namespace vigil
