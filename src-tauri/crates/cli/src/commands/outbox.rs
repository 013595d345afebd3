//! `qrdesk outbox …`: edits waiting to reach the services.

use clap::{Subcommand, ValueEnum};

use crate::cli_args::GlobalArgs;
use crate::output::CommandResult;

#[derive(Debug, Subcommand)]
pub enum OutboxCommand {
    /// List waiting entries (pending, needs confirmation, conflict, failed).
    List {
        /// Include entries the services already confirmed.
        #[arg(long)]
        all: bool,
    },
    /// Send an entry again now.
    Retry { id: i64 },
    /// Settle a conflict by keeping one side.
    Resolve {
        id: i64,
        #[arg(long, value_enum)]
        keep: Keep,
    },
    /// Drop an entry without sending it (the local copy is refreshed at the next sync).
    Discard { id: i64 },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Keep {
    Local,
    Remote,
}

pub fn run(_global: &GlobalArgs, _cmd: OutboxCommand) -> CommandResult {
    super::not_in_this_build("outbox", "sync engine")
}
