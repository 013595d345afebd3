//! `qrdesk print`: print-ready vector PDFs of QR codes from a CSV or from the local cache,
//! one file per code with `--each`, and `--layouts` to list the built-in sheets.
//!
//! This file only checks that the flags make sense together, hands them to `qrdesk-app`'s
//! `print::flags` (which builds and runs the engine job) and words the report as text or JSON.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use clap::Args;
use qrdesk_app::print::flags::{
    print_and_record, print_with_flags, FlagOutput, FlagSource, PrintFlags,
};
use qrdesk_app::print::printers::send_pdf;
use qrdesk_app::print::{
    catalogue_size, layout_catalogue, search_layout_infos, EachFormat, EngineEcLevel, PrintReport,
    Progress,
};
use qrdesk_core::CodeStatus;

use super::print_tools::PrintAction;
use crate::global_args::GlobalArgs;
use crate::output::{CommandResult, Failure, Outcome};

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  qrdesk print --csv codes.csv --layout avery-l7160 --caption '{name}' -o labels.pdf\n  \
qrdesk print --csv codes.csv --layout one-per-page --size 30mm --bleed 3mm --crop-marks -o art.pdf\n  \
qrdesk print --csv codes.csv --each svg --out-dir codes/\n  \
qrdesk print --csv codes.csv --layout avery-l7160 --style autumn.toml --caption '{name}' -o brand.pdf\n  \
qrdesk print --layouts --search 70x36\n  \
qrdesk print calibration --layout avery-l7160 -o calibrate.pdf\n  \
qrdesk print profile save \"Shop laser\" --offset 0.4mm,-0.6mm --scale 0.998\n  \
qrdesk print --csv codes.csv --layout avery-l7160 --printer-profile \"Shop laser\" -o labels.pdf",
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
pub struct PrintArgs {
    #[command(subcommand)]
    pub action: Option<PrintAction>,

    /// List the layouts and exit: the built-ins, or with --search every sheet (gLabels
    /// catalogue included) whose name, product code or label size (70x36) matches.
    #[arg(long)]
    pub layouts: bool,

    /// CSV file with one code per row (UTF-8; comma, semicolon or tab).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["account", "ids"])]
    pub csv: Option<PathBuf>,
    /// CSV column holding the payload (default: url, payload, short_url, link or content).
    #[arg(long, value_name = "NAME", requires = "csv")]
    pub column: Option<String>,
    /// CSV delimiter: , ; or tab (default: detected from the header line).
    #[arg(long, value_name = "D", requires = "csv")]
    pub delimiter: Option<String>,
    /// CSV column saying how many labels each row prints (0 skips the row; serials keep
    /// counting across copies).
    #[arg(long, value_name = "NAME", requires = "csv", conflicts_with = "each")]
    pub quantity_column: Option<String>,
    /// Print cached codes of this account (their short URLs).
    #[arg(long, value_name = "ID", conflicts_with = "ids")]
    pub account: Option<i64>,
    /// Only cached codes matching this search (with --account); with --layouts, the sheets
    /// matching a product code, brand or label size.
    #[arg(long, value_name = "Q")]
    pub search: Option<String>,
    /// Print cached codes whose ids are listed in FILE, one per line.
    #[arg(long, value_name = "FILE")]
    pub ids: Option<PathBuf>,
    /// Only cached codes with this status (active, paused, draft, archived).
    #[arg(long, value_name = "S")]
    pub status: Option<String>,
    /// Include codes deleted on their service (cached sources).
    #[arg(long)]
    pub include_deleted: bool,

