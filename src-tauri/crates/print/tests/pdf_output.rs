//! What the PDF holds: EC levels, captions as embedded-font text (Unicode), page boxes with
//! bleed and crop marks, no raster images, 100 % K by default, spot and RGB on request,
//! verification, the manifest, the live-preview page, CSV dialects and layout files.

mod common;

use common::*;
use qrdesk_print::{
    builtin_layouts, imposition, load_layout_file, render_preview_page, EcLevel, Ink, LayoutKind,
    PrintItem, PrintJob, PrintOptions, SizeSpec, Source,
};

fn items(n: usize, caption: &str) -> Source {
    Source::Items(
        (0..n)
            .map(|i| PrintItem {
                payload: url(i),
                fields: [("title".to_string(), format!("{caption} {}", i + 1))].into(),
            })
            .collect(),
    )
}

#[test]
fn every_ec_level_is_written_as_asked() {
    // rqrr reports the format bits: L = 1, M = 0, Q = 3, H = 2.
    for (ec, bits) in [(EcLevel::L, 1), (EcLevel::M, 0), (EcLevel::Q, 3), (EcLevel::H, 2)] {
        let dir = tempfile::tempdir().unwrap();
        let csv = write_csv(dir.path(), "in.csv", 3);
        let out = dir.path().join("out.pdf");
        let options = PrintOptions { ec, verify: true, ..PrintOptions::default() };
        let job = csv_job(&csv, "avery-l7163", options);
        let report = run_job(&job, &out).unwrap();
        assert!(report.verified);
        let imp = imposition(&job).unwrap();
        let slots = decode_slots(&render(&out, 200)[0], &imp, 3, 200);
        for (i, found) in slots.iter().enumerate() {
            assert_eq!(found.len(), 1, "{ec:?} slot {i}");
            assert_eq!(found[0].text, url(i));
            assert_eq!(found[0].ecc, bits, "{ec:?}");
        }
    }
}

#[test]
fn unicode_captions_are_real_text_in_an_embedded_subset_font() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.pdf");
    let job = PrintJob {
        source: items(4, "Café Ωmega Ünïcødé — 東京"),
        layout: qrdesk_print::find_layout("avery-l7165").unwrap(),
        options: PrintOptions { caption: Some("{title}".into()), ..PrintOptions::default() },
    };
    let report = run_job(&job, &out).unwrap();
    // The font has no CJK glyphs: reported per row, the rest is printed.
    assert_eq!(report.warnings.len(), 4, "{:?}", report.warnings);
    assert!(report.warnings[0].contains("Row 1") && report.warnings[0].contains("東京"));
    let text = pdf_text(&out);
    assert!(text.contains("Café Ωmega Ünïcødé — 1"), "{text}");
    let fonts = tool("pdffonts", &[], &out);
    let line = fonts.lines().find(|l| l.contains("DejaVuSans")).expect(&fonts);
    assert!(line.contains("CID TrueType"), "{line}");
    let cols: Vec<&str> = line.split_whitespace().collect();
    // name type… emb sub uni
    let n = cols.len();
    assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "embedded, subset, unicode: {line}");
    // Shrunk to fit: every caption stays inside its label.
    let imp = imposition(&job).unwrap();
    let slots = decode_slots(&render(&out, 200)[0], &imp, 4, 200);
    assert!(slots.iter().enumerate().all(|(i, f)| f.len() == 1 && f[0].text == url(i)));
}

#[test]
fn one_per_page_with_bleed_and_crop_marks_has_correct_boxes() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "in.csv", 3);
    let out = dir.path().join("out.pdf");
    let options = PrintOptions {
        size: SizeSpec::Symbol(30.0),
        bleed: 3.0,
        crop_marks: true,
        caption: Some("{name}".into()),
        ..PrintOptions::default()
    };
    let job = csv_job(&csv, "one-per-page", options);
    run_job(&job, &out).unwrap();
    assert_eq!(page_count(&out), 3);
    // Trim 30 × 38 mm (code + 8 mm caption band), bleed 3 mm, 8 mm slug for the marks.
    let (media, bleed, trim) = boxes(&out, 2);
    let mm = |v: f64| v * PT_PER_MM;
    let close = |a: [f64; 4], b: [f64; 4]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.01);
    assert!(close(media, [0.0, 0.0, mm(52.0), mm(60.0)]), "{media:?}");
    assert!(close(bleed, [mm(8.0), mm(8.0), mm(44.0), mm(52.0)]), "{bleed:?}");
    assert!(close(trim, [mm(11.0), mm(11.0), mm(41.0), mm(49.0)]), "{trim:?}");
    let streams = content_streams(&out);
    // Crop marks: registration colour strokes.
    assert!(streams.iter().any(|s| s.contains("1 1 1 1 K")), "crop marks drawn");
    let pages = render(&out, 300);
    for (i, page) in pages.iter().enumerate() {
        let found = decode(page);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, url(i));
        // The code's centre is 15 mm into the trim box (11 mm from the media edge).
        let cx = found[0].cx / (300.0 / 25.4);
        assert!((cx - 26.0).abs() < 0.5, "code centre at {cx} mm");
    }
}

