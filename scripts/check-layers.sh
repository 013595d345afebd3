#!/usr/bin/env bash
# Checks the layering of the crates and the UI (run by scripts/test.sh):
#   - no library crate and not the CLI links Tauri/GTK/WebKit;
#   - the window (qrdesk-desktop) and the CLI depend, among QR Desk's crates, only on qrdesk-app
#     and qrdesk-core;
#   - qrdesk-sim is reached only through qrdesk-app's `demo` feature and qrdesk-testkit: the CLI
#     links no simulator (no axum, no hyper server), and nothing ships qrdesk-testkit or
#     qrdesk-fuzz-targets;
#   - qrdesk-print and qrdesk-providers never depend on qrdesk-store, qrdesk-sync or each other;
#   - no environment variable can point `qrdesk` at a simulator (QRDESK_SIM_URL is gone);
#   - ui/src imports @tauri-apps/* only in ui/src/platform/.
# Exit 1 with a sentence per broken rule.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
broken() { echo "layering: $*" >&2; fail=1; }

# Direct normal dependencies of a package among the workspace's crates.
direct_qrdesk_deps() {
  cargo tree -p "$1" -e normal --depth 1 --prefix none --locked 2>/dev/null \
    | tail -n +2 | awk '{print $1}' | grep '^qrdesk-' | sort -u || true
}
# Every normal dependency (transitively) of a package, names only.
all_deps() {
  cargo tree -p "$1" -e normal --prefix none --locked "${@:2}" 2>/dev/null | awk '{print $1}' | sort -u
}

for manifest in src-tauri/crates/*/Cargo.toml; do
  pkg=$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -n1)
  if cargo tree -p "$pkg" -e normal,build --prefix none --locked 2>/dev/null \
       | grep -E '^(tauri|wry|tao|webkit2gtk|gtk|gdk)[- ]' >/dev/null; then
    broken "$pkg depends on Tauri/GTK/WebKit; library crates and the CLI must not"
  fi
done

for front in qrdesk-desktop qrdesk-cli; do
  extra=$(direct_qrdesk_deps "$front" | grep -vxE 'qrdesk-(app|core)' || true)
  [ -z "$extra" ] || broken "$front depends on $(echo $extra) directly; front ends call only qrdesk-app (and qrdesk-core types)"
done

cli_deps=$(all_deps qrdesk-cli)
for server in qrdesk-sim qrdesk-testkit axum; do
  if echo "$cli_deps" | grep -qx "$server"; then broken "the qrdesk CLI links $server"; fi
done
if cargo tree -p qrdesk-cli -e normal,features --prefix none --locked 2>/dev/null | grep -q '^hyper feature "server"'; then
  broken "the qrdesk CLI links hyper's server"
fi
app_plain=$(all_deps qrdesk-app)
echo "$app_plain" | grep -qx qrdesk-sim && broken "qrdesk-app links qrdesk-sim without its demo feature"
for pkg in $(sed -n 's/^name = "\(.*\)"/\1/p' src-tauri/Cargo.toml src-tauri/crates/*/Cargo.toml); do
  deps=$(all_deps "$pkg" || true)  # [lib] and [[bin]] names are not packages
  for tooling in qrdesk-testkit qrdesk-fuzz-targets; do
    [ "$pkg" = "$tooling" ] && continue
    echo "$deps" | grep -qx "$tooling" && broken "$pkg ships $tooling (test tooling)"
  done
done

for lib in qrdesk-print qrdesk-providers; do
  other=qrdesk-providers; [ "$lib" = qrdesk-providers ] && other=qrdesk-print
  for banned in qrdesk-store qrdesk-sync "$other"; do
    all_deps "$lib" | grep -qx "$banned" && broken "$lib depends on $banned"
  done
done

if grep -rn QRDESK_SIM_URL src-tauri/crates/cli src-tauri/crates/app src-tauri/src >/dev/null; then
  broken "QRDESK_SIM_URL is read by a front end or qrdesk-app"
fi

if grep -rnE "from ['\"]@tauri-apps/|import\(['\"]@tauri-apps/" ui/src --include='*.ts' --include='*.tsx' \
     | grep -v '^ui/src/platform/' >/dev/null; then
  broken "ui/src imports @tauri-apps/* outside ui/src/platform/"
fi

long=$(find src-tauri ui/src tests -name '*.rs' -o -name '*.ts' -o -name '*.tsx' -o -name '*.mjs' \
  | grep -v '/bindings/' | xargs wc -l | awk '$2 != "total" && $1 > 500 {print $2 " (" $1 " lines)"}')
[ -z "$long" ] || broken "source files over 500 lines: $long"

[ $fail -eq 0 ] && echo "layering: ok (front ends over qrdesk-app, no simulator in the CLI, print and providers apart, Tauri only in the shell and ui/src/platform)"
exit $fail