    /// Layout name (see --layouts), or a .toml/.json layout file.
    #[arg(long, value_name = "NAME")]
    pub layout: Option<String>,
    /// Extra layouts from a TOML or JSON file (pick one with --layout NAME).
    #[arg(long, value_name = "FILE")]
    pub layout_file: Option<PathBuf>,
    /// Page for grids and one-per-page: a4, a3, letter, legal or WxH (100x150mm).
    #[arg(long, value_name = "PAGE")]
    pub page: Option<String>,
    /// Code size with its quiet zone (30mm, 1.2in); default: the largest that fits the label.
    #[arg(long, value_name = "LEN", conflicts_with = "module", allow_hyphen_values = true)]
    pub size: Option<String>,
    /// Module size instead of the code size (0.5mm).
    #[arg(long, value_name = "LEN", allow_hyphen_values = true)]
    pub module: Option<String>,
    /// Error correction: L, M, Q or H (default M; H with a style's logo).
    #[arg(long, value_name = "L|M|Q|H")]
    pub ec: Option<String>,
    /// Brand style: a saved style's name (see qrdesk style list) or a style file (.toml/.json).
    #[arg(long, value_name = "NAME|FILE", conflicts_with = "color")]
    pub style: Option<String>,
    /// Ink: k (100 % black), rgb:#rrggbb, cmyk:C,M,Y,K (percent), spot:NAME[:C,M,Y,K].
    #[arg(long, value_name = "COLOUR", default_value = "k")]
    pub color: String,
    /// Caption template: {name}, {row}, any column, {serial:06}.
    #[arg(long, value_name = "TEMPLATE")]
    pub caption: Option<String>,
    /// Label design: a saved design's name (see qrdesk design list) or a design file
    /// (.toml/.json); its text fields take the caption's place.
    #[arg(long, value_name = "NAME|FILE", conflicts_with = "caption")]
    pub design: Option<String>,
    /// First value of {serial}.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub serial_start: u64,
    /// Bleed around one-per-page trims (3mm).
    #[arg(long, value_name = "LEN", allow_hyphen_values = true)]
    pub bleed: Option<String>,
    /// Draw crop marks.
    #[arg(long)]
    pub crop_marks: bool,
    /// Draw thin cut lines around each label.
    #[arg(long)]
    pub cut_lines: bool,
    /// Start at label N of the first sheet (part-used sheets).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 1,
        allow_hyphen_values = true,
        value_parser = clap::value_parser!(u32).range(1..=100_000)
    )]
    pub start_at: u32,
    /// Printer calibration offset X,Y (0.5mm,-1mm): moves everything right/down.
    #[arg(long, value_name = "X,Y", allow_hyphen_values = true)]
    pub offset: Option<String>,
    /// Printer calibration scale X[,Y] (1.002 or 1.002,0.998).
    #[arg(long, value_name = "X[,Y]")]
    pub scale: Option<String>,
    /// A saved printer's offset and scale (see qrdesk print profile list).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["offset", "scale"])]
    pub printer_profile: Option<String>,
    /// Quiet zone in modules (at least 2 unless --force).
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub quiet_zone: u16,
    /// Allow a quiet zone under 2 modules.
    #[arg(long)]
    pub force: bool,
    /// Decode every placed code back and fail on any mismatch.
    #[arg(long)]
    pub verify: bool,
    /// Print the valid rows and report the others instead of stopping at the first.
    #[arg(long)]
    pub skip_invalid: bool,
    /// Write a CSV mapping row → page → position → payload.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Output PDF.
    #[arg(short = 'o', long = "output", value_name = "OUT.pdf")]
    pub output: Option<PathBuf>,
    /// Send the finished PDF to this printer through CUPS (see qrdesk print printers).
    #[arg(long, value_name = "NAME", conflicts_with = "each")]
    pub printer: Option<String>,
    /// How many copies the printer makes (with --printer).
    #[arg(long, value_name = "N", default_value_t = 1, requires = "printer",
          value_parser = clap::value_parser!(u32).range(1..=99))]
    pub copies: u32,
    /// One file per code instead of a PDF: svg, pdf or png (with --out-dir).
    #[arg(long, value_name = "FORMAT", requires = "out_dir")]
    pub each: Option<String>,
    /// Folder for --each files (must be new or empty).
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

