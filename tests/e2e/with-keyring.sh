#!/bin/sh
# Runs a test in a D-Bus session of its own with a new, unlocked GNOME keyring in a temporary home: the
# real Secret Service QtKeychain talks to, never the user's keyring. Without dbus-run-session or
# gnome-keyring-daemon the test is run with VIGIL_NO_KEYRING=1 and says what it skipped.
set -u
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "with-keyring: dbus-run-session or gnome-keyring-daemon is not installed" >&2
  VIGIL_NO_KEYRING=1 exec "$@"
fi
home=$(mktemp -d)
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
  XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- sh -c \
  'printf %s vigil-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' \
  with-keyring "$@"
rc=$?
rm -rf "$home"
exit $rc
