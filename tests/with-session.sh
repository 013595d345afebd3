#!/usr/bin/env bash
# Runs a command inside a private, throw-away desktop session:
#   - its own D-Bus session bus (never the machine's or another user's),
#   - a fresh gnome-keyring (Secret Service) whose default "login" collection is unlocked,
#   - a virtual X display (Xvfb), unless --no-x is given.
# Everything lives in a temporary folder that is deleted afterwards, and every process started
# here is stopped by its PID, so nothing is left running and no real keyring is ever touched.
#
# Usage: tests/with-session.sh [--no-x] [--] COMMAND [ARGS...]
#   e.g. tests/with-session.sh env QRDESK_KEYCHAIN_TESTS=1 cargo test -p qrdesk-secrets --test keychain
# Exit code: the command's. 125 when the session could not be set up (the reason is printed).
# Needs (Debian/Ubuntu): dbus gnome-keyring libsecret-tools xvfb (xauth is not needed).
# Works non-interactively (CI=true, stdin closed) and as root. Inside, QRDESK_THROWAWAY_KEYRING=1
# tells tests that writing probe entries cannot reach a real user's keyring.
set -euo pipefail

want_x=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-x) want_x=0; shift ;;
    --) shift; break ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done
if [[ $# -eq 0 ]]; then
  echo "with-session.sh: no command given. Usage: tests/with-session.sh [--no-x] [--] COMMAND [ARGS...]" >&2
  exit 125
fi

fail() { echo "with-session.sh: $*" >&2; exit 125; }

need=(dbus-daemon dbus-send gnome-keyring-daemon)
[[ $want_x -eq 1 ]] && need+=(Xvfb)
for tool in "${need[@]}"; do
  command -v "$tool" >/dev/null 2>&1 ||
    fail "'$tool' is not installed. Install it with: apt-get install -y dbus gnome-keyring libsecret-tools xvfb"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/qrdesk-session.XXXXXX")
log="$tmp/session.log"
bus_pid="" keyring_pid="" x_pid=""

stop() { # stop <pid>: TERM, wait up to 2 s, then KILL; only the PIDs this script started.
  local pid=$1
  [[ -n "$pid" ]] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.05
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  set +e
  stop "$x_pid"
  stop "$keyring_pid"
  stop "$bus_pid"
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
show_log_and_fail() {
  [[ -s "$log" ]] && sed 's/^/  | /' "$log" >&2
  fail "$1"
}

wait_for_file() { # wait_for_file <file> <pid>: until the file has a line, or the process died.
  for _ in $(seq 1 200); do
    [[ -s "$1" ]] && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

# A private home for everything the session writes (keyrings land in $XDG_DATA_HOME/keyrings).
mkdir -m 700 "$tmp/run" "$tmp/data" "$tmp/config" "$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
export XDG_CACHE_HOME="$tmp/cache" NO_AT_BRIDGE=1
unset DBUS_SESSION_BUS_ADDRESS DISPLAY GNOME_KEYRING_CONTROL SSH_AUTH_SOCK

# 1) Private session bus, run as our own child so it can be stopped (and reaped) by PID.
exec 4> "$tmp/bus"
dbus-daemon --session --nofork --nopidfile --print-address=4 >>"$log" 2>&1 </dev/null &
bus_pid=$!
exec 4>&-
wait_for_file "$tmp/bus" "$bus_pid" || show_log_and_fail "could not start a private D-Bus session bus."
export DBUS_SESSION_BUS_ADDRESS="$(head -n 1 "$tmp/bus")"

# 2) Throw-away keyring. A fresh XDG_DATA_HOME makes --unlock create an unlocked "login"
#    keyring, which becomes the default collection. --foreground keeps its PID ours to stop.
printf '%s' "throw-away-session" |
  gnome-keyring-daemon --foreground --unlock --components=secrets >>"$log" 2>&1 &
keyring_pid=$!
has_secret_service() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}
for _ in $(seq 1 200); do
  has_secret_service && break
  kill -0 "$keyring_pid" 2>/dev/null || show_log_and_fail "gnome-keyring-daemon exited during start-up."
  sleep 0.05
done
has_secret_service || show_log_and_fail "gnome-keyring-daemon did not register the Secret Service within 10 s."

# 3) Virtual display. -displayfd lets Xvfb pick a free display number itself (no race with
#    other sessions on the same machine, unlike xvfb-run -a); no xauth needed with -nolisten tcp.
if [[ $want_x -eq 1 ]]; then
  exec 3> "$tmp/display"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >>"$log" 2>&1 </dev/null &
  x_pid=$!
  exec 3>&-
  wait_for_file "$tmp/display" "$x_pid" || show_log_and_fail "Xvfb did not start within 10 s."
  display=$(head -n 1 "$tmp/display" | tr -dc '0-9')
  [[ -n "$display" ]] || show_log_and_fail "Xvfb did not report its display number."
  export DISPLAY=":$display"
fi

export QRDESK_IN_SESSION=1 QRDESK_THROWAWAY_KEYRING=1
rc=0
"$@" || rc=$?
exit "$rc"
