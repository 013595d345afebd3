//! The calibration sheet: one page the size of the sheet, a cross on every label corner (read
//! back from the rendered page), rulers, and the instructions as real text.

mod common;

use common::*;
use qrdesk_print::{find_layout, write_calibration, Imposition, ResolveOptions};

#[test]
fn every_label_corner_has_a_cross_and_the_page_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("calibrate.pdf");
    let layout = find_layout("avery-l7160").unwrap();
    let sheet = write_calibration(&layout, None, &out).unwrap();
    assert_eq!(sheet.labels, 21);
    assert_eq!(sheet.ruler_mm, (190.0, 270.0));
    assert_eq!(page_count(&out), 1);
    let (media, _, _) = boxes(&out, 1);
    assert!((media[2] - 595.28).abs() < 0.1 && (media[3] - 841.89).abs() < 0.1, "A4: {media:?}");
    let text = pdf_text(&out);
    for words in ["QR Desk calibration sheet", "--offset -X,-Y", "--scale 190/L", "190 mm"] {
        assert!(text.contains(words), "{words} in {text}");
    }
    let imp = Imposition::resolve(&layout, ResolveOptions::default()).unwrap();
    let dpi = 150;
    let page = &render(&out, dpi)[0];
    let dark = |x_mm: f64, y_mm: f64| {
        let s = f64::from(dpi) / 25.4;
        let (px, py) = ((x_mm * s).round() as usize, (y_mm * s).round() as usize);
        // The cross's centre, or a pixel next to it (anti-aliasing of a 0.25 pt line).
        (py.saturating_sub(1)..=py + 1)
            .any(|y| (px.saturating_sub(1)..=px + 1).any(|x| page.px[y * page.w + x] < 128))
    };
    for slot in 0..21 {
        let (x, y) = imp.label_origin(slot);
        for (cx, cy) in [
            (x, y),
            (x + imp.label_w, y + imp.label_h),
            (x + imp.label_w / 2.0, y + imp.label_h / 2.0),
        ] {
            assert!(dark(cx, cy), "a cross at ({cx:.1}, {cy:.1}) mm, label {}", slot + 1);
            // 2 mm diagonally off the cross there is paper (away from the rulers' ticks).
            let (ox, oy) = (cx + 2.0, cy + 2.0);
            let near_ruler =
                (ox - imp.media_w / 2.0).abs() < 5.0 || (oy - imp.media_h / 2.0).abs() < 5.0;
            assert!(near_ruler || !dark(ox, oy), "no ink 2 mm off the cross at ({cx:.1}, {cy:.1})");
        }
    }
}

#[test]
fn one_per_page_has_nothing_to_calibrate_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.pdf");
    let err = write_calibration(&find_layout("one-per-page").unwrap(), None, &out).unwrap_err();
    assert!(err.to_string().contains("no label grid to calibrate"), "{err}");
    assert!(!out.exists());
}
