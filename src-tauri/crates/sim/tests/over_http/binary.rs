//! The `qrdesk-sim` binary prints the manifest as one JSON line and serves it.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::support::get;

#[tokio::test]
async fn binary_prints_one_manifest_line_and_applies_flags() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qrdesk-sim"))
        .args(["--port", "0", "--seed", "9", "--codes", "2", "--rate-limits", "scaled:50/1"])
        .args(["--fault", "server_error:next=1:status=502:service=qrcodepro"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary starts");
    let mut line = String::new();
    let stdout = child.stdout.take().expect("stdout");
    BufReader::new(stdout).read_line(&mut line).expect("manifest line");
    let manifest: Value = serde_json::from_str(line.trim()).expect("one JSON line");
    let service = &manifest["services"]["qrcodepro"];
    let url = format!("{}/v1/qrcodes", service["base_url"].as_str().expect("base url"));
    let key = service["accounts"][0]["key"].as_str().expect("key").to_string();
    let headers = [("authorization", format!("Bearer {key}"))];
    assert_eq!(get(&url, &headers).await.status, 502, "--fault applies");
    let ok = get(&url, &headers).await;
    assert_eq!(ok.status, 200);
    assert_eq!(ok.header("x-ratelimit-limit").as_deref(), Some("50"), "--rate-limits applies");
    assert_eq!(ok.json()["pagination"]["total"], 2, "--codes applies");
    let _ = child.kill();
    let _ = child.wait();

    let refused = Command::new(env!("CARGO_BIN_EXE_qrdesk-sim"))
        .args(["--fault", "meteor"])
        .output()
        .expect("runs");
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("unknown fault kind"));
}
