//! Every limit and rule that more than one layer checks, defined once.
//!
//! The print engine, the use cases in `qrdesk-app`, the CLI and the window all read these
//! values; the window gets them as `ui/src/bindings/current-rules.ts` (a constant generated from
//! [`Rules::current`] by `scripts/gen-bindings.sh`), so a form checks exactly what Rust checks
//! and CI fails when the committed copy drifts. What a rule *means* for one layer (how a message
//! is worded for a flag or a field) stays with that layer; the number does not.

use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;
use crate::provider::{ProviderKind, EXAROUTES_CLIENT_ID_PREFIX, KNOWN_PREFIXES};

/// Limits of a print job, in millimetres unless named otherwise.
pub mod print {
    /// Largest bleed around a trim.
    pub const MAX_BLEED_MM: f64 = 20.0;
    /// Smallest code (quiet zone included) the window offers; smaller ones scan poorly.
    pub const MIN_CODE_MM: f64 = 10.0;
    /// Largest code (quiet zone included).
    pub const MAX_CODE_MM: f64 = 2000.0;
    /// Largest module size (`--module`).
    pub const MAX_MODULE_MM: f64 = 50.0;
    /// Smallest module a print is allowed to have.
    pub const MIN_MODULE_MM: f64 = 0.25;
    /// Printer calibration offsets beyond this, either way, are a typo, not a printer.
    pub const MAX_OFFSET_MM: f64 = 20.0;
    /// Calibration scale factors outside `1 ± MAX_SCALE_DEVIATION` are refused.
    pub const MAX_SCALE_DEVIATION: f64 = 0.5;
    /// Minimum WCAG contrast of the dark modules against the paper (or background).
    pub const MIN_CONTRAST: f64 = 3.0;
    /// Quiet zone in modules: the minimum scanners need, and the most accepted.
    pub const MIN_QUIET_ZONE: u16 = 2;
    pub const MAX_QUIET_ZONE: u16 = 20;
    /// Largest CSV the window accepts as text (the CLI streams any size).
    pub const MAX_CSV_BYTES: usize = 100_000_000;
    /// Longest CSV column name accepted in a mapping (characters).
    pub const MAX_COLUMN_CHARS: usize = 200;
    /// Most codes one selection print may name.
    pub const MAX_SELECTION: usize = 1_000_000;
    /// Most labels one CSV row may ask for with a quantity column.
    pub const MAX_QUANTITY: u64 = 100_000;
    /// Longest printer profile name (characters).
    pub const MAX_PROFILE_NAME_CHARS: usize = 100;
}

/// Limits of a brand style (`qrdesk style`, the Styles page).
pub mod style {
    /// Largest centre logo, as a fraction of the symbol's side (quiet zone excluded). Level H
    /// restores up to 30 % of the codewords; a logo over this hides more than the code can lose.
    pub const MAX_LOGO_FRACTION: f64 = 0.30;
    /// The logo side when a style names a logo but no size.
    pub const DEFAULT_LOGO_FRACTION: f64 = 0.22;
    /// Largest logo file accepted (bytes).
    pub const MAX_LOGO_BYTES: usize = 2_000_000;
    /// Raster logos under this resolution at their printed size get a warning.
    pub const MIN_LOGO_DPI: f64 = 300.0;
    /// Longest style name (characters).
    pub const MAX_NAME_CHARS: usize = 100;
    /// Longest call-to-action frame text.
    pub const MAX_FRAME_CHARS: usize = 60;
}

/// Limits of a label design (`qrdesk design`, `--design`, the Designs page).
pub mod design {
    /// Most text fields on one label.
    pub const MAX_FIELDS: usize = 12;
    /// Smallest and largest font size of a field (points).
    pub const MIN_FONT_PT: f64 = 4.0;
    pub const MAX_FONT_PT: f64 = 72.0;
    /// The size a field starts from when the design gives none, and the smallest it shrinks to.
    pub const DEFAULT_FONT_PT: f64 = 9.0;
    pub const DEFAULT_MIN_FONT_PT: f64 = 5.0;
    /// Longest field template (characters).
    pub const MAX_TEMPLATE_CHARS: usize = 500;
    /// Largest font file a design may name (bytes).
    pub const MAX_FONT_BYTES: usize = 20_000_000;
    /// Longest design name (characters).
    pub const MAX_NAME_CHARS: usize = 100;
}

/// Limits of a campaign (`qrdesk campaign`, the Campaigns page).
pub mod campaign {
    /// Most rows (new codes) one campaign takes.
    pub const MAX_ROWS: usize = 10_000;
}

/// Limits of a code's editable fields.
pub mod code {
    /// Longest code name (characters).
    pub const MAX_NAME_CHARS: usize = 500;
    /// Longest destination address (characters).
    pub const MAX_DESTINATION_CHARS: usize = 2048;
}

/// Limits of accounts and keys.
pub mod account {
    /// Longest account name (characters).
    pub const MAX_LABEL_CHARS: usize = 200;
}

/// The print limits as the window receives them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PrintRules {
    pub max_bleed_mm: f64,
    pub min_code_mm: f64,
    pub max_code_mm: f64,
    pub max_offset_mm: f64,
    pub min_contrast: f64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub max_csv_bytes: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub max_column_chars: u64,
}

/// The style limits as the window receives them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct StyleRules {
    pub max_logo_fraction: f64,
    pub default_logo_fraction: f64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub max_logo_bytes: u64,
    pub max_name_chars: u32,
    pub max_frame_chars: u32,
}

/// The label design limits as the window receives them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct DesignRules {
    pub max_fields: u32,
    pub min_font_pt: f64,
    pub max_font_pt: f64,
    pub default_font_pt: f64,
    pub default_min_font_pt: f64,
    pub max_template_chars: u32,
    pub max_name_chars: u32,
}

