//! The Print screen and a code's downloads: layouts, CSV preview, live page preview, the print
//! job itself and single-code exports, over the `qrdesk-print` engine.
//!
//! CSV text typed or chosen in the window arrives as text; it is written to a private temporary
//! file in the data folder for the engine (which streams files) and removed afterwards.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use qrdesk_core::{AppError, CodeId};
use qrdesk_print::{
    find_layout, layouts as builtin, preview_csv, render_preview_svg, run, run_each, Calibration,
    CsvSource, EachFormat, Imposition, Ink, Layout, PrintItem, PrintJob, PrintOptions, Progress,
    SizeSpec, Source,
};
use qrdesk_store::codes;

use crate::context::AppContext;
use crate::library::CodeSearch;
use crate::print_source::print_item;

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

impl EcLevel {
    fn engine(self) -> qrdesk_print::EcLevel {
        match self {
            EcLevel::L => qrdesk_print::EcLevel::L,
            EcLevel::M => qrdesk_print::EcLevel::M,
            EcLevel::Q => qrdesk_print::EcLevel::Q,
            EcLevel::H => qrdesk_print::EcLevel::H,
        }
    }
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "PrintOptions"))]
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
}

/// Largest CSV the window accepts (the file crosses IPC as text; the CLI streams any size).
pub const MAX_CSV_BYTES: usize = 100_000_000;
/// Longest CSV column name accepted in a mapping (characters).
const MAX_COLUMN_CHARS: usize = 200;
/// Most codes one selection print may name (the library holds about this many at most).
pub const MAX_SELECTION: usize = 1_000_000;
/// Printer calibration offsets beyond this (mm) are a typo, not a printer.
const MAX_OFFSET_MM: f64 = 20.0;

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

/// Event `print://progress`.
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

/// Every built-in layout, as the picker draws it.
pub fn list_layouts() -> Vec<SheetLayout> {
    builtin()
        .iter()
        .filter_map(|info| {
            let layout = find_layout(&info.name).ok()?;
            let options = PrintOptions { size: SizeSpec::Symbol(30.0), ..PrintOptions::default() };
            let job = PrintJob { source: Source::Items(Vec::new()), layout, options };
            let imp: Imposition = qrdesk_print::imposition(&job).ok()?;
            Some(SheetLayout {
                id: info.name.clone(),
                name: info.description.clone(),
                paper: paper_name(imp.media_w, imp.media_h),
                page_width_mm: imp.media_w,
                page_height_mm: imp.media_h,
                columns: imp.columns,
                rows: imp.rows,
                label_width_mm: imp.label_w,
                label_height_mm: imp.label_h,
                margin_top_mm: imp.top,
                margin_left_mm: imp.left,
                pitch_x_mm: imp.pitch_x,
                pitch_y_mm: imp.pitch_y,
            })
        })
        .collect()
}

fn paper_name(w: f64, h: f64) -> PaperSize {
    let near = |a: f64, b: f64| (a - b).abs() < 1.0;
    let (w, h) = if w > h { (h, w) } else { (w, h) };
    match () {
        _ if near(w, 210.0) && near(h, 297.0) => PaperSize::A4,
        _ if near(w, 297.0) && near(h, 420.0) => PaperSize::A3,
        _ if near(w, 215.9) && near(h, 279.4) => PaperSize::Letter,
        _ if near(w, 215.9) && near(h, 355.6) => PaperSize::Legal,
        _ => PaperSize::Custom,
    }
}

/// The first rows of a CSV the person chose or pasted, with a guess at the columns.
pub fn csv_preview(ctx: &AppContext, text: &str) -> Result<CsvPreview, AppError> {
    let file = TempCsv::write(ctx.data_dir(), text)?;
    let source = CsvSource { path: file.path().to_path_buf(), column: None, delimiter: None };
    let table = preview_csv(&source, 10).map_err(AppError::from)?;
    let content = table
        .payload_column
        .clone()
        .or_else(|| {
            // No telltale column name: the first column whose first cell looks like a link.
            let first = table.rows.first()?;
            let i =
                first.iter().position(|c| c.starts_with("http://") || c.starts_with("https://"))?;
            table.columns.get(i).cloned()
        })
        .unwrap_or_else(|| table.columns.first().cloned().unwrap_or_default());
    let caption = ["name", "caption", "title", "label"]
        .iter()
        .find_map(|n| table.columns.iter().find(|c| c.eq_ignore_ascii_case(n)).cloned());
    Ok(CsvPreview {
        columns: table.columns,
        rows: table.rows,
        row_count: table.row_count,
        suggested: ColumnMapping { content, caption },
    })
}

