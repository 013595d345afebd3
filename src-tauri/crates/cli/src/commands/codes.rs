//! `qrdesk codes …`: the cached codes; edits apply locally at once and wait in the outbox.

use std::path::PathBuf;

use clap::Subcommand;

use crate::cli_args::GlobalArgs;
use crate::output::CommandResult;

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

pub fn run(_global: &GlobalArgs, _cmd: CodesCommand) -> CommandResult {
    super::not_in_this_build("codes", "sync engine")
}
