#include "alert.h"

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

} // namespace vigil
