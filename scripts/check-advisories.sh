#!/usr/bin/env bash
# Security advisories of every dependency (cargo deny check advisories), for the app's workspace
# and the fuzz workspace. The advisory database (RustSec) is fetched from GitHub: where that
# cannot be reached (these build machines reach only the package registries), the check is
# skipped with a note saying so, never silently. Any other failure, including an advisory that
# applies, fails the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
for manifest in Cargo.toml fuzz/Cargo.toml; do
  workspace=(); [ "$manifest" = Cargo.toml ] && workspace=(--workspace)
  if timeout 300 cargo deny --manifest-path "$manifest" "${workspace[@]}" --all-features --locked \
       check advisories >"$log" 2>&1; then
    echo "advisories: no known advisory applies ($manifest)"
  elif grep -qE "failed to fetch advisory database|Could not resolve host|unable to access" "$log"; then
    echo "NOTE: advisories NOT checked for $manifest: the RustSec advisory database (github.com)" \
         "cannot be reached from this machine; run scripts/check-advisories.sh where it can."
    grep -m1 -E "failed to fetch|Could not resolve" "$log" | sed 's/^/  /'
  else
    cat "$log" >&2
    echo "advisories: cargo deny found a problem in $manifest (above)" >&2
    exit 1
  fi
done
