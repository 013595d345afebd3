//! A styled symbol's geometry, in module units (x right, y down, origin at the first module):
//! data modules as marks of the style's shape, timing and alignment patterns as plain squares
//! (never reshaped or cleared), the three finder eyes as one even-odd path, and the cleared box
//! the logo sits in. The PDF, SVG and raster canvases all draw exactly this.

use super::shapes::{FinderShape, ModuleShape};
use crate::symbol::{merge_runs, ModuleMatrix, DARK, FINDER, PATTERN};

/// One painted mark, module units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mark {
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
    /// A rectangle with corners rounded by `r`.
    RoundRect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        r: f32,
    },
    Dot {
        cx: f32,
        cy: f32,
        r: f32,
    },
    /// A segment with round ends, `r` half its width.
    Capsule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        r: f32,
    },
    /// A square turned 45°, `r` from the centre to each tip.
    Diamond {
        cx: f32,
        cy: f32,
        r: f32,
    },
}

/// A path segment (module units).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Seg {
    Move(f32, f32),
    Line(f32, f32),
    Cubic(f32, f32, f32, f32, f32, f32),
    Close,
}

/// Everything drawn for one styled symbol.
#[derive(Debug, Clone)]
pub struct StyledSymbol {
    pub modules: u16,
    /// Data modules in the style's shape.
    pub marks: Vec<Mark>,
    /// Timing and alignment patterns, drawn after (over) the logo.
    pub patterns: Vec<Mark>,
    /// Top-left corners of the three finder eyes.
    pub eyes: [(f32, f32); 3],
    /// The logo's box (x, y, w, h) when the style has one.
    pub logo: Option<[f32; 4]>,
}

/// Radius of rounded data modules.
const ROUND: f32 = 0.3;
/// Half-width of dots, bars and diamonds.
const DOT: f32 = 0.45;
const BAR: f32 = 0.42;

/// Lays out `m` in `shape`; `logo` is (side as a fraction of the symbol, width/height).
pub fn build(m: &ModuleMatrix, shape: ModuleShape, logo: Option<(f64, f64)>) -> StyledSymbol {
    let n = m.n;
    let nf = f32::from(n);
    let logo_box = logo.map(|(fraction, aspect)| {
        let side = (fraction as f32) * nf;
        let (w, h) =
            if aspect >= 1.0 { (side, side / aspect as f32) } else { (side * aspect as f32, side) };
        [(nf - w) / 2.0, (nf - h) / 2.0, w, h]
    });
    // Cleared: data modules touching the logo box grown by one module on every side.
    let cleared = |x: u16, y: u16| {
        logo_box.is_some_and(|[bx, by, bw, bh]| {
            let (x, y) = (f32::from(x), f32::from(y));
            x + 1.0 > bx - 1.0 && x < bx + bw + 1.0 && y + 1.0 > by - 1.0 && y < by + bh + 1.0
        })
    };
    let data = |x: usize, y: usize| {
        let c = m.at(x as u16, y as u16);
        c & DARK != 0 && c & (FINDER | PATTERN) == 0 && !cleared(x as u16, y as u16)
    };
    let pattern = |x: usize, y: usize| {
        let c = m.at(x as u16, y as u16);
        c & DARK != 0 && c & PATTERN != 0
    };
    let rect = |r: &crate::symbol::ModuleRect| {
        (f32::from(r.x), f32::from(r.y), f32::from(r.w), f32::from(r.h))
    };
    let nu = usize::from(n);
    let marks = match shape {
        ModuleShape::Square => merge_runs(nu, data)
            .iter()
            .map(|r| {
                let (x, y, w, h) = rect(r);
                Mark::Rect { x, y, w, h }
            })
            .collect(),
        ModuleShape::Rounded => merge_runs(nu, data)
            .iter()
            .map(|r| {
                let (x, y, w, h) = rect(r);
                Mark::RoundRect { x, y, w, h, r: ROUND }
            })
            .collect(),
        ModuleShape::Dots | ModuleShape::Diamond => {
            let mut v = Vec::new();
            for y in 0..nu {
                for x in 0..nu {
                    if data(x, y) {
                        let (cx, cy) = (x as f32 + 0.5, y as f32 + 0.5);
                        v.push(if shape == ModuleShape::Dots {
                            Mark::Dot { cx, cy, r: DOT }
                        } else {
                            Mark::Diamond { cx, cy, r: 0.5 }
                        });
                    }
                }
            }
            v
        }
        ModuleShape::Horizontal | ModuleShape::Vertical => {
            let horizontal = shape == ModuleShape::Horizontal;
            let mut v = Vec::new();
            for line in 0..nu {
                let at = |i: usize| if horizontal { data(i, line) } else { data(line, i) };
                let mut i = 0;
                while i < nu {
                    if !at(i) {
                        i += 1;
                        continue;
                    }
                    let start = i;
                    while i < nu && at(i) {
                        i += 1;
                    }
                    let (a, b, c) = (start as f32 + 0.5, i as f32 - 0.5, line as f32 + 0.5);
                    v.push(if horizontal {
                        Mark::Capsule { x1: a, y1: c, x2: b, y2: c, r: BAR }
                    } else {
                        Mark::Capsule { x1: c, y1: a, x2: c, y2: b, r: BAR }
                    });
                }
            }
            v
        }
    };
    let patterns = merge_runs(nu, pattern)
        .iter()
        .map(|r| {
            let (x, y, w, h) = rect(r);
            Mark::Rect { x, y, w, h }
        })
        .collect();
    let far = nf - 7.0;
    StyledSymbol {
        modules: n,
        marks,
        patterns,
        eyes: [(0.0, 0.0), (far, 0.0), (0.0, far)],
        logo: logo_box,
    }
}