/// A job built from a request, with what it needs kept alive and how rows map to codes.
pub struct PreparedJob {
    pub job: PrintJob,
    /// For cache sources: the code id of each row (row numbers count from 1).
    codes: Vec<CodeId>,
    _csv: Option<TempCsv>,
}

impl PreparedJob {
    fn problem(&self, p: &qrdesk_print::RowProblem) -> RowProblem {
        let code =
            usize::try_from(p.row).ok().and_then(|r| self.codes.get(r.checked_sub(1)?)).copied();
        let value: String = p.value.chars().take(60).collect();
        RowProblem { row: p.row, code, message: format!("{} ({value}). {}", p.reason, p.fix) }
    }
}

/// Turns the screen's request into an engine job.
pub fn prepare(ctx: &AppContext, request: &PrintRequest) -> Result<PreparedJob, AppError> {
    let o = &request.options;
    let layout: Layout = find_layout(&o.layout).map_err(AppError::from)?;
    let ec = o.ec.engine();
    let ink = ink(&o.foreground)?;
    if !is_white(&o.background) {
        return Err(AppError::bad_input(
            "Light modules are left as paper; print on coloured stock instead of choosing a background colour",
        ));
    }
    if !(0.0..=1000.0).contains(&o.size_mm) || !(0.0..=20.0).contains(&o.bleed_mm) {
        return Err(AppError::bad_input(
            "Choose a code size up to 1000 mm and a bleed up to 20 mm",
        ));
    }
    let offset_ok = |v: f64| v.is_finite() && v.abs() <= MAX_OFFSET_MM;
    if !offset_ok(o.offset_x_mm) || !offset_ok(o.offset_y_mm) {
        return Err(AppError::bad_input(format!(
            "A printer calibration offset moves the print by at most {MAX_OFFSET_MM} mm each way"
        )));
    }
    match &request.source {
        PrintSource::Csv { mapping, .. }
            if std::iter::once(&mapping.content)
                .chain(&mapping.caption)
                .any(|c| c.chars().count() > MAX_COLUMN_CHARS) =>
        {
            return Err(AppError::bad_input(format!(
                "A CSV column name is longer than {MAX_COLUMN_CHARS} characters; pick the column \
                 from the list"
            )));
        }
        PrintSource::Selection { codes } if codes.len() > MAX_SELECTION => {
            return Err(AppError::bad_input(format!(
                "{} codes are selected; print at most {MAX_SELECTION} at a time",
                codes.len()
            )));
        }
        _ => {}
    }
    let (source, codes, csv, caption) = match &request.source {
        PrintSource::Csv { text, mapping } => {
            let file = TempCsv::write(ctx.data_dir(), text)?;
            let source = Source::Csv(CsvSource {
                path: file.path().to_path_buf(),
                column: Some(mapping.content.clone()),
                delimiter: None,
            });
            let caption = match (o.caption, &mapping.caption) {
                (CaptionSource::None, _) => None,
                (CaptionSource::Content, _) => Some(format!("{{{}}}", mapping.content)),
                (_, Some(column)) => Some(format!("{{{column}}}")),
                (_, None) => None,
            };
            (source, Vec::new(), Some(file), caption)
        }
        PrintSource::Selection { codes: ids } => {
            let found = ctx
                .store()
                .read(|c| ids.iter().map(|id| codes::get(c, *id)).collect::<Result<Vec<_>, _>>())?;
            let (items, ids) = cache_items(found);
            (Source::Items(items), ids, None, cache_caption(o.caption))
        }
        PrintSource::Search { query } => {
            let filter = query.filter();
            let found = ctx.store().read(|c| codes::list(c, &filter))?;
            let (items, ids) = cache_items(found);
            (Source::Items(items), ids, None, cache_caption(o.caption))
        }
    };
    if matches!(&source, Source::Items(items) if items.is_empty()) {
        return Err(AppError::bad_input(
            "No codes to print: select some in the library, or widen the search",
        ));
    }
    let options = PrintOptions {
        size: if o.size_mm > 0.0 { SizeSpec::Symbol(o.size_mm) } else { SizeSpec::Auto },
        ec,
        ink,
        caption,
        bleed: o.bleed_mm,
        crop_marks: o.crop_marks,
        start_at: o.start_at.max(1),
        calibration: Calibration {
            offset: (o.offset_x_mm, o.offset_y_mm),
            ..Calibration::default()
        },
        skip_invalid: true,
        ..PrintOptions::default()
    };
    Ok(PreparedJob { job: PrintJob { source, layout, options }, codes, _csv: csv })
}

