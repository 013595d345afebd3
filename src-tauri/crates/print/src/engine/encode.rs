//! One row turned into a placed-ready code: encoded (with its module matrix when the job has a
//! style), sized, checked against the guard rails (module size, quiet zone on the label), its
//! caption, design fields and frame text fitted. Problems come back as the row's sentence.
//! [`check_row`] runs the same checks without drawing the code (a preview's other rows).

use crate::design::{self, Block, LabelDesign};
use crate::error::RowProblem;
use crate::font::{self, FittedText};
use crate::layout::{plan_label, LabelPlan};
use crate::options::SizeSpec;
use crate::source::Row;
use crate::style::draw::FRAME_BAND;
use crate::style::render::{self, StyledCode};
use crate::symbol::{
    encode, encode_matrix, modules_for, version_of, EncodeError, ModuleMatrix, Symbol,
};

use super::{Plan, MIN_MODULE_MM};

/// A row that passed every check, ready to place.
pub struct Encoded {
    pub row: Row,
    pub symbol: Symbol,
    pub outer: f64,
    pub module: f64,
    pub plan: LabelPlan,
    pub caption: Option<FittedText>,
    pub warnings: Vec<String>,
    /// The styled drawing, when the job has a style.
    pub styled: Option<Box<Styled>>,
    /// The design's fields laid out in their boxes (empty without a design).
    pub texts: Vec<FieldText>,
}

/// One design field's text, fitted, with the origin of each line (label-relative mm).
pub struct FieldText {
    pub font: usize,
    pub block: Block,
    pub origins: Vec<(f64, f64)>,
}

/// A code drawn in the job's style.
pub struct Styled {
    pub matrix: ModuleMatrix,
    pub code: StyledCode,
    pub frame_text: Option<FittedText>,
}

/// The problem `row` would have in [`encode_row`], found without drawing its code: the same
/// checks, from the symbol's size alone. A row that passes gives its symbol's side in modules.
pub fn check_row(plan: &Plan, row: &Row) -> Result<u16, RowProblem> {
    reader_problem(row)?;
    let modules = modules_for(&row.payload, plan.ec).map_err(|e| encode_problem(plan, row, e))?;
    size_row(plan, row, modules).map(|_| modules)
}

/// Encodes one row and applies the guard rails.
pub fn encode_row(plan: &Plan, row: Row) -> Result<Encoded, RowProblem> {
    let o = &plan.job.options;
    reader_problem(&row)?;
    let encoded = match &o.style {
        Some(_) => encode_matrix(&row.payload, plan.ec).map(|(s, m)| (s, Some(m))),
        None => encode(&row.payload, plan.ec).map(|s| (s, None)),
    };
    let (symbol, matrix) = encoded.map_err(|e| encode_problem(plan, &row, e))?;
    let Sized { outer, module, label_plan, laid, placed } = size_row(plan, &row, symbol.modules)?;
    let styled = match (&o.style, matrix, placed) {
        (Some(style), Some(matrix), Some(placed)) => {
            let frame_text = render::frame_text(&placed, &row.frame);
            Some(Box::new(Styled { code: StyledCode::new(style, &matrix), matrix, frame_text }))
        }
        _ => None,
    };
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
    if let Some(t) = styled.as_ref().and_then(|s| s.frame_text.as_ref()) {
        if !t.missing.is_empty() || t.truncated {
            warnings.push(format!(
                "Row {}: the frame text \"{}\" did not fit the frame or uses characters the \
                 font lacks; it was shortened",
                row.number, row.frame
            ));
        }
    }
    let texts = match (&o.design, &laid) {
        (Some(d), Some(l)) => fit_fields(plan, d, l, &row, &mut warnings),
        _ => Vec::new(),
    };
    Ok(Encoded { row, symbol, outer, module, plan: label_plan, caption, warnings, styled, texts })
}

/// Where a code of `modules` modules goes on the label and how big it is.
struct Sized {
    outer: f64,
    module: f64,
    label_plan: LabelPlan,
    laid: Option<LabelDesign>,
    /// The code in the job's style, placed in its `outer` square (with a style only).
    placed: Option<render::Placed>,
}

