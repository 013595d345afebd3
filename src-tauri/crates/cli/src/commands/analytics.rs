//! `qrdesk analytics export`: the cached scans of a campaign's codes or an account's (searched)
//! codes as a CSV, one row per code per day, from the local cache (sync first for fresh numbers).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{ArgGroup, Subcommand};
use qrdesk_app::analytics_export::{export_analytics, ExportScope};
use serde_json::json;

use crate::global_args::GlobalArgs;
use crate::output::{CommandResult, Failure, Outcome};

#[derive(Debug, Subcommand)]
pub enum AnalyticsCommand {
    /// Write scans per code per day as CSV (and the breakdowns as a second file when the
    /// service gives them).
    #[command(group(ArgGroup::new("scope").required(true).args(["campaign", "account"])))]
    Export {
        /// A campaign's codes, with each code's row and serial.
        #[arg(long, value_name = "ID")]
        campaign: Option<i64>,
        /// An account's codes.
        #[arg(long, value_name = "ID")]
        account: Option<i64>,
        /// Only the account's codes matching this search.
        #[arg(long, value_name = "Q", requires = "account")]
        search: Option<String>,
        /// First day (YYYY-MM-DD; default: every day cached).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last day (YYYY-MM-DD; default: today).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// The CSV to write.
        #[arg(long = "csv", value_name = "OUT.csv")]
        output: PathBuf,
    },
}

fn day(text: Option<&str>, flag: &str, default: NaiveDate) -> Result<NaiveDate, Failure> {
    match text {
        None => Ok(default),
        Some(t) => NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").map_err(|_| {
            Failure::Usage(format!("{flag} takes a day like 2026-12-01, not \"{t}\""))
        }),
    }
}

pub fn run(global: &GlobalArgs, cmd: AnalyticsCommand) -> CommandResult {
    let AnalyticsCommand::Export { campaign, account, search, from, to, output } = cmd;
    let from = day(from.as_deref(), "--from", NaiveDate::MIN)?;
    let to = day(to.as_deref(), "--to", chrono::Utc::now().date_naive())?;
    let scope = match (campaign, account) {
        (Some(id), _) => ExportScope::Campaign(id),
        (None, Some(account)) => ExportScope::Account { account, search },
        (None, None) => return Err(Failure::Usage("say --campaign ID or --account ID".into())),
    };
    let (ctx, _) = super::open_context(global)?;
    let report = export_analytics(&ctx, &scope, from, to, &output)?;
    let mut human = format!(
        "Wrote {}: {} rows (code × day) for {} codes.",
        output.display(),
        report.rows,
        report.codes
    );
    for f in report.files.iter().skip(1) {
        human.push_str(&format!("\nWrote {} (breakdowns).", f.display()));
    }
    Ok(Outcome::new(json!(report), human))
}
