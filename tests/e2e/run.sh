#!/usr/bin/env bash
# Drives the real QR Desk window with tauri-driver + WebKitWebDriver. Run inside
# tests/with-session.sh (private D-Bus, unlocked keyring, Xvfb). Screenshots land in
# tests/e2e/out/ (and, with QRDESK_UPDATE_SCREENSHOTS=1, in docs/screenshots/).
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/qrdesk-target}"
export QRDESK_APP="${QRDESK_APP:-$CARGO_TARGET_DIR/debug/qrdesk-desktop}"
[ -x "$QRDESK_APP" ] || { echo "build the app first: cargo build -p qrdesk-desktop" >&2; exit 1; }
driver=$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")

work=$(mktemp -d "${TMPDIR:-/tmp}/qrdesk-e2e.XXXXXX")
# The app under test gets its own data folder and the test keychain namespace.
export QRDESK_DATA_DIR="$work/data" QRDESK_KEYCHAIN_NAMESPACE=test
mkdir -p tests/e2e/out
port=${QRDESK_WEBDRIVER_PORT:-4444}
"$driver" --port "$port" --native-port $((port + 1)) >"$work/tauri-driver.log" 2>&1 &
driver_pid=$!
cleanup() { kill "$driver_pid" 2>/dev/null || true; wait "$driver_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
export QRDESK_WEBDRIVER_URL="http://127.0.0.1:$port"
rc=0
node --test --test-concurrency=1 ${QRDESK_E2E_TESTS:-tests/e2e/*.test.mjs} || rc=$?
if [ $rc -ne 0 ]; then
  echo "--- tauri-driver log ---" >&2; tail -n 40 "$work/tauri-driver.log" >&2
fi
exit $rc
