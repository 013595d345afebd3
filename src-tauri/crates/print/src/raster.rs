//! Rasterising a symbol's written geometry (the same rectangle list the PDF path is built from)
//! with tiny-skia, for `--verify` (decoded back with rqrr) and `--each png`.

use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Rect, Transform};

use crate::ink::Ink;
use crate::symbol::Symbol;

/// Renders `symbol` with a `quiet`-module quiet zone at `px_per_module` pixels per module, ink
/// on white. Returns `None` only if the size is impossible (zero or too large).
pub fn render(symbol: &Symbol, quiet: u16, px_per_module: f32, ink: &Ink) -> Option<Pixmap> {
    let side = f32::from(symbol.modules + 2 * quiet) * px_per_module;
    let px = side.ceil() as u32;
    let mut pixmap = Pixmap::new(px, px)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let mut pb = PathBuilder::new();
    for r in &symbol.rects {
        if let Some(rect) = Rect::from_xywh(
            f32::from(r.x + quiet),
            f32::from(r.y + quiet),
            f32::from(r.w),
            f32::from(r.h),
        ) {
            pb.push_rect(rect);
        }
    }
    let path = pb.finish()?;
    let [red, green, blue] = ink.to_rgb();
    let mut paint = Paint::default();
    paint.set_color_rgba8(to_u8(red), to_u8(green), to_u8(blue), 255);
    paint.anti_alias = false;
    pixmap.fill_path(
        &path,
        &paint,
        FillRule::Winding,
        Transform::from_scale(px_per_module, px_per_module),
        None,
    );
    Some(pixmap)
}

fn to_u8(v: f32) -> u8 {
    (v.clamp(0.0, 1.0) * 255.0).round() as u8
}

/// Pixels per module used by `--verify`.
const VERIFY_PX: f32 = 4.0;

/// Renders `symbol` exactly as it is written (the same rectangles, scaled) and decodes it with
/// rqrr; `Some(text)` when it reads.
///
/// The raster is sampled at every module centre and the resulting grid goes to rqrr's decoder
/// (format bits, error correction, data): finder detection is skipped because the position is
/// known, which keeps verification within a small factor of the job's own time. The quiet zone
/// ring must be blank in the raster too.
pub fn decode_back(symbol: &Symbol, quiet: u16, _module_mm: f64) -> Option<String> {
    let q = quiet.max(1);
    let pixmap = render(symbol, q, VERIFY_PX, &Ink::default())?;
    let w = pixmap.width() as usize;
    let data = pixmap.data();
    let dark_at = |mx: usize, my: usize| {
        let px = ((mx as f32 + 0.5) * VERIFY_PX) as usize;
        let py = ((my as f32 + 0.5) * VERIFY_PX) as usize;
        data.get((py * w + px) * 4).is_some_and(|v| *v < 128)
    };
    let n = usize::from(symbol.modules);
    let side = n + 2 * usize::from(q);
    let quiet_blank = (0..side).all(|y| {
        (0..side).all(|x| {
            let inside = (usize::from(q)..usize::from(q) + n).contains(&x)
                && (usize::from(q)..usize::from(q) + n).contains(&y);
            inside || !dark_at(x, y)
        })
    });
    if !quiet_blank {
        return None;
    }
    let grid =
        rqrr::SimpleGrid::from_func(n, |x, y| dark_at(x + usize::from(q), y + usize::from(q)));
    rqrr::Grid::new(grid).decode().ok().map(|(_, text)| text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::symbol::{encode, EcLevel};

    #[test]
    fn written_geometry_decodes_back() {
        for ec in [EcLevel::L, EcLevel::M, EcLevel::Q, EcLevel::H] {
            let url = "https://qr.example.com/r/Ab3xK9pQ";
            let s = encode(url, ec).unwrap();
            assert_eq!(decode_back(&s, 4, 0.8).as_deref(), Some(url), "{ec:?}");
        }
    }
}
