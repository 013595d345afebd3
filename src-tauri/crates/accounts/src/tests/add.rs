//! Adding, verifying and removing accounts against the simulator.

use chrono::{Duration, Utc};
use qrdesk_core::{AccountStatus, ApiSecret, Environment, ErrorKind, ProviderKind};
use qrdesk_secrets::{SecretStore, Slot};

use super::support::{now, World};

#[tokio::test]
async fn every_service_is_detected_from_the_prefix_and_verified() {
    let w = World::new().await;
    let cases = [
        (ProviderKind::QrCodePro, 0),
        (ProviderKind::QrCodePro, 1),
        (ProviderKind::ExaRoutes, 1),
        (ProviderKind::IloveQr, 1),
        (ProviderKind::Exante, 0),
        (ProviderKind::QrV1, 0),
    ];
    for (provider, index) in cases {
        let seeded = w.seeded(provider, index);
        let key = seeded.key.clone().expect("seeded key");
        let mut request = w.request(None, &key);
        request.base_url = Some(w.sim.base_url(provider));
        let account = w.service().add_account(request, now()).await.expect("added");
        assert_eq!(account.provider, provider, "{key}");
        assert_eq!(account.status, AccountStatus::Verified, "{provider}");
        assert_eq!(account.environment.as_str(), seeded.environment, "{provider}");
        assert_eq!(account.masked_key, ApiSecret::new(key.as_str()).masked());
        assert_eq!(w.slot_secret(account.id, Slot::Active).as_deref(), Some(key.as_str()));
        assert!(!w.stored_text(account.id).contains(&key), "{provider}: secret stored");
        match provider {
            // No workspace given: the key's default data, no X-Workspace-Id.
            ProviderKind::ExaRoutes => assert_eq!(account.workspace, None),
            ProviderKind::IloveQr => assert_eq!(account.workspace, seeded.organization),
            ProviderKind::Exante => {
                assert!(account.expires_at.is_some(), "Exante reports the key's expiry");
                let lifetime =
                    w.store.read(|c| qrdesk_store::accounts::key_lifetime_days(c, account.id));
                assert!(lifetime.expect("read").is_some(), "lifetime copied for rotation");
            }
            _ => {}
        }
        assert_eq!(w.audit_events(account.id), vec!["key_added"]);
    }
}

#[tokio::test]
async fn exaroutes_takes_both_schemes_and_refuses_a_foreign_workspace() {
    let w = World::new().await;
    let pair = w.seeded(ProviderKind::ExaRoutes, 0);
    let secret = pair.api_key.clone().expect("api key");
    let client_id = pair.client_id.clone().expect("client id");

    let mut missing_client = w.request(Some(ProviderKind::ExaRoutes), &secret);
    missing_client.client_id = None;
    let err = w.service().add_account(missing_client, now()).await.expect_err("needs cust_");
    assert_eq!(err.kind, ErrorKind::BadInput);

    let mut request = w.request(None, &secret);
    request.base_url = Some(w.sim.base_url(ProviderKind::ExaRoutes));
    request.client_id = Some(client_id.clone());
    request.workspace = pair.workspace.clone();
    let account = w.service().add_account(request, now()).await.expect("pair added");
    assert_eq!(account.client_id.as_deref(), Some(client_id.as_str()));
    assert!(account.masked_key.starts_with("sk_live_…"), "{}", account.masked_key);

    let bearer = w.seeded(ProviderKind::ExaRoutes, 1).key.expect("bearer");
    let added = w.add(ProviderKind::ExaRoutes, &bearer, pair.workspace.as_deref()).await;
    assert_eq!(added.client_id, None);

    // The note of the seeded pair: not a member of the partner workspace → 403 not_a_member.
    let partner = w.seeded(ProviderKind::ExaRoutes, 2).workspace.expect("partner workspace");
    let mut foreign = w.request(Some(ProviderKind::ExaRoutes), &secret);
    foreign.client_id = Some(client_id);
    foreign.workspace = Some(partner);
    let before = w.secrets.len();
    let err = w.service().add_account(foreign, now()).await.expect_err("not a member");
    assert_eq!(err.kind, ErrorKind::NotAMember, "{}", err.message);
    assert!(!err.message.contains(&secret));
    assert_eq!(w.secrets.len(), before, "a refused key is never stored");
}

#[tokio::test]
async fn iloveqr_lists_organizations_to_choose_from() {
    let w = World::new().await;
    let seeded = w.seeded(ProviderKind::IloveQr, 0);
    let key = seeded.key.clone().expect("key");
    let err = w
        .service()
        .add_account(w.request(Some(ProviderKind::IloveQr), &key), now())
        .await
        .expect_err("two organizations: a choice is needed");
    assert_eq!(err.kind, ErrorKind::BadInput);
    for org in &seeded.organizations {
        assert!(err.message.contains(org.as_str()), "{} lists {org}", err.message);
    }
    assert!(err.message.contains("--org"), "{}", err.message);
    assert!(w.secrets.is_empty());

    let options = w
        .service()
        .list_organizations(
            None,
            ApiSecret::new(key.as_str()),
            None,
            Some(&w.sim.base_url(ProviderKind::IloveQr)),
        )
        .await
        .expect("organizations");
    let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, seeded.organizations.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(options.iter().all(|o| !o.name.is_empty()));

    let chosen = seeded.organizations[1].clone();
    let account = w.add(ProviderKind::IloveQr, &key, Some(&chosen)).await;
    assert_eq!(account.workspace.as_deref(), Some(chosen.as_str()));

    // The one-organization key is not a member of the other organization.
    let single = w.seeded(ProviderKind::IloveQr, 1).key.expect("key");
    let mut foreign = w.request(Some(ProviderKind::IloveQr), &single);
    foreign.workspace = Some(seeded.organizations[1].clone());
    let err = w.service().add_account(foreign, now()).await.expect_err("not a member");
    assert_eq!(err.kind, ErrorKind::NotAMember, "{}", err.message);
}

