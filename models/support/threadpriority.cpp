#include "threadpriority.h"

#include <algorithm>
#include <cerrno>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace vigil {

void giveWayToForeground(Background level) {
#ifdef __linux__
    // On Linux a nice value belongs to a thread: PRIO_PROCESS with the thread's own id.
    const auto tid = static_cast<id_t>(syscall(SYS_gettid));
    // The nice value the thread started with: the process's own (`nice vigil` starts every thread at
    // 10). The level is added to it, so a background thread never runs ahead of the GUI thread.
    thread_local const int started = [tid] {
        errno = 0;
        const int n = getpriority(PRIO_PROCESS, tid);
        return n == -1 && errno != 0 ? 0 : n;
    }();
    thread_local int applied = started;
    const int nice = std::min(19, started + static_cast<int>(level));
    if (applied >= nice)
        return;
    if (setpriority(PRIO_PROCESS, tid, nice) == 0)
        applied = nice;
    else
        applied = 99; // not allowed here (a sandbox): do not ask on every job
#else
    (void)level;
#endif
}

} // namespace vigil
