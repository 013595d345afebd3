//! Errors of the control API (the simulated services answer with their own HTTP errors).

use qrdesk_core::{AppError, ErrorKind};

/// Why a control operation was refused. Messages never contain a key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SimError {
    #[error("the simulator has no {what} \"{name}\"")]
    Unknown { what: &'static str, name: String },
    #[error("the simulator does not know this key")]
    UnknownKey,
    #[error("{0}")]
    Invalid(String),
}

impl SimError {
    pub fn unknown(what: &'static str, name: impl Into<String>) -> Self {
        SimError::Unknown { what, name: name.into() }
    }
}

impl From<SimError> for AppError {
    fn from(error: SimError) -> Self {
        AppError::new(ErrorKind::BadInput, error.to_string())
    }
}
