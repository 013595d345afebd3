//! Sync: a run of the window (registered, with progress events, then the overview), the CLI's
//! run, and one sync at a time.

use std::sync::{Arc, Mutex};

use qrdesk_app::ipc::sync::{SyncPhase, SyncProgress};
use qrdesk_app::sync;
use qrdesk_core::ProviderKind;

use crate::support::World;

#[tokio::test]
async fn a_window_run_reports_progress_fills_the_library_and_shows_in_the_overview() {
    let w = World::new().await;
    let account = w.account(ProviderKind::QrCodePro, "Shop").await;
    let events: Arc<Mutex<Vec<SyncProgress>>> = Arc::default();
    let seen = events.clone();
    let run = sync::begin_run(&w.ctx, None).expect("nothing runs yet");
    assert!(sync::begin_run(&w.ctx, Some(account.id)).is_none(), "one run at a time");
    assert!(sync::sync_status(&w.ctx).unwrap().accounts[0].running);
    run.run(&w.ctx, Arc::new(move |p| seen.lock().unwrap().push(p))).await;

    let events = events.lock().unwrap();
    let last = events.last().expect("events");
    assert_eq!((last.account, last.phase), (account.id, SyncPhase::Done), "{events:?}");
    assert!(events.iter().any(|e| e.phase == SyncPhase::Listing));
    let overview = sync::sync_status(&w.ctx).unwrap();
    assert!(overview.online);
    let line = &overview.accounts[0];
    assert!(!line.running && line.last_sync_at.is_some() && line.last_error.is_none());
    assert_eq!(line.codes, 6);
    assert!(sync::begin_run(&w.ctx, None).is_some(), "the registration ended with the run");
}

#[tokio::test]
async fn the_cli_run_syncs_the_named_accounts() {
    let w = World::new().await;
    let a = w.account(ProviderKind::QrV1, "Team").await;
    let report = sync::sync_accounts(&w.ctx, vec![a.id], 7, None).await.unwrap();
    assert!(!report.is_partial(), "{report:?}");
    assert_eq!(report.counts.codes_added, 6);
}
