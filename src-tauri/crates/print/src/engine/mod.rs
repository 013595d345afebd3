//! The batch pipeline: rows are read in batches, encoded and checked in parallel (rayon, both
//! cores), given label slots in order, turned into pages in parallel, and written to the PDF in
//! order. Only one batch is in memory at a time, so memory stays flat with row count.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use qrdesk_core::rules::print as limits;

use crate::design::{self, LabelDesign};
use crate::error::{PrintError, RowProblem};
use crate::font::{self as fonts, REGULAR};
use crate::ink::MIN_CONTRAST;
use crate::layout::{auto_code_size, Area, CaptionPlace, Imposition, ResolveOptions};
use crate::length::MM_PER_PT;
use crate::options::{PrintJob, Progress, SizeSpec};
use crate::pdf::document::{DocumentWriter, PageOut};
use crate::pdf::page::{PageDraw, PlacedCode, PlacedStyled, PlacedText};
use crate::raster::decode_back;
use crate::source::{RowReader, TextTemplates};
use crate::style::proof;
use crate::style::render;
use crate::symbol::EcLevel;

mod encode;
mod page_rows;
mod proof_pass;

pub use encode::{check_row, encode_row, Encoded};
use page_rows::encode_page_rows;
use proof_pass::prove_new_versions;

/// Smallest module accepted (mm).
pub const MIN_MODULE_MM: f64 = limits::MIN_MODULE_MM;
/// Rows read and encoded per batch.
const BATCH: usize = 2048;

/// The job's options resolved against its layout.
pub struct Plan<'a> {
    pub job: &'a PrintJob,
    pub imp: Imposition,
    pub has_caption: bool,
    /// Outer size when it does not depend on the payload.
    pub fixed_outer: Option<f64>,
    /// The error correction level codes are made at (H when the style has a logo).
    pub ec: EcLevel,
    /// Spot colour names in resource order (`CS0`, `CS1` …).
    pub spots: Vec<String>,
    /// Every font of the document, by font number.
    pub faces: Vec<ttf_parser::Face<'a>>,
    /// The label design laid out once, when the code's size does not depend on the payload.
    pub design_layout: Option<LabelDesign>,
}

impl<'a> Plan<'a> {
    pub fn new(job: &'a PrintJob) -> Result<Self, PrintError> {
        let o = &job.options;
        if o.quiet_zone < limits::MIN_QUIET_ZONE && !o.force {
            return Err(PrintError::option(format!(
                "a quiet zone of {} module(s) is below the {}-module minimum scanners need (4 is \
                 the standard); use --quiet-zone 4, or add --force if the artwork provides the \
                 white space",
                o.quiet_zone,
                limits::MIN_QUIET_ZONE
            )));
        }
        if o.quiet_zone > limits::MAX_QUIET_ZONE {
            return Err(PrintError::option(format!(
                "the quiet zone can be at most {} modules",
                limits::MAX_QUIET_ZONE
            )));
        }
        let contrast = o.ink.contrast_on_white();
        let ec = match &o.style {
            Some(style) => {
                style.check(o.force)?;
                style.ec(o.ec_chosen.then_some(o.ec))?.unwrap_or(o.ec)
            }
            None => o.ec,
        };
        if contrast < MIN_CONTRAST && o.style.is_none() {
            return Err(PrintError::option(format!(
                "low contrast: the chosen colour reaches only {contrast:.1}:1 against white paper, \
                 scanners need at least {MIN_CONTRAST}:1; choose a darker colour (100 % K is the \
                 default)"
            )));
        }
        if !(0.0..=limits::MAX_BLEED_MM).contains(&o.bleed) {
            return Err(PrintError::option(format!(
                "the bleed must be between 0 and {} mm",
                limits::MAX_BLEED_MM
            )));
        }
        let (ox, oy) = o.calibration.offset;
        if ![ox, oy].iter().all(|v| v.is_finite() && v.abs() <= limits::MAX_OFFSET_MM) {
            return Err(PrintError::option(format!(
                "a printer calibration offset moves the print by at most {} mm each way",
                limits::MAX_OFFSET_MM
            )));
        }
        match o.size {
            SizeSpec::Symbol(s) if !(s > 0.0 && s <= limits::MAX_CODE_MM) => {
                return Err(PrintError::option(format!(
                    "--size must be more than 0 and at most {} mm, like 30mm",
                    limits::MAX_CODE_MM
                )))
            }
            SizeSpec::Module(m) if !(m > 0.0 && m <= limits::MAX_MODULE_MM) => {
                return Err(PrintError::option(format!(
                    "--module must be more than 0 and at most {} mm, like 0.5mm",
                    limits::MAX_MODULE_MM
                )))
            }
            _ => {}
        }
        let has_caption = o.design.is_none() && o.caption.as_deref().is_some_and(|c| !c.is_empty());
        let code_size = match o.size {
            SizeSpec::Symbol(s) => Some(s),
            _ => None,
        };
        let imp = Imposition::resolve(
            &job.layout,
            ResolveOptions {
                page: o.page,
                code_size,
                has_caption,
                bleed: o.bleed,
                crop_marks: o.crop_marks,
            },
        )?;
        if o.start_at == 0 || o.start_at > imp.per_page() {
            return Err(PrintError::option(format!(
                "--start-at must be between 1 and {} (the labels on one {} page)",
                imp.per_page(),
                job.layout.name
            )));
        }
        let fixed_outer = match (o.size, &o.design) {
            (SizeSpec::Auto, Some(d)) => Some(design::place::auto_code_size(d, &imp)),
            (SizeSpec::Auto, None) => Some(auto_code_size(&imp, has_caption)),
            (SizeSpec::Symbol(s), _) => Some(s),
            (SizeSpec::Module(_), _) => None,
        };
        let design_layout = match (&o.design, fixed_outer) {
            (Some(d), Some(s)) => {
                let laid = design::place::place(d, &imp, s);
                design::place::check(d, &imp, &laid).map_err(|e| {
                    PrintError::option(format!(
                        "the label design \"{}\" does not fit {}: {e}",
                        d.name, job.layout.name
                    ))
                })?;
                Some(laid)
            }
            _ => None,
        };
        let font_files = o.design.as_ref().map(|d| d.fonts.as_slice()).unwrap_or_default();
        let faces = fonts::faces(&fonts::sources(font_files))?;
        let spots = crate::pdf::document::spot_inks(o).into_iter().map(|(n, _)| n).collect();
        Ok(Plan { job, imp, has_caption, fixed_outer, ec, spots, faces, design_layout })
    }
}

