#!/usr/bin/env bash
# Builds and opens the QR Desk window. On first run the app offers the built-in demo account
# (served by the simulator on this machine) when no real account exists.
# With no graphical display (a server, CI), the window opens on a virtual display (Xvfb) and a
# screenshot is saved to target/qrdesk-run.png after a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/qrdesk-target}"
echo "== building the UI and the app, optimized (the first build takes several minutes)" >&2
(cd ui && npm run --silent build)
# The release build: the speed the README's tables show, and the build scripts/package-deb.sh
# packages (so packaging after running builds nothing again).
cargo build -p qrdesk-desktop --release --locked --quiet
app="$CARGO_TARGET_DIR/release/qrdesk-desktop"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$app" "$@"
fi

echo "== no display found: opening QR Desk on a virtual display (Xvfb)" >&2
# The virtual session brings its own throw-away keychain, so it also gets its own data folder:
# keys and the accounts that need them come and go together.
export QRDESK_DATA_DIR="${QRDESK_DATA_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/qrdesk-run.XXXXXX")}"
echo "== data folder for this session: $QRDESK_DATA_DIR" >&2
shot="$PWD/target/qrdesk-run.png"
mkdir -p "$(dirname "$shot")"
exec tests/with-session.sh bash -c '
  "$0" "${@:2}" & app=$!
  sleep "${QRDESK_RUN_SHOT_AFTER:-8}"
  import -window root "$1" 2>/dev/null && echo "== screenshot: $1" >&2
  if [ -n "${QRDESK_RUN_SECONDS:-}" ]; then sleep "$QRDESK_RUN_SECONDS"; kill $app; wait $app || true; exit 0; fi
  wait $app' "$app" "$shot" "$@"