fn cache_items(found: Vec<qrdesk_core::QrCode>) -> (Vec<PrintItem>, Vec<CodeId>) {
    (found.iter().map(print_item).collect(), found.iter().map(|c| c.id).collect())
}

fn cache_caption(source: CaptionSource) -> Option<String> {
    match source {
        CaptionSource::None => None,
        CaptionSource::Content => Some("{short_url}".into()),
        CaptionSource::Name | CaptionSource::Column => Some("{name}".into()),
    }
}

fn ink(foreground: &str) -> Result<Ink, AppError> {
    let hex = foreground.trim().trim_start_matches('#');
    if hex.eq_ignore_ascii_case("000000") {
        return Ok(Ink::default());
    }
    Ink::parse(&format!("rgb:#{hex}")).map_err(AppError::from)
}

fn is_white(colour: &str) -> bool {
    let c = colour.trim().trim_start_matches('#');
    c.is_empty() || c.eq_ignore_ascii_case("ffffff") || c.eq_ignore_ascii_case("fff")
}

/// Page 1 of the job as an image, with the problems found on the way.
pub fn print_preview(ctx: &AppContext, request: &PrintRequest) -> Result<PrintPreview, AppError> {
    let prepared = prepare(ctx, request)?;
    let page = render_preview_svg(&prepared.job, 0).map_err(AppError::from)?;
    let rows = qrdesk_print::count_rows(&prepared.job.source).map_err(AppError::from)?;
    let per_page =
        qrdesk_print::imposition(&prepared.job).map_err(AppError::from)?.per_page().max(1);
    let slots = rows + u64::from(prepared.job.options.start_at.saturating_sub(1));
    let encoded = base64::engine::general_purpose::STANDARD.encode(page.svg.as_bytes());
    Ok(PrintPreview {
        page_image: format!("data:image/svg+xml;base64,{encoded}"),
        pages: slots.div_ceil(u64::from(per_page)).max(1),
        labels: rows,
        problems: page.problems.iter().map(|p| prepared.problem(p)).collect(),
    })
}

/// Writes the PDF to `out` (atomically: a cancelled or failed job leaves nothing).
pub fn print_run(
    ctx: &AppContext,
    request: &PrintRequest,
    out: &Path,
    progress: &dyn Fn(PrintProgress),
    cancel: &AtomicBool,
) -> Result<PrintResult, AppError> {
    let prepared = prepare(ctx, request)?;
    let report = run(
        &prepared.job,
        out,
        &|p: Progress| progress(PrintProgress { done: p.done, total: p.total }),
        cancel,
    )
    .map_err(AppError::from)?;
    Ok(PrintResult {
        path: out.display().to_string(),
        pages: report.pages,
        labels: report.codes,
        problems: report.skipped.iter().map(|p| prepared.problem(p)).collect(),
    })
}

/// Checks a print request before anyone is asked where to save it.
pub fn check_print(ctx: &AppContext, request: &PrintRequest) -> Result<(), AppError> {
    prepare(ctx, request).map(|_| ())
}

/// Checks a download before anyone is asked where to save it: the code exists and has a short
/// URL, and the format is `svg`, `png` or `pdf` (exactly, in any case).
pub fn check_export(ctx: &AppContext, code: CodeId, format: &str) -> Result<EachFormat, AppError> {
    let format = ["svg", "png", "pdf"]
        .iter()
        .find(|f| f.eq_ignore_ascii_case(format))
        .and_then(|f| EachFormat::parse(f))
        .ok_or_else(|| {
            AppError::bad_input(format!("Downloads come as svg, png or pdf, not \"{format}\""))
        })?;
    let found = ctx.store().read(|c| codes::get(c, code))?;
    if found.content.trim().is_empty() {
        return Err(AppError::bad_input(
            "This code has no short URL yet (the service has not confirmed it). Sync, then download it",
        ));
    }
    Ok(format)
}

