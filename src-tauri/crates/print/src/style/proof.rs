//! The decode proof: a styled code rasterised exactly as it is drawn (at 300 dpi and its printed
//! size, inks mapped to the grey a camera sees) and read back by a decoder that finds the code on
//! its own — never the encoder that made it. rqrr reads square finders fast; its finder locator
//! takes the ring's outer corners, which rounded and circular eyes do not have, so ZXing's
//! algorithm (`rxing`, which measures 1:1:3:1:1 runs through the eye's centre, as phone
//! scanners do) reads whatever rqrr does not.

use super::render::raster;
use super::Style;
use crate::symbol::ModuleMatrix;

/// Resolution of the proof.
pub const PROOF_DPI: f64 = 300.0;

/// What the proof read, if anything.
pub fn decode_styled(
    style: &Style,
    matrix: &ModuleMatrix,
    quiet: u16,
    side_mm: f64,
    frame_text: &str,
    dpi: f64,
) -> Option<String> {
    let canvas = raster(style, matrix, quiet, side_mm, frame_text, dpi)?;
    let grey = canvas.grey();
    let (w, h) = (canvas.pixmap.width() as usize, canvas.pixmap.height() as usize);
    decode_grey(grey, w, h)
}

/// Finds and decodes a QR code in a grey picture: rqrr first, then ZXing's detector.
pub fn decode_grey(grey: Vec<u8>, w: usize, h: usize) -> Option<String> {
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| grey[y * w + x]);
    if let Some(text) =
        img.detect_grids().into_iter().find_map(|g| g.decode().ok().map(|(_, text)| text))
    {
        return Some(text);
    }
    crate::raster::find_and_decode(grey, w, h)
}

/// `true` when the code drawn in `style` at `side_mm` reads back as `payload`.
pub fn scans(
    style: &Style,
    matrix: &ModuleMatrix,
    quiet: u16,
    side_mm: f64,
    frame_text: &str,
    payload: &str,
) -> bool {
    decode_styled(style, matrix, quiet, side_mm, frame_text, PROOF_DPI).as_deref() == Some(payload)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::{FinderShape, StyleSpec};
    use crate::symbol::{encode_matrix, EcLevel};

    #[test]
    fn every_finder_shape_reads_back_and_a_broken_code_does_not() {
        let url = "https://qr.example.com/r/Ab3xK9pQ";
        let (_, m) = encode_matrix(url, EcLevel::M).unwrap();
        for finder in FinderShape::ALL {
            let text = format!("finder = \"{}\"\nfinder_center = \"circle\"\n", finder.word());
            let style = Style::resolve(&StyleSpec::parse(&text, "t").unwrap(), None).unwrap();
            assert!(scans(&style, &m, 4, 30.0, "", url), "{finder:?}");
        }
        let mut broken = m.clone();
        for (i, c) in broken.cells.iter_mut().enumerate() {
            if i % 3 == 0 {
                *c ^= crate::symbol::DARK;
            }
        }
        let plain = Style::resolve(&StyleSpec::default(), None).unwrap();
        assert!(!scans(&plain, &broken, 4, 30.0, "", url));
    }
}
