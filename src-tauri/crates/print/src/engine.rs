//! The batch pipeline: rows are read in batches, encoded and checked in parallel (rayon, both
//! cores), given label slots in order, turned into pages in parallel, and written to the PDF in
//! order. Only one batch is in memory at a time, so memory stays flat with row count.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use qrdesk_core::rules::print as limits;

use crate::error::{PrintError, RowProblem};
use crate::font::{self, FittedText};
use crate::ink::MIN_CONTRAST;
use crate::layout::{
    auto_code_size, plan_label, Area, CaptionPlace, Imposition, LabelPlan, ResolveOptions,
};
use crate::length::MM_PER_PT;
use crate::options::{PrintJob, Progress, SizeSpec};
use crate::pdf::document::{DocumentWriter, PageOut};
use crate::pdf::page::{PageDraw, PlacedCaption, PlacedCode};
use crate::raster::decode_back;
use crate::source::{Row, RowReader};
use crate::symbol::{encode, EncodeError, Symbol};

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
        if contrast < MIN_CONTRAST {
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
        let has_caption = o.caption.as_deref().is_some_and(|c| !c.is_empty());
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
        let fixed_outer = match o.size {
            SizeSpec::Auto => Some(auto_code_size(&imp, has_caption)),
            SizeSpec::Symbol(s) => Some(s),
            SizeSpec::Module(_) => None,
        };
        Ok(Plan { job, imp, has_caption, fixed_outer })
    }
}

/// A row that passed every check, ready to place.
pub struct Encoded {
    pub row: Row,
    pub symbol: Symbol,
    pub outer: f64,
    pub module: f64,
    pub plan: LabelPlan,
    pub caption: Option<FittedText>,
    pub warnings: Vec<String>,
}

/// Encodes one row and applies the guard rails.
pub fn encode_row(plan: &Plan, row: Row) -> Result<Encoded, RowProblem> {
    let o = &plan.job.options;
    let problem = |reason: String, fix: &str| {
        RowProblem::new(row.number, row.line, &row.payload, reason, fix)
    };
    let symbol = match encode(&row.payload, o.ec) {
        Ok(s) => s,
        Err(EncodeError::Empty) => {
            return Err(problem(
                "the payload is empty".into(),
                "Fill in the payload cell or remove the row.",
            ))
        }
        Err(EncodeError::TooLong { bytes, max }) => {
            return Err(problem(
                format!(
                    "the payload is too long: {bytes} bytes, but a QR code at EC level {:?} \
                     holds at most {max}",
                    o.ec
                ),
                "Shorten the payload (use a short URL) or choose a lower EC level with --ec L.",
            ))
        }
    };
    let q = f64::from(o.quiet_zone);
    let n = f64::from(symbol.modules);
    let (outer, module) = match (o.size, plan.fixed_outer) {
        (SizeSpec::Module(m), _) => (m * (n + 2.0 * q), m),
        (_, Some(s)) => (s, s / (n + 2.0 * q)),
        (_, None) => (0.0, 0.0),
    };
    if module < MIN_MODULE_MM - 1e-9 {
        return Err(problem(
            format!(
                "the payload is too long for this size: it needs QR version {} ({} × {} modules \
                 plus the quiet zone), so in {:.1} mm each module is {:.3} mm, under the {} mm \
                 minimum",
                symbol.version(),
                symbol.modules,
                symbol.modules,
                outer,
                module,
                MIN_MODULE_MM
            ),
            "Use a shorter payload, a lower EC level (--ec L), a larger --size or a larger label.",
        ));
    }
    let imp = &plan.imp;
    let label_plan = plan_label(imp, outer, plan.has_caption);
    let c = label_plan.code;
    let eps = 1e-6;
    if c.x < -eps || c.y < -eps || c.x + c.w > imp.label_w + eps || c.y + c.h > imp.label_h + eps {
        return Err(problem(
            format!(
                "the quiet zone would be cut by the label edge: the code with its quiet zone is \
                 {:.1} mm square but the label is {:.1} × {:.1} mm",
                outer, imp.label_w, imp.label_h
            ),
            "Choose a smaller --size or --module, or a larger label.",
        ));
    }
    let mut warnings = Vec::new();
    let caption = match (&label_plan.caption, row.caption.is_empty()) {
        (_, true) => None,
        (None, false) => {
            warnings.push(format!(
                "Row {}: no room for the caption \"{}\" next to a {:.1} mm code; it was left out",
                row.number, row.caption, outer
            ));
            None
        }
        (Some((area, _)), false) => match font::face() {
            Ok(face) => {
                let fitted = font::fit(face, &row.caption, area.w, area.h);
                if !fitted.missing.is_empty() {
                    let chars: String = fitted.missing.iter().collect();
                    warnings.push(format!(
                        "Row {}: the caption font has no glyph for \"{chars}\"; those characters \
                         were left out",
                        row.number
                    ));
                }
                if fitted.truncated {
                    warnings.push(format!(
                        "Row {}: the caption \"{}\" was too long for the label and was shortened",
                        row.number, row.caption
                    ));
                }
                Some(fitted)
            }
            Err(e) => {
                warnings.push(e.to_string());
                None
            }
        },
    };
    Ok(Encoded { row, symbol, outer, module, plan: label_plan, caption, warnings })
}

