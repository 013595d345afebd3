//! The `/api/v1/qr` platform: Bearer, page/limit, PUT edits, the Team-tier 403.

use chrono::NaiveDate;
use qrdesk_core::{
    ApiSecret, CodeChanges, CodeStatus, Credential, Environment, ErrorKind, ProviderKind,
};
use qrdesk_providers::NewCode;

use crate::support::*;

const K: ProviderKind = ProviderKind::QrV1;

#[tokio::test]
async fn pages_of_one_and_of_the_maximum_reach_the_end() {
    let sim = sim().await;
    let p = for_account(&sim, K, "Team plan");
    let (one, pages) = walk(p.as_ref(), 1).await;
    assert_eq!((one.len(), pages), (25, 25));
    let (max, pages) = walk(p.as_ref(), 100).await;
    assert_eq!((max, pages), (one, 1));
    let first = p.list_page(None, 10).await.unwrap();
    assert_eq!((first.total, first.next.as_deref()), (Some(25), Some("2")));
    assert_eq!(p.verify().await.unwrap().codes_total, Some(25));
    sim.shutdown().await;
}

#[tokio::test]
async fn create_read_put_analytics_delete() {
    let sim = sim().await;
    let p = for_account(&sim, K, "Team plan");
    let made = p
        .create(&NewCode {
            name: "Menu".into(),
            destination: "https://example.com/menu".into(),
            client_ref: "o-1".into(),
        })
        .await
        .unwrap();
    assert!(made.content.contains("/r/"));
    assert!(made.scans_total.is_some());
    let edited = p
        .update(
            &made.remote_id,
            &CodeChanges {
                name: Some("Menu B".into()),
                destination: Some("https://example.com/b".into()),
                status: Some(CodeStatus::Paused),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (edited.name.as_str(), edited.destination.as_str(), edited.status),
        ("Menu B", "https://example.com/b", CodeStatus::Paused)
    );
    assert_eq!(p.get(&made.remote_id).await.unwrap().name, "Menu B");
    let (ids, _) = walk(p.as_ref(), 100).await;
    let from = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let s = p.analytics(&ids[0], from, from + chrono::Days::new(9)).await.unwrap();
    assert_eq!(s.days.len(), 10);
    assert_eq!(s.total_scans, Some(s.days.iter().map(|d| d.scans).sum()));
    p.delete(&made.remote_id).await.unwrap();
    expect_kind(p.get(&made.remote_id).await, ErrorKind::NotFound, "");
    expect_kind(
        p.update(&made.remote_id, &CodeChanges { name: Some("x".into()), ..Default::default() })
            .await,
        ErrorKind::NotFound,
        "",
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn team_tier_invalid_revoked_expired_and_validation() {
    let sim = sim().await;
    let starter = account(&sim, K, "Starter plan");
    let s = for_account(&sim, K, "Starter plan");
    let e = expect_kind(
        s.list_page(None, 10).await,
        ErrorKind::Forbidden,
        starter.key.as_deref().unwrap(),
    );
    let app: qrdesk_core::AppError = e.into();
    assert!(app.message.contains("Team tier"), "{}", app.message);

    let bogus = provider(
        &sim,
        K,
        Credential::Key(ApiSecret::new("0123456789abcdef0123456789abcdef")),
        None,
    );
    expect_kind(
        bogus.verify().await,
        ErrorKind::InvalidCredentials,
        "0123456789abcdef0123456789abcdef",
    );
    let k = sim.control().issue_key(K, Environment::Live, Some("team")).unwrap();
    let p = provider(&sim, K, Credential::Key(ApiSecret::new(k.clone())), None);
    p.verify().await.unwrap();
    sim.control().revoke_key(&k).unwrap();
    expect_kind(p.verify().await, ErrorKind::KeyRevoked, &k);
    let k2 = sim.control().issue_key(K, Environment::Live, Some("team")).unwrap();
    let p2 = provider(&sim, K, Credential::Key(ApiSecret::new(k2.clone())), None);
    sim.control().expire_key(&k2).unwrap();
    expect_kind(p2.verify().await, ErrorKind::KeyExpired, &k2);

    let team = for_account(&sim, K, "Team plan");
    let e = expect_kind(
        team.create(&NewCode {
            name: "x".into(),
            destination: "not a url".into(),
            client_ref: "r".into(),
        })
        .await,
        ErrorKind::Validation,
        "",
    );
    assert_eq!(e.status, Some(400));
    assert!(e.message.contains("destination"), "{}", e.message);
    sim.shutdown().await;
}
