//! QR Desk's print engine: rows in (a CSV file or payloads from the local cache), one
//! print-ready vector PDF out: QR codes as CMYK vector paths (100 % K by default) on label
//! sheets, N-up grids or one code per page, with captions in an embedded font, print marks,
//! guard rails per row, optional read-back verification and a manifest.
//!
//! It owns: CSV reading, caption templates, QR encoding (`qrcode`'s building blocks, the mask
//! chosen by `mask_choice`), layouts, the streaming PDF writer (`pdf-writer` + `subsetter`,
//! streams deflated by zlib-rs), `--each` files (tiny-skia), verification (rxing's ZXing
//! detector and decoder on each code's own raster).
//! It deliberately does not: talk to the network, SQLite or Tauri, draw progress bars, or
//! parse command lines. The CLI and the desktop UI call [`run`], [`run_each`],
//! [`render_preview_page`] and [`layouts`]; cached codes come in as [`PrintItem`]s.
//!
//! Memory stays flat with row count: rows are read and encoded in batches, pages are written
//! as they are made, and only object offsets are kept until the end.

mod calibration;
mod caption_template;
pub mod design;
mod each;
mod engine;
mod error;
mod font;
mod ink;
mod layout;
mod length;
mod mask_choice;
mod options;
mod output;
mod pdf;
mod preview;
mod raster;
mod source;
mod spec_file;
pub mod style;
pub mod symbol;

use std::path::Path;
use std::sync::atomic::AtomicBool;

pub use calibration::{write_calibration, CalibrationSheet};
pub use caption_template::CaptionTemplate;
pub use each::{run_each, EachFormat};
pub use engine::{Placement, MIN_MODULE_MM};
pub use error::{PrintError, RowProblem};
pub use font::{face as bundled_face, FontFile};
pub use ink::Ink;
pub use layout::catalogue::{read_catalogue, template_dirs, Catalogue};
pub use layout::{
    all_layouts, auto_code_size, builtin_layouts, catalogue, find_layout, load_layout_file,
    parse_glabels_file, parse_layout_file, plan_label, search_layouts, Imposition, LabelShape,
    Layout, LayoutInfo, LayoutKind, ResolveOptions,
};
pub use length::{parse_length, parse_page, parse_pair, parse_scale};
pub use options::{PrintJob, PrintOptions, PrintReport, Progress, SizeSpec};
pub use pdf::page::Calibration;
pub use preview::{render_preview_svg, PreviewPage};
pub use source::{preview_csv, CsvRows, CsvSource, CsvTable, PrintItem, Source, TextTemplates};
pub use symbol::EcLevel;

use engine::{run_pipeline, Plan};
use output::{check_target, Manifest, SafeFile};
use pdf::document::DocumentWriter;

/// Every built-in layout, for `qrdesk print --layouts` and the UI's picker.
pub fn layouts() -> Vec<LayoutInfo> {
    builtin_layouts().iter().map(Layout::info).collect()
}

/// The job's layout resolved against its options (page, labels per page, label size), for the
/// UI to show before printing.
pub fn imposition(job: &PrintJob) -> Result<Imposition, PrintError> {
    Ok(Plan::new(job)?.imp)
}

/// Number of data rows in `source` (a quick pass over a CSV file).
pub fn count_rows(source: &Source) -> Result<u64, PrintError> {
    match source {
        Source::Items(items) => Ok(items.len() as u64),
        Source::Csv(_) => {
            let mut n = 0;
            for row in source::RowReader::open(source, &TextTemplates::default(), 1)? {
                row?;
                n += 1;
            }
            Ok(n)
        }
    }
}

/// Runs `job` and writes the PDF to `out_path` (and the manifest, if asked for).
///
/// Nothing is written unless the whole job succeeds: output goes to a temporary file in the
/// same folder and is renamed into place at the end. `progress` is called after every batch of
/// rows; raising `cancel` stops the job with [`PrintError::Cancelled`].
pub fn run(
    job: &PrintJob,
    out_path: &Path,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
) -> Result<PrintReport, PrintError> {
    run_with(job, out_path, progress, cancel, &mut |_| {})
}

/// [`run`], handing every placed label to `on_placed` in order (the job history keeps them).
pub fn run_with(
    job: &PrintJob,
    out_path: &Path,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
    on_placed: &mut dyn FnMut(&Placement),
) -> Result<PrintReport, PrintError> {
    let plan = Plan::new(job)?;
    check_target(out_path)?;
    if let Some(m) = &job.options.manifest {
        check_target(m)?;
    }
    let total = count_rows(&job.source)?;
    let mut file = SafeFile::create(out_path)?;
    let mut manifest = job.options.manifest.as_deref().map(Manifest::create).transpose()?;
    let mut doc = DocumentWriter::new(file.writer(), &job.options)?;
    let outcome = run_pipeline(&plan, &mut doc, total, None, progress, cancel, &mut |p| {
        on_placed(p);
        manifest.as_mut().map_or(Ok(()), |m| m.add(p))
    })?;
    doc.finish(&job.options.title)?;
    let bytes = file.commit()?;
    let manifest_path = match manifest {
        Some(m) => {
            m.commit()?;
            job.options.manifest.clone()
        }
        None => None,
    };
    Ok(PrintReport {
        output: out_path.to_path_buf(),
        rows: outcome.rows,
        codes: outcome.codes,
        pages: outcome.pages,
        bytes,
        skipped: outcome.skipped,
        warnings: outcome.warnings,
        verified: job.options.verify,
        manifest: manifest_path,
    })
}

/// A one-page PDF of page `page_index` (from 0) of what [`run`] would write, for the UI's live
/// preview. Rows before that page are encoded (to know which are valid) but not drawn.
pub fn render_preview_page(job: &PrintJob, page_index: u64) -> Result<Vec<u8>, PrintError> {
    let plan = Plan::new(job)?;
    let mut doc = DocumentWriter::new(Vec::new(), &job.options)?;
    let never = AtomicBool::new(false);
    let outcome =
        run_pipeline(&plan, &mut doc, 0, Some(page_index), &|_| {}, &never, &mut |_| Ok(()))?;
    if outcome.pages == 0 {
        return Err(PrintError::option(format!("there is no page {} in this job", page_index + 1)));
    }
    doc.finish(&job.options.title)
}
