//! Reading a CSV of codes to create (`qrdesk codes import`): UTF-8 with or without BOM, comma,
//! semicolon or tab detected from the header line, quoted fields (the `csv` crate).
//!
//! The print engine streams one payload column; an import needs two named columns and is all or
//! nothing, so it reads the rows itself, with the same dialect rules as printing
//! ([`qrdesk_core::csv_dialect`]: BOM, delimiter detection, header line bound).

use std::path::Path;

use qrdesk_core::csv_dialect::{column_list, detect_delimiter, MAX_HEADER_LINE, UTF8_BOM};
use qrdesk_core::AppError;

use crate::edits::{check_url, NewCodeInput};

/// Column names tried, in order, when none is given.
const NAME_COLUMNS: [&str; 3] = ["name", "title", "label"];
const DESTINATION_COLUMNS: [&str; 5] = ["destination", "url", "link", "target", "redirect"];

/// Every data row of `path` as a code to create. Any bad row refuses the whole file, naming
/// each bad row's line, so an import is all or nothing.
pub fn read_codes_csv(
    path: &Path,
    name_column: Option<&str>,
    destination_column: Option<&str>,
) -> Result<Vec<NewCodeInput>, AppError> {
    let shown = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| AppError::io(format!("Could not read {shown}: {e}")))?;
    parse_codes_csv(&bytes, &shown, name_column, destination_column)
}

pub fn parse_codes_csv(
    bytes: &[u8],
    shown: &str,
    name_column: Option<&str>,
    destination_column: Option<&str>,
) -> Result<Vec<NewCodeInput>, AppError> {
    let bytes = bytes.strip_prefix(&UTF8_BOM[..]).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(AppError::bad_input(format!(
            "{shown} is empty; the first line must name the columns, like name,url"
        )));
    }
    if bytes.len() > MAX_HEADER_LINE && !bytes[..MAX_HEADER_LINE].contains(&b'\n') {
        return Err(AppError::bad_input(format!(
            "{shown} does not look like a CSV file: its first line is longer than {} KB. The \
             first line must name the columns, like name,url",
            MAX_HEADER_LINE / 1024
        )));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(bytes))
        .flexible(true)
        .from_reader(bytes);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(shown, &e))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let name_at = pick(&headers, name_column, &NAME_COLUMNS, "name", shown)?;
    let dest_at = pick(&headers, destination_column, &DESTINATION_COLUMNS, "destination", shown)?;
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(shown, &e))?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line());
        let name = record.get(name_at).unwrap_or("").trim().to_string();
        let destination = record.get(dest_at).unwrap_or("").trim().to_string();
        if name.is_empty() {
            problems.push(format!("line {line}: the name is empty"));
        } else if let Err(e) = check_url(&destination) {
            let first = e.message.split(';').next().unwrap_or_default().to_string();
            problems.push(format!("line {line}: {first}"));
        } else {
            rows.push(NewCodeInput { name, destination });
        }
    }
    if !problems.is_empty() {
        let more = problems.len().saturating_sub(10);
        let mut listed = problems.into_iter().take(10).collect::<Vec<_>>().join("; ");
        if more > 0 {
            listed.push_str(&format!("; and {more} more"));
        }
        return Err(AppError::bad_input(format!(
            "{shown} has rows QR Desk cannot create, so nothing was queued ({listed}). Destinations must be full web addresses starting with https:// or http://"
        )));
    }
    if rows.is_empty() {
        return Err(AppError::bad_input(format!("{shown} has no data rows")));
    }
    Ok(rows)
}

fn pick(
    headers: &[String],
    wanted: Option<&str>,
    defaults: &[&str],
    what: &str,
    shown: &str,
) -> Result<usize, AppError> {
    let find = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name.trim()));
    let found = match wanted {
        Some(name) => find(name),
        None => defaults.iter().find_map(|c| find(c)),
    };
    found.ok_or_else(|| {
        let asked = wanted.map_or_else(
            || format!("no {what} column (tried {})", defaults.join(", ")),
            |n| format!("no column \"{n}\""),
        );
        AppError::bad_input(format!(
            "{shown} has {asked}; its columns are: {}. Name the column with --{what}-column",
            column_list(headers)
        ))
    })
}

/// A CSV reading error as a sentence naming the file and line.
fn csv_error(shown: &str, e: &csv::Error) -> AppError {
    let line = e.position().map(|p| format!(" at line {}", p.line())).unwrap_or_default();
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => AppError::bad_input(format!(
            "{shown}{line} is not UTF-8 text; save the file as \"CSV UTF-8\" and try again"
        )),
        csv::ErrorKind::Io(_) => AppError::io(format!("Could not read {shown}: {e}")),
        _ => AppError::bad_input(format!("{shown}{line} is not valid CSV: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_very_wide_header_is_listed_briefly() {
        let header: Vec<String> = (0..5000).map(|i| format!("c{i}")).collect();
        let text = format!("{}\nA\n", header.join(","));
        let e = parse_codes_csv(text.as_bytes(), "w.csv", None, None).unwrap_err();
        assert!(e.message.contains("c11, and 4988 more"), "{}", e.message);
        assert!(e.message.len() < 600, "{} bytes", e.message.len());
        let endless = "x,".repeat(40_000);
        let e = parse_codes_csv(endless.as_bytes(), "b.csv", None, None).unwrap_err();
        assert!(e.message.contains("does not look like a CSV file"), "{}", e.message);
    }

    #[test]
    fn an_empty_file_says_so() {
        for bytes in [&b""[..], b"\xEF\xBB\xBF", b"\r\n\n"] {
            let err = parse_codes_csv(bytes, "e.csv", None, None).unwrap_err();
            assert_eq!(err.kind, qrdesk_core::ErrorKind::BadInput);
            assert!(err.message.starts_with("e.csv is empty;"), "{}", err.message);
        }
    }

    #[test]
    fn reads_bom_semicolons_quotes_and_named_columns() {
        let text = "\u{feff}Title;Target;note\n\"Table 1; window\";https://a.example/1;x\n\n Table 2 ;https://a.example/2;\n";
        let rows = parse_codes_csv(text.as_bytes(), "t.csv", None, None).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].name, "Table 1; window");
        assert_eq!(
            rows[1],
            NewCodeInput { name: "Table 2".into(), destination: "https://a.example/2".into() }
        );
        let tabs = "a\tb\nMenu\thttps://m.example\n";
        let rows = parse_codes_csv(tabs.as_bytes(), "t.tsv", Some("a"), Some("B")).unwrap();
        assert_eq!(rows[0].destination, "https://m.example");
    }

    #[test]
    fn bad_rows_refuse_the_whole_file_and_name_their_lines() {
        let text = "name,url\nOk,https://a.example\n,https://b.example\nNo URL,b.example\n";
        let e = parse_codes_csv(text.as_bytes(), "t.csv", None, None).unwrap_err();
        assert!(e.message.contains("line 3: the name is empty"), "{}", e.message);
        assert!(e.message.contains("line 4"), "{}", e.message);
        let e = parse_codes_csv(b"foo,bar\n1,2\n", "t.csv", None, None).unwrap_err();
        assert!(e.message.contains("its columns are: foo, bar"), "{}", e.message);
        assert!(parse_codes_csv(b"name,url\n", "t.csv", None, None).is_err());
    }
}
