//! `qrdesk codes …`: the cached codes; edits apply locally at once and wait in the outbox.

use std::path::PathBuf;

use clap::Subcommand;
use qrdesk_app::edits;
use qrdesk_app::ipc::library::CodeSearch;
use qrdesk_app::library::{self, DEFAULT_ANALYTICS_DAYS};
use qrdesk_core::{AppError, CodeChanges, CodeStatus, QrCode};
use serde_json::json;

use crate::global_args::GlobalArgs;
use crate::output::{CommandResult, Failure, Outcome};

#[derive(Debug, Subcommand)]
pub enum CodesCommand {
    /// List cached codes.
    List {
        #[arg(long)]
        account: Option<i64>,
        /// Full-text search over name, destination and short URL.
        #[arg(long, value_name = "Q")]
        search: Option<String>,
        /// active, paused, draft or archived.
        #[arg(long, value_name = "S")]
        status: Option<String>,
    },
    /// Show one code with its analytics.
    Show { id: i64 },
    /// Change a code's name, destination or status (queued in the outbox).
    Edit {
        id: i64,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        destination: Option<String>,
        #[arg(long)]
        status: Option<String>,
    },
    /// Create a code (queued in the outbox until the service confirms it).
    Create {
        #[arg(long)]
        account: i64,
        #[arg(long)]
        name: String,
        #[arg(long, value_name = "URL")]
        destination: String,
    },
    /// Queue one create per CSV row.
    Import {
        #[arg(long)]
        account: i64,
        #[arg(long, value_name = "FILE")]
        csv: PathBuf,
        #[arg(long, value_name = "N")]
        name_column: Option<String>,
        #[arg(long, value_name = "D")]
        destination_column: Option<String>,
    },
    /// Delete a code on its service (queued in the outbox).
    Delete { id: i64 },
    /// Replace text in destinations across an account (previewed first).
    Replace {
        #[arg(long)]
        account: i64,
        #[arg(long)]
        find: String,
        #[arg(long)]
        replace: String,
        /// Apply the change (without it, only the preview is shown).
        #[arg(long)]
        apply: bool,
    },
}