#[test]
fn vector_only_and_100_percent_black_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "in.csv", 21);
    let out = dir.path().join("out.pdf");
    let job = csv_job(
        &csv,
        "avery-l7160",
        PrintOptions { caption: Some("{name}".into()), ..PrintOptions::default() },
    );
    run_job(&job, &out).unwrap();
    let images = tool("pdfimages", &["-list"], &out);
    assert_eq!(images.lines().count(), 2, "no raster images, only the header: {images}");
    let streams = content_streams(&out);
    let page = streams.iter().find(|s| s.contains(" re")).expect("a page content stream");
    // Dark modules: DeviceCMYK 0/0/0/1 set before the paths, nothing in RGB or grey.
    let first_re = page.find(" re").unwrap();
    assert!(page[..first_re].contains("0 0 0 1 k"), "{}", &page[..first_re.min(300)]);
    assert!(!page.contains(" rg") && !page.contains(" g\n") && !page.contains(" sc"));
    // Light modules are paper: one fill per code and no white fill anywhere.
    assert_eq!(page.matches("\nf\n").count() + page.matches(" f\n").count(), 21);
    assert!(!page.contains("0 0 0 0 k"));
    let bytes = std::fs::metadata(&out).unwrap().len();
    assert!(bytes / 21 < 1024 + 512, "{bytes} bytes for 21 codes with the font");
}

#[test]
fn spot_and_rgb_colours_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "in.csv", 2);
    let spot = dir.path().join("spot.pdf");
    let options = PrintOptions {
        ink: Ink::parse("spot:PANTONE 2955 C:100,45,0,37").unwrap(),
        ..PrintOptions::default()
    };
    run_job(&csv_job(&csv, "avery-l7160", options), &spot).unwrap();
    let raw = String::from_utf8_lossy(&std::fs::read(&spot).unwrap()).to_string();
    assert!(raw.contains("/Separation /PANTONE#202955#20C /DeviceCMYK"), "separation colour space");
    assert!(content_streams(&spot).iter().any(|s| s.contains("/CS0 cs") && s.contains("1 scn")));
    let rgb = dir.path().join("rgb.pdf");
    let options =
        PrintOptions { ink: Ink::parse("rgb:#003366").unwrap(), ..PrintOptions::default() };
    run_job(&csv_job(&csv, "avery-l7160", options), &rgb).unwrap();
    assert!(content_streams(&rgb).iter().any(|s| s.contains(" rg")));
    let imp = imposition(&csv_job(&csv, "avery-l7160", PrintOptions::default())).unwrap();
    for pdf in [&spot, &rgb] {
        let slots = decode_slots(&render(pdf, 200)[0], &imp, 2, 200);
        assert_eq!(slots[1][0].text, url(1));
    }
}

#[test]
fn start_at_calibration_manifest_and_cut_lines() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "in.csv", 4);
    let out = dir.path().join("out.pdf");
    let manifest = dir.path().join("manifest.csv");
    let options = PrintOptions {
        start_at: 20,
        cut_lines: true,
        crop_marks: true,
        manifest: Some(manifest.clone()),
        calibration: qrdesk_print::Calibration { offset: (1.0, 2.0), scale: (1.0, 1.0) },
        ..PrintOptions::default()
    };
    let job = csv_job(&csv, "avery-l7160", options);
    let report = run_job(&job, &out).unwrap();
    assert_eq!(report.pages, 2);
    let text = std::fs::read_to_string(&manifest).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "row,serial,line,page,slot,column,label_row,x_mm,y_mm,size_mm,payload");
    assert!(lines[1].starts_with("1,1,2,1,20,2,7,"), "{}", lines[1]);
    assert!(lines[3].starts_with("3,3,4,2,1,1,1,"), "{}", lines[3]);
    assert!(lines[3].ends_with(&url(2)));
    // Labels 20 and 21 on page 1, then 1 and 2 on page 2, shifted by the calibration offset.
    let imp = imposition(&job).unwrap();
    let pages = render(&out, 200);
    for (page, slot, row) in [(0, 19u32, 0usize), (0, 20, 1), (1, 0, 2), (1, 1, 3)] {
        let (x, y) = imp.label_origin(slot);
        let found = decode(&pages[page].crop_mm(x + 1.0, y + 2.0, imp.label_w, imp.label_h, 200));
        assert_eq!(found.len(), 1, "page {page} slot {slot}");
        assert_eq!(found[0].text, url(row));
    }
}

