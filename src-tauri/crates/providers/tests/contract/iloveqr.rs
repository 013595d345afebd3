//! iloveQR: organization discovery and choice, page/limit, PUT edits, NestJS errors, revoked keys.

use chrono::NaiveDate;
use qrdesk_core::{
    ApiSecret, CodeChanges, CodeStatus, Credential, Environment, ErrorKind, ProviderKind,
};
use qrdesk_providers::NewCode;

use crate::support::*;

const K: ProviderKind = ProviderKind::IloveQr;

#[tokio::test]
async fn organizations_are_discovered_and_chosen() {
    let sim = sim().await;
    let two = account(&sim, K, "two organizations");
    let secret = two.key.clone().unwrap();
    // No choice yet: verify lists both and picks none; code calls ask the person to choose.
    let unchosen = provider(&sim, K, key_of(&two), None);
    let v = unchosen.verify().await.unwrap();
    assert_eq!(v.organizations.iter().map(|o| o.id.clone()).collect::<Vec<_>>(), two.organizations);
    assert_eq!(v.workspace, None);
    let e = expect_kind(unchosen.list_page(None, 10).await, ErrorKind::BadInput, &secret);
    assert!(e.message.contains(&two.organizations[1]), "{}", e.message);
    // Each choice sees its own organization's codes.
    let first = provider(&sim, K, key_of(&two), Some(&two.organizations[0]));
    let second = provider(&sim, K, key_of(&two), Some(&two.organizations[1]));
    assert_eq!(
        second.verify().await.unwrap().workspace.as_deref(),
        Some(two.organizations[1].as_str())
    );
    let (a, pages_a) = walk(first.as_ref(), 1).await;
    let (b, pages_b) = walk(second.as_ref(), 100).await;
    assert_eq!((a.len(), pages_a, b.len(), pages_b), (25, 25, 25, 1));
    assert!(a.iter().all(|id| !b.contains(id)));
    // A key in exactly one organization is auto-picked.
    let one = account(&sim, K, "one organization");
    let auto = provider(&sim, K, key_of(&one), None);
    assert_eq!(walk(auto.as_ref(), 100).await.0, a);
    assert_eq!(auto.verify().await.unwrap().workspace, one.organization);
    // Choosing an organization the key is not in: not a member, at verify and on code routes.
    let outsider = provider(&sim, K, key_of(&one), Some(&two.organizations[1]));
    expect_kind(outsider.verify().await, ErrorKind::NotAMember, "");
    expect_kind(
        outsider.list_page(None, 5).await,
        ErrorKind::NotAMember,
        one.key.as_deref().unwrap(),
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn create_put_analytics_delete_and_validation_arrays() {
    let sim = sim().await;
    let p = for_account(&sim, K, "one organization");
    let made = p
        .create(&NewCode {
            name: "Badge".into(),
            destination: "https://example.com/badge".into(),
            client_ref: "b1".into(),
        })
        .await
        .unwrap();
    assert!(made.content.starts_with("https://ilqr.co/"));
    assert_eq!(made.kind.to_ascii_uppercase(), "URL");
    let edited = p
        .update(
            &made.remote_id,
            &CodeChanges {
                destination: Some("https://example.com/c".into()),
                status: Some(CodeStatus::Archived),
                name: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (edited.destination.as_str(), edited.status),
        ("https://example.com/c", CodeStatus::Archived)
    );
    let read = p.get(&made.remote_id).await.unwrap();
    assert_eq!((read.name.as_str(), read.destination.as_str()), ("Badge", "https://example.com/c"));
    let from = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
    let (ids, _) = walk(p.as_ref(), 100).await;
    let s = p.analytics(&ids[0], from, from + chrono::Days::new(4)).await.unwrap();
    assert_eq!(s.days.len(), 5);
    assert!(s.total_scans.is_some());
    p.delete(&made.remote_id).await.unwrap();
    expect_kind(p.get(&made.remote_id).await, ErrorKind::NotFound, "");
    // NestJS validation: every message of the array is shown.
    let e = expect_kind(
        p.create(&NewCode {
            name: " ".into(),
            destination: "nope".into(),
            client_ref: "b2".into(),
        })
        .await,
        ErrorKind::Validation,
        "",
    );
    assert!(
        e.message.contains("name should not be empty") && e.message.contains(';'),
        "{}",
        e.message
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn revoked_keys_in_every_form_and_plain_401() {
    let sim = sim().await;
    let bogus = provider(
        &sim,
        K,
        Credential::Key(ApiSecret::new("ilqr_nosuchkeynosuchkeynosuchkey")),
        None,
    );
    expect_kind(
        bogus.verify().await,
        ErrorKind::InvalidCredentials,
        "ilqr_nosuchkeynosuchkeynosuchkey",
    );
    let org = account(&sim, K, "one organization").organization.unwrap();
    // The simulator varies the revoked answer per key (403 error/message/code, or 401 + code).
    let mut statuses = std::collections::BTreeSet::new();
    for _ in 0..12 {
        let k = sim.control().issue_key(K, Environment::Live, Some(&org)).unwrap();
        let p = provider(&sim, K, Credential::Key(ApiSecret::new(k.clone())), Some(&org));
        p.verify().await.unwrap();
        sim.control().revoke_key(&k).unwrap();
        let e = expect_kind(p.list_page(None, 5).await, ErrorKind::KeyRevoked, &k);
        statuses.insert(e.status);
    }
    assert!(statuses.contains(&Some(403)), "{statuses:?}");
    let k = sim.control().issue_key(K, Environment::Live, Some(&org)).unwrap();
    let p = provider(&sim, K, Credential::Key(ApiSecret::new(k.clone())), Some(&org));
    sim.control().expire_key(&k).unwrap();
    expect_kind(p.verify().await, ErrorKind::KeyExpired, &k);
    sim.shutdown().await;
}
