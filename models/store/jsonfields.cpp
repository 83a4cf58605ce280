// The label and string-list columns of the cache and of snapshot files, read with simdjson: a cache of
// 5,000 hosts and their alerts holds tens of thousands of these small documents, and nlohmann's tree
// (a std::map per object) was most of the time a warm start spent reading them.
#include "sqlitestmt.h"

#include <simdjson.h>

#include <algorithm>

namespace vigil::sqlite {

namespace {
simdjson::dom::parser &parser() {
    thread_local simdjson::dom::parser p;
    return p;
}
} // namespace

LabelSet labelsFromJson(const std::string &s) {
    simdjson::dom::object object;
    if (parser().parse(s).get_object().get(object))
        return {};
    std::vector<Label> out;
    out.reserve(object.size());
    for (const auto field : object) {
        std::string_view value;
        if (!field.value.get_string().get(value))
            out.push_back({std::string(field.key), std::string(value)});
    }
    // A name given twice: the last value, as a JSON object reader keeps it.
    std::stable_sort(out.begin(), out.end(), [](const Label &a, const Label &b) { return a.name < b.name; });
    std::vector<Label> unique;
    unique.reserve(out.size());
    for (auto &l : out) {
        if (!unique.empty() && unique.back().name == l.name)
            unique.back() = std::move(l);
        else
            unique.push_back(std::move(l));
    }
    return LabelSet(std::move(unique));
}

std::vector<std::string> stringsFromJson(const std::string &s) {
    simdjson::dom::array array;
    if (parser().parse(s).get_array().get(array))
        return {};
    std::vector<std::string> out;
    out.reserve(array.size());
    for (const auto v : array) {
        std::string_view text;
        if (!v.get_string().get(text))
            out.emplace_back(text);
    }
    return out;
}

} // namespace vigil::sqlite
