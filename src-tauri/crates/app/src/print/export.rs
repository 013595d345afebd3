//! One cached code downloaded as SVG, PNG or PDF (its short URL), plain or in a saved style,
//! written atomically.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use qrdesk_core::{AppError, CodeId};
use qrdesk_print::{find_layout, run_each, EachFormat, PrintJob, PrintOptions, SizeSpec, Source};
use qrdesk_store::codes;

use super::job::cache_items;
use crate::context::AppContext;
use crate::ipc::print::{ExportRequest, ExportResult};
use crate::styles::load_style;

/// The file name a download is offered under (`qr-code-12.svg`), once the request is checked.
pub fn export_file_name(ctx: &AppContext, request: &ExportRequest) -> Result<String, AppError> {
    check_export(ctx, request.code, &request.format)?;
    Ok(format!("qr-code-{}.{}", request.code, request.format.to_ascii_lowercase()))
}

/// Writes the download to `out` and records it as a file this session wrote.
pub fn export_code(
    ctx: &AppContext,
    request: &ExportRequest,
    out: &Path,
) -> Result<ExportResult, AppError> {
    let path = export_to(ctx, request.code, &request.format, request.style.as_deref(), out)?;
    ctx.jobs().remember_written(&path);
    Ok(ExportResult { path: path.display().to_string() })
}

/// Checks a download before anyone is asked where to save it: the code exists and has a short
/// URL, and the format is `svg`, `png` or `pdf` (exactly, in any case).
pub fn check_export(ctx: &AppContext, code: CodeId, format: &str) -> Result<EachFormat, AppError> {
    let format = ["svg", "png", "pdf"]
        .iter()
        .find(|f| f.eq_ignore_ascii_case(format))
        .and_then(|f| EachFormat::parse(f))
        .ok_or_else(|| {
            AppError::bad_input(format!("Downloads come as svg, png or pdf, not \"{format}\""))
        })?;
    let found = ctx.store().read(|c| codes::get(c, code))?;
    if found.content.trim().is_empty() {
        return Err(AppError::bad_input(
            "This code has no short URL yet (the service has not confirmed it). Sync, then download it",
        ));
    }
    Ok(format)
}

/// `svg`, `png` or `pdf` of one cached code (its short URL), in the saved style `style` when
/// one is named, written atomically to `out`.
pub fn export_to(
    ctx: &AppContext,
    code: CodeId,
    format: &str,
    style: Option<&str>,
    out: &Path,
) -> Result<PathBuf, AppError> {
    let format = check_export(ctx, code, format)?;
    let style = style.filter(|n| !n.trim().is_empty()).map(|n| load_style(ctx, n)).transpose()?;
    let found = ctx.store().read(|c| codes::get(c, code))?;
    let (items, _) = cache_items(vec![found]);
    let job = PrintJob {
        source: Source::Items(items),
        layout: find_layout("one-per-page").map_err(AppError::from)?,
        options: PrintOptions { size: SizeSpec::Symbol(30.0), style, ..PrintOptions::default() },
    };
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let staging = tempfile::tempdir_in(parent)
        .map_err(|e| AppError::io(format!("Could not write in {}: {e}", parent.display())))?;
    let never = AtomicBool::new(false);
    run_each(&job, format, staging.path(), &|_| {}, &never).map_err(AppError::from)?;
    let made = std::fs::read_dir(staging.path())
        .ok()
        .and_then(|mut d| d.next())
        .and_then(Result::ok)
        .map(|e| e.path())
        .ok_or_else(|| AppError::io("The download was not written"))?;
    std::fs::rename(&made, out)
        .map_err(|e| AppError::io(format!("Could not save {}: {e}", out.display())))?;
    Ok(out.to_path_buf())
}
