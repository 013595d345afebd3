//! The QR Desk desktop shell.
//!
//! Owns only what needs a window: building the Tauri app, its managed state (one
//! `qrdesk_app::AppContext`), the list of IPC commands, the save dialog, opening files, and
//! turning progress into events. Every command is a line or two over a `qrdesk-app` function,
//! so command bodies are tested without a window in that crate; the background sync schedule and
//! the demo live there too.

mod commands;
mod navigation;
mod save_path;
mod state;

use commands::{accounts, app, campaigns, designs, history, library, print, styles, sync};
use tauri::Manager;

/// Registers the IPC commands on a builder (shared by `run` and tests).
pub fn builder<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(navigation::guard())
        .manage(state::DesktopState::open())
        .invoke_handler(tauri::generate_handler![
            app::app_info,
            app::start_demo,
            accounts::list_accounts,
            accounts::audit_log,
            accounts::list_workspaces,
            accounts::add_account,
            accounts::verify_account,
            accounts::remove_account,
            accounts::rotation_state,
            accounts::rotation_start,
            accounts::rotation_submit_key,
            accounts::rotation_verify,
            accounts::rotation_switch,
            accounts::rotation_confirm_revoked,
            accounts::rotation_back,
            accounts::rotation_abandon,
            library::list_codes,
            library::get_code,
            library::code_analytics,
            library::list_outbox,
            sync::sync_status,
            sync::start_sync,
            sync::cancel_sync,
            sync::edit_code,
            sync::retry_outbox,
            sync::discard_outbox,
            sync::outbox_conflict,
            sync::resolve_conflict,
            print::list_layouts,
            print::list_printer_profiles,
            print::csv_preview,
            print::print_preview,
            print::print_run,
            print::print_cancel,
            print::export_code,
            print::open_path,
            print::show_in_folder,
            styles::list_styles,
            styles::preview_style,
            styles::save_style,
            styles::remove_style,
            designs::list_designs,
            designs::save_design,
            designs::remove_design,
            designs::preview_design,
            history::list_print_jobs,
            history::reprint_job,
            history::list_printers,
            history::send_to_printer,
            campaigns::list_campaigns,
            campaigns::campaign_details,
            campaigns::campaign_preview,
            campaigns::campaign_create,
            campaigns::campaign_resume,
            campaigns::export_campaign_scans,
        ])
}

/// Starts the desktop app.
pub fn run() {
    if let Err(e) = qrdesk_app::hardening::protect_process() {
        eprintln!("QR Desk: {e}");
    }
    let app = builder(tauri::Builder::default()).setup(|app| {
        resume_demo(app.handle().clone());
        background_sync(app.handle().clone());
        Ok(())
    });
    if let Err(e) = app.run(tauri::generate_context!()) {
        eprintln!(
            "QR Desk could not start its window: {e}. Check that a graphical session is running."
        );
        std::process::exit(1);
    }
}

/// Brings the demo simulator back when the store holds demo accounts.
fn resume_demo<R: tauri::Runtime>(app: tauri::AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let state = app.state::<state::DesktopState>();
        let Ok(ctx) = state.ctx() else { return };
        if let Err(e) = qrdesk_app::demo::resume_demo(ctx).await {
            eprintln!("QR Desk: the demo simulator did not start: {}", e.message);
        }
    });
}

/// The background sync schedule of `qrdesk-app`, with its events sent to the window.
fn background_sync<R: tauri::Runtime>(app: tauri::AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let state = app.state::<state::DesktopState>();
        let Ok(ctx) = state.ctx() else { return };
        qrdesk_app::sync::background_schedule(ctx, commands::sync::emitter(&app)).await;
    });
}
