//! Full sync of every QR service, the cost of an unchanged re-sync, and resuming a pass.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use qrdesk_core::ErrorKind;
use qrdesk_store::codes::{self, CodeFilter};
use qrdesk_store::{analytics, search_index, sync_state};
use qrdesk_sync::{CancellationToken, Phase, SyncEngine, SyncOptions};

use crate::support::*;

const LIST_ROUTES: [&str; 4] = [
    "GET /qr-v1/api/v1/qr",
    "GET /qrcodepro/v1/qrcodes",
    "GET /iloveqr/api/v1/organizations/{org}/qr-codes",
    "GET /exaroutes/api/qr/codes",
];

#[tokio::test]
async fn every_qr_service_syncs_fully_and_an_unchanged_resync_costs_only_list_pages() {
    let labels: Vec<&str> = QR_ACCOUNTS.iter().map(|(_, l)| *l).collect();
    let env = env(&labels).await;
    let report = env.sync().await;
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.accounts.len(), 4);
    assert_eq!(report.counts.codes_added, 100);
    assert_eq!(report.counts.analytics_fetched, 100, "first sync fetches every code's analytics");
    // Requests reported = requests the simulator served.
    let served: u64 = env.sim.control().request_counts().values().sum();
    assert_eq!(report.counts.requests, served);
    for (_, label) in QR_ACCOUNTS {
        let account = env.account(label);
        env.assert_cache_matches_service(account.id).await;
        let code = &env.local_codes(account.id)[0];
        let today = chrono::Utc::now().date_naive();
        let from = today - chrono::Days::new(89);
        let series = env.store.read(|c| analytics::load_series(c, code.id, from, today)).unwrap();
        assert!(!series.days.is_empty(), "{label}: daily scans cached");
        assert!(series.days.iter().all(|d| d.date >= from && d.date <= today));
        assert!(!env.store.read(|c| sync_state::get(c, account.id)).unwrap().in_progress());
    }

    env.sim.control().reset_counts();
    let again = env.sync().await;
    assert!(again.errors.is_empty(), "{:?}", again.errors);
    let counts = env.sim.control().request_counts();
    assert!(
        counts.keys().all(|route| LIST_ROUTES.contains(&route.as_str())),
        "an unchanged re-sync sends list requests only: {counts:?}"
    );
    assert_eq!(counts.values().sum::<u64>(), 4, "one page per account");
    assert_eq!(
        (again.counts.codes_added, again.counts.codes_updated, again.counts.analytics_fetched),
        (0, 0, 0)
    );

    // Scans moved: services with totals in the list refetch, ExaRoutes waits for tomorrow.
    env.sim.control().grow_scans(3);
    let moved = env.sync().await;
    assert_eq!(moved.counts.analytics_fetched, 75, "{:?}", moved.accounts);
    assert_eq!(count(&env.sim, "GET", "exaroutes/api/qr/codes/{id}/analytics"), 0);

    // Opening an ExaRoutes code refreshes its analytics whatever the day.
    let exr = env.account("Main workspace (Bearer)");
    let code = &env.local_codes(exr.id)[0];
    let series = env.engine().refresh_code_analytics(code.id, 30).await.unwrap();
    assert!(series.days.len() <= 30 && !series.days.is_empty());
    assert_eq!(count(&env.sim, "GET", "exaroutes/api/qr/codes/{id}/analytics"), 1);
    env.sim.shutdown().await;
}

