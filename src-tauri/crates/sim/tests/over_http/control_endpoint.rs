//! The HTTP control endpoint offers the same operations as `SimControl`.

use qrdesk_core::ProviderKind;
use serde_json::json;

use crate::support::{auth, call, config, get, key, start};

#[tokio::test]
async fn control_over_http() {
    let (sim, manifest) = start(config(2)).await;
    let control_url = manifest["control_url"].as_str().expect("control url").to_string();
    assert_eq!(get(&format!("{control_url}/manifest"), &[]).await.json(), manifest);

    let issued = call(
        "POST",
        &format!("{control_url}/keys/issue"),
        &[],
        Some(json!({ "provider": "qrcodepro", "environment": "test" })),
    )
    .await
    .json();
    let test_key = issued["key"].as_str().expect("key").to_string();
    assert!(test_key.starts_with("qrcp_test_"));
    let pro = format!("{}/v1/qrcodes", sim.base_url(ProviderKind::QrCodePro));
    assert_eq!(get(&pro, &[auth(ProviderKind::QrCodePro, &test_key)]).await.status, 200);
    call("POST", &format!("{control_url}/keys/revoke"), &[], Some(json!({ "key": test_key })))
        .await;
    assert_eq!(get(&pro, &[auth(ProviderKind::QrCodePro, &test_key)]).await.status, 401);

    let fault = json!({ "kind": "server_error", "status": 500, "next": 1, "service": "qrcodepro" });
    assert_eq!(call("POST", &format!("{control_url}/faults"), &[], Some(fault)).await.status, 200);
    let listed = get(&format!("{control_url}/faults"), &[]).await.json();
    assert_eq!(listed[0]["kind"], "server_error");
    let live = [auth(ProviderKind::QrCodePro, &key(&manifest, ProviderKind::QrCodePro, 0))];
    assert_eq!(get(&pro, &live).await.status, 500);
    let bad =
        call("POST", &format!("{control_url}/faults"), &[], Some(json!({ "kind": "meteor" })))
            .await;
    assert_eq!(bad.status, 400);
    assert!(bad.json()["error"].as_str().is_some_and(|e| e.contains("meteor")));

    let ids = get(&format!("{control_url}/codes?provider=qrcodepro&scope=live"), &[]).await.json();
    let id = ids["ids"][0].as_str().expect("id").to_string();
    let edit =
        json!({ "provider": "qrcodepro", "id": id, "destination": "https://example.com/moved" });
    assert_eq!(
        call("POST", &format!("{control_url}/codes/edit"), &[], Some(edit)).await.status,
        200
    );
    assert_eq!(
        get(&format!("{pro}/{id}"), &live).await.json()["destination_url"],
        "https://example.com/moved"
    );
    let added = call(
        "POST",
        &format!("{control_url}/codes/add"),
        &[],
        Some(json!({ "provider": "qr-v1", "n": 3 })),
    )
    .await
    .json();
    assert_eq!(added["ids"].as_array().map(Vec::len), Some(3));
    let grace = call(
        "POST",
        &format!("{control_url}/step-up/grace"),
        &[],
        Some(json!({ "workspace": "ws_nowhere" })),
    )
    .await;
    assert_eq!(grace.status, 404);
    let mode = call(
        "POST",
        &format!("{control_url}/rate-limits"),
        &[],
        Some(json!({ "mode": "scaled:3/1" })),
    )
    .await;
    assert_eq!(mode.status, 200);
    assert_eq!(get(&pro, &live).await.header("x-ratelimit-limit").as_deref(), Some("3"));

    let counts = get(&format!("{control_url}/requests"), &[]).await.json();
    assert!(counts["GET /qrcodepro/v1/qrcodes"].as_u64().is_some_and(|n| n >= 3));
    assert!(counts.as_object().is_some_and(|c| c.keys().all(|k| !k.contains("_control"))));
    call("DELETE", &format!("{control_url}/requests"), &[], None).await;
    assert_eq!(get(&format!("{control_url}/requests"), &[]).await.json(), json!({}));
    sim.shutdown().await;
}

/// Security review, finding 8: a web page cannot drive the demo simulator. The control path
/// holds a random token only the manifest names, requests must name the simulator's own
/// address as `Host`, and a POST must carry JSON (which a page cannot send across origins
/// without a preflight the simulator never answers).
#[tokio::test]
async fn the_control_endpoint_refuses_what_a_web_page_could_send() {
    let (_sim, manifest) = start(config(1)).await;
    let control_url = manifest["control_url"].as_str().expect("control url").to_string();
    let (base, token) = control_url.rsplit_once('/').expect("token");
    assert!(base.ends_with("/_control") && token.len() >= 32, "{control_url}");
    assert_eq!(get(&format!("{base}/manifest"), &[]).await.status, 404, "no token");
    let rebound = [("host", "evil.example:8080".to_string())];
    assert_eq!(get(&format!("{control_url}/manifest"), &rebound).await.status, 403);
    let form = reqwest::Client::new()
        .post(format!("{control_url}/scans/grow"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("n=100")
        .send()
        .await
        .expect("answer");
    assert_eq!(form.status().as_u16(), 415);
    let (_other, other) = start(config(1)).await;
    assert_ne!(other["control_url"], manifest["control_url"], "a new token on every start");
}