/// Rows assigned to one page.
pub struct PageJob {
    /// Page index from 0.
    pub index: u64,
    /// Slot of the first code (non-zero only on the first page with `start_at`).
    pub first_slot: u32,
    pub codes: Vec<Encoded>,
    /// Codes that belong to this page but were checked, not drawn (a preview of another page).
    pub elsewhere: u32,
}

/// The slot, counted from the first page's first label, that the next code of `page` takes.
fn next_slot(page: &PageJob, per_page: u32) -> u64 {
    page.index * u64::from(per_page)
        + u64::from(page.first_slot)
        + page.codes.len() as u64
        + u64::from(page.elsewhere)
}

/// Where a code was placed, for the manifest.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub row: u64,
    /// The label's serial number (counts labels, so copies of a row differ).
    pub serial: u64,
    pub line: u64,
    pub page: u64,
    pub slot: u32,
    pub column: u32,
    pub label_row: u32,
    /// Top-left of the code's outer square (quiet zone included), mm from the page's top-left.
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub payload: String,
    /// The caption as placed (empty without one) and its box, page-relative mm.
    pub caption: String,
    /// The style's frame text for this code (empty without one).
    pub frame: String,
    pub caption_area: Option<crate::layout::Area>,
    /// The label design's field texts as rendered (empty without a design).
    pub fields: Vec<String>,
    /// Every line of text on the label as placed (design fields), page-relative mm.
    pub lines: Vec<TextLine>,
}

/// A line of a design field as placed, for previews and checks.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub field: usize,
    pub text: String,
    pub x: f64,
    pub baseline: f64,
    pub size_pt: f32,
    pub bold: bool,
}

