//! `qrdesk account …` end to end: the real binary, the real Secret Service (a throw-away
//! gnome-keyring), the simulator over loopback HTTP. Also the kill -9 rotation test and the
//! key-leak test (`no_secret_leaks_into_files_output_or_errors`; docs/security.md, 'Secrets').
//!
//! Run inside a private session (the keyring is unlocked and deleted afterwards):
//!   tests/with-session.sh env QRDESK_KEYCHAIN_TESTS=1 cargo test -p qrdesk-cli --test cli account_keychain
//! Without `QRDESK_KEYCHAIN_TESTS=1` each test prints a notice and passes without touching any
//! keychain. Keys are written only under the test namespace (`QRDESK_KEYCHAIN_NAMESPACE=test`).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use qrdesk_core::{Environment, ProviderKind};
use qrdesk_secrets::{AccountRef, KeychainStore, Namespace, SecretStore, Slot};
use qrdesk_sim::{RateLimitMode, SimConfig, Simulator};

use crate::support::std_qrdesk;

fn enabled(test: &str) -> bool {
    if std::env::var("QRDESK_KEYCHAIN_TESTS").as_deref() == Ok("1") {
        return true;
    }
    eprintln!(
        "note: {test} skipped: it needs a Secret Service. Run it with \
         tests/with-session.sh env QRDESK_KEYCHAIN_TESTS=1 cargo test -p qrdesk-cli --test account_keychain"
    );
    false
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is one JSON document ({e}):\n{}", self.stdout))
    }
}

/// A simulator, a data folder and every line the commands printed (for the leak check).
struct Lab {
    runtime: tokio::runtime::Runtime,
    sim: Option<Simulator>,
    dir: tempfile::TempDir,
    transcript: String,
}

impl Lab {
    fn new() -> Lab {
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        let config = SimConfig {
            codes_per_account: 3,
            scan_days: 3,
            rate_limits: RateLimitMode::Off,
            ..SimConfig::default()
        };
        let sim = runtime.block_on(Simulator::start(config)).expect("simulator");
        Lab {
            runtime,
            sim: Some(sim),
            dir: tempfile::tempdir().expect("dir"),
            transcript: String::new(),
        }
    }

    fn sim(&self) -> &Simulator {
        self.sim.as_ref().expect("simulator running")
    }

    fn base(&self, provider: ProviderKind) -> String {
        self.sim().base_url(provider)
    }

