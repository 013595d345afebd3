#!/usr/bin/env bash
# Installs what QR Desk needs on Debian 12 / Ubuntu, only what is missing (safe to re-run).
#   scripts/setup.sh run    build + run the desktop app (and glabels-data: ~1,700 label sheets)
#   scripts/setup.sh test   everything `run` needs, plus the test tools (Xvfb, keyring, WebDriver, poppler)
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=${1:-run}

say() { echo "== setup: $*" >&2; }

RUN_PKGS=(build-essential pkg-config curl file libwebkit2gtk-4.1-dev libxdo-dev libssl-dev
          libayatana-appindicator3-dev librsvg2-dev libdbus-1-dev dbus gnome-keyring xvfb xauth
          glabels-data)
TEST_PKGS=(webkit2gtk-driver libsecret-tools poppler-utils imagemagick python3-venv fonts-dejavu-core
           cups cups-client printer-driver-cups-pdf fonts-urw-base35)
pkgs=("${RUN_PKGS[@]}")
[ "$purpose" = test ] && pkgs+=("${TEST_PKGS[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    say "missing system packages: ${missing[*]} (no apt-get here: install the equivalents, see README)"; exit 1
  fi
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || { say "Rust is not installed: see https://rustup.rs"; exit 1; }
command -v npm >/dev/null || { say "Node.js 20+ with npm is not installed"; exit 1; }

if [ "$purpose" = test ] && ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  say "installing tauri-driver 2 (about a minute)"
  cargo install tauri-driver --version '^2' --locked --quiet
fi
# Test tools from crates.io: the dependency policy check (the fuzzer driver, cargo-fuzz, is
# installed by scripts/fuzz when it is first used: the test command replays the corpora instead).
if [ "$purpose" = test ] && ! command -v cargo-deny >/dev/null && [ ! -x "$HOME/.cargo/bin/cargo-deny" ]; then
  say "installing cargo-deny (about three minutes)"
  cargo install cargo-deny --version '^0.20' --locked --quiet
fi

# UI dependencies: reinstall only when the lockfile changed since the last install.
stamp=ui/node_modules/.qrdesk-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s ui/package-lock.json "$stamp"; then
  say "installing UI packages (npm ci)"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  cp ui/package-lock.json "$stamp"
fi
