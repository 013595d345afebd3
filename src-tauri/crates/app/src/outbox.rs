//! The outbox: edits waiting to reach the services (the Sync screen's list, a code's pending
//! edits, `qrdesk outbox …`), and acting on one: send it again, drop it, or settle a conflict by
//! keeping one side.

use qrdesk_core::{AppError, OutboxEntry};
use qrdesk_store::outbox;
use qrdesk_sync::{ConflictView, EntryOutcome, Keep, SyncEngine};

use crate::context::AppContext;
use crate::edits::EntryId;
use crate::ipc::outbox::{CodeVersion, ConflictChoice, ConflictDetail, OutboxFilter};

/// Waiting entries of one account and/or one code (both `None` = all).
pub fn list_outbox(ctx: &AppContext, filter: &OutboxFilter) -> Result<Vec<OutboxEntry>, AppError> {
    let entries = ctx.store().read(|c| outbox::list(c, filter.account, false))?;
    Ok(entries.into_iter().filter(|e| filter.code.is_none_or(|code| e.code == code)).collect())
}

/// Every entry; with `include_done`, those the services already confirmed too.
pub fn list_all(ctx: &AppContext, include_done: bool) -> Result<Vec<OutboxEntry>, AppError> {
    ctx.store().read(|c| outbox::list(c, None, include_done))
}

pub fn get_entry(ctx: &AppContext, entry: EntryId) -> Result<OutboxEntry, AppError> {
    ctx.store().read(|c| outbox::get(c, entry))
}

/// Sends an entry again now.
pub async fn retry(ctx: &AppContext, entry: EntryId) -> Result<EntryOutcome, AppError> {
    let connector = ctx.connector();
    SyncEngine::new(ctx.store(), &connector).retry(entry).await
}

/// Sends an entry again; the entry as it is afterwards (the window's answer).
pub async fn retry_entry(ctx: &AppContext, entry: EntryId) -> Result<OutboxEntry, AppError> {
    match retry(ctx, entry).await?.entry {
        Some(e) => Ok(e),
        None => get_entry(ctx, entry),
    }
}

/// Drops an entry without sending it (the code is refreshed from its service).
pub async fn discard(ctx: &AppContext, entry: EntryId) -> Result<EntryOutcome, AppError> {
    let connector = ctx.connector();
    SyncEngine::new(ctx.store(), &connector).discard(entry).await
}

/// Settles a conflict by keeping one side.
pub async fn resolve(
    ctx: &AppContext,
    entry: EntryId,
    choice: ConflictChoice,
) -> Result<EntryOutcome, AppError> {
    let keep = match choice {
        ConflictChoice::KeepMine => Keep::Local,
        ConflictChoice::KeepTheirs => Keep::Remote,
    };
    let connector = ctx.connector();
    SyncEngine::new(ctx.store(), &connector).resolve(entry, keep).await
}

/// Both versions of a conflicting entry's code.
pub fn conflict_detail(ctx: &AppContext, entry: EntryId) -> Result<ConflictDetail, AppError> {
    let ConflictView { entry: e, local, remote } = qrdesk_sync::conflict_view(ctx.store(), entry)?;
    let remote = remote.ok_or_else(|| {
        AppError::bad_input(format!(
            "Outbox entry #{entry} is not a conflict (or the service's version is not known yet); sync to refresh it"
        ))
    })?;
    Ok(ConflictDetail {
        entry: e.id,
        code: local.id,
        mine: CodeVersion {
            name: local.name,
            destination: local.destination,
            status: local.status,
            updated_at: Some(local.updated_at),
        },
        theirs: CodeVersion {
            name: remote.name,
            destination: remote.destination,
            status: remote.status,
            updated_at: remote.updated_at,
        },
    })
}

pub use qrdesk_sync::EntryOutcome as OutboxOutcome;
