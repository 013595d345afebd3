//! The bad-input table: malformed flags, CSVs, layout files, destinations and keys, each with
//! the exit code, the JSON error `kind` and the sentence a person reads, and proof that nothing
//! was written (no output file, the codes, outbox and accounts unchanged). No input may panic.
//!
//! `docs/bad-inputs.md` is this table in prose; regenerate its rows with
//!   QRDESK_BAD_INPUTS_DOC=/tmp/rows.md cargo test -p qrdesk-cli --test cli bad_inputs
//! The 100 MB CSV with a bad last row is `#[ignore]`d (minutes in a debug build):
//!   cargo test -p qrdesk-cli --test cli bad_inputs -- --ignored
//! Keys that must be accepted need a keychain, like `account_keychain`:
//!   tests/with-session.sh env QRDESK_KEYCHAIN_TESTS=1 cargo test -p qrdesk-cli --test cli bad_inputs
//!
//! This file holds the table's row type and the lab that runs the rows; the rows are in the
//! files beside it, by kind of input (`doc.rs` writes the table out).

use std::path::PathBuf;
use std::time::Duration;

use assert_cmd::Command;

mod big_files;
mod campaigns;
mod csvs;
mod designs;
mod destinations_and_keys;
mod doc;
mod flags;
mod layouts;
mod printers;
mod styles;
use chrono::Utc;
use qrdesk_core::{AccountStatus, Environment, ProviderKind};
use qrdesk_store::accounts::NewAccount;
use qrdesk_store::Store;

/// One row of the table.
pub(crate) struct Case {
    /// The input, as a person would describe it.
    pub(crate) input: &'static str,
    pub(crate) args: Vec<String>,
    pub(crate) stdin: Vec<u8>,
    pub(crate) code: i32,
    /// The JSON error kind (`None` when the command succeeds).
    pub(crate) kind: Option<&'static str>,
    /// The full sentence, or a stable, meaningful part of it.
    pub(crate) message: String,
}

pub(crate) fn case(
    input: &'static str,
    args: &[&str],
    code: i32,
    kind: &'static str,
    message: &str,
) -> Case {
    Case {
        input,
        args: args.iter().map(|s| s.to_string()).collect(),
        stdin: Vec::new(),
        code,
        kind: Some(kind),
        message: message.to_string(),
    }
}

impl Case {
    pub(crate) fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Case {
        self.stdin = bytes.into();
        self
    }
}

/// A data folder with one account (no key needed: nothing here contacts a service) and one
/// code waiting in the outbox, plus the input files.
pub(crate) struct Lab {
    pub(crate) dir: tempfile::TempDir,
    pub(crate) doc: Vec<String>,
}

pub(crate) const USAGE: &str = "bad_input";

impl Lab {
    pub(crate) fn new() -> Lab {
        let dir = tempfile::tempdir().expect("temp dir");
        let lab = Lab { dir, doc: Vec::new() };
        let store = Store::open(&lab.data().join("qrdesk.sqlite3")).expect("store");
        let account = NewAccount {
            provider: ProviderKind::ExaRoutes,
            label: "Shop".into(),
            base_url: ProviderKind::ExaRoutes.default_base_url().to_string(),
            workspace: None,
            environment: Environment::Live,
            masked_key: "exr_live_…abcd".into(),
            client_id: None,
            status: AccountStatus::Unverified,
            last_verified_at: None,
            expires_at: None,
            key_lifetime_days: None,
            demo: false,
        };
        store
            .transaction(|tx| qrdesk_store::accounts::insert(tx, &account, Utc::now()))
            .expect("account");
        drop(store);
        let seed = lab.file("seed.csv", b"name,url\nFront door,https://a.example/door\n");
        let out =
            lab.qrdesk().args(["codes", "import", "--account", "1", "--csv"]).arg(&seed).output();
        assert!(out.expect("runs").status.success(), "the seed code was queued");
        lab
    }

    pub(crate) fn data(&self) -> PathBuf {
        let data = self.dir.path().join("data");
        std::fs::create_dir_all(&data).expect("data dir");
        data
    }

    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub(crate) fn p(&self, name: &str) -> String {
        self.path(name).display().to_string()
    }

