//! Every use case of QR Desk, shared by the `qrdesk` CLI and the desktop window.
//!
//! Both front ends make one [`AppContext`] (data folder and store, secret store, clock, HTTP
//! tuning, the one connector to the services, the running jobs) and call the functions here,
//! one module per use case: [`accounts`] (keys and rotation), [`library`] (the cached codes and
//! their analytics), [`edits`] (changing codes), [`outbox`], [`sync`] (runs, status, the
//! background schedule), [`print`] (the Print screen, downloads and `qrdesk print`), [`styles`]
//! (brand styles: the library, style files, the live proof), [`designs`] (label designs:
//! the library, design files, the live preview), [`info`]
//! and, with the `demo` feature, [`demo`] (the built-in simulator behind "Try the demo").
//! [`ipc`] holds every type and event name that crosses to the window.
//!
//! It does not parse arguments (the CLI does), draw anything (the UI does) or know about Tauri:
//! a Tauri command body is a line or two over a function here, and each use case is tested here
//! without a window or a terminal.

pub mod accounts;
pub mod analytics_export;
mod atomic_file;
pub mod campaigns;
pub mod clock;
pub mod connector;
pub mod context;
pub mod data_dir;
#[cfg(feature = "demo")]
pub mod demo;
pub mod designs;
pub mod edits;
pub mod hardening;
pub mod info;
pub mod ipc;
pub mod jobs;
pub mod library;
pub mod outbox;
pub mod print;
mod saved_names;
pub mod styles;
pub mod sync;

pub use context::AppContext;
pub use data_dir::{resolve_data_dir, DataDirSource};
