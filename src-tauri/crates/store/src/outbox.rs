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

/// Records the outcome of an attempt.
pub fn set_state(
    conn: &Connection,
    id: OutboxId,
    state: OutboxState,
    error: Option<(ErrorKind, &str)>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let changed = conn.execute(
        "UPDATE outbox SET state = ?2, error_kind = ?3, error_message = ?4, updated_at = ?5,
             attempts = attempts + 1 WHERE id = ?1",
        params![id, state.as_str(), error.map(|e| e.0.as_str()), error.map(|e| e.1), ts(now)],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound(format!("There is no outbox entry #{id}")));
    }
    Ok(())
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
