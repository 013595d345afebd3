use std::sync::Arc;

use qrdesk_app::ipc::events::SYNC_PROGRESS;
use qrdesk_app::ipc::outbox::{ConflictDetail, EditCodeRequest, ResolveRequest};
use qrdesk_app::ipc::sync::{SyncOverview, SyncRequest};
use qrdesk_app::sync::{self, ProgressHandler, SyncRun};
use qrdesk_app::{edits, outbox};
use qrdesk_core::{OutboxEntry, QrCode};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use super::CmdResult;
use crate::state::DesktopState;

#[tauri::command]
pub fn sync_status(state: State<'_, DesktopState>) -> CmdResult<SyncOverview> {
    sync::sync_status(state.ctx()?)
}

/// Starts a sync in the background (all accounts, or one) and returns at once; progress comes
/// as `sync://progress` events. A sync already running is left to finish.
#[tauri::command]
pub fn start_sync<R: Runtime>(app: AppHandle<R>, request: SyncRequest) -> CmdResult<()> {
    let state = app.state::<DesktopState>();
    if let Some(run) = sync::begin_run(state.ctx()?, request.account) {
        tauri::async_runtime::spawn(run_in_background(app.clone(), run));
    }
    Ok(())
}

async fn run_in_background<R: Runtime>(app: AppHandle<R>, run: SyncRun) {
    let state = app.state::<DesktopState>();
    if let Ok(ctx) = state.ctx() {
        run.run(ctx, emitter(&app)).await;
    }
}

/// Sync progress as `sync://progress` events.
pub fn emitter<R: Runtime>(app: &AppHandle<R>) -> ProgressHandler {
    let app = app.clone();
    Arc::new(move |p| {
        let _ = app.emit(SYNC_PROGRESS, p);
    })
}

#[tauri::command]
pub fn cancel_sync(state: State<'_, DesktopState>) -> CmdResult<()> {
    sync::cancel_sync(state.ctx()?);
    Ok(())
}

#[tauri::command]
pub fn edit_code(state: State<'_, DesktopState>, request: EditCodeRequest) -> CmdResult<QrCode> {
    edits::edit_code(state.ctx()?, &request)
}

#[tauri::command]
pub async fn retry_outbox(state: State<'_, DesktopState>, entry: i64) -> CmdResult<OutboxEntry> {
    outbox::retry_entry(state.ctx()?, entry).await
}

#[tauri::command]
pub async fn discard_outbox(state: State<'_, DesktopState>, entry: i64) -> CmdResult<()> {
    outbox::discard(state.ctx()?, entry).await.map(|_| ())
}

#[tauri::command]
pub fn outbox_conflict(state: State<'_, DesktopState>, entry: i64) -> CmdResult<ConflictDetail> {
    outbox::conflict_detail(state.ctx()?, entry)
}

#[tauri::command]
pub async fn resolve_conflict(
    state: State<'_, DesktopState>,
    request: ResolveRequest,
) -> CmdResult<()> {
    outbox::resolve(state.ctx()?, request.entry, request.choice).await.map(|_| ())
}
