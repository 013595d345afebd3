//! The label design file as people write it (TOML, JSON accepted): where the code sits and the
//! text fields around it, each key kept as written so a design read from a file or the library
//! can be shown, edited and written back unchanged. [`super::Design::resolve`] checks it and
//! loads its fonts.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::PrintError;
use crate::spec_file;

/// The keys of a design file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DesignSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `left` | `center` | `top` (default `left`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_position: Option<String>,
    /// The code's side with its quiet zone (mm); none = the largest that leaves the fields room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_size: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldSpec>,
}

/// One text field of a design.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// Template over the row: `{name}`, any column, `{row}`, `{serial:06}`, fixed text.
    pub text: String,
    /// `right-of-code` | `below-code`: the box follows the code (x/y are then left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// The box in mm from the label's top-left corner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<f64>,
    /// Points; the size the text starts from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font_size: Option<f64>,
    /// Points; the smallest `shrink` goes before wrapping or cutting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_font_size: Option<f64>,
    /// `left` | `center` | `right`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub align: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bold: Option<bool>,
    /// `shrink` | `wrap` | `shrink-wrap`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fit: Option<String>,
    /// A TrueType or OpenType file (relative to the design file) instead of the bundled font.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font: Option<String>,
}

const KEYS: &str = "name, code_position, code_size and [[fields]] with text, anchor, x, y, \
                    width, height, font_size, min_font_size, align, bold, fit and font";

impl DesignSpec {
    /// Parses a design file's text; JSON when it starts with `{`, TOML otherwise. `origin`
    /// names the file in the message.
    pub fn parse(text: &str, origin: &str) -> Result<DesignSpec, PrintError> {
        spec_file::parse(text, "design", origin, KEYS)
    }

    /// Reads a design file (at most 64 KB).
    pub fn read(path: &Path) -> Result<DesignSpec, PrintError> {
        let text = spec_file::read(path, "design", "a font")?;
        DesignSpec::parse(&text, &path.display().to_string())
    }

    /// The spec as a TOML file.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_example_reads_and_writes_back() {
        let text = r#"
name = "Table tent"
code_position = "left"
[[fields]]
text = "{name}"
x = 33.0
y = 3.0
width = 28.5
height = 9.0
font_size = 9
align = "left"
bold = true
fit = "shrink"
"#;
        let spec = DesignSpec::parse(text, "t.toml").unwrap();
        assert_eq!(spec.fields.len(), 1);
        assert_eq!(spec.fields[0].font_size, Some(9.0));
        assert_eq!(DesignSpec::parse(&spec.to_toml(), "again").unwrap(), spec);
        let json = r#"{"name":"Table tent","fields":[{"text":"{name}","anchor":"below-code"}]}"#;
        assert_eq!(DesignSpec::parse(json, "t.json").unwrap().fields[0].text, "{name}");
    }

    #[test]
    fn a_typo_names_the_line_and_the_keys() {
        let err = DesignSpec::parse("name = \"x\"\n[[fields]]\ntext = \"a\"\nsize = 3\n", "d.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 4") && err.contains("min_font_size"), "{err}");
    }
}
