//! `qrdesk campaign …`: from a spreadsheet to new dynamic codes on a service to printed labels
//! in one job (`create`), carried on after an interruption (`resume`), listed and shown with
//! scans per placement. A campaign waiting for the service exits with the partial-success code.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use qrdesk_app::campaigns::{
    advance_campaign, campaign_details, campaign_print_job, create_campaign, list_campaigns,
    CampaignRequest, CampaignSettings,
};
use qrdesk_app::ipc::campaigns::CampaignOutcome;
use qrdesk_app::print::history::{reprint_job, ReprintChoice};
use serde_json::json;

use crate::global_args::GlobalArgs;
use crate::output::{CommandResult, Outcome};

#[derive(Debug, Subcommand)]
#[command(
    after_help = "Examples:\n  qrdesk campaign create --account 1 --csv tables.csv --name-column table \
--destination-column url \\\n    --utm 'utm_source=print&utm_medium=label&utm_campaign={campaign}&utm_content={serial}' \
\\\n    --layout avery-l7160 --caption '{name}' -o tables.pdf\n  qrdesk campaign resume 3\n  \
qrdesk campaign show 3"
)]
pub enum CampaignCommand {
    /// Make one new dynamic code per CSV row on the account's service and print them as labels.
    Create(Box<CreateArgs>),
    /// Carry on a campaign that is waiting for the service (after being offline or stopped).
    Resume { id: i64 },
    /// List the campaigns: status and counts.
    List,
    /// Show a campaign: every row with its code, short link and scans, scans per day, best and
    /// worst placements (from the last sync).
    Show { id: i64 },
    /// Print some of a printed campaign's labels again (through the print history).
    Reprint {
        id: i64,
        /// Only these campaign rows (3,7-9).
        #[arg(long, value_name = "LIST")]
        rows: Option<String>,
        /// Start at label N of the first sheet (part-used sheets).
        #[arg(long, value_name = "N", default_value_t = 1,
              value_parser = clap::value_parser!(u32).range(1..=100_000))]
        start_at: u32,
        /// Output PDF.
        #[arg(short = 'o', long = "output", value_name = "OUT.pdf")]
        output: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The account whose service makes the codes (see qrdesk account list).
    #[arg(long, value_name = "ID")]
    pub account: i64,
    /// The rows: one code per row.
    #[arg(long, value_name = "FILE")]
    pub csv: PathBuf,
    /// Column with each code's name.
    #[arg(long, value_name = "COLUMN")]
    pub name_column: String,
    /// Column with each code's destination (https://…).
    #[arg(long, value_name = "COLUMN")]
    pub destination_column: String,
    /// Parameters added to every destination: {serial}, {row}, {campaign} or any column.
    #[arg(long, value_name = "TEMPLATE")]
    pub utm: Option<String>,
    /// The campaign's name (default: the CSV file's name).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Label sheet (see qrdesk print --layouts).
    #[arg(long, value_name = "NAME")]
    pub layout: String,
    /// Layouts from a TOML, JSON or gLabels XML file.
    #[arg(long, value_name = "FILE")]
    pub layout_file: Option<PathBuf>,
    /// Label design: a saved design's name or a design file.
    #[arg(long, value_name = "NAME|FILE", conflicts_with = "caption")]
    pub design: Option<String>,
    /// Brand style: a saved style's name or a style file.
    #[arg(long, value_name = "NAME|FILE")]
    pub style: Option<String>,
    /// Caption template: {name}, {destination}, {short_url}, {campaign}, {serial:06}.
    #[arg(long, value_name = "TEMPLATE")]
    pub caption: Option<String>,
    /// Start at label N of the first sheet (part-used sheets).
    #[arg(long, value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub start_at: u32,
    /// Output PDF.
    #[arg(short = 'o', long = "output", value_name = "OUT.pdf")]
    pub output: PathBuf,
}

