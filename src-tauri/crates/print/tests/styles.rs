//! Brand styles printed as a print shop checks them: every module shape × finder shape, an SVG
//! logo, a PNG logo and a frame, rendered with pdftoppm and every code decoded by rqrr; colour
//! operators, images, fonts and EC level read from the PDF itself; every guard rail refused with
//! its sentence and no file written.

mod common;

use std::path::Path;

use common::*;
use qrdesk_print::style::{FinderShape, ModuleShape, Style, StyleSpec};
use qrdesk_print::{find_layout, EcLevel, Imposition, PrintError, PrintOptions, ResolveOptions};

const SVG_LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 60" width="100" height="60">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#e4572e"/><stop offset="1" stop-color="#f3a712"/></linearGradient></defs>
  <rect x="2" y="2" width="96" height="56" rx="10" fill="url(#g)"/>
  <circle cx="50" cy="30" r="18" fill="#1a4d8f" stroke="#ffffff" stroke-width="4"/>
</svg>"##;

fn style_file(dir: &Path, toml: &str) -> Style {
    let path = dir.join("style.toml");
    std::fs::write(&path, toml).unwrap();
    Style::from_file(&path).unwrap()
}

fn png_logo(dir: &Path, side: u32) {
    let img = image::RgbaImage::from_fn(side, side, |x, y| {
        let edge = x < side / 8 || y < side / 8 || x >= side - side / 8 || y >= side - side / 8;
        if edge {
            image::Rgba([0, 0, 0, 0])
        } else {
            image::Rgba([200, 30, (x * 255 / side) as u8, 255])
        }
    });
    img.save(dir.join("logo.png")).unwrap();
}

fn styled(style: Style) -> PrintOptions {
    PrintOptions { style: Some(style), ..PrintOptions::default() }
}

/// Prints `rows` on L7160, renders at 300 dpi and decodes each label: returns each label's ECC.
fn print_and_decode(
    dir: &Path,
    options: PrintOptions,
    rows: usize,
) -> (std::path::PathBuf, Vec<u16>) {
    let csv = write_csv(dir, "rows.csv", rows);
    let job = csv_job(&csv, "avery-l7160", options);
    let out = dir.join("styled.pdf");
    run_job(&job, &out).unwrap();
    let imp = Imposition::resolve(&find_layout("avery-l7160").unwrap(), ResolveOptions::default())
        .unwrap();
    let pages = render(&out, 300);
    let mut eccs = Vec::new();
    for (i, found) in decode_slots(&pages[0], &imp, rows, 300).into_iter().enumerate() {
        assert_eq!(found.len(), 1, "label {} decodes once", i + 1);
        assert_eq!(found[0].text, url(i), "label {} reads its own row", i + 1);
        eccs.push(found[0].ecc);
    }
    (out, eccs)
}

fn rgb_operators(pdf: &Path) -> usize {
    content_streams(pdf)
        .iter()
        .flat_map(|s| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|op| op == "rg" || op == "RG")
        .count()
}

#[test]
fn every_module_shape_with_every_finder_shape_decodes() {
    let dir = tempfile::tempdir().unwrap();
    for modules in ModuleShape::ALL {
        for finder in FinderShape::ALL {
            let style = style_file(
                dir.path(),
                &format!(
                    "dark = \"cmyk:100,72,0,18\"\nmodules = \"{}\"\nfinder = \"{}\"\nfinder_center = \"{}\"\n",
                    modules.word(),
                    finder.word(),
                    finder.word()
                ),
            );
            let (pdf, _) = print_and_decode(dir.path(), styled(style), 3);
            assert_eq!(rgb_operators(&pdf), 0, "{modules:?}/{finder:?}: no RGB");
        }
    }
}