#[tokio::test]
async fn an_interrupted_pass_resumes_from_its_checkpoint() {
    let env = env(&["QRCodePro – live"]).await;
    let account = env.account("QRCodePro – live");
    let cancel = CancellationToken::new();
    let pages = Arc::new(AtomicU64::new(0));
    let (token, seen) = (cancel.clone(), pages.clone());
    let engine = SyncEngine::new(&env.store, &env.connector)
        .with_cancel(cancel.clone())
        .with_progress(Arc::new(move |e| {
            if e.phase == Phase::List {
                seen.store(e.pages_done, Ordering::SeqCst);
                if e.pages_done == 2 {
                    token.cancel();
                }
            }
        }));
    let options = SyncOptions { page_size: 5, analytics: false, ..SyncOptions::default() };
    let report = engine.sync(&options).await.unwrap();
    assert!(report.cancelled);
    assert!(report.errors.is_empty(), "cancelling is not an error: {:?}", report.errors);
    assert_eq!(pages.load(Ordering::SeqCst), 2);
    let state = env.store.read(|c| sync_state::get(c, account.id)).unwrap();
    assert!(state.in_progress());
    assert_eq!(state.page, Some(2));
    assert_eq!(env.local_codes(account.id).len(), 10, "two pages written, each whole");
    // The first pass deferred the search index; cancelling rebuilt it, so what was written is found.
    assert!(!env.store.read(search_index::is_deferred).unwrap());
    let first = env.local_codes(account.id)[0].name.clone();
    let filter = CodeFilter { search: Some(first.clone()), ..CodeFilter::default() };
    let found = env.store.read(|c| codes::list(c, &filter)).unwrap();
    assert!(found.iter().any(|c| c.name == first), "{first:?} is searchable after a cancel");

    // A fault on the next page interrupts again without losing the checkpoint.
    env.sim.control().inject_fault(qrdesk_sim::Fault::next(
        qrdesk_sim::FaultKind::ServerError { status: 503 },
        20,
    ));
    let failed = env.engine().sync(&options).await.unwrap();
    assert_eq!(failed.errors.len(), 1);
    assert_eq!(failed.errors[0].kind, ErrorKind::ServerError);
    assert_eq!(env.store.read(|c| sync_state::get(c, account.id)).unwrap().page, Some(2));
    env.sim.control().clear_faults();

    env.sim.control().reset_counts();
    let resumed = env.engine().sync(&options).await.unwrap();
    assert!(resumed.errors.is_empty(), "{:?}", resumed.errors);
    assert_eq!(count(&env.sim, "GET", "/qrcodepro/v1/qrcodes"), 3, "pages 3 to 5 only");
    assert_eq!(resumed.counts.codes_added, 15);
    assert_eq!(
        resumed.counts.codes_deleted, 0,
        "codes of the first pages are not taken as deleted"
    );
    env.assert_cache_matches_service(account.id).await;
    env.sim.shutdown().await;
}

#[tokio::test]
async fn announced_limits_are_obeyed_without_a_single_429() {
    let limits =
        qrdesk_sim::RateLimitMode::Scaled { limit: 10, window: std::time::Duration::from_secs(1) };
    let env = env_with(
        qrdesk_sim::SimConfig { rate_limits: limits, ..Default::default() },
        &["QRCodePro – live"],
    )
    .await;
    let report = env.sync().await;
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    // QRCodePro's analytics take two requests per code (totals, then the daily series).
    assert_eq!(report.counts.requests, 1 + 2 * 25, "the minimum: nothing was refused and resent");
    assert!(report.counts.rate_limit_waits > 0, "the sync paced itself");
    env.sim.shutdown().await;
}

/// Security review, wrong answer 3: ExaRoutes lists no scan totals, so a code's total is the sum
/// of its synced days, labelled with that window; a re-sync keeps it.
#[tokio::test]
async fn exaroutes_codes_get_the_total_of_their_synced_days() {
    let env = env(&["Main workspace (Bearer)"]).await;
    let report = env.sync().await;
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let account = env.account("Main workspace (Bearer)");
    let check = |env: &Env| {
        for code in env.local_codes(account.id) {
            let today = chrono::Utc::now().date_naive();
            let from = today - chrono::Days::new(89);
            let series =
                env.store.read(|c| analytics::load_series(c, code.id, from, today)).unwrap();
            let sum: i64 = series.days.iter().map(|d| d.scans).sum();
            assert_eq!(code.scans_total, Some(sum), "{}", code.name);
            assert_eq!(code.scans_window_days, Some(90), "{}", code.name);
        }
    };
    check(&env);
    env.sync().await;
    check(&env);
}
