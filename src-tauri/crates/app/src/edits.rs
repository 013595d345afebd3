//! Changing codes: edits, creates, CSV imports and deletes apply to the cache at once and wait in
//! the outbox (one transaction each, in `qrdesk-sync`); a find-and-replace over an account's
//! destinations is previewed, then applied through the service's bulk call or as queued edits.

use std::path::Path;

use qrdesk_core::{AccountId, AppError, CodeChanges, CodeId, QrCode};
use qrdesk_sync::{NewCodeInput, ReplaceOutcome, ReplacePreview, SyncEngine};

use crate::context::AppContext;
use crate::ipc::outbox::EditCodeRequest;

/// An outbox entry's id.
pub type EntryId = i64;

/// Applies an edit to the cache and queues it (the window's form); the code as it is now.
pub fn edit_code(ctx: &AppContext, request: &EditCodeRequest) -> Result<QrCode, AppError> {
    queue_edit(ctx, request.code, &request.changes)?;
    ctx.store().read(|c| qrdesk_store::codes::get(c, request.code))
}

/// Applies an edit to the cache and queues it; the outbox entry that carries it.
pub fn queue_edit(
    ctx: &AppContext,
    code: CodeId,
    changes: &CodeChanges,
) -> Result<EntryId, AppError> {
    if changes.is_empty() {
        return Err(AppError::bad_input("Nothing to change: give a name, destination or status"));
    }
    qrdesk_sync::edit_code(ctx.store(), code, changes)
}

/// A new code, created here and on the service at the next sync.
pub fn create_code(
    ctx: &AppContext,
    account: AccountId,
    name: String,
    destination: String,
) -> Result<(CodeId, EntryId), AppError> {
    qrdesk_sync::create_code(ctx.store(), account, &NewCodeInput { name, destination })
}

/// One queued create per CSV row (name and destination columns guessed unless named).
pub fn import_codes(
    ctx: &AppContext,
    account: AccountId,
    csv: &Path,
    name_column: Option<&str>,
    destination_column: Option<&str>,
) -> Result<Vec<(CodeId, EntryId)>, AppError> {
    let rows = qrdesk_sync::read_codes_csv(csv, name_column, destination_column)?;
    qrdesk_sync::create_codes(ctx.store(), account, &rows)
}

/// Deletes a code on its service at the next sync; `None` when it never reached the service
/// (it is dropped with its queued create).
pub fn delete_code(ctx: &AppContext, code: CodeId) -> Result<Option<EntryId>, AppError> {
    qrdesk_sync::delete_code(ctx.store(), code)
}

/// What a find-and-replace over an account's destinations would change.
pub fn preview_replace(
    ctx: &AppContext,
    account: AccountId,
    find: &str,
    replace: &str,
) -> Result<Vec<ReplacePreview>, AppError> {
    qrdesk_sync::preview_replace(ctx.store(), account, find, replace)
}

/// Applies a find-and-replace (one bulk request where the service has one).
pub async fn apply_replace(
    ctx: &AppContext,
    account: AccountId,
    find: &str,
    replace: &str,
) -> Result<ReplaceOutcome, AppError> {
    let connector = ctx.connector();
    SyncEngine::new(ctx.store(), &connector).apply_replace(account, find, replace).await
}
