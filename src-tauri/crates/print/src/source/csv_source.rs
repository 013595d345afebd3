//! CSV input: UTF-8 with or without BOM, comma/semicolon/tab detected from the header line or
//! given, quoted fields with embedded newlines (the csv crate), payload column chosen by name,
//! and an optional quantity column (each row printed that many times, serials counting labels).

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Chain, Cursor, Read};

use qrdesk_core::rules::print::MAX_QUANTITY;

use super::{CsvSource, ParsedTemplates, Row, TextTemplates};
use crate::error::PrintError;

type Input = Chain<Cursor<Vec<u8>>, BufReader<File>>;

/// Column names tried, in order, when no payload column is given.
const PAYLOAD_COLUMNS: [&str; 6] = ["url", "payload", "short_url", "link", "content", "data"];

/// Streaming rows of a CSV file.
pub struct CsvRows {
    reader: csv::Reader<Input>,
    record: csv::StringRecord,
    payload_index: usize,
    columns: HashMap<String, usize>,
    templates: ParsedTemplates,
    number: u64,
    path: String,
    quantity_index: Option<usize>,
    serial_start: u64,
    /// Labels handed out so far (`{serial}` counts labels).
    labels: u64,
    /// While copies of the current row are due: its line, the last copy handed out, and the
    /// copies left after the next one.
    held: Option<(u64, u64, u64)>,
}

use qrdesk_core::csv_dialect::{column_list, detect_delimiter, MAX_HEADER_LINE, UTF8_BOM};

/// Opens a CSV file: skips a BOM, detects the delimiter, reads the header line.
fn open_reader(
    source: &CsvSource,
) -> Result<(csv::Reader<Input>, Vec<String>, String), PrintError> {
    let path = source.path.display().to_string();
    let file = File::open(&source.path).map_err(|e| PrintError::io("read", &source.path, e))?;
    let mut file = BufReader::new(file);
    let mut head = vec![0u8; MAX_HEADER_LINE];
    let mut filled = 0;
    while filled < head.len() {
        let n =
            file.read(&mut head[filled..]).map_err(|e| PrintError::io("read", &source.path, e))?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    head.truncate(filled);
    if head.starts_with(&UTF8_BOM) {
        head.drain(..3);
    }
    if head.len() == MAX_HEADER_LINE && !head.contains(&b'\n') {
        return Err(PrintError::option(format!(
            "{path} does not look like a CSV file: its first line is longer than {} KB. The \
             first line must name the columns, like name,url",
            MAX_HEADER_LINE / 1024
        )));
    }
    let delimiter = source.delimiter.unwrap_or_else(|| detect_delimiter(&head));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(Cursor::new(head).chain(file));
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(&path, e))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(PrintError::option(format!(
            "{path} is empty; the first line must name the columns, like name,url"
        )));
    }
    Ok((reader, headers, path))
}

/// The first rows of a CSV file, for the UI's column mapping.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CsvTable {
    pub columns: Vec<String>,
    /// Up to `max_rows` data rows, cells as text.
    pub rows: Vec<Vec<String>>,
    /// Every data row in the file.
    pub row_count: u64,
    /// The column the engine would print when none is chosen, if any.
    pub payload_column: Option<String>,
}

/// Reads the header, the first `max_rows` rows and counts the rest.
pub fn preview_csv(source: &CsvSource, max_rows: usize) -> Result<CsvTable, PrintError> {
    let (mut reader, columns, path) = open_reader(source)?;
    let mut rows = Vec::new();
    let mut row_count = 0u64;
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(|e| csv_error(&path, e))? {
        if rows.len() < max_rows {
            rows.push(record.iter().map(str::to_string).collect());
        }
        row_count += 1;
    }
    let payload_column = pick_column(&columns, None, &path).ok().map(|i| columns[i].clone());
    Ok(CsvTable { columns, rows, row_count, payload_column })
}

impl CsvRows {
    pub fn open(
        source: &CsvSource,
        templates: &TextTemplates,
        serial_start: u64,
    ) -> Result<Self, PrintError> {
        let (reader, headers, path) = open_reader(source)?;
        let payload_index = pick_column(&headers, source.column.as_deref(), &path)?;
        let templates = ParsedTemplates::parse(templates, serial_start, Some(&headers))?;
        let quantity_index = match source.quantity_column.as_deref() {
            Some(name) => Some(pick_column(&headers, Some(name), &path)?),
            None => None,
        };
        let columns = headers.iter().enumerate().map(|(i, h)| (h.clone(), i)).collect();
        Ok(CsvRows {
            reader,
            record: csv::StringRecord::new(),
            payload_index,
            columns,
            templates,
            number: 0,
            path,
            quantity_index,
            serial_start,
            labels: 0,
            held: None,
        })
    }
}

