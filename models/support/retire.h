#pragma once
// Dropping the last reference to a fleet snapshot of 100,000 alerts frees about a million small
// allocations: tens of milliseconds. Holders on the GUI thread hand the reference they replace to
// retire(), whose thread drops it, so a snapshot is never destroyed on the GUI thread.
#include <memory>

namespace vigil {

void retire(std::shared_ptr<const void> object);

// Replaces `slot` with `next` and retires what it held.
template <typename T> void replaceRetiring(std::shared_ptr<const T> &slot, std::shared_ptr<const T> next) {
    std::shared_ptr<const T> old = std::move(slot);
    slot = std::move(next);
    if (old)
        retire(std::move(old));
}

} // namespace vigil
