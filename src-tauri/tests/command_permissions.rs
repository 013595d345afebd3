//! The app's IPC commands are listed three times: registered in `src/lib.rs`
//! (`generate_handler!`), declared in `build.rs` (which makes an `allow-<command>` permission for
//! each), and granted in `capabilities/default.json`. A command missing from the last two would be
//! refused at run time; one granted but not registered is a stale permission. This keeps them equal.

use std::collections::BTreeSet;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect(path)
}

fn registered() -> BTreeSet<String> {
    let lib = read("src/lib.rs");
    let start = lib.find("generate_handler![").expect("generate_handler! in lib.rs");
    let body = &lib[start + "generate_handler![".len()..];
    let body = &body[..body.find(']').expect("end of generate_handler!")];
    body.split(',')
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .map(|c| c.rsplit("::").next().unwrap_or(c).to_string())
        .collect()
}

fn declared() -> BTreeSet<String> {
    let build = read("build.rs");
    let start = build.find("const COMMANDS").expect("COMMANDS in build.rs");
    let body = &build[start..];
    let body = &body[body.find("= &[").expect("= &[") + 4..body.find("];").expect("];")];
    body.split(',')
        .map(|c| c.trim().trim_matches('"').to_string())
        .filter(|c| !c.is_empty())
        .collect()
}

fn granted() -> BTreeSet<String> {
    let cap: serde_json::Value =
        serde_json::from_str(&read("capabilities/default.json")).expect("capability JSON");
    cap["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-").map(|c| c.replace('-', "_")))
        .collect()
}

#[test]
fn every_registered_command_is_declared_and_granted() {
    let registered = registered();
    assert_eq!(registered.len(), 55, "{registered:?}");
    assert_eq!(declared(), registered, "build.rs COMMANDS differs from lib.rs");
    assert_eq!(granted(), registered, "capabilities/default.json differs from lib.rs");
}

/// The page may listen to QR Desk's own events and nothing else of core or of any plugin (no
/// `core:default`, which would add the window, webview, path, image, menu, tray and app APIs).
#[test]
fn the_window_gets_only_event_listening_beyond_its_own_commands() {
    let cap: serde_json::Value =
        serde_json::from_str(&read("capabilities/default.json")).expect("capability JSON");
    let others: BTreeSet<&str> = cap["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| p.contains(':'))
        .collect();
    let wanted = BTreeSet::from(["core:event:allow-listen", "core:event:allow-unlisten"]);
    assert_eq!(others, wanted, "permissions granted to the page beyond its own commands");
}
