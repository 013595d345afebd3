//! The CSV rules every reader of QR Desk follows (printing, `codes import`): an optional UTF-8
//! byte-order mark, a delimiter detected from the header line, a bound on that line, and how
//! column names are listed in messages.

/// The UTF-8 byte-order mark some spreadsheet programs put at the start of a file.
pub const UTF8_BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

/// The longest first (header) line accepted: column names never come near it, and a file without
/// a line break in its first 64 KB is not a CSV (this keeps memory flat on such files).
pub const MAX_HEADER_LINE: usize = 64 * 1024;

/// The delimiter used most often on the first line, outside quotes: comma, semicolon or tab
/// (comma when none is).
pub fn detect_delimiter(head: &[u8]) -> u8 {
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or(head);
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in first_line {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in counts.iter_mut() {
                if b == *d {
                    *n += 1;
                }
            }
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).filter(|(_, n)| *n > 0).map_or(b',', |(d, _)| *d)
}

/// The column names for a message: the first few, each shortened, so a wide or binary header
/// line cannot turn one error into megabytes of text.
pub fn column_list(headers: &[String]) -> String {
    const SHOWN: usize = 12;
    const CHARS: usize = 40;
    let mut listed: Vec<String> = headers
        .iter()
        .take(SHOWN)
        .map(|h| {
            if h.chars().count() > CHARS {
                format!("{}…", h.chars().take(CHARS).collect::<String>())
            } else {
                h.clone()
            }
        })
        .collect();
    if headers.len() > SHOWN {
        listed.push(format!("and {} more", headers.len() - SHOWN));
    }
    listed.join(", ")
}

#[cfg(test)]
mod tests {
    use super::detect_delimiter;

    #[test]
    fn the_most_frequent_delimiter_outside_quotes_on_the_first_line_wins() {
        assert_eq!(detect_delimiter(b"a,b,c\n1;2"), b',');
        assert_eq!(detect_delimiter(b"\"a,b\";c;d\n"), b';');
        assert_eq!(detect_delimiter(b"a\tb\n"), b'\t');
        assert_eq!(detect_delimiter(b"url\n"), b',');
    }
}
