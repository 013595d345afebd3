//! `qrdesk`: the QR Desk command line.
//!
//! Owns argument parsing, output (sentences on stderr for people, one JSON document on stdout
//! with `--json`) and exit codes: 0 success, 1 failure (nothing done), 2 usage error,
//! 3 partial success. Every command body lives in `qrdesk-app` (the same use cases the window
//! calls); the files under `commands/` only translate arguments and results. Links no Tauri/GTK
//! and no simulator.

mod cli_args;
mod commands;
mod global_args;
mod output;

use std::process::ExitCode;

use clap::Parser;

use cli_args::{Cli, Command};
use commands::{account, analytics, campaign, codes, design, info, outbox, print, style, sync};
use output::CommandResult;

fn main() -> ExitCode {
    if let Err(e) = qrdesk_app::hardening::protect_process() {
        eprintln!("warning: {e}");
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are "errors" to clap that print to stdout and succeed.
            if !e.use_stderr() {
                let _ = e.print();
                return ExitCode::from(output::EXIT_OK);
            }
            // Scripts asked for JSON: the usage error comes as an error object too.
            if std::env::args_os().any(|a| a == "--json") {
                output::print_usage_json(&e.render().to_string());
            }
            let _ = e.print();
            return ExitCode::from(output::EXIT_USAGE);
        }
    };
    let json = cli.global.json;
    let result = dispatch(cli);
    output::finish(json, result)
}

fn dispatch(cli: Cli) -> CommandResult {
    let global = cli.global;
    match cli.command {
        Command::Info => info::run(&global),
        Command::Account(cmd) => account::run(&global, cmd),
        Command::Sync(args) => sync::run(&global, args),
        Command::Codes(cmd) => codes::run(&global, cmd),
        Command::Outbox(cmd) => outbox::run(&global, cmd),
        Command::Print(args) => print::run(&global, *args),
        Command::Style(cmd) => style::run(&global, cmd),
        Command::Design(cmd) => design::run(&global, cmd),
        Command::Campaign(cmd) => campaign::run(&global, cmd),
        Command::Analytics(cmd) => analytics::run(&global, cmd),
    }
}