/// The problem the row reader already found (a missing column, a bad caption template …).
fn reader_problem(row: &Row) -> Result<(), RowProblem> {
    match &row.problem {
        Some((reason, fix)) => {
            Err(RowProblem::new(row.number, row.line, &row.payload, reason.clone(), fix))
        }
        None => Ok(()),
    }
}

/// Sizes a code of `modules` modules for `row` and checks the guard rails that depend on that
/// size (module size, the design fitting, the quiet zone inside the label).
fn size_row(plan: &Plan, row: &Row, modules: u16) -> Result<Sized, RowProblem> {
    let o = &plan.job.options;
    let problem = |reason: String, fix: &str| {
        RowProblem::new(row.number, row.line, &row.payload, reason, fix)
    };
    let q = f64::from(o.quiet_zone);
    let n = f64::from(modules);
    let framed = o.style.as_ref().is_some_and(|s| s.frame.is_some());
    let (outer, mut module) = match (o.size, plan.fixed_outer) {
        (SizeSpec::Module(m), _) if framed => (m * (n + 2.0 * q) / (1.0 - FRAME_BAND), m),
        (SizeSpec::Module(m), _) => (m * (n + 2.0 * q), m),
        (_, Some(s)) => (s, s / (n + 2.0 * q)),
        (_, None) => (0.0, 0.0),
    };
    let placed = o.style.as_ref().map(|style| {
        let placed = render::place(style, modules, o.quiet_zone, 0.0, 0.0, outer);
        module = placed.space.unit;
        placed
    });
    if module < MIN_MODULE_MM - 1e-9 {
        return Err(problem(
            format!(
                "the payload is too long for this size: it needs QR version {} ({} × {} modules \
                 plus the quiet zone), so in {:.1} mm each module is {:.3} mm, under the {} mm \
                 minimum",
                version_of(modules),
                modules,
                modules,
                outer,
                module,
                MIN_MODULE_MM
            ),
            "Use a shorter payload, a lower EC level (--ec L), a larger --size or a larger label.",
        ));
    }
    let imp = &plan.imp;
    let mut label_plan = plan_label(imp, outer, plan.has_caption);
    let laid = match &o.design {
        Some(d) => {
            let laid = match &plan.design_layout {
                Some(l) => l.clone(),
                None => {
                    let l = design::place::place(d, imp, outer);
                    if let Err(why) = design::place::check(d, imp, &l) {
                        return Err(problem(
                            format!("the label design does not fit this code: {why}"),
                            "Choose a smaller --module or a larger label, or move the field.",
                        ));
                    }
                    l
                }
            };
            label_plan = LabelPlan { code: laid.code, caption: None };
            Some(laid)
        }
        None => None,
    };
    let c = label_plan.code;
    let eps = 1e-6;
    let (ox, oy, cw, ch) = imp.shape.content(imp.label_w, imp.label_h);
    if c.x < ox - eps || c.y < oy - eps || c.x + c.w > ox + cw + eps || c.y + c.h > oy + ch + eps {
        let room = if imp.shape.is_rectangle() {
            format!("the label is {:.1} × {:.1} mm", imp.label_w, imp.label_h)
        } else {
            format!(
                "inside the {:.1} × {:.1} mm round label there is room for {:.1} × {:.1} mm",
                imp.label_w, imp.label_h, cw, ch
            )
        };
        return Err(problem(
            format!(
                "the quiet zone would be cut by the label edge: the code with its quiet zone is \
                 {outer:.1} mm square but {room}"
            ),
            "Choose a smaller --size or --module, or a larger label.",
        ));
    }
    Ok(Sized { outer, module, label_plan, laid, placed })
}

