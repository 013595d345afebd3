use qrdesk_app::demo;
use qrdesk_app::ipc::app::AppInfo;
use tauri::State;

use super::CmdResult;
use crate::state::DesktopState;

#[tauri::command]
pub async fn app_info(state: State<'_, DesktopState>) -> CmdResult<AppInfo> {
    Ok(demo::app_info(state.ctx()?).await)
}

/// Starts the built-in simulator and its sample accounts (idempotent).
#[tauri::command]
pub async fn start_demo(state: State<'_, DesktopState>) -> CmdResult<AppInfo> {
    demo::start_demo(state.ctx()?).await
}
