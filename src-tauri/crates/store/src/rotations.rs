//! The `rotations` table: one key rotation in progress per account, as the state machine's step
//! name plus its JSON state (masked keys and remote key ids only, never a secret).
//!
//! The store does not interpret the state: the accounts crate owns the state machine and writes
//! each step together with its audit note in one [`crate::Store::transaction`].

use chrono::{DateTime, Utc};
use qrdesk_core::{AccountId, AppError, ErrorKind};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::StoreError;
use crate::timestamps::{parse_ts, ts};

/// A persisted rotation.
#[derive(Debug, Clone, PartialEq)]
pub struct RotationRow {
    pub account_id: AccountId,
    pub step: String,
    /// The state machine's JSON payload.
    pub state: String,
    pub started_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub last_error: Option<AppError>,
}

/// Writes (inserts or replaces) the rotation of `account_id`; `updated_at` becomes `now`.
pub fn save(
    conn: &Connection,
    account_id: AccountId,
    step: &str,
    state: &str,
    started_at: DateTime<Utc>,
    last_error: Option<&AppError>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO rotations (account_id, step, state, started_at, updated_at, last_error_kind,
             last_error_message)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (account_id) DO UPDATE SET step = excluded.step, state = excluded.state,
             updated_at = excluded.updated_at, last_error_kind = excluded.last_error_kind,
             last_error_message = excluded.last_error_message",
        params![
            account_id,
            step,
            state,
            ts(started_at),
            ts(now),
            last_error.map(|e| e.kind.as_str()),
            last_error.map(|e| e.message.as_str()),
        ],
    )?;
    Ok(())
}

/// The rotation of `account_id`, if one is in progress.
pub fn get(conn: &Connection, account_id: AccountId) -> Result<Option<RotationRow>, StoreError> {
    let row = conn
        .query_row(
            "SELECT step, state, started_at, updated_at, last_error_kind, last_error_message
             FROM rotations WHERE account_id = ?1",
            [account_id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            },
        )
        .optional()?;
    let Some((step, state, started_at, updated_at, kind, message)) = row else {
        return Ok(None);
    };
    let last_error = kind
        .as_deref()
        .and_then(ErrorKind::parse)
        .map(|kind| AppError::with_message(kind, message.unwrap_or_default()));
    Ok(Some(RotationRow {
        account_id,
        step,
        state,
        started_at: parse_ts(&started_at)?,
        updated_at: parse_ts(&updated_at)?,
        last_error,
    }))
}

/// Ends the rotation of `account_id` (finished or abandoned); a missing row is not an error.
pub fn delete(conn: &Connection, account_id: AccountId) -> Result<(), StoreError> {
    conn.execute("DELETE FROM rotations WHERE account_id = ?1", [account_id])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::accounts::{self, NewAccount};
    use crate::Store;

    #[test]
    fn save_replace_get_delete() {
        let store = Store::open_in_memory().expect("store");
        let t0 = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).single().expect("date");
        let t1 = t0 + chrono::Duration::minutes(5);
        let id = store
            .transaction(|tx| {
                accounts::insert(
                    tx,
                    &NewAccount {
                        provider: qrdesk_core::ProviderKind::QrCodePro,
                        label: "Shop".into(),
                        base_url: "https://api.qrcodepro.io".into(),
                        workspace: None,
                        environment: qrdesk_core::Environment::Live,
                        masked_key: "qrcp_live_…abcd".into(),
                        client_id: None,
                        status: qrdesk_core::AccountStatus::Verified,
                        last_verified_at: None,
                        expires_at: None,
                        key_lifetime_days: None,
                        demo: false,
                    },
                    t0,
                )
            })
            .expect("insert");
        assert_eq!(store.read(|c| get(c, id)).expect("get"), None);
        store.read(|c| save(c, id, "awaiting_new_key", "{}", t0, None, t0)).expect("save");
        let err = AppError::of(ErrorKind::Network);
        store
            .read(|c| save(c, id, "new_key_staged", "{\"a\":1}", t1, Some(&err), t1))
            .expect("save");
        let row = store.read(|c| get(c, id)).expect("get").expect("row");
        assert_eq!(row.step, "new_key_staged");
        assert_eq!(row.started_at, t0, "the start time is kept on replace");
        assert_eq!(row.updated_at, t1);
        assert_eq!(row.last_error, Some(err));
        let account = store.read(|c| accounts::get(c, id, t1)).expect("account");
        assert_eq!(account.status, qrdesk_core::AccountStatus::Rotating);
        store.read(|c| delete(c, id)).expect("delete");
        assert_eq!(store.read(|c| get(c, id)).expect("get"), None);
    }
}
