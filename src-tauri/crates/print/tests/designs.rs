//! Label designs printed and checked as a print shop would: every word `pdftotext -bbox` finds
//! lies inside its field's box and reads as the row's text, every code decodes from the
//! rendered page, fonts are embedded as subsets, and the fit modes, anchors, font files and
//! many fields behave as the design says.

mod common;

use std::path::Path;
use std::sync::atomic::AtomicBool;

use common::*;
use qrdesk_print::design::{place, Design, DesignSpec};
use qrdesk_print::{imposition, run_with, Imposition, Placement, PrintJob, PrintOptions};

/// A word `pdftotext -bbox` found: its text and box in mm from the page's top-left.
#[derive(Debug)]
struct Word {
    text: String,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

fn words(pdf: &Path, page: u32) -> Vec<Word> {
    let p = page.to_string();
    let out = std::process::Command::new("pdftotext")
        .args(["-bbox", "-f", &p, "-l", &p])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext failed");
    let html = String::from_utf8_lossy(&out.stdout).to_string();
    let attr = |line: &str, name: &str| -> f64 {
        let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[at..].split('"').next().unwrap().parse::<f64>().unwrap() / PT_PER_MM
    };
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let text = l.split('>').nth(1).unwrap().split('<').next().unwrap();
            let text = text.replace("&amp;", "&").replace("&apos;", "'").replace("&#39;", "'");
            Word {
                text,
                x0: attr(l, "xMin"),
                y0: attr(l, "yMin"),
                x1: attr(l, "xMax"),
                y1: attr(l, "yMax"),
            }
        })
        .collect()
}

fn design(text: &str) -> Design {
    Design::resolve(&DesignSpec::parse(text, "test").unwrap(), Vec::new(), "test").unwrap()
}

fn print(job: &PrintJob, out: &Path) -> (qrdesk_print::PrintReport, Vec<Placement>) {
    let mut placed = Vec::new();
    let report =
        run_with(job, out, &|_| {}, &AtomicBool::new(false), &mut |p| placed.push(p.clone()))
            .unwrap();
    (report, placed)
}

/// Each field's box on the page for the label in `slot`.
fn page_boxes(d: &Design, imp: &Imposition, outer: f64, slot: u32) -> Vec<Option<[f64; 4]>> {
    let laid = place::place(d, imp, outer);
    let (lx, ly) = imp.label_origin(slot);
    laid.boxes.iter().map(|b| b.map(|a| [lx + a.x, ly + a.y, a.w, a.h])).collect()
}

/// Checks that every word lies in one field box of its label and that the words of each box
/// read as the field's text (lines joined by spaces; `cut` fields may end in an ellipsis).
fn check_words_in_boxes(pdf: &Path, d: &Design, imp: &Imposition, placed: &[Placement]) {
    let ws = words(pdf, 1);
    assert!(!ws.is_empty(), "pdftotext found no text");
    let tol = 0.35;
    let mut used = vec![false; ws.len()];
    for p in placed.iter().filter(|p| p.page == 1) {
        for (k, b) in page_boxes(d, imp, p.size, p.slot - 1).into_iter().enumerate() {
            let Some([x, y, w, h]) = b else { continue };
            let inside: Vec<usize> = (0..ws.len())
                .filter(|&i| {
                    let c = ((ws[i].x0 + ws[i].x1) / 2.0, (ws[i].y0 + ws[i].y1) / 2.0);
                    c.0 >= x && c.0 <= x + w && c.1 >= y && c.1 <= y + h
                })
                .collect();
            for &i in &inside {
                let wd = &ws[i];
                assert!(
                    wd.x0 >= x - tol && wd.x1 <= x + w + tol && wd.y0 >= y - tol && wd.y1 <= y + h + tol,
                    "word {wd:?} of label {} field {} sticks out of its box {x:.1},{y:.1} {w:.1}×{h:.1}",
                    p.slot,
                    k + 1
                );
                used[i] = true;
            }
            let found: Vec<&str> = inside.iter().map(|&i| ws[i].text.as_str()).collect();
            let expected: Vec<&str> = p.fields[k].split_whitespace().collect();
            assert_eq!(found, expected, "label {} field {}", p.slot, k + 1);
        }
    }
    let stray: Vec<&Word> = ws.iter().zip(&used).filter(|(_, u)| !**u).map(|(w, _)| w).collect();
    assert!(stray.is_empty(), "words outside every field box: {stray:?}");
}

fn decodes_in_order(pdf: &Path, imp: &Imposition, n: usize) {
    let page = render(pdf, 300);
    let found = decode_slots(&page[0], imp, n, 300);
    for (i, f) in found.iter().enumerate() {
        assert_eq!(f.len(), 1, "label {} should hold one readable code", i + 1);
        assert_eq!(f[0].text, url(i), "label {}", i + 1);
    }
}

