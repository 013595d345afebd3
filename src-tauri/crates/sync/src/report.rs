//! What a sync did, per account and in total: the stable JSON of `qrdesk sync --json`.

use qrdesk_core::{AccountId, AppError, ErrorKind, ProviderKind};
use serde::Serialize;

/// The counters reported for a whole sync and for each account.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SyncCounts {
    /// HTTP requests sent (every attempt counts).
    pub requests: u64,
    pub codes_added: u64,
    pub codes_updated: u64,
    pub codes_deleted: u64,
    pub analytics_fetched: u64,
    /// Outbox entries the services confirmed.
    pub outbox_pushed: u64,
    pub conflicts: u64,
    pub needs_confirmation: u64,
    /// Pauses taken because of a service's rate limit.
    pub rate_limit_waits: u64,
    /// Requests sent again after a transient failure (5xx, dropped connection, timeout, 429).
    pub retries: u64,
    /// Time spent waiting: rate-limit pauses and back-off between retries.
    pub waited_ms: u64,
    /// 429 answers received.
    pub throttled: u64,
    pub duration_ms: u64,
}

impl SyncCounts {
    /// Adds another run's counters (durations are not summed).
    pub fn add(&mut self, o: &SyncCounts) {
        self.requests += o.requests;
        self.codes_added += o.codes_added;
        self.codes_updated += o.codes_updated;
        self.codes_deleted += o.codes_deleted;
        self.analytics_fetched += o.analytics_fetched;
        self.outbox_pushed += o.outbox_pushed;
        self.conflicts += o.conflicts;
        self.needs_confirmation += o.needs_confirmation;
        self.rate_limit_waits += o.rate_limit_waits;
        self.retries += o.retries;
        self.waited_ms += o.waited_ms;
        self.throttled += o.throttled;
    }
}

/// One failure, tied to the local account it happened on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncIssue {
    pub account: AccountId,
    pub kind: ErrorKind,
    pub message: String,
}

impl SyncIssue {
    pub fn new(account: AccountId, e: &AppError) -> Self {
        SyncIssue { account, kind: e.kind, message: e.message.clone() }
    }
}

/// One account's part of a sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountReport {
    pub account: AccountId,
    pub label: String,
    pub provider: ProviderKind,
    #[serde(flatten)]
    pub counts: SyncCounts,
    pub errors: Vec<SyncIssue>,
}

/// A whole sync: totals, every error, and the same per account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    #[serde(flatten)]
    pub counts: SyncCounts,
    pub errors: Vec<SyncIssue>,
    pub accounts: Vec<AccountReport>,
    /// The sync was cancelled; the cache is consistent and the next sync resumes.
    pub cancelled: bool,
}

impl SyncReport {
    /// Totals of `accounts`; `duration_ms` is the wall time of the whole sync.
    pub fn from_accounts(accounts: Vec<AccountReport>, duration_ms: u64, cancelled: bool) -> Self {
        let mut counts = SyncCounts::default();
        let mut errors = Vec::new();
        for a in &accounts {
            counts.add(&a.counts);
            errors.extend(a.errors.iter().cloned());
        }
        counts.duration_ms = duration_ms;
        SyncReport { counts, errors, accounts, cancelled }
    }

    /// Some accounts failed while others synced (CLI exit code 3).
    pub fn is_partial(&self) -> bool {
        !self.errors.is_empty()
    }
}
