//! The Campaigns page's requests and answers: a campaign as the page makes it (pasted rows, the
//! columns, the UTM template, the print settings), the preview of its first destinations, and a
//! campaign's progress, rows, scans per day and placements.

use serde::{Deserialize, Serialize};

/// A campaign the page is about to make.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CampaignDraft {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub account: i64,
    /// Empty: "Campaign" and the date.
    pub name: String,
    /// CSV text with a header line (pasted or from a chosen file).
    pub rows_text: String,
    pub name_column: String,
    pub destination_column: String,
    /// `utm_source=print&utm_content={serial}` …; `None` leaves destinations as they are.
    pub utm: Option<String>,
    pub layout: String,
    pub design: Option<String>,
    pub style: Option<String>,
    pub caption: Option<String>,
    pub start_at: u32,
}

/// A row and why it will not become a code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CampaignProblem {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub row: u64,
    pub reason: String,
}

/// A row as it will be sent: its name and its destination with the UTM parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CampaignPreviewRow {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub row: u64,
    pub name: String,
    pub destination: String,
}

/// What a draft will make, before anything is made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CampaignPreview {
    pub columns: Vec<String>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub rows: u64,
    /// The first rows that will become codes.
    pub first: Vec<CampaignPreviewRow>,
    pub problems: Vec<CampaignProblem>,
}

/// Where a campaign stands after a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CampaignOutcome {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub name: String,
    /// `waiting` (some codes not confirmed yet) or `printed`.
    pub status: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub rows: u64,
    /// Codes the service has confirmed.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub codes_created: u64,
    /// Good rows whose code the service has not confirmed yet.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub waiting: u64,
    /// Rows that did not become codes.
    pub failed: Vec<CampaignProblem>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub pages: u64,
    pub output: String,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub print_job: Option<i64>,
    /// Why the campaign is waiting, when the service could not be reached.
    pub note: Option<String>,
}

/// A campaign in a line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CampaignSummary {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub name: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub account: i64,
    /// `waiting` or `printed`.
    pub status: String,
    /// RFC 3339.
    pub created_at: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub rows: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub codes: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub waiting: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub failed: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub scans: i64,
    pub output: String,
}

/// One row of a campaign: its code, short link and scans (as last synced).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CampaignRowView {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub row: u64,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub serial: Option<u64>,
    pub name: String,
    pub destination: String,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub code: Option<i64>,
    pub short_link: String,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub scans: Option<i64>,
    pub problem: Option<String>,
}

/// Scans of every code of a campaign on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CampaignDay {
    /// `YYYY-MM-DD`.
    pub day: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub scans: i64,
}

/// One campaign with its map (row → code → short link → scans).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CampaignDetails {
    pub summary: CampaignSummary,
    pub rows: Vec<CampaignRowView>,
    pub scans_by_day: Vec<CampaignDay>,
    /// Rows with the most scans and with the fewest (codes only; up to three each).
    #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
    pub best: Vec<u64>,
    #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
    pub worst: Vec<u64>,
}
