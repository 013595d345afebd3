//! The `audit_log` table: key events, oldest first. Details must hold masked keys only.

use chrono::{DateTime, Utc};
use qrdesk_core::audit::AuditEvent;
use qrdesk_core::AccountId;
use rusqlite::{params, Connection};

use crate::error::StoreError;
use crate::timestamps::{parse_ts, ts};

pub fn append(
    conn: &Connection,
    account: AccountId,
    event: &str,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO audit_log (account_id, at, event, detail) VALUES (?1, ?2, ?3, ?4)",
        params![account, ts(now), event, detail],
    )?;
    Ok(())
}

pub fn list(conn: &Connection, account: AccountId) -> Result<Vec<AuditEvent>, StoreError> {
    query(conn, Some(account))
}

/// Every account's events, oldest first.
pub fn list_all(conn: &Connection) -> Result<Vec<AuditEvent>, StoreError> {
    query(conn, None)
}

fn query(conn: &Connection, account: Option<AccountId>) -> Result<Vec<AuditEvent>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, account_id, at, event, detail FROM audit_log
         WHERE ?1 IS NULL OR account_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([account], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?, r.get(3)?, r.get(4)?))
    })?;
    rows.map(|row| {
        let (id, account, at, event, detail) = row?;
        Ok(AuditEvent { id, account, at: parse_ts(&at)?, event, detail })
    })
    .collect()
}
