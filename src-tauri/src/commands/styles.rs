//! The Styles page's commands: the saved styles, saving and removing one, and the live proof
//! (drawn and decoded off the async runtime's threads).

use qrdesk_app::ipc::styles::{StyleDraft, StylePreviewRequest, StyleProof};
use qrdesk_app::styles;
use tauri::{AppHandle, Runtime};

use super::{blocking, CmdResult};

#[tauri::command]
pub async fn list_styles<R: Runtime>(app: AppHandle<R>) -> CmdResult<Vec<StyleDraft>> {
    blocking(app, styles::list_styles).await
}

#[tauri::command]
pub async fn preview_style<R: Runtime>(
    app: AppHandle<R>,
    request: StylePreviewRequest,
) -> CmdResult<StyleProof> {
    blocking(app, move |_| styles::preview_style(&request)).await
}

#[tauri::command]
pub async fn save_style<R: Runtime>(app: AppHandle<R>, style: StyleDraft) -> CmdResult<StyleDraft> {
    blocking(app, move |ctx| styles::save_style(ctx, &style)).await
}

#[tauri::command]
pub async fn remove_style<R: Runtime>(app: AppHandle<R>, name: String) -> CmdResult<()> {
    blocking(app, move |ctx| styles::remove_style(ctx, &name)).await
}
