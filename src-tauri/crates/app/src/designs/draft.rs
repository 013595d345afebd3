//! The Designs page's draft ([`DesignDraft`]) and the design file's keys ([`DesignSpec`]) turned
//! into each other; the page edits the same keys the file holds.

use qrdesk_print::design::{Design, DesignSpec, FieldSpec};

use crate::ipc::designs::{
    CodePlacement, DesignDraft, FieldAnchor, FieldDraft, TextAlign, TextFit,
};

/// The design file's keys for a draft.
pub fn spec_of_draft(d: &DesignDraft) -> DesignSpec {
    DesignSpec {
        name: Some(d.name.trim().to_string()).filter(|n| !n.is_empty()),
        code_position: Some(
            match d.code_position {
                CodePlacement::Left => "left",
                CodePlacement::Center => "center",
                CodePlacement::Top => "top",
            }
            .into(),
        ),
        code_size: d.code_size_mm,
        fields: d.fields.iter().map(field_spec).collect(),
    }
}

fn field_spec(f: &FieldDraft) -> FieldSpec {
    let boxed = f.anchor == FieldAnchor::Box;
    FieldSpec {
        text: f.text.clone(),
        anchor: match f.anchor {
            FieldAnchor::RightOfCode => Some("right-of-code".into()),
            FieldAnchor::BelowCode => Some("below-code".into()),
            FieldAnchor::Box => None,
        },
        x: if boxed { f.x_mm } else { None },
        y: if boxed { f.y_mm } else { None },
        width: f.width_mm,
        height: f.height_mm,
        font_size: Some(f.font_size),
        min_font_size: f.min_font_size,
        align: Some(
            match f.align {
                TextAlign::Left => "left",
                TextAlign::Center => "center",
                TextAlign::Right => "right",
            }
            .into(),
        ),
        bold: Some(f.bold),
        fit: Some(
            match f.fit {
                TextFit::Shrink => "shrink",
                TextFit::Wrap => "wrap",
                TextFit::ShrinkWrap => "shrink-wrap",
            }
            .into(),
        ),
        font: f.font.clone(),
    }
}

/// The page's draft of a checked design.
pub fn draft_of(d: &Design) -> DesignDraft {
    use qrdesk_print::design::{Align, CodePosition, FieldPlace, Fit};
    DesignDraft {
        name: d.name.clone(),
        code_position: match d.code_position {
            CodePosition::Left => CodePlacement::Left,
            CodePosition::Center => CodePlacement::Center,
            CodePosition::Top => CodePlacement::Top,
        },
        code_size_mm: d.code_size,
        fields: d
            .fields
            .iter()
            .zip(&d.spec.fields)
            .map(|(f, spec)| {
                let (anchor, x, y) = match f.place {
                    FieldPlace::Box(a) => (FieldAnchor::Box, Some(a.x), Some(a.y)),
                    FieldPlace::RightOfCode { .. } => (FieldAnchor::RightOfCode, None, None),
                    FieldPlace::BelowCode { .. } => (FieldAnchor::BelowCode, None, None),
                };
                FieldDraft {
                    text: f.template.clone(),
                    anchor,
                    x_mm: x,
                    y_mm: y,
                    width_mm: f.place.width(),
                    height_mm: f.place.height(),
                    font_size: f64::from(f.size_pt),
                    min_font_size: spec.min_font_size,
                    align: match f.align {
                        Align::Left => TextAlign::Left,
                        Align::Center => TextAlign::Center,
                        Align::Right => TextAlign::Right,
                    },
                    bold: spec.bold.unwrap_or(false),
                    fit: match f.fit {
                        Fit::Shrink => TextFit::Shrink,
                        Fit::Wrap => TextFit::Wrap,
                        Fit::ShrinkWrap => TextFit::ShrinkWrap,
                    },
                    font: spec.font.clone(),
                }
            })
            .collect(),
    }
}
