//! The command bodies of QR Desk, shared by the `qrdesk` CLI and the desktop shell.
//!
//! Owns the use cases ("list accounts", "print these codes", "sync now") written against an
//! [`AppContext`] (data folder, local store, keychain, clock), so each one can be tested without a
//! window or a terminal. It does not parse arguments (the CLI does), draw anything (the UI does)
//! or know about Tauri: the shell's commands are one-line adapters over the functions here.

pub mod context;
pub mod data_dir;
pub mod info;

pub use context::AppContext;
pub use data_dir::{resolve_data_dir, DataDirSource};