    fn issue(&self, provider: ProviderKind, scope: Option<&str>) -> String {
        self.sim().control().issue_key(provider, Environment::Live, scope).expect("issue")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = std_qrdesk(self.dir.path());
        cmd.env("RUST_LOG", "trace")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    /// Runs `qrdesk --data-dir D ARGS` with `stdin`, recording what it printed.
    fn run(&mut self, args: &[&str], stdin: &str) -> Run {
        let mut child = self.command(args).spawn().expect("qrdesk starts");
        if let Some(mut input) = child.stdin.take() {
            let _ = input.write_all(stdin.as_bytes());
        }
        let out = child.wait_with_output().expect("qrdesk finishes");
        let run = Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        self.transcript.push_str(&format!("$ {args:?}\n{}{}", run.stdout, run.stderr));
        run
    }

    fn ok(&mut self, args: &[&str], stdin: &str) -> Run {
        let run = self.run(args, stdin);
        assert_eq!(run.code, 0, "{args:?} failed:\n{}{}", run.stdout, run.stderr);
        run
    }

    /// Adds an account and returns its id.
    fn add(&mut self, provider: ProviderKind, key: &str, extra: &[&str]) -> i64 {
        let base = self.base(provider);
        let mut args = vec!["--json", "account", "add", "--label", "Lab", "--base-url", &base];
        args.extend_from_slice(extra);
        let run = self.ok(&args, &format!("{key}\n"));
        run.json()["id"].as_i64().expect("id")
    }

    fn keychain_ref(&self, id: i64) -> AccountRef {
        let conn = rusqlite::Connection::open(self.dir.path().join("qrdesk.sqlite3")).expect("db");
        let stored: Option<String> = conn
            .query_row("SELECT keychain_ref FROM accounts WHERE id = ?1", [id], |r| r.get(0))
            .expect("row");
        stored.map_or_else(|| AccountRef::for_account(id), |r| AccountRef::parse(&r).expect("ref"))
    }

    fn slot(&self, key_ref: &AccountRef, slot: Slot) -> Option<String> {
        KeychainStore::new(Namespace::Test)
            .get_slot(key_ref, slot)
            .expect("keychain read")
            .map(|c| c.secret().expose().to_string())
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        if let Some(sim) = self.sim.take() {
            self.runtime.block_on(sim.shutdown());
        }
    }
}

#[test]
fn account_commands_against_the_real_keychain() {
    if !enabled("account_commands_against_the_real_keychain") {
        return;
    }
    let mut lab = Lab::new();
    let manifest = lab.sim().manifest();
    let qrcp = lab.issue(ProviderKind::QrCodePro, None);
    let id = lab.add(ProviderKind::QrCodePro, &qrcp, &[]);
    let key_ref = lab.keychain_ref(id);
    assert_eq!(lab.slot(&key_ref, Slot::Active).as_deref(), Some(qrcp.as_str()));

    // iloveQR: a key in two organizations needs --org; the error lists them.
    let il = manifest.services["iloveqr"].accounts[0].clone();
    let il_key = il.key.clone().expect("key");
    let base = lab.base(ProviderKind::IloveQr);
    let args = ["--json", "account", "add", "--label", "IL", "--base-url", base.as_str()];
    let refused = lab.run(&args, &il_key);
    assert_eq!(refused.code, 1);
    let error = &refused.json()["error"];
    assert_eq!(error["kind"], "bad_input");
    for org in &il.organizations {
        assert!(error["message"].as_str().unwrap_or_default().contains(org.as_str()));
    }
    assert!(refused.stderr.contains("--org"), "{}", refused.stderr);
    let il_id = lab.add(ProviderKind::IloveQr, &il_key, &["--org", &il.organizations[1]]);

    // The list's stable JSON fields.
    let list = lab.ok(&["account", "list", "--json"], "").json();
    let rows = list.as_array().expect("array");
    assert_eq!(rows.len(), 2);
    for row in rows {
        for field in [
            "id",
            "provider",
            "label",
            "masked_key",
            "environment",
            "workspace",
            "status",
            "last_verified_at",
            "expires_at",
            "last_error",
        ] {
            assert!(row.get(field).is_some(), "{field} missing from {row}");
        }
    }
    assert_eq!(rows[1]["workspace"], il.organizations[1].as_str());
    assert_eq!(rows[0]["status"], "verified");

    // Guided rotation: steps 1-3, step 5 refused while the old key works, then done.
    let new = lab.issue(ProviderKind::QrCodePro, None);
    let rotated = lab.ok(&["account", "rotate", &id.to_string()], &new);
    assert!(rotated.stdout.contains("Developers → API keys"), "{}", rotated.stdout);
    assert_eq!(lab.slot(&key_ref, Slot::PendingRevoke).as_deref(), Some(qrcp.as_str()));
    let early = lab.run(&["account", "confirm-revoked", &id.to_string()], "");
    assert_eq!(early.code, 1);
    assert!(early.stderr.contains("still accepts"), "{}", early.stderr);
    lab.sim().control().revoke_key(&qrcp).expect("revoke");
    lab.ok(&["account", "confirm-revoked", &id.to_string()], "");
    assert_eq!(lab.slot(&key_ref, Slot::Active).as_deref(), Some(new.as_str()));
    assert_eq!(lab.slot(&key_ref, Slot::PendingRevoke), None);
    lab.ok(&["account", "verify", &id.to_string()], "");

    // Exante: fully automatic.
    let ex = lab.issue(ProviderKind::Exante, None);
    let ex_id = lab.add(ProviderKind::Exante, &ex, &[]);
    let done = lab.ok(&["--json", "account", "rotate", &ex_id.to_string(), "--auto"], "").json();
    assert_eq!(done["step"], "done");
    let log = lab.ok(&["--json", "account", "log", &ex_id.to_string()], "").json();
    let events: Vec<&str> =
        log.as_array().expect("array").iter().filter_map(|e| e["event"].as_str()).collect();
    assert!(events.contains(&"rotation_completed"), "{events:?}");

    // Errors: unknown account, a rejected key (never saved).
    let missing = lab.run(&["--json", "account", "verify", "999"], "");
    assert_eq!((missing.code, missing.json()["error"]["kind"].clone()), (1, "not_found".into()));
    let bad = format!("{}x", lab.issue(ProviderKind::QrCodePro, None));
    let base = lab.base(ProviderKind::QrCodePro);
    let rejected =
        lab.run(&["--json", "account", "add", "--label", "Bad", "--base-url", &base], &bad);
    assert_eq!(rejected.code, 1);
    assert_eq!(rejected.json()["error"]["kind"], "invalid_credentials");

    // Remove deletes every keychain slot.
    let il_ref = lab.keychain_ref(il_id);
    lab.ok(&["account", "remove", &il_id.to_string(), "--purge"], "");
    assert_eq!(lab.slot(&il_ref, Slot::Active), None);
    let list = lab.ok(&["account", "list", "--json"], "").json();
    assert_eq!(list.as_array().map(Vec::len), Some(2));
}

/// Kills `qrdesk ARGS` (SIGKILL) `after` it started; returns whether it was still running.
fn kill_after(lab: &Lab, args: &[&str], stdin: &str, after: Duration) -> bool {
    let mut child = lab.command(args).spawn().expect("qrdesk starts");
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin.as_bytes());
    }
    std::thread::sleep(after);
    let running = matches!(child.try_wait(), Ok(None));
    let _ = child.kill(); // SIGKILL on Unix: no clean-up code runs
    let _ = child.wait();
    running
}

