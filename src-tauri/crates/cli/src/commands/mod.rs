//! One file per command group; each translates its arguments into a library call.

pub mod account;
pub mod codes;
pub mod info;
pub mod outbox;
pub mod print;
pub mod sync;

use qrdesk_app::{resolve_data_dir, AppContext, DataDirSource};
use qrdesk_core::AppError;

use crate::cli_args::{Cli, Command, GlobalArgs};
use crate::output::CommandResult;

pub fn dispatch(cli: Cli) -> CommandResult {
    let global = cli.global;
    match cli.command {
        Command::Info => info::run(&global),
        Command::Account(cmd) => account::run(&global, cmd),
        Command::Sync(args) => sync::run(&global, args),
        Command::Codes(cmd) => codes::run(&global, cmd),
        Command::Outbox(cmd) => outbox::run(&global, cmd),
        Command::Print(args) => print::run(&global, *args),
    }
}

/// Opens the data folder chosen by `--data-dir` / `QRDESK_DATA_DIR` / the platform default.
pub fn open_context(global: &GlobalArgs) -> Result<(AppContext, DataDirSource), AppError> {
    let (dir, source) = resolve_data_dir(global.data_dir.as_deref())?;
    Ok((AppContext::open(&dir)?, source))
}
