//! A [`Connector`] backed by a running `qrdesk-sim` (sync tests, the soak, the crash and
//! benchmark scripts): keys come from the simulator's manifest (`GET /_control/manifest`, the
//! sim's own [`Manifest`] type), never from a file. Accounts are matched by service and label.
//! The product never uses it: the `qrdesk` CLI and the window reach services only with keys from
//! the keychain.

use chrono::Utc;
use qrdesk_core::{
    Account, AccountId, AccountStatus, ApiSecret, AppError, Credential, Environment, ErrorKind,
    ProviderKind,
};
use qrdesk_providers::{connect, HttpSettings, Provider, ProviderConfig};
use qrdesk_secrets::{AccountRef, SecretStore, Slot};
use qrdesk_sim::{Manifest, ManifestAccount, ServiceManifest};
use qrdesk_store::accounts::{self, NewAccount};
use qrdesk_store::Store;
use qrdesk_sync::Connector;

/// What the harness needs of one seeded account of the simulator's [`Manifest`].
pub trait SeededAccount {
    /// The credential the simulator issued (a key, or the ExaRoutes client id + key pair).
    fn credential(&self) -> Option<Credential>;
    /// The key as the simulator knows it (to revoke it in tests).
    fn secret(&self) -> Option<ApiSecret>;
    /// The workspace or organization the account works in (the first one when several).
    fn scope(&self) -> Option<String>;
}

impl SeededAccount for ManifestAccount {
    fn credential(&self) -> Option<Credential> {
        match (&self.key, &self.client_id, &self.api_key) {
            (Some(k), _, _) => Some(Credential::Key(ApiSecret::new(k.clone()))),
            (None, Some(c), Some(k)) => {
                Some(Credential::Pair { client_id: c.clone(), api_key: ApiSecret::new(k.clone()) })
            }
            _ => None,
        }
    }

    fn secret(&self) -> Option<ApiSecret> {
        self.key.clone().or_else(|| self.api_key.clone()).map(ApiSecret::new)
    }

    fn scope(&self) -> Option<String> {
        self.workspace
            .clone()
            .or_else(|| self.organization.clone())
            .or_else(|| self.organizations.first().cloned())
    }
}

/// The keychain references of seeded accounts start with this (scripts tell them apart from the
/// accounts the product added).
pub const SEEDED_REF_PREFIX: &str = "testkit-account-";

/// Builds adapters from a simulator's manifest.
#[derive(Debug, Clone)]
pub struct SimConnector {
    manifest: Manifest,
    http: HttpSettings,
}

impl SimConnector {
    pub fn new(manifest: Manifest) -> Self {
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
        let manifest: Manifest = reqwest::get(&url)
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

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The manifest account of `provider` whose label is exactly `label`.
    pub fn find(
        &self,
        provider: ProviderKind,
        label: &str,
    ) -> Option<(&ServiceManifest, &ManifestAccount)> {
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
        self.seed(store, only, None)
    }

    /// Like [`SimConnector::seed_accounts`], and files each account's key in `keychain` the way
    /// the app does, so the real `qrdesk` binary reaches the simulator with keys from the
    /// keychain (the crash trials run it so, inside a private keyring session).
    pub fn seed_accounts_with_keys(
        &self,
        store: &Store,
        only: &[String],
        keychain: &dyn SecretStore,
    ) -> Result<Vec<AccountId>, AppError> {
        self.seed(store, only, Some(keychain))
    }

    fn seed(
        &self,
        store: &Store,
        only: &[String],
        keychain: Option<&dyn SecretStore>,
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
                if !chosen || a.refused {
                    continue;
                }
                let (Some(secret), Some(credential)) = (a.secret(), a.credential()) else {
                    continue;
                };
                wanted.push((
                    credential,
                    NewAccount {
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
                        demo: keychain.is_none(),
                    },
                ));
            }
        }
        store.transaction(|tx| -> Result<Vec<AccountId>, AppError> {
            let mut ids = Vec::new();
            for (credential, a) in &wanted {
                let id = accounts::insert(tx, a, now)?;
                if let Some(keychain) = keychain {
                    let key_ref = AccountRef::parse(&format!("{SEEDED_REF_PREFIX}{id}"))?;
                    keychain.put_slot(&key_ref, Slot::Active, credential)?;
                    accounts::set_keychain_ref(tx, id, key_ref.as_str())?;
                }
                ids.push(id);
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
