//! The five services QR Desk talks to, their environments and what each can do.
//!
//! The facts here are static parts of each service's contract (`docs/providers/`):
//! names, default hosts, key prefixes and the capability table that the UI and the CLI use to
//! offer only what a service supports. The HTTP adapters live in the `qrdesk-providers` crate.

use serde::{Deserialize, Serialize};

/// One of the five supported services. The serde names are stable (CLI flags, JSON, SQLite).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum ProviderKind {
    #[serde(rename = "exaroutes")]
    ExaRoutes,
    #[serde(rename = "qr-v1")]
    QrV1,
    #[serde(rename = "qrcodepro")]
    QrCodePro,
    #[serde(rename = "iloveqr")]
    IloveQr,
    #[serde(rename = "exante")]
    Exante,
}

impl ProviderKind {
    pub const ALL: [ProviderKind; 5] = [
        ProviderKind::ExaRoutes,
        ProviderKind::QrV1,
        ProviderKind::QrCodePro,
        ProviderKind::IloveQr,
        ProviderKind::Exante,
    ];

    /// Stable name (`"qr-v1"`).
    pub fn as_str(self) -> &'static str {
        match self {
            ProviderKind::ExaRoutes => "exaroutes",
            ProviderKind::QrV1 => "qr-v1",
            ProviderKind::QrCodePro => "qrcodepro",
            ProviderKind::IloveQr => "iloveqr",
            ProviderKind::Exante => "exante",
        }
    }

    /// Parses a stable name, case-insensitively.
    pub fn parse(name: &str) -> Option<ProviderKind> {
        let name = name.trim();
        ProviderKind::ALL.into_iter().find(|p| p.as_str().eq_ignore_ascii_case(name))
    }

    /// The name people know the service by.
    pub fn display_name(self) -> &'static str {
        match self {
            ProviderKind::ExaRoutes => "ExaRoutes",
            ProviderKind::QrV1 => "QR platform (/api/v1/qr)",
            ProviderKind::QrCodePro => "QRCodePro",
            ProviderKind::IloveQr => "iloveQR",
            ProviderKind::Exante => "Exante",
        }
    }

    /// The documented production base URL (editable per account).
    pub fn default_base_url(self) -> &'static str {
        match self {
            ProviderKind::ExaRoutes => "https://api.exaroutes.com",
            ProviderKind::QrV1 => "https://qrcodegen.allsortswebdesigners.co.za",
            ProviderKind::QrCodePro => "https://api.qrcodepro.io",
            ProviderKind::IloveQr => {
                "https://i-love-qr-production-645dbff8d2fe.herokuapp.com/api/v1"
            }
            ProviderKind::Exante => "https://dev.exante.app",
        }
    }

    /// Where in the service's dashboard a person revokes or creates keys (used by the rotation wizard).
    pub fn key_dashboard_hint(self) -> &'static str {
        match self {
            ProviderKind::ExaRoutes => "ExaRoutes dashboard → Settings → API keys",
            ProviderKind::QrV1 => "QR platform dashboard → Account → API access (Team plan)",
            ProviderKind::QrCodePro => "QRCodePro dashboard → Developers → API keys",
            ProviderKind::IloveQr => "iloveQR dashboard → Organization settings → API keys",
            ProviderKind::Exante => {
                "Exante dashboard → Settings → API keys (QR Desk revokes it for you)"
            }
        }
    }

    /// What the service can do; the UI and CLI offer only these.
    pub fn capabilities(self) -> Capabilities {
        let qr = Capabilities {
            list: true,
            read: true,
            create: true,
            update: true,
            delete: true,
            analytics: true,
            workspaces: false,
            key_management: false,
            step_up: false,
            bulk_replace: false,
            scan_totals_in_list: true,
        };
        match self {
            ProviderKind::ExaRoutes => Capabilities {
                workspaces: true,
                step_up: true,
                bulk_replace: true,
                scan_totals_in_list: false,
                ..qr
            },
            ProviderKind::QrV1 | ProviderKind::QrCodePro => qr,
            ProviderKind::IloveQr => Capabilities { workspaces: true, ..qr },
            ProviderKind::Exante => Capabilities {
                list: false,
                read: false,
                create: false,
                update: false,
                delete: false,
                analytics: false,
                workspaces: false,
                key_management: true,
                step_up: false,
                bulk_replace: false,
                scan_totals_in_list: false,
            },
        }
    }

    /// What the service calls the scope a key chooses ("Workspace", "Organization"), if any.
    pub fn workspace_label(self) -> Option<&'static str> {
        match self {
            ProviderKind::ExaRoutes => Some("Workspace"),
            ProviderKind::IloveQr => Some("Organization"),
            _ => None,
        }
    }

    /// Whether the service holds QR codes at all (Exante is key management only).
    pub fn has_codes(self) -> bool {
        self.capabilities().list
    }
}

