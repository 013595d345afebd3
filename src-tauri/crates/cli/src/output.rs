//! How results and errors reach the person or the script: exit codes, JSON, sentences.

use std::io::Write;
use std::process::ExitCode;

use qrdesk_core::AppError;

pub const EXIT_OK: u8 = 0;
pub const EXIT_FAILURE: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_PARTIAL: u8 = 3;

/// What a command produced.
pub struct Outcome {
    /// The JSON document printed with `--json`.
    pub json: serde_json::Value,
    /// What a person reads without `--json` (stdout for data, may be empty).
    pub human: String,
    /// Some accounts or rows failed; the JSON says which (exit code 3).
    pub partial: bool,
}

impl Outcome {
    pub fn new(json: serde_json::Value, human: impl Into<String>) -> Self {
        Outcome { json, human: human.into(), partial: false }
    }
}

/// Why a command did not succeed.
pub enum Failure {
    /// The service, a file or the input refused: exit 1.
    App(AppError),
    /// The arguments do not make sense together: exit 2.
    Usage(String),
}

impl From<AppError> for Failure {
    fn from(e: AppError) -> Self {
        Failure::App(e)
    }
}

pub type CommandResult = Result<Outcome, Failure>;

/// The JSON error object of a usage error the argument parser found: its first paragraph on one
/// line, without the `error: ` prefix and the usage and hints meant for a terminal.
pub fn print_usage_json(rendered: &str) {
    let paragraph: Vec<&str> =
        rendered.lines().map(str::trim).take_while(|l| !l.is_empty()).collect();
    let joined = paragraph.join(" ");
    let message = joined.strip_prefix("error: ").unwrap_or(&joined);
    let _ = writeln!(std::io::stdout().lock(), "{}", AppError::bad_input(message).to_json());
}

/// Prints the outcome and turns it into the process exit code.
pub fn finish(json: bool, result: CommandResult) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match result {
        Ok(outcome) => {
            let code = if outcome.partial { EXIT_PARTIAL } else { EXIT_OK };
            let text = if json {
                serde_json::to_string_pretty(&outcome.json).unwrap_or_else(|_| "{}".into())
            } else {
                outcome.human
            };
            if !text.is_empty() {
                // A closed pipe (`qrdesk codes list | head`) is not an error worth reporting.
                let _ = writeln!(stdout, "{text}");
            }
            ExitCode::from(code)
        }
        Err(Failure::App(err)) => {
            if json {
                let _ = writeln!(stdout, "{}", err.to_json());
            }
            eprintln!("error: {}", err.message);
            ExitCode::from(EXIT_FAILURE)
        }
        Err(Failure::Usage(message)) => {
            if json {
                let e = AppError::bad_input(&message);
                let _ = writeln!(stdout, "{}", e.to_json());
            }
            eprintln!("error: {message}\n\nFor more information, try '--help'.");
            ExitCode::from(EXIT_USAGE)
        }
    }
}
