//! The audit log of key events (added, verified, rotation steps, removed). Never holds a secret.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::account::AccountId;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct AuditEvent {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub account: AccountId,
    pub at: DateTime<Utc>,
    /// Short stable name (`key_added`, `rotation_step`, `key_verified`, …).
    pub event: String,
    /// A sentence for people; masked key forms only.
    pub detail: String,
}
