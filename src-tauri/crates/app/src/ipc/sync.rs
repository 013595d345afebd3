//! Sync requests, the per-account overview and the `sync://progress` event.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use qrdesk_core::{AccountId, AppError};

/// `start_sync` payload: `account: null` = every account.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SyncRequest {
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub account: Option<AccountId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum SyncPhase {
    Listing,
    Analytics,
    Outbox,
    Done,
    Failed,
    Cancelled,
}

/// Event [`super::events::SYNC_PROGRESS`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SyncProgress {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub account: AccountId,
    pub phase: SyncPhase,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub done: u64,
    /// `None` while the total is not known yet.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub total: Option<u64>,
    pub error: Option<AppError>,
}

/// One account's line on the Sync screen.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct AccountSync {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub account: i64,
    pub last_sync_at: Option<DateTime<Utc>>,
    pub last_error: Option<AppError>,
    pub running: bool,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub codes: u64,
}

/// `sync_status`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SyncOverview {
    /// `false` when the last attempt of every account that tried failed with kind `network`.
    pub online: bool,
    pub accounts: Vec<AccountSync>,
}
