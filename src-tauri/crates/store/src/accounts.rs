//! The `accounts` table: metadata of stored keys (never the secret).

use chrono::{DateTime, Utc};
use qrdesk_core::account::effective_status;
use qrdesk_core::{
    Account, AccountId, AccountStatus, AppError, Environment, ErrorKind, ProviderKind,
};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::StoreError;
use crate::timestamps::{parse_opt, parse_ts, ts};

/// What is needed to create an account row.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub provider: ProviderKind,
    pub label: String,
    pub base_url: String,
    pub workspace: Option<String>,
    pub environment: Environment,
    pub masked_key: String,
    pub client_id: Option<String>,
    pub status: AccountStatus,
    pub last_verified_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub key_lifetime_days: Option<i64>,
    pub demo: bool,
}

const COLUMNS: &str = "id, provider, label, base_url, workspace, environment, masked_key, client_id, status,
     last_error_kind, last_error_message, created_at, key_created_at, last_verified_at, expires_at, demo,
     EXISTS (SELECT 1 FROM rotations r WHERE r.account_id = accounts.id)";

pub fn insert(
    conn: &Connection,
    a: &NewAccount,
    now: DateTime<Utc>,
) -> Result<AccountId, StoreError> {
    if a.label.trim().is_empty() {
        return Err(StoreError::Invalid("The account needs a label".into()));
    }
    conn.execute(
        "INSERT INTO accounts (provider, label, base_url, workspace, environment, masked_key, client_id,
             status, created_at, key_created_at, last_verified_at, expires_at, key_lifetime_days, demo)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12, ?13)",
        params![
            a.provider.as_str(),
            a.label.trim(),
            a.base_url,
            a.workspace,
            a.environment.as_str(),
            a.masked_key,
            a.client_id,
            a.status.as_str(),
            ts(now),
            a.last_verified_at.map(ts),
            a.expires_at.map(ts),
            a.key_lifetime_days,
            a.demo,
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// One account, with its status derived for `now`.
pub fn get(conn: &Connection, id: AccountId, now: DateTime<Utc>) -> Result<Account, StoreError> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM accounts WHERE id = ?1"), [id], |r| {
        Ok(from_row(r, now))
    })
    .optional()?
    .ok_or_else(|| StoreError::NotFound(format!("There is no account #{id}")))?
}

pub fn list(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<Account>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM accounts ORDER BY id"))?;
    let rows = stmt.query_map([], |r| Ok(from_row(r, now)))?;
    rows.map(|r| r?).collect()
}

/// Records the result of a verification: `Ok` → verified now; `Err` → error with its kind.
pub fn record_verification(
    conn: &Connection,
    id: AccountId,
    result: Result<(), &AppError>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let changed = match result {
        Ok(()) => conn.execute(
            "UPDATE accounts SET status = 'verified', last_verified_at = ?2,
                 last_error_kind = NULL, last_error_message = NULL WHERE id = ?1",
            params![id, ts(now)],
        )?,
        Err(e) => {
            // Offline is not the key's fault: keep the last verdict, remember the error.
            let status = if e.kind.is_transient() { None } else { Some("error") };
            conn.execute(
                "UPDATE accounts SET status = coalesce(?2, status), last_error_kind = ?3,
                     last_error_message = ?4 WHERE id = ?1",
                params![id, status, e.kind.as_str(), e.message],
            )?
        }
    };
    ensure_changed(changed, id)
}

/// Replaces the key metadata after a rotation switched keys.
pub fn record_new_key(
    conn: &Connection,
    id: AccountId,
    masked_key: &str,
    expires_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let changed = conn.execute(
        "UPDATE accounts SET masked_key = ?2, expires_at = ?3, key_created_at = ?4, status = 'verified',
             last_verified_at = ?4, last_error_kind = NULL, last_error_message = NULL WHERE id = ?1",
        params![id, masked_key, expires_at.map(ts), ts(now)],
    )?;
    ensure_changed(changed, id)
}

pub fn set_expires_at(
    conn: &Connection,
    id: AccountId,
    expires_at: Option<DateTime<Utc>>,
) -> Result<(), StoreError> {
    let changed = conn.execute(
        "UPDATE accounts SET expires_at = ?2 WHERE id = ?1",
        params![id, expires_at.map(ts)],
    )?;
    ensure_changed(changed, id)
}

/// Files the account's keys under `keychain_ref` (written right after [`insert`], in the same
/// transaction, by whoever stored the key in the keychain first).
pub fn set_keychain_ref(
    conn: &Connection,
    id: AccountId,
    keychain_ref: &str,
) -> Result<(), StoreError> {
    let changed = conn.execute(
        "UPDATE accounts SET keychain_ref = ?2 WHERE id = ?1",
        params![id, keychain_ref],
    )?;
    ensure_changed(changed, id)
}

