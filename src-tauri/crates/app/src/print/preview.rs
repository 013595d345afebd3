//! Page 1 of a job as an SVG image for the Print screen, with the page and label counts and the
//! rows that will not print.

use base64::Engine as _;

use qrdesk_core::AppError;
use qrdesk_print::render_preview_svg;

use super::job::prepare;
use crate::context::AppContext;
use crate::ipc::print::{PrintPreview, PrintRequest};

/// Page 1 of the job as an image, with the problems found on the way.
pub fn print_preview(ctx: &AppContext, request: &PrintRequest) -> Result<PrintPreview, AppError> {
    let prepared = prepare(ctx, request)?;
    let page = render_preview_svg(&prepared.job, 0).map_err(AppError::from)?;
    let rows = qrdesk_print::count_rows(&prepared.job.source).map_err(AppError::from)?;
    let per_page =
        qrdesk_print::imposition(&prepared.job).map_err(AppError::from)?.per_page().max(1);
    let slots = rows + u64::from(prepared.job.options.start_at.saturating_sub(1));
    let encoded = base64::engine::general_purpose::STANDARD.encode(page.svg.as_bytes());
    Ok(PrintPreview {
        page_image: format!("data:image/svg+xml;base64,{encoded}"),
        pages: slots.div_ceil(u64::from(per_page)).max(1),
        labels: rows,
        problems: page.problems.iter().map(|p| prepared.problem(p)).collect(),
    })
}
