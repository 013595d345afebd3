//! The print history: a CSV job with quantities is recorded with its source's SHA-256 and every
//! label; a reprint of chosen serials prints exactly those labels again (decoded from the
//! rendered PDF: same payloads, in order) and is recorded with the original rows and serials.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::AtomicBool;

use qrdesk_app::print::flags::{print_and_record, FlagSource, PrintFlags};
use qrdesk_app::print::history::{parse_ranges, reprint_job, ReprintChoice};
use qrdesk_app::print::list_print_jobs;
use qrdesk_store::print_history;
use qrdesk_testkit::pdf_labels::{avery_l7160, decode_labels};

use crate::support::{csv_flags, World};

fn flags(csv: &Path, out: &Path) -> PrintFlags {
    let base = csv_flags(csv, out);
    let FlagSource::Csv { path, column, delimiter, .. } = base.source else { unreachable!() };
    PrintFlags {
        source: FlagSource::Csv { path, column, delimiter, quantity_column: Some("qty".into()) },
        caption: Some("{name} #{serial:03}".into()),
        ..base
    }
}

#[tokio::test]
async fn a_job_is_recorded_and_chosen_labels_are_reprinted_exactly() {
    let w = World::new().await;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("rows.csv");
    std::fs::write(
        &csv,
        "name,url,qty\nDoor,https://a.example/door,2\nDesk,https://a.example/desk,1\n\
         Hall,https://a.example/hall,2\n",
    )
    .unwrap();
    let out = dir.path().join("labels.pdf");
    let never = AtomicBool::new(false);
    let (report, job) = print_and_record(&w.ctx, &flags(&csv, &out), &|_| {}, &never).unwrap();
    assert_eq!(report.codes, 5);
    let job = job.expect("recorded");
    let jobs = list_print_jobs(&w.ctx, 10).unwrap();
    assert_eq!(jobs[0].id, job);
    assert_eq!((jobs[0].rows, jobs[0].codes, jobs[0].pages), (3, 5, 1));
    assert!(jobs[0].source.starts_with("CSV /") && jobs[0].source.ends_with("rows.csv"));
    let sha = jobs[0].source_sha256.as_deref().unwrap();
    assert_eq!(sha.len(), 64);

    // Serials 2 and 4 (Door's second copy, Hall's first) on a part-used sheet from label 3.
    let again = dir.path().join("again.pdf");
    let choice = ReprintChoice { rows: None, serials: Some("2,4".into()), start_at: 3 };
    let (reprint, r) = reprint_job(&w.ctx, job, &choice, &again).unwrap();
    assert_eq!((r.codes, r.pages), (2, 1));
    // Labels 3 and 4 of page 1, each decoded from its own pixels.
    let read: Vec<String> = decode_labels(&again, 1, &avery_l7160(4)[2..])
        .into_iter()
        .map(|mut found| {
            assert_eq!(found.len(), 1, "one code per label: {found:?}");
            found.remove(0)
        })
        .collect();
    assert_eq!(read, ["https://a.example/door", "https://a.example/hall"], "labels 3 and 4");
    let labels = w.ctx.store().read(|c| print_history::labels(c, reprint)).unwrap();
    let kept: Vec<(u64, u64, &str)> =
        labels.iter().map(|l| (l.row, l.serial, l.caption.as_str())).collect();
    assert_eq!(
        kept,
        [(1, 2, "Door #002"), (3, 4, "Hall #004")],
        "original rows, serials, captions"
    );
    let text = Command::new("pdftotext").arg(&again).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Door #002") && text.contains("Hall #004"), "{text}");

    // By row: every copy of row 3.
    let rows = ReprintChoice { rows: Some("3".into()), serials: None, start_at: 1 };
    let (_, r) = reprint_job(&w.ctx, job, &rows, &dir.path().join("row3.pdf")).unwrap();
    assert_eq!(r.codes, 2);
    // Nothing matching, a bad list, an unknown job: sentences, nothing written.
    let none = ReprintChoice { rows: Some("9".into()), serials: None, start_at: 1 };
    let missing = dir.path().join("none.pdf");
    let err = reprint_job(&w.ctx, job, &none, &missing).unwrap_err();
    assert!(err.message.contains("has no label with those rows or serials"), "{}", err.message);
    assert!(!missing.exists());
    assert!(parse_ranges("3,x", "row").unwrap_err().message.contains("\"x\" is not a row"));
    assert_eq!(parse_ranges("3, 7-9", "row").unwrap(), [(3, 3), (7, 9)]);
    let err = reprint_job(&w.ctx, 999, &ReprintChoice::default(), &missing).unwrap_err();
    assert!(err.message.contains("There is no print job #999"));
}
