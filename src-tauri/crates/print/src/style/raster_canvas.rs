//! The raster canvas (tiny-skia): the same marks, eyes, logo and frame as the PDF, painted in
//! pixels — for the decode proof, `--verify` of styled codes and `--each png`. Rounded modules,
//! dots and bars are stroked exactly as the PDF strokes them (inset rectangle with round joins,
//! round-capped segments).

use tiny_skia::{
    FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, PixmapPaint, Rect, Stroke, Transform,
};

use super::draw::{text_outline, Canvas, ModuleSpace};
use super::geometry::{Mark, Seg};
use super::logo::{Logo, LogoKind, LogoPaint};
use crate::font::FittedText;
use crate::ink::Ink;
use crate::layout::Area;

/// Paints into a pixmap whose top-left corner is page point (`x0`, `y0`) mm, `px_per_mm` pixels
/// per mm, white to start with.
pub struct RasterCanvas {
    pub pixmap: Pixmap,
    pub x0: f64,
    pub y0: f64,
    pub px_per_mm: f64,
}

fn paint(ink: &Ink) -> Paint<'static> {
    let [r, g, b] = ink.to_rgb().map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8);
    let mut p = Paint::default();
    p.set_color_rgba8(r, g, b, 255);
    p.anti_alias = true;
    p
}

fn build(segs: &[Seg]) -> Option<tiny_skia::Path> {
    let mut pb = PathBuilder::new();
    for s in segs {
        match *s {
            Seg::Move(x, y) => pb.move_to(x, y),
            Seg::Line(x, y) => pb.line_to(x, y),
            Seg::Cubic(a, b, c, d, e, f) => pb.cubic_to(a, b, c, d, e, f),
            Seg::Close => pb.close(),
        }
    }
    pb.finish()
}

impl RasterCanvas {
    /// A white canvas `w` × `h` mm at `dpi`, its top-left at page point (`x0`, `y0`).
    pub fn new(x0: f64, y0: f64, w: f64, h: f64, dpi: f64) -> Option<RasterCanvas> {
        let px_per_mm = dpi / 25.4;
        let mut pixmap = Pixmap::new((w * px_per_mm).ceil() as u32, (h * px_per_mm).ceil() as u32)?;
        pixmap.fill(tiny_skia::Color::WHITE);
        Some(RasterCanvas { pixmap, x0, y0, px_per_mm })
    }

    /// Page mm → pixels.
    fn page(&self) -> Transform {
        let s = self.px_per_mm as f32;
        Transform::from_row(
            s,
            0.0,
            0.0,
            s,
            -(self.x0 * self.px_per_mm) as f32,
            -(self.y0 * self.px_per_mm) as f32,
        )
    }

    /// Module units of `space` → pixels.
    fn module(&self, space: ModuleSpace) -> Transform {
        let u = space.unit as f32;
        self.page().pre_concat(Transform::from_row(u, 0.0, 0.0, u, space.x as f32, space.y as f32))
    }

    /// The picture as grey levels (luma), row by row.
    pub fn grey(&self) -> Vec<u8> {
        self.pixmap
            .data()
            .chunks_exact(4)
            .map(|p| {
                let l = 0.299 * f32::from(p[0]) + 0.587 * f32::from(p[1]) + 0.114 * f32::from(p[2]);
                l.round().clamp(0.0, 255.0) as u8
            })
            .collect()
    }
}

impl Canvas for RasterCanvas {
    fn fill_rect(&mut self, a: Area, ink: &Ink) {
        if let Some(r) = Rect::from_xywh(a.x as f32, a.y as f32, a.w as f32, a.h as f32) {
            let t = self.page();
            self.pixmap.fill_rect(r, &paint(ink), t, None);
        }
    }

