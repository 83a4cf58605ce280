#include "alert.h"

#include <functional>

namespace vigil {

const char *alertStateName(AlertState s) {
    switch (s) {
    case AlertState::Active:
        return "active";
    case AlertState::Suppressed:
        return "suppressed";
    case AlertState::Unprocessed:
        return "unprocessed";
    case AlertState::Pending:
        return "pending";
    case AlertState::Firing:
        return "firing";
    case AlertState::Resolved:
        return "resolved";
    }
    return "unknown";
}

std::uint64_t fingerprintKey(std::string_view fp) {
    if (fp.size() == 16) {
        std::uint64_t v = 0;
        bool hex = true;
        for (char c : fp) {
            const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            hex = hex && d >= 0;
            v = (v << 4) | static_cast<std::uint64_t>(d & 15);
        }
        if (hex)
            return v;
    }
    return std::hash<std::string_view>{}(fp) ^ 0x9e3779b97f4a7c15ull;
}

} // namespace vigil
