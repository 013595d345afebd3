//! Caption templates: `{name}`, `{row}`, any column, `{serial}` / `{serial:06}` (zero-padded
//! serial number counted from a start value), `{{` and `}}` for literal braces.

use crate::error::PrintError;

#[derive(Debug, Clone, PartialEq)]
enum Part {
    Text(String),
    Field(String),
    Row,
    Serial { width: usize },
}

/// A parsed caption template.
#[derive(Debug, Clone, PartialEq)]
pub struct CaptionTemplate {
    parts: Vec<Part>,
    serial_start: u64,
}

impl CaptionTemplate {
    /// Parses `template`; `columns` (when known) are checked so a typo fails before printing.
    pub fn parse(
        template: &str,
        serial_start: u64,
        columns: Option<&[String]>,
    ) -> Result<Self, PrintError> {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    text.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    text.push('}');
                }
                '{' => {
                    let mut inner = String::new();
                    let mut closed = false;
                    for c in chars.by_ref() {
                        if c == '}' {
                            closed = true;
                            break;
                        }
                        inner.push(c);
                    }
                    if !closed {
                        return Err(PrintError::option(format!(
                            "caption template \"{template}\" has a '{{' without its '}}'; \
                             write {{{{ for a literal brace"
                        )));
                    }
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    parts.push(placeholder(inner.trim(), template, columns)?);
                }
                '}' => {
                    return Err(PrintError::option(format!(
                        "caption template \"{template}\" has a '}}' without its '{{'; write }}}} \
                         for a literal brace"
                    )))
                }
                c => text.push(c),
            }
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        Ok(CaptionTemplate { parts, serial_start })
    }

    /// The caption of data row `row` (from 1); `field` looks a column up by name.
    /// The text for data row `row` and label `label` (both from 1; they differ when rows are
    /// printed several times, and `{serial}` counts labels).
    pub fn render<'a>(
        &self,
        row: u64,
        label: u64,
        field: impl Fn(&str) -> Option<&'a str>,
    ) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Field(name) => out.push_str(field(name).unwrap_or("")),
                Part::Row => out.push_str(&row.to_string()),
                Part::Serial { width } => {
                    let serial = self.serial_start.saturating_add(label.saturating_sub(1));
                    out.push_str(&format!("{serial:0width$}"));
                }
            }
        }
        out
    }
}

fn placeholder(
    inner: &str,
    template: &str,
    columns: Option<&[String]>,
) -> Result<Part, PrintError> {
    if inner == "row" {
        return Ok(Part::Row);
    }
    if let Some(spec) = inner.strip_prefix("serial") {
        let width: Option<usize> = match spec.strip_prefix(':') {
            None if spec.is_empty() => Some(0),
            // `{serial:06}` = six digits; `{serial:0}` or `{serial:}` = no padding.
            Some(w) if w.chars().all(|c| c == '0') => Some(0),
            Some(w) => w.trim_start_matches('0').parse::<usize>().ok().filter(|w| *w <= 20),
            None => None,
        };
        let width = width.ok_or_else(|| {
            PrintError::option(format!(
                "caption template \"{template}\": \"{{{inner}}}\" is not a serial; write \
                 {{serial}} or {{serial:06}} for six digits"
            ))
        })?;
        return Ok(Part::Serial { width });
    }
    if inner.is_empty() {
        return Err(PrintError::option(format!(
            "caption template \"{template}\" has an empty {{}}; put a column name inside"
        )));
    }
    if let Some(cols) = columns {
        if !cols.iter().any(|c| c == inner) {
            return Err(PrintError::option(format!(
                "caption template \"{template}\" names the column \"{inner}\", which the CSV does \
                 not have; its columns are: {}",
                qrdesk_core::csv_dialect::column_list(cols)
            )));
        }
    }
    Ok(Part::Field(inner.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_fields_rows_and_serials() {
        let cols = vec!["name".to_string(), "url".to_string()];
        let t =
            CaptionTemplate::parse("{name} #{row} S{serial:06} {{x}}", 100, Some(&cols)).unwrap();
        let s = t.render(3, 3, |f| (f == "name").then_some("Table 3"));
        assert_eq!(s, "Table 3 #3 S000102 {x}");
    }

    #[test]
    fn rejects_unknown_columns_and_bad_braces() {
        let cols = vec!["name".to_string()];
        let e = CaptionTemplate::parse("{nmae}", 1, Some(&cols)).unwrap_err().to_string();
        assert!(e.contains("\"nmae\"") && e.contains("name"), "{e}");
        assert!(CaptionTemplate::parse("{name", 1, None).is_err());
        assert!(CaptionTemplate::parse("{serial:x}", 1, None).is_err());
    }

    /// Found by the `caption_template` fuzz target: a serial start near `u64::MAX` (from
    /// `--serial-start`) overflowed on the second row.
    #[test]
    fn a_huge_serial_start_stops_at_the_largest_number_instead_of_overflowing() {
        let t = CaptionTemplate::parse("{serial:06}", u64::MAX - 1, None).unwrap();
        assert_eq!(t.render(1, 1, |_| None), (u64::MAX - 1).to_string());
        assert_eq!(t.render(3, 3, |_| None), u64::MAX.to_string());
        assert_eq!(t.render(u64::MAX, u64::MAX, |_| None), u64::MAX.to_string());
    }
}
