//! The `outbox` table: local edits waiting for their service.
//!
//! Callers write the local change and [`enqueue`] in the same transaction, so an edit is either
//! both applied and queued, or neither.

use chrono::{DateTime, Utc};
use qrdesk_core::outbox::OutboxId;
use qrdesk_core::{AccountId, CodeChanges, CodeId, ErrorKind, OutboxEntry, OutboxOp, OutboxState};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::StoreError;
use crate::timestamps::{parse_opt, parse_ts, ts};

/// A new entry.
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub account: AccountId,
    pub code: CodeId,
    pub op: OutboxOp,
    pub changes: CodeChanges,
    pub base_updated_at: Option<DateTime<Utc>>,
    /// Unique id the service can deduplicate creates on.
    pub client_ref: String,
}

const SELECT: &str =
    "SELECT o.id, o.account_id, o.code_id, c.remote_id, o.op, o.changes, o.base_updated_at,
        o.client_ref, o.state, o.error_kind, o.error_message, o.attempts, o.created_at, o.updated_at
    FROM outbox o JOIN codes c ON c.id = o.code_id";

pub fn enqueue(
    conn: &Connection,
    e: &NewEntry,
    now: DateTime<Utc>,
) -> Result<OutboxId, StoreError> {
    let changes =
        serde_json::to_string(&e.changes).map_err(|err| StoreError::Invalid(err.to_string()))?;
    conn.execute(
        "INSERT INTO outbox (account_id, code_id, op, changes, base_updated_at, client_ref, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![e.account, e.code, e.op.as_str(), changes, e.base_updated_at.map(ts), e.client_ref, ts(now)],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn get(conn: &Connection, id: OutboxId) -> Result<OutboxEntry, StoreError> {
    conn.query_row(&format!("{SELECT} WHERE o.id = ?1"), [id], |r| Ok(from_row(r)))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("There is no outbox entry #{id}")))?
}

/// Entries in order (oldest first); `done` ones only when `include_done`.
pub fn list(
    conn: &Connection,
    account: Option<AccountId>,
    include_done: bool,
) -> Result<Vec<OutboxEntry>, StoreError> {
    let sql = format!(
        "{SELECT} WHERE (?1 IS NULL OR o.account_id = ?1) AND (?2 OR o.state <> 'done') ORDER BY o.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![account, include_done], |r| Ok(from_row(r)))?;
    rows.map(|r| r?).collect()
}

/// The state of a code's most urgent waiting entry (conflict, then needs confirmation, then
/// failed, then pending), or `None` when nothing waits.
pub fn most_urgent_state(
    conn: &Connection,
    code: CodeId,
) -> Result<Option<OutboxState>, StoreError> {
    let state: Option<String> = conn
        .query_row(
            "SELECT state FROM outbox WHERE code_id = ?1 AND state <> 'done'
             ORDER BY CASE state WHEN 'conflict' THEN 0 WHEN 'needs_confirmation' THEN 1
                                 WHEN 'failed' THEN 2 ELSE 3 END LIMIT 1",
            [code],
            |r| r.get(0),
        )
        .optional()?;
    Ok(state.as_deref().and_then(OutboxState::parse))
}

/// Counts an attempt before its request is sent, so a send interrupted by a crash is known
/// afterwards (a create is then looked for on the service before it is sent again).
pub fn begin_attempt(
    conn: &Connection,
    id: OutboxId,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let changed = conn.execute(
        "UPDATE outbox SET attempts = attempts + 1, updated_at = ?2 WHERE id = ?1",
        params![id, ts(now)],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound(format!("There is no outbox entry #{id}")));
    }
    Ok(())
}

/// Records the outcome of an attempt (counted by [`begin_attempt`]).
pub fn set_state(
    conn: &Connection,
    id: OutboxId,
    state: OutboxState,
    error: Option<(ErrorKind, &str)>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let changed = conn.execute(
        "UPDATE outbox SET state = ?2, error_kind = ?3, error_message = ?4, updated_at = ?5
         WHERE id = ?1",
        params![id, state.as_str(), error.map(|e| e.0.as_str()), error.map(|e| e.1), ts(now)],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound(format!("There is no outbox entry #{id}")));
    }
    Ok(())
}

