#pragma once
// What operators add to an incident in Vigil: local notes, and acknowledgements (a short
// Alertmanager silence that Vigil extends while the incident lasts). Keyed by the incident's
// stable key ("group:eu1 / eu1-a / eu1-a-r07"); kept in the store.
#include "../support/timeutil.h"

#include <string>

namespace vigil {

struct IncidentNote {
    std::string incident;
    std::string author;
    std::string text;
    TimeMs time = 0;
    bool operator==(const IncidentNote &) const = default;
};

struct Acknowledgement {
    std::string incident;
    std::string source; // the Alertmanager source holding the silence
    std::string silenceId;
    std::string author;
    TimeMs since = 0;  // when it was acknowledged
    TimeMs endsAt = 0; // the silence's current end
    bool operator==(const Acknowledgement &) const = default;
};

} // namespace vigil
