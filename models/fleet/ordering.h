#pragma once
// The snapshot's orders, for analyses that walk hosts and facts side by side: hosts by name; facts by
// host, then name, then value. Callers with other orders get a sorted copy; facts are checked only in
// debug builds (at millions of facts the check costs more than the analysis).
#include "host.h"

#include <algorithm>
#include <tuple>
#include <vector>

namespace vigil {

inline bool factBefore(const Fact &a, const Fact &b) {
    return std::tie(a.host, a.name, a.value) < std::tie(b.host, b.name, b.value);
}

// `in`, or a copy sorted by name kept in `copy`.
inline const std::vector<Host> &hostsByName(const std::vector<Host> &in, std::vector<Host> &copy) {
    auto less = [](const Host &a, const Host &b) { return a.name < b.name; };
    if (std::is_sorted(in.begin(), in.end(), less))
        return in;
    copy = in;
    std::sort(copy.begin(), copy.end(), less);
    return copy;
}

inline const std::vector<Fact> &factsInOrder(const std::vector<Fact> &in, std::vector<Fact> &copy) {
#ifndef NDEBUG
    if (!std::is_sorted(in.begin(), in.end(), factBefore)) {
        copy = in;
        std::sort(copy.begin(), copy.end(), factBefore);
        return copy;
    }
#else
    (void)copy;
#endif
    return in;
}

} // namespace vigil
