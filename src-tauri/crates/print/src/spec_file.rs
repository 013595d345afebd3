//! Reading the small TOML-or-JSON files people write for QR Desk (brand styles, label designs):
//! JSON when the text starts with `{`, TOML otherwise, errors naming the file and the line with
//! the keys the file may hold, and a size cap so a picked logo or font is not read as one.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::PrintError;

/// Largest style or design file read.
const MAX_SPEC_BYTES: u64 = 64 * 1024;

/// Parses `text`, a `what` file ("style", "design") from `origin`; `keys` lists its keys.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    what: &str,
    origin: &str,
    keys: &str,
) -> Result<T, PrintError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        serde_json::from_str(trimmed).map_err(|e| {
            PrintError::option(format!(
                "the {what} file {origin} is not valid JSON (line {}, column {}): {}; fix it or \
                 write it as TOML",
                e.line(),
                e.column(),
                first_line(&e.to_string())
            ))
        })
    } else {
        toml::from_str(trimmed).map_err(|e| {
            let at = e
                .span()
                .map(|s| {
                    // Counted in bytes: the span may start inside a multi-byte character.
                    let before = &trimmed.as_bytes()[..s.start.min(trimmed.len())];
                    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
                    format!(" at line {line}")
                })
                .unwrap_or_default();
            PrintError::option(format!(
                "the {what} file {origin} cannot be read{at}: {}; keys are {keys}",
                first_line(e.message())
            ))
        })
    }
}

/// Reads a `what` file (at most 64 KB); `not` names what a too-large file probably is.
pub fn read(path: &Path, what: &str, not: &str) -> Result<String, PrintError> {
    let meta = std::fs::metadata(path).map_err(|e| PrintError::io("read", path, e))?;
    if meta.len() > MAX_SPEC_BYTES {
        return Err(PrintError::option(format!(
            "{} is too large for a {what} file (over 64 KB); check that you chose the {what}, not \
             {not}",
            path.display()
        )));
    }
    std::fs::read_to_string(path).map_err(|e| PrintError::io("read", path, e))
}

/// The parser's first line, without serde's own list of expected keys (the message names them).
fn first_line(text: &str) -> &str {
    let line = text.lines().next().unwrap_or(text).trim();
    line.split(", expected").next().unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `layout_file` fuzz target (design files): the parser's error span started
    /// inside a two-byte character, and slicing the text there panicked.
    #[test]
    fn an_error_inside_a_multibyte_character_names_the_line_instead_of_panicking() {
        let text = "\"\\\"\\\u{7a3}&\\\"";
        let e = parse::<serde_json::Value>(text, "design", "d.toml", "keys").unwrap_err();
        assert!(e.to_string().contains("cannot be read"), "{e}");
        let e =
            parse::<serde_json::Value>("a = 1\nb = \"\\\u{e9}\"", "design", "d", "k").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
    }
}
