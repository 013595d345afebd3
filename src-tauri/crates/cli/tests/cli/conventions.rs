//! The conventions every `qrdesk` command follows: global flags anywhere, JSON documents,
//! error objects and exit codes.

use assert_cmd::Command;

use crate::support::{binary, qrdesk};

#[test]
fn help_lists_every_command_group() {
    let out = Command::new(binary()).arg("--help").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    for cmd in ["info", "account", "sync", "codes", "outbox", "print", "style"] {
        assert!(text.contains(cmd), "--help lists `{cmd}`:\n{text}");
    }
}

#[test]
fn global_flags_work_before_and_after_the_command() {
    let dir = tempfile::tempdir().unwrap();
    for args in [vec!["--json", "info"], vec!["info", "--json"]] {
        let out = qrdesk(dir.path()).args(&args).assert().success();
        let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout)
            .unwrap_or_else(|e| panic!("{args:?} prints one JSON document: {e}"));
        assert_eq!(doc["schema_version"], 9);
        assert_eq!(doc["data_dir_source"], "flag");
        assert_eq!(doc["accounts"], 0);
    }
    assert!(dir.path().join("qrdesk.sqlite3").exists(), "the data folder was created");
}

#[test]
fn data_dir_comes_from_the_environment_when_no_flag_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("qrdesk")
        .unwrap()
        .env("QRDESK_DATA_DIR", dir.path())
        .args(["info", "--json"])
        .assert()
        .success();
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(doc["data_dir_source"], "environment");
    assert_eq!(doc["data_dir"], dir.path().display().to_string());
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    qrdesk(dir.path()).arg("no-such-command").assert().code(2);
    qrdesk(dir.path()).args(["sync", "--analytics-days", "many"]).assert().code(2);
}

#[test]
fn failures_exit_1_with_a_json_error_object_and_a_sentence_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let out = qrdesk(&file).args(["info", "--json"]).assert().code(1);
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(doc["error"]["kind"], "io");
    let message = doc["error"]["message"].as_str().unwrap();
    assert!(message.contains("is a file, not a folder"), "{message}");
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(stderr.starts_with("error: "), "{stderr}");
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    qrdesk(dir.path()).arg("info").assert().success();
    let db = dir.path().join("qrdesk.sqlite3");
    let before = {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
        drop(c);
        std::fs::read(&db).unwrap()
    };
    let out = qrdesk(dir.path()).args(["--json", "info"]).assert().code(1);
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(doc["error"]["kind"], "storage");
    assert!(doc["error"]["message"].as_str().unwrap().contains("newer QR Desk"));
    assert_eq!(std::fs::read(&db).unwrap(), before, "the database file was not touched");
}
