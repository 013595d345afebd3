//! The print history: every PDF job (command line or window) is recorded with what it printed
//! from (a CSV's path and SHA-256, an account and search, an id list, the window's selection),
//! the settings that reprint it, its counts, and every label placed. `qrdesk print history` lists
//! the jobs; a reprint prints chosen labels again (by row or serial) with the same payloads,
//! captions, frame text and settings, on a part-used sheet when asked, and is recorded too.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use qrdesk_core::{AppError, ErrorKind};
use qrdesk_print::{
    run_with, Calibration, EcLevel, Ink, Placement, PrintItem, PrintJob, PrintOptions, PrintReport,
    SizeSpec, Source,
};
use qrdesk_store::print_history::{self, JobRow, LabelRow};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::flags::layout_by_name;
use crate::context::AppContext;
use crate::designs::resolve_design_arg;
use crate::styles::resolve_style_arg;

/// What a reprint needs of a job's settings (kept as JSON with the job).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobSettings {
    pub layout: String,
    pub layout_file: Option<String>,
    pub page: Option<(f64, f64)>,
    /// Code size with its quiet zone (mm), or the module size; neither = the largest that fits.
    pub size_mm: Option<f64>,
    pub module_mm: Option<f64>,
    pub ec: String,
    pub ec_chosen: bool,
    pub ink: Ink,
    pub quiet_zone: u16,
    pub bleed: f64,
    pub crop_marks: bool,
    pub cut_lines: bool,
    pub offset: (f64, f64),
    pub scale: (f64, f64),
    /// A saved style's name or a style file's path.
    pub style: Option<String>,
    /// A saved label design's name or a design file's path.
    #[serde(default)]
    pub design: Option<String>,
    pub force: bool,
}

impl JobSettings {
    /// The settings of a job about to run: its layout as named, the style as named, and the
    /// engine options it was resolved to.
    pub fn of(
        layout: &str,
        layout_file: Option<&Path>,
        style: Option<&str>,
        design: Option<&str>,
        o: &PrintOptions,
    ) -> Self {
        JobSettings {
            layout: layout.to_string(),
            layout_file: layout_file.map(|f| f.display().to_string()),
            page: o.page,
            size_mm: match o.size {
                SizeSpec::Symbol(s) => Some(s),
                _ => None,
            },
            module_mm: match o.size {
                SizeSpec::Module(m) => Some(m),
                _ => None,
            },
            ec: format!("{:?}", o.ec),
            ec_chosen: o.ec_chosen,
            ink: o.ink.clone(),
            quiet_zone: o.quiet_zone,
            bleed: o.bleed,
            crop_marks: o.crop_marks,
            cut_lines: o.cut_lines,
            offset: o.calibration.offset,
            scale: o.calibration.scale,
            style: style.map(str::to_string),
            design: design.map(str::to_string),
            force: o.force,
        }
    }
}

/// What a job printed from.
#[derive(Debug, Clone, PartialEq)]
pub struct JobSource {
    pub description: String,
    pub sha256: Option<String>,
}

impl JobSource {
    /// A CSV file, with the SHA-256 of its bytes as printed.
    pub fn csv(path: &Path) -> JobSource {
        let sha256 = std::fs::File::open(path).ok().and_then(|mut f| {
            let mut hasher = Sha256::new();
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                match f.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => hasher.update(&buf[..n]),
                    Err(_) => return None,
                }
            }
            Some(format!("{:x}", hasher.finalize()))
        });
        let shown = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        JobSource { description: format!("CSV {}", shown.display()), sha256 }
    }

    pub fn described(text: impl Into<String>) -> JobSource {
        JobSource { description: text.into(), sha256: None }
    }
}

/// One placed label as the history keeps it.
pub fn label_row(p: &Placement) -> LabelRow {
    LabelRow {
        row: p.row,
        serial: p.serial,
        page: p.page,
        slot: p.slot,
        payload: p.payload.clone(),
        caption: p.caption.clone(),
        frame: p.frame.clone(),
        fields: p.fields.clone(),
    }
}

