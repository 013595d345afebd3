//! The content stream of one page: codes as one filled path each (in module units under a
//! `cm`), captions and design fields as real text in the embedded fonts, crop marks and cut
//! lines.

use pdf_writer::{Content, Name, Str};

use crate::font::{FittedText, REGULAR};
use crate::ink::Ink;
use crate::layout::{Area, Imposition};
use crate::length::pt;
use crate::style::pdf_canvas::{set_fill, PdfCanvas};
use crate::style::render::{self, Placed, StyledCode};
use crate::style::Style;
use crate::symbol::Symbol;

/// Resource names used in every page.
pub const FONT_RES: Name<'static> = Name(b"F0");

/// The resource name of font number `font` (`F0` is the regular face).
pub fn font_res(font: usize) -> String {
    format!("F{font}")
}

/// A code placed on the page (mm, page top-left origin).
pub struct PlacedCode<'a> {
    pub symbol: &'a Symbol,
    /// Top-left corner of the first module (inside the quiet zone).
    pub x: f64,
    pub y: f64,
    pub module: f64,
}

/// One line of text placed on the page (mm, page top-left origin): a caption or a line of a
/// design field.
pub struct PlacedText<'a> {
    /// The document's font number.
    pub font: usize,
    pub size_pt: f32,
    pub glyphs: &'a [(u16, char)],
    pub x: f64,
    pub baseline: f64,
}

impl<'a> PlacedText<'a> {
    /// A caption in the regular face.
    pub fn caption(text: &'a FittedText, x: f64, baseline: f64) -> Self {
        PlacedText { font: REGULAR, size_pt: text.size_pt, glyphs: &text.glyphs, x, baseline }
    }
}

/// Printer calibration: scale about the page's top-left corner, then offset (mm).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calibration {
    pub offset: (f64, f64),
    pub scale: (f64, f64),
}

impl Default for Calibration {
    fn default() -> Self {
        Calibration { offset: (0.0, 0.0), scale: (1.0, 1.0) }
    }
}

/// A styled code placed on the page.
pub struct PlacedStyled<'a> {
    pub code: &'a StyledCode,
    pub placed: Placed,
    pub frame_text: Option<&'a FittedText>,
}

/// Everything drawn on one page.
pub struct PageDraw<'a> {
    pub imposition: &'a Imposition,
    pub ink: &'a Ink,
    /// The document's spot colour names in resource order.
    pub spots: &'a [String],
    pub style: Option<&'a Style>,
    pub quiet: u16,
    pub styled: Vec<PlacedStyled<'a>>,
    pub calibration: Calibration,
    pub codes: Vec<PlacedCode<'a>>,
    pub texts: Vec<PlacedText<'a>>,
    /// Label areas that hold a code (for cut lines).
    pub used_labels: Vec<Area>,
    pub crop_marks: bool,
    pub cut_lines: bool,
}

impl PageDraw<'_> {
    /// Serialises the page's content stream (uncompressed).
    pub fn content(&self) -> Vec<u8> {
        let imp = self.imposition;
        let h = imp.media_h;
        let mut c = Content::new();
        let cal = self.calibration;
        let calibrated = cal != Calibration::default();
        if calibrated {
            // y is measured down from the top edge: y' = sy·y + dy, in PDF space (up from the
            // bottom) that is Y' = sy·Y + H(1 − sy) − dy.
            let (sx, sy) = cal.scale;
            c.save_state();
            c.transform([
                sx as f32,
                0.0,
                0.0,
                sy as f32,
                pt(cal.offset.0),
                pt(h * (1.0 - sy) - cal.offset.1),
            ]);
        }
        if let Some(style) = self.style {
            let mut glyphs = Vec::new();
            let mut canvas =
                PdfCanvas { c: &mut c, page_h: h, spots: self.spots, glyphs: &mut glyphs };
            for s in &self.styled {
                render::draw(&mut canvas, style, s.code, &s.placed, self.quiet, s.frame_text);
            }
        }
        if !self.codes.is_empty() {
            set_fill(&mut c, self.ink, self.spots);
            for code in &self.codes {
                let m = pt(code.module);
                c.save_state();
                c.transform([m, 0.0, 0.0, -m, pt(code.x), pt(h - code.y)]);
                for r in &code.symbol.rects {
                    // Module units are whole numbers: written as integers (faster than f32).
                    c.op("re").operands([r.x, r.y, r.w, r.h].map(i32::from));
                }
                c.fill_nonzero();
                c.restore_state();
            }
        }
        if !self.texts.is_empty() {
            c.set_fill_cmyk(0.0, 0.0, 0.0, 1.0);
            c.begin_text();
            let mut current = (usize::MAX, f32::NAN);
            let mut cids = Vec::new();
            for t in &self.texts {
                if t.glyphs.is_empty() {
                    continue;
                }
                if (t.font, t.size_pt) != current {
                    current = (t.font, t.size_pt);
                    c.set_font(Name(font_res(t.font).as_bytes()), t.size_pt);
                }
                c.set_text_matrix([1.0, 0.0, 0.0, 1.0, pt(t.x), pt(h - t.baseline)]);
                cids.clear();
                for (gid, _) in t.glyphs {
                    cids.extend_from_slice(&gid.to_be_bytes());
                }
                c.show(Str(&cids));
            }
            c.end_text();
        }
        if self.cut_lines {
            c.set_stroke_cmyk(0.0, 0.0, 0.0, 0.5);
            c.set_line_width(0.25);
            let areas: Vec<Area> =
                if imp.one_per_page { vec![imp.trim] } else { self.used_labels.clone() };
            for a in areas {
                c.rect(pt(a.x), pt(h - a.y - a.h), pt(a.w), pt(a.h));
            }
            c.stroke();
        }
        if self.crop_marks {
            // Registration colour (all four plates) so every separation carries the marks.
            c.set_stroke_cmyk(1.0, 1.0, 1.0, 1.0);
            c.set_line_width(0.25);
            for (x1, y1, x2, y2) in crop_marks(imp) {
                c.move_to(pt(x1), pt(h - y1));
                c.line_to(pt(x2), pt(h - y2));
            }
            c.stroke();
        }
        if calibrated {
            c.restore_state();
        }
        c.finish().into_vec()
    }
}

