//! `--each svg|pdf|png`: one file per code in a folder, for designers placing codes in their
//! own artwork. Files are named by data row (`00001.svg` …). Everything is written into a
//! temporary folder beside the target and moved into place at the end, so a failed or cancelled
//! job leaves nothing behind.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::engine::{encode_row, Encoded, Plan};
use crate::error::{PrintError, RowProblem};
use crate::layout::{Imposition, Layout, LayoutKind, ResolveOptions};
use crate::options::{PrintJob, PrintReport, Progress, SizeSpec};
use crate::pdf::document::DocumentWriter;
use crate::pdf::page::{PageDraw, PlacedCode, PlacedStyled};
use crate::raster;
use crate::source::{RowReader, TextTemplates};
use crate::style::render;

/// File format of `--each`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EachFormat {
    Svg,
    Pdf,
    Png,
}

impl EachFormat {
    pub fn parse(text: &str) -> Option<EachFormat> {
        match text.trim().to_ascii_lowercase().as_str() {
            "svg" => Some(EachFormat::Svg),
            "pdf" => Some(EachFormat::Pdf),
            "png" => Some(EachFormat::Png),
            _ => None,
        }
    }

    fn ext(self) -> &'static str {
        match self {
            EachFormat::Svg => "svg",
            EachFormat::Pdf => "pdf",
            EachFormat::Png => "png",
        }
    }
}

/// Default outer size of `--each` files when no `--size`/`--module` is given.
pub const EACH_DEFAULT_MM: f64 = 30.0;
/// PNG resolution.
pub const PNG_DPI: f64 = 300.0;

/// Writes one file per code into `out_dir` (created; it must not exist or be empty).
pub fn run_each(
    job: &PrintJob,
    format: EachFormat,
    out_dir: &Path,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
) -> Result<PrintReport, PrintError> {
    let mut job = job.clone();
    // Each file is just the code: one code per "page" the size of the code, no caption.
    job.layout = Layout {
        name: "each".into(),
        description: String::new(),
        page_width: 0.0,
        page_height: 0.0,
        kind: LayoutKind::OnePerPage,
        shape: crate::layout::LabelShape::Rectangle,
        catalogue: false,
    };
    job.options.caption = None;
    job.options.page = None;
    job.options.bleed = 0.0;
    job.options.crop_marks = false;
    job.options.start_at = 1;
    if job.options.size == SizeSpec::Auto {
        job.options.size = SizeSpec::Symbol(EACH_DEFAULT_MM);
    }
    if matches!(job.options.size, SizeSpec::Module(_)) {
        // The page follows each code; resolve with a page large enough for any code and size
        // each file from its own code below.
        job.options.page = Some((2000.0, 2000.0));
    }
    let plan = Plan::new(&job)?;
    let total = crate::count_rows(&job.source)?;
    if out_dir.exists() {
        let mut entries =
            std::fs::read_dir(out_dir).map_err(|e| PrintError::io("read", out_dir, e))?;
        if entries.next().is_some() {
            return Err(PrintError::option(format!(
                "{} is not empty; choose a new or empty folder for --each",
                out_dir.display()
            )));
        }
    }
    let parent = match out_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let staging = tempfile::Builder::new()
        .prefix(".qrdesk-each-")
        .tempdir_in(&parent)
        .map_err(|e| PrintError::io("write in", &parent, e))?;
    let width = total.to_string().len().max(5);
    let mut reader = RowReader::open(&job.source, &TextTemplates::default(), 1)?;
    let mut skipped: Vec<RowProblem> = Vec::new();
    let (mut rows_read, mut written, mut bytes) = (0u64, 0u64, 0u64);
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(PrintError::Cancelled);
        }
        let mut rows = Vec::with_capacity(512);
        for row in reader.by_ref().take(512) {
            rows.push(row?);
        }
        if rows.is_empty() {
            break;
        }
        rows_read += rows.len() as u64;
        let results: Vec<Result<u64, PrintError>> = rows
            .into_par_iter()
            .map(|row| {
                let enc = encode_row(&plan, row).map_err(PrintError::Row)?;
                let name = format!("{:0width$}.{}", enc.row.number, format.ext());
                let data = render_one(&plan, &enc, format)?;
                let path = staging.path().join(name);
                std::fs::write(&path, &data).map_err(|e| PrintError::io("write", &path, e))?;
                Ok(data.len() as u64)
            })
            .collect();
        for r in results {
            match r {
                Ok(n) => {
                    written += 1;
                    bytes += n;
                }
                Err(PrintError::Row(p)) if job.options.skip_invalid => skipped.push(p),
                Err(e) => return Err(e),
            }
        }
        progress(Progress { done: rows_read, total, pages: written });
    }
    if written == 0 {
        return Err(match skipped.into_iter().next() {
            Some(p) => PrintError::Row(p),
            None => PrintError::option("there are no data rows to print"),
        });
    }
    if out_dir.exists() {
        std::fs::remove_dir(out_dir).map_err(|e| PrintError::io("replace", out_dir, e))?;
    }
    let kept = staging.keep();
    std::fs::rename(&kept, out_dir).map_err(|e| PrintError::io("create", out_dir, e))?;
    Ok(PrintReport {
        output: out_dir.to_path_buf(),
        rows: rows_read,
        codes: written,
        pages: written,
        bytes,
        skipped,
        warnings: Vec::new(),
        verified: false,
        manifest: None,
    })
}

