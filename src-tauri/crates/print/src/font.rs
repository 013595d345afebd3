//! The fonts that ship with the app (DejaVu Sans and DejaVu Sans Bold, Bitstream Vera licence,
//! see `assets/DejaVuSans-LICENSE.txt`), font files a label design names ([`FontFile`]), the
//! numbering every PDF uses for them ([`REGULAR`], [`BOLD`], then the design's files), and fitting
//! a caption into its box.
//!
//! Glyphs are looked up one character at a time through the font's cmap (no shaping: captions
//! are names, serials and URLs). Characters the font lacks are left out and reported.

use std::sync::{Arc, OnceLock};

use ttf_parser::Face;

use crate::error::PrintError;
use crate::length::MM_PER_PT;

/// The embedded font file.
pub static FONT_DATA: &[u8] = include_bytes!("../assets/DejaVuSans.ttf");
/// PostScript name used in the PDF.
pub const FONT_NAME: &str = "DejaVuSans";

/// The bundled bold face, for design fields with `bold = true`.
pub static BOLD_DATA: &[u8] = include_bytes!("../assets/DejaVuSans-Bold.ttf");
pub const BOLD_NAME: &str = "DejaVuSans-Bold";

/// Font numbers in every document: the bundled regular and bold faces; a design's own font
/// files follow from [`FIRST_FILE`].
pub const REGULAR: usize = 0;
pub const BOLD: usize = 1;
pub const FIRST_FILE: usize = 2;

/// A font file a design names, checked to be a TrueType/OpenType font with outlines.
#[derive(Debug, Clone, PartialEq)]
pub struct FontFile {
    pub file_name: String,
    /// The PostScript name the PDF gives it (from the font's name table, or the file name).
    pub postscript: String,
    pub bytes: Arc<[u8]>,
}

impl FontFile {
    /// Checks `bytes` (read from `file_name`) and keeps them.
    pub fn load(file_name: &str, bytes: Vec<u8>) -> Result<FontFile, PrintError> {
        let face = Face::parse(&bytes, 0).map_err(|_| {
            PrintError::option(format!(
                "{file_name} is not a TrueType or OpenType font QR Desk can read; choose a .ttf \
                 or .otf file"
            ))
        })?;
        if face.tables().glyf.is_none() && face.tables().cff.is_none() {
            return Err(PrintError::option(format!(
                "{file_name} has no glyph outlines QR Desk can embed; choose another .ttf or .otf"
            )));
        }
        if face.permissions() == Some(ttf_parser::Permissions::Restricted)
            || !face.is_subsetting_allowed()
        {
            return Err(PrintError::option(format!(
                "the licence of {file_name} does not allow embedding it in a PDF; choose another \
                 font"
            )));
        }
        let postscript = face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_default();
        let clean = |s: &str| -> String {
            s.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(60).collect()
        };
        let mut postscript = clean(&postscript);
        if postscript.is_empty() {
            postscript = clean(file_name.rsplit_once('.').map_or(file_name, |(s, _)| s));
        }
        if postscript.is_empty() {
            postscript = "DesignFont".into();
        }
        Ok(FontFile { file_name: file_name.to_string(), postscript, bytes: bytes.into() })
    }
}

/// One font of a document: its PostScript name and file.
pub struct FontSource<'a> {
    pub name: &'a str,
    pub data: &'a [u8],
}

/// The fonts of a document in number order: regular, bold, then `files`.
pub fn sources(files: &[FontFile]) -> Vec<FontSource<'_>> {
    let mut out = vec![
        FontSource { name: FONT_NAME, data: FONT_DATA },
        FontSource { name: BOLD_NAME, data: BOLD_DATA },
    ];
    out.extend(files.iter().map(|f| FontSource { name: &f.postscript, data: &f.bytes }));
    out
}

/// The parsed faces of `sources`, in the same order.
pub fn faces<'a>(sources: &[FontSource<'a>]) -> Result<Vec<Face<'a>>, PrintError> {
    sources
        .iter()
        .map(|s| {
            Face::parse(s.data, 0).map_err(|_| {
                PrintError::option(format!(
                    "the font {} could not be read; choose another font file",
                    s.name
                ))
            })
        })
        .collect()
}

