//! The gLabels template catalogue as `glabels-data` installs it (the test command installs the
//! package): every file read, aliases and round labels kept, the built-in sheets compared with
//! the catalogue's figures (differences over 0.1 mm reported; the built-ins follow the makers'
//! datasheets), searches by product code and by size, and a round label printed with its code
//! inside the circle.

mod common;

use common::*;
use qrdesk_print::{
    find_layout, read_catalogue, search_layouts, template_dirs, Imposition, LabelShape, LayoutKind,
    PrintOptions, ResolveOptions,
};

fn dirs() -> Vec<std::path::PathBuf> {
    let dirs = template_dirs();
    assert!(
        !dirs.is_empty(),
        "the gLabels catalogue is not installed: apt-get install glabels-data (scripts/setup.sh test)"
    );
    dirs
}

#[test]
fn the_installed_catalogue_is_read_with_aliases_and_round_labels() {
    let cat = read_catalogue(&dirs());
    eprintln!(
        "{} files, {} templates, {} sheets, {} left out",
        cat.files.len(),
        cat.templates,
        cat.layouts.len(),
        cat.skipped.len()
    );
    let mut reasons: std::collections::BTreeMap<String, usize> = Default::default();
    for s in &cat.skipped {
        let why = s.rsplit("): ").next().unwrap_or(s);
        let why: String = why.split(['"', '(']).next().unwrap_or(why).chars().take(70).collect();
        *reasons.entry(why).or_default() += 1;
    }
    eprintln!("left out, by reason: {reasons:#?}");
    assert!(cat.files.len() >= 30, "glabels-data has 35 template files: {:?}", cat.files);
    assert!(cat.templates >= 1700, "{} templates", cat.templates);
    assert!(cat.layouts.len() >= 1500, "{} sheets", cat.layouts.len());
    let names: std::collections::HashSet<&str> =
        cat.layouts.iter().map(|l| l.name.as_str()).collect();
    for name in ["avery-l7160", "avery-j8160", "avery-l7162", "zweckform-3490", "herma-4608"] {
        assert!(names.contains(name), "{name} is in the catalogue");
    }
    assert!(cat.layouts.iter().any(|l| l.shape == LabelShape::Round));
    assert!(cat.layouts.iter().any(|l| l.shape == LabelShape::Ellipse));
    assert!(cat.skipped.iter().any(|s| s.contains("CD and DVD")), "CD labels are left out");
    for l in &cat.layouts {
        l.check().unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn the_built_in_sheets_are_compared_with_the_catalogue_to_a_tenth_of_a_millimetre() {
    let cat = read_catalogue(&dirs());
    let mut compared = 0;
    let mut differences = Vec::new();
    for builtin in qrdesk_print::builtin_layouts() {
        let LayoutKind::Sheet { .. } = builtin.kind else { continue };
        let Some(theirs) = cat.layouts.iter().find(|l| l.name == builtin.name) else {
            eprintln!("{}: not in the gLabels catalogue", builtin.name);
            continue;
        };
        compared += 1;
        let imp = |l| Imposition::resolve(l, ResolveOptions::default()).unwrap();
        let (ours, gl) = (imp(&builtin), imp(theirs));
        if (ours.columns, ours.rows) != (gl.columns, gl.rows) {
            differences.push(format!(
                "{}: {}×{} vs {}×{}",
                builtin.name, ours.columns, ours.rows, gl.columns, gl.rows
            ));
        }
        let figures = |i: &Imposition| {
            [
                ("label width", i.label_w),
                ("label height", i.label_h),
                ("left", i.left),
                ("top", i.top),
                ("pitch x", i.pitch_x),
                ("pitch y", i.pitch_y),
                ("page width", i.media_w),
                ("page height", i.media_h),
            ]
        };
        for ((what, a), (_, b)) in figures(&ours).into_iter().zip(figures(&gl)) {
            if (a - b).abs() > 0.1 {
                differences.push(format!("{} {what}: ours {a} mm, gLabels {b} mm", builtin.name));
            }
        }
    }
    // Reported, not failed: gLabels rounds its figures to points (L7160's 63.5 mm label is
    // 181.4 pt = 63.99 mm there) and a few templates differ from the makers' datasheets, which
    // the built-ins follow (see the README). A difference of 2 mm or more would be a wrong sheet.
    eprintln!("compared {compared} built-in sheets; differences over 0.1 mm: {differences:#?}");
    assert!(compared >= 5, "most built-in sheets are in the catalogue ({compared})");
    let big: Vec<&String> = differences
        .iter()
        .filter(|d| d.split("gLabels ").nth(1).is_some_and(|_| difference_mm(d) >= 2.0))
        .collect();
    assert!(big.is_empty(), "{big:#?}");
}

#[test]
fn sheets_are_found_by_product_code_brand_or_size() {
    dirs();
    let names = |q: &str| search_layouts(q).into_iter().map(|l| l.name).collect::<Vec<_>>();
    assert!(names("L7162").contains(&"avery-l7162".to_string()));
    assert!(names("l 7162").contains(&"avery-l7162".to_string()), "spaces ignored");
    let by_size = names("70x36");
    assert!(by_size.contains(&"zweckform-3490".to_string()), "{by_size:?}");
    assert!(names("36 × 70 mm").contains(&"zweckform-3490".to_string()), "either way round");
    assert_eq!(names("avery-l7160")[0], "avery-l7160", "the built-in first");
    assert!(names("no such sheet").is_empty());
    let l7162 = find_layout("AVERY-L7162").unwrap();
    assert!(l7162.catalogue && l7162.description.contains("16"), "{}", l7162.description);
}

#[test]
fn a_round_label_keeps_the_code_and_its_quiet_zone_inside_the_circle() {
    dirs();
    let round = search_layouts("")
        .into_iter()
        .find(|l| {
            l.shape == LabelShape::Round
                && matches!(l.kind, LayoutKind::Sheet { label_width, .. } if label_width > 35.0)
        })
        .expect("a round label sheet");
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "rows.csv", 4);
    let manifest = dir.path().join("m.csv");
    let out = dir.path().join("round.pdf");
    let options =
        PrintOptions { manifest: Some(manifest.clone()), verify: true, ..PrintOptions::default() };
    let job = qrdesk_print::PrintJob {
        source: csv_job(&csv, "avery-l7160", PrintOptions::default()).source,
        layout: round.clone(),
        options,
    };
    run_job(&job, &out).unwrap();
    let imp = qrdesk_print::imposition(&job).unwrap();
    let r = imp.label_w / 2.0;
    for line in std::fs::read_to_string(&manifest).unwrap().lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let slot: u32 = f[4].parse().unwrap();
        let (x, y, size): (f64, f64, f64) =
            (f[7].parse().unwrap(), f[8].parse().unwrap(), f[9].parse().unwrap());
        let (lx, ly) = imp.label_origin(slot - 1);
        let (cx, cy) = (lx + r, ly + r);
        for (px, py) in [(x, y), (x + size, y), (x, y + size), (x + size, y + size)] {
            let d = ((px - cx).powi(2) + (py - cy).powi(2)).sqrt();
            assert!(
                d <= r + 0.01,
                "{}: corner {d:.2} mm from the centre of a {r} mm circle",
                round.name
            );
        }
    }
    let pages = render(&out, 300);
    for (i, found) in decode_slots(&pages[0], &imp, 4, 300).iter().enumerate() {
        assert_eq!(found.len(), 1, "label {}", i + 1);
        assert_eq!(found[0].text, url(i));
    }
}

/// The difference a line `… ours A mm, gLabels B mm` reports.
fn difference_mm(line: &str) -> f64 {
    let num = |t: &str| t.trim().trim_end_matches(" mm").parse::<f64>().unwrap_or(0.0);
    let ours = line.split("ours ").nth(1).and_then(|t| t.split(" mm").next()).map_or(0.0, num);
    let theirs = line.split("gLabels ").nth(1).map_or(0.0, num);
    (ours - theirs).abs()
}
