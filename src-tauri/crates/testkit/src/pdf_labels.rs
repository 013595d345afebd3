//! Reading a printed sheet back as a print shop would: a PDF page rendered by poppler's
//! `pdftoppm` at 300 dpi, and the QR code on each label decoded by rqrr (an independent decoder)
//! from that label's own pixels, so a code printed off its label, scaled or shifted, is not found.

use std::path::Path;
use std::process::Command;

/// A label's rectangle on the page, mm from the top-left corner.
#[derive(Debug, Clone, Copy)]
pub struct LabelRect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// The first `n` labels of an Avery L7160 page (3 × 7 labels of 63.5 × 38.1 mm, 7.2 mm and
/// 15.15 mm from the left and top edges), in label order.
pub fn avery_l7160(n: usize) -> Vec<LabelRect> {
    (0..n)
        .map(|slot| LabelRect {
            x: 7.2 + (slot % 3) as f64 * 66.04,
            y: 15.15 + (slot / 3) as f64 * 38.1,
            w: 63.5,
            h: 38.1,
        })
        .collect()
}

/// Every code rqrr reads inside each of `labels` on page `page` (from 1) of `pdf`.
pub fn decode_labels(pdf: &Path, page: u32, labels: &[LabelRect]) -> Vec<Vec<String>> {
    let p = page.to_string();
    let out = Command::new("pdftoppm")
        .args(["-r", "300", "-gray", "-f", &p, "-l", &p])
        .arg(pdf)
        .output()
        .expect("pdftoppm runs (poppler-utils)");
    assert!(out.status.success(), "pdftoppm failed on {}", pdf.display());
    let pgm = out.stdout;
    // P5 header: magic, width, height, maxval, separated by whitespace, then one byte.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).to_string());
    }
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let px = &pgm[at + 1..];
    assert!(px.len() >= w * h, "short image");
    let dots = |mm: f64| (mm * 300.0 / 25.4).round().max(0.0) as usize;
    labels
        .iter()
        .map(|r| {
            let (x0, y0) = (dots(r.x).min(w), dots(r.y).min(h));
            let (lw, lh) = (dots(r.w).min(w - x0), dots(r.h).min(h - y0));
            let mut img = rqrr::PreparedImage::prepare_from_greyscale(lw, lh, |x, y| {
                px[(y0 + y) * w + x0 + x]
            });
            img.detect_grids().into_iter().filter_map(|g| g.decode().ok().map(|(_, t)| t)).collect()
        })
        .collect()
}

/// The one code on each of the first `n` L7160 labels of page `page`, in label order (panics,
/// naming the label, when a label holds none or several).
pub fn l7160_codes(pdf: &Path, page: u32, n: usize) -> Vec<String> {
    decode_labels(pdf, page, &avery_l7160(n))
        .into_iter()
        .enumerate()
        .map(|(i, mut found)| {
            assert_eq!(found.len(), 1, "label {} of page {page}: {found:?}", i + 1);
            found.remove(0)
        })
        .collect()
}
