//! `qrdesk print`: print-ready PDFs of QR codes.

use clap::Args;

use crate::cli_args::GlobalArgs;
use crate::output::CommandResult;

#[derive(Debug, Args)]
pub struct PrintArgs {
    /// List the built-in layouts.
    #[arg(long)]
    pub layouts: bool,
}

pub fn run(_global: &GlobalArgs, _args: PrintArgs) -> CommandResult {
    super::not_in_this_build("print", "print engine")
}
