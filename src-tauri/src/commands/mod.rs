//! IPC commands, grouped by screen. Each is a line or two over a `qrdesk-app` function; errors
//! cross as `{kind, message}` (AppError's serde form). What only a window can do stays here:
//! the save dialog, opening a file, emitting events, spawning background work.

pub mod accounts;
pub mod app;
pub mod campaigns;
pub mod designs;
pub mod history;
pub mod library;
pub mod print;
pub mod styles;
pub mod sync;

use qrdesk_core::AppError;
use tauri::{AppHandle, Manager, Runtime};

use crate::state::DesktopState;

pub type CmdResult<T> = Result<T, AppError>;

/// Runs CPU- or disk-heavy work off the async runtime's threads, with the context.
pub async fn blocking<R: Runtime, T: Send + 'static>(
    app: AppHandle<R>,
    f: impl FnOnce(&qrdesk_app::AppContext) -> CmdResult<T> + Send + 'static,
) -> CmdResult<T> {
    tauri::async_runtime::spawn_blocking(move || f(app.state::<DesktopState>().ctx()?))
        .await
        .map_err(|e| AppError::io(format!("The job stopped unexpectedly: {e}")))?
}