fn said(o: &CampaignOutcome) -> Outcome {
    let mut human = match o.status.as_str() {
        "printed" => format!(
            "Campaign #{} \"{}\": {} codes made, labels printed to {} ({} page{}).",
            o.id,
            o.name,
            o.codes_created,
            o.output,
            o.pages,
            if o.pages == 1 { "" } else { "s" }
        ),
        _ => format!(
            "Campaign #{} \"{}\" is waiting for the service: {} of {} codes confirmed. Carry on \
             with qrdesk campaign resume {} (the window's next sync does too).",
            o.id,
            o.name,
            o.codes_created,
            o.codes_created + o.waiting,
            o.id
        ),
    };
    if let Some(note) = &o.note {
        human.push_str(&format!("\n{note}"));
    }
    for p in &o.failed {
        human.push_str(&format!("\nRow {}: {}", p.row, p.reason));
    }
    let mut out = Outcome::new(json!(o), human);
    out.partial = o.status != "printed" || !o.failed.is_empty();
    out
}

pub fn run(global: &GlobalArgs, cmd: CampaignCommand) -> CommandResult {
    let (ctx, _) = super::open_context(global)?;
    match cmd {
        CampaignCommand::Create(a) => {
            let request = CampaignRequest {
                account: a.account,
                name: a.name,
                csv: a.csv,
                name_column: a.name_column,
                destination_column: a.destination_column,
                settings: CampaignSettings {
                    layout: a.layout,
                    layout_file: a.layout_file.map(|f| f.display().to_string()),
                    design: a.design,
                    style: a.style,
                    caption: a.caption,
                    start_at: a.start_at,
                    output: a.output.display().to_string(),
                    utm: a.utm,
                    source: String::new(),
                },
            };
            let id = create_campaign(&ctx, &request)?;
            Ok(said(&super::block_on(advance_campaign(&ctx, id))??))
        }
        CampaignCommand::Resume { id } => Ok(said(&super::block_on(advance_campaign(&ctx, id))??)),
        CampaignCommand::List => {
            let all = list_campaigns(&ctx)?;
            let human = if all.is_empty() {
                "No campaigns yet: make one with qrdesk campaign create.".to_string()
            } else {
                all.iter()
                    .map(|c| {
                        format!(
                            "#{:<4} {}  {}  {} rows, {} codes, {} waiting, {} failed, {} scans",
                            c.id, c.name, c.status, c.rows, c.codes, c.waiting, c.failed, c.scans
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            Ok(Outcome::new(json!(all), human))
        }
        CampaignCommand::Reprint { id, rows, start_at, output } => {
            let job = campaign_print_job(&ctx, id)?;
            let choice = ReprintChoice { rows, serials: None, start_at };
            let (new_job, report) = reprint_job(&ctx, job, &choice, &output)?;
            let human = format!(
                "Wrote {}: {} label(s) of campaign #{id} again (print job #{job}; recorded as #{new_job}).",
                report.output.display(),
                report.codes
            );
            Ok(Outcome::new(json!({ "job": new_job, "report": report }), human))
        }
        CampaignCommand::Show { id } => {
            let d = campaign_details(&ctx, id)?;
            let s = &d.summary;
            let mut human = format!(
                "Campaign #{} \"{}\" ({}): {} rows, {} codes, {} scans -> {}\n",
                s.id, s.name, s.status, s.rows, s.codes, s.scans, s.output
            );
            for r in &d.rows {
                let what = match &r.problem {
                    Some(p) => format!("not made: {p}"),
                    None if r.short_link.is_empty() => "waiting for the service".to_string(),
                    None => format!("{}  {} scans", r.short_link, r.scans.unwrap_or(0)),
                };
                human.push_str(&format!("row {:<4} {}  {what}\n", r.row, r.name));
            }
            for day in &d.scans_by_day {
                human.push_str(&format!("{}  {} scans\n", day.day, day.scans));
            }
            if !d.best.is_empty() {
                human.push_str(&format!("Best rows: {:?}; fewest scans: {:?}", d.best, d.worst));
            }
            Ok(Outcome::new(json!(d), human.trim_end()))
        }
    }
}
