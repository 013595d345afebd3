//! The Print screen's and the downloads' requests and answers.

use serde::{Deserialize, Serialize};

use qrdesk_core::CodeId;

use super::library::CodeSearch;

/// Paper a layout is made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum PaperSize {
    A4,
    A3,
    Letter,
    Legal,
    Custom,
}

/// Error correction level, as the screen offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum EcLevel {
    L,
    M,
    Q,
    H,
}

/// A sheet as the layout picker draws it (mm).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SheetLayout {
    pub id: String,
    pub name: String,
    pub paper: PaperSize,
    pub page_width_mm: f64,
    pub page_height_mm: f64,
    pub columns: u32,
    pub rows: u32,
    pub label_width_mm: f64,
    pub label_height_mm: f64,
    pub margin_top_mm: f64,
    pub margin_left_mm: f64,
    pub pitch_x_mm: f64,
    pub pitch_y_mm: f64,
    /// The labels' outline (round and elliptical labels keep the code inside the shape).
    pub shape: LabelShape,
    /// `true` for a sheet read from the gLabels template catalogue installed on this computer
    /// (`glabels-data`), `false` for one of QR Desk's built-in sheets.
    pub catalogue: bool,
}

/// A printer's measured correction, kept under a name: what the calibration sheet showed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PrinterProfile {
    pub name: String,
    /// Moves the print right (mm; negative: left).
    pub offset_x_mm: f64,
    /// Moves the print down (mm; negative: up).
    pub offset_y_mm: f64,
    /// Scales the print across and down about the page's top-left corner (1 = none).
    pub scale_x: f64,
    pub scale_y: f64,
}

/// The outline of the labels on a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum LabelShape {
    Rectangle,
    Round,
    Ellipse,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum CaptionSource {
    None,
    Name,
    Content,
    Column,
}

/// The Print screen's options (the engine has more; the CLI exposes them all).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PrintSettings {
    pub layout: String,
    /// Printed size of the symbol, quiet zone included; 0 = the largest that fits.
    pub size_mm: f64,
    pub ec: EcLevel,
    /// `#rrggbb`; black prints as 100 % K.
    pub foreground: String,
    pub background: String,
    pub caption: CaptionSource,
    pub bleed_mm: f64,
    pub crop_marks: bool,
    /// 1-based label position on the first sheet.
    pub start_at: u32,
    pub offset_x_mm: f64,
    pub offset_y_mm: f64,
    /// A saved brand style by name; `None` prints plain codes in `foreground`.
    pub style: Option<String>,
    /// A saved printer profile by name: its offset and scale replace the two shifts above.
    pub printer_profile: Option<String>,
    /// A saved label design by name: the code's place and its text fields (instead of the
    /// caption).
    pub design: Option<String>,
}

/// Which CSV columns feed what.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ColumnMapping {
    pub content: String,
    pub caption: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum PrintSource {
    Selection {
        #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
        codes: Vec<CodeId>,
    },
    Search {
        query: CodeSearch,
    },
    Csv {
        text: String,
        mapping: ColumnMapping,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PrintRequest {
    pub source: PrintSource,
    pub options: PrintSettings,
}

/// A row that will not print, listed before printing.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct RowProblem {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub row: u64,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub code: Option<CodeId>,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PrintPreview {
    /// Page 1 as a `data:image/svg+xml;base64,…` URL.
    pub page_image: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub pages: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub labels: u64,
    pub problems: Vec<RowProblem>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PrintResult {
    pub path: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub pages: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub labels: u64,
    pub problems: Vec<RowProblem>,
}

/// Event [`super::events::PRINT_PROGRESS`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PrintProgress {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub done: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub total: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CsvPreview {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub row_count: u64,
    pub suggested: ColumnMapping,
}

/// `csv_preview` payload: the text of a chosen or pasted CSV.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CsvPreviewRequest {
    pub text: String,
}

/// `export_code` payload: one code as SVG, PNG or PDF.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ExportRequest {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub code: CodeId,
    pub format: String,
    /// A saved brand style by name; `None` = plain.
    pub style: Option<String>,
}

/// Where a download was written.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ExportResult {
    pub path: String,
}

/// `open_path` / `show_in_folder` payload: a file this window wrote.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PathRequest {
    pub path: String,
}
