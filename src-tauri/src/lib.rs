//! The QR Desk desktop shell.
//!
//! Owns only what needs a window: building the Tauri app, its managed state and the list of IPC
//! commands. Every command is a one-line adapter over a `qrdesk-app` function, so command bodies
//! are tested without a window in that crate.

mod commands;
mod navigation;
mod save_path;
mod state;

use commands::{accounts, app, library, print, sync};

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
            print::csv_preview,
            print::print_preview,
            print::print_run,
            print::print_cancel,
            print::export_code,
            print::open_path,
            print::show_in_folder,
        ])
}

/// Starts the desktop app.
pub fn run() {
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

/// When the store holds demo accounts, the demo simulator comes back with the app (same seed,
/// same sample data), so the demo keeps working across restarts.
fn resume_demo<R: tauri::Runtime>(app: tauri::AppHandle<R>) {
    use tauri::Manager;
    tauri::async_runtime::spawn(async move {
        let state = app.state::<state::DesktopState>();
        let (Ok(ctx), Ok(secrets)) = (state.ctx(), state.secrets()) else { return };
        if !qrdesk_app::demo::has_demo_accounts(ctx).unwrap_or(false) {
            return;
        }
        let mut running = state.demo.lock().await;
        if running.is_none() {
            match qrdesk_app::demo::start_demo(ctx, secrets).await {
                Ok(server) => *running = Some(server),
                Err(e) => eprintln!("QR Desk: the demo simulator did not start: {}", e.message),
            }
        }
    });
}

/// How often the window syncs on its own while it is open.
const BACKGROUND_SYNC_EVERY: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Syncs shortly after start and then every few minutes. Offline is not an error worth a
/// dialog: the failure is recorded on the account and the Sync screen shows "offline".
fn background_sync<R: tauri::Runtime>(app: tauri::AppHandle<R>) {
    use tauri::Manager;
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        loop {
            let state = app.state::<state::DesktopState>();
            let has_accounts = state
                .ctx()
                .ok()
                .and_then(|ctx| qrdesk_app::accounts_view::list_accounts(ctx).ok())
                .is_some_and(|a| a.iter().any(|a| a.provider.has_codes()));
            if has_accounts {
                if let Some(cancel) = state.begin_sync(None) {
                    commands::sync::run_sync(app.clone(), None, cancel).await;
                }
            }
            tokio::time::sleep(BACKGROUND_SYNC_EVERY).await;
        }
    });
}
