#pragma once
// What the simdjson readers (promfastquery.cpp, fastalerts.cpp) share. Each returns false where the
// document reader would do something other than take the value as it is, so the caller can hand the
// body to the document reader.
#include "../fleet/labelset.h"

#include <simdjson.h>

#include <algorithm>
#include <string>
#include <string_view>
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
    sortByName(labels);
    for (std::size_t i = 1; i < labels.size(); ++i)
        if (labels[i].name == labels[i - 1].name)
            return false;
    return true;
}

// Parses `body` with this thread's parser and hands the document to `read`, which must copy out what it
// keeps (the document lives in the parser). A parser made per answer allocated its buffers (about 14
// times the answer, a padded copy of it included) and the kernel faulted them in again on every poll;
// kept per thread, they are reused. A poll's answers are under 4 MB at 10,000 hosts; a parser that grew
// past kKeepCapacity (a history load's answer) is let go after it, so a thread keeps ~10 MiB at most
// (at 32 MiB the bulk threads kept history-sized ones: the wall's median RSS at 10,000 hosts went 325 -> 377
// MiB).
template <class Read> bool parseWith(std::string_view body, Read &&read) {
    constexpr std::size_t kKeepCapacity = 8u << 20;
    thread_local dom::parser parser;
    thread_local std::string padded;
    padded.reserve(body.size() + simdjson::SIMDJSON_PADDING);
    padded.assign(body.data(), body.size());
    dom::element doc;
    const bool ok = !parser.parse(padded.data(), padded.size(), false).get(doc) && read(doc);
    if (parser.capacity() > kKeepCapacity) {
        parser = dom::parser{};
        padded = std::string{};
    }
    return ok;
}

} // namespace vigil::simdjsonread
