//! Where the rows to print come from: a CSV file, or payloads the caller already has (the CLI
//! and UI fill [`PrintItem`]s from the local cache with each code's short URL).

mod csv_source;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::caption_template::CaptionTemplate;
use crate::error::PrintError;

pub use csv_source::{preview_csv, CsvRows, CsvTable};

/// One payload with named fields for the caption template (`{name}`, `{title}` …).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PrintItem {
    pub payload: String,
    pub fields: BTreeMap<String, String>,
}

/// A CSV file to print.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CsvSource {
    pub path: PathBuf,
    /// Column holding the payload; `None` picks `url`, `payload`, `short_url`, `link` or
    /// `content`, or the only column.
    pub column: Option<String>,
    /// Field delimiter; `None` detects comma, semicolon or tab from the header line.
    pub delimiter: Option<u8>,
    /// Column saying how many labels each row prints (0 skips the row); `None` = one each.
    #[serde(default)]
    pub quantity_column: Option<String>,
}

/// The rows of a job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Source {
    Csv(CsvSource),
    Items(Vec<PrintItem>),
}

/// The text templates every row is rendered through: the caption, the style's frame and a
/// label design's fields (template texts; none = nothing to render).
#[derive(Debug, Clone, Copy, Default)]
pub struct TextTemplates<'t> {
    pub caption: Option<&'t str>,
    pub frame: Option<&'t str>,
    pub fields: &'t [&'t str],
}

/// The parsed [`TextTemplates`].
#[derive(Debug, Clone, Default)]
pub(crate) struct ParsedTemplates {
    pub caption: Option<CaptionTemplate>,
    pub frame: Option<CaptionTemplate>,
    pub fields: Vec<CaptionTemplate>,
}

impl ParsedTemplates {
    pub fn parse(
        t: &TextTemplates,
        serial_start: u64,
        columns: Option<&[String]>,
    ) -> Result<Self, PrintError> {
        let parse = |t: &str| CaptionTemplate::parse(t, serial_start, columns);
        Ok(ParsedTemplates {
            caption: t.caption.map(parse).transpose()?,
            frame: t.frame.map(parse).transpose()?,
            fields: t
                .fields
                .iter()
                .map(|f| {
                    parse(f).map_err(|e| {
                        PrintError::option(e.to_string().replacen(
                            "caption template",
                            "the label design's field",
                            1,
                        ))
                    })
                })
                .collect::<Result<_, _>>()?,
        })
    }

    /// Renders the caption, frame and fields of data row `row`, label `label`.
    pub fn render<'a>(
        &self,
        row: u64,
        label: u64,
        field: impl Fn(&str) -> Option<&'a str> + Copy,
    ) -> (String, String, Vec<String>) {
        let one = |t: &Option<CaptionTemplate>| {
            t.as_ref().map(|t| t.render(row, label, field)).unwrap_or_default()
        };
        let fields = self.fields.iter().map(|t| t.render(row, label, field)).collect();
        (one(&self.caption), one(&self.frame), fields)
    }
}

/// One data row, ready to encode.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Data row number from 1.
    pub number: u64,
    /// File line where the row starts (0 when not from a file).
    pub line: u64,
    pub payload: String,
    pub caption: String,
    /// The style's frame text for this row (empty without a frame).
    pub frame: String,
    /// The label design's field texts (empty without a design).
    pub fields: Vec<String>,
    /// Which copy of its data row this label is (from 1; more than 1 with a quantity column).
    pub copy: u64,
    /// The label's `{serial}` value (serials keep counting across copies).
    pub serial: u64,
    /// Why the row cannot print although it was read (a quantity that is not a number), with
    /// the fix; the engine reports it as the row's problem.
    pub problem: Option<(String, String)>,
}

/// Reads rows one at a time, so memory stays flat however long the input is.
pub enum RowReader<'a> {
    Csv(Box<CsvRows>),
    Items {
        items: std::iter::Enumerate<std::slice::Iter<'a, PrintItem>>,
        templates: ParsedTemplates,
        serial_start: u64,
    },
}

impl<'a> RowReader<'a> {
    /// Opens `source`, rendering every row through `templates`.
    pub fn open(
        source: &'a Source,
        templates: &TextTemplates,
        serial_start: u64,
    ) -> Result<Self, PrintError> {
        match source {
            Source::Csv(csv) => {
                Ok(RowReader::Csv(Box::new(CsvRows::open(csv, templates, serial_start)?)))
            }
            Source::Items(items) => Ok(RowReader::Items {
                items: items.iter().enumerate(),
                templates: ParsedTemplates::parse(templates, serial_start, None)?,
                serial_start,
            }),
        }
    }
}

impl Iterator for RowReader<'_> {
    type Item = Result<Row, PrintError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            RowReader::Csv(rows) => rows.next(),
            RowReader::Items { items, templates, serial_start } => {
                let serial_start = *serial_start;
                let (i, item) = items.next()?;
                let number = i as u64 + 1;
                let (caption, frame, fields) =
                    templates.render(number, number, |f| item.fields.get(f).map(String::as_str));
                Some(Ok(Row {
                    number,
                    line: 0,
                    payload: item.payload.clone(),
                    caption,
                    frame,
                    fields,
                    copy: 1,
                    serial: serial_start.saturating_add(number - 1),
                    problem: None,
                }))
            }
        }
    }
}