/// Builds one page: content, glyphs, and (with `verify`) decodes every code back.
pub fn build_page(plan: &Plan, page: &PageJob) -> Result<(PageOut, Vec<Placement>), PrintError> {
    let o = &plan.job.options;
    let imp = &plan.imp;
    let q = f64::from(o.quiet_zone);
    let mut draw = PageDraw {
        imposition: imp,
        ink: &o.ink,
        spots: &plan.spots,
        style: o.style.as_ref(),
        quiet: o.quiet_zone,
        styled: Vec::new(),
        calibration: o.calibration,
        codes: Vec::with_capacity(page.codes.len()),
        texts: Vec::with_capacity(page.codes.len()),
        used_labels: Vec::with_capacity(page.codes.len()),
        crop_marks: o.crop_marks,
        cut_lines: o.cut_lines,
    };
    let mut placements = Vec::with_capacity(page.codes.len());
    let mut glyphs = Vec::new();
    for (i, enc) in page.codes.iter().enumerate() {
        let slot = page.first_slot + i as u32;
        let (lx, ly) = imp.label_origin(slot);
        let code = enc.plan.code;
        match &enc.styled {
            Some(s) => {
                let placed = render::place(
                    o.style.as_ref().expect("styled codes come from a styled job"),
                    enc.symbol.modules,
                    o.quiet_zone,
                    lx + code.x,
                    ly + code.y,
                    enc.outer,
                );
                if let Some(t) = &s.frame_text {
                    glyphs.extend(t.glyphs.iter().map(|&(g, c)| (REGULAR, g, c)));
                }
                draw.styled.push(PlacedStyled {
                    code: &s.code,
                    placed,
                    frame_text: s.frame_text.as_ref(),
                });
            }
            None => draw.codes.push(PlacedCode {
                symbol: &enc.symbol,
                x: lx + code.x + q * enc.module,
                y: ly + code.y + q * enc.module,
                module: enc.module,
            }),
        }
        draw.used_labels.push(Area { x: lx, y: ly, w: imp.label_w, h: imp.label_h });
        if let (Some(text), Some((area, place))) = (&enc.caption, &enc.plan.caption) {
            let size_mm = f64::from(text.size_pt) * MM_PER_PT;
            let x = match place {
                CaptionPlace::Beside => area.x,
                CaptionPlace::Below => area.x + (area.w - text.width_mm) / 2.0,
            };
            let baseline = area.y + area.h / 2.0 + 0.35 * size_mm;
            draw.texts.push(PlacedText::caption(text, lx + x, ly + baseline));
            glyphs.extend(text.glyphs.iter().map(|&(g, c)| (REGULAR, g, c)));
        }
        let mut lines = Vec::new();
        for (k, t) in enc.texts.iter().enumerate() {
            for (line, (x, baseline)) in t.block.lines.iter().zip(&t.origins) {
                draw.texts.push(PlacedText {
                    font: t.font,
                    size_pt: t.block.size_pt,
                    glyphs: &line.glyphs,
                    x: lx + x,
                    baseline: ly + baseline,
                });
                glyphs.extend(line.glyphs.iter().map(|&(g, c)| (t.font, g, c)));
                lines.push(TextLine {
                    field: k,
                    text: line.glyphs.iter().map(|(_, c)| *c).collect(),
                    x: lx + x,
                    baseline: ly + baseline,
                    size_pt: t.block.size_pt,
                    bold: t.font == fonts::BOLD,
                });
            }
        }
        if o.verify {
            let decoded = match (&enc.styled, &o.style) {
                (Some(s), Some(style)) => {
                    // About six pixels per module, decoded without being told where the code is.
                    let dpi = (6.0 * 25.4 / enc.module).clamp(72.0, 1200.0);
                    proof::decode_styled(
                        style,
                        &s.matrix,
                        o.quiet_zone,
                        enc.outer,
                        &enc.row.frame,
                        dpi,
                    )
                }
                _ => decode_back(&enc.symbol, o.quiet_zone, enc.module),
            };
            if decoded.as_deref() != Some(enc.row.payload.as_str()) {
                return Err(PrintError::Verify(RowProblem::new(
                    enc.row.number,
                    enc.row.line,
                    &enc.row.payload,
                    match decoded {
                        Some(other) => format!("the placed code reads back as \"{other}\""),
                        None => "the placed code could not be read back".to_string(),
                    },
                    "Report this as a bug with the row shown; meanwhile try a larger size or a \
                     higher EC level.",
                )));
            }
        }
        placements.push(Placement {
            row: enc.row.number,
            serial: enc.row.serial,
            line: enc.row.line,
            page: page.index + 1,
            slot: slot + 1,
            column: slot % imp.columns + 1,
            label_row: slot / imp.columns + 1,
            x: lx + code.x,
            y: ly + code.y,
            size: enc.outer,
            payload: enc.row.payload.clone(),
            caption: enc.row.caption.clone(),
            frame: enc.row.frame.clone(),
            caption_area: enc.plan.caption.map(|(a, _)| crate::layout::Area {
                x: lx + a.x,
                y: ly + a.y,
                w: a.w,
                h: a.h,
            }),
            fields: enc.row.fields.clone(),
            lines,
        });
    }
    glyphs.sort_unstable();
    glyphs.dedup();
    let content = DocumentWriter::<Vec<u8>>::compress(&draw.content());
    Ok((PageOut { content, glyphs }, placements))
}