#[tokio::test]
async fn offline_saves_unverified_and_a_rejected_key_is_never_saved() {
    let w = World::new().await;
    let key = w.issue(ProviderKind::QrCodePro, None);
    let mut offline = w.request(Some(ProviderKind::QrCodePro), &key);
    offline.base_url = Some("http://127.0.0.1:9".into());
    let account = w.service().add_account(offline, now()).await.expect("saved offline");
    assert_eq!(account.status, AccountStatus::Unverified);
    assert_eq!(account.last_error.as_ref().map(|e| e.kind), Some(ErrorKind::Network));
    assert_eq!(w.slot_secret(account.id, Slot::Active).as_deref(), Some(key.as_str()));

    let mut unchecked = w.request(Some(ProviderKind::QrCodePro), &key);
    unchecked.verify = false;
    let account = w.service().add_account(unchecked, now()).await.expect("saved unchecked");
    assert_eq!((account.status, account.last_error), (AccountStatus::Unverified, None));

    let entries = w.secrets.len();
    let revoked = w.issue(ProviderKind::QrCodePro, None);
    w.sim.control().revoke_key(&revoked).expect("revoke");
    let err = w
        .service()
        .add_account(w.request(Some(ProviderKind::QrCodePro), &revoked), now())
        .await
        .expect_err("revoked key");
    assert!(err.kind.is_key_problem(), "{:?}: {}", err.kind, err.message);
    assert!(!err.message.contains(&revoked));
    assert_eq!(w.secrets.len(), entries);
    let rows = w.store.read(|c| qrdesk_store::accounts::list(c, now())).expect("list");
    assert_eq!(rows.len(), 2, "only the two saved accounts");
}

#[tokio::test]
async fn expiry_turns_expiring_14_days_ahead_then_expired() {
    let w = World::new().await;
    let key = w.issue(ProviderKind::QrCodePro, None);
    let t = Utc::now();
    for (days, expected) in [
        (30, AccountStatus::Verified),
        (14, AccountStatus::Expiring),
        (3, AccountStatus::Expiring),
        (-1, AccountStatus::Expired),
    ] {
        let mut request = w.request(Some(ProviderKind::QrCodePro), &key);
        request.expires_at = Some(t + Duration::days(days));
        let account = w.service().add_account(request, t).await.expect("added");
        assert_eq!(account.status, expected, "expires in {days} days");
    }
}

#[tokio::test]
async fn verify_records_the_verdict_and_remove_clears_the_keychain() {
    let w = World::new().await;
    let key = w.issue(ProviderKind::QrCodePro, None);
    let account = w.add(ProviderKind::QrCodePro, &key, None).await;
    let checked = w.service().verify_account(account.id, now()).await.expect("works");
    assert_eq!(checked.status, AccountStatus::Verified);

    w.sim.control().revoke_key(&key).expect("revoke");
    let err = w.service().verify_account(account.id, now()).await.expect_err("revoked");
    assert!(err.kind.is_key_problem(), "{:?}", err.kind);
    let shown = w.account(account.id);
    assert_eq!(shown.status, AccountStatus::Error);
    assert_eq!(shown.last_error.map(|e| e.kind), Some(err.kind));

    w.service().remove_account(account.id, false, now()).expect("removed");
    assert!(w.secrets.is_empty(), "every slot deleted");
    assert!(w.service().account(account.id, now()).is_err());
    let events = w.audit_events(account.id);
    assert_eq!(events.last().map(String::as_str), Some("account_removed"), "{events:?}");

    // A row whose keychain entry disappeared says so.
    let again = w.add(ProviderKind::QrCodePro, &w.issue(ProviderKind::QrCodePro, None), None).await;
    let key_ref = w.service().keychain_ref(again.id).expect("ref");
    w.secrets.delete(&key_ref).expect("delete");
    let err = w.service().verify_account(again.id, now()).await.expect_err("no key");
    assert_eq!(err.kind, ErrorKind::MissingCredentials);
    assert_eq!(Environment::Live, again.environment);
}

/// Security review, wrong answer 2: Exante answers a mistyped key and an expired one with the
/// same 401, so a key that was never accepted is "not recognised", and "expired" is said only
/// when QR Desk knows the stored key's expiry date has passed.
#[tokio::test]
async fn a_mistyped_exante_key_is_not_recognised_and_only_a_known_expiry_says_expired() {
    let w = World::new().await;
    let mistyped = w.request(Some(ProviderKind::Exante), "ex_live_mistyped0000000000000000");
    let err = w.service().add_account(mistyped, Utc::now()).await.expect_err("refused");
    assert_eq!(err.kind, ErrorKind::InvalidCredentials, "{}", err.message);

    let key = w.issue(ProviderKind::Exante, None);
    let mut request = w.request(Some(ProviderKind::Exante), &key);
    request.verify = false;
    request.expires_at = Some(Utc::now() - Duration::days(2));
    let account = w.service().add_account(request, Utc::now()).await.expect("saved");
    w.sim.control().expire_key(&key).expect("expired on the service");
    let err = w.service().verify_account(account.id, Utc::now()).await.expect_err("expired");
    assert_eq!(err.kind, ErrorKind::KeyExpired, "{}", err.message);
    assert!(err.message.contains("expired on"), "{}", err.message);
}
