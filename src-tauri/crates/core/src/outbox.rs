//! The durable outbox: local edits waiting to reach the service.
//!
//! An edit is written to the local copy and to the outbox in one transaction; an entry leaves
//! the outbox (state `done`) only after the service confirmed it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::account::AccountId;
use crate::code::{CodeId, CodeStatus};
use crate::error::ErrorKind;

pub type OutboxId = i64;

/// What an outbox entry asks the service to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum OutboxOp {
    Create,
    Update,
    Delete,
}

impl OutboxOp {
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxOp::Create => "create",
            OutboxOp::Update => "update",
            OutboxOp::Delete => "delete",
        }
    }

    pub fn parse(s: &str) -> Option<OutboxOp> {
        [OutboxOp::Create, OutboxOp::Update, OutboxOp::Delete].into_iter().find(|o| o.as_str() == s)
    }
}

/// Where an entry stands. Stable names (JSON output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum OutboxState {
    /// Waiting to be sent (also after a transient failure).
    Pending,
    /// The service wants the change confirmed in its dashboard (ExaRoutes step-up); retried by every sync.
    NeedsConfirmation,
    /// The code changed on the service since the edit's base version; the user keeps one side.
    Conflict,
    /// The service refused the change (validation); the message says why.
    Failed,
    /// Confirmed by the service.
    Done,
}

impl OutboxState {
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxState::Pending => "pending",
            OutboxState::NeedsConfirmation => "needs_confirmation",
            OutboxState::Conflict => "conflict",
            OutboxState::Failed => "failed",
            OutboxState::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<OutboxState> {
        [
            OutboxState::Pending,
            OutboxState::NeedsConfirmation,
            OutboxState::Conflict,
            OutboxState::Failed,
            OutboxState::Done,
        ]
        .into_iter()
        .find(|o| o.as_str() == s)
    }
}

/// The fields an edit changes (absent = unchanged). Also the payload of a create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CodeChanges {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CodeStatus>,
}

impl CodeChanges {
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.destination.is_none() && self.status.is_none()
    }
}

/// One queued edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct OutboxEntry {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: OutboxId,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub account: AccountId,
    /// Local code id.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub code: CodeId,
    pub remote_id: Option<String>,
    pub op: OutboxOp,
    pub changes: CodeChanges,
    /// The service's `updated_at` the edit was based on (conflict detection).
    pub base_updated_at: Option<DateTime<Utc>>,
    /// Client-generated id sent with creates so a retried create is recognised, never duplicated.
    pub client_ref: String,
    pub state: OutboxState,
    /// Error kind of the last attempt, if it failed.
    pub kind: Option<ErrorKind>,
    pub message: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub attempts: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
