//! IPC commands, grouped by screen. Each is a one-line adapter over a `qrdesk-app` function;
//! errors cross as `{kind, message}` (AppError's serde form).

pub mod accounts;
pub mod app;
pub mod library;
pub mod print;
pub mod sync;

use qrdesk_core::AppError;

pub type CmdResult<T> = Result<T, AppError>;
