//! What a started simulator tells its users: where each service lives and which keys to use.
//! The binary prints it as one JSON line on start; tests read it from `Simulator::manifest`.

use std::collections::BTreeMap;
use std::net::SocketAddr;

use qrdesk_core::ProviderKind;

use serde::{Deserialize, Serialize};

use crate::shared_state::{lock, Shared};

/// The whole manifest: `{ control_url, services: { "<provider name>": { base_url, accounts } } }`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    pub control_url: String,
    pub services: BTreeMap<String, ServiceManifest>,
}

/// One service: its base URL (what an account's editable base URL is set to) and seeded accounts.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ServiceManifest {
    pub base_url: String,
    pub accounts: Vec<ManifestAccount>,
}

/// One ready-made account. Which credential fields are set depends on the service:
/// `key` for Bearer/X-API-Key services, `client_id` + `api_key` for the ExaRoutes header pair.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ManifestAccount {
    pub label: String,
    /// `"live"` or `"test"`.
    pub environment: String,
    /// ExaRoutes `X-Workspace-Id` (`ws_…`) the account's data lives in.
    pub workspace: Option<String>,
    /// iloveQR organization id when the key belongs to exactly one (else the user picks).
    pub organization: Option<String>,
    pub key: Option<String>,
    pub client_id: Option<String>,
    pub api_key: Option<String>,
    /// Every organization the key belongs to (iloveQR), in the order the service lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organizations: Vec<String>,
    /// What this account is for in tests (`plan below Team: every call gets 403`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The service refuses every call of this account (a plan below the API's): not worth
    /// syncing.
    #[serde(default)]
    pub refused: bool,
}

impl ManifestAccount {
    pub fn new(label: &str, environment: &str) -> Self {
        ManifestAccount {
            label: label.to_string(),
            environment: environment.to_string(),
            workspace: None,
            organization: None,
            key: None,
            client_id: None,
            api_key: None,
            organizations: Vec::new(),
            note: None,
            refused: false,
        }
    }
}

/// The base URL of one service on a simulator at `address`.
pub fn base_url(address: SocketAddr, provider: ProviderKind) -> String {
    let prefix = match provider {
        ProviderKind::IloveQr => "iloveqr/api/v1",
        other => other.as_str(),
    };
    format!("http://{address}/{prefix}")
}

/// The manifest of a simulator listening on `address`.
pub fn build(address: SocketAddr, shared: &Shared) -> Manifest {
    let world = lock(&shared.world);
    let services = ProviderKind::ALL
        .into_iter()
        .map(|provider| {
            let accounts = world
                .accounts
                .iter()
                .filter(|(p, _)| *p == provider)
                .map(|(_, a)| a.clone())
                .collect();
            (
                provider.as_str().to_string(),
                ServiceManifest { base_url: base_url(address, provider), accounts },
            )
        })
        .collect();
    Manifest {
        control_url: format!("http://{address}/_control/{}", shared.control_token),
        services,
    }
}
