use std::path::Path;

use qrdesk_app::ipc::events::PRINT_PROGRESS;
use qrdesk_app::ipc::print::{
    CsvPreview, CsvPreviewRequest, ExportRequest, ExportResult, PathRequest, PrintPreview,
    PrintRequest, PrintResult, PrinterProfile, SheetLayout,
};
use qrdesk_app::print;
use qrdesk_core::AppError;
use tauri::{AppHandle, Emitter, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use super::{blocking, CmdResult};
use crate::save_path::ask_save_path;
use crate::state::DesktopState;

#[tauri::command]
pub fn list_layouts() -> Vec<SheetLayout> {
    print::list_layouts()
}

#[tauri::command]
pub fn list_printer_profiles(state: State<'_, DesktopState>) -> CmdResult<Vec<PrinterProfile>> {
    print::list_printer_profiles(state.ctx()?)
}

#[tauri::command]
pub fn csv_preview(
    state: State<'_, DesktopState>,
    request: CsvPreviewRequest,
) -> CmdResult<CsvPreview> {
    print::csv_preview(state.ctx()?, &request.text)
}

#[tauri::command]
pub async fn print_preview<R: Runtime>(
    app: AppHandle<R>,
    request: PrintRequest,
) -> CmdResult<PrintPreview> {
    blocking(app, move |ctx| print::print_preview(ctx, &request)).await
}

/// Asks where to save (a request that cannot print is refused first), then writes the PDF with
/// `print://progress` events; `None` when the person closes the save dialog.
#[tauri::command]
pub async fn print_run<R: Runtime>(
    app: AppHandle<R>,
    request: PrintRequest,
) -> CmdResult<Option<PrintResult>> {
    let checked = request.clone();
    blocking(app.clone(), move |ctx| print::check_print(ctx, &checked)).await?;
    let Some(out) = ask_save_path(&app, "qr-codes.pdf", "PDF", "pdf").await? else {
        return Ok(None);
    };
    let emitter = app.clone();
    let progress = move |p| {
        let _ = emitter.emit(PRINT_PROGRESS, p);
    };
    blocking(app, move |ctx| print::print_run(ctx, &request, &out, &progress).map(Some)).await
}

#[tauri::command]
pub fn print_cancel(state: State<'_, DesktopState>) -> CmdResult<()> {
    print::print_cancel(state.ctx()?);
    Ok(())
}

/// Downloads one code as SVG, PNG or PDF to where the person chooses (an unknown code or format
/// is refused before the save dialog opens).
#[tauri::command]
pub async fn export_code<R: Runtime>(
    app: AppHandle<R>,
    request: ExportRequest,
) -> CmdResult<Option<ExportResult>> {
    let checked = request.clone();
    let name = blocking(app.clone(), move |ctx| print::export_file_name(ctx, &checked)).await?;
    let ext = name.rsplit('.').next().unwrap_or("pdf").to_string();
    let Some(out) = ask_save_path(&app, &name, &ext.to_ascii_uppercase(), &ext).await? else {
        return Ok(None);
    };
    blocking(app, move |ctx| print::export_code(ctx, &request, &out).map(Some)).await
}

/// Opens a file this window wrote (print jobs, downloads) in its usual program.
#[tauri::command]
pub fn open_path<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DesktopState>,
    request: PathRequest,
) -> CmdResult<()> {
    let path = state.ctx()?.jobs().written_file(Path::new(&request.path))?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| AppError::io(format!("Could not open {}: {e}", path.display())))
}

/// Shows a file this window wrote in its folder.
#[tauri::command]
pub fn show_in_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DesktopState>,
    request: PathRequest,
) -> CmdResult<()> {
    let path = state.ctx()?.jobs().written_file(Path::new(&request.path))?;
    app.opener()
        .reveal_item_in_dir(&path)
        .map_err(|e| AppError::io(format!("Could not show {} in its folder: {e}", path.display())))
}
