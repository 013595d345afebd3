//! Syncing: one run over every account or one (with progress for the window or a terminal), the
//! per-account overview, cancelling, and the window's background schedule. The engine itself
//! (plan, pull, push) is `qrdesk-sync`; this file wires it to the context's connector and job
//! registry and words its events for the Sync screen.

use std::sync::Arc;
use std::time::Duration;

use qrdesk_core::{AccountId, AppError, ErrorKind};
use qrdesk_store::codes::{self, CodeFilter};
use qrdesk_store::sync_state;
use qrdesk_sync::{Phase, ProgressEvent, SyncEngine, SyncOptions};

use crate::accounts::list_accounts;
use crate::context::AppContext;
use crate::ipc::sync::{AccountSync, SyncOverview, SyncPhase, SyncProgress};
use crate::jobs::Syncing;

pub use qrdesk_sync::{Phase as EnginePhase, ProgressEvent as EngineProgress, SyncReport};

/// Where a run's events go (the window emits them as `sync://progress`).
pub type ProgressHandler = Arc<dyn Fn(SyncProgress) + Send + Sync>;

/// Syncs the given accounts (all when empty) once; `on_progress` sees the engine's events as
/// they come (a terminal's status line). The CLI's `qrdesk sync`.
pub async fn sync_accounts(
    ctx: &AppContext,
    accounts: Vec<AccountId>,
    analytics_days: u32,
    on_progress: Option<qrdesk_sync::ProgressSink>,
) -> Result<SyncReport, AppError> {
    let connector = ctx.connector();
    let mut engine = SyncEngine::new(ctx.store(), &connector);
    if let Some(sink) = on_progress {
        engine = engine.with_progress(sink);
    }
    engine.sync(&SyncOptions { accounts, analytics_days, ..SyncOptions::default() }).await
}

/// Sends `account`'s outbox and lists its codes, without analytics (a campaign's step: the
/// creates go out, the short links come back).
pub async fn push_and_list(ctx: &AppContext, account: AccountId) -> Result<SyncReport, AppError> {
    let connector = ctx.connector();
    let engine = SyncEngine::new(ctx.store(), &connector);
    engine
        .sync(&SyncOptions { accounts: vec![account], analytics: false, ..SyncOptions::default() })
        .await
}

/// A run of the window's, registered in the context's jobs (so [`cancel_sync`] and
/// [`sync_status`] see it) but not started yet: the shell spawns [`SyncRun::run`].
#[must_use = "a registered run must be run, or the next one never starts"]
pub struct SyncRun {
    account: Option<AccountId>,
    cancel: qrdesk_sync::CancellationToken,
}

/// Registers a run over one account or every account; `None` when one is already running (it is
/// left to finish).
pub fn begin_run(ctx: &AppContext, account: Option<AccountId>) -> Option<SyncRun> {
    let cancel = ctx.jobs().begin_sync(account)?;
    Some(SyncRun { account, cancel })
}

impl SyncRun {
    /// Runs it: events per account, errors reported on their accounts (never as a crash of the
    /// run); the registration ends with it.
    pub async fn run(self, ctx: &AppContext, on_progress: ProgressHandler) {
        let SyncRun { account, cancel } = self;
        let connector = ctx.connector();
        let events = on_progress.clone();
        let engine = SyncEngine::new(ctx.store(), &connector)
            .with_cancel(cancel)
            .with_progress(Arc::new(move |e: &ProgressEvent| events(progress_of(e))));
        let options =
            SyncOptions { accounts: account.into_iter().collect(), ..SyncOptions::default() };
        match engine.sync(&options).await {
            Ok(report) => {
                for a in &report.accounts {
                    let error =
                        a.errors.first().map(|i| AppError::with_message(i.kind, i.message.clone()));
                    on_progress(finished(a.account, error, report.cancelled));
                }
            }
            Err(e) => {
                if let Some(id) = account {
                    on_progress(finished(id, Some(e.clone()), false));
                }
            }
        }
        // Campaigns whose codes this sync confirmed are printed now (their own step would sync
        // again); one that cannot print stays waiting for its next step.
        let _ = crate::campaigns::print_ready_campaigns(ctx);
        ctx.jobs().end_sync();
    }
}

