//! What a sync is asked to do.

use chrono::NaiveDate;
use qrdesk_core::AccountId;

/// Default window of daily scans: the last 90 days ending today (UTC).
pub const DEFAULT_ANALYTICS_DAYS: u32 = 90;

#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Accounts to sync; empty = every account whose service holds codes.
    pub accounts: Vec<AccountId>,
    /// Window of daily scans: the last N days ending today (UTC).
    pub analytics_days: u32,
    /// Codes asked for per list page (clamped by the adapter to its maximum).
    pub page_size: u32,
    /// Fetch analytics at all (off for quick "codes only" syncs and benchmarks of the list).
    pub analytics: bool,
    /// "Today" for the analytics window and once-a-day rule; `None` = the UTC date now.
    pub today: Option<NaiveDate>,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            accounts: Vec::new(),
            analytics_days: DEFAULT_ANALYTICS_DAYS,
            page_size: qrdesk_providers::MAX_PAGE_SIZE,
            analytics: true,
            today: None,
        }
    }
}