/// Crop mark segments (mm, page top-left origin).
///
/// One per page: two strokes at each trim corner, starting outside the bleed. Sheets and grids:
/// ticks in the page margins in line with every label edge.
pub fn crop_marks(imp: &Imposition) -> Vec<(f64, f64, f64, f64)> {
    let mut marks = Vec::new();
    if imp.one_per_page {
        let t = imp.trim;
        let gap = (t.x - imp.bleed.x) + 1.0; // bleed + 1 mm
        let end = t.x - 0.5; // up to 0.5 mm from the media edge
        if end <= gap {
            return marks;
        }
        for &x in &[t.x, t.x + t.w] {
            for &(y, dir) in &[(t.y, -1.0), (t.y + t.h, 1.0)] {
                marks.push((x, y + dir * gap, x, y + dir * end));
            }
        }
        for &y in &[t.y, t.y + t.h] {
            for &(x, dir) in &[(t.x, -1.0), (t.x + t.w, 1.0)] {
                marks.push((x + dir * gap, y, x + dir * end, y));
            }
        }
        return marks;
    }
    let mut xs = Vec::new();
    for col in 0..imp.columns {
        let x = imp.left + f64::from(col) * imp.pitch_x;
        xs.push(x);
        xs.push(x + imp.label_w);
    }
    let mut ys = Vec::new();
    for row in 0..imp.rows {
        let y = imp.top + f64::from(row) * imp.pitch_y;
        ys.push(y);
        ys.push(y + imp.label_h);
    }
    xs.dedup_by(|a, b| (*a - *b).abs() < 0.01);
    ys.dedup_by(|a, b| (*a - *b).abs() < 0.01);
    let first_y = ys.first().copied().unwrap_or(0.0);
    let last_y = ys.last().copied().unwrap_or(imp.media_h);
    let first_x = xs.first().copied().unwrap_or(0.0);
    let last_x = xs.last().copied().unwrap_or(imp.media_w);
    let tick = |margin: f64| -> Option<(f64, f64)> {
        // From 1 mm off the labels outwards, at most 5 mm, never past 0.5 mm from the edge.
        let start = 1.0;
        let end = (margin - 0.5).min(6.0);
        (end - start >= 1.0).then_some((start, end))
    };
    if let Some((s, e)) = tick(first_y) {
        for &x in &xs {
            marks.push((x, first_y - s, x, first_y - e));
        }
    }
    if let Some((s, e)) = tick(imp.media_h - last_y) {
        for &x in &xs {
            marks.push((x, last_y + s, x, last_y + e));
        }
    }
    if let Some((s, e)) = tick(first_x) {
        for &y in &ys {
            marks.push((first_x - s, y, first_x - e, y));
        }
    }
    if let Some((s, e)) = tick(imp.media_w - last_x) {
        for &y in &ys {
            marks.push((last_x + s, y, last_x + e, y));
        }
    }
    marks
}