/// A key prefix and what it says about the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct KeyPrefixRule {
    pub prefix: String,
    pub provider: ProviderKind,
    pub environment: crate::provider::Environment,
    pub needs_client_id: bool,
}

/// One service as the window names and describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ServiceRule {
    pub provider: ProviderKind,
    /// The one display name of the service.
    pub display_name: String,
    pub default_base_url: String,
    /// Where in the service's dashboard keys are made and revoked.
    pub dashboard_hint: String,
    /// "Workspace", "Organization", or `None` when a key reaches one scope only.
    pub workspace_label: Option<String>,
    pub has_codes: bool,
}

/// An error kind and the sentence people read for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ErrorSentence {
    pub kind: ErrorKind,
    pub sentence: String,
}

/// Everything the window checks or shows that Rust defines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Rules {
    pub print: PrintRules,
    pub style: StyleRules,
    pub design: DesignRules,
    pub max_campaign_rows: u32,
    pub max_code_name_chars: u32,
    pub max_destination_chars: u32,
    pub max_account_label_chars: u32,
    pub key_prefixes: Vec<KeyPrefixRule>,
    pub client_id_prefix: String,
    pub services: Vec<ServiceRule>,
    pub errors: Vec<ErrorSentence>,
}

impl Rules {
    /// The rules in force.
    pub fn current() -> Rules {
        Rules {
            print: PrintRules {
                max_bleed_mm: print::MAX_BLEED_MM,
                min_code_mm: print::MIN_CODE_MM,
                max_code_mm: print::MAX_CODE_MM,
                max_offset_mm: print::MAX_OFFSET_MM,
                min_contrast: print::MIN_CONTRAST,
                max_csv_bytes: print::MAX_CSV_BYTES as u64,
                max_column_chars: print::MAX_COLUMN_CHARS as u64,
            },
            style: StyleRules {
                max_logo_fraction: style::MAX_LOGO_FRACTION,
                default_logo_fraction: style::DEFAULT_LOGO_FRACTION,
                max_logo_bytes: style::MAX_LOGO_BYTES as u64,
                max_name_chars: style::MAX_NAME_CHARS as u32,
                max_frame_chars: style::MAX_FRAME_CHARS as u32,
            },
            design: DesignRules {
                max_fields: design::MAX_FIELDS as u32,
                min_font_pt: design::MIN_FONT_PT,
                max_font_pt: design::MAX_FONT_PT,
                default_font_pt: design::DEFAULT_FONT_PT,
                default_min_font_pt: design::DEFAULT_MIN_FONT_PT,
                max_template_chars: design::MAX_TEMPLATE_CHARS as u32,
                max_name_chars: design::MAX_NAME_CHARS as u32,
            },
            max_campaign_rows: campaign::MAX_ROWS as u32,
            max_code_name_chars: code::MAX_NAME_CHARS as u32,
            max_destination_chars: code::MAX_DESTINATION_CHARS as u32,
            max_account_label_chars: account::MAX_LABEL_CHARS as u32,
            key_prefixes: KNOWN_PREFIXES
                .iter()
                .map(|&(prefix, provider, environment, needs_client_id)| KeyPrefixRule {
                    prefix: prefix.to_string(),
                    provider,
                    environment,
                    needs_client_id,
                })
                .collect(),
            client_id_prefix: EXAROUTES_CLIENT_ID_PREFIX.to_string(),
            services: ProviderKind::ALL
                .iter()
                .map(|&p| ServiceRule {
                    provider: p,
                    display_name: p.display_name().to_string(),
                    default_base_url: p.default_base_url().to_string(),
                    dashboard_hint: p.key_dashboard_hint().to_string(),
                    workspace_label: p.workspace_label().map(str::to_string),
                    has_codes: p.has_codes(),
                })
                .collect(),
            errors: ErrorKind::ALL
                .iter()
                .map(|&kind| ErrorSentence { kind, sentence: kind.sentence().to_string() })
                .collect(),
        }
    }

    /// The TypeScript module `ui/src/bindings/current-rules.ts`: the values of [`Rules::current`].
    pub fn typescript_module() -> String {
        let json = serde_json::to_string_pretty(&Rules::current()).unwrap_or_default();
        format!(
            "// Generated from qrdesk-core's `Rules::current()` by scripts/gen-bindings.sh. \
             Do not edit.\n\nimport type {{ Rules }} from \"./Rules\";\n\nexport const RULES: \
             Rules = {json};\n"
        )
    }
}

/// Writes a generated TypeScript module into the bindings folder (`TS_RS_EXPORT_DIR`, where
/// ts-rs writes the types): the rules here, the event names in `qrdesk-app`.
#[cfg(feature = "ts")]
pub fn write_ts_binding(file: &str, text: &str) {
    let dir = std::env::var("TS_RS_EXPORT_DIR").unwrap_or_else(|_| "./bindings".into());
    std::fs::create_dir_all(&dir).expect("bindings folder");
    std::fs::write(std::path::Path::new(&dir).join(file), text).expect("binding written");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_service_and_prefix_is_handed_over() {
        let rules = Rules::current();
        assert_eq!(rules.errors.len(), ErrorKind::ALL.len());
        assert_eq!(rules.services.len(), ProviderKind::ALL.len());
        assert_eq!(rules.key_prefixes.len(), KNOWN_PREFIXES.len());
        assert!(rules.print.min_code_mm < rules.print.max_code_mm);
    }

    /// Writes the values next to the generated types (run by `scripts/gen-bindings.sh`, whose
    /// output CI compares with the committed copy).
    #[cfg(feature = "ts")]
    #[test]
    fn export_bindings_rules_values() {
        write_ts_binding("current-rules.ts", &Rules::typescript_module());
    }
}
