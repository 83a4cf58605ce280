#pragma once
// `vigil drift`: the drift report for pipelines. Polls the fleet once (or rebuilds a past moment from
// the cache with --at), judges every host against a baseline file or, without one, against the
// fleet's consensus, prints text, JSON or JUnit, and exits 0 when compliant, 1 when drift at or above
// --fail-on exists, 2 on any error (unreachable source, bad baseline, bad arguments) with the reason
// on stderr.
namespace vigil {

// argv[1] is "drift". Runs its own QCoreApplication.
int runDriftCommand(int argc, char **argv);

} // namespace vigil
