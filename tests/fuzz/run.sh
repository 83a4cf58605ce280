#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each for a bounded time.
# Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET=20] [TARGET...]
# Seeds: the recorded real answers (tests/data/*.json, also gzip-compressed for gunzip), the example
# configs and tests/fuzz/seeds/<target>/. A crash stops the run with exit 1 and leaves the input in
# build/fuzz/artifacts/; fix it, then add the input under tests/fuzz/regressions/<target>/.
# Prints `FUZZ <target> execs=N corpus=N` per target and `BENCH fuzz.execs.<target> N execs`.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
shift || true
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"
bin=build/fuzz/tests/fuzz/fuzz_vigil
work=build/fuzz/corpus
mkdir -p build/fuzz/artifacts
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <("$bin" -list)
status=0
for t in "${targets[@]}"; do
  seeds="$work/$t.seeds"
  rm -rf "$seeds"
  mkdir -p "$work/$t" "$seeds"
  case "$t" in
    prom.*|am.*) cp tests/data/*.json "$seeds/" ;;
    gunzip) for f in tests/data/*.json; do gzip -c "$f" > "$seeds/$(basename "$f").gz"; done ;;
    config) cp resources/vigil.example.yaml resources/vigil.example.json "$seeds/" ;;
  esac
  [ -d "tests/fuzz/seeds/$t" ] && cp "tests/fuzz/seeds/$t/"* "$seeds/" 2>/dev/null || true
  [ -d "tests/fuzz/regressions/$t" ] && cp "tests/fuzz/regressions/$t/"* "$seeds/" 2>/dev/null || true
  log="build/fuzz/$t.log"
  if VIGIL_FUZZ_TARGET="$t" UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
      "$bin" -max_total_time="$seconds" -print_final_stats=1 -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="build/fuzz/artifacts/$t-" "$work/$t" "$seeds" >"$log" 2>&1; then
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    [ -n "$execs" ] || execs=$(grep -oE '#[0-9]+' "$log" | tail -1 | tr -d '#')
    corpus=$(find "$work/$t" -type f | wc -l)
    echo "FUZZ $t execs=${execs:-?} corpus=$corpus"
    echo "BENCH fuzz.execs.$t ${execs:-0} execs"
  else
    echo "FUZZ $t CRASHED (input in build/fuzz/artifacts/$t-*):"
    grep -E 'ERROR|SUMMARY|runtime error|terminate|what\(\)' "$log" | head -20 || tail -30 "$log"
    status=1
  fi
done
exit $status
