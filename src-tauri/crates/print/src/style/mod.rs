//! Brand styles: how a code looks (inks, module and finder shapes, a centre logo, a
//! call-to-action frame) while staying print-safe. A [`StyleSpec`] is the file people write;
//! a [`Style`] is that file resolved and checked against the guard rails (contrast, logo size).
//! Drawing is in [`draw`] over three canvases (PDF, SVG, raster) so the preview, the print and
//! the decode proof ([`proof`]) draw the same geometry ([`geometry`]).
//!
//! It does not store styles (the library in `qrdesk-app` does) or lay out labels (the engine).

pub mod draw;
pub mod geometry;
pub mod logo;
pub mod pdf_canvas;
pub mod proof;
pub mod raster_canvas;
pub mod render;
pub mod sample;
pub mod shapes;
pub mod spec;
pub mod svg_canvas;

use std::path::Path;
use std::sync::Arc;

use qrdesk_core::rules::{print::MIN_CONTRAST, style as limits};

use crate::error::PrintError;
use crate::ink::Ink;
use crate::symbol::EcLevel;

pub use logo::Logo;
pub use sample::{sample, StyleSample, SAMPLE_PAYLOAD};
pub use shapes::{FinderShape, FramePosition, ModuleShape};
pub use spec::StyleSpec;

/// A resolved style.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    pub name: String,
    pub dark: Ink,
    /// `None`: paper, nothing painted behind the code.
    pub light: Option<Ink>,
    pub modules: ModuleShape,
    pub finder: FinderShape,
    pub finder_center: FinderShape,
    pub finder_color: Option<Ink>,
    pub logo: Option<Arc<Logo>>,
    /// Logo side over the symbol's side.
    pub logo_size: f64,
    pub frame: Option<String>,
    pub frame_position: FramePosition,
    pub frame_color: Ink,
    /// The spec it was resolved from (to store or export it unchanged).
    pub spec: StyleSpec,
}

fn ink(key: &str, text: &str) -> Result<Ink, PrintError> {
    Ink::parse(text).map_err(|e| PrintError::option(format!("the style's {key}: {e}")))
}

