//! Shared set-up: a simulator, a store, a keychain and helpers to read their state.

use std::time::Duration;

use chrono::{DateTime, Utc};
use qrdesk_core::{Account, AccountId, ApiSecret, Credential, Environment, ProviderKind};
use qrdesk_providers::{HttpSettings, ProviderConfig};
use qrdesk_secrets::{MemoryStore, SecretStore, Slot};
use qrdesk_sim::{ManifestAccount, RateLimitMode, SimConfig, Simulator};
use qrdesk_store::Store;

use crate::{AccountService, AccountToAdd};

pub async fn sim() -> Simulator {
    let config = SimConfig {
        codes_per_account: 2,
        scan_days: 2,
        rate_limits: RateLimitMode::Off,
        ..SimConfig::default()
    };
    Simulator::start(config).await.expect("simulator starts")
}

/// Short timeouts and no retries: tests must be fast and see failures at once.
pub fn http() -> HttpSettings {
    HttpSettings {
        connect_timeout: Duration::from_secs(2),
        request_timeout: Duration::from_secs(5),
        max_retries: 0,
        backoff_base: Duration::from_millis(10),
        backoff_max: Duration::from_millis(20),
        ..HttpSettings::default()
    }
}

pub struct World {
    pub sim: Simulator,
    pub store: Store,
    pub secrets: MemoryStore,
}

impl World {
    pub async fn new() -> World {
        World {
            sim: sim().await,
            store: Store::open_in_memory().expect("store"),
            secrets: MemoryStore::new(),
        }
    }

    /// A fresh service over the same store and keychain (a "restarted process").
    pub fn service(&self) -> AccountService<'_> {
        AccountService::new(&self.store, &self.secrets).with_http(http())
    }

    pub fn seeded(&self, provider: ProviderKind, index: usize) -> ManifestAccount {
        let manifest = self.sim.manifest();
        manifest.services[provider.as_str()].accounts[index].clone()
    }

    pub fn request(&self, provider: Option<ProviderKind>, key: &str) -> AccountToAdd {
        let base = provider.map(|p| self.sim.base_url(p));
        AccountToAdd {
            provider,
            label: "Test account".into(),
            secret: ApiSecret::new(key),
            client_id: None,
            workspace: None,
            base_url: base,
            expires_at: None,
            verify: true,
        }
    }

    /// Adds an account for `key` (on the simulator) and returns it.
    pub async fn add(&self, provider: ProviderKind, key: &str, workspace: Option<&str>) -> Account {
        let mut request = self.request(Some(provider), key);
        request.workspace = workspace.map(str::to_string);
        self.service().add_account(request, Utc::now()).await.expect("account added")
    }

    /// A new valid key for the same data as a seeded account.
    pub fn issue(&self, provider: ProviderKind, scope: Option<&str>) -> String {
        self.sim.control().issue_key(provider, Environment::Live, scope).expect("key issued")
    }

    pub fn slots(&self, id: AccountId) -> Vec<Slot> {
        let key_ref = self.service().keychain_ref(id).expect("keychain ref");
        self.secrets.slots(&key_ref)
    }

    pub fn slot_secret(&self, id: AccountId, slot: Slot) -> Option<String> {
        let key_ref = self.service().keychain_ref(id).expect("keychain ref");
        self.secrets
            .get_slot(&key_ref, slot)
            .expect("keychain read")
            .map(|c| c.secret().expose().to_string())
    }

    /// Whether the service accepts `key` for the account's settings right now.
    pub async fn works(&self, account: &Account, key: &str) -> bool {
        let credential = match &account.client_id {
            Some(client_id) if key.starts_with("sk_live_") => {
                Credential::Pair { client_id: client_id.clone(), api_key: ApiSecret::new(key) }
            }
            _ => Credential::Key(ApiSecret::new(key)),
        };
        let mut config = ProviderConfig::new(account.provider, credential)
            .with_base_url(account.base_url.clone())
            .with_workspace(account.workspace.clone());
        config.http = http();
        let provider = qrdesk_providers::connect(config).expect("adapter");
        provider.verify().await.is_ok()
    }

    pub fn account(&self, id: AccountId) -> Account {
        self.service().account(id, Utc::now()).expect("account")
    }

    pub fn audit_events(&self, id: AccountId) -> Vec<String> {
        self.store
            .read(|c| qrdesk_store::audit::list(c, id))
            .expect("audit")
            .into_iter()
            .map(|e| e.event)
            .collect()
    }

    /// Every audit detail and every text column of the rotation rows, for leak checks.
    pub fn stored_text(&self, id: AccountId) -> String {
        let mut text = String::new();
        for event in self.store.read(|c| qrdesk_store::audit::list(c, id)).expect("audit") {
            text.push_str(&event.detail);
            text.push('\n');
        }
        if let Some(row) = self.store.read(|c| qrdesk_store::rotations::get(c, id)).expect("row") {
            text.push_str(&row.state);
        }
        text.push_str(&format!("{:?}", self.account(id)));
        text
    }
}

pub fn now() -> DateTime<Utc> {
    Utc::now()
}
