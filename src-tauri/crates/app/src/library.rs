//! The library screen and `qrdesk codes list/show`: pages of cached codes, every code matching a
//! search, one code, and its analytics (refreshed from the service when a code is opened).
//! Changing codes (edits, creates, imports, deletes, replace) is in `edits.rs`.

use std::time::Duration;

use chrono::NaiveDate;

use qrdesk_core::{AppError, CodeId, QrCode, ScanSeries};
use qrdesk_store::codes::{self, CodeFilter, CodeOrder};
use qrdesk_store::{analytics, outbox};
use qrdesk_sync::pull_plan::window_start;
use qrdesk_sync::SyncEngine;

use crate::context::AppContext;
use crate::ipc::library::{AnalyticsQuery, CodePage, CodeQuery, CodeRow, CodeSearch, SortKey};

pub use qrdesk_sync::DEFAULT_ANALYTICS_DAYS;

impl CodeSearch {
    /// Every matching code, not deleted, in the store's default order.
    pub fn filter(&self) -> CodeFilter {
        let search = self.search.trim();
        CodeFilter {
            account: self.account,
            search: (!search.is_empty()).then(|| search.to_string()),
            status: self.status,
            environment: self.environment,
            pending_only: self.pending_only,
            ..CodeFilter::default()
        }
    }
}

/// The most rows one page may ask for (the UI windows over larger results).
pub const MAX_PAGE: u32 = 1000;

impl CodeQuery {
    fn filter(&self) -> CodeFilter {
        CodeFilter {
            limit: Some(self.limit.clamp(1, MAX_PAGE)),
            offset: self.offset,
            order: match self.sort {
                SortKey::Name => CodeOrder::Name,
                SortKey::Updated => CodeOrder::UpdatedDesc,
                SortKey::Scans => CodeOrder::ScansDesc,
            },
            ..self.filter.filter()
        }
    }
}

pub fn list_codes(ctx: &AppContext, query: &CodeQuery) -> Result<CodePage, AppError> {
    let filter = query.filter();
    ctx.store().read(|c| {
        let total = codes::count(c, &filter)?;
        let found = codes::list(c, &filter)?;
        let rows = found
            .into_iter()
            .map(|code| {
                let outbox_state =
                    if code.pending { outbox::most_urgent_state(c, code.id)? } else { None };
                Ok(CodeRow { code, outbox_state })
            })
            .collect::<Result<Vec<_>, qrdesk_store::StoreError>>()?;
        Ok(CodePage { total: total.min(u32::MAX as u64) as u32, offset: query.offset, rows })
    })
}

pub fn get_code(ctx: &AppContext, id: CodeId) -> Result<QrCode, AppError> {
    ctx.store().read(|c| codes::get(c, id))
}

/// Every cached code matching a search (not deleted), in the store's default order.
pub fn find_codes(ctx: &AppContext, search: &CodeSearch) -> Result<Vec<QrCode>, AppError> {
    let filter = search.filter();
    ctx.store().read(|c| codes::list(c, &filter))
}

/// A code with its cached daily scans over the default analytics window.
pub fn code_with_recent_scans(
    ctx: &AppContext,
    id: CodeId,
) -> Result<(QrCode, ScanSeries), AppError> {
    let today = ctx.now().date_naive();
    let from = window_start(today, DEFAULT_ANALYTICS_DAYS);
    ctx.store().read(|c| Ok((codes::get(c, id)?, analytics::load_series(c, id, from, today)?)))
}

/// How long opening a code may wait for fresh analytics before showing the cached ones.
const ANALYTICS_REFRESH_LIMIT: Duration = Duration::from_secs(6);

/// A code's daily scans, refreshed from its service first (briefly: offline, or without a
/// reachable keychain, the cached series comes at once).
pub async fn refresh_code_analytics(
    ctx: &AppContext,
    query: &AnalyticsQuery,
) -> Result<ScanSeries, AppError> {
    check_range(ctx, query)?;
    if ctx.secrets().is_ok() {
        let connector = ctx.connector();
        let engine = SyncEngine::new(ctx.store(), &connector);
        let days = ((query.to - query.from).num_days() + 1).clamp(1, 366) as u32;
        let refresh = engine.refresh_code_analytics(query.code, days);
        let _ = tokio::time::timeout(ANALYTICS_REFRESH_LIMIT, refresh).await;
    }
    code_analytics(ctx, query)
}

/// A code's cached daily scans between two UTC days (inclusive).
pub fn code_analytics(ctx: &AppContext, q: &AnalyticsQuery) -> Result<ScanSeries, AppError> {
    check_range(ctx, q)?;
    ctx.store().read(|c| {
        codes::get(c, q.code)?;
        analytics::load_series(c, q.code, q.from, q.to)
    })
}

fn check_range(ctx: &AppContext, q: &AnalyticsQuery) -> Result<(), AppError> {
    if q.from > q.to {
        return Err(AppError::bad_input("The start day of the range is after its end day"));
    }
    let today: NaiveDate = ctx.now().date_naive();
    if (q.to - q.from).num_days() > 3660 || q.to > today + chrono::Duration::days(1) {
        return Err(AppError::bad_input(
            "Choose a range of at most ten years, ending today or earlier",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrdesk_core::CodeStatus;

    #[test]
    fn the_window_sends_one_flat_query_and_print_uses_the_same_filter() {
        let query: CodeQuery = serde_json::from_value(serde_json::json!({
            "search": "  spring menu ", "account": 3, "status": "paused", "environment": null,
            "pending_only": true, "sort": "scans", "offset": 50, "limit": 5000
        }))
        .unwrap();
        let page = query.filter();
        let all = query.filter.filter();
        assert_eq!(page.search.as_deref(), Some("spring menu"));
        assert_eq!(
            (page.account, page.status, page.pending_only),
            (Some(3), Some(CodeStatus::Paused), true)
        );
        assert_eq!(
            (page.limit, page.offset, page.order),
            (Some(MAX_PAGE), 50, CodeOrder::ScansDesc)
        );
        assert_eq!(
            (all.search, all.account, all.status, all.limit),
            (page.search, page.account, page.status, None)
        );
        assert!(!page.include_deleted && !all.include_deleted);
    }
}
