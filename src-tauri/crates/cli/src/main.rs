//! `qrdesk`: the QR Desk command line.
//!
//! Owns argument parsing, output (sentences on stderr for people, one JSON document on stdout
//! with `--json`) and exit codes: 0 success, 1 failure (nothing done), 2 usage error,
//! 3 partial success. Every command body lives in a library crate (`qrdesk-app`, `qrdesk-print`,
//! …); the files under `commands/` only translate arguments and results. Links no Tauri/GTK.

mod cli_args;
mod commands;
mod output;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match cli_args::Cli::try_parse() {
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
    let result = commands::dispatch(cli);
    output::finish(json, result)
}