fn pick_column(headers: &[String], wanted: Option<&str>, path: &str) -> Result<usize, PrintError> {
    let find = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    match wanted {
        Some(name) => find(name).ok_or_else(|| {
            PrintError::option(format!(
                "{path} has no column \"{name}\"; its columns are: {}",
                column_list(headers)
            ))
        }),
        None => PAYLOAD_COLUMNS
            .iter()
            .find_map(|c| find(c))
            .or((headers.len() == 1).then_some(0))
            .ok_or_else(|| {
                PrintError::option(format!(
                    "{path}: say which column holds the payload with --column; its columns \
                     are: {}",
                    column_list(headers)
                ))
            }),
    }
}

fn csv_error(path: &str, e: csv::Error) -> PrintError {
    let line = e.position().map(|p| format!(" at line {}", p.line())).unwrap_or_default();
    match e.kind() {
        csv::ErrorKind::Io(_) => PrintError::option(format!("could not read {path}: {e}")),
        csv::ErrorKind::Utf8 { .. } => PrintError::option(format!(
            "{path}{line} is not UTF-8 text; save the file as \"CSV UTF-8\" and try again"
        )),
        _ => PrintError::option(format!("{path}{line} is not valid CSV: {e}")),
    }
}

impl CsvRows {
    /// How many labels the current record asks for, or why that cannot be read.
    fn quantity(&self) -> Result<u64, (String, String)> {
        let Some(i) = self.quantity_index else { return Ok(1) };
        let cell = self.record.get(i).unwrap_or("").trim();
        match cell.parse::<u64>() {
            Ok(q) if q <= MAX_QUANTITY => Ok(q),
            Ok(_) => Err((
                format!("the quantity {cell} is more than the {MAX_QUANTITY} labels one row may ask for"),
                "Split the row, or print it in several jobs.".into(),
            )),
            Err(_) => Err((
                format!("the quantity \"{cell}\" is not a whole number"),
                "Write how many labels this row prints (0 skips it) in the quantity column.".into(),
            )),
        }
    }

    /// The current record as the next label (or as a row that cannot print).
    fn label(&mut self, line: u64, copy: u64, problem: Option<(String, String)>) -> Row {
        if problem.is_none() {
            self.labels += 1;
        }
        let label = self.labels.max(1);
        let payload = self.record.get(self.payload_index).unwrap_or("").trim().to_string();
        let (record, columns, number) = (&self.record, &self.columns, self.number);
        let (caption, frame, fields) =
            self.templates.render(number, label, |f| columns.get(f).and_then(|i| record.get(*i)));
        let serial = self.serial_start.saturating_add(label - 1);
        Row { number, line, payload, caption, frame, fields, copy, serial, problem }
    }
}

impl Iterator for CsvRows {
    type Item = Result<Row, PrintError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some((line, copy, left)) = self.held.take() {
            if left > 0 {
                self.held = Some((line, copy + 1, left - 1));
            }
            return Some(Ok(self.label(line, copy + 1, None)));
        }
        loop {
            match self.reader.read_record(&mut self.record) {
                Err(e) => return Some(Err(csv_error(&self.path, e))),
                Ok(false) => return None,
                Ok(true) => {}
            }
            // A blank line is not a data row.
            if self.record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            self.number += 1;
            let line = self.record.position().map_or(0, |p| p.line());
            match self.quantity() {
                Err(problem) => return Some(Ok(self.label(line, 1, Some(problem)))),
                Ok(0) => continue,
                Ok(q) => {
                    if q > 1 {
                        self.held = Some((line, 1, q - 2));
                    }
                    return Some(Ok(self.label(line, 1, None)));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_very_wide_header_is_listed_briefly() {
        let headers: Vec<String> = (0..5000).map(|i| format!("col{i}")).collect();
        let err = pick_column(&headers, None, "w.csv").unwrap_err().to_string();
        assert!(err.contains("col11, and 4988 more"), "{err}");
        assert!(err.len() < 600, "{} bytes", err.len());
        let long = vec!["x".repeat(1000)];
        let err = pick_column(&long, Some("url"), "w.csv").unwrap_err().to_string();
        assert!(err.len() < 200, "{err}");
    }
}
