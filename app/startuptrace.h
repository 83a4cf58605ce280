#pragma once
// Time to the cause, measured inside the process: with VIGIL_TRACE_STARTUP set, the first frame of
// triage's incident list that shows incidents prints "startup.first_incidents <ms> ms" on stderr, timed
// from main(); VIGIL_TRACE_STARTUP=exit then quits (benchmarks start Vigil again and again).
class QTableView;

namespace vigil::startup {

// The moment main() began; call first thing.
void markMain();
// Watches the incident list when VIGIL_TRACE_STARTUP is set; otherwise does nothing.
void watch(QTableView *incidents);

} // namespace vigil::startup
