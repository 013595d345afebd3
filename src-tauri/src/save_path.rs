//! Where a file goes: the native save dialog, or `QRDESK_SAVE_DIR` when set (unattended use
//! and the end-to-end tests, which cannot click a native dialog).

use std::path::PathBuf;

use qrdesk_core::AppError;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// The environment variable that skips the dialog and saves into a folder.
pub const SAVE_DIR_ENV: &str = "QRDESK_SAVE_DIR";

/// Asks where to save `default_name`; `None` when the person closes the dialog.
pub async fn ask_save_path<R: Runtime>(
    app: &AppHandle<R>,
    default_name: &str,
    filter_name: &str,
    extension: &str,
) -> Result<Option<PathBuf>, AppError> {
    if let Some(dir) = std::env::var_os(SAVE_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(Some(unique_path(PathBuf::from(dir), default_name)));
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_file_name(default_name)
        .add_filter(filter_name, &[extension])
        .save_file(move |path| {
            let _ = tx.send(path);
        });
    let chosen = rx.await.map_err(|_| AppError::io("The save dialog closed unexpectedly"))?;
    chosen
        .map(|p| {
            p.into_path().map_err(|e| AppError::io(format!("That location cannot be used: {e}")))
        })
        .transpose()
}

/// `dir/name`, or `dir/name (2)` … when taken.
fn unique_path(dir: PathBuf, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    (2..).map(|n| dir.join(format!("{stem} ({n}).{ext}"))).find(|p| !p.exists()).unwrap_or(first)
}