#[test]
fn an_svg_logo_stays_vector_cmyk_and_forces_level_h() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("logo.svg"), SVG_LOGO).unwrap();
    let style = style_file(
        dir.path(),
        "name = \"Autumn\"\ndark = \"spot:PANTONE 286 C:100,72,0,18\"\nmodules = \"rounded\"\n\
         finder = \"rounded\"\nfinder_center = \"circle\"\nlogo = \"logo.svg\"\nlogo_size = 0.25\n\
         frame = \"Scan me\"\nframe_color = \"cmyk:0,80,95,0\"\n",
    );
    let (pdf, eccs) = print_and_decode(dir.path(), styled(style), 21);
    assert!(eccs.iter().all(|e| *e == 2), "level H with a logo (format bits 2): {eccs:?}");
    assert_eq!(rgb_operators(&pdf), 0, "the logo's RGB became CMYK");
    assert!(tool("pdfimages", &["-list"], &pdf).lines().nth(2).is_none(), "no images");
    let text = pdf_text(&pdf);
    assert_eq!(text.matches("Scan me").count(), 21, "frame text is real text: {text}");
    assert!(tool("pdffonts", &[], &pdf).contains("DejaVu"), "embedded font");
    let streams = content_streams(&pdf).join("\n");
    assert!(streams.contains("/QL Do") && streams.contains("/QE Do"), "logo and eyes reused");
    assert!(std::fs::read(&pdf).unwrap().windows(13).any(|w| w == b"PANTONE#20286"), "Separation");
}

#[test]
fn a_png_logo_is_one_image_reused_on_every_label() {
    let dir = tempfile::tempdir().unwrap();
    png_logo(dir.path(), 64);
    let style =
        style_file(dir.path(), "modules = \"dots\"\nlogo = \"logo.png\"\nlogo_size = 0.2\n");
    let options = PrintOptions { verify: true, ..styled(style) };
    let csv = write_csv(dir.path(), "rows.csv", 21);
    let out = dir.path().join("png.pdf");
    let report = run_job(&csv_job(&csv, "avery-l7160", options), &out).unwrap();
    assert!(
        report.warnings.iter().any(|w| w.contains("dpi")),
        "low-resolution warning: {:?}",
        report.warnings
    );
    let list = tool("pdfimages", &["-list"], &out);
    // pdfimages lists every use of an image: 21 uses, all of one object (column "object ID").
    let uses: Vec<Vec<&str>> = list
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|cols| cols.get(2) == Some(&"image"))
        .collect();
    assert_eq!(uses.len(), 21, "the logo on every label: {list}");
    let objects: std::collections::BTreeSet<&str> = uses.iter().map(|c| c[10]).collect();
    assert_eq!(objects.len(), 1, "one image object: {list}");
    assert!(list.contains("cmyk"), "the picture is CMYK: {list}");
    let (_, eccs) = print_and_decode(
        dir.path(),
        styled(style_file(
            dir.path(),
            "modules = \"dots\"\nlogo = \"logo.png\"\nlogo_size = 0.2\n",
        )),
        21,
    );
    assert!(eccs.iter().all(|e| *e == 2));
}

#[test]
fn rgb_is_written_only_when_asked_and_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let style = style_file(dir.path(), "dark = \"rgb:#1a4d8f\"\n");
    let csv = write_csv(dir.path(), "rows.csv", 2);
    let out = dir.path().join("rgb.pdf");
    let report = run_job(&csv_job(&csv, "avery-l7160", styled(style)), &out).unwrap();
    assert!(report.warnings.iter().any(|w| w.contains("RGB")));
    assert!(rgb_operators(&out) > 0);
}

fn refused(dir: &Path, options: PrintOptions, expect: &str) {
    let csv = write_csv(dir, "rows.csv", 2);
    let out = dir.join("refused.pdf");
    let err = run_job(&csv_job(&csv, "avery-l7160", options), &out).unwrap_err();
    assert!(matches!(err, PrintError::BadOption(_)), "{err:?}");
    assert!(err.to_string().contains(expect), "{err} should say {expect}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn every_guard_rail_refuses_with_its_sentence_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("logo.svg"), SVG_LOGO).unwrap();
    let pale = style_file(dir.path(), "dark = \"cmyk:0,0,0,15\"\n");
    refused(dir.path(), styled(pale), "low contrast");
    let inverted = style_file(dir.path(), "dark = \"cmyk:0,0,0,5\"\nlight = \"k\"\n");
    refused(dir.path(), styled(inverted), "inverted");
    let big = style_file(dir.path(), "logo = \"logo.svg\"\nlogo_size = 0.4\n");
    refused(dir.path(), styled(big), "30 %");
    let logo = style_file(dir.path(), "logo = \"logo.svg\"\n");
    let low_ec = PrintOptions { ec: EcLevel::L, ec_chosen: true, ..styled(logo) };
    refused(dir.path(), low_ec, "only level H");
    let err = StyleSpec::parse("modules = \"stars\"\n", "x.toml").map(|s| Style::resolve(&s, None));
    assert!(err.unwrap().unwrap_err().to_string().contains("square, rounded, dots"));
}