#[test]
fn rotation_resumes_after_kill_9_at_any_point() {
    if !enabled("rotation_resumes_after_kill_9_at_any_point") {
        return;
    }
    let mut lab = Lab::new();
    // Every request takes 80 ms, so a rotation runs long enough to be killed part-way.
    lab.sim().control().set_latency_ms(80);

    let ex = lab.issue(ProviderKind::Exante, None);
    let id = lab.add(ProviderKind::Exante, &ex, &[]);
    let key_ref = lab.keychain_ref(id);
    let sid = id.to_string();
    let mut killed_mid_way = 0;
    for delay_ms in [30, 120, 200, 300, 420, 520, 650, 800] {
        let rotate = ["account", "rotate", sid.as_str(), "--auto"];
        killed_mid_way +=
            usize::from(kill_after(&lab, &rotate, "", Duration::from_millis(delay_ms)));
        // Whatever the moment, the active key works.
        lab.ok(&["account", "verify", &sid], "");
        // Running the command again finishes the rotation.
        lab.ok(&rotate, "");
        assert_eq!(lab.slot(&key_ref, Slot::Pending), None, "after a kill at {delay_ms} ms");
        assert_eq!(lab.slot(&key_ref, Slot::PendingRevoke), None, "after a kill at {delay_ms} ms");
        lab.ok(&["account", "verify", &sid], "");
    }
    assert!(killed_mid_way >= 4, "only {killed_mid_way} runs were killed mid-way");

    // Guided: kill during steps 1-3, then run again with the same new key.
    let old = lab.issue(ProviderKind::QrCodePro, None);
    let gid = lab.add(ProviderKind::QrCodePro, &old, &[]).to_string();
    let gref = lab.keychain_ref(gid.parse().expect("id"));
    let mut current = old.clone();
    for delay_ms in [20, 60, 120, 200] {
        let new = lab.issue(ProviderKind::QrCodePro, None);
        kill_after(&lab, &["account", "rotate", &gid], &new, Duration::from_millis(delay_ms));
        lab.ok(&["account", "verify", &gid], "");
        lab.ok(&["account", "rotate", &gid], &new);
        lab.sim().control().revoke_key(&current).expect("user revokes the old key");
        lab.ok(&["account", "confirm-revoked", &gid], "");
        assert_eq!(lab.slot(&gref, Slot::Active).as_deref(), Some(new.as_str()));
        current = new;
    }
}

