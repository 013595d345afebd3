//! The History page's view of the print history: each job in a line (with its design and
//! style from the settings it kept, and its first and last serial), and a reprint that answers
//! as the Print page's jobs do.

use std::path::Path;

use qrdesk_core::AppError;
use qrdesk_store::print_history;

use super::history::{reprint_job, JobSettings, ReprintChoice};
use crate::context::AppContext;
use crate::ipc::designs::{PrintJobSummary, ReprintRequest};
use crate::ipc::print::PrintResult;

/// Jobs the History page lists (newest first).
pub const HISTORY_LIMIT: u32 = 200;

/// The `limit` most recent jobs, newest first.
pub fn list_print_jobs(ctx: &AppContext, limit: u32) -> Result<Vec<PrintJobSummary>, AppError> {
    let jobs = ctx.store().read(|c| print_history::list(c, limit))?;
    jobs.into_iter()
        .map(|job| {
            let settings: Option<JobSettings> = serde_json::from_str(&job.settings).ok();
            let (first_serial, last_serial) =
                ctx.store().read(|c| print_history::serial_range(c, job.id))?;
            Ok(PrintJobSummary {
                id: job.id,
                created_at: job.created_at.to_rfc3339(),
                source: job.source,
                source_sha256: job.source_sha256,
                layout: job.layout,
                style: job.style,
                design: settings.and_then(|s| s.design),
                rows: job.rows,
                codes: job.codes,
                pages: job.pages,
                output: job.output,
                first_serial,
                last_serial,
            })
        })
        .collect()
}

/// Reprints the labels `request` names into `out` and records the reprint.
pub fn reprint_request(
    ctx: &AppContext,
    request: &ReprintRequest,
    out: &Path,
) -> Result<PrintResult, AppError> {
    let blank = |s: &Option<String>| s.clone().filter(|t| !t.trim().is_empty());
    let choice = ReprintChoice {
        rows: blank(&request.rows),
        serials: blank(&request.serials),
        start_at: request.start_at.max(1),
    };
    let (_, report) = reprint_job(ctx, request.job_id, &choice, out)?;
    ctx.jobs().remember_written(out);
    Ok(PrintResult {
        path: out.display().to_string(),
        pages: report.pages,
        labels: report.codes,
        problems: Vec::new(),
    })
}

/// Sends a PDF this window wrote (this session, or recorded in the print history) to a printer.
pub fn send_to_printer(
    ctx: &AppContext,
    request: &crate::ipc::designs::SendToPrinterRequest,
) -> Result<crate::ipc::designs::PrinterJob, AppError> {
    let path = Path::new(&request.path);
    let known = ctx.jobs().written_file(path).is_ok()
        || ctx
            .store()
            .read(|c| print_history::list(c, HISTORY_LIMIT))?
            .iter()
            .any(|j| Path::new(&j.output) == path);
    if !known {
        return Err(AppError::bad_input(
            "QR Desk only sends PDFs it printed to a printer; print the labels again first",
        ));
    }
    super::printers::send_pdf(path, &request.printer, request.copies)
}
