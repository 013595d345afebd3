//! The PDF canvas: styled codes as content-stream operators. Marks stay compact (a rounded
//! module is an inset `re` filled and stroked with round joins, a dot a zero-length round-capped
//! stroke), the eye and the logo are form XObjects written once per document
//! ([`write_style_objects`]) and placed with `Do`, and every colour is the style's own ink
//! (DeviceCMYK, Separation, or RGB only when the style asks for it).

use std::io::Write;

use pdf_writer::types::{LineCapStyle, LineJoinStyle};
use pdf_writer::{Chunk, Content, Filter, Finish, Name, Rect, Ref, Str};
use usvg::tiny_skia_path::{Path, PathSegment, Transform};

use super::draw::{Canvas, ModuleSpace};
use super::geometry::{eye_path, Mark, Seg};
use super::logo::{rgb_to_cmyk, Logo, LogoKind, LogoPaint};
use super::Style;
use crate::error::PrintError;
use crate::font::FittedText;
use crate::ink::Ink;
use crate::layout::Area;
use crate::length::pt;
use crate::pdf::font_objects::deflate;
use crate::pdf::page::FONT_RES;
use crate::pdf::writer::ObjectWriter;

/// Resource names of the style's XObjects.
pub const EYE_RES: Name<'static> = Name(b"QE");
pub const LOGO_RES: Name<'static> = Name(b"QL");

/// The style's objects in a document.
#[derive(Debug, Clone, Copy)]
pub struct StyleRefs {
    pub eye: Ref,
    pub logo: Option<Ref>,
}

/// Resource name of spot colour number `i`.
pub fn spot_res(i: usize) -> String {
    format!("CS{i}")
}

/// Sets the fill colour to `ink`; `spots` are the document's spot names in resource order.
pub fn set_fill(c: &mut Content, ink: &Ink, spots: &[String]) {
    match ink {
        Ink::Cmyk([cy, m, y, k]) => {
            c.set_fill_cmyk(*cy, *m, *y, *k);
        }
        Ink::Rgb([r, g, b]) => {
            c.set_fill_rgb(*r, *g, *b);
        }
        Ink::Spot { name, .. } => {
            let i = spots.iter().position(|s| s == name).unwrap_or(0);
            let res = spot_res(i);
            c.set_fill_color_space(Name(res.as_bytes()));
            c.set_fill_color([1.0]);
        }
    }
}

/// Sets the stroke colour to `ink`.
pub fn set_stroke(c: &mut Content, ink: &Ink, spots: &[String]) {
    match ink {
        Ink::Cmyk([cy, m, y, k]) => {
            c.set_stroke_cmyk(*cy, *m, *y, *k);
        }
        Ink::Rgb([r, g, b]) => {
            c.set_stroke_rgb(*r, *g, *b);
        }
        Ink::Spot { name, .. } => {
            let i = spots.iter().position(|s| s == name).unwrap_or(0);
            let res = spot_res(i);
            c.set_stroke_color_space(Name(res.as_bytes()));
            c.set_stroke_color([1.0]);
        }
    }
}

/// Appends `segs`, mapped by `f`, to the current path.
pub fn push_segs(c: &mut Content, segs: &[Seg], f: impl Fn(f32, f32) -> (f32, f32)) {
    for s in segs {
        match *s {
            Seg::Move(x, y) => {
                let (x, y) = f(x, y);
                c.move_to(x, y);
            }
            Seg::Line(x, y) => {
                let (x, y) = f(x, y);
                c.line_to(x, y);
            }
            Seg::Cubic(a, b, cx, d, e, g) => {
                let (a, b) = f(a, b);
                let (cx, d) = f(cx, d);
                let (e, g) = f(e, g);
                c.cubic_to(a, b, cx, d, e, g);
            }
            Seg::Close => {
                c.close_path();
            }
        }
    }
}