/// Where the account's keys are filed in the keychain (`None`: the default `account-<id>`).
pub fn keychain_ref(conn: &Connection, id: AccountId) -> Result<Option<String>, StoreError> {
    conn.query_row("SELECT keychain_ref FROM accounts WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("There is no account #{id}")))
}

/// Replaces the ExaRoutes client id (a rotated header pair may come with a new one).
pub fn set_client_id(
    conn: &Connection,
    id: AccountId,
    client_id: Option<&str>,
) -> Result<(), StoreError> {
    let changed =
        conn.execute("UPDATE accounts SET client_id = ?2 WHERE id = ?1", params![id, client_id])?;
    ensure_changed(changed, id)
}

/// Records the lifetime (days) the current key was created with, when the service tells.
pub fn set_key_lifetime_days(
    conn: &Connection,
    id: AccountId,
    days: Option<i64>,
) -> Result<(), StoreError> {
    let changed = conn
        .execute("UPDATE accounts SET key_lifetime_days = ?2 WHERE id = ?1", params![id, days])?;
    ensure_changed(changed, id)
}

/// Moves an account to another address (the demo simulator gets a new port after a restart).
pub fn set_base_url(conn: &Connection, id: AccountId, base_url: &str) -> Result<(), StoreError> {
    let changed =
        conn.execute("UPDATE accounts SET base_url = ?2 WHERE id = ?1", params![id, base_url])?;
    ensure_changed(changed, id)
}

/// Marks an account as served by the built-in demo simulator.
pub fn set_demo(conn: &Connection, id: AccountId, demo: bool) -> Result<(), StoreError> {
    let changed = conn.execute("UPDATE accounts SET demo = ?2 WHERE id = ?1", params![id, demo])?;
    ensure_changed(changed, id)
}

pub fn key_lifetime_days(conn: &Connection, id: AccountId) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .query_row("SELECT key_lifetime_days FROM accounts WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .flatten())
}

/// Deletes the account row; cached codes, scans and sync state go with it. Refused while edits
/// wait in the outbox unless `discard_outbox` (the caller asked to purge).
pub fn delete(conn: &Connection, id: AccountId, discard_outbox: bool) -> Result<(), StoreError> {
    if discard_outbox {
        conn.execute("DELETE FROM outbox WHERE account_id = ?1", [id])?;
    }
    let waiting: i64 = conn.query_row(
        "SELECT count(*) FROM outbox WHERE account_id = ?1 AND state <> 'done'",
        [id],
        |r| r.get(0),
    )?;
    if waiting > 0 {
        return Err(StoreError::Invalid(format!(
            "Account #{id} still has {waiting} edit(s) waiting in the outbox. Sync first, or remove it with --purge to discard them"
        )));
    }
    conn.execute("DELETE FROM outbox WHERE account_id = ?1", [id])?;
    let changed = conn.execute("DELETE FROM accounts WHERE id = ?1", [id])?;
    ensure_changed(changed, id)
}

fn ensure_changed(changed: usize, id: AccountId) -> Result<(), StoreError> {
    if changed == 0 {
        Err(StoreError::NotFound(format!("There is no account #{id}")))
    } else {
        Ok(())
    }
}

fn from_row(r: &Row<'_>, now: DateTime<Utc>) -> Result<Account, StoreError> {
    let provider: String = r.get(1)?;
    let environment: String = r.get(5)?;
    let status: String = r.get(8)?;
    let err_kind: Option<String> = r.get(9)?;
    let err_message: Option<String> = r.get(10)?;
    let expires_at = parse_opt(r.get(14)?)?;
    let rotating: bool = r.get(16)?;
    let stored = AccountStatus::parse(&status)
        .ok_or_else(|| StoreError::Corrupt(format!("account status {status:?}")))?;
    let last_error = err_kind
        .as_deref()
        .and_then(ErrorKind::parse)
        .map(|kind| AppError::with_message(kind, err_message.unwrap_or_default()));
    Ok(Account {
        id: r.get(0)?,
        provider: ProviderKind::parse(&provider)
            .ok_or_else(|| StoreError::Corrupt(format!("provider {provider:?}")))?,
        label: r.get(2)?,
        base_url: r.get(3)?,
        workspace: r.get(4)?,
        environment: Environment::parse(&environment)
            .ok_or_else(|| StoreError::Corrupt(format!("environment {environment:?}")))?,
        masked_key: r.get(6)?,
        client_id: r.get(7)?,
        created_at: parse_ts(&r.get::<_, String>(11)?)?,
        key_created_at: parse_ts(&r.get::<_, String>(12)?)?,
        last_verified_at: parse_opt(r.get(13)?)?,
        expires_at,
        status: effective_status(stored, expires_at, rotating, now),
        last_error,
        demo: r.get(15)?,
    })
}
