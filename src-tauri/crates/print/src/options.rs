//! What a print job is made of ([`PrintJob`]), what it reports while it runs ([`Progress`]) and
//! when it is done ([`PrintReport`]).

use std::path::PathBuf;

use serde::Serialize;

use crate::design::Design;
use crate::error::RowProblem;
use crate::ink::Ink;
use crate::layout::Layout;
use crate::pdf::page::Calibration;
use crate::source::Source;
use crate::style::Style;
use crate::symbol::EcLevel;

/// How big the code is.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum SizeSpec {
    /// The largest square that fits the label with the safe inset (and room for a caption).
    #[default]
    Auto,
    /// Outer size in mm, quiet zone included (`--size 30mm`).
    Symbol(f64),
    /// Module size in mm (`--module 0.5mm`); the outer size follows from the QR version.
    Module(f64),
}

/// Every option of a print job. `PrintOptions::default()` is what `qrdesk print` does with no
/// flags.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintOptions {
    /// Page size in mm for grids and one-per-page (`None`: the layout's own).
    pub page: Option<(f64, f64)>,
    pub size: SizeSpec,
    pub ec: EcLevel,
    /// `ec` was chosen by the user (`--ec`), not left at the default: a style with a logo then
    /// refuses a level under H instead of raising it.
    pub ec_chosen: bool,
    pub ink: Ink,
    /// Brand style (shapes, inks, logo, frame); `None` draws plain squares in `ink`.
    pub style: Option<Style>,
    /// Caption template (`{name}`, `{row}`, `{serial:06}`, any column); `None` = no caption.
    pub caption: Option<String>,
    /// Label design (the code's place and several text fields); takes the caption's place.
    pub design: Option<Design>,
    /// First value of `{serial}`.
    pub serial_start: u64,
    /// Bleed in mm (one-per-page).
    pub bleed: f64,
    pub crop_marks: bool,
    pub cut_lines: bool,
    /// Label to start at on the first sheet, from 1 (for part-used sheets).
    pub start_at: u32,
    pub calibration: Calibration,
    /// Quiet zone in modules (4; never under 2 unless `force`).
    pub quiet_zone: u16,
    /// Allows a quiet zone under 2 modules.
    pub force: bool,
    /// Decode every placed code back and fail on any mismatch.
    pub verify: bool,
    /// Print the valid rows and report the invalid ones instead of stopping at the first.
    pub skip_invalid: bool,
    /// Where to write the manifest CSV (row → page → position → payload).
    pub manifest: Option<PathBuf>,
    /// Document title.
    pub title: String,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions {
            page: None,
            size: SizeSpec::Auto,
            ec: EcLevel::M,
            ec_chosen: false,
            ink: Ink::default(),
            style: None,
            caption: None,
            design: None,
            serial_start: 1,
            bleed: 0.0,
            crop_marks: false,
            cut_lines: false,
            start_at: 1,
            calibration: Calibration::default(),
            quiet_zone: 4,
            force: false,
            verify: false,
            skip_invalid: false,
            manifest: None,
            title: "QR codes".to_string(),
        }
    }
}

/// A print job: rows, layout and options.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintJob {
    pub source: Source,
    pub layout: Layout,
    pub options: PrintOptions,
}

/// Progress events (after every batch of rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Rows handled so far (printed or skipped).
    pub done: u64,
    /// Rows in the source.
    pub total: u64,
    pub pages: u64,
}

/// What a finished job did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrintReport {
    pub output: PathBuf,
    /// Data rows read.
    pub rows: u64,
    /// Codes placed.
    pub codes: u64,
    pub pages: u64,
    pub bytes: u64,
    /// Rows left out with `skip_invalid`.
    pub skipped: Vec<RowProblem>,
    /// Things worth knowing that did not stop the job (uncovered caption characters …).
    pub warnings: Vec<String>,
    pub verified: bool,
    pub manifest: Option<PathBuf>,
}
