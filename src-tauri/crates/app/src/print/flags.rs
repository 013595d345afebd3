//! `qrdesk print`: the command line's print job. The CLI parses its flags into [`PrintFlags`]
//! (plain values, nothing decided); here they become an engine job over a CSV or the cache, run
//! to one PDF or to one file per code. The window's requests take `job.rs`; both end in the same
//! engine.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use qrdesk_core::{AccountId, AppError, CodeStatus};
use qrdesk_print::{
    find_layout, load_layout_file, parse_length, parse_page, parse_pair, parse_scale, run_each,
    run_with, Calibration, CsvSource, EachFormat, EcLevel, Ink, Layout, PrintJob, PrintOptions,
    PrintReport, Progress, SizeSpec, Source,
};

use super::cache_rows::{cached_items, read_ids_file, CacheSelection};
use super::history::{record_job, JobSettings, JobSource};
use super::label_log::LabelLog;
use crate::context::AppContext;
use crate::designs::{design_arg_is_file, resolve_design_arg};
use crate::styles::resolve_style_arg;

/// Where the rows come from.
#[derive(Debug, Clone)]
pub enum FlagSource {
    /// A CSV file: the payload column (default: guessed), delimiter (default: detected) and
    /// the column saying how many labels each row prints (default: one each).
    Csv {
        path: PathBuf,
        column: Option<String>,
        delimiter: Option<u8>,
        quantity_column: Option<String>,
    },
    /// Cached codes of an account, optionally narrowed by a search.
    Account { account: AccountId, search: Option<String> },
    /// Cached codes whose ids a file lists, one per line.
    Ids(PathBuf),
}

impl FlagSource {
    /// Whether the data folder must be opened (cached codes).
    pub fn needs_library(&self) -> bool {
        !matches!(self, FlagSource::Csv { .. })
    }
}

/// Where the job writes.
#[derive(Debug, Clone)]
pub enum FlagOutput {
    Pdf(PathBuf),
    /// One file per code in a new or empty folder.
    Each {
        format: EachFormat,
        dir: PathBuf,
    },
}

/// The print flags as typed; lengths and colours are still text.
#[derive(Debug, Clone)]
pub struct PrintFlags {
    pub source: FlagSource,
    /// Cached sources: only this status, and codes deleted on their service too.
    pub status: Option<CodeStatus>,
    pub include_deleted: bool,
    /// Layout name; `None` = one code per page (only with `--each`).
    pub layout: Option<String>,
    pub layout_file: Option<PathBuf>,
    pub page: Option<String>,
    pub size: Option<String>,
    pub module: Option<String>,
    pub ec: EcLevel,
    /// `--ec` was given (a style with a logo refuses a level below H instead of raising it).
    pub ec_chosen: bool,
    pub color: String,
    /// `--style NAME|FILE`: a saved style or a style file.
    pub style: Option<String>,
    /// `--printer-profile NAME`: a saved printer's offset and scale (instead of `offset`/`scale`).
    pub printer_profile: Option<String>,
    /// `--design NAME|FILE`: a saved label design or a design file (instead of `caption`).
    pub design: Option<String>,
    pub caption: Option<String>,
    pub serial_start: u64,
    pub bleed: Option<String>,
    pub crop_marks: bool,
    pub cut_lines: bool,
    pub start_at: u32,
    pub offset: Option<String>,
    pub scale: Option<String>,
    pub quiet_zone: u16,
    pub force: bool,
    pub verify: bool,
    pub skip_invalid: bool,
    pub manifest: Option<PathBuf>,
    pub output: FlagOutput,
}

impl PrintFlags {
    /// Whether the data folder must be opened: cached codes, or a saved style by name.
    pub fn needs_library(&self) -> bool {
        self.source.needs_library()
            || self.printer_profile.is_some()
            || self.style.as_deref().is_some_and(|s| !crate::styles::style_arg_is_file(s))
            || self.design.as_deref().is_some_and(|d| !design_arg_is_file(d))
    }
}

/// Builds and runs the job. `ctx` is needed for cached sources, saved styles and profiles.
pub fn print_with_flags(
    ctx: Option<&AppContext>,
    flags: &PrintFlags,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
) -> Result<PrintReport, AppError> {
    Ok(print_job(ctx, flags, progress, cancel, false)?.0)
}

/// [`print_with_flags`] with the library open: a PDF job is recorded in the print history;
/// returns the report and the job's number (`None` for one file per code).
pub fn print_and_record(
    ctx: &AppContext,
    flags: &PrintFlags,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
) -> Result<(PrintReport, Option<i64>), AppError> {
    print_job(Some(ctx), flags, progress, cancel, true)
}

