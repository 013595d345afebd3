//! The QR Desk desktop shell.
//!
//! Owns only what needs a window: building the Tauri app, its managed state and the list of IPC
//! commands. Every command is a one-line adapter over a `qrdesk-app` function, so command bodies
//! are tested without a window in that crate.

mod commands;
mod state;

use commands::{accounts, app, library, sync};

/// Registers the IPC commands on a builder (shared by `run` and tests).
pub fn builder<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.manage(state::DesktopState::open()).invoke_handler(tauri::generate_handler![
        app::app_info,
        accounts::list_accounts,
        accounts::audit_log,
        library::list_codes,
        library::get_code,
        library::code_analytics,
        library::list_outbox,
        sync::sync_status,
    ])
}

/// Starts the desktop app.
pub fn run() {
    if let Err(e) = builder(tauri::Builder::default()).run(tauri::generate_context!()) {
        eprintln!(
            "QR Desk could not start its window: {e}. Check that a graphical session is running."
        );
        std::process::exit(1);
    }
}
