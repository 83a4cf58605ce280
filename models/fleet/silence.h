#pragma once
// An Alertmanager silence (API v2).
#include "../support/timeutil.h"

#include <string>
#include <vector>

namespace vigil {

struct SilenceMatcher {
    std::string name;
    std::string value;
    bool isRegex = false;
    bool isEqual = true;
    bool operator==(const SilenceMatcher &) const = default;
};

struct Silence {
    std::string id;
    std::vector<SilenceMatcher> matchers;
    TimeMs startsAt = 0;
    TimeMs endsAt = 0;
    TimeMs updatedAt = 0;
    std::string createdBy;
    std::string comment;
    std::string state; // "active", "pending", "expired"
    std::vector<std::string> seenBy;
};

} // namespace vigil
