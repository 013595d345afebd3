//! Rasterising a symbol's written geometry (the same rectangle list the PDF path is built from):
//! with tiny-skia for `--each png`, and as a plain grey picture for `--verify`, which a decoder
//! must find and read on its own (rxing, ZXing's detector and decoder).

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

/// Pixels per module of the `--verify` raster: the fewest at which ZXing's detector still finds
/// every code of the benchmark's 10,000 (measured, README "Print benchmark").
const VERIFY_PX: usize = 2;

/// Rasterises `symbol` exactly as it is written (the same rectangles the PDF path is made of,
/// at [`VERIFY_PX`] pixels per module, with its quiet zone) and hands the picture to a decoder
/// that has to find the code on its own; `Some(text)` when it reads.
///
/// The decoder is rxing's port of ZXing (finder patterns found by their 1:1:3:1:1 runs, the
/// grid sampled through a perspective transform, Reed–Solomon correction), not the encoder's
/// own code. Measured per code (v3, 10,000 codes): ~80 µs with the raster, against ~8 ms for
/// rqrr's detector on the same pictures, which is why rqrr is not used here.
pub fn decode_back(symbol: &Symbol, quiet: u16, _module_mm: f64) -> Option<String> {
    let (grey, side) = verify_raster(symbol, quiet);
    find_and_decode(grey, side, side)
}

/// The grey picture `decode_back` reads: ink 0 on paper 255, `side` × `side` pixels.
fn verify_raster(symbol: &Symbol, quiet: u16) -> (Vec<u8>, usize) {
    let q = usize::from(quiet.max(1));
    let n = usize::from(symbol.modules);
    let side = (n + 2 * q) * VERIFY_PX;
    let mut grey = vec![255u8; side * side];
    for r in &symbol.rects {
        let (x0, y0) = ((usize::from(r.x) + q) * VERIFY_PX, (usize::from(r.y) + q) * VERIFY_PX);
        let (x1, y1) = (x0 + usize::from(r.w) * VERIFY_PX, y0 + usize::from(r.h) * VERIFY_PX);
        for row in grey.chunks_exact_mut(side).take(y1.min(side)).skip(y0) {
            row[x0.min(side)..x1.min(side)].fill(0);
        }
    }
    (grey, side)
}

/// Finds and decodes a QR code in a `w` × `h` grey picture with ZXing (rxing): its QR reader
/// on the picture as it is; if that misses, the multi-format reader trying harder (rotations,
/// the hybrid binariser), as a phone's scanner would go on looking. Also the styled proof's
/// reader when rqrr finds nothing.
pub(crate) fn find_and_decode(grey: Vec<u8>, w: usize, h: usize) -> Option<String> {
    use rxing::common::GlobalHistogramBinarizer;
    use rxing::{BarcodeFormat, BinaryBitmap, Luma8LuminanceSource, Reader};
    let (w, h) = (u32::try_from(w).ok()?, u32::try_from(h).ok()?);
    let source = Luma8LuminanceSource::new(grey.clone(), w, h).ok()?;
    let mut bitmap = BinaryBitmap::new(GlobalHistogramBinarizer::new(source));
    if let Ok(found) = rxing::qrcode::QRCodeReader.decode(&mut bitmap) {
        return Some(found.getText().to_string());
    }
    rxing::helpers::detect_in_luma(grey, w, h, Some(BarcodeFormat::QR_CODE))
        .ok()
        .map(|found| found.getText().to_string())
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

    #[test]
    fn utf8_payloads_decode_back_as_typed() {
        // E6 97 A5 (日) would read as a Shift JIS kanji pair if segmented as one.
        for text in ["https://例え.jp/日本語", "Café crème — 3 €", "Ünïcödé 🙂 ok"]
        {
            let s = encode(text, EcLevel::M).unwrap();
            assert_eq!(decode_back(&s, 4, 0.8).as_deref(), Some(text), "{text}");
        }
    }

    #[test]
    fn large_versions_decode_back() {
        for (len, ec) in
            [(200, EcLevel::L), (600, EcLevel::M), (1200, EcLevel::Q), (1200, EcLevel::H)]
        {
            let payload: String = (0..len).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
            let s = encode(&payload, ec).unwrap();
            assert!(s.version() >= 9, "{len} bytes at {ec:?} is version {}", s.version());
            assert_eq!(decode_back(&s, 4, 0.8).as_deref(), Some(payload.as_str()), "{ec:?}");
        }
    }

    #[test]
    fn the_decoder_finds_the_code_where_it_is() {
        let url = "https://qr.example.com/r/Ab3xK9pQ";
        let mut s = encode(url, EcLevel::M).unwrap();
        // Moved 7 modules right and 3 down inside a wide margin: nobody tells the decoder.
        for r in &mut s.rects {
            r.x += 7;
            r.y += 3;
        }
        assert_eq!(decode_back(&s, 12, 0.8).as_deref(), Some(url));
    }

    #[test]
    fn a_code_without_its_finder_patterns_does_not_read() {
        let s = encode("https://qr.example.com/r/Ab3xK9pQ", EcLevel::H).unwrap();
        let n = s.modules;
        // Everything inside the three 7 × 7 finder patterns removed: error correction cannot
        // bring back what locates the code, so the check must fail.
        let in_finder = |x: u16, y: u16| (x < 7 || x >= n - 7) && y < 7 || x < 7 && y >= n - 7;
        let mut broken = s.clone();
        broken.rects.retain(|r| !in_finder(r.x, r.y));
        assert_eq!(decode_back(&broken, 4, 0.8), None);
    }
}
