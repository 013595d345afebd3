//! Every guard rail with a bad row: the message names the row (with its file line), the value,
//! the reason and what to change, and no output file is left behind. Also cancellation and
//! `skip_invalid`.

mod common;

use std::path::Path;
use std::sync::atomic::AtomicBool;

use common::*;
use qrdesk_core::{AppError, ErrorKind};
use qrdesk_print::{run, EcLevel, Ink, PrintError, PrintOptions, SizeSpec};

fn csv_with(dir: &Path, rows: &[&str]) -> std::path::PathBuf {
    let mut text = String::from("name,url\n");
    for (i, r) in rows.iter().enumerate() {
        text.push_str(&format!("Row {},{r}\n", i + 1));
    }
    let path = dir.join("in.csv");
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs and expects failure; asserts nothing at all was written into the folder.
fn fails(dir: &Path, layout: &str, rows: &[&str], options: PrintOptions) -> PrintError {
    let csv = csv_with(dir, rows);
    let out = dir.join("out.pdf");
    let manifest = dir.join("out.csv");
    let options = PrintOptions { manifest: Some(manifest.clone()), ..options };
    let err = run_job(&csv_job(&csv, layout, options), &out).unwrap_err();
    assert!(!out.exists(), "no PDF after a failed job");
    assert!(!manifest.exists(), "no manifest after a failed job");
    let left: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n != "in.csv")
        .collect();
    assert!(left.is_empty(), "temporary files left behind: {left:?}");
    err
}

#[test]
fn payload_too_long_for_the_ec_level() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("https://example.com/{}", "a".repeat(1300));
    let options = PrintOptions { ec: EcLevel::H, ..PrintOptions::default() };
    let err = fails(dir.path(), "grid-a4", &[&url(0), &long], options);
    let msg = err.to_string();
    assert!(msg.starts_with("Row 2 [line 3] \"https://example.com/aaa"), "{msg}");
    assert!(msg.contains("too long") && msg.contains("EC level H"), "{msg}");
    assert!(msg.contains("--ec L"), "what to change: {msg}");
    let app: AppError = err.into();
    assert_eq!(app.kind, ErrorKind::BadInput);
    assert!(app.message.contains("Nothing was written"));
}

#[test]
fn module_smaller_than_a_quarter_millimetre() {
    let dir = tempfile::tempdir().unwrap();
    // Avery 5167 is 12.7 mm tall: a 33-byte URL (version 3) gets 0.235 mm modules.
    let err = fails(dir.path(), "avery-5167", &[&url(0)], PrintOptions::default());
    let msg = err.to_string();
    assert!(msg.starts_with("Row 1 [line 2]"), "{msg}");
    assert!(msg.contains("version 3") && msg.contains("0.25 mm minimum"), "{msg}");
    assert!(msg.contains("shorter payload"), "{msg}");
}

#[test]
fn quiet_zone_cut_by_the_label_edge() {
    let dir = tempfile::tempdir().unwrap();
    let options = PrintOptions { size: SizeSpec::Symbol(45.0), ..PrintOptions::default() };
    let err = fails(dir.path(), "avery-l7160", &[&url(0)], options);
    let msg = err.to_string();
    assert!(msg.contains("quiet zone would be cut by the label edge"), "{msg}");
    assert!(msg.contains("45.0 mm") && msg.contains("38.1 mm"), "{msg}");
    assert!(msg.contains("smaller --size"), "{msg}");
}

#[test]
fn low_contrast_colour() {
    let dir = tempfile::tempdir().unwrap();
    let options =
        PrintOptions { ink: Ink::parse("cmyk:0,0,0,20").unwrap(), ..PrintOptions::default() };
    let err = fails(dir.path(), "avery-l7160", &[&url(0)], options);
    let msg = err.to_string();
    assert!(msg.contains("low contrast") && msg.contains("darker colour"), "{msg}");
}

#[test]
fn quiet_zone_under_two_modules_needs_force() {
    let dir = tempfile::tempdir().unwrap();
    let options = PrintOptions { quiet_zone: 1, ..PrintOptions::default() };
    let err = fails(dir.path(), "avery-l7160", &[&url(0)], options);
    assert!(err.to_string().contains("--force"), "{err}");
    // With --force it prints.
    let csv = csv_with(dir.path(), &[&url(0)]);
    let out = dir.path().join("forced.pdf");
    let options = PrintOptions { quiet_zone: 1, force: true, ..PrintOptions::default() };
    run_job(&csv_job(&csv, "avery-l7160", options), &out).unwrap();
    assert!(out.exists());
}

