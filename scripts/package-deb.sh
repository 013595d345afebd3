#!/usr/bin/env bash
# Builds the Debian package (release build: about 14 minutes cold on 2 cores) and copies it to
# target/qr-desk_VERSION_amd64.deb. Install it with: apt install ./target/qr-desk_0.1.0_amd64.deb
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
# The bundler names the file after the product ("QR Desk_…"); give it the Debian package's name.
mkdir -p target
for deb in "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb; do
  name=$(dpkg-deb -f "$deb" Package)_$(dpkg-deb -f "$deb" Version)_$(dpkg-deb -f "$deb" Architecture).deb
  cp "$deb" "target/$name"
  echo "target/$name"
done
