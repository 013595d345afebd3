//! Failures: a key revoked mid-sync, remote deletes, and random faults that must not leave the
//! cache different from the service.

use qrdesk_testkit::SeededAccount;
use std::sync::Arc;

use qrdesk_core::{AccountStatus, ErrorKind, ProviderKind};
use qrdesk_sim::{CodeEdit, Fault, FaultKind, SimConfig};
use qrdesk_sync::{Phase, SyncEngine, SyncOptions};

use crate::support::*;

#[tokio::test]
async fn a_key_revoked_mid_sync_is_reported_on_its_account_and_the_others_sync() {
    let env = env_with(
        SimConfig {
            codes_per_account: 60,
            rate_limits: qrdesk_sim::RateLimitMode::Off,
            ..SimConfig::default()
        },
        &["QRCodePro – live", "Team plan"],
    )
    .await;
    let victim = env.account("QRCodePro – live");
    let other = env.account("Team plan");
    let key =
        env.connector.find(ProviderKind::QrCodePro, &victim.label).unwrap().1.secret().unwrap();
    let control = env.sim.control();
    let victim_id = victim.id;
    let engine = SyncEngine::new(&env.store, &env.connector).with_progress(Arc::new(move |e| {
        if e.account == victim_id && e.phase == Phase::List && e.pages_done == 2 {
            control.revoke_key(key.expose()).unwrap();
        }
    }));
    let options = SyncOptions { page_size: 10, analytics: false, ..SyncOptions::default() };
    let report = engine.sync(&options).await.unwrap();
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    assert_eq!(
        (report.errors[0].account, report.errors[0].kind),
        (victim.id, ErrorKind::KeyRevoked)
    );
    let per_account = report.accounts.iter().find(|a| a.account == other.id).unwrap();
    assert!(per_account.errors.is_empty());
    assert_eq!(per_account.counts.codes_added, 60);
    assert_eq!(env.local_codes(victim.id).len(), 20, "pages before the revoke are kept");
    let stored =
        env.store.read(|c| qrdesk_store::accounts::get(c, victim.id, chrono::Utc::now())).unwrap();
    assert_eq!(stored.status, AccountStatus::Error);
    assert_eq!(stored.last_error.map(|e| e.kind), Some(ErrorKind::KeyRevoked));
    env.sim.shutdown().await;
}

#[tokio::test]
async fn random_faults_still_end_with_the_cache_equal_to_the_service() {
    let env = env(&["QRCodePro – live", "Main workspace (Bearer)"]).await;
    let qrcp = env.account("QRCodePro – live");
    let exr = env.account("Main workspace (Bearer)");
    let control = env.sim.control();
    env.sync().await;
    // The service changes behind our back: edits, a delete, new codes.
    let ids = control.code_ids(ProviderKind::QrCodePro, Some("live")).unwrap();
    control
        .edit_code(
            ProviderKind::QrCodePro,
            &ids[0],
            CodeEdit { name: Some("Edited there".into()), ..CodeEdit::default() },
        )
        .unwrap();
    control.delete_code(ProviderKind::QrCodePro, &ids[1]).unwrap();
    control.add_codes(ProviderKind::QrCodePro, 7).unwrap();
    let exr_ids = control.code_ids(ProviderKind::ExaRoutes, exr.workspace.as_deref()).unwrap();
    control.delete_code(ProviderKind::ExaRoutes, &exr_ids[2]).unwrap();
    for kind in [
        FaultKind::ServerError { status: 502 },
        FaultKind::TruncatedBody,
        FaultKind::DropConnection,
        FaultKind::NonJsonBody { status: 200 },
    ] {
        control.inject_fault(Fault::probability(kind, 0.06));
    }
    control.inject_fault(Fault::probability(FaultKind::Latency { ms: 3_500 }, 0.02));
    let options = SyncOptions { page_size: 10, analytics_days: 7, ..SyncOptions::default() };
    let mut clean = false;
    for _ in 0..8 {
        let report = env.engine().sync(&options).await.unwrap();
        if report.errors.is_empty() {
            clean = true;
            break;
        }
        assert!(report.errors.iter().all(|e| e.kind.is_transient()), "{:?}", report.errors);
    }
    assert!(clean, "a sync eventually gets through");
    control.clear_faults();
    env.assert_cache_matches_service(qrcp.id).await;
    env.assert_cache_matches_service(exr.id).await;
    let deleted = env.code_by_remote(qrcp.id, &ids[1]);
    assert!(deleted.deleted, "a code deleted on the service is kept, marked deleted");
    env.sim.shutdown().await;
}
