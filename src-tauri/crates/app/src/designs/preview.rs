//! The Designs page's live preview: the draft laid out by the print engine on the first page of
//! the chosen sheet, filled with sample rows, as an SVG image, with the engine's warnings (text
//! cut short, fields with no room) in sentences.

use std::collections::BTreeMap;

use base64::Engine as _;
use qrdesk_core::AppError;
use qrdesk_print::design::Design;
use qrdesk_print::{render_preview_svg, FontFile, PrintItem, PrintJob, PrintOptions, Source};
use qrdesk_store::designs;

use super::draft::spec_of_draft;
use crate::context::AppContext;
use crate::ipc::designs::{DesignPreview, DesignPreviewRequest};
use crate::print::flags::layout_by_name;

/// Columns every sample row has.
const SAMPLE_COLUMNS: [&str; 3] = ["id", "name", "url"];
/// Sample rows (a sheet's first page holds at most this many labels of the built-in sheets).
const SAMPLE_ROWS: usize = 80;

fn sample_items() -> Vec<PrintItem> {
    (1..=SAMPLE_ROWS)
        .map(|i| {
            let url = format!("https://qr.example.com/r/s{i:04}");
            let fields = BTreeMap::from([
                ("id".to_string(), i.to_string()),
                ("name".to_string(), format!("Table {i}")),
                ("url".to_string(), url.clone()),
            ]);
            PrintItem { payload: url, fields }
        })
        .collect()
}

/// The draft on page 1 of `request.layout`. Font files the saved design of the same name carries
/// are used; a draft naming another font file is refused with the reason.
pub fn preview_design(
    ctx: &AppContext,
    request: &DesignPreviewRequest,
) -> Result<DesignPreview, AppError> {
    let spec = spec_of_draft(&request.draft);
    let name = request.draft.name.trim();
    let saved = if name.is_empty() { None } else { ctx.store().read(|c| designs::get(c, name))? };
    let fonts = saved
        .map(|r| r.fonts)
        .unwrap_or_default()
        .into_iter()
        .filter(|(file, _)| spec.fields.iter().any(|f| f.font.as_deref() == Some(file)))
        .map(|(file, bytes)| FontFile::load(&file, bytes))
        .collect::<Result<Vec<_>, _>>()
        .map_err(AppError::from)?;
    let design = Design::resolve(&spec, fonts, "being edited").map_err(AppError::from)?;
    let layout = layout_by_name(&request.layout, None)?;
    let job = PrintJob {
        source: Source::Items(sample_items()),
        layout,
        options: PrintOptions { design: Some(design), ..PrintOptions::default() },
    };
    let page = render_preview_svg(&job, 0).map_err(AppError::from)?;
    let mut warnings = page.warnings;
    warnings.extend(page.problems.iter().take(3).map(|p| p.describe()));
    warnings.dedup();
    let encoded = base64::engine::general_purpose::STANDARD.encode(page.svg.as_bytes());
    Ok(DesignPreview {
        page_image: format!("data:image/svg+xml;base64,{encoded}"),
        warnings,
        sample_columns: SAMPLE_COLUMNS.iter().map(|c| c.to_string()).collect(),
    })
}
