//! The print job itself: the PDF written atomically with progress (cancellable through the
//! context's jobs), or refused before anything is written.

use std::path::Path;

use qrdesk_core::AppError;
use qrdesk_print::{run, Progress};

use super::job::prepare;
use crate::context::AppContext;
use crate::ipc::print::{PrintProgress, PrintRequest, PrintResult};

/// Writes the PDF to `out` (atomically: a cancelled or failed job leaves nothing) and records it
/// as a file this session wrote.
pub fn print_run(
    ctx: &AppContext,
    request: &PrintRequest,
    out: &Path,
    progress: &dyn Fn(PrintProgress),
) -> Result<PrintResult, AppError> {
    let prepared = prepare(ctx, request)?;
    let cancel = ctx.jobs().begin_print();
    let report = run(
        &prepared.job,
        out,
        &|p: Progress| progress(PrintProgress { done: p.done, total: p.total }),
        cancel,
    )
    .map_err(AppError::from)?;
    ctx.jobs().remember_written(out);
    Ok(PrintResult {
        path: out.display().to_string(),
        pages: report.pages,
        labels: report.codes,
        problems: report.skipped.iter().map(|p| prepared.problem(p)).collect(),
    })
}

/// Checks a print request before anyone is asked where to save it.
pub fn check_print(ctx: &AppContext, request: &PrintRequest) -> Result<(), AppError> {
    prepare(ctx, request).map(|_| ())
}

/// Stops the running print job; it writes nothing.
pub fn print_cancel(ctx: &AppContext) {
    ctx.jobs().cancel_print();
}