/// Largest caption size in points; captions shrink from here to fit.
pub const MAX_CAPTION_PT: f32 = 10.0;
/// Smallest caption size before the text is cut short with an ellipsis.
pub const MIN_CAPTION_PT: f32 = 5.0;

static FACE: OnceLock<Option<Face<'static>>> = OnceLock::new();

/// The parsed embedded font.
pub fn face() -> Result<&'static Face<'static>, PrintError> {
    FACE.get_or_init(|| Face::parse(FONT_DATA, 0).ok()).as_ref().ok_or_else(|| {
        PrintError::option("the built-in caption font could not be read; reinstall QR Desk")
    })
}

/// A caption laid out in one line.
#[derive(Debug, Clone, PartialEq)]
pub struct FittedText {
    /// Glyph ids (used as CIDs in the PDF) with the character each one shows.
    pub glyphs: Vec<(u16, char)>,
    pub size_pt: f32,
    /// Width of the line in mm.
    pub width_mm: f64,
    /// Characters the font cannot show (left out).
    pub missing: Vec<char>,
    /// Whether the text was cut short to fit.
    pub truncated: bool,
}

/// Advance of glyph `gid` in em.
pub fn advance(face: &Face, gid: u16) -> f64 {
    f64::from(face.glyph_hor_advance(ttf_parser::GlyphId(gid)).unwrap_or(0))
        / f64::from(face.units_per_em())
}

/// Width in 1/1000 em of glyph `gid` (PDF `W` array units).
pub fn width_1000(face: &Face, gid: u16) -> f32 {
    (advance(face, gid) * 1000.0) as f32
}

/// Lays `text` out in one line no wider than `max_w` mm and no taller than `max_h` mm.
pub fn fit(face: &Face, text: &str, max_w: f64, max_h: f64) -> FittedText {
    fit_up_to(face, text, max_w, max_h, MAX_CAPTION_PT)
}

/// Like [`fit`], with a largest size of `max_pt` instead of the caption's.
pub fn fit_up_to(face: &Face, text: &str, max_w: f64, max_h: f64, max_pt: f32) -> FittedText {
    let mut glyphs = Vec::with_capacity(text.len());
    let mut missing = Vec::new();
    for c in text.chars().filter(|c| !c.is_control()) {
        match face.glyph_index(c) {
            Some(g) => glyphs.push((g.0, c)),
            None => {
                if !missing.contains(&c) {
                    missing.push(c);
                }
            }
        }
    }
    let em_width = |gs: &[(u16, char)]| gs.iter().map(|(g, _)| advance(face, *g)).sum::<f64>();
    let pt_to_mm = MM_PER_PT;
    let height_cap = (max_h / (1.2 * pt_to_mm)) as f32;
    let mut size = max_pt.min(height_cap);
    let width = em_width(&glyphs);
    if width > 0.0 {
        size = size.min((max_w / (width * pt_to_mm)) as f32);
    }
    let mut truncated = false;
    if size < MIN_CAPTION_PT {
        size = MIN_CAPTION_PT.min(height_cap.max(1.0));
        let limit = max_w / (f64::from(size) * pt_to_mm);
        if let Some(ellipsis) = face.glyph_index('…') {
            let ell = advance(face, ellipsis.0);
            while !glyphs.is_empty() && em_width(&glyphs) + ell > limit {
                glyphs.pop();
                truncated = true;
            }
            if truncated {
                glyphs.push((ellipsis.0, '…'));
            }
        }
    }
    let width_mm = em_width(&glyphs) * f64::from(size) * pt_to_mm;
    FittedText { glyphs, size_pt: size, width_mm, missing, truncated }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shrinks_to_fit_and_reports_missing_characters() {
        let face = face().unwrap();
        let short = fit(face, "Table 1", 50.0, 20.0);
        assert_eq!(short.size_pt, MAX_CAPTION_PT);
        let long = fit(face, "A rather long caption for a small label", 30.0, 20.0);
        assert!(long.size_pt < MAX_CAPTION_PT && long.width_mm <= 30.0 + 1e-6);
        let cut = fit(face, &"W".repeat(200), 20.0, 20.0);
        assert!(cut.truncated && cut.width_mm <= 20.0 + 1e-6);
        let cjk = fit(face, "Café Ω 漢字", 80.0, 20.0);
        assert_eq!(cjk.missing, vec!['漢', '字']);
    }
}