fn render_one(plan: &Plan, enc: &Encoded, format: EachFormat) -> Result<Vec<u8>, PrintError> {
    let o = &plan.job.options;
    let q = o.quiet_zone;
    if let (Some(style), Some(s)) = (&o.style, &enc.styled) {
        match format {
            EachFormat::Svg => {
                let doc = render::svg(style, &s.matrix, q, enc.outer, &enc.row.frame);
                return Ok(
                    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{doc}\n").into_bytes()
                );
            }
            EachFormat::Png => {
                let canvas =
                    render::raster(style, &s.matrix, q, enc.outer, &enc.row.frame, PNG_DPI)
                        .ok_or_else(|| {
                            PrintError::option(
                                "the PNG would be too large; choose a smaller --size",
                            )
                        })?;
                return canvas
                    .pixmap
                    .encode_png()
                    .map_err(|e| PrintError::option(format!("the PNG could not be encoded: {e}")));
            }
            EachFormat::Pdf => {}
        }
    }
    match format {
        EachFormat::Svg => Ok(svg(enc, q, &o.ink.hex()).into_bytes()),
        EachFormat::Png => {
            let px = ((enc.module / 25.4 * PNG_DPI) as f32).max(1.0);
            let pixmap = raster::render(&enc.symbol, q, px, &o.ink).ok_or_else(|| {
                PrintError::option("the PNG would be too large; choose a smaller --size")
            })?;
            pixmap
                .encode_png()
                .map_err(|e| PrintError::option(format!("the PNG could not be encoded: {e}")))
        }
        EachFormat::Pdf => {
            let imp = Imposition::resolve(
                &plan.job.layout,
                ResolveOptions { code_size: Some(enc.outer), ..ResolveOptions::default() },
            )?;
            let qm = f64::from(q) * enc.module;
            let mut draw = PageDraw {
                imposition: &imp,
                ink: &o.ink,
                spots: &plan.spots,
                style: o.style.as_ref(),
                quiet: q,
                styled: Vec::new(),
                calibration: Default::default(),
                codes: Vec::new(),
                texts: Vec::new(),
                used_labels: Vec::new(),
                crop_marks: false,
                cut_lines: false,
            };
            let mut glyphs = Vec::new();
            match (&o.style, &enc.styled) {
                (Some(style), Some(s)) => {
                    let placed = render::place(style, enc.symbol.modules, q, 0.0, 0.0, enc.outer);
                    if let Some(t) = &s.frame_text {
                        glyphs.extend(t.glyphs.iter().map(|&(g, c)| (crate::font::REGULAR, g, c)));
                    }
                    draw.styled.push(PlacedStyled {
                        code: &s.code,
                        placed,
                        frame_text: s.frame_text.as_ref(),
                    });
                }
                _ => draw.codes.push(PlacedCode {
                    symbol: &enc.symbol,
                    x: qm,
                    y: qm,
                    module: enc.module,
                }),
            }
            glyphs.sort_unstable();
            glyphs.dedup();
            let mut doc = DocumentWriter::new(Vec::new(), o)?;
            let content = DocumentWriter::<Vec<u8>>::compress(&draw.content());
            doc.add_page(&imp, &content, &glyphs)?;
            doc.finish(&enc.row.payload)
        }
    }
}

/// One SVG in millimetres, the quiet zone included, one path for all dark modules.
fn svg(enc: &Encoded, quiet: u16, colour: &str) -> String {
    let side = enc.symbol.modules + 2 * quiet;
    let mm = enc.outer;
    let mut d = String::with_capacity(enc.symbol.rects.len() * 16);
    for r in &enc.symbol.rects {
        let _ = write!(d, "M{} {}h{}v{}h-{}z", r.x + quiet, r.y + quiet, r.w, r.h, r.w);
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
         width=\"{mm:.3}mm\" height=\"{mm:.3}mm\" viewBox=\"0 0 {side} {side}\" \
         shape-rendering=\"crispEdges\"><path fill=\"{colour}\" d=\"{d}\"/></svg>\n"
    )
}
