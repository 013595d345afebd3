//! `qrdesk codes …` and `qrdesk outbox …` without a network: edits apply to the cache at once
//! and wait in the outbox; the JSON shapes scripts rely on.

use assert_cmd::Command;
use chrono::Utc;
use qrdesk_core::{AccountStatus, CodeStatus, Environment, ProviderKind};
use qrdesk_store::accounts::{self, NewAccount};
use qrdesk_store::codes::{self, CodeRecord};
use qrdesk_store::Store;
use serde_json::Value;

use crate::support::qrdesk;

fn json_of(cmd: &mut Command) -> Value {
    let out = cmd.arg("--json").assert().success();
    serde_json::from_slice(&out.get_output().stdout).expect("one JSON document")
}

/// An account (on an unreachable address) with three cached codes.
fn seeded() -> (tempfile::TempDir, i64) {
    let dir = tempfile::tempdir().unwrap();
    qrdesk(dir.path()).arg("info").assert().success();
    let store = Store::open(&dir.path().join("qrdesk.sqlite3")).unwrap();
    let now = Utc::now();
    let account = store
        .transaction(|tx| -> Result<i64, qrdesk_core::AppError> {
            let id = accounts::insert(
                tx,
                &NewAccount {
                    provider: ProviderKind::QrCodePro,
                    label: "Shop".into(),
                    base_url: "http://127.0.0.1:9".into(),
                    workspace: None,
                    environment: Environment::Live,
                    masked_key: "qrcp_live_…9f2a".into(),
                    client_id: None,
                    status: AccountStatus::Verified,
                    last_verified_at: Some(now),
                    expires_at: None,
                    key_lifetime_days: None,
                    demo: false,
                },
                now,
            )?;
            for (i, name) in ["Spring menu", "Table tent", "Window sticker"].iter().enumerate() {
                let record = CodeRecord {
                    remote_id: Some(format!("qr_{i}")),
                    name: name.to_string(),
                    kind: "url".into(),
                    destination: format!("https://cafe.example/{i}"),
                    content: format!("https://qrcp.io/s{i}"),
                    status: CodeStatus::Active,
                    scans_total: Some(10 * i as i64),
                    remote_updated_at: Some(now),
                    ..CodeRecord::default()
                };
                codes::insert(tx, id, &record, now)?;
            }
            Ok(id)
        })
        .unwrap();
    (dir, account)
}

#[test]
fn list_search_and_show_read_the_cache() {
    let (dir, account) = seeded();
    let all = json_of(qrdesk(dir.path()).args(["codes", "list"]));
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 3);
    for key in [
        "id",
        "account",
        "remote_id",
        "name",
        "destination",
        "content",
        "status",
        "scans_total",
        "updated_at",
        "pending",
    ] {
        assert!(all[0].get(key).is_some(), "codes list --json has {key}");
    }
    let found = json_of(qrdesk(dir.path()).args(["codes", "list", "--search", "qrcp.io/s1"]));
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["name"], "Table tent");
    let acc = account.to_string();
    let none = json_of(qrdesk(dir.path()).args([
        "codes",
        "list",
        "--account",
        &acc,
        "--status",
        "paused",
    ]));
    assert!(none.as_array().unwrap().is_empty());
    let id = all[0]["id"].as_i64().unwrap().to_string();
    let shown = json_of(qrdesk(dir.path()).args(["codes", "show", &id]));
    assert!(shown["analytics"]["days"].is_array());
    assert!(shown["analytics"]["breakdowns"].is_array());
    qrdesk(dir.path()).args(["codes", "list", "--status", "sleepy"]).assert().code(1);
}

