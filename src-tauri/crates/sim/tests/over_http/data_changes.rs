//! Creates (with client ids), server-side edits, deletes, new codes, scan growth and the
//! request counter.

use qrdesk_core::ProviderKind;
use qrdesk_sim::CodeEdit;
use serde_json::json;

use crate::support::{account, auth, call, config, get, key, start};

#[tokio::test]
async fn creates_are_idempotent_and_findable() {
    let (sim, manifest) = start(config(3)).await;
    let pro = format!("{}/v1/qrcodes", sim.base_url(ProviderKind::QrCodePro));
    let headers = [
        auth(ProviderKind::QrCodePro, &key(&manifest, ProviderKind::QrCodePro, 0)),
        ("idempotency-key", "create-42".to_string()),
    ];
    let body = json!({ "name": "Menu board 7", "destination_url": "https://example.com/menu" });
    let first = call("POST", &pro, &headers, Some(body.clone())).await;
    let second = call("POST", &pro, &headers, Some(body)).await;
    assert_eq!((first.status, second.status), (201, 201));
    assert_eq!(first.json()["id"], second.json()["id"]);
    let found = get(&format!("{pro}?search=menu%20board%207"), &headers[..1]).await.json();
    assert_eq!(found["pagination"]["total"], 1);
    assert_eq!(found["data"][0]["id"], first.json()["id"]);
    assert_eq!(get(&pro, &headers[..1]).await.json()["pagination"]["total"], 4);

    let exa = format!("{}/api/qr/codes", sim.base_url(ProviderKind::ExaRoutes));
    let exa_h = [auth(ProviderKind::ExaRoutes, &key(&manifest, ProviderKind::ExaRoutes, 1))];
    let body = json!({ "data": "https://example.com/a", "dataType": "url", "name": "Door sign", "uid": "door-sign-1" });
    let made = call("POST", &exa, &exa_h, Some(body.clone())).await;
    assert_eq!(made.status, 201);
    assert_eq!(made.json()["redirectUrl"], "https://qr.exaroutes.com/r/door-sign-1");
    assert_eq!(call("POST", &exa, &exa_h, Some(body)).await.json()["id"], "door-sign-1");
    assert_eq!(get(&exa, &exa_h).await.json()["pagination"]["total"], 4);

    let il = sim.base_url(ProviderKind::IloveQr);
    let one = account(&manifest, ProviderKind::IloveQr, 1);
    let org = one["organization"].as_str().expect("org");
    let il_h = [auth(ProviderKind::IloveQr, one["key"].as_str().expect("key"))];
    let made = call(
        "POST",
        &format!("{il}/organizations/{org}/qr-codes"),
        &il_h,
        Some(json!({ "type": "url", "name": "Flyer", "data": { "url": "https://example.com/f" } })),
    )
    .await;
    assert_eq!(made.status, 201);
    let id = made.json()["id"].as_str().expect("id").to_string();
    let edited = call(
        "PUT",
        &format!("{il}/organizations/{org}/qr-codes/{id}"),
        &il_h,
        Some(json!({ "status": "archived" })),
    )
    .await;
    assert!(edited.json()["status"].as_str().is_some_and(|s| s.eq_ignore_ascii_case("archived")));
    assert_eq!(
        call("DELETE", &format!("{il}/organizations/{org}/qr-codes/{id}"), &il_h, None)
            .await
            .status,
        200
    );
    assert_eq!(get(&format!("{il}/organizations/{org}/qr-codes/{id}"), &il_h).await.status, 404);

    let v1 = format!("{}/api/v1/qr", sim.base_url(ProviderKind::QrV1));
    let v1_h = [auth(ProviderKind::QrV1, &key(&manifest, ProviderKind::QrV1, 0))];
    let made = call(
        "POST",
        &v1,
        &v1_h,
        Some(json!({ "name": "Poster", "type": "url", "destination": "https://example.com/p" })),
    )
    .await;
    assert_eq!(made.status, 201);
    let id = made.json()["id"].as_str().expect("id").to_string();
    let edited = call(
        "PUT",
        &format!("{v1}/{id}"),
        &v1_h,
        Some(json!({ "status": "paused", "destination": "https://example.com/q" })),
    )
    .await;
    assert_eq!(edited.json()["destination"], "https://example.com/q");
    assert_eq!(call("DELETE", &format!("{v1}/{id}"), &v1_h, None).await.status, 200);
    sim.shutdown().await;
}

#[tokio::test]
async fn server_side_changes_and_request_counts() {
    let (sim, manifest) = start(config(3)).await;
    let control = sim.control();
    let pro = format!("{}/v1/qrcodes", sim.base_url(ProviderKind::QrCodePro));
    let headers = [auth(ProviderKind::QrCodePro, &key(&manifest, ProviderKind::QrCodePro, 0))];
    let before = get(&pro, &headers).await.json();
    let id = before["data"][0]["id"].as_str().expect("id").to_string();
    let total_before = before["data"][0]["total_scans"].as_u64().expect("scans");

    let edit = CodeEdit {
        name: Some("Edited elsewhere".into()),
        destination: None,
        status: Some("PAUSED".into()),
    };
    control.edit_code(ProviderKind::QrCodePro, &id, edit).expect("edit");
    control.grow_scans(10);
    let after = get(&format!("{pro}/{id}"), &headers).await.json();
    assert_eq!(after["name"], "Edited elsewhere");
    assert!(after["status"].as_str().is_some_and(|s| s.eq_ignore_ascii_case("paused")));
    assert_ne!(
        after["updated_at"], before["data"][0]["updated_at"],
        "updated_at moves: a conflict"
    );
    assert_eq!(after["total_scans"].as_u64(), Some(total_before + 10));

    let added = control.add_codes(ProviderKind::QrCodePro, 2).expect("add");
    assert_eq!(added.len(), 2);
    assert_eq!(get(&pro, &headers).await.json()["pagination"]["total"], 5);
    control.delete_code(ProviderKind::QrCodePro, &id).expect("delete");
    assert_eq!(get(&format!("{pro}/{id}"), &headers).await.status, 404);
    assert!(control.delete_code(ProviderKind::QrCodePro, &id).is_err());
    assert!(control.edit_code(ProviderKind::QrV1, "missing", CodeEdit::default()).is_err());

    let counts = control.request_counts();
    assert_eq!(counts.get("GET /qrcodepro/v1/qrcodes"), Some(&2));
    assert_eq!(counts.get("GET /qrcodepro/v1/qrcodes/{id}"), Some(&2));
    control.reset_counts();
    assert!(control.request_counts().is_empty());
    sim.shutdown().await;
}
