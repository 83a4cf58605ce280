#pragma once
// The process's allocator, where it can be told something: jemalloc (linked into the vigil program,
// VIGIL_JEMALLOC) answers mallctl; glibc's malloc and the sanitizers' do not.

namespace vigil::allocator {

// Freed memory goes back to the system on time (jemalloc's decay, ten seconds) from a thread of
// jemalloc's own, not only when a thread allocates in the same arena again. False when the allocator
// has no such setting. For the wall, up for days: an arena whose threads sat idle after a history load
// or a poll kept its freed pages resident, and the wall's memory swung by tens of MiB from one five
// minutes to the next.
bool returnFreedPagesOnTime();

} // namespace vigil::allocator