#[test]
fn edits_creates_and_deletes_wait_in_the_outbox_until_discarded() {
    let (dir, account) = seeded();
    let list = json_of(qrdesk(dir.path()).args(["codes", "list"]));
    let id = list[0]["id"].as_i64().unwrap().to_string();
    let edited = json_of(qrdesk(dir.path()).args([
        "codes",
        "edit",
        &id,
        "--name",
        "Autumn menu",
        "--status",
        "paused",
    ]));
    let shown = json_of(qrdesk(dir.path()).args(["codes", "show", &id]));
    assert_eq!(
        (shown["name"].as_str(), shown["status"].as_str()),
        (Some("Autumn menu"), Some("paused"))
    );
    assert_eq!(shown["pending"], true);
    let acc = account.to_string();
    let created = json_of(qrdesk(dir.path()).args([
        "codes",
        "create",
        "--account",
        &acc,
        "--name",
        "Flyer",
        "--destination",
        "https://cafe.example/flyer",
    ]));
    let other = list[1]["id"].as_i64().unwrap().to_string();
    json_of(qrdesk(dir.path()).args(["codes", "delete", &other]));
    qrdesk(dir.path()).args(["codes", "edit", &id]).assert().code(2);
    qrdesk(dir.path()).args(["codes", "edit", &id, "--destination", "not a url"]).assert().code(1);

    let outbox = json_of(qrdesk(dir.path()).args(["outbox", "list"]));
    let entries = outbox.as_array().unwrap();
    assert_eq!(entries.len(), 3);
    let ops: Vec<&str> = entries.iter().map(|e| e["op"].as_str().unwrap()).collect();
    assert_eq!(ops, ["update", "create", "delete"]);
    for e in entries {
        assert_eq!(e["state"], "pending");
        assert!(e["kind"].is_null());
        for key in ["id", "code", "remote_id", "op", "state", "kind", "message"] {
            assert!(e.get(key).is_some(), "outbox list --json has {key}");
        }
    }
    assert_eq!(entries[0]["id"], edited["outbox_entry"]);
    assert!(entries[1]["remote_id"].is_null());

    // Discarding the unsent create forgets the code; discarding the edit (offline) keeps the
    // local copy until the next sync refreshes it.
    let create_entry = created["outbox_entry"].as_i64().unwrap().to_string();
    let out = json_of(qrdesk(dir.path()).args(["outbox", "discard", &create_entry]));
    assert_eq!(out["removed"], true);
    let code = created["code"].as_i64().unwrap().to_string();
    qrdesk(dir.path()).args(["codes", "show", &code]).assert().code(1);
    let edit_entry = edited["outbox_entry"].as_i64().unwrap().to_string();
    let out = json_of(qrdesk(dir.path()).args(["outbox", "discard", &edit_entry]));
    assert_eq!((out["removed"].as_bool(), out["refreshed"].as_bool()), (Some(true), Some(false)));
    let left = json_of(qrdesk(dir.path()).args(["outbox", "list"]));
    assert_eq!(left.as_array().unwrap().len(), 1);
    assert_eq!(left[0]["op"], "delete");
    qrdesk(dir.path()).args(["outbox", "discard", "999"]).assert().code(1);
}

#[test]
fn an_import_queues_one_create_per_row_or_nothing() {
    let (dir, account) = seeded();
    let acc = account.to_string();
    let csv = dir.path().join("campaign.csv");
    std::fs::write(
        &csv,
        "\u{feff}Name;Link\nPoster A;https://cafe.example/a\nPoster B;https://cafe.example/b\n",
    )
    .unwrap();
    let out = json_of(
        qrdesk(dir.path())
            .args(["codes", "import", "--account", &acc, "--csv"])
            .arg(&csv)
            .args(["--destination-column", "link"]),
    );
    assert_eq!(out["queued"], 2);
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "name,url\nOk,https://cafe.example/ok\nBroken,cafe.example\n").unwrap();
    let failed = qrdesk(dir.path())
        .args(["codes", "import", "--account", &acc, "--csv"])
        .arg(&bad)
        .arg("--json")
        .assert()
        .code(1);
    let doc: Value = serde_json::from_slice(&failed.get_output().stdout).unwrap();
    assert_eq!(doc["error"]["kind"], "bad_input");
    assert!(doc["error"]["message"].as_str().unwrap().contains("line 3"));
    let outbox = json_of(qrdesk(dir.path()).args(["outbox", "list"]));
    assert_eq!(outbox.as_array().unwrap().len(), 2, "the bad file queued nothing");
}
