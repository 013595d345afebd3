use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use qrdesk_app::print_service::{
    self, CsvPreview, PrintPreview, PrintRequest, PrintResult, SheetLayout,
};
use qrdesk_core::{AppError, CodeId};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use super::CmdResult;
use crate::save_path::ask_save_path;
use crate::state::DesktopState;

#[tauri::command]
pub fn list_layouts() -> Vec<SheetLayout> {
    print_service::list_layouts()
}

#[derive(Deserialize)]
pub struct CsvPreviewRequest {
    text: String,
}

#[tauri::command]
pub fn csv_preview(
    state: State<'_, DesktopState>,
    request: CsvPreviewRequest,
) -> CmdResult<CsvPreview> {
    print_service::csv_preview(state.ctx()?, &request.text)
}

#[tauri::command]
pub async fn print_preview<R: Runtime>(
    app: AppHandle<R>,
    request: PrintRequest,
) -> CmdResult<PrintPreview> {
    blocking(app, move |state| print_service::print_preview(state.ctx()?, &request)).await
}

/// Asks where to save, then writes the PDF with progress events; `None` when the person
/// closes the save dialog.
#[tauri::command]
pub async fn print_run<R: Runtime>(
    app: AppHandle<R>,
    request: PrintRequest,
) -> CmdResult<Option<PrintResult>> {
    // A request that cannot print is refused before the save dialog opens.
    let checked = request.clone();
    blocking(app.clone(), move |state| print_service::check_print(state.ctx()?, &checked)).await?;
    let Some(out) = ask_save_path(&app, "qr-codes.pdf", "PDF", "pdf").await? else {
        return Ok(None);
    };
    let emitter = app.clone();
    blocking(app, move |state| {
        state.print_cancel.store(false, Ordering::SeqCst);
        let progress = |p| {
            let _ = emitter.emit("print://progress", p);
        };
        let result =
            print_service::print_run(state.ctx()?, &request, &out, &progress, &state.print_cancel)?;
        state.remember_written(Path::new(&result.path));
        Ok(Some(result))
    })
    .await
}

#[tauri::command]
pub fn print_cancel(state: State<'_, DesktopState>) {
    state.print_cancel.store(true, Ordering::SeqCst);
}

#[derive(Deserialize)]
pub struct ExportRequest {
    code: CodeId,
    format: String,
}

#[derive(Serialize)]
pub struct ExportResult {
    path: String,
}

/// Downloads one code as SVG, PNG or PDF to where the person chooses.
#[tauri::command]
pub async fn export_code<R: Runtime>(
    app: AppHandle<R>,
    request: ExportRequest,
) -> CmdResult<Option<ExportResult>> {
    // An unknown code or format is refused before the save dialog opens.
    let code = request.code;
    let format = request.format.to_ascii_lowercase();
    let checked = format.clone();
    blocking(app.clone(), move |state| {
        print_service::check_export(state.ctx()?, code, &checked).map(|_| ())
    })
    .await?;
    let name = format!("qr-code-{code}.{format}");
    let Some(out) = ask_save_path(&app, &name, &format.to_ascii_uppercase(), &format).await? else {
        return Ok(None);
    };
    blocking(app, move |state| {
        let path = print_service::export_code(state.ctx()?, code, &format, &out)?;
        state.remember_written(&path);
        Ok(Some(ExportResult { path: path.display().to_string() }))
    })
    .await
}

#[derive(Deserialize)]
pub struct PathRequest {
    path: PathBuf,
}

#[tauri::command]
pub fn open_path<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DesktopState>,
    request: PathRequest,
) -> CmdResult<()> {
    let path = written_file(&state, &request.path)?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| AppError::io(format!("Could not open {}: {e}", path.display())))
}

#[tauri::command]
pub fn show_in_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DesktopState>,
    request: PathRequest,
) -> CmdResult<()> {
    let path = written_file(&state, &request.path)?;
    app.opener()
        .reveal_item_in_dir(&path)
        .map_err(|e| AppError::io(format!("Could not show {} in its folder: {e}", path.display())))
}

/// Only files this window wrote (print jobs, downloads), and only while they exist, may be
/// opened or shown: the webview cannot make QR Desk open anything else on the computer.
fn written_file(state: &DesktopState, path: &Path) -> CmdResult<PathBuf> {
    if !state.wrote(path) {
        return Err(AppError::bad_input(format!(
            "{} is not a file QR Desk wrote (PDF, SVG, PNG or CSV)",
            path.display()
        )));
    }
    Ok(path.to_path_buf())
}

/// Runs CPU- or disk-heavy work off the async runtime's threads.
async fn blocking<R: Runtime, T: Send + 'static>(
    app: AppHandle<R>,
    f: impl FnOnce(&DesktopState) -> CmdResult<T> + Send + 'static,
) -> CmdResult<T> {
    tauri::async_runtime::spawn_blocking(move || f(&app.state::<DesktopState>()))
        .await
        .map_err(|e| AppError::io(format!("The job stopped unexpectedly: {e}")))?
}
