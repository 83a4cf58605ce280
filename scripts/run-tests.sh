#!/usr/bin/env bash
# Builds Vigil (warnings are errors) and runs every test: unit, gui (offscreen) and e2e against real
# Prometheus, Alertmanager and node_exporter. Ends with ctest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release -j "$(nproc)"
ctest --preset release -j 2
