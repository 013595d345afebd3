//! Auth errors as each contract documents them; issued, revoked and expired keys.

use qrdesk_core::{Environment, ProviderKind};

use crate::support::{account, auth, config, get, key, start};

#[tokio::test]
async fn revoked_and_expired_keys_get_401_and_issued_keys_work() {
    let (sim, _manifest) = start(config(2)).await;
    let control = sim.control();
    let cases = [
        (ProviderKind::QrCodePro, format!("{}/v1/qrcodes", sim.base_url(ProviderKind::QrCodePro))),
        (ProviderKind::QrV1, format!("{}/api/v1/qr", sim.base_url(ProviderKind::QrV1))),
        (
            ProviderKind::ExaRoutes,
            format!("{}/api/qr/codes", sim.base_url(ProviderKind::ExaRoutes)),
        ),
        (ProviderKind::Exante, format!("{}/api/api-keys", sim.base_url(ProviderKind::Exante))),
        (
            ProviderKind::IloveQr,
            format!("{}/users/me/organizations", sim.base_url(ProviderKind::IloveQr)),
        ),
    ];
    for (provider, url) in &cases {
        let fresh = control.issue_key(*provider, Environment::Live, None).expect("issue");
        let headers = [auth(*provider, &fresh)];
        assert_eq!(get(url, &headers).await.status, 200, "{provider} issued key works");
        control.revoke_key(&fresh).expect("revoke");
        let revoked = get(url, &headers).await;
        if *provider == ProviderKind::IloveQr {
            assert!(matches!(revoked.status, 401 | 403));
            assert!(revoked.text.contains("API_KEY_REVOKED"), "{}", revoked.text);
        } else {
            assert_eq!(revoked.status, 401, "{provider} revoked key");
        }
        let other = control.issue_key(*provider, Environment::Live, None).expect("issue");
        control.expire_key(&other).expect("expire");
        assert_eq!(
            get(url, &[auth(*provider, &other)]).await.status,
            401,
            "{provider} expired key"
        );
        assert_eq!(
            get(url, &[auth(*provider, "not-a-key")]).await.status,
            401,
            "{provider} unknown key"
        );
    }
    assert!(control.revoke_key("never-issued").is_err());
    sim.shutdown().await;
}

#[tokio::test]
async fn exaroutes_auth_and_workspaces() {
    let (sim, manifest) = start(config(2)).await;
    let url = format!("{}/api/qr/codes", sim.base_url(ProviderKind::ExaRoutes));
    let pair = account(&manifest, ProviderKind::ExaRoutes, 0);
    let client_id = pair["client_id"].as_str().expect("client id").to_string();
    let api_key = pair["api_key"].as_str().expect("api key").to_string();
    let partner = account(&manifest, ProviderKind::ExaRoutes, 2)["workspace"]
        .as_str()
        .expect("ws")
        .to_string();
    let main = pair["workspace"].as_str().expect("ws").to_string();

    assert_eq!(get(&url, &[]).await.status, 401, "no credentials at all");
    assert_eq!(get(&url, &[("client-id", client_id.clone())]).await.status, 400, "half a pair");
    let unknown =
        get(&url, &[("client-id", "cust_nobody".into()), ("api-key", api_key.clone())]).await;
    assert_eq!(unknown.status, 404);
    let wrong =
        get(&url, &[("client-id", client_id.clone()), ("api-key", "sk_live_wrong".into())]).await;
    assert_eq!(wrong.status, 401);
    let pair_headers = [("client-id", client_id.clone()), ("api-key", api_key.clone())];
    assert_eq!(get(&url, &pair_headers).await.status, 200);
    let with_main = [pair_headers[0].clone(), pair_headers[1].clone(), ("x-workspace-id", main)];
    assert_eq!(get(&url, &with_main).await.status, 200);
    let with_partner =
        [pair_headers[0].clone(), pair_headers[1].clone(), ("x-workspace-id", partner.clone())];
    let refused = get(&url, &with_partner).await;
    assert_eq!(refused.status, 403);
    assert_eq!(refused.json()["error"], "Not a member of the requested workspace");
    let bearer = [
        auth(ProviderKind::ExaRoutes, &key(&manifest, ProviderKind::ExaRoutes, 2)),
        ("x-workspace-id", partner),
    ];
    assert_eq!(get(&url, &bearer).await.status, 200, "the partner key is a member");

    let (new_client, new_key) = sim.control().issue_exaroutes_pair(None).expect("pair");
    assert_eq!(
        get(&url, &[("client-id", new_client), ("api-key", new_key.clone())]).await.status,
        200
    );
    let test_key = sim
        .control()
        .issue_key(ProviderKind::ExaRoutes, Environment::Test, None)
        .expect("test key");
    assert!(test_key.starts_with("exr_test_"));
    sim.control().revoke_key(&api_key).expect("revoke");
    assert_eq!(get(&url, &pair_headers).await.status, 401);
    sim.shutdown().await;
}

#[tokio::test]
async fn plan_and_organization_refusals() {
    let (sim, manifest) = start(config(2)).await;
    let starter = [auth(ProviderKind::QrV1, &key(&manifest, ProviderKind::QrV1, 1))];
    let reply = get(&format!("{}/api/v1/qr", sim.base_url(ProviderKind::QrV1)), &starter).await;
    assert_eq!(reply.status, 403);
    assert!(reply.json()["error"].as_str().is_some_and(|e| e.contains("Team")));

    let base = sim.base_url(ProviderKind::IloveQr);
    let two = account(&manifest, ProviderKind::IloveQr, 0);
    let second_org = two["organizations"][1].as_str().expect("org");
    let one = [auth(ProviderKind::IloveQr, &key(&manifest, ProviderKind::IloveQr, 1))];
    let orgs = get(&format!("{base}/users/me/organizations"), &one).await.json();
    assert_eq!(orgs["organizations"].as_array().map(Vec::len), Some(1));
    let refused = get(&format!("{base}/organizations/{second_org}/qr-codes"), &one).await;
    assert_eq!(refused.status, 403);
    assert_eq!(refused.json()["statusCode"], 403);
    assert_eq!(get(&format!("{base}/users/me/organizations"), &[]).await.status, 401);

    let exante = format!("{}/api/api-keys", sim.base_url(ProviderKind::Exante));
    let read_only = [auth(ProviderKind::Exante, &key(&manifest, ProviderKind::Exante, 1))];
    assert_eq!(get(&exante, &read_only).await.status, 403, "scope missing");
    assert_eq!(get(&exante, &[("authorization", "Bearerex_live_x".into())]).await.status, 401);
    sim.shutdown().await;
}

#[tokio::test]
async fn iloveqr_revoked_keys_cycle_through_every_documented_answer() {
    let (sim, _manifest) = start(config(1)).await;
    let control = sim.control();
    let url = format!("{}/users/me/organizations", sim.base_url(ProviderKind::IloveQr));
    let mut answers = Vec::new();
    for _ in 0..4 {
        let fresh =
            control.issue_key(ProviderKind::IloveQr, Environment::Live, None).expect("issue");
        control.revoke_key(&fresh).expect("revoke");
        let reply = get(&url, &[auth(ProviderKind::IloveQr, &fresh)]).await;
        let body = reply.json();
        let marker_in =
            ["error", "message", "code"].into_iter().find(|f| body[*f] == "API_KEY_REVOKED");
        answers.push((reply.status, marker_in));
    }
    assert_eq!(
        answers,
        [(403, Some("error")), (403, Some("message")), (403, Some("code")), (401, Some("code"))]
    );
    sim.shutdown().await;
}