const TABLE_TENT: &str = r#"
name = "Table tent"
code_position = "left"
[[fields]]
text = "{name}"
anchor = "right-of-code"
height = 7
font_size = 12
bold = true
fit = "shrink"
[[fields]]
text = "Scan for today's menu and the wine list"
anchor = "right-of-code"
height = 15
font_size = 7
fit = "wrap"
[[fields]]
text = "No. {serial:04}"
anchor = "right-of-code"
font_size = 7
align = "right"
"#;

#[test]
fn three_anchored_fields_land_in_their_boxes_and_every_code_decodes() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "rows.csv", 21);
    let d = design(TABLE_TENT);
    let job = csv_job(
        &csv,
        "avery-l7160",
        PrintOptions { design: Some(d.clone()), ..PrintOptions::default() },
    );
    let out = dir.path().join("tent.pdf");
    let (report, placed) = print(&job, &out);
    assert_eq!((report.codes, report.pages), (21, 1));
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(
        placed[4].fields,
        vec!["Table 0005", "Scan for today's menu and the wine list", "No. 0005"]
    );
    // The wrapped field takes more than one line; the bold one is bold.
    assert!(placed[0].lines.iter().filter(|l| l.field == 1).count() >= 2);
    assert!(placed[0].lines.iter().filter(|l| l.field == 0).all(|l| l.bold));
    let imp = imposition(&job).unwrap();
    check_words_in_boxes(&out, &d, &imp, &placed);
    decodes_in_order(&out, &imp, 21);
    let fonts = tool("pdffonts", &[], &out);
    assert!(fonts.contains("+DejaVuSans-Bold") && fonts.contains("+DejaVuSans "), "{fonts}");
    assert_eq!(fonts.matches(" yes yes ").count(), 2, "both faces embedded as subsets: {fonts}");
}

#[test]
fn fixed_boxes_with_the_code_on_top_and_a_font_file() {
    let dir = tempfile::tempdir().unwrap();
    let serif = Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf");
    assert!(serif.exists(), "the test command installs fonts-dejavu-core");
    std::fs::copy(serif, dir.path().join("Serif.ttf")).unwrap();
    let file = dir.path().join("shelf.toml");
    std::fs::write(
        &file,
        r#"
name = "Shelf"
code_position = "top"
code_size = 22
[[fields]]
text = "{name}"
x = 2
y = 26
width = 59.5
height = 5
font_size = 10
align = "center"
font = "Serif.ttf"
[[fields]]
text = "{url}"
x = 2
y = 31.5
width = 59.5
height = 5
font_size = 8
min_font_size = 4
fit = "shrink"
align = "center"
"#,
    )
    .unwrap();
    let d = Design::read(&file).unwrap();
    assert_eq!((d.name.as_str(), d.fonts.len()), ("Shelf", 1));
    let csv = write_csv(dir.path(), "rows.csv", 21);
    let job = csv_job(
        &csv,
        "avery-l7160",
        PrintOptions { design: Some(d.clone()), ..PrintOptions::default() },
    );
    let out = dir.path().join("shelf.pdf");
    let (report, placed) = print(&job, &out);
    assert_eq!(report.codes, 21);
    let imp = imposition(&job).unwrap();
    // The code sits at the top, centred, 22 mm with its quiet zone.
    let (lx, ly) = imp.label_origin(0);
    assert!((placed[0].size - 22.0).abs() < 1e-9);
    assert!(
        (placed[0].x - (lx + (imp.label_w - 22.0) / 2.0)).abs() < 1e-6 && placed[0].y - ly < 3.0
    );
    check_words_in_boxes(&out, &d, &imp, &placed);
    decodes_in_order(&out, &imp, 21);
    let fonts = tool("pdffonts", &[], &out);
    assert!(fonts.contains("+DejaVuSerif "), "the design's own font is embedded: {fonts}");
}

/// An OpenType font with CFF outlines (Nimbus Sans from fonts-urw-base35) is embedded whole as
/// FontFile3/OpenType, and its text reads back inside its box.
#[test]
fn an_opentype_cff_font_is_embedded_and_its_text_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let otf = Path::new("/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf");
    assert!(otf.exists(), "the test command installs fonts-urw-base35");
    std::fs::copy(otf, dir.path().join("Nimbus.otf")).unwrap();
    let file = dir.path().join("nimbus.toml");
    std::fs::write(
        &file,
        "[[fields]]\ntext = \"{name}\"\nanchor = \"right-of-code\"\nfont = \"Nimbus.otf\"\n",
    )
    .unwrap();
    let d = Design::read(&file).unwrap();
    let csv = write_csv(dir.path(), "rows.csv", 21);
    let job = csv_job(
        &csv,
        "avery-l7160",
        PrintOptions { design: Some(d.clone()), ..PrintOptions::default() },
    );
    let out = dir.path().join("nimbus.pdf");
    let (_, placed) = print(&job, &out);
    let fonts = tool("pdffonts", &[], &out);
    assert!(fonts.contains("NimbusSans-Regular") && fonts.contains("CID Type 0C"), "{fonts}");
    let imp = imposition(&job).unwrap();
    check_words_in_boxes(&out, &d, &imp, &placed);
    decodes_in_order(&out, &imp, 21);
}

