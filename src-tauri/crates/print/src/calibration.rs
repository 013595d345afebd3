//! The calibration sheet a shop prints on plain paper and lays over a blank sheet of labels:
//! a cross at every label corner and centre, each label's outline, a ruler across and down the
//! page, and the instructions. How far the crosses land from the die-cut corners is the printer's
//! offset (`--offset`); the printed length of a ruler against a real one is its scale
//! (`--scale`). The values are kept as a named printer profile by `qrdesk-app`.

use std::path::Path;

use pdf_writer::{Content, Str};

use crate::error::PrintError;
use crate::font::{self, FittedText};
use crate::layout::{Imposition, Layout, LayoutKind, ResolveOptions};
use crate::length::pt;
use crate::options::PrintOptions;
use crate::output::{check_target, SafeFile};
use crate::pdf::document::DocumentWriter;
use crate::pdf::page::FONT_RES;

/// Arm of the crosses at label corners (mm).
const CROSS_MM: f64 = 3.0;
/// Line spacing of the instructions (mm, 6 pt text).
const LINE_MM: f64 = 2.6;
/// Top margin the four lines of instructions need (mm).
pub const INSTRUCTIONS_MM: f64 = 13.0;

/// What was written.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CalibrationSheet {
    pub labels: u32,
    /// Length of the horizontal and vertical rulers (mm): measure them printed.
    pub ruler_mm: (f64, f64),
    pub bytes: u64,
}

/// A ruler's length: the longest whole 10 mm that fits `room` with 10 mm to spare each side.
fn ruler_len(room: f64) -> f64 {
    (((room - 20.0) / 10.0).floor() * 10.0).max(10.0)
}

struct Sheet {
    c: Content,
    h: f64,
    glyphs: Vec<(u16, char)>,
}

impl Sheet {
    fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64)) {
        self.c.move_to(pt(x1), pt(self.h - y1));
        self.c.line_to(pt(x2), pt(self.h - y2));
    }

    fn cross(&mut self, x: f64, y: f64) {
        self.line((x - CROSS_MM, y), (x + CROSS_MM, y));
        self.line((x, y - CROSS_MM), (x, y + CROSS_MM));
    }

    fn text(&mut self, text: &str, x: f64, baseline: f64, max_w: f64, size_pt: f32) {
        let Ok(face) = font::face() else { return };
        let fitted: FittedText = font::fit_up_to(face, text, max_w, 10.0, size_pt);
        if fitted.glyphs.is_empty() {
            return;
        }
        let cids: Vec<u8> = fitted.glyphs.iter().flat_map(|(g, _)| g.to_be_bytes()).collect();
        self.c.begin_text();
        self.c.set_font(FONT_RES, fitted.size_pt);
        self.c.set_text_matrix([1.0, 0.0, 0.0, 1.0, pt(x), pt(self.h - baseline)]);
        self.c.show(Str(&cids));
        self.c.end_text();
        self.glyphs.extend(fitted.glyphs);
    }
}

/// The page's content stream, the glyphs its text uses and the rulers' lengths.
struct Drawn {
    content: Vec<u8>,
    glyphs: Vec<(u16, char)>,
    ruler_mm: (f64, f64),
}