#[test]
fn preview_is_one_page_of_the_job() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "in.csv", 30);
    let job = csv_job(&csv, "avery-l7160", PrintOptions::default());
    let pdf = render_preview_page(&job, 1).unwrap();
    let path = dir.path().join("preview.pdf");
    std::fs::write(&path, pdf).unwrap();
    assert_eq!(page_count(&path), 1);
    let imp = imposition(&job).unwrap();
    let slots = decode_slots(&render(&path, 200)[0], &imp, 10, 200);
    assert_eq!(slots[0][0].text, url(21));
    assert_eq!(slots[8][0].text, url(29));
    assert!(slots[9].is_empty());
    assert!(render_preview_page(&job, 5).is_err());
}

#[test]
fn csv_with_bom_semicolons_and_quoted_newlines() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("in.csv");
    let text = format!("\u{feff}label;link\n\"Shelf\nA\";{}\nShelf B;{}\n", url(0), url(1));
    std::fs::write(&csv, text).unwrap();
    let out = dir.path().join("out.pdf");
    let mut job = csv_job(
        &csv,
        "avery-l7160",
        PrintOptions {
            caption: Some("{label} #{serial:04}".into()),
            serial_start: 7,
            ..PrintOptions::default()
        },
    );
    if let Source::Csv(c) = &mut job.source {
        c.column = Some("link".into());
    }
    let report = run_job(&job, &out).unwrap();
    assert_eq!(report.codes, 2);
    let text = pdf_text(&out);
    assert!(text.contains("ShelfA #0007") || text.contains("Shelf A #0007"), "{text}");
    assert!(text.contains("Shelf B #0008"), "{text}");
}

#[test]
fn layouts_from_a_toml_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shop.toml");
    std::fs::write(
        &file,
        r#"
[[layout]]
name = "shop-2x2"
description = "Four big labels"
page = "a4"
kind = "sheet"
columns = 2
rows = 2
label_width = 100.0
label_height = 140.0
left = 5.0
top = 8.5
pitch_x = 100.0
pitch_y = 140.0

[[layout]]
name = "bad-sheet"
page = "a4"
kind = "sheet"
columns = 3
rows = 1
label_width = 100.0
label_height = 100.0
left = 5.0
top = 5.0
pitch_x = 100.0
pitch_y = 100.0
"#,
    )
    .unwrap();
    let err = load_layout_file(&file).unwrap_err().to_string();
    assert!(err.contains("bad-sheet") && err.contains("off the page"), "{err}");
    std::fs::write(
        &file,
        std::fs::read_to_string(&file).unwrap().split("[[layout]]\nname = \"bad").next().unwrap(),
    )
    .unwrap();
    let layouts = load_layout_file(&file).unwrap();
    assert_eq!(layouts[0].name, "shop-2x2");
    let csv = write_csv(dir.path(), "in.csv", 4);
    let out = dir.path().join("out.pdf");
    let job = PrintJob {
        layout: layouts[0].clone(),
        ..csv_job(&csv, "avery-l7160", PrintOptions::default())
    };
    run_job(&job, &out).unwrap();
    let slots = decode_slots(&render(&out, 100)[0], &imposition(&job).unwrap(), 4, 100);
    assert!(slots.iter().enumerate().all(|(i, f)| f.len() == 1 && f[0].text == url(i)));
}

