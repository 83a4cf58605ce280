#!/usr/bin/env bash
# Builds the Debian package from the release build (scripts/run-tests.sh made it), checks it with
# lintian, appstreamcli and desktop-file-validate, installs it with apt-get into this machine, and runs
# the installed binaries: --version, `vigil drift --demo`, and a headless screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --package
build=build/release
[ -x "$build/app/vigil" ] || { cmake --preset release && cmake --build --preset release -j "$(nproc)"; }
(cd "$build" && rm -f vigil_*.deb && cpack -G DEB >/dev/null)
deb=$(ls "$build"/vigil_*_amd64.deb)
echo "check-package: built $deb ($(du -k "$deb" | cut -f1) KiB)"
dpkg-deb -I "$deb" | grep -E '^ (Package|Version|Depends|Recommends):'

echo "check-package: lintian"
lint=0
lintian --fail-on error,warning "$deb" > "$build/lintian.txt" 2>&1 || lint=$?
grep -v 'running with root privileges' "$build/lintian.txt" || true
[ "$lint" -eq 0 ] || { echo "check-package: lintian found errors or warnings" >&2; exit 1; }
echo "check-package: appstreamcli validate"
appstreamcli validate --no-net installer/dev.vigil.Vigil.metainfo.xml
echo "check-package: desktop-file-validate"
desktop-file-validate installer/vigil.desktop

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -qq "./$deb" >/dev/null
for f in /usr/bin/vigil /usr/bin/vigil-sim /usr/share/applications/vigil.desktop \
         /usr/share/metainfo/dev.vigil.Vigil.metainfo.xml /usr/share/icons/hicolor/scalable/apps/vigil.svg \
         /usr/share/icons/hicolor/48x48/apps/vigil.png /usr/share/man/man1/vigil.1.gz \
         /usr/share/mime/packages/vigil-snapshot.xml /usr/share/doc/vigil/examples/vigil.example.yaml; do
  [ -e "$f" ] || { echo "check-package: the package did not install $f" >&2; exit 1; }
done
/usr/bin/vigil --version
out=$(mktemp -d)
/usr/bin/vigil drift --demo --demo-scenario steady --format text > "$out/drift.txt"
tail -n 2 "$out/drift.txt"
QT_QPA_PLATFORM=offscreen /usr/bin/vigil --demo --demo-hosts 400 --view triage --size 1280x800 \
  --screenshot "$out/installed.png"
[ -s "$out/installed.png" ] || { echo "check-package: the installed vigil wrote no screenshot" >&2; exit 1; }
echo "check-package: the installed vigil ran; screenshot $(du -k "$out/installed.png" | cut -f1) KiB"
# A first run: no configuration of the user's, nothing to watch: the welcome page.
mkdir -p "$out/config"
XDG_CONFIG_HOME="$out/config" QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANG=C.UTF-8 \
  /usr/bin/vigil --screenshot "$out/welcome.png" | grep -q "welcome page" ||
  { echo "check-package: the installed vigil did not start on the welcome page" >&2; exit 1; }
echo "check-package: a first run of the installed vigil is the welcome page"
# A source added in the settings, its password in the keychain (GNOME Keyring in a D-Bus session of
# its own), polled by the installed vigil after a restart.
QT_QPA_PLATFORM=offscreen VIGIL_BIN=/usr/bin/vigil tests/e2e/with-keyring.sh "$build/tests/tst_keychain" \
  > "$out/keychain.txt" 2>&1 || { cat "$out/keychain.txt"; echo "check-package: keychain run failed" >&2; exit 1; }
grep -E "^Totals" "$out/keychain.txt"
echo "check-package: the installed vigil polled a source whose password the settings put in the keychain"
rm -rf "$out"