    fn marks(&mut self, space: ModuleSpace, marks: &[Mark], ink: &Ink) {
        let t = self.module(space);
        let p = paint(ink);
        let mut fills = PathBuilder::new();
        let mut strokes: Vec<(tiny_skia::Path, Stroke)> = Vec::new();
        for m in marks {
            match *m {
                Mark::Rect { x, y, w, h } => {
                    if let Some(r) = Rect::from_xywh(x, y, w, h) {
                        fills.push_rect(r);
                    }
                }
                Mark::RoundRect { x, y, w, h, r } => {
                    let mut pb = PathBuilder::new();
                    if let Some(inner) = Rect::from_xywh(
                        x + r,
                        y + r,
                        (w - 2.0 * r).max(1e-4),
                        (h - 2.0 * r).max(1e-4),
                    ) {
                        pb.push_rect(inner);
                        fills.push_rect(inner);
                    }
                    if let Some(path) = pb.finish() {
                        let s = Stroke {
                            width: 2.0 * r,
                            line_join: LineJoin::Round,
                            ..Stroke::default()
                        };
                        strokes.push((path, s));
                    }
                }
                Mark::Dot { cx, cy, r } => fills.push_circle(cx, cy, r),
                Mark::Capsule { x1, y1, x2, y2, r } => {
                    if (x1, y1) == (x2, y2) {
                        fills.push_circle(x1, y1, r);
                    } else {
                        let mut pb = PathBuilder::new();
                        pb.move_to(x1, y1);
                        pb.line_to(x2, y2);
                        if let Some(path) = pb.finish() {
                            let s = Stroke {
                                width: 2.0 * r,
                                line_cap: LineCap::Round,
                                ..Stroke::default()
                            };
                            strokes.push((path, s));
                        }
                    }
                }
                Mark::Diamond { cx, cy, r } => {
                    fills.move_to(cx, cy - r);
                    fills.line_to(cx + r, cy);
                    fills.line_to(cx, cy + r);
                    fills.line_to(cx - r, cy);
                    fills.close();
                }
            }
        }
        if let Some(path) = fills.finish() {
            self.pixmap.fill_path(&path, &p, FillRule::Winding, t, None);
        }
        for (path, s) in strokes {
            self.pixmap.stroke_path(&path, &p, &s, t, None);
        }
    }

    fn eyes(&mut self, space: ModuleSpace, at: &[(f32, f32)], eye: &[Seg], ink: &Ink) {
        let Some(path) = build(eye) else { return };
        let p = paint(ink);
        for (x, y) in at {
            let t = self.module(space).pre_translate(*x, *y);
            self.pixmap.fill_path(&path, &p, FillRule::EvenOdd, t, None);
        }
    }

    fn logo(&mut self, space: ModuleSpace, logo: &Logo, [x, y, w, h]: [f32; 4]) {
        let base = self.module(space);
        match &logo.kind {
            LogoKind::Svg(tree) => {
                let size = tree.size();
                let t = base.pre_concat(Transform::from_row(
                    w / size.width(),
                    0.0,
                    0.0,
                    h / size.height(),
                    x,
                    y,
                ));
                let pixmap = &mut self.pixmap;
                logo.walk(&mut |paint_op| match paint_op {
                    LogoPaint::Fill { path, transform, ink, even_odd } => {
                        let rule = if even_odd { FillRule::EvenOdd } else { FillRule::Winding };
                        pixmap.fill_path(path, &paint(&ink), rule, t.pre_concat(transform), None);
                    }
                    LogoPaint::Stroke { path, transform, ink, stroke } => {
                        pixmap.stroke_path(
                            path,
                            &paint(&ink),
                            &stroke,
                            t.pre_concat(transform),
                            None,
                        );
                    }
                });
            }
            LogoKind::Raster(r) => {
                // Premultiplied, with the colours the PDF's CMYK conversion gives back.
                let mut data = Vec::with_capacity(r.rgba.len());
                for p in r.rgba.chunks_exact(4) {
                    let a = u16::from(p[3]);
                    for c in &p[..3] {
                        data.push(((u16::from(*c) * a + 127) / 255) as u8);
                    }
                    data.push(p[3]);
                }
                let size = tiny_skia::IntSize::from_wh(r.width, r.height);
                if let Some(img) = size.and_then(|s| Pixmap::from_vec(data, s)) {
                    let t = base.pre_concat(Transform::from_row(
                        w / r.width as f32,
                        0.0,
                        0.0,
                        h / r.height as f32,
                        x,
                        y,
                    ));
                    let pp = PixmapPaint {
                        quality: tiny_skia::FilterQuality::Bilinear,
                        ..PixmapPaint::default()
                    };
                    self.pixmap.draw_pixmap(0, 0, img.as_ref(), &pp, t, None);
                }
            }
        }
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
        if let Some(path) = build(&segs) {
            let s = Stroke { width: width as f32, ..Stroke::default() };
            let t = self.page();
            self.pixmap.stroke_path(&path, &paint(ink), &s, t, None);
        }
    }

    fn text(&mut self, text: &FittedText, x: f64, baseline: f64, ink: Option<&Ink>) {
        let segs = text_outline(text, x, baseline);
        if let Some(path) = build(&segs) {
            let p = match ink {
                Some(i) => paint(i),
                None => paint(&Ink::Cmyk([0.0; 4])),
            };
            let t = self.page();
            self.pixmap.fill_path(&path, &p, FillRule::Winding, t, None);
        }
    }
}
