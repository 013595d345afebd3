//! The SVG canvas: the same drawing as SVG elements (mm user units), for the Styles page's live
//! preview, the Print page's preview and `--each svg`. Colours are the inks' on-screen look;
//! text is drawn as glyph outlines of the embedded font, so the preview shows the PDF's lettering.

use std::fmt::Write as _;

use base64::Engine as _;

use super::draw::{text_outline, Canvas, ModuleSpace};
use super::geometry::{Mark, Seg};
use super::logo::{Logo, LogoKind, LogoPaint};
use crate::font::FittedText;
use crate::ink::Ink;
use crate::layout::Area;

/// Collects SVG elements.
#[derive(Default)]
pub struct SvgCanvas {
    pub body: String,
}

/// `segs` as path data.
pub fn path_data(segs: &[Seg]) -> String {
    let mut d = String::with_capacity(segs.len() * 16);
    for s in segs {
        let _ = match *s {
            Seg::Move(x, y) => write!(d, "M{x:.3} {y:.3}"),
            Seg::Line(x, y) => write!(d, "L{x:.3} {y:.3}"),
            Seg::Cubic(a, b, c, e, f, g) => write!(d, "C{a:.3} {b:.3} {c:.3} {e:.3} {f:.3} {g:.3}"),
            Seg::Close => write!(d, "Z"),
        };
    }
    d
}

fn group(space: ModuleSpace) -> String {
    format!(r#"<g transform="translate({:.4} {:.4}) scale({:.5})">"#, space.x, space.y, space.unit)
}

impl SvgCanvas {
    /// A standalone SVG document of `w` × `h` mm with a white page.
    pub fn document(&self, w: f64, h: f64) -> String {
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.3} {h:.3}" width="{w:.3}mm" height="{h:.3}mm"><rect width="{w:.3}" height="{h:.3}" fill="#ffffff"/>{}</svg>"##,
            self.body
        )
    }
}

impl Canvas for SvgCanvas {
    fn fill_rect(&mut self, a: Area, ink: &Ink) {
        let _ = write!(
            self.body,
            r#"<rect x="{:.3}" y="{:.3}" width="{:.3}" height="{:.3}" fill="{}"/>"#,
            a.x,
            a.y,
            a.w,
            a.h,
            ink.hex()
        );
    }

    fn marks(&mut self, space: ModuleSpace, marks: &[Mark], ink: &Ink) {
        if marks.is_empty() {
            return;
        }
        let colour = ink.hex();
        let b = &mut self.body;
        b.push_str(&group(space));
        let _ = write!(b, r#"<path fill="{colour}" d=""#);
        for m in marks {
            match *m {
                Mark::Rect { x, y, w, h } => {
                    let _ = write!(b, "M{x} {y}h{w}v{h}h-{w}z");
                }
                Mark::Diamond { cx, cy, r } => {
                    let _ = write!(b, "M{cx} {}l{r} {r}l-{r} {r}l-{r} -{r}z", cy - r);
                }
                _ => {}
            }
        }
        b.push_str(r#""/>"#);
        for m in marks {
            let _ = match *m {
                Mark::RoundRect { x, y, w, h, r } => write!(
                    b,
                    r#"<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="{colour}"/>"#
                ),
                Mark::Dot { cx, cy, r } => {
                    write!(b, r#"<circle cx="{cx}" cy="{cy}" r="{r}" fill="{colour}"/>"#)
                }
                Mark::Capsule { x1, y1, x2, y2, r } => write!(
                    b,
                    r#"<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}" stroke-width="{}" stroke-linecap="round"/>"#,
                    2.0 * r
                ),
                _ => Ok(()),
            };
        }
        b.push_str("</g>");
    }

    fn eyes(&mut self, space: ModuleSpace, at: &[(f32, f32)], eye: &[Seg], ink: &Ink) {
        let d = path_data(eye);
        self.body.push_str(&group(space));
        for (x, y) in at {
            let _ = write!(
                self.body,
                r#"<path transform="translate({x} {y})" fill-rule="evenodd" fill="{}" d="{d}"/>"#,
                ink.hex()
            );
        }
        self.body.push_str("</g>");
    }

    fn logo(&mut self, space: ModuleSpace, logo: &Logo, [x, y, w, h]: [f32; 4]) {
        self.body.push_str(&group(space));
        match &logo.kind {
            LogoKind::Svg(tree) => {
                let size = tree.size();
                let _ = write!(
                    self.body,
                    r#"<g transform="translate({x} {y}) scale({} {})">"#,
                    w / size.width(),
                    h / size.height()
                );
                let body = &mut self.body;
                logo.walk(&mut |p| {
                    let (path, t, attrs) = match p {
                        LogoPaint::Fill { path, transform, ink, even_odd } => (
                            path,
                            transform,
                            format!(
                                r#"fill="{}"{}"#,
                                ink.hex(),
                                if even_odd { r#" fill-rule="evenodd""# } else { "" }
                            ),
                        ),
                        LogoPaint::Stroke { path, transform, ink, stroke } => (
                            path,
                            transform,
                            format!(
                                r#"fill="none" stroke="{}" stroke-width="{}""#,
                                ink.hex(),
                                stroke.width
                            ),
                        ),
                    };
                    let mut d = String::new();
                    for seg in path.segments() {
                        use usvg::tiny_skia_path::PathSegment as S;
                        let _ = match seg {
                            S::MoveTo(p) => write!(d, "M{} {}", p.x, p.y),
                            S::LineTo(p) => write!(d, "L{} {}", p.x, p.y),
                            S::QuadTo(a, p) => write!(d, "Q{} {} {} {}", a.x, a.y, p.x, p.y),
                            S::CubicTo(a, c, p) => {
                                write!(d, "C{} {} {} {} {} {}", a.x, a.y, c.x, c.y, p.x, p.y)
                            }
                            S::Close => write!(d, "Z"),
                        };
                    }
                    let _ = write!(
                        body,
                        r#"<path transform="matrix({} {} {} {} {} {})" {attrs} d="{d}"/>"#,
                        t.sx, t.ky, t.kx, t.sy, t.tx, t.ty
                    );
                });
                self.body.push_str("</g>");
            }
            LogoKind::Raster(_) => {
                let mime = if logo.bytes.starts_with(b"\x89PNG") { "png" } else { "jpeg" };
                let data = base64::engine::general_purpose::STANDARD.encode(&logo.bytes);
                let _ = write!(
                    self.body,
                    r#"<image x="{x}" y="{y}" width="{w}" height="{h}" preserveAspectRatio="none" href="data:image/{mime};base64,{data}"/>"#
                );
            }
        }
        self.body.push_str("</g>");
    }

    fn outline(&mut self, a: Area, radius: f64, width: f64, ink: &Ink) {
        let _ = write!(
            self.body,
            r#"<rect x="{:.3}" y="{:.3}" width="{:.3}" height="{:.3}" rx="{radius:.3}" fill="none" stroke="{}" stroke-width="{width:.3}"/>"#,
            a.x,
            a.y,
            a.w,
            a.h,
            ink.hex()
        );
    }

    fn text(&mut self, text: &FittedText, x: f64, baseline: f64, ink: Option<&Ink>) {
        let colour = ink.map_or_else(|| "#ffffff".to_string(), Ink::hex);
        let label: String = text.glyphs.iter().map(|(_, c)| *c).collect();
        let _ = write!(
            self.body,
            r#"<path fill="{colour}" d="{}"><title>{}</title></path>"#,
            path_data(&text_outline(text, x, baseline)),
            escape(&label)
        );
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