pub fn run(global: &GlobalArgs, cmd: CodesCommand) -> CommandResult {
    let (ctx, _) = super::open_context(global)?;
    let ctx = &ctx;
    match cmd {
        CodesCommand::List { account, search, status } => {
            let search = CodeSearch {
                account,
                search: search.unwrap_or_default(),
                status: status.as_deref().map(parse_status).transpose()?,
                ..CodeSearch::default()
            };
            let list = library::find_codes(ctx, &search)?;
            let human = if list.is_empty() {
                "No cached codes match. Run `qrdesk sync` to fetch them.".to_string()
            } else {
                list.iter().map(line).collect::<Vec<_>>().join("\n")
            };
            Ok(Outcome::new(serde_json::to_value(&list).unwrap_or_default(), human))
        }
        CodesCommand::Show { id } => {
            let (code, series) = library::code_with_recent_scans(ctx, id)?;
            let mut json = serde_json::to_value(&code).unwrap_or_default();
            json["analytics"] = serde_json::to_value(&series).unwrap_or_default();
            let mut human = vec![
                line(&code),
                format!("  destination: {}", code.destination),
                format!(
                    "  encodes:     {}",
                    if code.content.is_empty() { "(not assigned yet)" } else { &code.content }
                ),
            ];
            if series.days.is_empty() {
                human.push("  no analytics cached yet (run `qrdesk sync`)".into());
            } else {
                human.push(format!(
                    "  scans over the last {} days: {}",
                    DEFAULT_ANALYTICS_DAYS,
                    series.total_scans.unwrap_or(0)
                ));
                for b in series.breakdowns.iter().take(10) {
                    human.push(format!("    {}: {} {}", b.kind.as_str(), b.label, b.scans));
                }
            }
            Ok(Outcome::new(json, human.join("\n")))
        }
        CodesCommand::Edit { id, name, destination, status } => {
            let changes = CodeChanges {
                name,
                destination,
                status: status.as_deref().map(parse_status).transpose()?,
            };
            if changes.is_empty() {
                return Err(Failure::Usage("give --name, --destination or --status".into()));
            }
            let entry = edits::queue_edit(ctx, id, &changes)?;
            Ok(Outcome::new(json!({ "code": id, "outbox_entry": entry }), format!(
                "Code #{id} changed here; the change waits in the outbox as entry #{entry} and goes up with the next sync."
            )))
        }
        CodesCommand::Create { account, name, destination } => {
            let (code, entry) = edits::create_code(ctx, account, name, destination)?;
            Ok(Outcome::new(json!({ "code": code, "outbox_entry": entry }), format!(
                "Code #{code} created here; the service assigns its short URL at the next sync (outbox entry #{entry})."
            )))
        }
        CodesCommand::Import { account, csv, name_column, destination_column } => {
            let made = edits::import_codes(
                ctx,
                account,
                &csv,
                name_column.as_deref(),
                destination_column.as_deref(),
            )?;
            let list: Vec<_> = made
                .iter()
                .map(|(code, entry)| json!({ "code": code, "outbox_entry": entry }))
                .collect();
            Ok(Outcome::new(json!({ "queued": made.len(), "codes": list }), format!(
                "Queued {} new codes for account #{account}. Run `qrdesk sync` to create them; then `qrdesk print --account {account}` prints their short URLs.",
                made.len()
            )))
        }
        CodesCommand::Delete { id } => {
            let entry = edits::delete_code(ctx, id)?;
            let human = match entry {
                Some(e) => format!("Code #{id} deleted here; the delete goes up with the next sync (outbox entry #{e})."),
                None => format!("Code #{id} had not reached its service yet; it was dropped with its queued create."),
            };
            Ok(Outcome::new(json!({ "code": id, "outbox_entry": entry }), human))
        }
        CodesCommand::Replace { account, find, replace, apply } => {
            if !apply {
                let preview = edits::preview_replace(ctx, account, &find, &replace)?;
                let mut human: Vec<String> = preview
                    .iter()
                    .map(|p| format!("#{} {}: {} -> {}", p.code, p.name, p.before, p.after))
                    .collect();
                human.push(format!(
                    "{} code(s) would change. Add --apply to change them.",
                    preview.len()
                ));
                return Ok(Outcome::new(
                    json!({ "applied": false, "changes": preview }),
                    human.join("\n"),
                ));
            }
            let outcome = super::block_on(edits::apply_replace(ctx, account, &find, &replace))??;
            let human = format!(
                "Replaced in {} destination(s) of account #{account} ({}).",
                outcome.changed,
                if outcome.method == "bulk" {
                    "one bulk request to the service"
                } else {
                    "one edit per code; what could not go now waits in the outbox"
                }
            );
            let mut json = serde_json::to_value(&outcome).unwrap_or_default();
            json["applied"] = json!(true);
            Ok(Outcome::new(json, human))
        }
    }
}

fn parse_status(text: &str) -> Result<CodeStatus, AppError> {
    CodeStatus::parse(text).ok_or_else(|| {
        AppError::bad_input(format!(
            "\"{text}\" is not a status; use active, paused, draft or archived"
        ))
    })
}

fn line(c: &QrCode) -> String {
    let mut flags = String::new();
    if c.pending {
        flags.push_str(" [waiting to sync]");
    }
    if c.deleted {
        flags.push_str(" [deleted]");
    }
    let scans = match (c.scans_total, c.scans_window_days) {
        (Some(s), Some(days)) => format!(", {s} scans in the last {days} days"),
        (Some(s), None) => format!(", {s} scans"),
        (None, _) => String::new(),
    };
    format!(
        "#{} (account #{}) {} [{}{scans}] {}{flags}",
        c.id,
        c.account,
        if c.name.is_empty() { "(no name)" } else { &c.name },
        c.status.as_str(),
        if c.content.is_empty() { &c.destination } else { &c.content },
    )
}
