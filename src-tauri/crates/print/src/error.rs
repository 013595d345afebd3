//! Everything that can stop a print job, and how each maps onto the app's error vocabulary.

use qrdesk_core::{AppError, ErrorKind};
use serde::Serialize;

/// One data row that cannot be printed: where it is, what it holds, why, and what to change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowProblem {
    /// Data row number, counted from 1 (the header is not a row).
    pub row: u64,
    /// Line of the file where the row starts (for CSV input; 0 for in-memory sources).
    pub line: u64,
    /// The payload (shortened for display when very long).
    pub value: String,
    /// Why the row cannot be printed.
    pub reason: String,
    /// What the person can change to fix it.
    pub fix: String,
}

impl RowProblem {
    pub(crate) fn new(
        row: u64,
        line: u64,
        value: &str,
        reason: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        RowProblem { row, line, value: shorten(value, 60), reason: reason.into(), fix: fix.into() }
    }

    /// `Row 3 [line 4] "https://…": reason. fix.`
    pub fn describe(&self) -> String {
        let place = if self.line > 0 {
            format!("Row {} [line {}]", self.row, self.line)
        } else {
            format!("Row {}", self.row)
        };
        format!("{place} \"{}\": {}. {}", self.value, self.reason, self.fix)
    }
}

fn shorten(value: &str, max_chars: usize) -> String {
    if value.chars().count() <= max_chars {
        value.to_string()
    } else {
        let head: String = value.chars().take(max_chars).collect();
        format!("{head}…")
    }
}

/// Why a print job stopped. Nothing is written when any of these is returned.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// A data row cannot be printed (guard rail); the job stops on the first one unless
    /// `skip_invalid` is set.
    #[error("{}", .0.describe())]
    Row(RowProblem),
    /// An option, a layout or the input as a whole is not usable.
    #[error("{0}")]
    BadOption(String),
    /// `verify` decoded a placed code to something other than its payload.
    #[error("Verification failed: {}", .0.describe())]
    Verify(RowProblem),
    /// A file could not be read or written.
    #[error("{what} {path}: {source}")]
    Io {
        what: &'static str,
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The cancel flag was raised.
    #[error("The print job was cancelled")]
    Cancelled,
}

impl PrintError {
    pub(crate) fn io(what: &'static str, path: &std::path::Path, source: std::io::Error) -> Self {
        PrintError::Io { what, path: path.display().to_string(), source }
    }

    pub(crate) fn option(message: impl Into<String>) -> Self {
        PrintError::BadOption(message.into())
    }
}

/// The error as a sentence followed by a space (a full stop added when missing).
fn sentence(err: &PrintError) -> String {
    let text = err.to_string();
    if text.ends_with(['.', '!', '?']) {
        format!("{text} ")
    } else {
        format!("{text}. ")
    }
}

impl From<PrintError> for AppError {
    fn from(err: PrintError) -> Self {
        match &err {
            PrintError::Row(_) | PrintError::BadOption(_) | PrintError::Verify(_) => {
                AppError::with_message(
                    ErrorKind::BadInput,
                    format!("{}Nothing was written.", sentence(&err)),
                )
            }
            PrintError::Io { .. } => AppError::io(format!("Could not {err}")),
            PrintError::Cancelled => AppError::of(ErrorKind::Cancelled),
        }
    }
}