impl Style {
    /// Resolves `spec`; `logo` is the logo's bytes when the spec names one.
    pub fn resolve(spec: &StyleSpec, logo: Option<Logo>) -> Result<Style, PrintError> {
        let name = spec.name.clone().unwrap_or_default().trim().to_string();
        if name.chars().count() > limits::MAX_NAME_CHARS {
            return Err(PrintError::option(format!(
                "a style name can be at most {} characters",
                limits::MAX_NAME_CHARS
            )));
        }
        let light = match spec.light.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(t) if t.eq_ignore_ascii_case("paper") || t.eq_ignore_ascii_case("none") => None,
            Some(t) => Some(ink("light colour", t)?),
        };
        fn opt(v: &Option<String>) -> Option<&str> {
            v.as_deref().map(str::trim).filter(|t| !t.is_empty())
        }
        let frame = opt(&spec.frame).map(str::to_string);
        if let Some(f) = &frame {
            if f.chars().count() > limits::MAX_FRAME_CHARS {
                return Err(PrintError::option(format!(
                    "the frame text can be at most {} characters",
                    limits::MAX_FRAME_CHARS
                )));
            }
        }
        let logo_size = spec.logo_size.unwrap_or(limits::DEFAULT_LOGO_FRACTION);
        if !logo_size.is_finite() || logo_size <= 0.0 {
            return Err(PrintError::option(
                "the logo size is a fraction of the code's side, like 0.22",
            ));
        }
        Ok(Style {
            name,
            dark: opt(&spec.dark).map(|t| ink("dark colour", t)).transpose()?.unwrap_or_default(),
            light,
            modules: opt(&spec.modules).map(ModuleShape::parse).transpose()?.unwrap_or_default(),
            finder: opt(&spec.finder)
                .map(|t| FinderShape::parse("finder", t))
                .transpose()?
                .unwrap_or_default(),
            finder_center: opt(&spec.finder_center)
                .map(|t| FinderShape::parse("finder_center", t))
                .transpose()?
                .unwrap_or_default(),
            finder_color: opt(&spec.finder_color).map(|t| ink("finder colour", t)).transpose()?,
            logo: logo.map(Arc::new),
            logo_size,
            frame,
            frame_position: opt(&spec.frame_position)
                .map(FramePosition::parse)
                .transpose()?
                .unwrap_or_default(),
            frame_color: opt(&spec.frame_color)
                .map(|t| ink("frame colour", t))
                .transpose()?
                .unwrap_or_default(),
            spec: spec.clone(),
        })
    }

    /// Reads a style file and its logo (relative to the file).
    pub fn from_file(path: &Path) -> Result<Style, PrintError> {
        let spec = StyleSpec::read(path)?;
        let logo = match spec.logo.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
            None => None,
            Some(rel) => {
                let at = path.parent().unwrap_or(Path::new(".")).join(rel);
                let bytes = std::fs::read(&at).map_err(|e| {
                    PrintError::option(format!(
                        "the style's logo {} cannot be read ({e}); keep the logo next to the \
                         style file or fix the logo key",
                        at.display()
                    ))
                })?;
                let file_name = at
                    .file_name()
                    .map_or_else(|| rel.to_string(), |n| n.to_string_lossy().into_owned());
                Some(Logo::load(&file_name, bytes)?)
            }
        };
        let mut style = Style::resolve(&spec, logo)?;
        if style.name.is_empty() {
            style.name =
                path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        }
        Ok(style)
    }

    /// The ink of the finder eyes.
    pub fn finder_ink(&self) -> &Ink {
        self.finder_color.as_ref().unwrap_or(&self.dark)
    }

    /// Contrast between the darker of the code's inks and the light one (WCAG ratio).
    pub fn contrast(&self) -> f32 {
        let light = self.light.as_ref().map_or(1.0, Ink::luminance);
        let dark = self.dark.luminance().max(self.finder_ink().luminance());
        (light.max(dark) + 0.05) / (light.min(dark) + 0.05)
    }

    /// The guard rails every print with this style passes: contrast, direction, logo size.
    /// `force` allows an inverted code (light modules darker than dark ones).
    pub fn check(&self, force: bool) -> Result<(), PrintError> {
        let light = self.light.as_ref().map_or(1.0, Ink::luminance);
        let dark = self.dark.luminance().max(self.finder_ink().luminance());
        if dark > light && !force {
            return Err(PrintError::option(
                "this style is inverted: its light colour is darker than the code's colour, and \
                 many phone cameras cannot read inverted codes; swap the colours (or add --force \
                 if every scanner you target reads inverted codes)",
            ));
        }
        let contrast = self.contrast();
        if contrast < MIN_CONTRAST as f32 {
            return Err(PrintError::option(format!(
                "low contrast: the style's colours reach only {contrast:.1}:1, scanners need at \
                 least {MIN_CONTRAST}:1; make the dark colour darker or the light colour lighter"
            )));
        }
        if self.logo.is_some() && self.logo_size > limits::MAX_LOGO_FRACTION + 1e-9 {
            return Err(PrintError::option(format!(
                "the logo is too large: {:.0} % of the code's side, the most that still scans is \
                 {:.0} %; make logo_size {} or less",
                self.logo_size * 100.0,
                limits::MAX_LOGO_FRACTION * 100.0,
                limits::MAX_LOGO_FRACTION
            )));
        }
        Ok(())
    }

    /// The error correction level to print at: H with a logo. A level chosen by the user
    /// (`chosen`) lower than that is refused with the reason.
    pub fn ec(&self, chosen: Option<EcLevel>) -> Result<Option<EcLevel>, PrintError> {
        if self.logo.is_none() {
            return Ok(chosen);
        }
        match chosen {
            Some(ec) if ec != EcLevel::H => Err(PrintError::option(format!(
                "error correction {ec:?} is too low for a code with a logo: the logo hides part \
                 of the code, and only level H restores it; leave out --ec (H is chosen) or use \
                 --ec H"
            ))),
            _ => Ok(Some(EcLevel::H)),
        }
    }

    /// Every ink the style paints with (to declare spot colours once per document).
    pub fn inks(&self) -> Vec<&Ink> {
        let mut v = vec![&self.dark, self.finder_ink()];
        v.extend(self.light.as_ref());
        if self.frame.is_some() {
            v.push(&self.frame_color);
        }
        v
    }

    /// Warnings that do not stop a print: RGB inks, logo approximations.
    pub fn warnings(&self) -> Vec<String> {
        let mut w = Vec::new();
        if self.inks().iter().any(|i| i.is_rgb()) {
            w.push(format!(
                "The style \"{}\" uses an RGB colour; presses print CMYK, so the colour may \
                 shift. Use cmyk: or spot: colours for press-ready files",
                self.name
            ));
        }
        if let Some(logo) = &self.logo {
            w.extend(logo.notes.iter().map(|n| format!("Logo {}: {n}", logo.file_name)));
        }
        w
    }
}
