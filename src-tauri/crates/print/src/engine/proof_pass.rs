//! The job's decode proof: the first code of each QR version is drawn in the style at its
//! printed size, rasterised at 300 dpi and read back before any page is written; a raster logo
//! printing under 300 dpi is reported once.

use crate::error::PrintError;
use crate::style::proof;

use super::page_rows::RowOutcome;
use super::Plan;

/// The decode proof for every symbol version not yet proven in this job: the first code of each
/// version is drawn in the style at its printed size, rasterised at 300 dpi and read back.
pub(super) fn prove_new_versions(
    plan: &Plan,
    style: &crate::style::Style,
    encoded: &[RowOutcome],
    proven: &mut Vec<u16>,
    warnings: &mut Vec<String>,
) -> Result<(), PrintError> {
    let o = &plan.job.options;
    for enc in encoded.iter().filter_map(|e| e.as_ref().ok().and_then(Option::as_ref)) {
        let v = enc.symbol.version();
        let Some(s) = &enc.styled else { continue };
        if proven.contains(&v) {
            continue;
        }
        proven.push(v);
        if !proof::scans(
            style,
            &s.matrix,
            o.quiet_zone,
            enc.outer,
            &enc.row.frame,
            &enc.row.payload,
        ) {
            return Err(PrintError::option(format!(
                "the style \"{}\" does not scan at this size: row {}'s code (QR version {v}, \
                 {:.1} mm) drawn in it could not be read back at 300 dpi; use a smaller logo, \
                 plainer modules, stronger contrast or a larger code",
                style.name, enc.row.number, enc.outer
            )));
        }
        if let (Some(logo), Some([_, _, w, _])) = (&style.logo, s.code.symbol.logo) {
            if let Some(dpi) = logo.dpi_at(f64::from(w) * enc.module) {
                let min = qrdesk_core::rules::style::MIN_LOGO_DPI;
                let text = format!(
                    "The logo {} prints at {dpi:.0} dpi at this size, under the {min:.0} dpi \
                     print needs; it may look soft (an SVG logo stays sharp)",
                    logo.file_name
                );
                if dpi < min && !warnings.contains(&text) {
                    warnings.push(text);
                }
            }
        }
    }
    Ok(())
}
