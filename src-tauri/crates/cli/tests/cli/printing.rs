//! Label designs and printing to a printer from the command line: `qrdesk design add|list|show|
//! export|remove`, `qrdesk print --design`, and `qrdesk print --printer` through a real CUPS.
//!
//! The CUPS test needs the private CUPS of `scripts/cups-session.sh` (a cupsd with the cups-pdf
//! virtual printer `QRDeskPDF`); the test command starts it and runs:
//!   env $(scripts/cups-session.sh start DIR) QRDESK_CUPS_TESTS=1 \
//!     cargo test -p qrdesk-cli --test cli -- printing::
//! Without `QRDESK_CUPS_TESTS=1` that one test prints a notice and passes.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use qrdesk_testkit::pdf_labels::l7160_codes;

use crate::support::qrdesk;

const DESIGN: &str = r#"
name = "Table tent"
code_position = "left"
[[fields]]
text = "{name}"
anchor = "right-of-code"
height = 7
font_size = 12
bold = true
[[fields]]
text = "Scan for the menu"
anchor = "right-of-code"
height = 10
font_size = 8
fit = "wrap"
[[fields]]
text = "No. {serial:04}"
anchor = "right-of-code"
font_size = 7
align = "right"
"#;

fn url(i: usize) -> String {
    format!("https://qr.example.com/r/t{i:04}")
}

fn write_inputs(dir: &Path, rows: usize) {
    let mut csv = String::from("id,name,url\n");
    for i in 1..=rows {
        csv.push_str(&format!("{i},Table {i},{}\n", url(i)));
    }
    std::fs::write(dir.join("rows.csv"), csv).unwrap();
    std::fs::write(dir.join("tent.toml"), DESIGN).unwrap();
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string()
}

#[test]
fn designs_are_kept_in_the_library_and_print_with_their_fields() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    write_inputs(dir.path(), 6);
    let added = qrdesk(&data).arg("design").arg("add").arg(dir.path().join("tent.toml")).output();
    let added = added.unwrap();
    assert!(added.status.success(), "{added:?}");
    assert!(stdout(&added).contains("Saved the label design \"Table tent\""));
    let list = qrdesk(&data).args(["design", "list"]).output().unwrap();
    assert!(stdout(&list).contains("Table tent  (code left, 3 field(s))"), "{}", stdout(&list));
    let out = dir.path().join("tent.pdf");
    let printed = qrdesk(&data)
        .args(["print", "--layout", "avery-l7160", "--design", "table TENT", "--csv"])
        .arg(dir.path().join("rows.csv"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(printed.status.success(), "{printed:?}");
    let text = Command::new("pdftotext").arg(&out).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for needle in ["Table 1", "Table 6", "Scan for", "menu", "No. 0001", "No. 0006"] {
        assert!(text.contains(needle), "{needle} missing in {text}");
    }
    assert_eq!(l7160_codes(&out, 1, 6), (1..=6).map(url).collect::<Vec<_>>());
    // Reprinting rows 2-3 prints the same fields again.
    let again = dir.path().join("again.pdf");
    let reprint = qrdesk(&data)
        .args(["print", "reprint", "1", "--rows", "2-3", "-o"])
        .arg(&again)
        .output()
        .unwrap();
    assert!(reprint.status.success(), "{reprint:?}");
    let text = Command::new("pdftotext").arg(&again).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("No. 0002") && text.contains("No. 0003") && !text.contains("No. 0001"));
    assert_eq!(l7160_codes(&again, 1, 2), vec![url(2), url(3)]);
    assert!(stdout(&reprint).contains("rows.csv is unchanged since print job #1"), "{reprint:?}");
    // Once the CSV changes, the reprint still prints the labels as they were first printed.
    std::fs::write(dir.path().join("rows.csv"), "id,name,url\n2,Renamed,https://x.example/2\n")
        .unwrap();
    let changed = qrdesk(&data)
        .args(["print", "reprint", "1", "--rows", "2", "-o"])
        .arg(dir.path().join("changed.pdf"))
        .output()
        .unwrap();
    assert!(stdout(&changed).contains("has changed since print job #1"), "{changed:?}");
    assert_eq!(l7160_codes(&dir.path().join("changed.pdf"), 1, 1), vec![url(2)]);
    // Export writes the file back; remove forgets it.
    let exported = dir.path().join("shared.toml");
    qrdesk(&data).args(["design", "export", "Table tent", "-o"]).arg(&exported).assert().success();
    assert!(std::fs::read_to_string(&exported).unwrap().contains("right-of-code"));
    qrdesk(&data).args(["design", "remove", "Table tent"]).assert().success();
    let gone = qrdesk(&data).args(["design", "show", "Table tent"]).output().unwrap();
    assert!(!gone.status.success());
    assert!(String::from_utf8_lossy(&gone.stderr).contains("No saved label design"));
}

#[test]
fn without_a_printing_system_the_cli_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-cups.sock");
    let out = qrdesk(&dir.path().join("data"))
        .env("CUPS_SERVER", &missing)
        .args(["print", "printers"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("(CUPS) is not running") || err.contains("No printing system"), "{err}");
}

#[test]
fn printing_through_cups_reaches_the_printer_and_the_pdf_that_comes_out_decodes() {
    if std::env::var("QRDESK_CUPS_TESTS").as_deref() != Ok("1") {
        eprintln!(
            "note: the CUPS test skipped: run it with env $(scripts/cups-session.sh start DIR) \
             QRDESK_CUPS_TESTS=1 (the test command does)"
        );
        return;
    }
    let out_dir = std::path::PathBuf::from(std::env::var("QRDESK_CUPS_OUT").unwrap());
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    write_inputs(dir.path(), 21);
    let printers = qrdesk(&data).args(["print", "printers"]).output().unwrap();
    assert!(stdout(&printers).contains("QRDeskPDF  (A4)  default"), "{printers:?}");
    let pdf = dir.path().join("tent.pdf");
    let sent = qrdesk(&data)
        .args(["print", "--layout", "avery-l7160", "--csv"])
        .arg(dir.path().join("rows.csv"))
        .arg("--design")
        .arg(dir.path().join("tent.toml"))
        .arg("-o")
        .arg(&pdf)
        .args(["--printer", "QRDeskPDF", "--copies", "2"])
        .output()
        .unwrap();
    assert!(sent.status.success(), "{sent:?}");
    let said = stdout(&sent);
    let job = said
        .split("as job QRDeskPDF-")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .unwrap_or_else(|| panic!("no job id in {said}"))
        .to_string();
    assert!(said.contains("(2 copies)"), "{said}");
    // cups-pdf names its file after the job; it is complete once CUPS lists the job as done.
    let started = Instant::now();
    let printed = loop {
        let done = Command::new("lpstat").args(["-W", "completed", "-o", "QRDeskPDF"]).output();
        let done = done.map(|o| stdout(&o)).unwrap_or_default();
        let file = std::fs::read_dir(&out_dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with(&format!("-job_{job}.pdf")));
        if let (Some(file), true) = (file, done.contains(&format!("QRDeskPDF-{job}"))) {
            break file;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no output from cups-pdf in {out_dir:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    let info = Command::new("pdfinfo").arg(&printed).output().unwrap();
    let info = stdout(&info);
    assert!(info.contains("Pages:           2"), "two copies, collated: {info}");
    assert!(info.contains("595") && info.contains("842"), "A4 as the sheet asks: {info}");
    for page in [1, 2] {
        let expected: Vec<String> = (1..=21).map(url).collect();
        assert_eq!(l7160_codes(&printed, page, 21), expected, "page {page} the printer made");
    }
}
