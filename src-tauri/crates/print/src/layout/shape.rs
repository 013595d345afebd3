//! Label outlines: rectangular, round and elliptical labels. A code and its caption go inside the
//! largest axis-aligned rectangle the outline holds (for an ellipse of w × h, w/√2 × h/√2,
//! centred), so the quiet zone never crosses the edge of a round label.

use serde::{Deserialize, Serialize};

/// The outline of every label on a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LabelShape {
    #[default]
    Rectangle,
    Round,
    Ellipse,
}

impl LabelShape {
    /// The part of a `w` × `h` label that content may use: (x, y, width, height), label-relative.
    pub fn content(self, w: f64, h: f64) -> (f64, f64, f64, f64) {
        match self {
            LabelShape::Rectangle => (0.0, 0.0, w, h),
            LabelShape::Round | LabelShape::Ellipse => {
                let (iw, ih) = (w / std::f64::consts::SQRT_2, h / std::f64::consts::SQRT_2);
                ((w - iw) / 2.0, (h - ih) / 2.0, iw, ih)
            }
        }
    }

    pub fn is_rectangle(&self) -> bool {
        *self == LabelShape::Rectangle
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corners_of_the_content_lie_on_the_outline() {
        let (x, y, w, h) = LabelShape::Ellipse.content(60.0, 40.0);
        // A corner (x, y) relative to the centre satisfies (dx/a)² + (dy/b)² = 1.
        let (dx, dy) = (x - 30.0, y - 20.0);
        assert!(((dx / 30.0).powi(2) + (dy / 20.0).powi(2) - 1.0).abs() < 1e-9);
        assert!((w - 60.0 / std::f64::consts::SQRT_2).abs() < 1e-9 && h < 40.0);
        assert_eq!(LabelShape::Rectangle.content(60.0, 40.0), (0.0, 0.0, 60.0, 40.0));
    }
}