#[test]
fn text_that_cannot_fit_is_cut_with_an_ellipsis_and_a_warning_naming_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("id,name,url\n");
    text.push_str(&format!("1,Short,{}\n", url(0)));
    text.push_str(&format!("2,{},{}\n", "Extraordinarily long table name ".repeat(8), url(1)));
    let csv = dir.path().join("rows.csv");
    std::fs::write(&csv, text).unwrap();
    for fit in ["shrink", "wrap", "shrink-wrap"] {
        let d = design(&format!(
            "[[fields]]\ntext = \"{{name}}\"\nanchor = \"right-of-code\"\nheight = 10\nfit = \"{fit}\"\n"
        ));
        let job = csv_job(
            &csv,
            "avery-l7160",
            PrintOptions { design: Some(d), ..PrintOptions::default() },
        );
        let out = dir.path().join(format!("{fit}.pdf"));
        let (report, placed) = print(&job, &out);
        assert_eq!(report.warnings.len(), 1, "{fit}: {:?}", report.warnings);
        assert!(report.warnings[0].starts_with("Row 2: field 1"), "{}", report.warnings[0]);
        assert!(placed[1].lines.last().unwrap().text.ends_with('…'), "{fit}");
        let lines = placed[1].lines.len();
        match fit {
            "shrink" => assert_eq!(lines, 1),
            _ => assert!(lines > 1, "{fit} wraps"),
        }
        if fit == "shrink-wrap" {
            assert!(placed[1].lines[0].size_pt < 9.0 && placed[0].lines[0].size_pt == 9.0);
        }
        assert_eq!(pdf_text(&out).matches('…').count(), 1, "{fit}");
    }
}

#[test]
fn many_fields_on_a_large_label() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "rows.csv", 4);
    let mut spec = String::from("code_position = \"left\"\ncode_size = 40\n");
    for k in 0..10 {
        spec.push_str(&format!(
            "[[fields]]\ntext = \"F{k} {{name}}\"\nx = 48\ny = {}\nwidth = 45\nheight = 5\nfont_size = 8\nbold = {}\n",
            4 + k * 5,
            k % 2 == 0
        ));
    }
    let d = design(&spec);
    let job = csv_job(
        &csv,
        "avery-l7165",
        PrintOptions { design: Some(d.clone()), ..PrintOptions::default() },
    );
    let out = dir.path().join("many.pdf");
    let (report, placed) = print(&job, &out);
    assert_eq!(report.codes, 4);
    assert_eq!(placed[3].fields[9], "F9 Table 0004");
    let imp = imposition(&job).unwrap();
    check_words_in_boxes(&out, &d, &imp, &placed);
    decodes_in_order(&out, &imp, 4);
}

#[test]
fn a_box_over_the_code_or_past_the_label_is_refused_with_the_field_named() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "rows.csv", 2);
    let over = design("code_position = \"left\"\n[[fields]]\ntext = \"x\"\nx = 5\ny = 5\nwidth = 20\nheight = 5\n");
    let job = csv_job(
        &csv,
        "avery-l7160",
        PrintOptions { design: Some(over), ..PrintOptions::default() },
    );
    let err = run_job(&job, &dir.path().join("a.pdf")).unwrap_err().to_string();
    assert!(err.contains("field 1") && err.contains("quiet zone"), "{err}");
    assert!(!dir.path().join("a.pdf").exists());
    let past = design(
        "code_size = 20\n[[fields]]\ntext = \"x\"\nx = 40\ny = 30\nwidth = 30\nheight = 5\n",
    );
    let job = csv_job(
        &csv,
        "avery-l7160",
        PrintOptions { design: Some(past), ..PrintOptions::default() },
    );
    let err = run_job(&job, &dir.path().join("b.pdf")).unwrap_err().to_string();
    assert!(err.contains("field 1") && err.contains("runs past"), "{err}");
    let bad =
        DesignSpec::parse("[[fields]]\ntext = \"x\"\nanchor = \"above\"\n", "d.toml").unwrap();
    let err = Design::resolve(&bad, Vec::new(), "d.toml").unwrap_err().to_string();
    assert!(err.contains("right-of-code"), "{err}");
    let unknown =
        DesignSpec::parse("[[fields]]\ntext = \"{nmae}\"\nanchor = \"below-code\"\n", "d").unwrap();
    let d = Design::resolve(&unknown, Vec::new(), "d").unwrap();
    let job =
        csv_job(&csv, "avery-l7160", PrintOptions { design: Some(d), ..PrintOptions::default() });
    let err = run_job(&job, &dir.path().join("c.pdf")).unwrap_err().to_string();
    assert!(err.contains("\"nmae\""), "{err}");
}
