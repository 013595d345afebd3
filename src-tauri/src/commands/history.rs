//! The History page's and the Print… dialog's commands: the print history, reprinting chosen
//! labels (to where the person saves them), the printers CUPS offers, and sending a PDF this
//! window wrote to one of them.

use qrdesk_app::ipc::designs::{
    PrintJobSummary, PrinterJob, PrinterList, ReprintRequest, SendToPrinterRequest,
};
use qrdesk_app::ipc::print::PrintResult;
use qrdesk_app::print;
use tauri::{AppHandle, Runtime};

use super::{blocking, CmdResult};
use crate::save_path::ask_save_path;

#[tauri::command]
pub async fn list_print_jobs<R: Runtime>(app: AppHandle<R>) -> CmdResult<Vec<PrintJobSummary>> {
    blocking(app, |ctx| print::list_print_jobs(ctx, print::HISTORY_LIMIT)).await
}

#[tauri::command]
pub async fn reprint_job<R: Runtime>(
    app: AppHandle<R>,
    request: ReprintRequest,
) -> CmdResult<Option<PrintResult>> {
    let name = format!("reprint-of-job-{}.pdf", request.job_id);
    let Some(out) = ask_save_path(&app, &name, "PDF", "pdf").await? else {
        return Ok(None);
    };
    blocking(app, move |ctx| print::reprint_request(ctx, &request, &out).map(Some)).await
}

#[tauri::command]
pub async fn list_printers() -> CmdResult<PrinterList> {
    tauri::async_runtime::spawn_blocking(print::printers::list_printers)
        .await
        .map_err(|e| qrdesk_core::AppError::io(format!("The job stopped unexpectedly: {e}")))
}

#[tauri::command]
pub async fn send_to_printer<R: Runtime>(
    app: AppHandle<R>,
    request: SendToPrinterRequest,
) -> CmdResult<PrinterJob> {
    blocking(app, move |ctx| print::send_to_printer(ctx, &request)).await
}