/// Stops the running sync at its next safe point.
pub fn cancel_sync(ctx: &AppContext) {
    ctx.jobs().cancel_sync();
}

/// How often the window syncs on its own while it is open.
pub const BACKGROUND_SYNC_EVERY: Duration = Duration::from_secs(10 * 60);
/// How long after start the window's first sync waits (the window comes up first).
pub const BACKGROUND_SYNC_FIRST: Duration = Duration::from_secs(3);

/// The window's schedule: a sync shortly after start, then every [`BACKGROUND_SYNC_EVERY`],
/// when there are accounts with codes and no sync is running. Offline is not an error worth a
/// dialog: the failure is recorded on the account and the Sync screen shows "offline". Never
/// returns.
pub async fn background_schedule(ctx: &AppContext, on_progress: ProgressHandler) {
    tokio::time::sleep(BACKGROUND_SYNC_FIRST).await;
    loop {
        let has_accounts =
            list_accounts(ctx).is_ok_and(|all| all.iter().any(|a| a.provider.has_codes()));
        if has_accounts {
            if let Some(run) = begin_run(ctx, None) {
                run.run(ctx, on_progress.clone()).await;
            }
        }
        tokio::time::sleep(BACKGROUND_SYNC_EVERY).await;
    }
}

/// The screen's view of an engine event.
pub fn progress_of(e: &ProgressEvent) -> SyncProgress {
    let (phase, done, total) = match e.phase {
        Phase::Push => (SyncPhase::Outbox, e.pushed, None),
        Phase::List => (SyncPhase::Listing, e.codes, None),
        Phase::Analytics => (SyncPhase::Analytics, e.analytics_done, Some(e.analytics_total)),
        Phase::Finished => (SyncPhase::Done, e.codes, Some(e.codes)),
    };
    SyncProgress { account: e.account, phase, done, total, error: None }
}

/// The final event of an account: done, failed (with the error) or cancelled.
pub fn finished(account: AccountId, error: Option<AppError>, cancelled: bool) -> SyncProgress {
    let phase = match (&error, cancelled) {
        (_, true) => SyncPhase::Cancelled,
        (Some(_), _) => SyncPhase::Failed,
        (None, _) => SyncPhase::Done,
    };
    SyncProgress { account, phase, done: 0, total: None, error }
}

/// Per-account last sync and errors, whether the services were reachable, and which accounts
/// the running sync covers.
pub fn sync_status(ctx: &AppContext) -> Result<SyncOverview, AppError> {
    let accounts = list_accounts(ctx)?;
    let syncing = ctx.jobs().syncing();
    let mut out = Vec::with_capacity(accounts.len());
    for a in accounts.iter().filter(|a| a.provider.has_codes()) {
        let (state, count) = ctx.store().read(|c| {
            let state = sync_state::get(c, a.id)?;
            let f = CodeFilter { account: Some(a.id), ..Default::default() };
            Ok((state, codes::count(c, &f)?))
        })?;
        let last_error = state.last_error_kind.as_deref().and_then(ErrorKind::parse).map(|k| {
            AppError::with_message(k, state.last_error_message.clone().unwrap_or_default())
        });
        out.push(AccountSync {
            account: a.id,
            last_sync_at: state.last_success_at,
            last_error,
            running: match syncing {
                Syncing::Nothing => false,
                Syncing::One(id) => id == a.id,
                Syncing::Every => true,
            },
            codes: count,
        });
    }
    let tried: Vec<&AccountSync> =
        out.iter().filter(|s| s.last_sync_at.is_some() || s.last_error.is_some()).collect();
    let online = tried.is_empty()
        || tried.iter().any(|s| s.last_error.as_ref().is_none_or(|e| e.kind != ErrorKind::Network));
    Ok(SyncOverview { online, accounts: out })
}