#[test]
fn no_secret_leaks_into_files_output_or_errors() {
    if !enabled("no_secret_leaks_into_files_output_or_errors") {
        return;
    }
    let mut lab = Lab::new();
    let manifest = lab.sim().manifest();
    let mut secrets: Vec<String> = Vec::new();

    let pair = manifest.services["exaroutes"].accounts[0].clone();
    let (client, api_key) = (pair.client_id.expect("client"), pair.api_key.expect("key"));
    let ws = pair.workspace.expect("workspace");
    secrets.push(api_key.clone());
    let exr =
        lab.add(ProviderKind::ExaRoutes, &api_key, &["--client-id", &client, "--workspace", &ws]);
    let qrcp = lab.issue(ProviderKind::QrCodePro, None);
    secrets.push(qrcp.clone());
    let qid = lab.add(ProviderKind::QrCodePro, &qrcp, &["--expires", "2030-01-01"]);
    let ex = lab.issue(ProviderKind::Exante, None);
    secrets.push(ex.clone());
    let xid = lab.add(ProviderKind::Exante, &ex, &[]);

    // Errors that involve a key: wrong service, revoked key, foreign workspace, offline.
    let revoked = lab.issue(ProviderKind::QrCodePro, None);
    lab.sim().control().revoke_key(&revoked).expect("revoke");
    secrets.push(revoked.clone());
    let qbase = lab.base(ProviderKind::QrCodePro);
    for (args, key) in [
        (vec!["account", "add", "--label", "X", "--provider", "iloveqr"], qrcp.clone()),
        (vec!["account", "add", "--label", "X", "--base-url", &qbase], revoked.clone()),
        (
            vec!["--json", "account", "add", "--label", "X", "--base-url", "http://127.0.0.1:9"],
            revoked.clone(),
        ),
        (vec!["account", "add", "--label", "X", "--base-url", "http://example.com"], qrcp.clone()),
    ] {
        lab.run(&args, &key);
    }
    let partner = manifest.services["exaroutes"].accounts[2].workspace.clone().expect("ws");
    let base = lab.base(ProviderKind::ExaRoutes);
    lab.run(
        &[
            "account",
            "add",
            "--label",
            "X",
            "--base-url",
            &base,
            "--client-id",
            &client,
            "--workspace",
            &partner,
        ],
        &api_key,
    );

    // Verify, rotate (guided, refused key, automatic), the log, list, sync.
    for id in [exr, qid, xid] {
        lab.run(&["account", "verify", &id.to_string()], "");
    }
    let sq = qid.to_string();
    lab.run(&["account", "rotate", &sq], &qrcp); // the same key: refused
    let wrong = lab.issue(ProviderKind::ExaRoutes, Some(&ws));
    secrets.push(wrong.clone());
    lab.run(&["account", "rotate", &sq], &wrong); // another service's key: refused
    let new = lab.issue(ProviderKind::QrCodePro, None);
    secrets.push(new.clone());
    lab.ok(&["account", "rotate", &sq], &new);
    lab.run(&["account", "confirm-revoked", &sq], "");
    lab.sim().control().revoke_key(&qrcp).expect("revoke");
    lab.ok(&["--json", "account", "confirm-revoked", &sq], "");
    lab.ok(&["--json", "account", "rotate", &xid.to_string(), "--auto"], "");
    let xref = lab.keychain_ref(xid);
    secrets.push(lab.slot(&xref, Slot::Active).expect("created key"));
    for args in [
        vec!["account", "list"],
        vec!["--json", "account", "list"],
        vec!["account", "log", &sq],
        vec!["--json", "account", "log", &xid.to_string()],
        vec!["sync"],
        vec!["--json", "sync"],
        vec!["codes", "list"],
    ] {
        lab.run(&args, "");
    }
    // Print the synced codes: a PDF sheet and one SVG per code (plain text, searched below).
    let out = lab.dir.path().join("labels.pdf").display().to_string();
    let each = lab.dir.path().join("each").display().to_string();
    let qs = qid.to_string();
    lab.ok(
        &[
            "--json",
            "print",
            "--account",
            &qs,
            "--layout",
            "avery-l7160",
            "--caption",
            "{name}",
            "-o",
            &out,
        ],
        "",
    );
    lab.ok(&["print", "--account", &qs, "--each", "svg", "--out-dir", &each], "");
    lab.ok(&["account", "remove", &exr.to_string()], "");

    let mut haystack = lab.transcript.clone().into_bytes();
    collect_files(lab.dir.path(), &mut haystack);
    // The search does find what is stored: the client id (an identifier) and a masked key.
    let contains = |needle: &[u8]| haystack.windows(needle.len()).any(|w| w == needle);
    assert!(contains(client.as_bytes()), "the database was searched");
    assert!(contains("qrcp_live_…".as_bytes()), "the output was searched");
    for secret in &secrets {
        assert!(secret.len() >= 16, "a real key");
        assert!(
            !contains(secret.as_bytes()),
            "a secret ({}…) leaked into the output or the data folder",
            &secret[..6]
        );
    }
}