#[test]
fn empty_payload_names_row_and_line() {
    let dir = tempfile::tempdir().unwrap();
    // The quoted name with an embedded newline makes row 2 start on line 3 and row 3 on line 5.
    let text = format!("name,url\nA,{}\n\"B\nsecond line\",{}\nC,\n", url(0), url(1));
    let csv = dir.path().join("in.csv");
    std::fs::write(&csv, text).unwrap();
    let out = dir.path().join("out.pdf");
    let err = run_job(&csv_job(&csv, "avery-l7160", PrintOptions::default()), &out).unwrap_err();
    assert!(err.to_string().starts_with("Row 3 [line 5]"), "{err}");
    assert!(err.to_string().contains("payload is empty"), "{err}");
    assert!(!out.exists());
}

#[test]
fn skip_invalid_prints_the_rest_and_reports_skipped_rows() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(1400);
    let csv = csv_with(dir.path(), &[&url(0), &long, &url(2)]);
    let out = dir.path().join("out.pdf");
    let options = PrintOptions { ec: EcLevel::H, skip_invalid: true, ..PrintOptions::default() };
    let report = run_job(&csv_job(&csv, "avery-l7160", options), &out).unwrap();
    assert_eq!((report.rows, report.codes), (3, 2));
    assert_eq!(report.skipped.len(), 1);
    assert_eq!((report.skipped[0].row, report.skipped[0].line), (2, 3));
    assert!(report.skipped[0].reason.contains("too long"));
    // The two good rows fill the first two labels.
    let imp =
        qrdesk_print::imposition(&csv_job(&csv, "avery-l7160", PrintOptions::default())).unwrap();
    let page = &render(&out, 200)[0];
    let slots = decode_slots(page, &imp, 3, 200);
    assert_eq!(slots[0][0].text, url(0));
    assert_eq!(slots[1][0].text, url(2));
    assert!(slots[2].is_empty());
}

#[test]
fn cancelled_job_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "in.csv", 50);
    let out = dir.path().join("out.pdf");
    let cancel = AtomicBool::new(true);
    let err = run(&csv_job(&csv, "avery-l7160", PrintOptions::default()), &out, &|_| {}, &cancel)
        .unwrap_err();
    assert!(matches!(err, PrintError::Cancelled));
    assert_eq!(AppError::from(err).kind, ErrorKind::Cancelled);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "only the CSV remains");
}

#[test]
fn unknown_column_and_missing_file_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "in.csv", 2);
    let mut job = csv_job(&csv, "avery-l7160", PrintOptions::default());
    if let qrdesk_print::Source::Csv(c) = &mut job.source {
        c.column = Some("link".into());
    }
    let err = run_job(&job, &dir.path().join("o.pdf")).unwrap_err().to_string();
    assert!(err.contains("no column \"link\"") && err.contains("id, name, url"), "{err}");
    let missing = csv_job(&dir.path().join("nope.csv"), "avery-l7160", PrintOptions::default());
    let err = run_job(&missing, &dir.path().join("o.pdf")).unwrap_err();
    let app = AppError::from(err);
    assert_eq!(app.kind, ErrorKind::Io);
    assert!(app.message.contains("nope.csv"), "{}", app.message);
}

#[test]
fn cancelling_mid_job_after_a_progress_event_leaves_nothing() {
    use std::sync::atomic::Ordering;
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "in.csv", 2100);
    let out = dir.path().join("out.pdf");
    let cancel = AtomicBool::new(false);
    let events = std::cell::Cell::new(0u64);
    let progress = |p: qrdesk_print::Progress| {
        assert_eq!(p.total, 2100);
        events.set(p.done);
        cancel.store(true, Ordering::Relaxed);
    };
    let err = run(&csv_job(&csv, "avery-l7160", PrintOptions::default()), &out, &progress, &cancel)
        .unwrap_err();
    assert!(matches!(err, PrintError::Cancelled));
    assert_eq!(events.get(), 2048, "one batch was done before the cancel was seen");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "only the CSV remains");
}
