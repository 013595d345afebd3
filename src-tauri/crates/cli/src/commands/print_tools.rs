//! `qrdesk print calibration|profile|history|reprint`: the calibration sheet a shop prints to
//! measure a printer, the measured offset and scale kept as named printer profiles (applied with
//! `qrdesk print --printer-profile NAME`), the print history and reprints of past jobs.

use std::path::PathBuf;

use clap::Subcommand;
use qrdesk_app::ipc::print::PrinterProfile;
use qrdesk_app::print::history::{reprint_job, ReprintChoice};
use qrdesk_app::print::list_print_jobs;
use qrdesk_app::print::{
    list_printer_profiles, print_calibration, profile_from_flags, remove_printer_profile,
    save_printer_profile,
};
use serde_json::json;

use crate::global_args::GlobalArgs;
use crate::output::{CommandResult, Outcome};

#[derive(Debug, Subcommand)]
pub enum PrintAction {
    /// Write a calibration sheet for a layout: crosses at every label corner and rulers. Print
    /// it on plain paper at 100 %, lay it over a blank label sheet and measure.
    Calibration {
        /// Layout name (see qrdesk print --layouts), or NAME in --layout-file.
        #[arg(long, value_name = "NAME")]
        layout: String,
        /// Layouts from a TOML, JSON or gLabels XML file.
        #[arg(long, value_name = "FILE")]
        layout_file: Option<PathBuf>,
        /// Page for grids: a4, a3, letter, legal or WxH.
        #[arg(long, value_name = "PAGE")]
        page: Option<String>,
        /// Output PDF.
        #[arg(short = 'o', long = "output", value_name = "OUT.pdf")]
        output: PathBuf,
    },
    /// List the printers CUPS offers (for --printer), with each one's default paper.
    Printers,
    /// Keep a printer's measured offset and scale under a name.
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// List the print jobs, most recent first.
    History {
        /// How many jobs to list.
        #[arg(long, value_name = "N", default_value_t = 50)]
        limit: u32,
    },
    /// Print labels of a past job again: the same payloads, captions, serials and settings.
    Reprint {
        /// The job's number (see qrdesk print history).
        job: i64,
        /// Only these data rows (3,7-9).
        #[arg(long, value_name = "LIST")]
        rows: Option<String>,
        /// Only these serials (12,40-45).
        #[arg(long, value_name = "LIST")]
        serials: Option<String>,
        /// Start at label N of the first sheet (part-used sheets).
        #[arg(long, value_name = "N", default_value_t = 1,
              value_parser = clap::value_parser!(u32).range(1..=100_000))]
        start_at: u32,
        /// Output PDF.
        #[arg(short = 'o', long = "output", value_name = "OUT.pdf")]
        output: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Save (or replace) a printer profile.
    Save {
        name: String,
        /// Offset X,Y (0.5mm,-1mm): moves everything right/down.
        #[arg(long, value_name = "X,Y", allow_hyphen_values = true, default_value = "0mm,0mm")]
        offset: String,
        /// Scale X[,Y] (1.002 or 1.002,0.998).
        #[arg(long, value_name = "X[,Y]", default_value = "1")]
        scale: String,
    },
    /// List the saved printer profiles.
    List,
    /// Remove a printer profile.
    Remove { name: String },
}

