//! Edits and the outbox: an edit of a code, the waiting entries, a conflict's two versions.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use qrdesk_core::{CodeChanges, CodeId, CodeStatus};

/// `edit_code` payload.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct EditCodeRequest {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub code: CodeId,
    pub changes: CodeChanges,
}

/// `list_outbox`: waiting entries of one account and/or one code (both `None` = all).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct OutboxFilter {
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub account: Option<i64>,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub code: Option<i64>,
}

/// One side of a conflict.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CodeVersion {
    pub name: String,
    pub destination: String,
    pub status: CodeStatus,
    pub updated_at: Option<DateTime<Utc>>,
}

/// `outbox_conflict`: both versions, side by side.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ConflictDetail {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub entry: i64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub code: CodeId,
    /// The edit waiting in the outbox, applied to the base version.
    pub mine: CodeVersion,
    /// What the service holds now.
    pub theirs: CodeVersion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum ConflictChoice {
    KeepMine,
    KeepTheirs,
}

/// `resolve_conflict` payload.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ResolveRequest {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub entry: i64,
    pub choice: ConflictChoice,
}
