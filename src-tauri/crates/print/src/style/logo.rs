//! A style's centre logo: an SVG kept as vector paths (parsed by `usvg`, its colours turned into
//! CMYK so no RGB reaches the press) or a PNG/JPEG (decoded by `image`, embedded once per
//! document). The bytes are kept so the library can store its own copy.

use std::fmt;

use image::ImageReader;
use qrdesk_core::rules::style as limits;
use usvg::tiny_skia_path::{Path, Transform};

use crate::error::PrintError;
use crate::ink::Ink;

/// What the logo is made of.
pub enum LogoKind {
    Svg(Box<usvg::Tree>),
    Raster(RasterLogo),
}

/// A decoded raster logo: 8-bit RGBA, row by row.
pub struct RasterLogo {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

/// A logo ready to draw.
pub struct Logo {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub kind: LogoKind,
    /// Approximations made while reading it (gradients, embedded pictures …).
    pub notes: Vec<String>,
}

impl fmt::Debug for Logo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Logo").field("file_name", &self.file_name).finish_non_exhaustive()
    }
}

impl PartialEq for Logo {
    fn eq(&self, other: &Self) -> bool {
        self.file_name == other.file_name && self.bytes == other.bytes
    }
}

/// One thing an SVG logo paints, in the SVG's own units.
pub enum LogoPaint<'a> {
    Fill { path: &'a Path, transform: Transform, ink: Ink, even_odd: bool },
    Stroke { path: &'a Path, transform: Transform, ink: Ink, stroke: usvg::tiny_skia_path::Stroke },
}

impl Logo {
    /// Reads a logo from its bytes; the content (not the name) decides SVG, PNG or JPEG.
    pub fn load(file_name: &str, bytes: Vec<u8>) -> Result<Logo, PrintError> {
        if bytes.len() > limits::MAX_LOGO_BYTES {
            return Err(PrintError::option(format!(
                "the logo {file_name} is {:.1} MB; logos can be at most {:.0} MB — export a \
                 smaller file (an SVG is best)",
                bytes.len() as f64 / 1e6,
                limits::MAX_LOGO_BYTES as f64 / 1e6
            )));
        }
        let is_png = bytes.starts_with(b"\x89PNG");
        let is_jpeg = bytes.starts_with(&[0xff, 0xd8, 0xff]);
        let mut notes = Vec::new();
        let kind = if is_png || is_jpeg {
            LogoKind::Raster(decode_raster(file_name, &bytes)?)
        } else {
            let tree = usvg::Tree::from_data(&bytes, &usvg::Options::default()).map_err(|e| {
                PrintError::option(format!(
                    "the logo {file_name} is not an SVG, PNG or JPEG QR Desk can read ({e}); \
                     export it again as SVG or PNG"
                ))
            })?;
            if tree.size().width() <= 0.0 || tree.size().height() <= 0.0 {
                return Err(PrintError::option(format!("the logo {file_name} has no size")));
            }
            let mut count = 0usize;
            walk_group(tree.root(), &mut |_| count += 1, &mut notes);
            if count == 0 {
                return Err(PrintError::option(format!(
                    "the logo {file_name} draws nothing QR Desk can print (text must be turned \
                     into paths, pictures inside an SVG are left out)"
                )));
            }
            LogoKind::Svg(Box::new(tree))
        };
        Ok(Logo { file_name: file_name.to_string(), bytes, kind, notes })
    }

    /// Width over height.
    pub fn aspect(&self) -> f64 {
        match &self.kind {
            LogoKind::Svg(t) => f64::from(t.size().width() / t.size().height()),
            LogoKind::Raster(r) => f64::from(r.width) / f64::from(r.height),
        }
    }

    /// Calls `f` for everything an SVG logo paints, in drawing order.
    pub fn walk(&self, f: &mut dyn FnMut(LogoPaint)) {
        if let LogoKind::Svg(tree) = &self.kind {
            walk_group(tree.root(), f, &mut Vec::new());
        }
    }

    /// Resolution of a raster logo printed `width_mm` wide (`None` for SVG).
    pub fn dpi_at(&self, width_mm: f64) -> Option<f64> {
        match &self.kind {
            LogoKind::Raster(r) if width_mm > 0.0 => Some(f64::from(r.width) / (width_mm / 25.4)),
            _ => None,
        }
    }
}

fn decode_raster(file_name: &str, bytes: &[u8]) -> Result<RasterLogo, PrintError> {
    let bad = |e: &dyn fmt::Display| {
        PrintError::option(format!(
            "the logo {file_name} cannot be read as a picture ({e}); export it again as PNG or SVG"
        ))
    };
    let mut reader =
        ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format().map_err(|e| bad(&e))?;
    let mut lim = image::Limits::default();
    lim.max_image_width = Some(8192);
    lim.max_image_height = Some(8192);
    lim.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(lim);
    let img = reader.decode().map_err(|e| bad(&e))?.to_rgba8();
    Ok(RasterLogo { width: img.width(), height: img.height(), rgba: img.into_raw() })
}

/// RGB (0–255) as CMYK without a colour profile: the same formula [`Ink::to_rgb`] inverts, so
/// the proof sees the colour the PDF asks for.
pub fn rgb_to_cmyk(r: u8, g: u8, b: u8) -> Ink {
    let [r, g, b] = [r, g, b].map(|v| f32::from(v) / 255.0);
    let k = 1.0 - r.max(g).max(b);
    if k >= 1.0 {
        return Ink::Cmyk([0.0, 0.0, 0.0, 1.0]);
    }
    let d = 1.0 - k;
    Ink::Cmyk([(1.0 - r - k) / d, (1.0 - g - k) / d, (1.0 - b - k) / d, k])
}

fn paint_ink(paint: &usvg::Paint, notes: &mut Vec<String>) -> Option<Ink> {
    match paint {
        usvg::Paint::Color(c) => Some(rgb_to_cmyk(c.red, c.green, c.blue)),
        usvg::Paint::LinearGradient(g) => average(g.stops(), notes),
        usvg::Paint::RadialGradient(g) => average(g.stops(), notes),
        usvg::Paint::Pattern(_) => {
            note(notes, "a pattern fill in the logo was left out");
            None
        }
    }
}

fn average(stops: &[usvg::Stop], notes: &mut Vec<String>) -> Option<Ink> {
    note(notes, "gradients in the logo are printed as their average colour");
    let n = stops.len().max(1) as u32;
    let sum = stops.iter().fold([0u32; 3], |a, s| {
        let c = s.color();
        [a[0] + u32::from(c.red), a[1] + u32::from(c.green), a[2] + u32::from(c.blue)]
    });
    (!stops.is_empty())
        .then(|| rgb_to_cmyk((sum[0] / n) as u8, (sum[1] / n) as u8, (sum[2] / n) as u8))
}

fn note(notes: &mut Vec<String>, text: &str) {
    if !notes.iter().any(|n| n == text) {
        notes.push(text.to_string());
    }
}

fn walk_group(group: &usvg::Group, f: &mut dyn FnMut(LogoPaint), notes: &mut Vec<String>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => walk_group(g, f, notes),
            usvg::Node::Path(p) if p.is_visible() => {
                let transform = p.abs_transform();
                if let Some(fill) = p.fill() {
                    if let Some(ink) = paint_ink(fill.paint(), notes) {
                        let even_odd = fill.rule() == usvg::FillRule::EvenOdd;
                        f(LogoPaint::Fill { path: p.data(), transform, ink, even_odd });
                    }
                }
                if let Some(stroke) = p.stroke() {
                    if let Some(ink) = paint_ink(stroke.paint(), notes) {
                        let s = stroke.to_tiny_skia();
                        f(LogoPaint::Stroke { path: p.data(), transform, ink, stroke: s });
                    }
                }
            }
            usvg::Node::Path(_) => {}
            usvg::Node::Image(_) => note(notes, "a picture inside the SVG logo was left out"),
            usvg::Node::Text(_) => {
                note(notes, "text in the SVG logo was left out; turn it into paths (outlines)")
            }
        }
    }
}
