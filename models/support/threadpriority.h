#pragma once
// Background threads give way to the GUI thread (DESIGN rule 1). On two cores, a poll's analysis, a map's
// health and a table's sort run beside the GUI thread, and the scheduler shared the cores evenly: a paint
// that needs 6 ms of CPU took 13 ms while it waited its turn. A background thread lowers its own
// scheduling priority once (a nice value, per thread on Linux), so the GUI thread is run first whenever
// it has work and the background gets every cycle it leaves. Elsewhere this does nothing.
namespace vigil {

// How much lower than the process's own nice value (0 unless started with `nice`), at most 19.
enum class Background {
    Interactive = 5, // work an operator waits for: the pipeline, filtering, layouts
    Bulk = 10,       // work nobody waits for: history, drift, wear, the cache's writes
};

// Lowers the calling thread `level` below the nice value it started with (never raises it back: an
// unprivileged process cannot).
void giveWayToForeground(Background level);

} // namespace vigil
