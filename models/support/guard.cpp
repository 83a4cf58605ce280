#include "guard.h"

#include <cstdio>
#include <mutex>

namespace vigil {

namespace {
std::atomic<std::uint64_t> g_count{0};
std::mutex g_mutex;
std::string g_last;
} // namespace

void noteEscapedException(const char *where, const char *what) noexcept {
    std::fprintf(stderr, "vigil: internal error in %s: %s (the work was dropped; Vigil goes on)\n", where,
                 what ? what : "?");
    try {
        std::lock_guard lock(g_mutex);
        g_last = std::string(where) + ": " + (what ? what : "?");
    } catch (...) { // NOLINT(bugprone-empty-catch): out of memory while recording; the count stands
    }
    // Counted last, with release order: whoever sees the count sees the message that goes with it (a
    // test read the message between the two and found the previous one, once, under ASan).
    g_count.fetch_add(1, std::memory_order_release);
}

std::uint64_t escapedExceptionCount() noexcept {
    return g_count.load(std::memory_order_acquire);
}

std::string lastEscapedException() {
    std::lock_guard lock(g_mutex);
    return g_last;
}

} // namespace vigil
