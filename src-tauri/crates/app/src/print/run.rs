//! The print job itself: the PDF written atomically with progress (cancellable through the
//! context's jobs) and recorded in the print history, or refused before anything is written.

use std::path::Path;

use qrdesk_core::AppError;
use qrdesk_print::{run_with, Progress};
use sha2::{Digest, Sha256};

use super::history::{record_job, JobSettings, JobSource};
use super::job::{prepare, PreparedJob};
use super::label_log::LabelLog;
use crate::context::AppContext;
use crate::ipc::print::{PrintProgress, PrintRequest, PrintResult, PrintSource};

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
    let mut labels = LabelLog::new()?;
    let report = run_with(
        &prepared.job,
        out,
        &|p: Progress| progress(PrintProgress { done: p.done, total: p.total }),
        cancel,
        &mut |p| labels.push(p),
    )
    .map_err(AppError::from)?;
    ctx.jobs().remember_written(out);
    let (source, settings) = (job_source(request), job_settings(request, &prepared));
    record_job(ctx, &source, &settings, &report, labels.rows()?)?;
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

/// What the window printed from, in words.
fn job_source(request: &PrintRequest) -> JobSource {
    match &request.source {
        PrintSource::Selection { codes } => {
            JobSource::described(format!("{} codes selected in the library", codes.len()))
        }
        PrintSource::Search { query } if query.search.trim().is_empty() => {
            JobSource::described("the library (every code its filters show)")
        }
        PrintSource::Search { query } => {
            JobSource::described(format!("library search \"{}\"", query.search.trim()))
        }
        PrintSource::Csv { text, .. } => JobSource {
            description: "CSV rows pasted or chosen in the window".into(),
            sha256: Some(format!("{:x}", Sha256::digest(text.as_bytes()))),
        },
    }
}

/// The window's settings as the history keeps them (the job's own options, resolved).
fn job_settings(request: &PrintRequest, prepared: &PreparedJob) -> JobSettings {
    let o = &request.options;
    JobSettings::of(&o.layout, None, o.style.as_deref(), o.design.as_deref(), &prepared.job.options)
}