pub fn run(global: &GlobalArgs, action: PrintAction) -> CommandResult {
    match action {
        PrintAction::Calibration { layout, layout_file, page, output } => {
            let sheet =
                print_calibration(&layout, layout_file.as_deref(), page.as_deref(), &output)?;
            let human = format!(
                "Wrote {}: {} labels with crosses at their corners, rulers of {} × {} mm. Print \
                 it at 100 % on plain paper, lay it over a blank sheet and follow the steps on \
                 the page.",
                output.display(),
                sheet.labels,
                sheet.ruler_mm.0,
                sheet.ruler_mm.1
            );
            Ok(Outcome::new(json!({ "output": output, "sheet": sheet }), human))
        }
        PrintAction::History { limit } => history(global, limit),
        PrintAction::Printers => {
            let list = qrdesk_app::print::printers::list_printers();
            if let Some(why) = &list.unavailable {
                return Err(qrdesk_core::AppError::with_message(
                    qrdesk_core::ErrorKind::Printing,
                    why.clone(),
                )
                .into());
            }
            let human = list
                .printers
                .iter()
                .map(|p| {
                    let paper = p.media.as_deref().map_or(String::new(), |m| format!("  ({m})"));
                    let default = if p.is_default { "  default" } else { "" };
                    format!("{}{paper}{default}", p.name)
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok(Outcome::new(json!({ "printers": list.printers }), human))
        }
        PrintAction::Reprint { job, rows, serials, start_at, output } => {
            let (ctx, _) = super::open_context(global)?;
            let choice = ReprintChoice { rows, serials, start_at };
            let (id, report) = reprint_job(&ctx, job, &choice, &output)?;
            let human = format!(
                "Wrote {}: {} label{} of print job #{job} again on {} page{} (recorded as job \
                 #{id}).",
                report.output.display(),
                report.codes,
                if report.codes == 1 { "" } else { "s" },
                report.pages,
                if report.pages == 1 { "" } else { "s" },
            );
            let notes: String = report.warnings.iter().map(|w| format!("\nNote: {w}.")).collect();
            Ok(Outcome::new(json!({ "job": id, "report": report }), human + &notes))
        }
        PrintAction::Profile(cmd) => {
            let (ctx, _) = super::open_context(global)?;
            match cmd {
                ProfileCommand::Save { name, offset, scale } => {
                    let profile = profile_from_flags(&name, &offset, &scale)?;
                    let saved = save_printer_profile(&ctx, &profile)?;
                    let human = format!(
                        "Saved the printer profile \"{}\": {}.",
                        saved.name,
                        describe(&saved)
                    );
                    Ok(Outcome::new(json!(saved), human))
                }
                ProfileCommand::List => {
                    let all = list_printer_profiles(&ctx)?;
                    let human = if all.is_empty() {
                        "No printer profiles yet: print `qrdesk print calibration`, measure, then \
                         `qrdesk print profile save NAME --offset X,Y --scale S`."
                            .to_string()
                    } else {
                        all.iter()
                            .map(|p| format!("{}  ({})", p.name, describe(p)))
                            .collect::<Vec<_>>()
                            .join("\n")
                    };
                    Ok(Outcome::new(json!(all), human))
                }
                ProfileCommand::Remove { name } => {
                    remove_printer_profile(&ctx, &name)?;
                    let human = format!("Removed the printer profile \"{name}\".");
                    Ok(Outcome::new(json!({ "removed": name }), human))
                }
            }
        }
    }
}

fn describe(p: &PrinterProfile) -> String {
    format!(
        "offset {} mm right, {} mm down; scale {} × {}",
        p.offset_x_mm, p.offset_y_mm, p.scale_x, p.scale_y
    )
}

fn history(global: &GlobalArgs, limit: u32) -> CommandResult {
    let (ctx, _) = super::open_context(global)?;
    let jobs = list_print_jobs(&ctx, limit)?;
    let human = if jobs.is_empty() {
        "No print jobs yet.".to_string()
    } else {
        jobs.iter()
            .map(|j| {
                let look = match (&j.design, &j.style) {
                    (Some(d), Some(s)) => format!(", design \"{d}\", style \"{s}\""),
                    (Some(d), None) => format!(", design \"{d}\""),
                    (None, Some(s)) => format!(", style \"{s}\""),
                    (None, None) => String::new(),
                };
                format!(
                    "#{:<5} {}  {} codes on {} pages, {}{look}, serials {}-{}  from {}  -> {}",
                    j.id,
                    j.created_at.get(..16).unwrap_or(&j.created_at).replace('T', " "),
                    j.codes,
                    j.pages,
                    j.layout,
                    j.first_serial,
                    j.last_serial,
                    j.source,
                    j.output
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    Ok(Outcome::new(json!(jobs), human))
}
