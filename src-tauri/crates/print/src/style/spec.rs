//! The style file as people write it (TOML, JSON accepted): every key optional and kept as the
//! text written, so a style read from a file or the library can be shown, edited and written
//! back unchanged. [`super::Style::resolve`] turns it into something drawable.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::PrintError;
use crate::spec_file;

/// The keys of a style file. An empty file is today's plain look.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Ink of dark modules: `k` | `cmyk:C,M,Y,K` | `spot:NAME[:C,M,Y,K]` | `rgb:#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dark: Option<String>,
    /// `paper` (no ink) or a colour painted behind the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub light: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modules: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finder: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finder_center: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finder_color: Option<String>,
    /// SVG, PNG or JPEG file, relative to the style file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_size: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame_position: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame_color: Option<String>,
}

const KEYS: &str = "name, dark, light, modules, finder, finder_center, finder_color, logo, \
                    logo_size, frame, frame_position and frame_color";

impl StyleSpec {
    /// Parses a style file's text; JSON when it starts with `{`, TOML otherwise. `origin` names
    /// the file in the message.
    pub fn parse(text: &str, origin: &str) -> Result<StyleSpec, PrintError> {
        spec_file::parse(text, "style", origin, KEYS)
    }

    /// Reads a style file (at most 64 KB).
    pub fn read(path: &Path) -> Result<StyleSpec, PrintError> {
        let text = spec_file::read(path, "style", "the logo")?;
        StyleSpec::parse(&text, &path.display().to_string())
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
    fn toml_and_json_read_the_same_keys() {
        let toml =
            "name = \"Autumn\"\ndark = \"cmyk:100,72,0,18\"\nmodules = \"dots\"\nlogo_size = 0.2\n";
        let json =
            r#"{"name":"Autumn","dark":"cmyk:100,72,0,18","modules":"dots","logo_size":0.2}"#;
        let a = StyleSpec::parse(toml, "a.toml").unwrap();
        assert_eq!(a, StyleSpec::parse(json, "a.json").unwrap());
        assert_eq!(StyleSpec::parse(&a.to_toml(), "again").unwrap(), a);
    }

    #[test]
    fn a_typo_names_the_line_and_the_keys() {
        let err = StyleSpec::parse("name = \"x\"\nmodule = \"dots\"\n", "s.toml").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("line 2") && text.contains("finder_center"), "{text}");
    }
}
