use qrdesk_app::sync_service::{
    self, ConflictDetail, EditCodeRequest, KeychainConnector, ResolveRequest, SyncProgress,
    SyncRequest,
};
use qrdesk_app::sync_view::{self, SyncOverview};
use qrdesk_core::{OutboxEntry, QrCode};
use qrdesk_sync::{CancellationToken, SyncEngine, SyncOptions};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use super::CmdResult;
use crate::state::DesktopState;

#[tauri::command]
pub fn sync_status(state: State<'_, DesktopState>) -> CmdResult<SyncOverview> {
    sync_view::sync_status(state.ctx()?, &state.syncing())
}

/// Starts a sync in the background (all accounts, or one) and returns at once; progress comes
/// as `sync://progress` events. A sync already running is left to finish.
#[tauri::command]
pub fn start_sync<R: Runtime>(app: AppHandle<R>, request: SyncRequest) -> CmdResult<()> {
    let state = app.state::<DesktopState>();
    state.ctx()?;
    let Some(cancel) = state.begin_sync(request.account) else { return Ok(()) };
    tauri::async_runtime::spawn(run_sync(app.clone(), request.account, cancel));
    Ok(())
}

#[tauri::command]
pub fn cancel_sync(state: State<'_, DesktopState>) {
    state.cancel_sync();
}

/// One sync run: events per account, the state's running list kept current, errors reported
/// on their accounts (never as a crash of the run).
pub async fn run_sync<R: Runtime>(
    app: AppHandle<R>,
    account: Option<i64>,
    cancel: CancellationToken,
) {
    let state = app.state::<DesktopState>();
    if let (Ok(ctx), Ok(secrets)) = (state.ctx(), state.secrets()) {
        let connector = KeychainConnector::new(ctx.store(), secrets);
        let emitter = app.clone();
        let engine = SyncEngine::new(ctx.store(), &connector)
            .with_cancel(cancel.clone())
            .with_progress(std::sync::Arc::new(move |e| {
                let _ = emitter.emit("sync://progress", SyncProgress::of(e));
            }));
        let options =
            SyncOptions { accounts: account.into_iter().collect(), ..SyncOptions::default() };
        match engine.sync(&options).await {
            Ok(report) => {
                for a in &report.accounts {
                    let error = a
                        .errors
                        .first()
                        .map(|i| qrdesk_core::AppError::with_message(i.kind, i.message.clone()));
                    let _ = app.emit(
                        "sync://progress",
                        SyncProgress::finished(a.account, error, report.cancelled),
                    );
                }
            }
            Err(e) => {
                for id in account.into_iter() {
                    let _ = app.emit(
                        "sync://progress",
                        SyncProgress::finished(id, Some(e.clone()), false),
                    );
                }
            }
        }
    }
    state.end_sync();
}

#[tauri::command]
pub fn edit_code(state: State<'_, DesktopState>, request: EditCodeRequest) -> CmdResult<QrCode> {
    sync_service::edit_code(state.ctx()?, &request)
}

#[tauri::command]
pub async fn retry_outbox(state: State<'_, DesktopState>, entry: i64) -> CmdResult<OutboxEntry> {
    let ctx = state.ctx()?;
    let connector = KeychainConnector::new(ctx.store(), state.secrets()?);
    let outcome = SyncEngine::new(ctx.store(), &connector).retry(entry).await?;
    match outcome.entry {
        Some(e) => Ok(e),
        None => Ok(ctx.store().read(|c| qrdesk_store::outbox::get(c, entry))?),
    }
}

#[tauri::command]
pub async fn discard_outbox(state: State<'_, DesktopState>, entry: i64) -> CmdResult<()> {
    let ctx = state.ctx()?;
    let connector = KeychainConnector::new(ctx.store(), state.secrets()?);
    SyncEngine::new(ctx.store(), &connector).discard(entry).await.map(|_| ())
}

#[tauri::command]
pub fn outbox_conflict(state: State<'_, DesktopState>, entry: i64) -> CmdResult<ConflictDetail> {
    sync_service::conflict_detail(state.ctx()?, entry)
}

#[tauri::command]
pub async fn resolve_conflict(
    state: State<'_, DesktopState>,
    request: ResolveRequest,
) -> CmdResult<()> {
    let ctx = state.ctx()?;
    let connector = KeychainConnector::new(ctx.store(), state.secrets()?);
    SyncEngine::new(ctx.store(), &connector)
        .resolve(request.entry, request.choice.keep())
        .await
        .map(|_| ())
}