/// Draws the page.
fn draw(imp: &Imposition, layout: &Layout) -> Drawn {
    let mut s = Sheet { c: Content::new(), h: imp.media_h, glyphs: Vec::new() };
    // Label outlines, 50 % black.
    s.c.set_stroke_cmyk(0.0, 0.0, 0.0, 0.5);
    s.c.set_line_width(0.3);
    for slot in 0..imp.per_page() {
        let (x, y) = imp.label_origin(slot);
        s.c.rect(pt(x), pt(imp.media_h - y - imp.label_h), pt(imp.label_w), pt(imp.label_h));
    }
    s.c.stroke();
    // Crosses at every label corner and centre, 100 % black, thin.
    s.c.set_stroke_cmyk(0.0, 0.0, 0.0, 1.0);
    s.c.set_line_width(0.25);
    for slot in 0..imp.per_page() {
        let (x, y) = imp.label_origin(slot);
        for (cx, cy) in [
            (x, y),
            (x + imp.label_w, y),
            (x, y + imp.label_h),
            (x + imp.label_w, y + imp.label_h),
            (x + imp.label_w / 2.0, y + imp.label_h / 2.0),
        ] {
            s.cross(cx, cy);
        }
    }
    s.c.stroke();
    // Rulers through the middle of the page: 1 mm ticks, longer every 5 and 10 mm.
    let (rw, rh) = (ruler_len(imp.media_w), ruler_len(imp.media_h));
    let (x0, ymid) = ((imp.media_w - rw) / 2.0, imp.media_h / 2.0);
    let (y0, xmid) = ((imp.media_h - rh) / 2.0, imp.media_w / 2.0);
    s.line((x0, ymid), (x0 + rw, ymid));
    s.line((xmid, y0), (xmid, y0 + rh));
    let tick = |i: usize| {
        if i.is_multiple_of(10) {
            4.0
        } else if i.is_multiple_of(5) {
            2.5
        } else {
            1.2
        }
    };
    for i in 0..=(rw as usize) {
        let x = x0 + i as f64;
        s.line((x, ymid), (x, ymid - tick(i)));
    }
    for i in 0..=(rh as usize) {
        let y = y0 + i as f64;
        s.line((xmid, y), (xmid + tick(i), y));
    }
    s.c.stroke();
    s.c.set_fill_cmyk(0.0, 0.0, 0.0, 1.0);
    for i in (0..=(rw as usize)).step_by(50) {
        s.text(&format!("{i}"), x0 + i as f64 + 0.5, ymid - 5.0, 12.0, 6.0);
    }
    for i in (50..=(rh as usize)).step_by(50) {
        s.text(&format!("{i}"), xmid + 5.0, y0 + i as f64 + 1.0, 12.0, 6.0);
    }
    s.text(&format!("{rw:.0} mm"), x0 + rw - 14.0, ymid + 4.0, 20.0, 6.0);
    s.text(&format!("{rh:.0} mm"), xmid + 5.0, y0 + rh - 2.0, 20.0, 6.0);
    // Instructions: in the top margin when it has room, else under the horizontal ruler.
    let lines = [
        format!("QR Desk calibration sheet: {}", layout.description),
        "Print at 100 % (turn off \"fit to page\"), lay it over a blank label sheet against the light: each + should sit on a label corner.".to_string(),
        "If the crosses land X mm right of and Y mm below the corners, use --offset -X,-Y (negative moves left and up).".to_string(),
        format!("If the {rw:.0} mm ruler measures L mm, use --scale {rw:.0}/L (e.g. {:.4} for {:.1} mm). Keep both: qrdesk print profile save NAME --offset -X,-Y --scale S", rw / (rw + 0.5), rw + 0.5),
    ];
    let first = if imp.top >= INSTRUCTIONS_MM { 3.5 } else { ymid + 9.0 };
    let width = imp.media_w - 20.0;
    for (i, line) in lines.iter().enumerate() {
        s.text(line, 10.0, first + LINE_MM * i as f64, width, 6.0);
    }
    Drawn { content: s.c.finish().into_vec(), glyphs: s.glyphs, ruler_mm: (rw, rh) }
}

/// Writes the calibration sheet of `layout` (on `page` for grids and one-per-page) to `out`,
/// whole or not at all.
pub fn write_calibration(
    layout: &Layout,
    page: Option<(f64, f64)>,
    out: &Path,
) -> Result<CalibrationSheet, PrintError> {
    if layout.kind == LayoutKind::OnePerPage {
        return Err(PrintError::option(
            "one-per-page has no label grid to calibrate; choose the label sheet you print on",
        ));
    }
    let imp = Imposition::resolve(layout, ResolveOptions { page, ..ResolveOptions::default() })?;
    check_target(out)?;
    let Drawn { content, glyphs, ruler_mm } = draw(&imp, layout);
    let mut file = SafeFile::create(out)?;
    let options = PrintOptions { title: "QR Desk calibration".into(), ..PrintOptions::default() };
    let mut doc = DocumentWriter::new(file.writer(), &options)?;
    let glyphs: Vec<_> = glyphs.into_iter().map(|(g, c)| (crate::font::REGULAR, g, c)).collect();
    doc.add_page(&imp, &DocumentWriter::<std::io::Sink>::compress(&content), &glyphs)?;
    doc.finish(&options.title)?;
    let bytes = file.commit()?;
    Ok(CalibrationSheet { labels: imp.per_page(), ruler_mm, bytes })
}