/// Appends the bytes of every file under `dir` (the database, its WAL, anything generated).
fn collect_files(dir: &Path, out: &mut Vec<u8>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, out);
        } else if let Ok(bytes) = std::fs::read(&path) {
            out.extend_from_slice(&bytes);
        }
    }
}

/// Needs no session: with no reachable D-Bus, adding says so in plain words and saves nothing
/// (the key is never written anywhere else).
#[test]
fn without_a_keychain_the_key_is_refused_and_nothing_is_saved() {
    let dir = tempfile::tempdir().expect("dir");
    let runtime_dir = tempfile::tempdir().expect("runtime dir");
    let secret = "qrcp_live_NOKEYCHAIN_0000000042";
    let mut child = std_qrdesk(dir.path())
        .env_remove("DISPLAY")
        .env("XDG_RUNTIME_DIR", runtime_dir.path())
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/qrdesk-no-bus")
        .args(["--json", "account", "add", "--label", "Shop", "--no-verify"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("qrdesk starts");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(secret.as_bytes()).expect("stdin");
    }
    let out = child.wait_with_output().expect("qrdesk finishes");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON document");
    assert_eq!(doc["error"]["kind"], "keychain_unavailable");
    assert!(stderr.contains("keychain"), "{stderr}");
    assert!(!stdout.contains("NOKEYCHAIN") && !stderr.contains("NOKEYCHAIN"));
    let conn = rusqlite::Connection::open(dir.path().join("qrdesk.sqlite3")).expect("db");
    let rows: i64 = conn.query_row("SELECT count(*) FROM accounts", [], |r| r.get(0)).expect("n");
    assert_eq!(rows, 0, "no account row without its key");
    let mut files = Vec::new();
    collect_files(dir.path(), &mut files);
    assert!(!files.windows(10).any(|w| w == b"NOKEYCHAIN"), "the key reached the data folder");
}
