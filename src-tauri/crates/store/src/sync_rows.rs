//! The statements the sync engine needs on `codes`: what the cache holds for a page of remote
//! codes, writing pulled codes, remote deletes, analytics bookkeeping, local edits and what the
//! service confirmed for a pushed edit.
//!
//! Planning (what to write) happens in the sync crate; this module only reads and writes rows.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use qrdesk_core::{AccountId, CodeChanges, CodeId, CodeStatus};
use rusqlite::types::Value;
use rusqlite::{params, Connection};

use crate::codes::{self, status_at, CodeRecord};
use crate::error::StoreError;
use crate::timestamps::{parse_opt, ts};

/// What the cache holds about one code, as the pull planner compares it.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalCode {
    pub id: CodeId,
    pub remote_id: Option<String>,
    pub name: String,
    pub kind: String,
    pub destination: String,
    pub content: String,
    pub status: CodeStatus,
    pub scans_total: Option<i64>,
    pub remote_updated_at: Option<DateTime<Utc>>,
    pub deleted: bool,
    /// An outbox entry for this code is not confirmed yet.
    pub pending: bool,
    pub analytics_fetched_at: Option<DateTime<Utc>>,
    pub analytics_scans_total: Option<i64>,
}

const LOCAL_COLUMNS: &str = "c.id, c.remote_id, c.name, c.kind, c.destination, c.content, c.status,
    c.scans_total, c.remote_updated_at, c.deleted,
    EXISTS (SELECT 1 FROM outbox o WHERE o.code_id = c.id AND o.state <> 'done'),
    c.analytics_fetched_at, c.analytics_scans_total";

fn local_from_row(r: &rusqlite::Row<'_>) -> Result<LocalCode, StoreError> {
    Ok(LocalCode {
        id: r.get(0)?,
        remote_id: r.get(1)?,
        name: r.get(2)?,
        kind: r.get(3)?,
        destination: r.get(4)?,
        content: r.get(5)?,
        status: status_at(r, 6)?,
        scans_total: r.get(7)?,
        remote_updated_at: parse_opt(r.get(8)?)?,
        deleted: r.get(9)?,
        pending: r.get(10)?,
        analytics_fetched_at: parse_opt(r.get(11)?)?,
        analytics_scans_total: r.get(12)?,
    })
}

/// The cached codes of `account` with these remote ids, keyed by remote id.
pub fn locals_by_remote_ids(
    conn: &Connection,
    account: AccountId,
    remote_ids: &[&str],
) -> Result<HashMap<String, LocalCode>, StoreError> {
    let mut out = HashMap::with_capacity(remote_ids.len());
    // SQLite allows far more parameters than a page holds; chunk anyway for any caller.
    for chunk in remote_ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(",");
        let sql = format!(
            "SELECT {LOCAL_COLUMNS} FROM codes c WHERE c.account_id = ? AND c.remote_id IN ({marks})"
        );
        let mut args: Vec<Value> = Vec::with_capacity(chunk.len() + 1);
        args.push(Value::Integer(account));
        args.extend(chunk.iter().map(|id| Value::Text((*id).to_string())));
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| Ok(local_from_row(r)))?;
        for row in rows {
            let local = row??;
            if let Some(remote_id) = local.remote_id.clone() {
                out.insert(remote_id, local);
            }
        }
    }
    Ok(out)
}

/// One cached code as the planner sees it.
pub fn local(conn: &Connection, id: CodeId) -> Result<LocalCode, StoreError> {
    let sql = format!("SELECT {LOCAL_COLUMNS} FROM codes c WHERE c.id = ?1");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query_map([id], |r| Ok(local_from_row(r)))?;
    match rows.next() {
        Some(row) => row?,
        None => Err(StoreError::NotFound(format!("There is no code #{id} in the local cache"))),
    }
}

/// Codes of `account` known to the service and not deleted, oldest first (analytics planning).
pub fn live_codes(conn: &Connection, account: AccountId) -> Result<Vec<LocalCode>, StoreError> {
    let sql = format!(
        "SELECT {LOCAL_COLUMNS} FROM codes c
         WHERE c.account_id = ?1 AND c.deleted = 0 AND c.remote_id IS NOT NULL ORDER BY c.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([account], |r| Ok(local_from_row(r)))?;
    rows.map(|r| r?).collect()
}

/// A code seen in the service's list for the first time.
/// Whether the account has no cached code at all (its first list pass is a bulk import).
pub fn account_is_empty(conn: &Connection, account: AccountId) -> Result<bool, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT NOT EXISTS (SELECT 1 FROM codes WHERE account_id = ?1)")?;
    Ok(stmt.query_row([account], |r| r.get(0))?)
}

pub fn insert_pulled(
    conn: &Connection,
    account: AccountId,
    c: &CodeRecord,
    run: i64,
    now: DateTime<Utc>,
) -> Result<CodeId, StoreError> {
    codes::insert_row(conn, account, c, now, Some(run))
}