/// Draws into one page's content stream.
pub struct PdfCanvas<'a> {
    pub c: &'a mut Content,
    /// Page height (mm), to turn y-down mm into PDF points.
    pub page_h: f64,
    pub spots: &'a [String],
    /// Glyphs used by text on this page (for the font subset).
    pub glyphs: &'a mut Vec<(u16, char)>,
}

impl PdfCanvas<'_> {
    fn enter(&mut self, s: ModuleSpace) {
        let m = pt(s.unit);
        self.c.save_state();
        self.c.transform([m, 0.0, 0.0, -m, pt(s.x), pt(self.page_h - s.y)]);
    }
}

impl Canvas for PdfCanvas<'_> {
    fn fill_rect(&mut self, a: Area, ink: &Ink) {
        set_fill(self.c, ink, self.spots);
        self.c.rect(pt(a.x), pt(self.page_h - a.y - a.h), pt(a.w), pt(a.h));
        self.c.fill_nonzero();
    }

    fn marks(&mut self, space: ModuleSpace, marks: &[Mark], ink: &Ink) {
        if marks.is_empty() {
            return;
        }
        self.enter(space);
        let c = &mut *self.c;
        set_fill(c, ink, self.spots);
        let mut any = false;
        for m in marks {
            if let Mark::Rect { x, y, w, h } = *m {
                c.rect(x, y, w, h);
                any = true;
            }
        }
        if any {
            c.fill_nonzero();
        }
        let mut radius = None;
        for m in marks {
            if let Mark::RoundRect { x, y, w, h, r } = *m {
                if radius.is_none() {
                    set_stroke(c, ink, self.spots);
                    c.set_line_width(2.0 * r);
                    c.set_line_join(LineJoinStyle::RoundJoin);
                    radius = Some(r);
                }
                c.rect(x + r, y + r, w - 2.0 * r, h - 2.0 * r);
            }
        }
        if radius.is_some() {
            c.fill_nonzero_and_stroke();
        }
        let mut width = None;
        for m in marks {
            let (x1, y1, x2, y2, r) = match *m {
                Mark::Dot { cx, cy, r } => (cx, cy, cx, cy, r),
                Mark::Capsule { x1, y1, x2, y2, r } => (x1, y1, x2, y2, r),
                _ => continue,
            };
            if width.is_none() {
                set_stroke(c, ink, self.spots);
                c.set_line_width(2.0 * r);
                c.set_line_cap(LineCapStyle::RoundCap);
                width = Some(r);
            }
            c.move_to(x1, y1);
            c.line_to(x2, y2);
        }
        if width.is_some() {
            c.stroke();
        }
        let mut diamonds = false;
        for m in marks {
            if let Mark::Diamond { cx, cy, r } = *m {
                c.move_to(cx, cy - r);
                c.line_to(cx + r, cy);
                c.line_to(cx, cy + r);
                c.line_to(cx - r, cy);
                c.close_path();
                diamonds = true;
            }
        }
        if diamonds {
            c.fill_nonzero();
        }
        self.c.restore_state();
    }

    fn eyes(&mut self, space: ModuleSpace, at: &[(f32, f32)], _eye: &[Seg], ink: &Ink) {
        self.enter(space);
        set_fill(self.c, ink, self.spots);
        for (x, y) in at {
            self.c.save_state();
            self.c.transform([1.0, 0.0, 0.0, 1.0, *x, *y]);
            self.c.x_object(EYE_RES);
            self.c.restore_state();
        }
        self.c.restore_state();
    }

    fn logo(&mut self, space: ModuleSpace, logo: &Logo, [x, y, w, h]: [f32; 4]) {
        self.enter(space);
        match &logo.kind {
            LogoKind::Svg(tree) => {
                let size = tree.size();
                self.c.transform([w / size.width(), 0.0, 0.0, h / size.height(), x, y]);
            }
            // Image space is y-up: flip it back inside the y-down module space.
            LogoKind::Raster(_) => {
                self.c.transform([w, 0.0, 0.0, -h, x, y + h]);
            }
        }
        self.c.x_object(LOGO_RES);
        self.c.restore_state();
    }

    fn outline(&mut self, a: Area, radius: f64, width: f64, ink: &Ink) {
        let mut segs = Vec::new();
        super::geometry::rounded_rect(
            &mut segs,
            a.x as f32,
            a.y as f32,
            a.w as f32,
            a.h as f32,
            radius as f32,
        );
        let h = self.page_h;
        set_stroke(self.c, ink, self.spots);
        self.c.set_line_width(pt(width));
        push_segs(self.c, &segs, |x, y| (pt(f64::from(x)), pt(h - f64::from(y))));
        self.c.stroke();
    }

    fn text(&mut self, text: &FittedText, x: f64, baseline: f64, ink: Option<&Ink>) {
        if text.glyphs.is_empty() {
            return;
        }
        match ink {
            Some(ink) => set_fill(self.c, ink, self.spots),
            None => {
                self.c.set_fill_cmyk(0.0, 0.0, 0.0, 0.0);
            }
        }
        self.c.begin_text();
        self.c.set_font(FONT_RES, text.size_pt);
        self.c.set_text_matrix([1.0, 0.0, 0.0, 1.0, pt(x), pt(self.page_h - baseline)]);
        let mut cids = Vec::with_capacity(text.glyphs.len() * 2);
        for (gid, _) in &text.glyphs {
            cids.extend_from_slice(&gid.to_be_bytes());
        }
        self.c.show(Str(&cids));
        self.c.end_text();
        self.glyphs.extend(text.glyphs.iter().copied());
    }
}