/// Remembers the service's version of the code found at a conflict (JSON chosen by the sync
/// engine), or forgets it (`None`).
pub fn set_remote_version(
    conn: &Connection,
    id: OutboxId,
    version: Option<&str>,
) -> Result<(), StoreError> {
    let changed =
        conn.execute("UPDATE outbox SET remote_version = ?2 WHERE id = ?1", params![id, version])?;
    if changed == 0 {
        return Err(StoreError::NotFound(format!("There is no outbox entry #{id}")));
    }
    Ok(())
}

/// The service's version stored at the last conflict, if any.
pub fn remote_version(conn: &Connection, id: OutboxId) -> Result<Option<String>, StoreError> {
    conn.query_row("SELECT remote_version FROM outbox WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("There is no outbox entry #{id}")))
}

/// Moves the base version of every waiting entry of `code` from `id` on (inclusive) to
/// `base`: after one of our own edits reached the service, or when the user keeps the local side
/// of a conflict.
pub fn rebase(
    conn: &Connection,
    code: CodeId,
    from_id: OutboxId,
    base: Option<DateTime<Utc>>,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE outbox SET base_updated_at = ?3 WHERE code_id = ?1 AND id >= ?2 AND state <> 'done'",
        params![code, from_id, base.map(ts)],
    )?;
    Ok(())
}

/// Puts an entry back in line (retry, or a conflict settled by keeping the local side): state
/// `pending`, last error and stored remote version forgotten. Attempts are kept.
pub fn requeue(conn: &Connection, id: OutboxId, now: DateTime<Utc>) -> Result<(), StoreError> {
    let changed = conn.execute(
        "UPDATE outbox SET state = 'pending', error_kind = NULL, error_message = NULL,
             remote_version = NULL, updated_at = ?2 WHERE id = ?1 AND state <> 'done'",
        params![id, ts(now)],
    )?;
    if changed == 0 {
        return Err(StoreError::Invalid(format!(
            "Outbox entry #{id} does not exist or was already confirmed by the service"
        )));
    }
    Ok(())
}

/// Removes an entry the user chose to drop (discard, or a conflict settled by keeping the
/// service's side). Confirmed entries are history and are not removed here.
pub fn remove(conn: &Connection, id: OutboxId) -> Result<(), StoreError> {
    let changed = conn.execute("DELETE FROM outbox WHERE id = ?1 AND state <> 'done'", [id])?;
    if changed == 0 {
        return Err(StoreError::Invalid(format!(
            "Outbox entry #{id} does not exist or was already confirmed by the service"
        )));
    }
    Ok(())
}

/// Entries of one code that have not been confirmed yet, oldest first.
pub fn waiting_for_code(conn: &Connection, code: CodeId) -> Result<Vec<OutboxEntry>, StoreError> {
    let sql = format!("{SELECT} WHERE o.code_id = ?1 AND o.state <> 'done' ORDER BY o.id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([code], |r| Ok(from_row(r)))?;
    rows.map(|r| r?).collect()
}

/// Every entry, done or not, whatever its state (crash tests: nothing may go missing).
pub fn count_all(conn: &Connection) -> Result<u64, StoreError> {
    let n: i64 = conn.query_row("SELECT count(*) FROM outbox", [], |r| r.get(0))?;
    Ok(n.max(0) as u64)
}

fn from_row(r: &Row<'_>) -> Result<OutboxEntry, StoreError> {
    let op: String = r.get(4)?;
    let changes: String = r.get(5)?;
    let state: String = r.get(8)?;
    let kind: Option<String> = r.get(9)?;
    Ok(OutboxEntry {
        id: r.get(0)?,
        account: r.get(1)?,
        code: r.get(2)?,
        remote_id: r.get(3)?,
        op: OutboxOp::parse(&op).ok_or_else(|| StoreError::Corrupt(format!("outbox op {op:?}")))?,
        changes: serde_json::from_str(&changes)
            .map_err(|e| StoreError::Corrupt(format!("outbox changes: {e}")))?,
        base_updated_at: parse_opt(r.get(6)?)?,
        client_ref: r.get(7)?,
        state: OutboxState::parse(&state)
            .ok_or_else(|| StoreError::Corrupt(format!("outbox state {state:?}")))?,
        kind: kind.as_deref().and_then(ErrorKind::parse),
        message: r.get(10)?,
        attempts: r.get(11)?,
        created_at: parse_ts(&r.get::<_, String>(12)?)?,
        updated_at: parse_ts(&r.get::<_, String>(13)?)?,
    })
}
