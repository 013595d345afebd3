use qrdesk_app::about::{app_info as info, AppInfo};
use qrdesk_app::demo;
use tauri::State;

use super::CmdResult;
use crate::state::DesktopState;

#[tauri::command]
pub async fn app_info(state: State<'_, DesktopState>) -> CmdResult<AppInfo> {
    Ok(info(state.demo.lock().await.is_some()))
}

/// Starts the built-in simulator and its sample accounts (idempotent).
#[tauri::command]
pub async fn start_demo(state: State<'_, DesktopState>) -> CmdResult<AppInfo> {
    let mut running = state.demo.lock().await;
    if running.is_none() {
        *running = Some(demo::start_demo(state.ctx()?, state.secrets()?).await?);
    }
    Ok(info(true))
}