#[test]
fn label_geometry_matches_the_published_figures() {
    // (name, page, cols, rows, label w, h, left, top, pitch x, y) in mm, from Avery's published
    // template geometry.
    let inch = 25.4;
    let published = [
        ("avery-l7160", (210.0, 297.0), 3, 7, 63.5, 38.1, 7.25, 15.15, 66.04, 38.1),
        ("avery-l7161", (210.0, 297.0), 3, 6, 63.5, 46.6, 7.25, 8.7, 66.04, 46.6),
        ("avery-l7163", (210.0, 297.0), 2, 7, 99.1, 38.1, 4.65, 15.15, 101.6, 38.1),
        ("avery-l7165", (210.0, 297.0), 2, 4, 99.1, 67.7, 4.65, 13.1, 101.6, 67.7),
        ("avery-l7651", (210.0, 297.0), 5, 13, 38.1, 21.2, 4.75, 10.7, 40.6, 21.2),
        (
            "avery-5160",
            (8.5 * inch, 11.0 * inch),
            3,
            10,
            2.625 * inch,
            inch,
            0.1875 * inch,
            0.5 * inch,
            2.75 * inch,
            inch,
        ),
        (
            "avery-5161",
            (8.5 * inch, 11.0 * inch),
            2,
            10,
            4.0 * inch,
            inch,
            0.15625 * inch,
            0.5 * inch,
            4.1875 * inch,
            inch,
        ),
        (
            "avery-5163",
            (8.5 * inch, 11.0 * inch),
            2,
            5,
            4.0 * inch,
            2.0 * inch,
            0.15625 * inch,
            0.5 * inch,
            4.1875 * inch,
            2.0 * inch,
        ),
        (
            "avery-5164",
            (8.5 * inch, 11.0 * inch),
            2,
            3,
            4.0 * inch,
            10.0 / 3.0 * inch,
            0.15625 * inch,
            0.5 * inch,
            4.1875 * inch,
            10.0 / 3.0 * inch,
        ),
        (
            "avery-5167",
            (8.5 * inch, 11.0 * inch),
            4,
            20,
            1.75 * inch,
            0.5 * inch,
            0.28125 * inch,
            0.5 * inch,
            2.0625 * inch,
            0.5 * inch,
        ),
    ];
    let all = builtin_layouts();
    for (name, page, cols, rows, w, h, left, top, px, py) in published {
        let l = all.iter().find(|l| l.name == name).unwrap();
        l.check().unwrap();
        assert!((l.page_width - page.0).abs() < 1e-9 && (l.page_height - page.1).abs() < 1e-9);
        let LayoutKind::Sheet {
            columns,
            rows: r,
            label_width,
            label_height,
            left: lx,
            top: ty,
            pitch_x,
            pitch_y,
        } = l.kind.clone()
        else {
            panic!("{name} is a sheet");
        };
        assert_eq!((columns, r), (cols, rows), "{name}");
        for (got, want) in [
            (label_width, w),
            (label_height, h),
            (lx, left),
            (ty, top),
            (pitch_x, px),
            (pitch_y, py),
        ] {
            assert!((got - want).abs() < 1e-6, "{name}: {got} != {want}");
        }
        // Closes to the page: the right and bottom margins mirror the left and top.
        let right = page.0 - (left + f64::from(cols - 1) * px + w);
        let bottom = page.1 - (top + f64::from(rows - 1) * py + h);
        assert!(
            (right - left).abs() < 0.2 && (bottom - top).abs() < 0.2,
            "{name}: {right} {bottom}"
        );
    }
}

#[test]
fn default_size_is_the_largest_square_with_a_2mm_inset() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "in.csv", 1);
    let manifest = dir.path().join("m.csv");
    let out = dir.path().join("o.pdf");
    for (layout, caption, want) in [
        ("avery-l7160", true, 38.1 - 4.0), // wide label: caption beside, code = height − 4
        ("avery-l7160", false, 38.1 - 4.0), // no caption: min side − 4
        ("avery-l7165", false, 67.7 - 4.0),
        ("grid-a4", false, 45.0 - 4.0),
    ] {
        let options = PrintOptions {
            caption: caption.then(|| "{name}".to_string()),
            manifest: Some(manifest.clone()),
            ..PrintOptions::default()
        };
        run_job(&csv_job(&csv, layout, options), &out).unwrap();
        let m = std::fs::read_to_string(&manifest).unwrap();
        let size: f64 = m.lines().nth(1).unwrap().split(',').nth(9).unwrap().parse().unwrap();
        assert!((size - want).abs() < 0.01, "{layout} caption={caption}: {size}");
    }
}
