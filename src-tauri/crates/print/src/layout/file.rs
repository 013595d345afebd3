//! Layouts from a small TOML or JSON file, so a shop can add its own sheets:
//!
//! ```toml
//! [[layout]]
//! name = "herma-4226"
//! description = "Herma 4226, 3 × 8 on A4"
//! page = "a4"              # or page_width = 210.0, page_height = 297.0 (mm)
//! kind = "sheet"           # sheet | grid | one-per-page
//! columns = 3
//! rows = 8
//! label_width = 70.0       # all lengths in mm
//! label_height = 36.0
//! left = 0.0
//! top = 4.5
//! pitch_x = 70.0
//! pitch_y = 36.0
//! ```
//! (a JSON file holds the same as `{"layout": [{…}]}`). A `.xml` file is read as gLabels
//! templates (`glabels.rs`), every template checked, the first that cannot be read refused with
//! its line.

use std::path::Path;

use serde::Deserialize;

use super::{LabelShape, Layout, LayoutKind};
use crate::error::PrintError;
use crate::length::parse_page;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LayoutFile {
    layout: Vec<LayoutSpec>,
}

#[derive(Deserialize)]
struct LayoutSpec {
    name: String,
    #[serde(default)]
    description: String,
    page: Option<String>,
    page_width: Option<f64>,
    page_height: Option<f64>,
    #[serde(flatten)]
    kind: LayoutKind,
    #[serde(default)]
    shape: LabelShape,
}

/// A gLabels template file a person named: every template read, or the first problem with its
/// line (fuzzed with the other layout parsers).
pub fn parse_glabels_file(bytes: &[u8], shown: &str) -> Result<Vec<Layout>, PrintError> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        PrintError::option(format!("the gLabels template file {shown} is not UTF-8 text"))
    })?;
    let parsed =
        super::glabels::parse_templates(text, shown, &super::glabels::builtin_papers(), true)?;
    if parsed.layouts.is_empty() {
        let why = match parsed.skipped.first() {
            Some(first) => format!("{shown} holds no sheet QR Desk can print on ({first})"),
            None => format!("{shown} holds no gLabels templates"),
        };
        return Err(PrintError::option(why));
    }
    for layout in &parsed.layouts {
        layout.check()?;
    }
    Ok(parsed.layouts)
}

/// Reads every layout of a `.toml` or `.json` file and checks each one.
pub fn load_layout_file(path: &Path) -> Result<Vec<Layout>, PrintError> {
    let bytes = std::fs::read(path).map_err(|e| PrintError::io("read", path, e))?;
    let is_json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml")) {
        return parse_glabels_file(&bytes, &path.display().to_string());
    }
    parse_layout_file(&bytes, is_json, &path.display().to_string())
}

/// Parses the bytes of a layout file (TOML, or JSON when `is_json`); `shown` names the file in
/// messages. Every malformed input is a [`PrintError`], never a panic (fuzzed).
pub fn parse_layout_file(
    bytes: &[u8],
    is_json: bool,
    shown: &str,
) -> Result<Vec<Layout>, PrintError> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        PrintError::option(format!(
            "layout file {shown} is not UTF-8 text; save it as a UTF-8 .toml or .json file"
        ))
    })?;
    let file: LayoutFile = if is_json {
        serde_json::from_str(text)
            .map_err(|e| PrintError::option(format!("layout file {shown} is not valid: {e}")))?
    } else {
        toml::from_str(text)
            .map_err(|e| PrintError::option(format!("layout file {shown} is not valid: {e}")))?
    };
    file.layout
        .into_iter()
        .map(|spec| {
            let (page_width, page_height) = match (&spec.page, spec.page_width, spec.page_height) {
                (Some(p), _, _) => parse_page(p)?,
                (None, Some(w), Some(h)) => (w, h),
                _ if spec.kind == LayoutKind::OnePerPage => (0.0, 0.0),
                _ => {
                    return Err(PrintError::option(format!(
                        "layout \"{}\" in {shown} needs page = \"a4\" or page_width and \
                         page_height (mm)",
                        spec.name
                    )))
                }
            };
            let layout = Layout {
                name: spec.name,
                description: spec.description,
                page_width,
                page_height,
                kind: spec.kind,
                shape: spec.shape,
                catalogue: false,
            };
            layout.check()?;
            Ok(layout)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_utf8_is_bad_input_not_a_read_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("binary.toml");
        std::fs::write(&path, b"\xff\xfe\x00garbage").unwrap();
        let err = load_layout_file(&path).unwrap_err();
        let app: qrdesk_core::AppError = err.into();
        assert_eq!(app.kind, qrdesk_core::ErrorKind::BadInput);
        assert!(app.message.contains("is not UTF-8 text"), "{}", app.message);
    }
}
