//! `--each svg|pdf|png`: one file per code, named by row, each decoding to its payload; a bad
//! row leaves no folder behind.

mod common;

use std::sync::atomic::AtomicBool;

use common::*;
use qrdesk_print::{run_each, EachFormat, PrintOptions, SizeSpec};

fn each(format: EachFormat, rows: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "in.csv", rows);
    let out = dir.path().join("codes");
    let options = PrintOptions { size: SizeSpec::Symbol(25.0), ..PrintOptions::default() };
    let report = run_each(
        &csv_job(&csv, "one-per-page", options),
        format,
        &out,
        &|_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(report.codes as usize, rows);
    (dir, out)
}

#[test]
fn each_pdf_is_one_vector_page_per_code() {
    let (_dir, out) = each(EachFormat::Pdf, 3);
    for i in 0..3 {
        let pdf = out.join(format!("{:05}.pdf", i + 1));
        let (media, _, _) = boxes(&pdf, 1);
        assert!((media[2] - 25.0 * PT_PER_MM).abs() < 0.01, "{media:?}");
        let found = decode(&render(&pdf, 300)[0]);
        assert_eq!(found[0].text, url(i));
        assert_eq!(tool("pdfimages", &["-list"], &pdf).lines().count(), 2);
    }
}

#[test]
fn each_png_decodes() {
    let (_dir, out) = each(EachFormat::Png, 2);
    for i in 0..2 {
        let data = std::fs::read(out.join(format!("{:05}.png", i + 1))).unwrap();
        let pixmap = tiny_skia::Pixmap::decode_png(&data).unwrap();
        let (w, h) = (pixmap.width() as usize, pixmap.height() as usize);
        // 25 mm at 300 dpi.
        assert!((w as f64 - 25.0 / 25.4 * 300.0).abs() < 40.0, "{w}");
        let px = pixmap.data().chunks(4).map(|p| p[0]).collect();
        let found = decode(&Gray { w, h, px });
        assert_eq!(found[0].text, url(i));
    }
}

#[test]
fn each_svg_is_one_path_in_millimetres() {
    let (_dir, out) = each(EachFormat::Svg, 2);
    for i in 0..2 {
        let svg = std::fs::read_to_string(out.join(format!("{:05}.svg", i + 1))).unwrap();
        assert!(svg.contains("width=\"25.000mm\"") && svg.contains("viewBox=\"0 0 37 37\""));
        assert_eq!(svg.matches("<path").count(), 1);
        assert!(!svg.contains("<image"));
        // Rasterise the path independently of the engine: fill every "M x y h w v h" box.
        let d = svg.split("d=\"").nth(1).unwrap().split('"').next().unwrap();
        let scale = 6usize;
        let side = 37 * scale;
        let mut px = vec![255u8; side * side];
        for part in d.split('M').filter(|p| !p.is_empty()) {
            let nums: Vec<usize> = part
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect();
            let (x, y, w, h) = (nums[0], nums[1], nums[2], nums[3]);
            for yy in y * scale..(y + h) * scale {
                for xx in x * scale..(x + w) * scale {
                    px[yy * side + xx] = 0;
                }
            }
        }
        let found = decode(&Gray { w: side, h: side, px });
        assert_eq!(found[0].text, url(i));
    }
}

#[test]
fn each_with_a_bad_row_leaves_no_folder() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("in.csv");
    std::fs::write(&csv, format!("name,url\nA,{}\nB,\n", url(0))).unwrap();
    let out = dir.path().join("codes");
    let err = run_each(
        &csv_job(&csv, "one-per-page", PrintOptions::default()),
        EachFormat::Svg,
        &out,
        &|_| {},
        &AtomicBool::new(false),
    )
    .unwrap_err();
    assert!(err.to_string().starts_with("Row 2 [line 3]"), "{err}");
    assert!(!out.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "only the CSV remains");
}
