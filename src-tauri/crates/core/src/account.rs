//! Accounts: one stored key for one service (metadata only; the secret lives in the keychain).

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::provider::{Environment, ProviderKind};

/// Local account id (SQLite rowid), shown to people as `#3` and taken by the CLI.
pub type AccountId = i64;

/// How many days before `expires_at` an account is shown as `expiring`.
pub const EXPIRY_WARNING_DAYS: i64 = 14;

/// What the account list shows about a key. Stable names (JSON output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum AccountStatus {
    Verified,
    Unverified,
    Error,
    Expiring,
    Expired,
    Rotating,
}

impl AccountStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountStatus::Verified => "verified",
            AccountStatus::Unverified => "unverified",
            AccountStatus::Error => "error",
            AccountStatus::Expiring => "expiring",
            AccountStatus::Expired => "expired",
            AccountStatus::Rotating => "rotating",
        }
    }

    pub fn parse(s: &str) -> Option<AccountStatus> {
        [
            AccountStatus::Verified,
            AccountStatus::Unverified,
            AccountStatus::Error,
            AccountStatus::Expiring,
            AccountStatus::Expired,
            AccountStatus::Rotating,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// The status a person sees, derived from what was last stored and the clock.
///
/// Order of precedence: a rotation in progress, then expiry (expired, then expiring within
/// [`EXPIRY_WARNING_DAYS`]), then the stored verification result.
pub fn effective_status(
    stored: AccountStatus,
    expires_at: Option<DateTime<Utc>>,
    rotating: bool,
    now: DateTime<Utc>,
) -> AccountStatus {
    if rotating {
        return AccountStatus::Rotating;
    }
    if let Some(exp) = expires_at {
        if exp <= now {
            return AccountStatus::Expired;
        }
        if exp - now <= Duration::days(EXPIRY_WARNING_DAYS) && stored != AccountStatus::Error {
            return AccountStatus::Expiring;
        }
    }
    stored
}

/// An account as the store keeps it and the UI shows it. Never holds the secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Account {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: AccountId,
    pub provider: ProviderKind,
    pub label: String,
    pub base_url: String,
    /// ExaRoutes workspace or iloveQR organization, if any.
    pub workspace: Option<String>,
    pub environment: Environment,
    /// `prefix…last4`, never more.
    pub masked_key: String,
    /// ExaRoutes header-pair scheme: the `cust_…` client id (an identifier, not a secret).
    pub client_id: Option<String>,
    pub created_at: DateTime<Utc>,
    /// When the current key was entered (key age).
    pub key_created_at: DateTime<Utc>,
    pub last_verified_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    /// Status as shown (see [`effective_status`]).
    pub status: AccountStatus,
    pub last_error: Option<AppError>,
    /// Served by the built-in simulator (demo mode).
    pub demo: bool,
}

impl Account {
    /// Whole days since the current key was entered.
    pub fn key_age_days(&self, now: DateTime<Utc>) -> i64 {
        (now - self.key_created_at).num_days().max(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_drives_status() {
        let now = Utc::now();
        let v = AccountStatus::Verified;
        assert_eq!(effective_status(v, None, false, now), v);
        assert_eq!(effective_status(v, Some(now + Duration::days(30)), false, now), v);
        assert_eq!(
            effective_status(v, Some(now + Duration::days(14)), false, now),
            AccountStatus::Expiring
        );
        assert_eq!(
            effective_status(v, Some(now - Duration::seconds(1)), false, now),
            AccountStatus::Expired
        );
        assert_eq!(effective_status(v, None, true, now), AccountStatus::Rotating);
    }
}
