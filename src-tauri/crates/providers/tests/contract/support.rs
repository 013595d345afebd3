//! Starting a simulator and connecting adapters to it.

use std::time::Duration;

use qrdesk_core::{ApiSecret, AppError, Credential, ErrorKind, ProviderKind};
use qrdesk_providers::{connect, HttpSettings, Provider, ProviderConfig, ProviderError};
use qrdesk_sim::{ManifestAccount, RateLimitMode, SimConfig, Simulator};

/// A simulator without rate limits (the rate-limit tests turn them on), 25 codes per account.
pub async fn sim() -> Simulator {
    sim_with(SimConfig { rate_limits: RateLimitMode::Off, ..SimConfig::default() }).await
}

pub async fn sim_with(config: SimConfig) -> Simulator {
    Simulator::start(config).await.expect("simulator starts on loopback")
}

/// Short backoff so fault tests stay fast.
pub fn fast_http() -> HttpSettings {
    HttpSettings {
        connect_timeout: Duration::from_secs(2),
        request_timeout: Duration::from_secs(5),
        max_retries: 4,
        backoff_base: Duration::from_millis(20),
        backoff_max: Duration::from_millis(200),
        max_wait: Duration::from_secs(10),
        ..HttpSettings::default()
    }
}

/// The manifest account of `kind` whose label contains `label`.
pub fn account(sim: &Simulator, kind: ProviderKind, label: &str) -> ManifestAccount {
    let manifest = sim.manifest();
    let service = manifest.services.get(kind.as_str()).expect("service in manifest");
    service
        .accounts
        .iter()
        .find(|a| a.label.contains(label))
        .unwrap_or_else(|| panic!("no {kind} account labelled {label}: {:?}", service.accounts))
        .clone()
}

pub fn key_of(a: &ManifestAccount) -> Credential {
    Credential::Key(ApiSecret::new(a.key.clone().expect("account has a key")))
}

pub fn config(sim: &Simulator, kind: ProviderKind, credential: Credential) -> ProviderConfig {
    let mut c = ProviderConfig::new(kind, credential).with_base_url(sim.base_url(kind));
    c.http = fast_http();
    c
}

pub fn provider(
    sim: &Simulator,
    kind: ProviderKind,
    credential: Credential,
    workspace: Option<&str>,
) -> Box<dyn Provider> {
    connect(config(sim, kind, credential).with_workspace(workspace.map(str::to_string)))
        .expect("adapter connects")
}

/// The adapter for a manifest account (its key and, when set, its workspace).
pub fn for_account(sim: &Simulator, kind: ProviderKind, label: &str) -> Box<dyn Provider> {
    let a = account(sim, kind, label);
    let credential = match (&a.key, &a.client_id, &a.api_key) {
        (Some(k), _, _) => Credential::Key(ApiSecret::new(k.clone())),
        (None, Some(c), Some(k)) => {
            Credential::Pair { client_id: c.clone(), api_key: ApiSecret::new(k.clone()) }
        }
        _ => panic!("account without credentials"),
    };
    provider(sim, kind, credential, a.workspace.as_deref().or(a.organization.as_deref()))
}

/// Asserts the error kind, and that neither the error nor its `AppError` shows `secret`.
pub fn expect_kind(
    result: Result<impl std::fmt::Debug, ProviderError>,
    kind: ErrorKind,
    secret: &str,
) -> ProviderError {
    let err = result.expect_err("call should fail");
    assert_eq!(err.kind, kind, "unexpected error: {err:?}");
    assert_no_secret(&err, secret);
    err
}

pub fn assert_no_secret(err: &ProviderError, secret: &str) {
    if secret.is_empty() {
        return;
    }
    let app: AppError = err.clone().into();
    for shown in [
        format!("{err}"),
        format!("{err:?}"),
        format!("{app}"),
        format!("{app:?}"),
        app.to_json().to_string(),
    ] {
        assert!(!shown.contains(secret), "secret leaked in {shown}");
    }
}

/// Every code of the account, following `next` with pages of `limit`, checking each page.
pub async fn walk(p: &dyn Provider, limit: u32) -> (Vec<String>, usize) {
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let page = p.list_page(cursor.as_deref(), limit).await.expect("page");
        pages += 1;
        assert!(page.items.len() <= limit as usize, "page larger than asked");
        for c in &page.items {
            assert!(!c.remote_id.is_empty());
            assert!(!c.content.is_empty(), "code {} has no encoded content", c.remote_id);
            assert_ne!(c.content, c.destination, "content must be the redirect URL");
            assert!(c.created_at.is_some(), "created_at parsed for {}", c.raw);
            ids.push(c.remote_id.clone());
        }
        match page.next {
            Some(n) => cursor = Some(n),
            None => break,
        }
        assert!(pages < 1000, "pagination does not end");
    }
    (ids, pages)
}
