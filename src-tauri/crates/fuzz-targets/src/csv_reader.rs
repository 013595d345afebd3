//! The print CSV reader on arbitrary bytes: any file a user picks (wrong encoding, binary, huge
//! fields, broken quotes) gives rows or a clear error, never a panic or unbounded memory.

use std::path::PathBuf;

use qrdesk_print::{preview_csv, CsvRows, CsvSource, TextTemplates};

thread_local! {
    /// The reader takes a path, as the app does: one scratch file per fuzzing thread (the
    /// replay test runs several at once).
    static SCRATCH: PathBuf = {
        let thread = format!("{:?}", std::thread::current().id());
        let thread: String = thread.chars().filter(char::is_ascii_digit).collect();
        std::env::temp_dir().join(format!("qrdesk-fuzz-{}-{thread}.csv", std::process::id()))
    };
}

fn scratch() -> PathBuf {
    SCRATCH.with(Clone::clone)
}

/// One input, as libFuzzer hands it over.
pub fn run(data: &[u8]) {
    // The first byte picks the options; the rest is the file.
    let Some((&choice, file)) = data.split_first() else { return };
    if std::fs::write(scratch(), file).is_err() {
        return;
    }
    let delimiter = match choice % 4 {
        0 => None,
        1 => Some(b','),
        2 => Some(b';'),
        _ => Some(b'\t'),
    };
    let column = (choice & 0x10 != 0).then(|| "url".to_string());
    // Bit 3: read the payload column as a quantity too (numbers, words, huge values).
    let quantity_column = (choice & 0x08 != 0).then(|| "url".to_string());
    let source = CsvSource { path: scratch(), column, delimiter, quantity_column };
    let caption = match choice >> 5 {
        0 => None,
        1 => Some("{row}"),
        2 => Some("{serial:06} {row}"),
        _ => Some("{url}"),
    };
    // Bit 2: a label design's field templates too.
    let fields: &[&str] = if choice & 0x04 != 0 { &["{url}", "No. {serial:04}"] } else { &[] };
    let templates = TextTemplates { caption, frame: None, fields };
    if let Ok(rows) = CsvRows::open(&source, &templates, 1) {
        for row in rows.take(10_000).flatten() {
            assert!(row.number >= 1);
        }
    }
    let _ = preview_csv(&source, 20);
    let _ = std::fs::remove_file(&source.path);
}