fn print_job(
    ctx: Option<&AppContext>,
    flags: &PrintFlags,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
    record: bool,
) -> Result<(PrintReport, Option<i64>), AppError> {
    let mut options = options(flags)?;
    options.style = flags.style.as_deref().map(|s| resolve_style_arg(ctx, s)).transpose()?;
    options.design = flags.design.as_deref().map(|d| resolve_design_arg(ctx, d)).transpose()?;
    if let (Some(name), Some(ctx)) = (&flags.printer_profile, ctx) {
        options.calibration = super::profiles::profile_calibration(ctx, name)?;
    }
    let job = PrintJob { source: source(ctx, flags)?, layout: layout(flags)?, options };
    let out = match &flags.output {
        FlagOutput::Each { format, dir } => {
            let report = run_each(&job, *format, dir, progress, cancel).map_err(AppError::from)?;
            return Ok((report, None));
        }
        FlagOutput::Pdf(out) => out,
    };
    let mut labels = record.then(LabelLog::new).transpose()?;
    let report = run_with(&job, out, progress, cancel, &mut |p| {
        if let Some(log) = labels.as_mut() {
            log.push(p);
        }
    })
    .map_err(AppError::from)?;
    let (Some(ctx), Some(labels)) = (ctx.filter(|_| record), labels) else {
        return Ok((report, None));
    };
    let source = match &flags.source {
        FlagSource::Csv { path, .. } => JobSource::csv(path),
        FlagSource::Account { account, search } => JobSource::described(match search {
            Some(q) => format!("account #{account}, search \"{q}\""),
            None => format!("account #{account}, every cached code"),
        }),
        FlagSource::Ids(file) => JobSource::described(format!("ids in {}", file.display())),
    };
    let settings = JobSettings::of(
        flags.layout.as_deref().unwrap_or("one-per-page"),
        flags.layout_file.as_deref(),
        flags.style.as_deref(),
        flags.design.as_deref(),
        &job.options,
    );
    let id = record_job(ctx, &source, &settings, &report, labels.rows()?)?;
    Ok((report, Some(id)))
}

fn source(ctx: Option<&AppContext>, flags: &PrintFlags) -> Result<Source, AppError> {
    let selection = match &flags.source {
        FlagSource::Csv { path, column, delimiter, quantity_column } => {
            return Ok(Source::Csv(CsvSource {
                path: path.clone(),
                column: column.clone(),
                delimiter: *delimiter,
                quantity_column: quantity_column.clone(),
            }))
        }
        FlagSource::Account { account, search } => {
            CacheSelection::Account { account: *account, search: search.clone() }
        }
        FlagSource::Ids(file) => CacheSelection::Ids(read_ids_file(file)?),
    };
    let ctx = ctx.ok_or_else(|| AppError::io("The data folder is needed to print cached codes"))?;
    Ok(Source::Items(cached_items(ctx, &selection, flags.status, flags.include_deleted)?))
}

fn layout(flags: &PrintFlags) -> Result<Layout, AppError> {
    match &flags.layout {
        Some(name) => layout_by_name(name, flags.layout_file.as_deref()),
        None => find_layout("one-per-page").map_err(AppError::from),
    }
}

/// `--layout NAME` (a built-in, a catalogue sheet or a file path), or NAME in `--layout-file`.
pub fn layout_by_name(name: &str, file: Option<&std::path::Path>) -> Result<Layout, AppError> {
    if let Some(file) = file {
        let layouts = load_layout_file(file).map_err(AppError::from)?;
        return layouts.into_iter().find(|l| l.name == name.to_ascii_lowercase()).ok_or_else(
            || AppError::bad_input(format!("{} has no layout named \"{name}\"", file.display())),
        );
    }
    find_layout(name).map_err(AppError::from)
}

fn options(flags: &PrintFlags) -> Result<PrintOptions, AppError> {
    let len = |v: &str| parse_length(v).map_err(AppError::from);
    let size = match (&flags.size, &flags.module) {
        (Some(s), _) => SizeSpec::Symbol(len(s)?),
        (None, Some(m)) => SizeSpec::Module(len(m)?),
        (None, None) => SizeSpec::Auto,
    };
    let calibration = Calibration {
        offset: match &flags.offset {
            Some(o) => parse_pair(o).map_err(AppError::from)?,
            None => (0.0, 0.0),
        },
        scale: match &flags.scale {
            Some(s) => parse_scale(s).map_err(AppError::from)?,
            None => (1.0, 1.0),
        },
    };
    let title = match &flags.output {
        FlagOutput::Pdf(out) => out.file_stem().map(|s| s.to_string_lossy().to_string()),
        FlagOutput::Each { .. } => None,
    };
    Ok(PrintOptions {
        page: flags.page.as_deref().map(parse_page).transpose().map_err(AppError::from)?,
        size,
        ec: flags.ec,
        ec_chosen: flags.ec_chosen,
        style: None,
        design: None,
        ink: Ink::parse(&flags.color).map_err(AppError::from)?,
        caption: flags.caption.clone(),
        serial_start: flags.serial_start,
        bleed: flags.bleed.as_deref().map(len).transpose()?.unwrap_or(0.0),
        crop_marks: flags.crop_marks,
        cut_lines: flags.cut_lines,
        start_at: flags.start_at,
        calibration,
        quiet_zone: flags.quiet_zone,
        force: flags.force,
        verify: flags.verify,
        skip_invalid: flags.skip_invalid,
        manifest: flags.manifest.clone(),
        title: title.unwrap_or_else(|| "QR codes".to_string()),
    })
}
