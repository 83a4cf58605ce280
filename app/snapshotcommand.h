#pragma once
// `vigil snapshot`: incident snapshots for scripts and CI.
//  - `vigil snapshot export --config FILE (--from T [--to T] | --incident KEY | --around T) --out F.vigil`
//    polls the fleet once, then writes the window from the cache, filling what the cache lacks from the
//    sources' query_range. Exit 0 when the file holds the whole window, 1 when it was written with gaps
//    (minutes without values, a source that did not answer), 2 on errors, with the reason on stderr.
//  - `vigil snapshot check F.vigil` validates a file and prints what it holds; exit 0 or 2.
namespace vigil {

// argv[1] is "snapshot". Runs its own QCoreApplication.
int runSnapshotCommand(int argc, char **argv);

} // namespace vigil
