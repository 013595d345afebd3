#!/usr/bin/env bash
# Runs every QR Desk test: formatting, lints, generated-types check, the dependency policy, the
# Rust tests (with every committed fuzz input replayed), the UI's type-check/lint/unit tests, the
# fault-storm soak and the kill -9 crash trials, the keychain tests against a real Secret Service, and the
# end-to-end tests that drive the real window under Xvfb. Installs what it needs; safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
T0=$(date +%s)
step() { echo "== [+$(( $(date +%s) - T0 ))s] $*"; }

step "setup"
scripts/setup.sh test
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/qrdesk-target}" CARGO_TERM_COLOR=never
export PATH="$HOME/.cargo/bin:$PATH"
# Tests that are not about the keychain or the window must not find either by accident.
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

step "rustfmt"
cargo fmt --all -- --check

step "UI: type-check, lint, unit tests, build"
(cd ui && npm run --silent typecheck && npm run --silent lint && npm run --silent test && npm run --silent build)

step "UI: npm audit, production dependencies, high/critical (ui/package-lock.json as committed)"
# Fails on a high or critical advisory in a production dependency. When no report can be had
# (offline, registry unreachable, or its advisory endpoint answering an error) it says so and
# goes on; anything else (a missing or broken lockfile, an npm it does not know) fails.
if [ "$(cd ui && npm config get offline)" = "true" ]; then
  # With offline=true npm does not ask the registry and reports "found 0 vulnerabilities".
  echo "NOTE: npm audit SKIPPED: npm is configured offline (offline=true), so no advisories were checked."
else
  audit_rc=0
  audit_out=$(cd ui && npm audit --omit=dev --audit-level=high --package-lock-only --fetch-timeout=60000 2>&1) || audit_rc=$?
  if [ "$audit_rc" -eq 0 ]; then
    echo "$audit_out"
  elif grep -q "audit endpoint returned an error" <<<"$audit_out"; then
    why=$(grep -Ei '^npm (warn|error|ERR!)' <<<"$audit_out" | grep -v "complete log of this run" | sed 's/^/    /')
    echo "NOTE: npm audit SKIPPED: no advisory report from $(cd ui && npm config get registry) (offline, or the registry's audit endpoint is unavailable); production dependencies were NOT checked. npm said:"
    echo "$why"
  else
    echo "$audit_out"
    echo "npm audit failed (exit $audit_rc): a high/critical advisory in a production dependency, or an audit error; see above" >&2
    exit 1
  fi
fi

step "generated TypeScript bindings are current"
scripts/gen-bindings.sh
if [ -n "$(git status --porcelain -- ui/src/bindings)" ]; then
  git status --short -- ui/src/bindings
  echo "ui/src/bindings is stale: run scripts/gen-bindings.sh and commit the result" >&2
  exit 1
fi

step "layering: front ends over qrdesk-app, no simulator in the CLI, Tauri only in the shell"
scripts/check-layers.sh

step "clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "dependency policy: licences, banned crates, sources (cargo deny, offline; see deny.toml)"
cargo deny --workspace --all-features --locked --offline check licenses bans sources

step "Rust tests (headless; they include every committed fuzz input replayed through its target)"
cargo test --workspace --locked

step "dependency policy of the fuzz workspace; security advisories (noted when unreachable)"
cargo deny --manifest-path fuzz/Cargo.toml --all-features --locked --offline check licenses bans sources
scripts/check-advisories.sh

step "fault-storm soak, short run (scripts/soak runs 10 minutes)"
scripts/soak 30 | tail -n 1

step "the package, from the tests' debug build: control fields and files checked, installed, the CLI and the window started from it; then the keychain tests and the end-to-end tests against the installed window (private D-Bus, unlocked gnome-keyring, Xvfb)"
deb=$(scripts/package-deb.sh --debug 2>/dev/null | tail -n1)
tests/with-session.sh tests/package/check-deb.sh "$deb" bash -c '
  set -e
  export QRDESK_KEYCHAIN_TESTS=1
  cargo test -p qrdesk-secrets --test keychain --locked
  cargo test -p qrdesk-cli --test cli --locked -- account_keychain
  tests/e2e/run.sh'

step "printing through CUPS: a private cupsd with the cups-pdf printer (scripts/cups-session.sh)"
cups_dir=$(mktemp -d /tmp/qrdesk-cups.XXXXXX)
cups_env=$(scripts/cups-session.sh start "$cups_dir")
env $cups_env QRDESK_CUPS_TESTS=1 cargo test -p qrdesk-cli --test cli --locked -- printing::
scripts/cups-session.sh stop "$cups_dir"
rm -rf "$cups_dir"

step "crash consistency, short run: kill -9 during sync, push, rotation, print and a campaign (3 each)"
scripts/crash-trials --sync 3 --push 3 --rotation 3 --print 3 --campaign 3 --campaign-rows 42

step "done: all tests passed"
