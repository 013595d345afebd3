#!/usr/bin/env bash
# Builds the Debian package (release build; takes a while on 2 cores) into
# $CARGO_TARGET_DIR/release/bundle/deb/. Install it with: apt install ./qr-desk_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/qrdesk-target}"
(cd ui && npm run --silent build)
# The Tauri CLI wants the config beside the app crate: src-tauri/tauri.conf.json is a symlink.
(cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb)
ls -1 "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb
