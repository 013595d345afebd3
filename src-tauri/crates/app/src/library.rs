//! The library screen and `qrdesk codes list/show`: pages of cached codes, one code, its analytics.

use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use qrdesk_core::{AppError, CodeId, CodeStatus, Environment, OutboxState, QrCode, ScanSeries};
use qrdesk_store::codes::{self, CodeFilter, CodeOrder};
use qrdesk_store::{analytics, outbox};

use crate::context::AppContext;

/// How the library is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum SortKey {
    #[default]
    Name,
    Updated,
    Scans,
}

/// Which codes the library shows: its search box and filters. Also a print source ("print
/// this search"), so printing takes exactly the codes the library lists.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CodeSearch {
    /// Live search over name, destination and short URL.
    #[serde(default)]
    pub search: String,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub account: Option<i64>,
    pub status: Option<CodeStatus>,
    pub environment: Option<Environment>,
    /// Only codes with an outbox entry waiting.
    #[serde(default)]
    pub pending_only: bool,
}

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

/// `list_codes`: one page of the library.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CodeQuery {
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub filter: CodeSearch,
    #[serde(default)]
    pub sort: SortKey,
    #[serde(default)]
    pub offset: u32,
    pub limit: u32,
}

/// A library row: the cached code plus the state of its most urgent outbox entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CodeRow {
    #[serde(flatten)]
    pub code: QrCode,
    pub outbox_state: Option<OutboxState>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CodePage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<CodeRow>,
}

/// `code_analytics`: a code's cached daily scans between two UTC days (inclusive).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct AnalyticsQuery {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub code: CodeId,
    pub from: NaiveDate,
    pub to: NaiveDate,
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

pub fn code_analytics(ctx: &AppContext, q: &AnalyticsQuery) -> Result<ScanSeries, AppError> {
    if q.from > q.to {
        return Err(AppError::bad_input("The start day of the range is after its end day"));
    }
    let today = Utc::now().date_naive();
    if (q.to - q.from).num_days() > 3660 || q.to > today + chrono::Duration::days(1) {
        return Err(AppError::bad_input(
            "Choose a range of at most ten years, ending today or earlier",
        ));
    }
    ctx.store().read(|c| {
        codes::get(c, q.code)?;
        analytics::load_series(c, q.code, q.from, q.to)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
