use qrdesk_app::about::{app_info as info, AppInfo};

#[tauri::command]
pub fn app_info() -> AppInfo {
    info(false)
}
