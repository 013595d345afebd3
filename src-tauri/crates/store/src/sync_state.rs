//! The `sync_state` table: per-account sync runs and their resumable list position.

use chrono::{DateTime, Utc};
use qrdesk_core::AccountId;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::StoreError;
use crate::timestamps::{parse_opt, ts};

/// Where an account's sync stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncState {
    pub run_id: i64,
    /// Set while a list pass is under way (resume from here after a crash).
    pub cursor: Option<String>,
    pub page: Option<i64>,
    pub run_started_at: Option<DateTime<Utc>>,
    pub last_success_at: Option<DateTime<Utc>>,
    pub last_error_kind: Option<String>,
    pub last_error_message: Option<String>,
}

impl SyncState {
    /// A list pass was interrupted and can resume.
    pub fn in_progress(&self) -> bool {
        self.run_started_at.is_some()
    }
}

pub fn get(conn: &Connection, account: AccountId) -> Result<SyncState, StoreError> {
    let row = conn
        .query_row(
            "SELECT run_id, cursor, page, run_started_at, last_success_at, last_error_kind, last_error_message
             FROM sync_state WHERE account_id = ?1",
            [account],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            },
        )
        .optional()?;
    match row {
        None => Ok(SyncState::default()),
        Some((run_id, cursor, page, started, success, kind, message)) => Ok(SyncState {
            run_id,
            cursor,
            page,
            run_started_at: parse_opt(started)?,
            last_success_at: parse_opt(success)?,
            last_error_kind: kind,
            last_error_message: message,
        }),
    }
}

/// Writes the whole state (checkpoint after a page, start or end of a run).
pub fn put(conn: &Connection, account: AccountId, s: &SyncState) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO sync_state (account_id, run_id, cursor, page, run_started_at, last_success_at,
             last_error_kind, last_error_message)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (account_id) DO UPDATE SET run_id = ?2, cursor = ?3, page = ?4, run_started_at = ?5,
             last_success_at = ?6, last_error_kind = ?7, last_error_message = ?8",
        params![
            account,
            s.run_id,
            s.cursor,
            s.page,
            s.run_started_at.map(ts),
            s.last_success_at.map(ts),
            s.last_error_kind,
            s.last_error_message
        ],
    )?;
    Ok(())
}
