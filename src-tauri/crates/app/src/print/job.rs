//! A print request from the window turned into an engine job: the source (a CSV written to a
//! private file, a selection or a search of the cache), the layout, the options, and how row
//! numbers map back to codes for the problems the engine reports.

use qrdesk_core::{AppError, CodeId};
use qrdesk_print::{
    find_layout, Calibration, CsvSource, Layout, PrintItem, PrintJob, PrintOptions, SizeSpec,
    Source,
};
use qrdesk_store::codes;

use super::cache_rows::print_item;
use super::checks::{check_request, ink};
use super::csv_text::TempCsv;
use super::profiles::profile_calibration;
use crate::context::AppContext;
use crate::designs::load_design;
use crate::ipc::print::{CaptionSource, EcLevel, PrintRequest, PrintSource, RowProblem};
use crate::styles::load_style;

impl EcLevel {
    fn engine(self) -> qrdesk_print::EcLevel {
        match self {
            EcLevel::L => qrdesk_print::EcLevel::L,
            EcLevel::M => qrdesk_print::EcLevel::M,
            EcLevel::Q => qrdesk_print::EcLevel::Q,
            EcLevel::H => qrdesk_print::EcLevel::H,
        }
    }
}

/// A job built from a request, with what it needs kept alive and how rows map to codes.
pub struct PreparedJob {
    pub job: PrintJob,
    /// For cache sources: the code id of each row (row numbers count from 1).
    codes: Vec<CodeId>,
    _csv: Option<TempCsv>,
}

impl PreparedJob {
    pub(crate) fn problem(&self, p: &qrdesk_print::RowProblem) -> RowProblem {
        let code =
            usize::try_from(p.row).ok().and_then(|r| self.codes.get(r.checked_sub(1)?)).copied();
        let value: String = p.value.chars().take(60).collect();
        RowProblem { row: p.row, code, message: format!("{} ({value}). {}", p.reason, p.fix) }
    }
}

/// Turns the screen's request into an engine job.
pub fn prepare(ctx: &AppContext, request: &PrintRequest) -> Result<PreparedJob, AppError> {
    check_request(request)?;
    let o = &request.options;
    let layout: Layout = find_layout(&o.layout).map_err(AppError::from)?;
    let ink = ink(&o.foreground)?;
    let (source, codes, csv, caption) = match &request.source {
        PrintSource::Csv { text, mapping } => {
            let file = TempCsv::write(ctx.data_dir(), text)?;
            let source = Source::Csv(CsvSource {
                path: file.path().to_path_buf(),
                column: Some(mapping.content.clone()),
                delimiter: None,
                quantity_column: None,
            });
            let caption = match (o.caption, &mapping.caption) {
                (CaptionSource::None, _) => None,
                (CaptionSource::Content, _) => Some(format!("{{{}}}", mapping.content)),
                (_, Some(column)) => Some(format!("{{{column}}}")),
                (_, None) => None,
            };
            (source, Vec::new(), Some(file), caption)
        }
        PrintSource::Selection { codes: ids } => {
            let found = ctx
                .store()
                .read(|c| ids.iter().map(|id| codes::get(c, *id)).collect::<Result<Vec<_>, _>>())?;
            let (items, ids) = cache_items(found);
            (Source::Items(items), ids, None, cache_caption(o.caption))
        }
        PrintSource::Search { query } => {
            let filter = query.filter();
            let found = ctx.store().read(|c| codes::list(c, &filter))?;
            let (items, ids) = cache_items(found);
            (Source::Items(items), ids, None, cache_caption(o.caption))
        }
    };
    if matches!(&source, Source::Items(items) if items.is_empty()) {
        return Err(AppError::bad_input(
            "No codes to print: select some in the library, or widen the search",
        ));
    }
    let options = PrintOptions {
        size: if o.size_mm > 0.0 { SizeSpec::Symbol(o.size_mm) } else { SizeSpec::Auto },
        ec: o.ec.engine(),
        ink,
        caption,
        bleed: o.bleed_mm,
        crop_marks: o.crop_marks,
        start_at: o.start_at.max(1),
        calibration: match o.printer_profile.as_deref().filter(|n| !n.trim().is_empty()) {
            Some(name) => profile_calibration(ctx, name)?,
            None => {
                Calibration { offset: (o.offset_x_mm, o.offset_y_mm), ..Calibration::default() }
            }
        },
        skip_invalid: true,
        style: o
            .style
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .map(|n| load_style(ctx, n))
            .transpose()?,
        design: o
            .design
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .map(|n| load_design(ctx, n))
            .transpose()?,
        ..PrintOptions::default()
    };
    Ok(PreparedJob { job: PrintJob { source, layout, options }, codes, _csv: csv })
}

pub(crate) fn cache_items(found: Vec<qrdesk_core::QrCode>) -> (Vec<PrintItem>, Vec<CodeId>) {
    (found.iter().map(print_item).collect(), found.iter().map(|c| c.id).collect())
}

fn cache_caption(source: CaptionSource) -> Option<String> {
    match source {
        CaptionSource::None => None,
        CaptionSource::Content => Some("{short_url}".into()),
        CaptionSource::Name | CaptionSource::Column => Some("{name}".into()),
    }
}
