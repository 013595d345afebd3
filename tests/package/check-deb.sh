#!/usr/bin/env bash
# Checks a built QR Desk package the way a user meets it, then runs a command against the
# installed copy (the test command runs the window's end-to-end suite there):
#   1. control fields: name, version, the libraries it needs, and the Recommends a user wants
#      (a Secret Service provider, gLabels' label catalogue, CUPS' clients);
#   2. the file list: both front ends (/usr/bin/qrdesk-desktop, /usr/bin/qrdesk), icons, and the
#      desktop entry named by the app's id (dev.qrdesk.desktop.desktop) that starts the window;
#   3. installs it: `dpkg -i` when run as root and no QR Desk package is installed already
#      (removed again afterwards), otherwise unpacked into a temporary folder;
#   4. `qrdesk --version` from the installed copy, then the window started from it on the
#      session's display: its main window must map, titled "QR Desk";
#   5. COMMAND with QRDESK_APP and QRDESK_CLI set to the installed binaries.
# Run inside tests/with-session.sh (it needs the display and the keyring session).
# Usage: tests/package/check-deb.sh DEB [COMMAND ARGS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
deb=$(realpath "$1")
shift
fail() { echo "package: $*" >&2; exit 1; }
id=$(sed -n 's/^ *"identifier": *"\([^"]*\)".*/\1/p' tauri.conf.json)
version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' tauri.conf.json)

# 1. Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = qr-desk ] || fail "Package is '$(field Package)', not qr-desk"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
for dep in libwebkit2gtk-4.1-0 libgtk-3-0 libdbus-1-3; do
  field Depends | tr ',' '\n' | grep -q "^ *$dep\b" || fail "Depends lacks $dep: $(field Depends)"
done
for rec in gnome-keyring glabels-data cups-client; do
  field Recommends | tr ',' '\n' | grep -q "^ *$rec\b" || fail "Recommends lacks $rec: $(field Recommends)"
done
[ "$(field Description | tail -n +2 | wc -w)" -ge 10 ] || fail "no long description"

# 2. File list and desktop entry.
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/qrdesk-desktop ./usr/bin/qrdesk "./usr/share/applications/$id.desktop" \
    ./usr/share/icons/hicolor/128x128/apps/qrdesk-desktop.png; do
  grep -qx -- "$f" <<<"$files" || fail "$f is missing from the package"
done
[ "$(grep -c '^\./usr/share/applications/.*\.desktop$' <<<"$files")" = 1 ] \
  || fail "more than one desktop entry: $(grep '\.desktop$' <<<"$files" | tr '\n' ' ')"
entry=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO "./usr/share/applications/$id.desktop")
for line in "Type=Application" "Name=QR Desk" "Exec=qrdesk-desktop" "Icon=qrdesk-desktop"; do
  grep -qx "$line" <<<"$entry" || fail "the desktop entry lacks '$line'"
done

# 3. Install (or unpack).
scratch=$(mktemp -d "${TMPDIR:-/tmp}/qrdesk-package.XXXXXX")
installed_here=0
cleanup() {
  if [ "$installed_here" = 1 ]; then dpkg -r qr-desk >/dev/null 2>&1 || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT
if [ "$(id -u)" = 0 ] && ! dpkg -s qr-desk >/dev/null 2>&1; then
  dpkg -i "$deb" >/dev/null || fail "dpkg -i failed (see above)"
  installed_here=1
  prefix=""
  echo "package: installed $(basename "$deb") with dpkg"
else
  dpkg-deb -x "$deb" "$scratch/root"
  prefix="$scratch/root"
  echo "package: unpacked $(basename "$deb") into a temporary folder (not root, or QR Desk is installed already)"
fi
app="$prefix/usr/bin/qrdesk-desktop" cli="$prefix/usr/bin/qrdesk"

# 4. The CLI, then the window, from the installed copy.
out=$("$cli" --version) || fail "qrdesk --version failed"
[ "$out" = "qrdesk $version" ] || fail "qrdesk --version says '$out', not 'qrdesk $version'"
echo "package: $out"
[ -n "${DISPLAY:-}" ] || fail "no display: run this inside tests/with-session.sh"
mkdir -p "$scratch/data"
QRDESK_DATA_DIR="$scratch/data" QRDESK_KEYCHAIN_NAMESPACE=test "$app" >"$scratch/app.log" 2>&1 &
pid=$!
mapped=""
for _ in $(seq 1 100); do
  kill -0 "$pid" 2>/dev/null || { cat "$scratch/app.log" >&2; fail "the window exited at start"; }
  mapped=$(xwininfo -root -tree 2>/dev/null | grep -E '"QR Desk".*[0-9]+x[0-9]+' | head -n1 || true)
  [ -n "$mapped" ] && break
  sleep 0.2
done
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
[ -n "$mapped" ] || { cat "$scratch/app.log" >&2; fail "no 'QR Desk' window appeared within 20 s"; }
echo "package: the window came up from $app"

# 5. The caller's command against the installed copy.
if [ $# -gt 0 ]; then
  QRDESK_APP="$app" QRDESK_CLI="$cli" "$@"
fi
