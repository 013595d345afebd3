//! One styled code from payload to pictures: encode (with each module's role), lay out the
//! styled geometry and the frame in a box, and draw it on a canvas — the PDF pipeline, the SVG
//! preview and the raster proof all start here.

use super::draw::{draw_code, draw_frame, fit_frame_text, frame_layout, FrameLayout, ModuleSpace};
use super::geometry::{build, eye_path, Seg, StyledSymbol};
use super::raster_canvas::RasterCanvas;
use super::svg_canvas::SvgCanvas;
use super::Style;
use crate::font::FittedText;
use crate::symbol::ModuleMatrix;

/// A styled symbol ready to place.
#[derive(Debug, Clone)]
pub struct StyledCode {
    pub symbol: StyledSymbol,
    pub eye: Vec<Seg>,
}

impl StyledCode {
    pub fn new(style: &Style, matrix: &ModuleMatrix) -> StyledCode {
        let logo = style.logo.as_ref().map(|l| (style.logo_size, l.aspect()));
        StyledCode {
            symbol: build(matrix, style.modules, logo),
            eye: eye_path(style.finder, style.finder_center),
        }
    }
}

/// Where a styled code goes in its square box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub space: ModuleSpace,
    pub frame: Option<FrameLayout>,
    /// Side of the code's own square, quiet zone included (mm).
    pub code_side: f64,
}

/// Places a symbol of `modules` with a `quiet` zone in the square box at (`x`, `y`), `side` mm.
pub fn place(style: &Style, modules: u16, quiet: u16, x: f64, y: f64, side: f64) -> Placed {
    let frame = style.frame.as_ref().map(|_| frame_layout(x, y, side, style.frame_position));
    let (cx, cy, cs) = frame.map_or((x, y, side), |f| (f.code.x, f.code.y, f.code.w));
    let unit = cs / (f64::from(modules) + 2.0 * f64::from(quiet));
    let q = f64::from(quiet) * unit;
    Placed { space: ModuleSpace { x: cx + q, y: cy + q, unit }, frame, code_side: cs }
}

/// The module size a box of `side` mm gives a symbol of `modules` (frame band excluded).
pub fn module_in_box(style: &Style, modules: u16, quiet: u16, side: f64) -> f64 {
    place(style, modules, quiet, 0.0, 0.0, side).space.unit
}

/// Draws a placed styled code and its frame.
pub fn draw(
    canvas: &mut dyn super::draw::Canvas,
    style: &Style,
    code: &StyledCode,
    placed: &Placed,
    quiet: u16,
    frame_text: Option<&FittedText>,
) {
    draw_code(canvas, style, &code.symbol, &code.eye, placed.space, quiet);
    if let Some(f) = &placed.frame {
        draw_frame(canvas, style, f, frame_text);
    }
}

/// The frame's text fitted to its band (`None` without a frame or text).
pub fn frame_text(placed: &Placed, text: &str) -> Option<FittedText> {
    let f = placed.frame?;
    (!text.trim().is_empty()).then(|| fit_frame_text(text, f.band)).flatten()
}

/// One styled code as a standalone SVG document, `side` mm square.
pub fn svg(style: &Style, matrix: &ModuleMatrix, quiet: u16, side: f64, text: &str) -> String {
    let code = StyledCode::new(style, matrix);
    let placed = place(style, matrix.n, quiet, 0.0, 0.0, side);
    let fitted = frame_text(&placed, text);
    let mut canvas = SvgCanvas::default();
    draw(&mut canvas, style, &code, &placed, quiet, fitted.as_ref());
    canvas.document(side, side)
}

/// One styled code rasterised at `dpi`, `side` mm square.
pub fn raster(
    style: &Style,
    matrix: &ModuleMatrix,
    quiet: u16,
    side: f64,
    text: &str,
    dpi: f64,
) -> Option<RasterCanvas> {
    let code = StyledCode::new(style, matrix);
    let placed = place(style, matrix.n, quiet, 0.0, 0.0, side);
    let fitted = frame_text(&placed, text);
    let mut canvas = RasterCanvas::new(0.0, 0.0, side, side, dpi)?;
    draw(&mut canvas, style, &code, &placed, quiet, fitted.as_ref());
    Some(canvas)
}