/// Records a finished job and its labels (one transaction); returns the job's number. The
/// labels come from a list or from a [`super::label_log::LabelLog`] (large jobs).
pub fn record_job(
    ctx: &AppContext,
    source: &JobSource,
    settings: &JobSettings,
    report: &PrintReport,
    labels: impl IntoIterator<Item = Result<LabelRow, AppError>>,
) -> Result<i64, AppError> {
    let job = JobRow {
        id: 0,
        created_at: ctx.now(),
        source: source.description.clone(),
        source_sha256: source.sha256.clone(),
        layout: settings.layout.clone(),
        style: settings.style.clone(),
        settings: serde_json::to_string(settings).unwrap_or_default(),
        rows: report.rows,
        codes: report.codes,
        pages: report.pages,
        output: report.output.display().to_string(),
    };
    ctx.store().transaction(|tx| print_history::insert(tx, &job, labels))
}

/// Which labels of a job to print again: rows and serials as typed (`3,7-9`); none = every one.
#[derive(Debug, Clone, Default)]
pub struct ReprintChoice {
    pub rows: Option<String>,
    pub serials: Option<String>,
    pub start_at: u32,
}

/// `3,7-9,12` as inclusive ranges.
pub fn parse_ranges(text: &str, what: &str) -> Result<Vec<(u64, u64)>, AppError> {
    let bad = |part: &str| {
        AppError::bad_input(format!(
            "\"{part}\" is not a {what} number or range; write them like 3,7-9,12"
        ))
    };
    text.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let (a, b) = part.split_once('-').unwrap_or((part, part));
            let a: u64 = a.trim().parse().map_err(|_| bad(part))?;
            let b: u64 = b.trim().parse().map_err(|_| bad(part))?;
            if a == 0 || b < a {
                return Err(bad(part));
            }
            Ok((a, b))
        })
        .collect()
}

fn no_job(id: i64) -> AppError {
    AppError::with_message(
        ErrorKind::BadInput,
        format!("There is no print job #{id}. `qrdesk print history` lists them."),
    )
}

/// Whether the CSV a job printed from still holds what it held then (its SHA-256), in a
/// sentence for the reprint's report. Both ways the labels are the job's own record (payloads,
/// texts and serials as printed), which the unchanged CSV would give again.
fn source_note(job: &JobRow) -> Option<String> {
    let (path, then) = (job.source.strip_prefix("CSV ")?, job.source_sha256.as_deref()?);
    let now = JobSource::csv(Path::new(path)).sha256;
    Some(match now.as_deref() {
        Some(sha) if sha == then => format!(
            "{path} is unchanged since print job #{}; the labels are the same rows again",
            job.id
        ),
        Some(_) => format!(
            "{path} has changed since print job #{}; the labels are reprinted as they were first \
             printed (from the job's record), not from the file's new contents",
            job.id
        ),
        None => format!(
            "{path} is no longer there; the labels are reprinted from print job #{}'s record",
            job.id
        ),
    })
}

