//! A [`Connector`] backed by a running `qrdesk-sim` (demo mode, tests, crash and benchmark
//! scripts): keys come from the simulator's manifest (`GET /_control/manifest`), never from the
//! keychain or a file. Accounts are matched by service and label.

use std::collections::BTreeMap;

use chrono::Utc;
use qrdesk_core::{
    Account, AccountId, AccountStatus, ApiSecret, AppError, Credential, Environment, ErrorKind,
    ProviderKind,
};
use qrdesk_providers::{connect, HttpSettings, Provider, ProviderConfig};
use qrdesk_store::accounts::{self, NewAccount};
use qrdesk_store::Store;
use serde::Deserialize;

use crate::connector::Connector;

/// The environment variable naming a simulator's control URL (`http://127.0.0.1:P/_control`).
pub const SIM_URL_ENV: &str = "QRDESK_SIM_URL";

/// The manifest as the simulator serves it.
#[derive(Debug, Clone, Deserialize)]
pub struct SimManifest {
    pub control_url: String,
    pub services: BTreeMap<String, SimService>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SimService {
    pub base_url: String,
    pub accounts: Vec<SimAccount>,
}

/// One seeded account. Its Debug output never shows the key.
#[derive(Clone, Deserialize)]
pub struct SimAccount {
    pub label: String,
    pub environment: String,
    pub workspace: Option<String>,
    pub organization: Option<String>,
    key: Option<String>,
    pub client_id: Option<String>,
    api_key: Option<String>,
    #[serde(default)]
    pub organizations: Vec<String>,
    pub note: Option<String>,
}

impl std::fmt::Debug for SimAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimAccount").field("label", &self.label).finish_non_exhaustive()
    }
}

impl SimAccount {
    pub fn credential(&self) -> Option<Credential> {
        match (&self.key, &self.client_id, &self.api_key) {
            (Some(k), _, _) => Some(Credential::Key(ApiSecret::new(k.clone()))),
            (None, Some(c), Some(k)) => {
                Some(Credential::Pair { client_id: c.clone(), api_key: ApiSecret::new(k.clone()) })
            }
            _ => None,
        }
    }

    /// The key as the simulator knows it (to revoke it in tests).
    pub fn secret(&self) -> Option<ApiSecret> {
        self.key.clone().or_else(|| self.api_key.clone()).map(ApiSecret::new)
    }

    /// The workspace or organization the account works in (the first one when several).
    pub fn scope(&self) -> Option<String> {
        self.workspace
            .clone()
            .or_else(|| self.organization.clone())
            .or_else(|| self.organizations.first().cloned())
    }

    /// A plan below the API's (every call refused): not worth syncing.
    pub fn refused(&self) -> bool {
        self.note.as_deref().is_some_and(|n| n.contains("every call gets 403"))
    }
}

/// Builds adapters from a simulator's manifest.
#[derive(Debug, Clone)]
pub struct SimConnector {
    manifest: SimManifest,
    http: HttpSettings,
}

impl SimConnector {
    pub fn new(manifest: SimManifest) -> Self {
        SimConnector { manifest, http: HttpSettings::default() }
    }

    /// With other timeouts and retries (tests use short backoffs).
    pub fn with_http(mut self, http: HttpSettings) -> Self {
        self.http = http;
        self
    }

    /// Reads the manifest of the simulator at `control_url`.
    pub async fn fetch(control_url: &str) -> Result<Self, AppError> {
        let url = format!("{}/manifest", control_url.trim_end_matches('/'));
        let unreachable = |e: reqwest::Error| {
            AppError::new(
                ErrorKind::Network,
                format!("The simulator at {control_url} did not answer: {e}"),
            )
        };
        let manifest: SimManifest = reqwest::get(&url)
            .await
            .map_err(unreachable)?
            .error_for_status()
            .map_err(unreachable)?
            .json()
            .await
            .map_err(|e| {
                AppError::new(
                    ErrorKind::MalformedResponse,
                    format!("The simulator's manifest is not readable: {e}"),
                )
            })?;
        Ok(SimConnector::new(manifest))
    }

    /// From `QRDESK_SIM_URL`, when set.
    pub async fn from_env() -> Option<Result<Self, AppError>> {
        let url = std::env::var(SIM_URL_ENV).ok().filter(|u| !u.trim().is_empty())?;
        Some(SimConnector::fetch(&url).await)
    }

    pub fn manifest(&self) -> &SimManifest {
        &self.manifest
    }

    /// The manifest account of `provider` whose label is exactly `label`.
    pub fn find(&self, provider: ProviderKind, label: &str) -> Option<(&SimService, &SimAccount)> {
        let service = self.manifest.services.get(provider.as_str())?;
        service.accounts.iter().find(|a| a.label == label).map(|a| (service, a))
    }

    /// Adds an account row (metadata only) for every QR-code account of the manifest whose label
    /// contains one of `only` (all when empty), skipping plans the API refuses. Returns their ids.
    pub fn seed_accounts(
        &self,
        store: &Store,
        only: &[String],
    ) -> Result<Vec<AccountId>, AppError> {
        let now = Utc::now();
        let mut wanted = Vec::new();
        for (name, service) in &self.manifest.services {
            let Some(provider) = ProviderKind::parse(name) else { continue };
            if !provider.has_codes() {
                continue;
            }
            for a in &service.accounts {
                let chosen = only.is_empty() || only.iter().any(|o| a.label.contains(o.as_str()));
                if !chosen || a.refused() {
                    continue;
                }
                let Some(secret) = a.secret() else { continue };
                wanted.push(NewAccount {
                    provider,
                    label: a.label.clone(),
                    base_url: service.base_url.clone(),
                    workspace: a.scope(),
                    environment: Environment::parse(&a.environment).unwrap_or_default(),
                    masked_key: secret.masked(),
                    client_id: a.client_id.clone(),
                    status: AccountStatus::Unverified,
                    last_verified_at: None,
                    expires_at: None,
                    key_lifetime_days: None,
                    demo: true,
                });
            }
        }
        store.transaction(|tx| -> Result<Vec<AccountId>, AppError> {
            let mut ids = Vec::new();
            for a in &wanted {
                ids.push(accounts::insert(tx, a, now)?);
            }
            Ok(ids)
        })
    }
}

impl Connector for SimConnector {
    fn connect(&self, account: &Account) -> Result<Box<dyn Provider>, AppError> {
        let (_, sim_account) = self.find(account.provider, &account.label).ok_or_else(|| {
            AppError::new(
                ErrorKind::MissingCredentials,
                format!("The simulator has no account labelled \"{}\"", account.label),
            )
        })?;
        let credential =
            sim_account.credential().ok_or_else(|| AppError::of(ErrorKind::MissingCredentials))?;
        let mut config = ProviderConfig::new(account.provider, credential)
            .with_base_url(account.base_url.clone())
            .with_workspace(account.workspace.clone());
        config.http = self.http.clone();
        connect(config)
    }
}