fn io(e: std::io::Error) -> PrintError {
    PrintError::io("write", std::path::Path::new("the PDF"), e)
}

/// Writes the style's eye form and its logo (a form for SVG, one image for PNG/JPEG) once.
pub fn write_style_objects<W: Write>(
    w: &mut ObjectWriter<W>,
    style: &Style,
) -> Result<StyleRefs, PrintError> {
    let eye = w.alloc();
    let mut c = Content::new();
    push_segs(&mut c, &eye_path(style.finder, style.finder_center), |x, y| (x, y));
    c.fill_even_odd();
    let content = deflate(&c.finish().into_vec());
    let mut chunk = Chunk::new();
    let mut form = chunk.form_xobject(eye, &content);
    form.bbox(Rect::new(0.0, 0.0, 7.0, 7.0));
    form.filter(Filter::FlateDecode);
    form.finish();
    w.put(eye, &chunk).map_err(io)?;
    let logo = match &style.logo {
        None => None,
        Some(logo) => Some(match &logo.kind {
            LogoKind::Svg(tree) => write_svg_form(w, logo, tree.size())?,
            LogoKind::Raster(r) => write_image(w, r)?,
        }),
    };
    Ok(StyleRefs { eye, logo })
}

fn write_svg_form<W: Write>(
    w: &mut ObjectWriter<W>,
    logo: &Logo,
    size: usvg::Size,
) -> Result<Ref, PrintError> {
    let id = w.alloc();
    let mut c = Content::new();
    logo.walk(&mut |paint| match paint {
        LogoPaint::Fill { path, transform, ink, even_odd } => {
            c.save_state();
            apply(&mut c, transform);
            set_fill(&mut c, &ink, &[]);
            push_skia(&mut c, path);
            if even_odd {
                c.fill_even_odd();
            } else {
                c.fill_nonzero();
            }
            c.restore_state();
        }
        LogoPaint::Stroke { path, transform, ink, stroke } => {
            c.save_state();
            apply(&mut c, transform);
            set_stroke(&mut c, &ink, &[]);
            c.set_line_width(stroke.width);
            c.set_line_cap(match stroke.line_cap {
                usvg::tiny_skia_path::LineCap::Butt => LineCapStyle::ButtCap,
                usvg::tiny_skia_path::LineCap::Round => LineCapStyle::RoundCap,
                usvg::tiny_skia_path::LineCap::Square => LineCapStyle::ProjectingSquareCap,
            });
            c.set_line_join(match stroke.line_join {
                usvg::tiny_skia_path::LineJoin::Round => LineJoinStyle::RoundJoin,
                usvg::tiny_skia_path::LineJoin::Bevel => LineJoinStyle::BevelJoin,
                _ => LineJoinStyle::MiterJoin,
            });
            push_skia(&mut c, path);
            c.stroke();
            c.restore_state();
        }
    });
    let content = deflate(&c.finish().into_vec());
    let mut chunk = Chunk::new();
    let mut form = chunk.form_xobject(id, &content);
    form.bbox(Rect::new(0.0, 0.0, size.width(), size.height()));
    form.filter(Filter::FlateDecode);
    form.finish();
    w.put(id, &chunk).map_err(io)?;
    Ok(id)
}