/// The row's sentence for a payload the encoder refuses.
fn encode_problem(plan: &Plan, row: &Row, e: EncodeError) -> RowProblem {
    let (reason, fix) = match e {
        EncodeError::Empty => {
            ("the payload is empty".to_string(), "Fill in the payload cell or remove the row.")
        }
        EncodeError::TooLong { bytes, max } => (
            format!(
                "the payload is too long: {bytes} bytes, but a QR code at EC level {:?} holds at \
                 most {max}",
                plan.ec
            ),
            "Shorten the payload (use a short URL) or choose a lower EC level with --ec L.",
        ),
    };
    RowProblem::new(row.number, row.line, &row.payload, reason, fix)
}

/// Fits every field of `d` with text into its box, warning (with the row) about fields with no
/// room, text cut short and characters the font lacks.
fn fit_fields(
    plan: &Plan,
    d: &design::Design,
    laid: &design::LabelDesign,
    row: &crate::source::Row,
    warnings: &mut Vec<String>,
) -> Vec<FieldText> {
    let mut out = Vec::with_capacity(d.fields.len());
    for (k, (field, text)) in d.fields.iter().zip(&row.fields).enumerate() {
        if text.trim().is_empty() {
            continue;
        }
        let n = k + 1;
        let Some(area) = laid.boxes.get(k).copied().flatten() else {
            warnings.push(format!(
                "Row {}: no room for field {n} (\"{text}\") beside a {:.1} mm code; it was left \
                 out",
                row.number, laid.code.w
            ));
            continue;
        };
        let Some(face) = plan.faces.get(field.font) else { continue };
        let block = design::fit::fit_block(
            face,
            text,
            area.w,
            area.h,
            field.size_pt,
            field.min_pt,
            field.fit,
        );
        if block.truncated {
            warnings.push(format!(
                "Row {}: field {n} (\"{text}\") was too long for its {:.1} × {:.1} mm box and was \
                 cut short",
                row.number, area.w, area.h
            ));
        }
        if !block.missing.is_empty() {
            let chars: String = block.missing.iter().collect();
            warnings.push(format!(
                "Row {}: the font of field {n} has no glyph for \"{chars}\"; those characters \
                 were left out",
                row.number
            ));
        }
        let origins = design::line_origins(face, &block, area, field.align);
        out.push(FieldText { font: field.font, block, origins });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::find_layout;
    use crate::options::{PrintJob, PrintOptions};
    use crate::source::{PrintItem, RowReader, Source, TextTemplates};

    /// `check_row` finds exactly the problems `encode_row` finds, row by row: empty payloads,
    /// payloads too long for any QR code, and payloads too long for the code's size.
    #[test]
    fn checking_a_row_agrees_with_encoding_it() {
        let payloads: Vec<String> = ["", "https://a.example/1", "0123456789", "été"]
            .iter()
            .map(|s| s.to_string())
            .chain([100, 400, 800, 1200, 2000, 3000, 5000].map(|n| "x".repeat(n)))
            .collect();
        let mut seen = Vec::new();
        for size in [SizeSpec::Auto, SizeSpec::Symbol(12.0), SizeSpec::Module(0.5)] {
            let job = PrintJob {
                source: Source::Items(
                    payloads
                        .iter()
                        .map(|p| PrintItem { payload: p.clone(), fields: Default::default() })
                        .collect(),
                ),
                layout: find_layout("avery-l7160").unwrap(),
                options: PrintOptions { size, ..PrintOptions::default() },
            };
            let plan = Plan::new(&job).unwrap();
            let templates = TextTemplates { caption: None, frame: None, fields: &[] };
            let reader = RowReader::open(&job.source, &templates, 1).unwrap();
            for row in reader {
                let row = row.unwrap();
                let checked = check_row(&plan, &row).map_err(|p| p.reason);
                let encoded =
                    encode_row(&plan, row).map(|e| e.symbol.modules).map_err(|p| p.reason);
                assert_eq!(checked, encoded, "{size:?}");
                seen.extend(checked.err());
            }
        }
        for kind in ["is empty", "too long: 5000 bytes", "too long for this size"] {
            assert!(seen.iter().any(|r| r.contains(kind)), "no row was refused for {kind:?}");
        }
    }
}
