# Sourced by the record.sh scripts: stops the servers they started (pids) and removes their work
# directory. A server is waited for before its directory goes: Alertmanager writes its notification log
# and silences on the way out, and `rm -rf` racing it failed a run ("Directory not empty").
stop_servers() {
  local p i
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    for i in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  rm -rf "$work"
}
