#pragma once
// How the YAML readers (configuration, drift baselines) stop at the first error: an exception carrying
// the ConfigError (file, line, key, message), caught at the loader's edge; YAML syntax errors become
// the same shape.
#include "config.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace vigil {

struct YamlFailure {
    ConfigError error;
};

[[noreturn]] inline void yamlFail(const std::string &file, const YAML::Node &node, const std::string &key,
                                  const std::string &msg) {
    const int line = node.IsDefined() && node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
    throw YamlFailure{ConfigError{file, line, key, msg}};
}

// Runs a reader over the parsed text; any failure lands in *error and the result is empty.
template <class Read>
auto readYaml(const std::string &text, const std::string &fileName, ConfigError *error, Read read)
    -> std::optional<decltype(read(YAML::Node()))> {
    try {
        return read(YAML::Load(text));
    } catch (const YamlFailure &f) {
        if (error)
            *error = f.error;
    } catch (const YAML::Exception &e) {
        if (error)
            *error = ConfigError{fileName, e.mark.line >= 0 ? e.mark.line + 1 : 0, {}, e.msg};
    }
    return std::nullopt;
}

// A YAML file's whole text, or nullopt with *error naming the file and `cannotOpen`.
inline std::optional<std::string> readYamlFile(const std::string &path, const std::string &cannotOpen,
                                               ConfigError *error) {
    std::ifstream in(path);
    if (!in) {
        if (error)
            *error = ConfigError{path, 0, {}, cannotOpen};
        return std::nullopt;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace vigil
