//! The library's requests and answers: a page of codes, one code's analytics.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use qrdesk_core::{CodeId, CodeStatus, Environment, OutboxState, QrCode};

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
