#!/usr/bin/env bash
# Builds the Debian package (release build; takes a while on 2 cores) into
# $CARGO_TARGET_DIR/release/bundle/deb/. Install it with: apt install ./qr-desk_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/qrdesk-target}"
(cd ui && npm run --silent build)
# The Tauri CLI (prebuilt, from npm; pinned to 2.x) wants the config beside the app crate:
# src-tauri/tauri.conf.json is a symlink to the top-level file.
cli_dir="$HOME/.cache/qrdesk-tauri-cli"
if [ ! -x "$cli_dir/node_modules/.bin/tauri" ]; then
  mkdir -p "$cli_dir"
  npm install --prefix "$cli_dir" --no-save --no-audit --no-fund --loglevel=error @tauri-apps/cli@2
fi
(cd src-tauri && "$cli_dir/node_modules/.bin/tauri" build --bundles deb)
ls -1 "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb
