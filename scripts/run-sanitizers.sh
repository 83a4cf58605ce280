#!/usr/bin/env bash
# The hardening checks CI runs besides the README's test command (issue 17):
#   1. every libFuzzer target for a bounded time (tests/fuzz/run.sh; clang, ASan+UBSan);
#   2. the whole suite under ASan+UBSan with leak detection on (preset asan);
#   3. the threaded parts (network client, store, fleet state) under ThreadSanitizer (preset tsan);
#   4. the fault matrix: every vigil-sim fault against every endpoint (preset faults, release build).
# Usage: scripts/run-sanitizers.sh [FUZZ_SECONDS_PER_TARGET=20]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --sanitizers
t0=$SECONDS
bash tests/fuzz/run.sh "${1:-20}"
echo "sanitizers: fuzzing took $((SECONDS - t0)) s"
t0=$SECONDS
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$(nproc)"
ctest --preset asan -j 2
echo "sanitizers: ASan+UBSan suite took $((SECONDS - t0)) s"
t0=$SECONDS
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j "$(nproc)"
ctest --preset tsan -j 2
echo "sanitizers: TSan took $((SECONDS - t0)) s"
t0=$SECONDS
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target tst_faultmatrix
ctest --preset faults | grep -E "BENCH faults|tests passed|Failed|FAIL"
[ "${PIPESTATUS[0]}" -eq 0 ]
echo "sanitizers: fault matrix took $((SECONDS - t0)) s"
