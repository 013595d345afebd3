#!/usr/bin/env bash
# Drives the real QR Desk window with tauri-driver + WebKitWebDriver. Run inside
# tests/with-session.sh (private D-Bus, unlocked keyring, Xvfb). Screenshots land in
# tests/e2e/out/ (and, with QRDESK_UPDATE_SCREENSHOTS=1, in docs/screenshots/).
#
# Each test file gets a fresh app: its own data folder ($QRDESK_DATA_DIR, where demo mode also
# writes demo-simulator.json), its own save folder ($QRDESK_SAVE_DIR: no native save dialog) and
# its own tauri-driver, because the app inherits the driver's environment. QRDESK_E2E_TESTS="tests/e2e/x.test.mjs …" runs only those files.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/qrdesk-target}"
export QRDESK_APP="${QRDESK_APP:-$CARGO_TARGET_DIR/debug/qrdesk-desktop}"
[ -x "$QRDESK_APP" ] || { echo "build the app first: cargo build -p qrdesk-desktop" >&2; exit 1; }
driver=$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")

work=$(mktemp -d "${TMPDIR:-/tmp}/qrdesk-e2e.XXXXXX")
export QRDESK_KEYCHAIN_NAMESPACE=test
mkdir -p tests/e2e/out
base_port=${QRDESK_WEBDRIVER_PORT:-}
free_ports() { # a pair of ports nobody listens on, below the kernel's ephemeral range
  local p
  while :; do
    p=$((20000 + RANDOM % 12000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
    (exec 3<>"/dev/tcp/127.0.0.1/$((p + 1))") 2>/dev/null && continue
    echo "$p $((p + 1))"
    return
  done
}
driver_pid=""
stop_driver() {
  [ -n "$driver_pid" ] || return 0
  kill "$driver_pid" 2>/dev/null || true
  wait "$driver_pid" 2>/dev/null || true
  driver_pid=""
}
cleanup() { stop_driver; rm -rf "$work"; }
trap cleanup EXIT

rc=0
n=0
for file in ${QRDESK_E2E_TESTS:-tests/e2e/*.test.mjs}; do
  n=$((n + 1))
  export QRDESK_DATA_DIR="$work/data-$n"
  # Files the app would ask where to save (print, export) go here without a native dialog.
  export QRDESK_SAVE_DIR="$work/saved-$n"
  mkdir -p "$QRDESK_DATA_DIR" "$QRDESK_SAVE_DIR"
  # Free ports per file (another suite may be running on this machine, and a WebKitWebDriver
  # still shutting down must never be reached by the next file); QRDESK_WEBDRIVER_PORT fixes them.
  if [ -n "$base_port" ]; then
    port=$((base_port + 2 * (n - 1))) native=$((base_port + 2 * (n - 1) + 1))
  else
    read -r port native < <(free_ports)
  fi
  export QRDESK_WEBDRIVER_URL="http://127.0.0.1:$port"
  log="$work/tauri-driver-$n.log"
  "$driver" --port "$port" --native-port "$native" >"$log" 2>&1 &
  driver_pid=$!
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
  echo "# e2e: $file" >&2
  file_rc=0
  node --test --test-concurrency=1 "$file" || file_rc=$?
  if [ $file_rc -ne 0 ]; then
    rc=$file_rc
    echo "--- tauri-driver log ($file) ---" >&2; tail -n 40 "$log" >&2
  fi
  stop_driver
done
exit $rc
