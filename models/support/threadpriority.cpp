#include "threadpriority.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace vigil {

void giveWayToForeground(Background level) {
#ifdef __linux__
    thread_local int applied = 0;
    const int nice = static_cast<int>(level);
    if (applied >= nice)
        return;
    // On Linux a nice value belongs to a thread: PRIO_PROCESS with the thread's own id.
    const auto tid = static_cast<id_t>(syscall(SYS_gettid));
    if (setpriority(PRIO_PROCESS, tid, nice) == 0)
        applied = nice;
    else
        applied = 99; // not allowed here (a sandbox): do not ask on every job
#else
    (void)level;
#endif
}

} // namespace vigil