/// Rows assigned to one page.
pub struct PageJob {
    /// Page index from 0.
    pub index: u64,
    /// Slot of the first code (non-zero only on the first page with `start_at`).
    pub first_slot: u32,
    pub codes: Vec<Encoded>,
}

/// Where a code was placed, for the manifest.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub row: u64,
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
    pub caption_area: Option<crate::layout::Area>,
}

/// Builds one page: content, glyphs, and (with `verify`) decodes every code back.
pub fn build_page(plan: &Plan, page: &PageJob) -> Result<(PageOut, Vec<Placement>), PrintError> {
    let o = &plan.job.options;
    let imp = &plan.imp;
    let q = f64::from(o.quiet_zone);
    let mut draw = PageDraw {
        imposition: imp,
        ink: &o.ink,
        calibration: o.calibration,
        codes: Vec::with_capacity(page.codes.len()),
        captions: Vec::with_capacity(page.codes.len()),
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
        draw.codes.push(PlacedCode {
            symbol: &enc.symbol,
            x: lx + code.x + q * enc.module,
            y: ly + code.y + q * enc.module,
            module: enc.module,
        });
        draw.used_labels.push(Area { x: lx, y: ly, w: imp.label_w, h: imp.label_h });
        if let (Some(text), Some((area, place))) = (&enc.caption, &enc.plan.caption) {
            let size_mm = f64::from(text.size_pt) * MM_PER_PT;
            let x = match place {
                CaptionPlace::Beside => area.x,
                CaptionPlace::Below => area.x + (area.w - text.width_mm) / 2.0,
            };
            let baseline = area.y + area.h / 2.0 + 0.35 * size_mm;
            draw.captions.push(PlacedCaption { text, x: lx + x, baseline: ly + baseline });
            glyphs.extend(text.glyphs.iter().copied());
        }
        if o.verify {
            let decoded = decode_back(&enc.symbol, o.quiet_zone, enc.module);
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
            caption_area: enc.plan.caption.map(|(a, _)| crate::layout::Area {
                x: lx + a.x,
                y: ly + a.y,
                w: a.w,
                h: a.h,
            }),
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
    let mut reader = RowReader::open(&plan.job.source, o.caption.as_deref(), o.serial_start)?;
    let mut out = Outcome::default();
    let mut current = PageJob {
        index: 0,
        first_slot: o.start_at - 1,
        codes: Vec::with_capacity(per_page as usize),
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
        out.rows += rows.len() as u64;
        let encoded: Vec<Result<Encoded, RowProblem>> =
            rows.into_par_iter().map(|r| encode_row(plan, r)).collect();
        let mut ready = Vec::new();
        for e in encoded {
            match e {
                Err(p) if o.skip_invalid => out.skipped.push(p),
                Err(p) => return Err(PrintError::Row(p)),
                Ok(enc) => {
                    out.warnings.extend(enc.warnings.iter().cloned());
                    current.codes.push(enc);
                    if current.first_slot + current.codes.len() as u32 == per_page {
                        let next = PageJob {
                            index: current.index + 1,
                            first_slot: 0,
                            codes: Vec::with_capacity(per_page as usize),
                        };
                        ready.push(std::mem::replace(&mut current, next));
                    }
                }
            }
        }
        if done && !current.codes.is_empty() {
            ready.push(std::mem::replace(
                &mut current,
                PageJob { index: 0, first_slot: 0, codes: Vec::new() },
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
