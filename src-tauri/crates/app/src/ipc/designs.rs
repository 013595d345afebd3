//! The Designs page's, the History page's and the Print… dialog's requests and answers: a label
//! design as the page edits it (the same keys as the design file), its live preview, the print
//! history with reprints, and the printers CUPS offers.

use serde::{Deserialize, Serialize};

/// Where the code sits on the label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum CodePlacement {
    Left,
    Center,
    Top,
}

/// Where a field's box is: beside or below the code (stacked in order), or at `x/y/width/height`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum FieldAnchor {
    RightOfCode,
    BelowCode,
    Box,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum TextAlign {
    Left,
    Center,
    Right,
}

/// How a field's text is made to fit its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum TextFit {
    Shrink,
    Wrap,
    ShrinkWrap,
}

/// One text field: a template over the row (`{name}`, any column, `{serial:06}`, fixed text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct FieldDraft {
    pub text: String,
    pub anchor: FieldAnchor,
    /// mm from the label's top-left corner (only for `box`).
    pub x_mm: Option<f64>,
    pub y_mm: Option<f64>,
    /// mm; for anchored fields optional (the rest of the space).
    pub width_mm: Option<f64>,
    pub height_mm: Option<f64>,
    pub font_size: f64,
    pub min_font_size: Option<f64>,
    pub align: TextAlign,
    pub bold: bool,
    pub fit: TextFit,
    /// A font file the design brought with it (kept as is; the window offers the bundled ones).
    pub font: Option<String>,
}

/// A label design: the keys of the design file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct DesignDraft {
    pub name: String,
    pub code_position: CodePlacement,
    /// The code's side with its quiet zone (mm); `None` = the largest that leaves room.
    pub code_size_mm: Option<f64>,
    pub fields: Vec<FieldDraft>,
}

/// `preview_design` payload: a draft shown on a sheet with sample rows.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct DesignPreviewRequest {
    pub draft: DesignDraft,
    pub layout: String,
}

/// A draft laid out on the first page of a sheet with sample rows.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct DesignPreview {
    /// The page as a `data:image/svg+xml;base64,…` URL.
    pub page_image: String,
    /// Fields cut short or left out, in sentences.
    pub warnings: Vec<String>,
    /// The sample row's columns the templates may use.
    pub sample_columns: Vec<String>,
}

/// One print job of the history.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PrintJobSummary {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    /// RFC 3339.
    pub created_at: String,
    pub source: String,
    /// The CSV's SHA-256 when the job printed one.
    pub source_sha256: Option<String>,
    pub layout: String,
    pub style: Option<String>,
    pub design: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub rows: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub codes: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub pages: u64,
    pub output: String,
    /// Serials printed, first and last.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub first_serial: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub last_serial: u64,
}

/// `reprint_job` payload: which labels of a job to print again (`3,7-9`; both empty = all).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ReprintRequest {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub job_id: i64,
    pub rows: Option<String>,
    pub serials: Option<String>,
    /// Label to start at on the first sheet, from 1.
    pub start_at: u32,
}

/// A printer CUPS offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PrinterInfo {
    pub name: String,
    pub is_default: bool,
    /// The printer's default paper (`A4`, `Letter` …) when CUPS says.
    pub media: Option<String>,
}

/// The printers, or why printing straight to a printer is not offered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PrinterList {
    pub printers: Vec<PrinterInfo>,
    /// Set when there is no printing system to talk to (the Print… button is then hidden).
    pub unavailable: Option<String>,
}

/// `send_to_printer` payload: a PDF this window wrote, to a printer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SendToPrinterRequest {
    pub path: String,
    pub printer: String,
    pub copies: u32,
}

/// What CUPS said when it took the job.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PrinterJob {
    /// CUPS's job id (`Office-12`).
    pub job: String,
    pub printer: String,
    pub copies: u32,
    /// Worth knowing before walking to the printer (paper size differs …).
    pub warnings: Vec<String>,
}
