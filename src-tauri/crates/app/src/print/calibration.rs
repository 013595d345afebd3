//! `qrdesk print calibration`: the calibration sheet of a layout, written atomically; the
//! drawing is the print engine's.

use std::path::Path;

use qrdesk_core::AppError;
use qrdesk_print::{parse_page, write_calibration, CalibrationSheet};

use super::flags::layout_by_name;

/// Writes the calibration sheet of `layout` (in `layout_file` when given) to `out`; `page` is
/// for grids (`a4`, `100x150mm`).
pub fn print_calibration(
    layout: &str,
    layout_file: Option<&Path>,
    page: Option<&str>,
    out: &Path,
) -> Result<CalibrationSheet, AppError> {
    let layout = layout_by_name(layout, layout_file)?;
    let page = page.map(parse_page).transpose().map_err(AppError::from)?;
    write_calibration(&layout, page, out).map_err(AppError::from)
}