impl std::fmt::Display for ProviderKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The capability table of one service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Capabilities {
    pub list: bool,
    pub read: bool,
    pub create: bool,
    pub update: bool,
    pub delete: bool,
    pub analytics: bool,
    /// Workspaces (ExaRoutes) or organizations (iloveQR) choose which data a key sees.
    pub workspaces: bool,
    /// The service has an API to create and revoke keys (fully automatic rotation).
    pub key_management: bool,
    /// Some edits must be confirmed in the dashboard first.
    pub step_up: bool,
    pub bulk_replace: bool,
    /// The list response carries each code's scan total (cheap change detection for analytics).
    pub scan_totals_in_list: bool,
}

/// Live or test data. Test keys see a separate data set and are never mixed with live ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum Environment {
    #[default]
    Live,
    Test,
}

impl Environment {
    pub fn as_str(self) -> &'static str {
        match self {
            Environment::Live => "live",
            Environment::Test => "test",
        }
    }

    pub fn parse(s: &str) -> Option<Environment> {
        match s.trim().to_ascii_lowercase().as_str() {
            "live" => Some(Environment::Live),
            "test" => Some(Environment::Test),
            _ => None,
        }
    }
}

/// What a key's prefix says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyFormat {
    pub provider: ProviderKind,
    pub environment: Environment,
    /// The visible prefix kept in the masked form (`qrcp_live_`).
    pub prefix: &'static str,
    /// ExaRoutes `sk_live_…` keys need a `cust_…` client id beside them.
    pub needs_client_id: bool,
}

pub(crate) const KNOWN_PREFIXES: [(&str, ProviderKind, Environment, bool); 7] = [
    ("qrcp_live_", ProviderKind::QrCodePro, Environment::Live, false),
    ("qrcp_test_", ProviderKind::QrCodePro, Environment::Test, false),
    ("exr_live_", ProviderKind::ExaRoutes, Environment::Live, false),
    ("exr_test_", ProviderKind::ExaRoutes, Environment::Test, false),
    ("sk_live_", ProviderKind::ExaRoutes, Environment::Live, true),
    ("ex_live_", ProviderKind::Exante, Environment::Live, false),
    ("ilqr_", ProviderKind::IloveQr, Environment::Live, false),
];

/// Detects the service from a key's prefix. `None` for opaque keys (the `/api/v1/qr` platform).
pub fn detect_key_format(key: &str) -> Option<KeyFormat> {
    let key = key.trim();
    KNOWN_PREFIXES.iter().find(|(p, ..)| key.starts_with(p)).map(
        |&(prefix, provider, environment, needs_client_id)| KeyFormat {
            provider,
            environment,
            prefix,
            needs_client_id,
        },
    )
}

/// The prefix ExaRoutes client ids carry (`cust_…`): an identifier, not a secret.
pub const EXAROUTES_CLIENT_ID_PREFIX: &str = "cust_";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_names_round_trip() {
        for p in ProviderKind::ALL {
            assert_eq!(ProviderKind::parse(p.as_str()), Some(p));
            assert_eq!(serde_json::to_string(&p).unwrap(), format!("\"{}\"", p.as_str()));
        }
        assert_eq!(ProviderKind::parse("QRCodePro"), Some(ProviderKind::QrCodePro));
        assert_eq!(ProviderKind::parse("nope"), None);
    }

    #[test]
    fn detects_every_documented_prefix() {
        let cases = [
            ("qrcp_live_abc", ProviderKind::QrCodePro, Environment::Live),
            ("qrcp_test_abc", ProviderKind::QrCodePro, Environment::Test),
            ("exr_live_abc", ProviderKind::ExaRoutes, Environment::Live),
            ("exr_test_abc", ProviderKind::ExaRoutes, Environment::Test),
            ("sk_live_abc", ProviderKind::ExaRoutes, Environment::Live),
            ("ex_live_abc", ProviderKind::Exante, Environment::Live),
            ("  ilqr_abc\n", ProviderKind::IloveQr, Environment::Live),
        ];
        for (key, provider, env) in cases {
            let f = detect_key_format(key).unwrap_or_else(|| panic!("{key} not detected"));
            assert_eq!((f.provider, f.environment), (provider, env), "{key}");
        }
        assert!(detect_key_format("sk_live_x").unwrap().needs_client_id);
        assert!(detect_key_format("0f9a8b7c6d").is_none());
    }

    #[test]
    fn exante_is_key_management_only() {
        let c = ProviderKind::Exante.capabilities();
        assert!(c.key_management && !c.list && !c.analytics);
        assert!(!ProviderKind::Exante.has_codes());
        assert!(ProviderKind::ExaRoutes.capabilities().step_up);
        assert!(!ProviderKind::ExaRoutes.capabilities().scan_totals_in_list);
    }
}
