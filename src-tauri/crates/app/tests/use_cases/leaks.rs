//! Security review, finding 2: a service that echoes the request headers back in a 200 answer of
//! the wrong shape. The key must not reach the database (file and WAL), the audit log, the
//! account's stored error, or any answer the window gets, whole or in 8-character pieces.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

use qrdesk_app::accounts::{self, add_account_key, NewAccountKey};
use qrdesk_core::{ApiSecret, ProviderKind};

use crate::support::World;

/// The secret part of the key (after the public `qrcp_live_` prefix).
const BODY: &str = "ECHOLEAKabcdefgh12345678";

/// A loopback HTTP server that answers every request with 200 and its headers as JSON.
fn echo_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut headers = serde_json::Map::new();
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                if let Some((name, value)) = line.trim_end().split_once(": ") {
                    headers.insert(name.to_string(), value.into());
                }
                line.clear();
            }
            let body = serde_json::json!({ "echo": headers, "note": "not a QRCodePro answer" });
            let body = body.to_string();
            let mut out = stream;
            let _ = write!(
                out,
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
                 connection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    format!("http://{address}")
}

fn pieces() -> Vec<String> {
    let mut all: Vec<String> =
        BODY.as_bytes().windows(8).map(|w| String::from_utf8_lossy(w).to_string()).collect();
    all.push(BODY.to_string());
    all
}

fn assert_clean(what: &str, text: &str) {
    for piece in pieces() {
        assert!(!text.contains(&piece), "{what} holds \"{piece}\" of the key:\n{text}");
    }
}

#[tokio::test]
async fn an_echoing_service_never_puts_the_key_in_the_database_the_log_or_an_answer() {
    let w = World::new().await;
    let key = format!("qrcp_live_{BODY}");
    let request = NewAccountKey {
        provider: Some(ProviderKind::QrCodePro),
        label: "Echo".into(),
        secret: ApiSecret::new(key),
        client_id: None,
        workspace: None,
        base_url: Some(echo_server()),
        expires_at: None,
        verify: true,
    };
    let mut answers = String::new();
    match add_account_key(&w.ctx, request).await {
        Ok(account) => answers.push_str(&format!("{account:?}")),
        Err(e) => answers.push_str(&e.message),
    }
    for account in accounts::list_accounts(&w.ctx).unwrap() {
        answers.push_str(&serde_json::to_string(&account).unwrap());
        if let Err(e) = accounts::verify_account(&w.ctx, account.id).await {
            assert!(e.message.contains("HTTP 200"), "{}", e.message);
            answers.push_str(&serde_json::to_string(&e).unwrap());
        }
    }
    answers.push_str(&serde_json::to_string(&accounts::audit_log(&w.ctx, None).unwrap()).unwrap());
    assert!(!answers.is_empty());
    assert_clean("the answers and the audit log", &answers);
    let db = w.ctx.store().path().expect("file").to_path_buf();
    for suffix in ["", "-wal", "-shm"] {
        let file = std::path::PathBuf::from(format!("{}{suffix}", db.display()));
        if let Ok(bytes) = std::fs::read(&file) {
            assert_clean(&file.display().to_string(), &String::from_utf8_lossy(&bytes));
        }
    }
}
