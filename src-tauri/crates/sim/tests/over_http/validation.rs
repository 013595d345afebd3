//! Validation errors name their field in each service's envelope; unknown ids are 404.

use qrdesk_core::ProviderKind;
use serde_json::json;

use crate::support::{account, auth, call, config, get, key, start};

#[tokio::test]
async fn each_service_refuses_bad_input_in_its_own_words() {
    let (sim, manifest) = start(config(2)).await;

    let pro = format!("{}/v1/qrcodes", sim.base_url(ProviderKind::QrCodePro));
    let pro_h = [auth(ProviderKind::QrCodePro, &key(&manifest, ProviderKind::QrCodePro, 0))];
    let reply = call("POST", &pro, &pro_h, Some(json!({ "name": "No destination" }))).await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["error"]["code"], "validation_error");
    assert_eq!(reply.json()["error"]["field"], "destination_url");
    assert_eq!(get(&format!("{pro}?limit=101"), &pro_h).await.status, 400);
    assert_eq!(
        get(&format!("{pro}/qr_missing"), &pro_h).await.json()["error"]["code"],
        "not_found"
    );
    let taken =
        json!({ "name": "A", "destination_url": "https://example.com", "short_code": "promo-one" });
    assert_eq!(call("POST", &pro, &pro_h, Some(taken.clone())).await.status, 201);
    assert_eq!(call("POST", &pro, &pro_h, Some(taken)).await.status, 409);

    let exa = format!("{}/api/qr/codes", sim.base_url(ProviderKind::ExaRoutes));
    let exa_h = [auth(ProviderKind::ExaRoutes, &key(&manifest, ProviderKind::ExaRoutes, 1))];
    assert_eq!(call("POST", &exa, &exa_h, Some(json!({ "dataType": "url" }))).await.status, 400);
    let reply = call(
        "POST",
        &exa,
        &exa_h,
        Some(json!({ "data": "https://x.example", "dataType": "hologram" })),
    )
    .await;
    assert_eq!(
        (reply.status, reply.json()["error"].as_str().map(str::to_string)),
        (422, Some("Invalid dataType provided.".into()))
    );
    assert_eq!(get(&format!("{exa}?cursor=garbage"), &exa_h).await.status, 400);
    assert_eq!(get(&format!("{exa}/Zz9Zz9Zz"), &exa_h).await.status, 404);

    let v1 = format!("{}/api/v1/qr", sim.base_url(ProviderKind::QrV1));
    let v1_h = [auth(ProviderKind::QrV1, &key(&manifest, ProviderKind::QrV1, 0))];
    let reply =
        call("POST", &v1, &v1_h, Some(json!({ "name": "x", "destination": "not a url" }))).await;
    assert_eq!(reply.status, 400);
    assert!(reply.json()["error"].as_str().is_some_and(|e| e.contains("destination")));
    assert_eq!(
        call("PUT", &format!("{v1}/missing"), &v1_h, Some(json!({ "name": "x" }))).await.status,
        404
    );

    let ilqr = sim.base_url(ProviderKind::IloveQr);
    let one = account(&manifest, ProviderKind::IloveQr, 1);
    let org = one["organization"].as_str().expect("org");
    let il_h = [auth(ProviderKind::IloveQr, one["key"].as_str().expect("key"))];
    let codes = format!("{ilqr}/organizations/{org}/qr-codes");
    let reply = call("POST", &codes, &il_h, Some(json!({ "type": "URL", "data": {} }))).await;
    assert_eq!(reply.status, 400);
    let messages = reply.json()["message"].as_array().expect("message array").clone();
    assert!(messages.iter().any(|m| m == "name should not be empty"));
    assert!(messages.iter().any(|m| m == "data.url must be a URL address"));
    let missing = get(&format!("{codes}/qr_missing"), &il_h).await;
    assert_eq!(missing.status, 404);
    assert!(missing.json()["message"].is_string());

    let exante = format!("{}/api/api-keys", sim.base_url(ProviderKind::Exante));
    let ex_h = [auth(ProviderKind::Exante, &key(&manifest, ProviderKind::Exante, 0))];
    assert_eq!(call("POST", &exante, &ex_h, Some(json!({ "name": 5 }))).await.status, 422);
    sim.shutdown().await;
}
