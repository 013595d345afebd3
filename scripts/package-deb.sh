#!/usr/bin/env bash
# Builds the Debian package: the window (`qrdesk-desktop`) and the command line (`qrdesk`) from
# the same build, bundled by the Tauri CLI, with the desktop entry named by the app's id
# (dev.qrdesk.desktop.desktop). Copies it to target/qr-desk_VERSION_amd64.deb and prints its path.
# Install it with: apt install ./target/qr-desk_0.1.0_amd64.deb
#
# Usage: scripts/package-deb.sh           release build (about 14 minutes cold on 2 cores)
#        scripts/package-deb.sh --debug   the debug build the tests use (the test command checks
#                                         and installs this one: tests/package/check-deb.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=release
[ "${1:-}" = --debug ] && profile=debug
scripts/setup.sh run
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/qrdesk-target}"
(cd ui && npm run --silent build)

build=(--locked --quiet)
[ "$profile" = release ] && build+=(--release)
# Two invocations, not one: built together, cargo would unify features and give the CLI the
# window's demo simulator.
cargo build -p qrdesk-desktop "${build[@]}"
cargo build -p qrdesk-cli "${build[@]}"

# The Tauri CLI (prebuilt, from npm; pinned to 2.x) wants the config beside the app crate:
# src-tauri/tauri.conf.json is a symlink to the top-level file.
cli_dir="$HOME/.cache/qrdesk-tauri-cli"
if [ ! -x "$cli_dir/node_modules/.bin/tauri" ]; then
  mkdir -p "$cli_dir"
  npm install --prefix "$cli_dir" --no-save --no-audit --no-fund --loglevel=error @tauri-apps/cli@2
fi
bundle_dir="$CARGO_TARGET_DIR/$profile/bundle/deb"
rm -rf "$bundle_dir"
# `tauri bundle` packages what cargo built above (it does not build again); the CLI binary is
# added as /usr/bin/qrdesk.
extra=$(printf '{"bundle":{"linux":{"deb":{"files":{"/usr/bin/qrdesk":"%s"}}}}}' \
  "$CARGO_TARGET_DIR/$profile/qrdesk")
bundle=(bundle --bundles deb --config "$extra")
[ "$profile" = debug ] && bundle+=(--debug)
(cd src-tauri && "$cli_dir/node_modules/.bin/tauri" "${bundle[@]}") >&2

# The bundler names the desktop entry after the product ("QR Desk.desktop"); desktop
# environments look entries up by the app's id, so the entry is renamed, then the package
# rebuilt with fresh checksums.
id=$(sed -n 's/^ *"identifier": *"\([^"]*\)".*/\1/p' tauri.conf.json)
mkdir -p target
for deb in "$bundle_dir"/*.deb; do
  root=$(mktemp -d)
  dpkg-deb -R "$deb" "$root"
  chmod 755 "$root"
  apps="$root/usr/share/applications"
  for entry in "$apps"/*.desktop; do
    [ "$entry" = "$apps/$id.desktop" ] || mv "$entry" "$apps/$id.desktop"
  done
  (cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
  name=$(dpkg-deb -f "$deb" Package)_$(dpkg-deb -f "$deb" Version)_$(dpkg-deb -f "$deb" Architecture).deb
  dpkg-deb --root-owner-group -Zxz --build "$root" "target/$name" >/dev/null
  rm -rf "$root"
  echo "target/$name"
done
