//! QRCodePro: live/test separation, page/limit, PATCH edits, summary + time series.

use chrono::NaiveDate;
use qrdesk_core::{
    ApiSecret, CodeChanges, CodeStatus, Credential, Environment, ErrorKind, ProviderKind,
};
use qrdesk_providers::NewCode;

use crate::support::*;

const K: ProviderKind = ProviderKind::QrCodePro;

#[tokio::test]
async fn live_and_test_keys_see_separate_data() {
    let sim = sim().await;
    let live = for_account(&sim, K, "live");
    let test = for_account(&sim, K, "test");
    assert_eq!(live.verify().await.unwrap().environment, Environment::Live);
    assert_eq!(test.verify().await.unwrap().environment, Environment::Test);
    let (live_ids, pages) = walk(live.as_ref(), 1).await;
    assert_eq!((live_ids.len(), pages), (25, 25));
    let (test_ids, pages) = walk(test.as_ref(), 100).await;
    assert_eq!((test_ids.len(), pages), (25, 1));
    assert!(live_ids.iter().all(|id| !test_ids.contains(id)), "live and test data overlap");
    // A code made with the test key is invisible to the live key.
    let made = test
        .create(&NewCode {
            name: "Test only".into(),
            destination: "https://example.com/t".into(),
            client_ref: "t1".into(),
        })
        .await
        .unwrap();
    expect_kind(live.get(&made.remote_id).await, ErrorKind::NotFound, "");
    assert_eq!(test.get(&made.remote_id).await.unwrap().name, "Test only");
    sim.shutdown().await;
}

#[tokio::test]
async fn patch_edits_analytics_and_delete() {
    let sim = sim().await;
    let p = for_account(&sim, K, "live");
    let made = p
        .create(&NewCode {
            name: "Poster".into(),
            destination: "https://example.com/p".into(),
            client_ref: "c1".into(),
        })
        .await
        .unwrap();
    assert!(made.content.starts_with("https://qrcp.io/"));
    let e = p
        .update(
            &made.remote_id,
            &CodeChanges {
                destination: Some("https://example.com/q".into()),
                status: Some(CodeStatus::Draft),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!((e.destination.as_str(), e.status), ("https://example.com/q", CodeStatus::Draft));
    let (ids, _) = walk(p.as_ref(), 100).await;
    let from = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
    let s = p.analytics(&ids[0], from, from + chrono::Days::new(13)).await.unwrap();
    assert_eq!(s.days.len(), 14);
    assert!(s.total_scans.is_some() && s.unique_scans.is_some());
    assert!(s.breakdowns.iter().any(|b| b.kind == qrdesk_core::BreakdownKind::Device));
    p.delete(&made.remote_id).await.unwrap();
    expect_kind(p.delete(&made.remote_id).await, ErrorKind::NotFound, "");
    sim.shutdown().await;
}

#[tokio::test]
async fn auth_and_validation_errors() {
    let sim = sim().await;
    let bogus =
        provider(&sim, K, Credential::Key(ApiSecret::new("qrcp_live_00000000000000000000")), None);
    expect_kind(
        bogus.verify().await,
        ErrorKind::InvalidCredentials,
        "qrcp_live_00000000000000000000",
    );
    let k = sim.control().issue_key(K, Environment::Live, None).unwrap();
    let p = provider(&sim, K, Credential::Key(ApiSecret::new(k.clone())), None);
    sim.control().revoke_key(&k).unwrap();
    expect_kind(p.list_page(None, 5).await, ErrorKind::KeyRevoked, &k);
    let k2 = sim.control().issue_key(K, Environment::Test, None).unwrap();
    let p2 = provider(&sim, K, Credential::Key(ApiSecret::new(k2.clone())), None);
    sim.control().expire_key(&k2).unwrap();
    expect_kind(p2.list_page(None, 5).await, ErrorKind::KeyExpired, &k2);
    let live = for_account(&sim, K, "live");
    let e = expect_kind(
        live.create(&NewCode {
            name: "".into(),
            destination: "https://example.com".into(),
            client_ref: "v".into(),
        })
        .await,
        ErrorKind::Validation,
        "",
    );
    assert!(matches!(e.status, Some(400) | Some(422)));
    sim.shutdown().await;
}