/// One finder eye (7 × 7 modules, origin at its top-left): ring and centre, to fill even-odd.
pub fn eye_path(ring: FinderShape, centre: FinderShape) -> Vec<Seg> {
    let mut segs = Vec::with_capacity(32);
    shape(&mut segs, ring, 0.0, 7.0, 1.2);
    shape(&mut segs, ring, 1.0, 5.0, 0.6);
    shape(&mut segs, centre, 2.0, 3.0, 0.9);
    segs
}

fn shape(segs: &mut Vec<Seg>, s: FinderShape, at: f32, side: f32, radius: f32) {
    match s {
        FinderShape::Square => rounded_rect(segs, at, at, side, side, 0.0),
        FinderShape::Rounded => rounded_rect(segs, at, at, side, side, radius),
        FinderShape::Circle => circle(segs, at + side / 2.0, at + side / 2.0, side / 2.0),
    }
}

/// Cubic Bézier handle length for a quarter circle of radius 1.
const KAPPA: f32 = 0.552_284_8;

/// A rectangle with rounded corners as a closed path (`r` = 0: sharp).
pub fn rounded_rect(segs: &mut Vec<Seg>, x: f32, y: f32, w: f32, h: f32, r: f32) {
    let r = r.min(w / 2.0).min(h / 2.0).max(0.0);
    let k = r * KAPPA;
    segs.push(Seg::Move(x + r, y));
    segs.push(Seg::Line(x + w - r, y));
    if r > 0.0 {
        segs.push(Seg::Cubic(x + w - r + k, y, x + w, y + r - k, x + w, y + r));
    }
    segs.push(Seg::Line(x + w, y + h - r));
    if r > 0.0 {
        segs.push(Seg::Cubic(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h));
    }
    segs.push(Seg::Line(x + r, y + h));
    if r > 0.0 {
        segs.push(Seg::Cubic(x + r - k, y + h, x, y + h - r + k, x, y + h - r));
    }
    segs.push(Seg::Line(x, y + r));
    if r > 0.0 {
        segs.push(Seg::Cubic(x, y + r - k, x + r - k, y, x + r, y));
    }
    segs.push(Seg::Close);
}

/// A circle as four cubic arcs.
pub fn circle(segs: &mut Vec<Seg>, cx: f32, cy: f32, r: f32) {
    let k = r * KAPPA;
    segs.push(Seg::Move(cx + r, cy));
    segs.push(Seg::Cubic(cx + r, cy + k, cx + k, cy + r, cx, cy + r));
    segs.push(Seg::Cubic(cx - k, cy + r, cx - r, cy + k, cx - r, cy));
    segs.push(Seg::Cubic(cx - r, cy - k, cx - k, cy - r, cx, cy - r));
    segs.push(Seg::Cubic(cx + k, cy - r, cx + r, cy - k, cx + r, cy));
    segs.push(Seg::Close);
}
