//! The Designs page's commands: the saved label designs, saving and removing one, and the live
//! preview (laid out off the async runtime's threads).

use qrdesk_app::designs;
use qrdesk_app::ipc::designs::{DesignDraft, DesignPreview, DesignPreviewRequest};
use tauri::{AppHandle, Runtime};

use super::{blocking, CmdResult};

#[tauri::command]
pub async fn list_designs<R: Runtime>(app: AppHandle<R>) -> CmdResult<Vec<DesignDraft>> {
    blocking(app, designs::list_designs).await
}

#[tauri::command]
pub async fn save_design<R: Runtime>(
    app: AppHandle<R>,
    design: DesignDraft,
) -> CmdResult<DesignDraft> {
    blocking(app, move |ctx| designs::save_design(ctx, &design)).await
}

#[tauri::command]
pub async fn remove_design<R: Runtime>(app: AppHandle<R>, name: String) -> CmdResult<()> {
    blocking(app, move |ctx| designs::remove_design(ctx, &name)).await
}

#[tauri::command]
pub async fn preview_design<R: Runtime>(
    app: AppHandle<R>,
    request: DesignPreviewRequest,
) -> CmdResult<DesignPreview> {
    blocking(app, move |ctx| designs::preview_design(ctx, &request)).await
}
