//! Embeds `tauri.conf.json` (a symlink to the top-level file, so the Tauri CLI finds it here too)
//! and the capability files into the shell, and declares the app's own IPC commands so that each
//! gets an `allow-<command>` permission: a command runs only if `capabilities/default.json`
//! grants it (the test `every_registered_command_is_declared_and_granted` keeps the three lists
//! in step).

/// Every command in `lib.rs`'s `generate_handler!`.
const COMMANDS: &[&str] = &[
    "app_info",
    "start_demo",
    "list_accounts",
    "audit_log",
    "list_workspaces",
    "add_account",
    "verify_account",
    "remove_account",
    "rotation_state",
    "rotation_start",
    "rotation_submit_key",
    "rotation_verify",
    "rotation_switch",
    "rotation_confirm_revoked",
    "rotation_back",
    "rotation_abandon",
    "list_codes",
    "get_code",
    "code_analytics",
    "list_outbox",
    "sync_status",
    "start_sync",
    "cancel_sync",
    "edit_code",
    "retry_outbox",
    "discard_outbox",
    "outbox_conflict",
    "resolve_conflict",
    "list_layouts",
    "list_printer_profiles",
    "csv_preview",
    "print_preview",
    "print_run",
    "print_cancel",
    "export_code",
    "open_path",
    "show_in_folder",
    "list_styles",
    "preview_style",
    "save_style",
    "remove_style",
    "list_designs",
    "save_design",
    "remove_design",
    "preview_design",
    "list_print_jobs",
    "reprint_job",
    "list_printers",
    "send_to_printer",
    "list_campaigns",
    "campaign_details",
    "campaign_preview",
    "campaign_create",
    "campaign_resume",
    "export_campaign_scans",
];

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        panic!("tauri-build failed: {e:#}");
    }
}