fn apply(c: &mut Content, t: Transform) {
    if !t.is_identity() {
        c.transform([t.sx, t.ky, t.kx, t.sy, t.tx, t.ty]);
    }
}

fn push_skia(c: &mut Content, path: &Path) {
    let mut last = (0.0, 0.0);
    for seg in path.segments() {
        match seg {
            PathSegment::MoveTo(p) => {
                c.move_to(p.x, p.y);
                last = (p.x, p.y);
            }
            PathSegment::LineTo(p) => {
                c.line_to(p.x, p.y);
                last = (p.x, p.y);
            }
            PathSegment::QuadTo(q, p) => {
                let c1 = (last.0 + 2.0 / 3.0 * (q.x - last.0), last.1 + 2.0 / 3.0 * (q.y - last.1));
                let c2 = (p.x + 2.0 / 3.0 * (q.x - p.x), p.y + 2.0 / 3.0 * (q.y - p.y));
                c.cubic_to(c1.0, c1.1, c2.0, c2.1, p.x, p.y);
                last = (p.x, p.y);
            }
            PathSegment::CubicTo(a, b, p) => {
                c.cubic_to(a.x, a.y, b.x, b.y, p.x, p.y);
                last = (p.x, p.y);
            }
            PathSegment::Close => {
                c.close_path();
            }
        }
    }
}

/// A raster logo as one DeviceCMYK image (with a soft mask when it has transparency).
fn write_image<W: Write>(
    w: &mut ObjectWriter<W>,
    r: &super::logo::RasterLogo,
) -> Result<Ref, PrintError> {
    let id = w.alloc();
    let pixels = r.rgba.chunks_exact(4);
    let mut cmyk = Vec::with_capacity(r.rgba.len());
    let mut alpha = Vec::with_capacity(r.rgba.len() / 4);
    for p in pixels {
        let Ink::Cmyk(v) = rgb_to_cmyk(p[0], p[1], p[2]) else { unreachable!() };
        cmyk.extend(v.map(|x| (x.clamp(0.0, 1.0) * 255.0).round() as u8));
        alpha.push(p[3]);
    }
    let mask = if alpha.iter().any(|a| *a != 255) {
        let mid = w.alloc();
        let data = deflate(&alpha);
        let mut chunk = Chunk::new();
        let mut img = chunk.image_xobject(mid, &data);
        img.width(r.width as i32).height(r.height as i32).bits_per_component(8);
        img.filter(Filter::FlateDecode);
        img.color_space().device_gray();
        img.finish();
        w.put(mid, &chunk).map_err(io)?;
        Some(mid)
    } else {
        None
    };
    let data = deflate(&cmyk);
    let mut chunk = Chunk::new();
    let mut img = chunk.image_xobject(id, &data);
    img.width(r.width as i32).height(r.height as i32).bits_per_component(8);
    img.filter(Filter::FlateDecode);
    img.color_space().device_cmyk();
    if let Some(m) = mask {
        img.s_mask(m);
    }
    img.finish();
    w.put(id, &chunk).map_err(io)?;
    Ok(id)
}
