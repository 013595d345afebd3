//! Exante: key management only (verify, list, create with expiry, revoke) and the rotation.

use qrdesk_core::{ApiSecret, Credential, ErrorKind, ProviderKind};
use qrdesk_providers::NewCode;

use crate::support::*;

const K: ProviderKind = ProviderKind::Exante;

#[tokio::test]
async fn rotation_create_verify_revoke() {
    let sim = sim().await;
    let old = account(&sim, K, "Production integration");
    let old_secret = old.key.clone().unwrap();
    let p = for_account(&sim, K, "Production integration");
    let v = p.verify().await.unwrap();
    let me = v.key.expect("the current key is found in the list");
    assert_eq!(me.name, "Production integration");
    assert!(me.expires_at.is_some() && me.created_at.is_some() && !me.is_revoked());
    let keys = p.list_keys().await.unwrap();
    assert!(keys.len() >= 4);
    assert!(keys.iter().any(|k| k.is_revoked()));
    assert!(keys.iter().any(|k| k.is_expired(chrono::Utc::now())));

    // Create → verify the new key → revoke the old one → the old one gets 401.
    let created = p.create_key("QR Desk rotation", &[], Some(30)).await.unwrap();
    assert!(created.key.expose().starts_with("ex_live_"));
    assert!(!format!("{created:?}").contains(created.key.expose()));
    let days = (created.info.expires_at.unwrap() - chrono::Utc::now()).num_days();
    assert!((29..=30).contains(&days), "{days}");
    let new_key = created.key.expose().to_string();
    let newp = provider(&sim, K, Credential::Key(created.key.clone()), None);
    let nv = newp.verify().await.unwrap().key.unwrap();
    assert_eq!(
        (nv.uid.as_str(), nv.name.as_str()),
        (created.info.uid.as_str(), "QR Desk rotation")
    );
    let revoked = newp.revoke_key(&me.uid).await.unwrap();
    assert!(revoked.is_revoked());
    expect_kind(p.verify().await, ErrorKind::KeyRevoked, &old_secret);
    newp.verify().await.unwrap();
    expect_kind(
        newp.revoke_key("00000000-0000-0000-0000-000000000000").await,
        ErrorKind::NotFound,
        &new_key,
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn scopes_expiry_and_unsupported_operations() {
    let sim = sim().await;
    let reader = account(&sim, K, "read-only");
    let r = for_account(&sim, K, "read-only");
    expect_kind(
        r.create_key("x", &[], None).await,
        ErrorKind::Forbidden,
        reader.key.as_deref().unwrap(),
    );
    let k = sim.control().issue_key(K, qrdesk_core::Environment::Live, None).unwrap();
    let p = provider(&sim, K, Credential::Key(ApiSecret::new(k.clone())), None);
    sim.control().expire_key(&k).unwrap();
    // Exante cannot tell an expired key from a wrong one; the account service can (it knows
    // the stored key's expiry).
    expect_kind(p.verify().await, ErrorKind::InvalidCredentials, &k);
    let bogus = provider(&sim, K, Credential::Key(ApiSecret::new("ex_live_nosuchkeyatall1")), None);
    expect_kind(bogus.list_keys().await, ErrorKind::InvalidCredentials, "ex_live_nosuchkeyatall1");
    // Exante holds no QR codes: the adapter says so without a request.
    sim.control().reset_counts();
    let e = expect_kind(p.list_page(None, 10).await, ErrorKind::BadInput, &k);
    assert!(e.message.contains("Exante can't"), "{}", e.message);
    expect_kind(
        p.create(&NewCode {
            name: "x".into(),
            destination: "https://x.test".into(),
            client_ref: "r".into(),
        })
        .await,
        ErrorKind::BadInput,
        &k,
    );
    assert_eq!(sim.control().request_counts().values().sum::<u64>(), 0);
    assert!(!p.capabilities().list && p.capabilities().key_management);
    sim.shutdown().await;
}