/// Overwrites a cached code with the service's version (no local edit waits for it).
pub fn overwrite_pulled(
    conn: &Connection,
    id: CodeId,
    c: &CodeRecord,
    run: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "UPDATE codes SET remote_id = ?2, name = ?3, kind = ?4, destination = ?5, content = ?6,
             status = ?7, scans_total = coalesce(?8, scans_total),
             scans_window_days = CASE WHEN ?8 IS NULL THEN scans_window_days END,
             remote_created_at = coalesce(?9, remote_created_at),
             remote_updated_at = ?10, updated_at = ?11, raw_json = coalesce(?12, raw_json), deleted = 0, seen_in_run = coalesce(?13, seen_in_run)
         WHERE id = ?1",
    )?;
    let values = std::iter::once(Value::from(id))
        .chain(codes::record_values(c, now))
        .chain([Value::from(run)]);
    stmt.execute(rusqlite::params_from_iter(values))?;
    Ok(())
}

/// A code with a local edit waiting: only what the edit cannot touch is refreshed (scan total,
/// short URL), so the local copy keeps showing the edit until it is confirmed or resolved.
pub fn refresh_pending(
    conn: &Connection,
    id: CodeId,
    scans_total: Option<i64>,
    content: &str,
    run: i64,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "UPDATE codes SET scans_total = coalesce(?2, scans_total),
             scans_window_days = CASE WHEN ?2 IS NULL THEN scans_window_days END,
             content = CASE WHEN ?3 = '' THEN content ELSE ?3 END, seen_in_run = ?4 WHERE id = ?1",
    )?;
    stmt.execute(params![id, scans_total, content, run])?;
    Ok(())
}

/// The code is in the service's list and unchanged.
pub fn mark_seen(conn: &Connection, id: CodeId, run: i64) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached("UPDATE codes SET seen_in_run = ?2 WHERE id = ?1")?;
    stmt.execute(params![id, run])?;
    Ok(())
}

/// After a complete list pass: codes of `account` the service no longer lists are marked
/// deleted (kept for printing history). Returns how many.
pub fn mark_unseen_deleted(
    conn: &Connection,
    account: AccountId,
    run: i64,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let n = conn.execute(
        "UPDATE codes SET deleted = 1, updated_at = ?3
         WHERE account_id = ?1 AND deleted = 0 AND remote_id IS NOT NULL
           AND (seen_in_run IS NULL OR seen_in_run <> ?2)",
        params![account, run, ts(now)],
    )?;
    Ok(n as u64)
}

/// Applies a local edit to the cached copy (the caller enqueues it in the same transaction).
pub fn apply_local_edit(
    conn: &Connection,
    id: CodeId,
    changes: &CodeChanges,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let changed = conn.execute(
        "UPDATE codes SET name = coalesce(?2, name), destination = coalesce(?3, destination),
             status = coalesce(?4, status), updated_at = ?5, local_revision = local_revision + 1
         WHERE id = ?1",
        params![
            id,
            changes.name,
            changes.destination,
            changes.status.map(CodeStatus::as_str),
            ts(now)
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound(format!("There is no code #{id} in the local cache")));
    }
    Ok(())
}

/// Marks a code deleted locally (a queued delete, or confirmed by the service).
pub fn mark_deleted(conn: &Connection, id: CodeId, now: DateTime<Utc>) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE codes SET deleted = 1, updated_at = ?2, local_revision = local_revision + 1 WHERE id = ?1",
        params![id, ts(now)],
    )?;
    Ok(())
}

/// Forgets a code that never reached its service (a create the user discarded), with its
/// analytics and outbox rows.
pub fn forget_unsent(conn: &Connection, id: CodeId) -> Result<(), StoreError> {
    conn.execute("DELETE FROM outbox WHERE code_id = ?1", [id])?;
    let changed = conn.execute("DELETE FROM codes WHERE id = ?1 AND remote_id IS NULL", [id])?;
    if changed == 0 {
        return Err(StoreError::Invalid(format!(
            "Code #{id} already exists on its service; only an unsent create can be forgotten"
        )));
    }
    Ok(())
}

/// What the service confirmed for a pushed create or edit. A create gets its remote id here;
/// should a list pass already have cached the same remote code as a separate row (the answer
/// was lost, the code found later), that duplicate row is folded into this one.
pub fn confirm_remote(
    conn: &Connection,
    id: CodeId,
    account: AccountId,
    c: &CodeRecord,
    keep_local_fields: bool,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    if let Some(remote_id) = c.remote_id.as_deref() {
        conn.execute(
            "DELETE FROM codes WHERE account_id = ?1 AND remote_id = ?2 AND id <> ?3
               AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.code_id = codes.id)",
            params![account, remote_id, id],
        )?;
        // A duplicate with outbox history keeps its row but gives up the remote id.
        conn.execute(
            "UPDATE codes SET remote_id = NULL, deleted = 1 WHERE account_id = ?1 AND remote_id = ?2 AND id <> ?3",
            params![account, remote_id, id],
        )?;
    }
    if keep_local_fields {
        conn.execute(
            "UPDATE codes SET remote_id = coalesce(?2, remote_id), content = CASE WHEN ?3 = '' THEN content ELSE ?3 END,
                 kind = CASE WHEN ?4 = '' THEN kind ELSE ?4 END, remote_updated_at = ?5,
                 remote_created_at = coalesce(?6, remote_created_at), raw_json = ?7
             WHERE id = ?1",
            params![
                id,
                c.remote_id,
                c.content,
                c.kind,
                c.remote_updated_at.map(ts),
                c.remote_created_at.map(ts),
                c.raw_json
            ],
        )?;
        Ok(())
    } else {
        overwrite_pulled(conn, id, c, None, now)
    }
}
