#!/usr/bin/env bash
# Builds Vigil and opens it on a live simulated fleet (vigil --demo). Extra arguments go to vigil,
# e.g. --demo-hosts 10000 or --demo-scenario rack-failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release -j "$(nproc)" --target vigil vigil-sim
exec ./build/release/app/vigil --demo "$@"