/// Prints chosen labels of job `id` again to `out` (same payloads, captions, frame text and
/// settings; the style and printer correction as recorded) and records the reprint.
pub fn reprint_job(
    ctx: &AppContext,
    id: i64,
    choice: &ReprintChoice,
    out: &Path,
) -> Result<(i64, PrintReport), AppError> {
    let job = ctx.store().read(|c| print_history::get(c, id))?.ok_or_else(|| no_job(id))?;
    let settings: JobSettings = serde_json::from_str(&job.settings).map_err(|_| {
        AppError::storage(format!("The settings of print job #{id} cannot be read"))
    })?;
    let all = ctx.store().read(|c| print_history::labels(c, id))?;
    let rows = choice.rows.as_deref().map(|r| parse_ranges(r, "row")).transpose()?;
    let serials = choice.serials.as_deref().map(|s| parse_ranges(s, "serial")).transpose()?;
    let within = |v: u64, ranges: &Option<Vec<(u64, u64)>>| {
        ranges.as_ref().is_none_or(|rs| rs.iter().any(|(a, b)| (*a..=*b).contains(&v)))
    };
    let chosen: Vec<&LabelRow> =
        all.iter().filter(|l| within(l.row, &rows) && within(l.serial, &serials)).collect();
    if chosen.is_empty() {
        return Err(AppError::bad_input(format!(
            "Print job #{id} has no label with those rows or serials (it printed rows {}–{}, \
             serials {}–{})",
            all.iter().map(|l| l.row).min().unwrap_or(0),
            all.iter().map(|l| l.row).max().unwrap_or(0),
            all.iter().map(|l| l.serial).min().unwrap_or(0),
            all.iter().map(|l| l.serial).max().unwrap_or(0),
        )));
    }
    // Every text is reprinted as it was printed: the templates read the stored texts back.
    let items: Vec<PrintItem> = chosen
        .iter()
        .map(|l| {
            let mut fields = BTreeMap::from([
                ("caption".to_string(), l.caption.clone()),
                ("frame".to_string(), l.frame.clone()),
            ]);
            for (k, text) in l.fields.iter().enumerate() {
                fields.insert(format!("field {k}"), text.clone());
            }
            PrintItem { payload: l.payload.clone(), fields }
        })
        .collect();
    let mut design =
        settings.design.as_deref().map(|d| resolve_design_arg(Some(ctx), d)).transpose()?;
    if let Some(d) = design.as_mut() {
        for (k, f) in d.fields.iter_mut().enumerate() {
            f.template = format!("{{field {k}}}");
        }
    }
    let has_caption = design.is_none() && chosen.iter().any(|l| !l.caption.is_empty());
    let mut style =
        settings.style.as_deref().map(|s| resolve_style_arg(Some(ctx), s)).transpose()?;
    if let Some(s) = style.as_mut() {
        if s.frame.is_some() {
            s.frame = Some("{frame}".into());
        }
    }
    let layout = layout_by_name(&settings.layout, settings.layout_file.as_deref().map(Path::new))?;
    let options = PrintOptions {
        page: settings.page,
        size: match (settings.size_mm, settings.module_mm) {
            (Some(s), _) => SizeSpec::Symbol(s),
            (None, Some(m)) => SizeSpec::Module(m),
            (None, None) => SizeSpec::Auto,
        },
        ec: EcLevel::parse(&settings.ec).unwrap_or(EcLevel::M),
        ec_chosen: settings.ec_chosen,
        ink: settings.ink.clone(),
        style,
        design,
        caption: has_caption.then(|| "{caption}".to_string()),
        bleed: settings.bleed,
        crop_marks: settings.crop_marks,
        cut_lines: settings.cut_lines,
        start_at: choice.start_at.max(1),
        calibration: Calibration { offset: settings.offset, scale: settings.scale },
        quiet_zone: settings.quiet_zone,
        force: settings.force,
        title: format!("Reprint of print job {id}"),
        ..PrintOptions::default()
    };
    let print = PrintJob { source: Source::Items(items), layout, options };
    let mut placed = Vec::new();
    let never = AtomicBool::new(false);
    let report = run_with(&print, out, &|_| {}, &never, &mut |p| placed.push(p.clone()))
        .map_err(AppError::from)?;
    // The reprint's labels keep their original rows and serials.
    for (p, l) in placed.iter_mut().zip(&chosen) {
        p.row = l.row;
        p.serial = l.serial;
    }
    let source = JobSource::described(format!("reprint of print job #{id} ({})", job.source));
    let new_id =
        record_job(ctx, &source, &settings, &report, placed.iter().map(|p| Ok(label_row(p))))?;
    let mut report = report;
    report.warnings.extend(source_note(&job));
    Ok((new_id, report))
}
