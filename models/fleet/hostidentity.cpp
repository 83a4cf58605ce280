#include "hostidentity.h"

#include <algorithm>
#include <cctype>

namespace vigil {

std::string_view HostIdentity::withoutPort(std::string_view v) {
    const auto colon = v.rfind(':');
    if (colon == std::string_view::npos || colon + 1 == v.size())
        return v;
    const std::string_view port = v.substr(colon + 1);
    if (!std::all_of(port.begin(), port.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return v;
    std::string_view host = v.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        return host.substr(1, host.size() - 2);
    // A bare IPv6 address ("fe80::1") has colons of its own and no port.
    if (host.find(':') != std::string_view::npos || host.empty())
        return v;
    return host;
}

std::string_view HostIdentity::labelOf(const LabelSet &labels) const {
    for (const auto &l : this->labels)
        if (!labels.value(l).empty())
            return l;
    return {};
}

std::string_view HostIdentity::hostOf(const LabelSet &labels) const {
    for (const auto &l : this->labels)
        if (const auto v = labels.value(l); !v.empty())
            return stripPort ? withoutPort(v) : v;
    return {};
}

std::string_view HostIdentity::hostOf(const Alert &a) const {
    if (a.placement.empty())
        return hostOf(a.labels);
    for (const auto &l : labels)
        if (const auto v = a.label(l); !v.empty())
            return stripPort ? withoutPort(v) : v;
    return {};
}

std::string HostIdentity::describe() const {
    std::string out;
    for (const auto &l : labels)
        out += (out.empty() ? "" : ", ") + l;
    if (stripPort)
        out += " (port stripped)";
    return out;
}

} // namespace vigil