/// `svg`, `png` or `pdf` of one cached code (its short URL), written atomically to `out`.
pub fn export_code(
    ctx: &AppContext,
    code: CodeId,
    format: &str,
    out: &Path,
) -> Result<PathBuf, AppError> {
    let format = check_export(ctx, code, format)?;
    let found = ctx.store().read(|c| codes::get(c, code))?;
    let (items, _) = cache_items(vec![found]);
    let job = PrintJob {
        source: Source::Items(items),
        layout: find_layout("one-per-page").map_err(AppError::from)?,
        options: PrintOptions { size: SizeSpec::Symbol(30.0), ..PrintOptions::default() },
    };
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let staging = tempfile::tempdir_in(parent)
        .map_err(|e| AppError::io(format!("Could not write in {}: {e}", parent.display())))?;
    let never = AtomicBool::new(false);
    run_each(&job, format, staging.path(), &|_| {}, &never).map_err(AppError::from)?;
    let made = std::fs::read_dir(staging.path())
        .ok()
        .and_then(|mut d| d.next())
        .and_then(Result::ok)
        .map(|e| e.path())
        .ok_or_else(|| AppError::io("The download was not written"))?;
    std::fs::rename(&made, out)
        .map_err(|e| AppError::io(format!("Could not save {}: {e}", out.display())))?;
    Ok(out.to_path_buf())
}

/// CSV text in a private temporary file (removed on drop).
struct TempCsv(tempfile::NamedTempFile);

impl TempCsv {
    fn write(dir: &Path, text: &str) -> Result<TempCsv, AppError> {
        if text.trim().is_empty() {
            return Err(AppError::bad_input(
                "The CSV is empty; the first line must name the columns, like name,url",
            ));
        }
        if text.len() > MAX_CSV_BYTES {
            return Err(AppError::bad_input(format!(
                "The CSV is {} MB; the window takes files up to {} MB. Split it, or print it \
                 with `qrdesk print --csv`, which has no limit",
                text.len() / 1_000_000,
                MAX_CSV_BYTES / 1_000_000
            )));
        }
        let mut f = tempfile::Builder::new()
            .prefix("print-")
            .suffix(".csv")
            .tempfile_in(dir)
            .map_err(|e| AppError::io(format!("Could not write in the data folder: {e}")))?;
        f.write_all(text.as_bytes())
            .map_err(|e| AppError::io(format!("Could not write in the data folder: {e}")))?;
        Ok(TempCsv(f))
    }

    fn path(&self) -> &Path {
        self.0.path()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> PrintSettings {
        PrintSettings {
            layout: "avery-l7160".into(),
            size_mm: 0.0,
            ec: EcLevel::M,
            foreground: "#000000".into(),
            background: "#ffffff".into(),
            caption: CaptionSource::None,
            bleed_mm: 0.0,
            crop_marks: false,
            start_at: 1,
            offset_x_mm: 0.0,
            offset_y_mm: 0.0,
        }
    }

    fn csv(text: &str, column: &str) -> PrintSource {
        PrintSource::Csv {
            text: text.into(),
            mapping: ColumnMapping { content: column.into(), caption: None },
        }
    }

    fn refused(request: PrintRequest) -> String {
        let dir = tempfile::tempdir().unwrap();
        let ctx = AppContext::open(dir.path()).unwrap();
        match check_print(&ctx, &request) {
            Err(e) => {
                assert_eq!(e.kind, qrdesk_core::ErrorKind::BadInput);
                e.message
            }
            Ok(()) => panic!("accepted"),
        }
    }

    #[test]
    fn requests_from_the_window_are_checked_before_anything_is_written() {
        let ok = csv("url\nhttps://a.example/1\n", "url");
        let mut far = settings();
        far.offset_x_mm = 500.0;
        assert!(
            refused(PrintRequest { source: ok.clone(), options: far }).contains("at most 20 mm")
        );
        let mut nan = settings();
        nan.offset_y_mm = f64::NAN;
        assert!(refused(PrintRequest { source: ok, options: nan }).contains("at most 20 mm"));
        let long_column = "c".repeat(201);
        let text = format!("{long_column}\nhttps://a.example/1\n");
        assert!(refused(PrintRequest { source: csv(&text, &long_column), options: settings() })
            .contains("longer than 200 characters"));
        let many = PrintSource::Selection { codes: vec![1; MAX_SELECTION + 1] };
        assert!(refused(PrintRequest { source: many, options: settings() })
            .contains("print at most 1000000"));
        let huge = "url\n".to_string() + &"https://a.example/\n".repeat(MAX_CSV_BYTES / 18 + 1);
        assert!(refused(PrintRequest { source: csv(&huge, "url"), options: settings() })
            .contains("up to 100 MB"));
    }
}
