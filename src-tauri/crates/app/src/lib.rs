//! The command bodies of QR Desk, shared by the `qrdesk` CLI and the desktop shell.
//!
//! Owns the use cases ("list accounts", "a page of the library", "sync status") written against
//! an [`AppContext`] (data folder, local store), and the request/response types that cross the
//! IPC boundary (exported to `ui/src/bindings/` with ts-rs). Each use case can be tested without
//! a window or a terminal. It does not parse arguments (the CLI does), draw anything (the UI
//! does) or know about Tauri: the shell's commands are one-line adapters over the functions here.

pub mod about;
pub mod accounts_view;
pub mod context;
pub mod data_dir;
pub mod demo;
pub mod info;
pub mod library;
pub mod outbox_view;
pub mod print_service;
pub mod print_source;
pub mod sync_service;
pub mod sync_view;

pub use context::AppContext;
pub use data_dir::{resolve_data_dir, DataDirSource};
