//! ExaRoutes: both auth schemes, workspaces, cursor pagination, step-up, bulk replace, errors.

use chrono::NaiveDate;
use qrdesk_core::{
    ApiSecret, CodeChanges, CodeStatus, Credential, Environment, ErrorKind, ProviderKind,
};
use qrdesk_providers::{NewCode, MAX_PAGE_SIZE};
use qrdesk_sim::{Fault, FaultKind};

use crate::support::*;

const K: ProviderKind = ProviderKind::ExaRoutes;

#[tokio::test]
async fn both_auth_schemes_see_the_same_workspace_to_the_last_page() {
    let sim = sim().await;
    let pair = for_account(&sim, K, "client-id + api-key");
    let bearer = for_account(&sim, K, "Main workspace (Bearer)");
    let (by_one, pages) = walk(pair.as_ref(), 1).await;
    assert_eq!((by_one.len(), pages), (25, 25));
    let (by_max, pages) = walk(bearer.as_ref(), MAX_PAGE_SIZE).await;
    assert_eq!(pages, 1);
    assert_eq!(by_one, by_max);
    let v = pair.verify().await.unwrap();
    assert_eq!((v.environment, v.codes_total), (Environment::Live, Some(25)));
    assert!(v.workspace.unwrap().starts_with("ws_"));
    // Without X-Workspace-Id the key's default workspace is used.
    let a = account(&sim, K, "Main workspace (Bearer)");
    let default_ws = provider(&sim, K, key_of(&a), None);
    assert_eq!(walk(default_ws.as_ref(), 100).await.0, by_max);
    // A test key reports the test environment.
    let test_key = sim.control().issue_key(K, Environment::Test, None).unwrap();
    let t = provider(&sim, K, Credential::Key(ApiSecret::new(test_key)), None);
    assert_eq!(t.verify().await.unwrap().environment, Environment::Test);
    sim.shutdown().await;
}

