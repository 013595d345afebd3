//! `qrdesk sync`: codes and analytics into the local cache, queued edits up to the services.

use clap::Args;

use crate::cli_args::GlobalArgs;
use crate::output::CommandResult;

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Account ids to sync (default: all).
    pub accounts: Vec<i64>,
    /// Window of daily scans to keep: the last N days ending today (UTC).
    #[arg(long, default_value_t = 90, value_name = "N")]
    pub analytics_days: u32,
}

pub fn run(_global: &GlobalArgs, _args: SyncArgs) -> CommandResult {
    super::not_in_this_build("sync", "sync engine")
}
