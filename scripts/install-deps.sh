#!/usr/bin/env bash
# Installs everything Vigil needs to build, run and test on Debian 12. Idempotent: installs only what
# is missing, so a second run costs a second. Runs as root, or through sudo when available.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev
  libboost-dev nlohmann-json3-dev libsqlite3-dev libssl-dev zlib1g-dev libyaml-cpp-dev libigraph-dev libre2-dev libsimdjson-dev libjemalloc-dev libdeflate-dev
  qtkeychain-qt6-dev libsecret-1-0 gnome-keyring dbus
  prometheus prometheus-alertmanager prometheus-node-exporter
  fonts-dejavu-core sqlite3 curl openssl xvfb x11-xserver-utils
  python3
)
# --sanitizers: clang and its runtimes for the libFuzzer targets (scripts/run-sanitizers.sh).
if [ "${1:-}" = "--sanitizers" ]; then
  packages+=(clang-14 libclang-rt-14-dev)
fi
# --package: what builds and checks the Debian package (scripts/check-package.sh).
if [ "${1:-}" = "--package" ]; then
  packages+=(dpkg-dev file lintian appstream desktop-file-utils)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root (missing: ${missing[*]})" >&2; exit 1; }
  SUDO=sudo
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# The Debian packages start their services on install where an init system runs; Vigil's tests start
# their own instances on free ports and never use those.
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
