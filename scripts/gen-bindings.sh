#!/usr/bin/env bash
# Regenerates the UI's TypeScript types from the Rust types (ts-rs) into ui/src/bindings/.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/qrdesk-target}"
rm -rf ui/src/bindings
cargo test --quiet --locked -p qrdesk-core -p qrdesk-accounts -p qrdesk-app \
  --features qrdesk-core/ts,qrdesk-accounts/ts,qrdesk-app/ts export_bindings >/dev/null