#[tokio::test]
async fn create_read_edit_step_up_bulk_replace_analytics_delete() {
    let sim = sim().await;
    let a = account(&sim, K, "Main workspace (Bearer)");
    let ws = a.workspace.clone().unwrap();
    let p = for_account(&sim, K, "Main workspace (Bearer)");
    let new = NewCode {
        name: "Flyer".into(),
        destination: "https://example.com/a".into(),
        client_ref: "out-1".into(),
    };
    let made = p.create(&new).await.unwrap();
    assert_eq!((made.name.as_str(), made.destination.as_str()), ("Flyer", "https://example.com/a"));
    assert!(made.content.starts_with("https://qr.exaroutes.com/r/"));
    let read = p.get(&made.remote_id).await.unwrap();
    assert_eq!(read.remote_id, made.remote_id);

    // Name and status edits need no step-up.
    let renamed = p
        .update(
            &made.remote_id,
            &CodeChanges {
                name: Some("Flyer 2".into()),
                status: Some(CodeStatus::Paused),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!((renamed.name.as_str(), renamed.status), ("Flyer 2", CodeStatus::Paused));

    // A destination edit is step-up gated until the grace window is open.
    let change =
        CodeChanges { destination: Some("https://example.com/b".into()), ..Default::default() };
    let err = expect_kind(
        p.update(&made.remote_id, &change).await,
        ErrorKind::StepUpRequired,
        a.key.as_deref().unwrap(),
    );
    assert_eq!(err.step_up_tier.as_deref(), Some("standard"));
    let app: qrdesk_core::AppError = err.into();
    assert!(
        app.message.contains("confirm in the dashboard, then retry within 5 minutes"),
        "{}",
        app.message
    );
    expect_kind(p.bulk_replace("example.com", "example.org").await, ErrorKind::StepUpRequired, "");
    sim.control().open_grace(&ws).unwrap();
    let moved = p.update(&made.remote_id, &change).await.unwrap();
    assert_eq!(moved.destination, "https://example.com/b");
    let n = p.bulk_replace("https://example.com/b", "https://example.org/b").await.unwrap();
    assert_eq!(n, 1);
    assert_eq!(p.get(&made.remote_id).await.unwrap().destination, "https://example.org/b");

    let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let (ids, _) = walk(p.as_ref(), 100).await;
    let s = p.analytics(&ids[0], from, from + chrono::Days::new(6)).await.unwrap();
    assert_eq!(s.days.len(), 7);
    assert_eq!(s.total_scans, Some(s.days.iter().map(|d| d.scans).sum()));
    assert!(!s.breakdowns.is_empty());

    p.delete(&made.remote_id).await.unwrap();
    expect_kind(p.get(&made.remote_id).await, ErrorKind::NotFound, "");
    expect_kind(p.delete(&made.remote_id).await, ErrorKind::NotFound, "");
    sim.shutdown().await;
}

#[tokio::test]
async fn credential_and_workspace_errors() {
    let sim = sim().await;
    let a = account(&sim, K, "client-id + api-key");
    let client_id = a.client_id.clone().unwrap();
    let api_key = a.api_key.clone().unwrap();
    let pair =
        |c: &str, k: &str| Credential::Pair { client_id: c.into(), api_key: ApiSecret::new(k) };

    let unknown_client = provider(&sim, K, pair("cust_doesnotexist", &api_key), None);
    let e = expect_kind(unknown_client.verify().await, ErrorKind::InvalidCredentials, &api_key);
    assert!(e.message.contains("does not exist"), "{}", e.message);
    let wrong_secret = provider(&sim, K, pair(&client_id, "sk_live_wrongwrongwrong1234"), None);
    expect_kind(
        wrong_secret.verify().await,
        ErrorKind::InvalidCredentials,
        "sk_live_wrongwrongwrong1234",
    );
    let unknown_bearer =
        provider(&sim, K, Credential::Key(ApiSecret::new("exr_live_nosuchkeynosuchkey12")), None);
    expect_kind(
        unknown_bearer.list_page(None, 10).await,
        ErrorKind::InvalidCredentials,
        "exr_live_nosuchkeynosuchkey12",
    );

    // The partner workspace is not the pair's: 403 not a member.
    let partner = account(&sim, K, "Partner workspace").workspace.unwrap();
    let outsider = provider(&sim, K, pair(&client_id, &api_key), Some(&partner));
    expect_kind(outsider.list_page(None, 10).await, ErrorKind::NotAMember, &api_key);

    // Revoked and expired keys.
    let (c2, k2) = sim.control().issue_exaroutes_pair(None).unwrap();
    let revoked = provider(&sim, K, pair(&c2, &k2), None);
    revoked.verify().await.unwrap();
    sim.control().revoke_key(&k2).unwrap();
    expect_kind(revoked.verify().await, ErrorKind::KeyRevoked, &k2);
    let k3 = sim.control().issue_key(K, Environment::Live, None).unwrap();
    let expired = provider(&sim, K, Credential::Key(ApiSecret::new(k3.clone())), None);
    sim.control().expire_key(&k3).unwrap();
    expect_kind(expired.verify().await, ErrorKind::KeyExpired, &k3);

    // An empty half of the pair never leaves the machine.
    let e = qrdesk_providers::connect(config(&sim, K, pair("", &api_key))).err().unwrap();
    assert_eq!(e.kind, ErrorKind::MissingCredentials);
    assert!(sim.control().request_counts().values().sum::<u64>() >= 6);
    sim.shutdown().await;
}

#[tokio::test]
async fn validation_quota_and_rate_limit_429s() {
    let sim = sim().await;
    let p = for_account(&sim, K, "Main workspace (Bearer)");
    let bad =
        NewCode { name: "x".into(), destination: "ftp://nope".into(), client_ref: "r1".into() };
    let e = expect_kind(p.create(&bad).await, ErrorKind::Validation, "");
    assert!(e.message.contains("http(s) URL"), "{}", e.message);
    assert_eq!(e.status, Some(422));

    // Plan quota: one request, no retry.
    sim.control().inject_fault(Fault::next(FaultKind::PlanLimit, 5).only(K));
    sim.control().reset_counts();
    expect_kind(p.list_page(None, 5).await, ErrorKind::QuotaExhausted, "");
    assert_eq!(sim.control().request_counts().values().sum::<u64>(), 1);
    sim.control().clear_faults();

    // A rate-limit 429 burst is waited out.
    let before = p.stats().snapshot();
    sim.control().inject_fault(
        Fault::next(FaultKind::TooManyRequests { retry_after_secs: None }, 2).only(K),
    );
    let page = p.list_page(None, 5).await.unwrap();
    assert_eq!(page.items.len(), 5);
    let st = p.stats().snapshot();
    assert_eq!(
        (st.throttled_responses - before.throttled_responses, st.retries - before.retries),
        (2, 2)
    );
    sim.shutdown().await;
}
