#pragma once
// `vigil triage`: the current incidents, headless, for scripts and chat bots. Polls every source
// once through the normal pipeline (Prometheus and Alertmanager), lets triage run, prints the ranked
// incidents as text or JSON (rank, cause, confidence, reason, members by alert name, hosts, services)
// and exits 0 when no active incident reaches --fail-on, 1 when one does, 2 on any error (bad
// arguments or config, a source that never answered or is failing) with the reason on stderr.
namespace vigil {

// argv[1] is "triage". Runs its own QCoreApplication.
int runTriageCommand(int argc, char **argv);

} // namespace vigil