pub fn run(global: &GlobalArgs, mut args: PrintArgs) -> CommandResult {
    if let Some(action) = args.action.take() {
        return super::print_tools::run(global, action);
    }
    if args.layouts {
        return Ok(list_layouts(args.search.as_deref()));
    }
    let printer = args.printer.take().map(|p| (p, args.copies));
    let flags = flags(args)?;
    // A PDF job goes into the print history, so the data folder is opened for it.
    let pdf = matches!(flags.output, FlagOutput::Pdf(_));
    let opened =
        if flags.needs_library() || pdf { Some(super::open_context(global)?.0) } else { None };
    let cancel = AtomicBool::new(false);
    let bar = progress_bar(global.json);
    let on_progress = |p: Progress| {
        if let Some(bar) = &bar {
            bar.set_length(p.total.max(p.done));
            bar.set_position(p.done);
        }
    };
    let result = match (&opened, pdf) {
        (Some(ctx), true) => print_and_record(ctx, &flags, &on_progress, &cancel),
        _ => print_with_flags(opened.as_ref(), &flags, &on_progress, &cancel).map(|r| (r, None)),
    };
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let (report, job) = result?;
    let mut done = outcome(&report);
    if let Some((printer, copies)) = printer {
        let sent = send_pdf(&report.output, &printer, copies).map_err(|e| {
            qrdesk_core::AppError::with_message(
                e.kind,
                format!("The PDF was written to {}, but: {}", report.output.display(), e.message),
            )
        })?;
        done.human.push_str(&format!(
            "\nSent to {} as job {} ({} cop{}).",
            sent.printer,
            sent.job,
            sent.copies,
            if sent.copies == 1 { "y" } else { "ies" }
        ));
        for w in &sent.warnings {
            done.human.push_str(&format!("\nNote: {w}"));
        }
        done.json["printer_job"] = serde_json::json!(sent);
    }
    if let Some(id) = job {
        done.human.push_str(&format!(
            "\nRecorded as print job #{id}: reprint labels with qrdesk print reprint {id} --rows …"
        ));
        done.json["job"] = serde_json::json!(id);
    }
    Ok(done)
}

fn list_layouts(search: Option<&str>) -> Outcome {
    let (layouts, note) = match search {
        None => {
            let found = layout_catalogue();
            let sheets = catalogue_size();
            let note = if sheets > 0 {
                format!(
                    "\nand {sheets} sheets from the gLabels catalogue: find one with --search \
                     L7162 (product code) or --search 70x36 (label size in mm)"
                )
            } else {
                "\n(install glabels-data for about 1,700 more sheets from Avery, Herma, \
                 Zweckform …)"
                    .to_string()
            };
            (found, note)
        }
        Some(q) => {
            let found = search_layout_infos(q);
            let note = if found.is_empty() {
                format!(
                    "No sheet matches \"{q}\". Try the product code (L7162) or the label size \
                     in mm (70x36)."
                )
            } else {
                String::new()
            };
            (found, note)
        }
    };
    let mut human = String::new();
    for l in &layouts {
        let per = if l.per_page > 0 { l.per_page.to_string() } else { "N-up".into() };
        human.push_str(&format!(
            "{:<14} {:>4}/page  {:<20} {:<24} {}\n",
            l.name, per, l.page, l.label, l.description
        ));
    }
    human.push_str(&note);
    Outcome::new(serde_json::json!({ "layouts": layouts }), human.trim())
}

