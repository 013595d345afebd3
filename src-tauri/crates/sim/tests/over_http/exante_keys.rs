//! Exante rotation over HTTP: create (full key once) → verify → revoke the old key → 401.

use qrdesk_core::ProviderKind;
use serde_json::{json, Value};

use crate::support::{auth, call, config, get, key, start};

fn item_by_uid<'a>(list: &'a Value, uid: &str) -> Option<&'a Value> {
    list["data"]["items"].as_array()?.iter().find(|k| k["uid"] == uid)
}

#[tokio::test]
async fn create_verify_revoke() {
    let (sim, manifest) = start(config(1)).await;
    let url = format!("{}/api/api-keys", sim.base_url(ProviderKind::Exante));
    let old_key = key(&manifest, ProviderKind::Exante, 0);
    let old = [auth(ProviderKind::Exante, &old_key)];

    let list = get(&url, &old).await.json();
    let items = list["data"]["items"].as_array().expect("items").clone();
    assert_eq!(items.len(), 4, "seeded: two usable, one revoked, one expired");
    assert!(items.iter().any(|k| k["revoked_at"].is_string()));
    assert!(items.iter().all(|k| k.get("key").is_none()), "the full key is never listed");
    let old_last4 = &old_key[old_key.len() - 4..];
    let mine: Vec<&Value> = items
        .iter()
        .filter(|k| k["key_snippet"].as_str().is_some_and(|s| s.ends_with(old_last4)))
        .collect();
    assert_eq!(mine.len(), 1, "the current key is found by its last 4");
    let old_uid = mine[0]["uid"].as_str().expect("uid").to_string();
    assert!(mine[0]["expires_at"].is_string(), "the primary key expires soon");

    let created = call(
        "POST",
        &url,
        &old,
        Some(json!({ "name": "Rotated by QR Desk", "expires_in_days": 90 })),
    )
    .await;
    assert_eq!(created.status, 201);
    let data = created.json()["data"].clone();
    let new_key = data["key"].as_str().expect("full key once").to_string();
    assert!(new_key.starts_with("ex_live_"));
    assert!(data["expires_at"].is_string() && data["revoked_at"].is_null());

    let new = [auth(ProviderKind::Exante, &new_key)];
    let verified = get(&url, &new).await.json();
    let new_uid = data["uid"].as_str().expect("uid");
    assert!(item_by_uid(&verified, new_uid).is_some_and(|k| k["last_used_at"].is_string()));

    let revoked = call("DELETE", &format!("{url}/{old_uid}"), &new, None).await;
    assert_eq!(revoked.status, 200);
    assert!(revoked.json()["data"]["revoked_at"].is_string());
    assert_eq!(get(&url, &old).await.status, 401, "the old key is dead");
    assert_eq!(
        call("DELETE", &format!("{url}/{old_uid}"), &new, None).await.status,
        200,
        "revoking twice is harmless"
    );
    assert_eq!(call("DELETE", &format!("{url}/no-such-uid"), &new, None).await.status, 404);

    let invalid =
        call("POST", &url, &new, Some(json!({ "name": "x", "expires_in_days": 0 }))).await;
    assert_eq!(invalid.status, 422);
    assert!(invalid.json()["message"].as_str().is_some_and(|m| m.contains("expires_in_days")));
    assert_eq!(call("POST", &url, &new, Some(json!({}))).await.status, 422);

    let replay = [new[0].clone(), ("idempotency-key", "rotation-1".to_string())];
    let first = call("POST", &url, &replay, Some(json!({ "name": "Once" }))).await.json();
    let second = call("POST", &url, &replay, Some(json!({ "name": "Once" }))).await.json();
    assert_eq!(
        first["data"]["uid"], second["data"]["uid"],
        "a repeated create returns the same key"
    );
    sim.shutdown().await;
}
