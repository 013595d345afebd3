//! A simulator, an in-memory store with accounts seeded from the manifest, and a connector.

use std::time::Duration;

use qrdesk_core::{AccountId, CodeStatus, ProviderKind, QrCode};
use qrdesk_providers::{list_all, HttpSettings, Provider, RemoteCode};
use qrdesk_sim::{RateLimitMode, SimConfig, Simulator};
use qrdesk_store::codes::{self, CodeFilter};
use qrdesk_store::{accounts, Store};
use qrdesk_sync::{Connector, SyncEngine, SyncOptions, SyncReport};
use qrdesk_testkit::SimConnector;

/// The four QR services, one account each (label fragments of the manifest).
pub const QR_ACCOUNTS: [(ProviderKind, &str); 4] = [
    (ProviderKind::QrV1, "Team plan"),
    (ProviderKind::QrCodePro, "QRCodePro – live"),
    (ProviderKind::IloveQr, "key in one organization"),
    (ProviderKind::ExaRoutes, "Main workspace (Bearer)"),
];

pub struct Env {
    pub sim: Simulator,
    pub store: Store,
    pub connector: SimConnector,
}

pub fn fast_http() -> HttpSettings {
    HttpSettings {
        connect_timeout: Duration::from_secs(2),
        request_timeout: Duration::from_secs(3),
        max_retries: 4,
        backoff_base: Duration::from_millis(10),
        backoff_max: Duration::from_millis(100),
        max_wait: Duration::from_secs(10),
        ..HttpSettings::default()
    }
}

pub async fn env_with(config: SimConfig, labels: &[&str]) -> Env {
    let sim = Simulator::start(config).await.expect("simulator starts");
    let connector = SimConnector::new(sim.manifest()).with_http(fast_http());
    let store = Store::open_in_memory().unwrap();
    let only: Vec<String> = labels.iter().map(|l| l.to_string()).collect();
    let ids = connector.seed_accounts(&store, &only).unwrap();
    assert_eq!(ids.len(), labels.len(), "one account per label");
    Env { sim, store, connector }
}

/// No rate limits, 25 codes per account.
pub async fn env(labels: &[&str]) -> Env {
    env_with(SimConfig { rate_limits: RateLimitMode::Off, ..SimConfig::default() }, labels).await
}

impl Env {
    pub fn engine(&self) -> SyncEngine<'_> {
        SyncEngine::new(&self.store, &self.connector)
    }

    pub async fn sync(&self) -> SyncReport {
        self.engine().sync(&SyncOptions::default()).await.expect("sync runs")
    }

    pub fn account(&self, label: &str) -> qrdesk_core::Account {
        let all = self.store.read(|c| accounts::list(c, chrono::Utc::now())).unwrap();
        all.into_iter().find(|a| a.label.contains(label)).expect("seeded account")
    }

    pub fn provider(&self, account: AccountId) -> Box<dyn Provider> {
        let a = self.store.read(|c| accounts::get(c, account, chrono::Utc::now())).unwrap();
        self.connector.connect(&a).unwrap()
    }

    /// The service's codes of an account, by a fresh adapter (no faults should be active).
    pub async fn remote_codes(&self, account: AccountId) -> Vec<RemoteCode> {
        let mut all = list_all(self.provider(account).as_ref(), 100, 1000).await.unwrap();
        all.sort_by(|a, b| a.remote_id.cmp(&b.remote_id));
        all
    }

    pub fn local_codes(&self, account: AccountId) -> Vec<QrCode> {
        let f = CodeFilter { account: Some(account), ..CodeFilter::default() };
        let mut all = self.store.read(|c| codes::list(c, &f)).unwrap();
        all.sort_by(|a, b| a.remote_id.cmp(&b.remote_id));
        all
    }

    pub fn code_by_remote(&self, account: AccountId, remote_id: &str) -> QrCode {
        self.store
            .read(|c| codes::find_by_remote_id(c, account, remote_id))
            .unwrap()
            .expect("code cached")
    }

    /// The cache holds exactly the service's codes, field by field.
    pub async fn assert_cache_matches_service(&self, account: AccountId) {
        let remote = self.remote_codes(account).await;
        let local = self.local_codes(account);
        let view = |c: &RemoteCode| {
            (
                c.remote_id.clone(),
                c.name.clone(),
                c.destination.clone(),
                c.content.clone(),
                c.status,
            )
        };
        let local_view = |c: &QrCode| -> (String, String, String, String, CodeStatus) {
            (
                c.remote_id.clone().unwrap_or_default(),
                c.name.clone(),
                c.destination.clone(),
                c.content.clone(),
                c.status,
            )
        };
        assert_eq!(
            local.iter().map(local_view).collect::<Vec<_>>(),
            remote.iter().map(view).collect::<Vec<_>>(),
            "cache of account #{account} differs from the service"
        );
    }
}

/// Requests per route whose key starts with `method` and contains `fragment`.
pub fn count(sim: &Simulator, method: &str, fragment: &str) -> u64 {
    sim.control()
        .request_counts()
        .iter()
        .filter(|(k, _)| k.starts_with(method) && k.contains(fragment))
        .map(|(_, n)| n)
        .sum()
}
