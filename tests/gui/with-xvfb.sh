#!/bin/sh
# Runs a test on an X server of its own: Xvfb with RandR, on a display number it picks itself, and Qt's
# xcb platform. There `xrandr --setmonitor` and `--delmonitor` add and remove Qt's screens while the test
# runs, as plugging in, resolution changes and displays going to sleep do on a real desk. The server is
# stopped by its PID. Without Xvfb or xrandr the test runs as it is and skips what needs them.
set -u
if ! command -v Xvfb >/dev/null 2>&1 || ! command -v xrandr >/dev/null 2>&1; then
  echo "with-xvfb: Xvfb or xrandr is not installed" >&2
  VIGIL_NO_XVFB=1 exec "$@"
fi
dir=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 3840x1080x24 +extension RANDR -nolisten tcp 3>"$dir/display" 2>"$dir/log" &
pid=$!
i=0
while [ ! -s "$dir/display" ] && [ $i -lt 100 ]; do
  sleep 0.1
  i=$((i + 1))
done
if [ ! -s "$dir/display" ]; then
  echo "with-xvfb: Xvfb did not start:" >&2
  cat "$dir/log" >&2
  kill "$pid" 2>/dev/null
  rm -rf "$dir"
  exit 1
fi
DISPLAY=":$(cat "$dir/display")" QT_QPA_PLATFORM=xcb "$@"
rc=$?
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
rm -rf "$dir"
exit $rc
