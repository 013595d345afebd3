//! A quantity column: each row printed that many times (0 skips it), serials counting labels
//! across copies, the counts in the report and the manifest, and a quantity that is not a
//! number refused with its row number.

mod common;

use common::*;
use qrdesk_print::{
    find_layout, run, CsvSource, Imposition, PrintError, PrintJob, PrintOptions, ResolveOptions,
    Source,
};

fn job(csv: &std::path::Path, options: PrintOptions) -> PrintJob {
    PrintJob {
        source: Source::Csv(CsvSource {
            path: csv.to_path_buf(),
            column: None,
            delimiter: None,
            quantity_column: Some("qty".into()),
        }),
        layout: find_layout("avery-l7160").unwrap(),
        options,
    }
}

#[test]
fn rows_print_as_many_times_as_they_ask_with_serials_across_copies() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("rows.csv");
    let text = format!(
        "name,url,qty\nDoor,{},2\nGone,{},0\nDesk,{}, 3 \nBad,{},two\n",
        url(0),
        url(1),
        url(2),
        url(3)
    );
    std::fs::write(&csv, text).unwrap();
    let out = dir.path().join("labels.pdf");
    let manifest = dir.path().join("manifest.csv");
    let options = PrintOptions {
        caption: Some("{name} #{serial:03}".into()),
        serial_start: 1,
        skip_invalid: true,
        manifest: Some(manifest.clone()),
        ..PrintOptions::default()
    };
    let never = std::sync::atomic::AtomicBool::new(false);
    let report = run(&job(&csv, options.clone()), &out, &|_| {}, &never).unwrap();
    assert_eq!((report.codes, report.pages), (5, 1), "2 + 0 + 3 labels");
    assert_eq!(report.rows, 3, "the row asking for none is not counted");
    assert_eq!(report.skipped.len(), 1);
    let bad = &report.skipped[0];
    assert_eq!(bad.row, 4);
    assert!(bad.reason.contains("the quantity \"two\" is not a whole number"), "{}", bad.reason);

    let lines: Vec<String> =
        std::fs::read_to_string(&manifest).unwrap().lines().map(str::to_string).collect();
    let rows_serials: Vec<(String, String)> = lines[1..]
        .iter()
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_string(), f[1].to_string())
        })
        .collect();
    let expect = [("1", "1"), ("1", "2"), ("3", "3"), ("3", "4"), ("3", "5")];
    assert_eq!(
        rows_serials,
        expect.iter().map(|(r, s)| (r.to_string(), s.to_string())).collect::<Vec<_>>()
    );

    let text = pdf_text(&out);
    for caption in ["Door #001", "Door #002", "Desk #003", "Desk #004", "Desk #005"] {
        assert!(text.contains(caption), "{caption} in {text}");
    }
    assert!(!text.contains("Gone"), "a quantity of 0 prints nothing");
    let imp = Imposition::resolve(&find_layout("avery-l7160").unwrap(), ResolveOptions::default())
        .unwrap();
    let pages = render(&out, 200);
    let read: Vec<String> =
        decode_slots(&pages[0], &imp, 5, 200).into_iter().map(|f| f[0].text.clone()).collect();
    assert_eq!(read, [url(0), url(0), url(2), url(2), url(2)]);

    // Without --skip-invalid the bad quantity stops the job before anything is written.
    let strict = dir.path().join("strict.pdf");
    let options = PrintOptions { skip_invalid: false, manifest: None, ..options };
    let err = run(&job(&csv, options), &strict, &|_| {}, &never).unwrap_err();
    assert!(matches!(&err, PrintError::Row(p) if p.row == 4), "{err:?}");
    assert!(!strict.exists());
}

#[test]
fn a_missing_quantity_column_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "rows.csv", 2);
    let never = std::sync::atomic::AtomicBool::new(false);
    let out = dir.path().join("x.pdf");
    let err = run(&job(&csv, PrintOptions::default()), &out, &|_| {}, &never).unwrap_err();
    assert!(err.to_string().contains("has no column \"qty\""), "{err}");
    assert!(!out.exists());
}