/// The flags as plain values, refusing combinations that make no sense (usage errors, exit 2).
fn flags(args: PrintArgs) -> Result<PrintFlags, Failure> {
    let source = match (&args.csv, args.account, &args.ids) {
        (Some(path), _, _) => FlagSource::Csv {
            path: path.clone(),
            column: args.column.clone(),
            delimiter: delimiter(args.delimiter.as_deref())?,
            quantity_column: args.quantity_column.clone(),
        },
        (None, Some(account), _) => FlagSource::Account { account, search: args.search.clone() },
        (_, None, _) if args.search.is_some() => {
            return Err(Failure::Usage(
                "--search narrows an account's cached codes: add --account ID (or use --layouts \
                 --search to find a sheet)"
                    .into(),
            ))
        }
        (None, None, Some(file)) => FlagSource::Ids(file.clone()),
        (None, None, None) => {
            return Err(Failure::Usage(
                "say what to print: --csv FILE, --account ID [--search Q] or --ids FILE".into(),
            ))
        }
    };
    let status = match args.status.as_deref() {
        None => None,
        Some(s) => Some(CodeStatus::parse(s).ok_or_else(|| {
            Failure::Usage(format!("--status takes active, paused, draft or archived, not \"{s}\""))
        })?),
    };
    let ec_text = args.ec.as_deref().unwrap_or("M");
    let ec = EngineEcLevel::parse(ec_text)
        .ok_or_else(|| Failure::Usage(format!("--ec takes L, M, Q or H, not \"{ec_text}\"")))?;
    let each =
        match &args.each {
            Some(f) => Some(EachFormat::parse(f).ok_or_else(|| {
                Failure::Usage(format!("--each takes svg, pdf or png, not \"{f}\""))
            })?),
            None => None,
        };
    if args.layout.is_none() && each.is_none() {
        return Err(Failure::Usage(
            "say which layout to print on with --layout (see qrdesk print --layouts)".into(),
        ));
    }
    let output = match (each, &args.out_dir, &args.output) {
        (Some(format), Some(dir), _) => FlagOutput::Each { format, dir: dir.clone() },
        (_, _, Some(out)) => FlagOutput::Pdf(out.clone()),
        _ => return Err(Failure::Usage("say where to write the PDF with -o OUT.pdf".into())),
    };
    Ok(PrintFlags {
        source,
        status,
        include_deleted: args.include_deleted,
        layout: args.layout,
        layout_file: args.layout_file,
        page: args.page,
        size: args.size,
        module: args.module,
        ec,
        ec_chosen: args.ec.is_some(),
        color: args.color,
        style: args.style,
        printer_profile: args.printer_profile,
        design: args.design,
        caption: args.caption,
        serial_start: args.serial_start,
        bleed: args.bleed,
        crop_marks: args.crop_marks,
        cut_lines: args.cut_lines,
        start_at: args.start_at,
        offset: args.offset,
        scale: args.scale,
        quiet_zone: args.quiet_zone,
        force: args.force,
        verify: args.verify,
        skip_invalid: args.skip_invalid,
        manifest: args.manifest,
        output,
    })
}

fn delimiter(text: Option<&str>) -> Result<Option<u8>, Failure> {
    match text {
        None => Ok(None),
        Some(",") => Ok(Some(b',')),
        Some(";") => Ok(Some(b';')),
        Some("tab") | Some("\\t") | Some("\t") => Ok(Some(b'\t')),
        Some(other) => {
            Err(Failure::Usage(format!("--delimiter takes , ; or tab, not \"{other}\"")))
        }
    }
}

/// A progress bar on stderr, only when it is a terminal and the output is for a person.
fn progress_bar(json: bool) -> Option<indicatif::ProgressBar> {
    if json || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} {bar:40} {pos}/{len} rows  {elapsed} (eta {eta})",
    ) {
        bar.set_style(style);
    }
    Some(bar)
}

fn outcome(report: &PrintReport) -> Outcome {
    let from_rows = if report.rows != report.codes {
        format!(" from {} row{}", report.rows, if report.rows == 1 { "" } else { "s" })
    } else {
        String::new()
    };
    let mut human = format!(
        "Wrote {}: {} code{}{from_rows} on {} page{} ({} bytes, {} bytes per code){}.",
        report.output.display(),
        report.codes,
        if report.codes == 1 { "" } else { "s" },
        report.pages,
        if report.pages == 1 { "" } else { "s" },
        report.bytes,
        report.bytes / report.codes.max(1),
        if report.verified { ", every code verified" } else { "" },
    );
    if let Some(m) = &report.manifest {
        human.push_str(&format!("\nManifest: {}", m.display()));
    }
    for w in &report.warnings {
        human.push_str(&format!("\nwarning: {w}"));
    }
    if !report.skipped.is_empty() {
        human.push_str(&format!("\nSkipped {} row(s):", report.skipped.len()));
        for s in &report.skipped {
            human.push_str(&format!("\n  {}", s.describe()));
        }
    }
    let json = serde_json::to_value(report).unwrap_or_else(|_| serde_json::json!({}));
    Outcome { json, human, partial: !report.skipped.is_empty() }
}
