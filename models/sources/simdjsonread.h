#pragma once
// What the simdjson readers (promfastquery.cpp, fastalerts.cpp) share. Each returns false where the
// document reader would do something other than take the value as it is, so the caller can hand the
// body to the document reader.
#include "../fleet/labelset.h"

#include <simdjson.h>

#include <algorithm>
#include <string>
#include <vector>

namespace vigil::simdjsonread {

namespace dom = simdjson::dom;

// {"name":"value",...} as labels sorted by name; false on a value that is not a string or a name twice
// (the document reader would keep the last).
inline bool readLabels(dom::element v, std::vector<Label> &labels) {
    dom::object metric;
    if (v.get_object().get(metric))
        return false;
    labels.reserve(metric.size());
    for (const auto field : metric) {
        std::string_view value;
        if (field.value.get_string().get(value))
            return false;
        labels.push_back(Label{std::string(field.key), std::string(value)});
    }
    std::sort(labels.begin(), labels.end(), [](const Label &a, const Label &b) { return a.name < b.name; });
    for (std::size_t i = 1; i < labels.size(); ++i)
        if (labels[i].name == labels[i - 1].name)
            return false;
    return true;
}

} // namespace vigil::simdjsonread
