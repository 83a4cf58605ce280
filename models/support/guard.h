#pragma once
// The last line of defence on a worker thread: an exception that escapes a thread's entry point (a
// QThreadPool job, an event handler on the pipeline thread, a std::thread) ends the whole process.
// Every such entry point runs its body through guarded(): an exception becomes a line on stderr and a
// count the status line can show, and the thread lives on. Code below it still reports its own
// failures as values; this only catches what slipped past them.
#include <atomic>
#include <cstdint>
#include <exception>
#include <string>

namespace vigil {

// Records an escaped exception (stderr, counter, last message). Thread-safe, never throws.
void noteEscapedException(const char *where, const char *what) noexcept;
std::uint64_t escapedExceptionCount() noexcept;
std::string lastEscapedException();

// Runs fn(); true when it returned normally.
template <class F> bool guarded(const char *where, F &&fn) noexcept {
    try {
        fn();
        return true;
    } catch (const std::exception &e) {
        noteEscapedException(where, e.what());
    } catch (...) {
        noteEscapedException(where, "an exception of unknown type");
    }
    return false;
}

} // namespace vigil

namespace vigil {

// Starts fn on a thread pool (QThreadPool or anything with start(callable)) through guarded().
template <class Pool, class F> void startGuarded(Pool &pool, const char *where, F &&fn) {
    pool.start([where, fn = std::forward<F>(fn)]() mutable { guarded(where, fn); });
}

} // namespace vigil
