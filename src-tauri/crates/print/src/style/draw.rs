//! Drawing a styled code on any [`Canvas`]: the light ground, the data marks, the logo, the
//! timing and alignment patterns, the finder eyes, and the call-to-action frame. The PDF, the
//! SVG preview and downloads, and the raster the proof decodes all go through [`draw_code`] and
//! [`draw_frame`], so they cannot disagree.

use ttf_parser::OutlineBuilder;

use super::geometry::{Mark, Seg, StyledSymbol};
use super::logo::Logo;
use super::{FramePosition, Style};
use crate::font::{self, FittedText};
use crate::ink::Ink;
use crate::layout::Area;
use crate::length::MM_PER_PT;

/// The module space of one symbol: its first module's top-left corner and module size (mm).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModuleSpace {
    pub x: f64,
    pub y: f64,
    pub unit: f64,
}

/// Something a styled code can be drawn on. Positions are mm from the page's top-left corner,
/// y down; marks, eyes and the logo box are in module units inside a [`ModuleSpace`].
pub trait Canvas {
    fn fill_rect(&mut self, area: Area, ink: &Ink);
    fn marks(&mut self, space: ModuleSpace, marks: &[Mark], ink: &Ink);
    /// The eye path drawn at each top-left corner in `at`, filled even-odd.
    fn eyes(&mut self, space: ModuleSpace, at: &[(f32, f32)], eye: &[Seg], ink: &Ink);
    /// The logo fitted in `bx` (x, y, w, h in module units).
    fn logo(&mut self, space: ModuleSpace, logo: &Logo, bx: [f32; 4]);
    /// A rounded rectangle's outline, `width` mm wide, centred on `area`'s edge.
    fn outline(&mut self, area: Area, radius: f64, width: f64, ink: &Ink);
    /// Text in the embedded font; `ink: None` is paper (a knockout).
    fn text(&mut self, text: &FittedText, x: f64, baseline: f64, ink: Option<&Ink>);
}

/// Draws one styled symbol; `quiet` modules of light ground surround it.
pub fn draw_code(
    canvas: &mut dyn Canvas,
    style: &Style,
    symbol: &StyledSymbol,
    eye: &[Seg],
    space: ModuleSpace,
    quiet: u16,
) {
    if let Some(light) = &style.light {
        let q = f64::from(quiet) * space.unit;
        let side = (f64::from(symbol.modules) + 2.0 * f64::from(quiet)) * space.unit;
        canvas.fill_rect(Area { x: space.x - q, y: space.y - q, w: side, h: side }, light);
    }
    canvas.marks(space, &symbol.marks, &style.dark);
    if let (Some(logo), Some(bx)) = (&style.logo, symbol.logo) {
        canvas.logo(space, logo, bx);
    }
    canvas.marks(space, &symbol.patterns, &style.dark);
    canvas.eyes(space, &symbol.eyes, eye, style.finder_ink());
}

/// Share of a framed code's box taken by the text band.
pub const FRAME_BAND: f64 = 0.2;

/// Where things go inside a framed code's box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrameLayout {
    /// The code's own square (quiet zone included).
    pub code: Area,
    pub band: Area,
    pub border: Area,
    pub border_width: f64,
    pub radius: f64,
}

/// Splits the square box at (`x`, `y`), `side` mm, into the code's square and the text band.
pub fn frame_layout(x: f64, y: f64, side: f64, position: FramePosition) -> FrameLayout {
    let band_h = side * FRAME_BAND;
    let code_side = side - band_h;
    let code_y = if position == FramePosition::Top { y + band_h } else { y };
    let band_y = if position == FramePosition::Top { y } else { y + code_side };
    let border_width = (side * 0.015).clamp(0.2, 1.5);
    FrameLayout {
        code: Area { x: x + band_h / 2.0, y: code_y, w: code_side, h: code_side },
        band: Area { x, y: band_y, w: side, h: band_h },
        border: Area {
            x: x + border_width / 2.0,
            y: y + border_width / 2.0,
            w: side - border_width,
            h: side - border_width,
        },
        border_width,
        radius: side * 0.04,
    }
}

/// Fits the frame text into its band (largest size 28 pt).
pub fn fit_frame_text(text: &str, band: Area) -> Option<FittedText> {
    let face = font::face().ok()?;
    Some(font::fit_up_to(face, text, band.w * 0.9, band.h * 0.75, 28.0))
}

/// Draws the frame (border, band and knocked-out text) around a code.
pub fn draw_frame(
    canvas: &mut dyn Canvas,
    style: &Style,
    frame: &FrameLayout,
    text: Option<&FittedText>,
) {
    canvas.outline(frame.border, frame.radius, frame.border_width, &style.frame_color);
    canvas.fill_rect(frame.band, &style.frame_color);
    if let Some(t) = text {
        let (x, baseline) = text_origin(t, frame.band);
        canvas.text(t, x, baseline, None);
    }
}

/// Left end and baseline of `text` centred in `band`.
pub fn text_origin(text: &FittedText, band: Area) -> (f64, f64) {
    let size_mm = f64::from(text.size_pt) * MM_PER_PT;
    (band.x + (band.w - text.width_mm) / 2.0, band.y + band.h / 2.0 + 0.35 * size_mm)
}

/// The glyph outlines of `text` as path segments in mm (page space, y down), for canvases
/// that draw text as paths (the SVG preview and the raster proof).
pub fn text_outline(text: &FittedText, x: f64, baseline: f64) -> Vec<Seg> {
    let Ok(face) = font::face() else { return Vec::new() };
    let scale = f64::from(text.size_pt) * MM_PER_PT / f64::from(face.units_per_em());
    let mut out = Outline { segs: Vec::new(), x, y: baseline, scale };
    for (gid, _) in &text.glyphs {
        face.outline_glyph(ttf_parser::GlyphId(*gid), &mut out);
        out.x += font::advance(face, *gid) * f64::from(text.size_pt) * MM_PER_PT;
    }
    out.segs
}

struct Outline {
    segs: Vec<Seg>,
    x: f64,
    y: f64,
    scale: f64,
}

impl Outline {
    fn p(&self, x: f32, y: f32) -> (f32, f32) {
        ((self.x + f64::from(x) * self.scale) as f32, (self.y - f64::from(y) * self.scale) as f32)
    }
}

impl OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        let (a, b) = self.p(x, y);
        self.segs.push(Seg::Move(a, b));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let (a, b) = self.p(x, y);
        self.segs.push(Seg::Line(a, b));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        // The quadratic as a cubic: control points two thirds of the way to the quad's one.
        let start = match self.segs.last() {
            Some(Seg::Move(a, b) | Seg::Line(a, b) | Seg::Cubic(.., a, b)) => (*a, *b),
            _ => self.p(x, y),
        };
        let (qx, qy) = self.p(x1, y1);
        let (ex, ey) = self.p(x, y);
        let c1 = (start.0 + 2.0 / 3.0 * (qx - start.0), start.1 + 2.0 / 3.0 * (qy - start.1));
        let c2 = (ex + 2.0 / 3.0 * (qx - ex), ey + 2.0 / 3.0 * (qy - ey));
        self.segs.push(Seg::Cubic(c1.0, c1.1, c2.0, c2.1, ex, ey));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (a, b) = self.p(x1, y1);
        let (c, d) = self.p(x2, y2);
        let (e, f) = self.p(x, y);
        self.segs.push(Seg::Cubic(a, b, c, d, e, f));
    }
    fn close(&mut self) {
        self.segs.push(Seg::Close);
    }
}