    pub(crate) fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, bytes).expect("write input");
        path
    }

    pub(crate) fn qrdesk(&self) -> Command {
        let mut cmd = crate::support::qrdesk(&self.data());
        cmd.timeout(Duration::from_secs(60));
        cmd
    }

    /// What the data folder holds, as the commands show it.
    pub(crate) fn snapshot(&self) -> String {
        let mut all = String::new();
        let lists: [&[&str]; 7] = [
            &["codes", "list"],
            &["outbox", "list"],
            &["account", "list"],
            &["style", "list"],
            &["print", "profile", "list"],
            &["design", "list"],
            &["campaign", "list"],
        ];
        for args in lists {
            let out = self.qrdesk().arg("--json").args(args).output().expect("runs");
            assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
            all.push_str(&String::from_utf8_lossy(&out.stdout));
        }
        all
    }

    /// Runs each case with `--json`, checks it, and checks that nothing was written.
    pub(crate) fn check(&mut self, cases: Vec<Case>) -> usize {
        let before = self.snapshot();
        assert!(before.contains("Front door"), "the seed code is listed");
        let mut failures = Vec::new();
        for c in &cases {
            if let Err(why) = self.check_one(c) {
                failures.push(format!("{}: {why}", c.input));
            }
            let after = self.snapshot();
            if after != before {
                failures.push(format!("{}: the data folder changed", c.input));
            }
            for written in ["out.pdf", "out-dir", "manifest.csv"] {
                if self.path(written).exists() {
                    failures.push(format!("{}: {written} was written", c.input));
                    let _ = std::fs::remove_file(self.path(written));
                }
            }
        }
        assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
        cases.len()
    }

    pub(crate) fn check_one(&mut self, c: &Case) -> Result<(), String> {
        let out = self
            .qrdesk()
            .arg("--json")
            .args(&c.args)
            .write_stdin(c.stdin.clone())
            .output()
            .map_err(|e| format!("did not run: {e}"))?;
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        let code = out.status.code().unwrap_or(-1);
        if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
            return Err(format!("panicked:\n{stderr}"));
        }
        let doc: serde_json::Value = serde_json::from_str(&stdout)
            .map_err(|e| format!("stdout is not one JSON document ({e}): {stdout}"))?;
        let kind = doc["error"]["kind"].as_str().unwrap_or("(none)");
        let message = doc["error"]["message"].as_str().unwrap_or("").to_string();
        if code != c.code || Some(kind) != c.kind {
            return Err(format!(
                "exit {code} kind {kind}, expected exit {} kind {:?}; message: {message}",
                c.code, c.kind
            ));
        }
        if !message.contains(&c.message) {
            return Err(format!("the JSON message\n  {message}\nlacks\n  {}", c.message));
        }
        // The terminal may wrap the sentence (clap lists arguments on their own lines).
        let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        if !stderr.starts_with("error: ") || !squash(&stderr).contains(&squash(&c.message)) {
            return Err(format!("stderr lacks the sentence:\n{stderr}"));
        }
        let shown = message.replace(&self.dir.path().display().to_string(), "DIR");
        let shown = shown.replace('|', "\\|").replace('\n', " ");
        let code_span =
            if shown.contains('`') { format!("`` {shown} ``") } else { format!("`{shown}`") };
        self.doc.push(format!(
            "| {} | {code_span} | {} | `{kind}` |",
            c.input.replace('|', "\\|"),
            c.code
        ));
        Ok(())
    }
}

/// A print job on the given CSV with every other flag valid, plus `extra`.
pub(crate) fn print_args(csv: &str, out: &str, extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> =
        ["print", "--csv", csv, "--layout", "avery-l7160", "-o", out].map(String::from).to_vec();
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

pub(crate) fn print_case(
    lab: &Lab,
    input: &'static str,
    extra: &[&str],
    code: i32,
    kind: &'static str,
    message: &str,
) -> Case {
    let args = print_args(&lab.p("ok.csv"), &lab.p("out.pdf"), extra);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    case(input, &args, code, kind, message)
}
