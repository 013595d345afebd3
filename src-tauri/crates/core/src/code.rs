//! QR codes as cached locally: one row per code per account.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::account::AccountId;

/// Local code id (SQLite rowid); stable while the code is cached, also before the service assigns one.
pub type CodeId = i64;

/// A code's status, normalised across services (ExaRoutes `inactive` and `/api/v1/qr` `paused` are
/// [`CodeStatus::Paused`]; iloveQR `ARCHIVED` is [`CodeStatus::Archived`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum CodeStatus {
    #[default]
    Active,
    Paused,
    Draft,
    Archived,
}

impl CodeStatus {
    pub const ALL: [CodeStatus; 4] =
        [CodeStatus::Active, CodeStatus::Paused, CodeStatus::Draft, CodeStatus::Archived];

    pub fn as_str(self) -> &'static str {
        match self {
            CodeStatus::Active => "active",
            CodeStatus::Paused => "paused",
            CodeStatus::Draft => "draft",
            CodeStatus::Archived => "archived",
        }
    }

    /// Parses any case; accepts the services' synonyms (`inactive` → paused).
    pub fn parse(s: &str) -> Option<CodeStatus> {
        match s.trim().to_ascii_lowercase().as_str() {
            "active" | "enabled" => Some(CodeStatus::Active),
            "paused" | "inactive" | "disabled" => Some(CodeStatus::Paused),
            "draft" => Some(CodeStatus::Draft),
            "archived" => Some(CodeStatus::Archived),
            _ => None,
        }
    }
}

/// A cached QR code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct QrCode {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: CodeId,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub account: AccountId,
    /// The service's id; `None` for a code created offline that the service has not confirmed yet.
    pub remote_id: Option<String>,
    pub name: String,
    /// The service's code type (`url`, `URL`, `dynamic`…), as sent.
    pub kind: String,
    /// Where a scan ends up (the editable target).
    pub destination: String,
    /// What the printed pattern encodes: the service's redirect / short URL.
    pub content: String,
    pub status: CodeStatus,
    /// Scans: the service's all-time total, or, where its list gives none (ExaRoutes), the sum of
    /// the synced daily analytics over the last [`QrCode::scans_window_days`] days.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub scans_total: Option<i64>,
    /// `None`: `scans_total` is the service's all-time total. `Some(n)`: it is the sum of the
    /// last `n` days QR Desk synced.
    #[serde(default)]
    pub scans_window_days: Option<u32>,
    /// The service's `updated_at` as last seen (the base version for conflict checks).
    pub remote_updated_at: Option<DateTime<Utc>>,
    /// Local updated-at (last change applied here, by sync or by an edit).
    pub updated_at: DateTime<Utc>,
    /// Bumped by every local edit.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub local_revision: i64,
    /// Deleted on the service; kept for printing history until purged.
    pub deleted: bool,
    /// An outbox entry waits for this code.
    pub pending: bool,
}
