//! Flags accepted before or after any command.

use std::path::PathBuf;

use clap::Args;

/// Flags accepted before or after any command.
#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// Folder for QR Desk's database (default: the platform's app-data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Print one JSON document on stdout (errors as {"error": {"kind", "message"}}).
    #[arg(long, global = true)]
    pub json: bool,
}
