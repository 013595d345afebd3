//! The ink dark modules are printed in: 100 % K by default, or RGB, any CMYK, or a named spot
//! colour (a Separation with a CMYK alternate). Light modules are never painted.

use crate::error::PrintError;
use serde::{Deserialize, Serialize};

/// Colour of the dark modules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Ink {
    /// DeviceCMYK; the default is 0/0/0/1 (100 % black only).
    Cmyk([f32; 4]),
    /// DeviceRGB, components 0–1.
    Rgb([f32; 3]),
    /// A named spot colour; `alternate` is its CMYK look for proofs and composite devices.
    Spot { name: String, alternate: [f32; 4] },
}

impl Default for Ink {
    fn default() -> Self {
        Ink::Cmyk([0.0, 0.0, 0.0, 1.0])
    }
}

impl Ink {
    /// Parses `k`, `rgb`, `rgb:R,G,B` (0–255 or `#rrggbb`), `cmyk:C,M,Y,K` (percent or 0–1),
    /// `spot:NAME` (alternate 100 % K) or `spot:NAME:C,M,Y,K`.
    pub fn parse(text: &str) -> Result<Ink, PrintError> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        let bad = |why: &str| {
            PrintError::option(format!(
                "colour \"{text}\" is not usable ({why}); use k, rgb, rgb:#112233, cmyk:C,M,Y,K \
                 (percent) or spot:NAME"
            ))
        };
        if lower == "k" || lower == "black" {
            return Ok(Ink::default());
        }
        if lower == "rgb" {
            return Ok(Ink::Rgb([0.0; 3]));
        }
        if let Some(rest) = lower.strip_prefix("rgb:") {
            let rgb = if let Some(hex) = rest.strip_prefix('#') {
                let v = u32::from_str_radix(hex, 16).map_err(|_| bad("bad hex"))?;
                if hex.len() != 6 {
                    return Err(bad("hex needs 6 digits"));
                }
                [(v >> 16) & 255, (v >> 8) & 255, v & 255].map(|c| c as f32 / 255.0)
            } else {
                let parts = numbers(rest, 3).ok_or_else(|| bad("need three numbers 0-255"))?;
                if parts.iter().any(|v| *v > 255.0) {
                    return Err(bad("RGB values go from 0 to 255"));
                }
                [parts[0] / 255.0, parts[1] / 255.0, parts[2] / 255.0]
            };
            return Ok(Ink::Rgb(rgb));
        }
        if let Some(rest) = lower.strip_prefix("cmyk:") {
            return Ok(Ink::Cmyk(cmyk(rest).ok_or_else(|| bad("need four percentages"))?));
        }
        if lower.starts_with("spot:") {
            let rest = &t[5..];
            let (name, alt) = match rest.split_once(':') {
                Some((n, a)) => (n, cmyk(a).ok_or_else(|| bad("alternate needs C,M,Y,K"))?),
                None => (rest, [0.0, 0.0, 0.0, 1.0]),
            };
            let name = name.trim();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
                return Err(bad("the spot name must be printable ASCII"));
            }
            return Ok(Ink::Spot { name: name.to_string(), alternate: alt });
        }
        Err(bad("unknown colour"))
    }

    /// Approximate sRGB of the ink on white paper (for the contrast check and PNG/SVG output).
    pub fn to_rgb(&self) -> [f32; 3] {
        match self {
            Ink::Rgb(rgb) => *rgb,
            Ink::Cmyk(c) | Ink::Spot { alternate: c, .. } => {
                let k = 1.0 - c[3];
                [(1.0 - c[0]) * k, (1.0 - c[1]) * k, (1.0 - c[2]) * k]
            }
        }
    }

    /// WCAG contrast ratio of the ink against white paper (1 = none, 21 = black).
    pub fn contrast_on_white(&self) -> f32 {
        1.05 / (self.luminance() + 0.05)
    }

    /// WCAG relative luminance of the ink on white paper (0 = black, 1 = paper white).
    pub fn luminance(&self) -> f32 {
        let lin = |c: f32| {
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.to_rgb();
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    /// The grey (0–255) a camera sees for this ink: its luma.
    pub fn grey(&self) -> u8 {
        let [r, g, b] = self.to_rgb();
        ((0.299 * r + 0.587 * g + 0.114 * b).clamp(0.0, 1.0) * 255.0).round() as u8
    }

    /// `true` for inks written as RGB (allowed, but not press-ready).
    pub fn is_rgb(&self) -> bool {
        matches!(self, Ink::Rgb(_))
    }

    /// `#rrggbb` for SVG.
    pub fn hex(&self) -> String {
        let [r, g, b] = self.to_rgb().map(|c| (c.clamp(0.0, 1.0) * 255.0).round() as u8);
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

/// Minimum contrast ratio accepted for dark modules on white paper.
pub const MIN_CONTRAST: f32 = qrdesk_core::rules::print::MIN_CONTRAST as f32;

fn numbers(text: &str, count: usize) -> Option<Vec<f32>> {
    let v: Vec<f32> = text
        .split(',')
        .map(|s| s.trim().trim_end_matches('%').parse::<f32>())
        .collect::<Result<_, _>>()
        .ok()?;
    (v.len() == count && v.iter().all(|x| x.is_finite() && *x >= 0.0)).then_some(v)
}

/// `C,M,Y,K` in percent (0–100); values all ≤ 1 are read as fractions.
fn cmyk(text: &str) -> Option<[f32; 4]> {
    let v = numbers(text, 4)?;
    let scale = if v.iter().all(|x| *x <= 1.0) { 1.0 } else { 100.0 };
    if v.iter().any(|x| *x / scale > 1.0) {
        return None;
    }
    Some([v[0] / scale, v[1] / scale, v[2] / scale, v[3] / scale])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_form() {
        assert_eq!(Ink::parse("k").unwrap(), Ink::Cmyk([0.0, 0.0, 0.0, 1.0]));
        assert_eq!(Ink::parse("cmyk:0,0,0,100").unwrap(), Ink::Cmyk([0.0, 0.0, 0.0, 1.0]));
        assert_eq!(Ink::parse("rgb:#ff0000").unwrap(), Ink::Rgb([1.0, 0.0, 0.0]));
        let spot = Ink::parse("spot:PANTONE 286 C:100,66,0,2").unwrap();
        assert!(matches!(spot, Ink::Spot { ref name, .. } if name == "PANTONE 286 C"));
        assert!(Ink::parse("cmyk:1,2").is_err());
    }

    #[test]
    fn contrast_rejects_pale_inks() {
        assert!(Ink::default().contrast_on_white() > 20.0);
        assert!(Ink::parse("cmyk:0,0,0,20").unwrap().contrast_on_white() < MIN_CONTRAST);
        assert!(Ink::parse("rgb:#ffff00").unwrap().contrast_on_white() < MIN_CONTRAST);
    }
}
