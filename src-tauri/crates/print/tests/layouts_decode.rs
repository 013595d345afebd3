//! Every built-in layout: print a sheet, render it with pdftoppm, decode every code with rqrr
//! and check it sits in its own label, in row-major order, with the right payload.

mod common;

use common::*;
use qrdesk_print::{builtin_layouts, find_layout, imposition, LayoutKind, PrintOptions};

/// Prints `pages` pages of `name` (the last one with up to 3 codes), decodes every label and
/// checks the empty ones stay empty. `short` payloads fit the smallest labels.
fn check_layout(name: &str, pages: usize, short: bool) {
    let dir = tempfile::tempdir().unwrap();
    let layout = find_layout(name).unwrap();
    let options = PrintOptions {
        caption: Some("{name}".into()),
        size: if matches!(layout.kind, LayoutKind::OnePerPage) {
            qrdesk_print::SizeSpec::Symbol(30.0)
        } else {
            qrdesk_print::SizeSpec::Auto
        },
        ..PrintOptions::default()
    };
    let csv = dir.path().join("rows.csv");
    let job = csv_job(&csv, name, options);
    let imp = imposition(&job).unwrap();
    let per_page = imp.per_page() as usize;
    let rows = per_page * (pages - 1) + per_page.clamp(1, 3);
    let payload = |i: usize| {
        if short {
            format!("https://x.co/{i}")
        } else {
            url(i)
        }
    };
    let mut text = String::from("name,url\n");
    for i in 0..rows {
        text.push_str(&format!("Table {:04},{}\n", i + 1, payload(i)));
    }
    std::fs::write(&csv, text).unwrap();
    let out = dir.path().join("out.pdf");
    let report = run_job(&job, &out).unwrap();
    assert_eq!(report.codes as usize, rows, "{name}");
    assert_eq!(page_count(&out), pages, "{name}");
    // At least ~5 pixels per module, as a phone camera would need.
    let dpi = if short { 450 } else { 300 };
    let pages_img = render(&out, dpi);
    assert_eq!(pages_img.len(), pages);
    for (p, img) in pages_img.iter().enumerate() {
        let first = p * per_page;
        let expected = (rows - first).min(per_page);
        let slots = decode_slots(img, &imp, per_page, dpi);
        for (slot, found) in slots.iter().enumerate() {
            if slot < expected {
                assert_eq!(found.len(), 1, "{name} page {} slot {slot}: {found:?}", p + 1);
                assert_eq!(
                    found[0].text,
                    payload(first + slot),
                    "{name} page {} slot {slot}",
                    p + 1
                );
            } else {
                assert!(found.is_empty(), "{name} page {} slot {slot} should be empty", p + 1);
            }
        }
    }
}

#[test]
fn avery_l7160_two_pages() {
    check_layout("avery-l7160", 2, false);
}

#[test]
fn every_other_builtin_layout() {
    for layout in builtin_layouts() {
        if layout.name == "avery-l7160" {
            continue;
        }
        // Avery 5167 is 12.7 mm tall: only short payloads keep modules above 0.25 mm.
        check_layout(&layout.name, 1, layout.name == "avery-5167");
    }
}