/// What the pipeline did.
#[derive(Debug, Default)]
pub struct Outcome {
    pub rows: u64,
    pub codes: u64,
    pub pages: u64,
    pub skipped: Vec<RowProblem>,
    pub warnings: Vec<String>,
}

/// Runs the pipeline into `doc`. With `only_page`, pages other than that one are laid out but
/// not written (the UI's live preview), and reading stops after it.
pub fn run_pipeline<W: Write>(
    plan: &Plan,
    doc: &mut DocumentWriter<W>,
    total: u64,
    only_page: Option<u64>,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
    on_placed: &mut dyn FnMut(&Placement) -> Result<(), PrintError>,
) -> Result<Outcome, PrintError> {
    let o = &plan.job.options;
    let per_page = plan.imp.per_page();
    let frame = o.style.as_ref().and_then(|s| s.frame.as_deref());
    let fields = o.design.as_ref().map(|d| d.templates()).unwrap_or_default();
    let templates = TextTemplates {
        caption: if o.design.is_some() { None } else { o.caption.as_deref() },
        frame,
        fields: &fields,
    };
    let mut reader = RowReader::open(&plan.job.source, &templates, o.serial_start)?;
    let mut proven: Vec<u16> = Vec::new();
    let mut out = Outcome::default();
    if let Some(style) = &o.style {
        out.warnings.extend(style.warnings());
    }
    let mut current = PageJob {
        index: 0,
        first_slot: o.start_at - 1,
        codes: Vec::with_capacity(per_page as usize),
        elsewhere: 0,
    };
    let mut done = false;
    while !done {
        if cancel.load(Ordering::Relaxed) {
            return Err(PrintError::Cancelled);
        }
        let mut rows = Vec::with_capacity(BATCH);
        for row in reader.by_ref().take(BATCH) {
            rows.push(row?);
        }
        done = rows.len() < BATCH;
        out.rows += rows.iter().filter(|r| r.copy == 1).count() as u64;
        let (encoded, witnesses) = match only_page {
            None => {
                (rows.into_par_iter().map(|r| encode_row(plan, r).map(Some)).collect(), Vec::new())
            }
            Some(p) => encode_page_rows(plan, rows, next_slot(&current, per_page), per_page, p),
        };
        if let Some(style) = &o.style {
            prove_new_versions(plan, style, &encoded, &mut proven, &mut out.warnings)?;
            prove_new_versions(plan, style, &witnesses, &mut proven, &mut out.warnings)?;
        }
        let mut ready = Vec::new();
        for e in encoded {
            match e {
                Err(p) if o.skip_invalid => out.skipped.push(p),
                Err(p) => return Err(PrintError::Row(p)),
                Ok(enc) => {
                    match enc {
                        Some(enc) => {
                            out.warnings.extend(enc.warnings.iter().cloned());
                            current.codes.push(enc);
                        }
                        None => current.elsewhere += 1,
                    }
                    if next_slot(&current, per_page) == (current.index + 1) * u64::from(per_page) {
                        let next = PageJob {
                            index: current.index + 1,
                            first_slot: 0,
                            codes: Vec::with_capacity(per_page as usize),
                            elsewhere: 0,
                        };
                        ready.push(std::mem::replace(&mut current, next));
                    }
                }
            }
        }
        if done && !current.codes.is_empty() {
            ready.push(std::mem::replace(
                &mut current,
                PageJob { index: 0, first_slot: 0, codes: Vec::new(), elsewhere: 0 },
            ));
        }
        if cancel.load(Ordering::Relaxed) {
            return Err(PrintError::Cancelled);
        }
        if let Some(p) = only_page {
            ready.retain(|page| page.index == p);
        }
        let built: Vec<Result<(PageOut, Vec<Placement>), PrintError>> =
            ready.par_iter().map(|page| build_page(plan, page)).collect();
        for result in built {
            let (page, placements) = result?;
            doc.add_page(&plan.imp, &page.content, &page.glyphs)?;
            out.pages += 1;
            out.codes += placements.len() as u64;
            for p in &placements {
                on_placed(p)?;
            }
        }
        progress(Progress { done: out.rows, total, pages: out.pages });
        if only_page.is_some_and(|p| current.index > p || out.pages > 0) {
            break;
        }
    }
    if out.codes == 0 && only_page.is_none() {
        let why = if out.skipped.is_empty() {
            "there are no data rows to print".to_string()
        } else {
            format!("none of the {} rows can be printed", out.skipped.len())
        };
        return Err(match out.skipped.first() {
            Some(first) => PrintError::Row(first.clone()),
            None => PrintError::option(why),
        });
    }
    Ok(out)
}
