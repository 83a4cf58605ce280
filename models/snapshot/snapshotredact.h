#pragma once
// Redaction of an incident snapshot at export, for a file that leaves the team (a vendor, a public
// postmortem): host names and chosen label values are replaced by keyed hashes, the same value by the
// same hash everywhere in the file (labels, facts, silences, notes, the incident's title, the maps'
// nodes), so the structure stays readable: which alerts sit on which host, which rack failed. The key is
// random per export and not kept. Annotations can be dropped. Free text is rewritten word by word.
#include "fleet/hostidentity.h"

#include <string>

struct sqlite3;

namespace vigil::snapshot {

struct Redaction {
    bool hostNames = false;  // hosts and the values of the profile's host labels
    std::string labelNames;  // regex (full match) over label names whose values are hidden
    std::string labelValues; // regex (full match) over any label's value to hide
    bool dropLabels = false; // remove the chosen labels instead of hashing their values
    bool dropAnnotations = false;

    [[nodiscard]] bool active() const {
        return hostNames || !labelNames.empty() || !labelValues.empty() || dropAnnotations;
    }
    // What the file's meta says was redacted ("nothing" when inactive).
    [[nodiscard]] std::string describe() const;
    // Empty when the regexes compile, else what is wrong.
    [[nodiscard]] std::string check() const;
};

// Rewrites every table of a snapshot being exported (inside its transaction); throws std::runtime_error.
// The caller turns secure_delete on before writing and vacuums after, so no old value survives in free
// pages.
void redact(sqlite3 *db, const Redaction &redaction, const HostIdentity &identity);

} // namespace vigil::snapshot
