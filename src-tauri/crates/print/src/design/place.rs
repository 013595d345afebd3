//! Where a design puts the code and each field's box on one label: the code at the left, centre
//! or top of the label's printable area, anchored fields stacked in the space right of or below
//! the code, fixed boxes where the design says. The code's size, when neither the job nor the
//! design gives it, is the largest that leaves the anchored fields room.
//!
//! Everything is label-relative mm (top-left origin). Fitting text into the boxes is
//! [`super::fit`]'s job.

use crate::layout::{Area, Imposition};

use super::fit::LINE_HEIGHT;
use super::{CodePosition, Design, FieldPlace};
use crate::length::MM_PER_PT;

/// The code and every field's box on one label (`None`: no room for that field).
#[derive(Debug, Clone, PartialEq)]
pub struct LabelDesign {
    pub code: Area,
    pub boxes: Vec<Option<Area>>,
}

/// Smallest share of the label's width left for fields beside the code when sizing it.
const BESIDE_SHARE: f64 = 0.4;

fn one_line(design: &Design, i: usize) -> f64 {
    f64::from(design.fields[i].size_pt) * MM_PER_PT * LINE_HEIGHT
}

/// The code's side with its quiet zone when the job does not give one.
pub fn auto_code_size(design: &Design, imp: &Imposition) -> f64 {
    if let Some(s) = design.code_size {
        return s;
    }
    let (_, _, w, h) = imp.shape.content(imp.label_w, imp.label_h);
    let i = imp.inset;
    let plain = (w.min(h) - 2.0 * i).max(0.0);
    let beside: Vec<usize> = design.anchored(FieldPlace::is_right_of_code);
    let below: Vec<usize> = design.anchored(FieldPlace::is_below_code);
    match design.code_position {
        CodePosition::Left if !beside.is_empty() => {
            let given =
                beside.iter().filter_map(|&f| design.fields[f].place.width()).fold(0.0, f64::max);
            let need = if given > 0.0 { given } else { BESIDE_SHARE * (w - 2.0 * i) };
            plain.min(w - 3.0 * i - need).max(0.0)
        }
        CodePosition::Top if !below.is_empty() => {
            let band: f64 = below
                .iter()
                .map(|&f| design.fields[f].place.height().unwrap_or_else(|| one_line(design, f)))
                .sum();
            plain.min(h - 3.0 * i - band).max(0.0)
        }
        _ => plain,
    }
}

/// The code (`s` mm with its quiet zone) and the field boxes on one label of `imp`.
pub fn place(design: &Design, imp: &Imposition, s: f64) -> LabelDesign {
    let (ox, oy, w, h) = imp.shape.content(imp.label_w, imp.label_h);
    let i = imp.inset;
    let centre = |avail: f64| ((avail - s) / 2.0).max(0.0);
    let (cx, cy) = match design.code_position {
        CodePosition::Left => (if s + 2.0 * i <= w { i } else { centre(w) }, centre(h)),
        CodePosition::Top => (centre(w), if s + 2.0 * i <= h { i } else { centre(h) }),
        CodePosition::Center => (centre(w), centre(h)),
    };
    let code = Area { x: ox + cx, y: oy + cy, w: s, h: s };
    let beside =
        Area { x: code.x + s + i, y: oy + i, w: ox + w - i - (code.x + s + i), h: h - 2.0 * i };
    let below = Area {
        x: ox + i,
        y: code.y + s + i / 2.0,
        w: w - 2.0 * i,
        h: oy + h - i - (code.y + s + i / 2.0),
    };
    let mut boxes = vec![None; design.fields.len()];
    for (region, wanted) in [
        (beside, design.anchored(FieldPlace::is_right_of_code)),
        (below, design.anchored(FieldPlace::is_below_code)),
    ] {
        let mut y = region.y;
        for (k, &f) in wanted.iter().enumerate() {
            let place = &design.fields[f].place;
            let last = k + 1 == wanted.len();
            let left = region.y + region.h - y;
            let fh = match place.height() {
                Some(fh) => fh.min(left),
                None if last => left,
                None => one_line(design, f).min(left),
            };
            let fw = place.width().map_or(region.w, |fw| fw.min(region.w));
            if fw > 1.0 && fh > 0.5 {
                boxes[f] = Some(Area { x: region.x, y, w: fw, h: fh });
            }
            y += fh.max(0.0);
        }
    }
    for (f, field) in design.fields.iter().enumerate() {
        if let FieldPlace::Box(a) = field.place {
            boxes[f] = Some(a);
        }
    }
    LabelDesign { code, boxes }
}

/// Why the design cannot print on this label: a fixed box past the label's edge or over the
/// code and its quiet zone (text there stops scanners), with the field named.
pub fn check(design: &Design, imp: &Imposition, placed: &LabelDesign) -> Result<(), String> {
    let eps = 1e-6;
    for (f, field) in design.fields.iter().enumerate() {
        let FieldPlace::Box(a) = field.place else { continue };
        let n = f + 1;
        if a.x + a.w > imp.label_w + eps || a.y + a.h > imp.label_h + eps {
            return Err(format!(
                "field {n}'s box ({:.1} × {:.1} mm at {:.1}, {:.1}) runs past the {:.1} × {:.1} mm \
                 label; move it or make it smaller",
                a.w, a.h, a.x, a.y, imp.label_w, imp.label_h
            ));
        }
        let c = placed.code;
        let overlaps = a.x < c.x + c.w - eps
            && c.x < a.x + a.w - eps
            && a.y < c.y + c.h - eps
            && c.y < a.y + a.h - eps;
        if overlaps {
            return Err(format!(
                "field {n}'s box ({:.1} × {:.1} mm at {:.1}, {:.1}) covers the code or its quiet \
                 zone ({:.1} mm square at {:.1}, {:.1}), and scanners need that space clear; move \
                 the box or set a smaller code_size",
                a.w, a.h, a.x, a.y, c.w, c.x, c.y
            ));
        }
    }
    Ok(())
}
