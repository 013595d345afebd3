//! Progress events for the UI and the CLI's progress bar.

use std::sync::Arc;

use qrdesk_core::AccountId;
use serde::Serialize;

/// Which step of an account's sync is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Push,
    List,
    Analytics,
    Finished,
}

/// A snapshot of one account's progress, sent after every page, analytics fetch and push.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgressEvent {
    pub account: AccountId,
    pub phase: Phase,
    /// List pages done in this pass (a resumed pass counts the pages done before).
    pub pages_done: u64,
    /// Codes seen in the list so far.
    pub codes: u64,
    pub analytics_done: u64,
    pub analytics_total: u64,
    pub pushed: u64,
    pub requests: u64,
    pub rate_limit_waits: u64,
}

/// Receives progress events; called on the syncing task, so keep it quick (send on a channel).
pub type ProgressSink = Arc<dyn Fn(&ProgressEvent) + Send + Sync>;
