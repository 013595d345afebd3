//! What an adapter is built from: the account's settings plus HTTP tuning.

use std::sync::Arc;
use std::time::Duration;

use qrdesk_core::{Credential, ProviderKind};
use tokio_util::sync::CancellationToken;

use crate::stats::RequestStats;

/// Account settings an adapter needs. The secret stays inside [`Credential`] (redacting).
#[derive(Debug, Clone)]
pub struct ProviderConfig {
    pub kind: ProviderKind,
    /// Checked by [`crate::connect`]: `https://`, or `http://` for loopback only.
    pub base_url: String,
    pub credential: Credential,
    /// ExaRoutes `X-Workspace-Id` or iloveQR organization id.
    pub workspace: Option<String>,
    pub http: HttpSettings,
    /// Counters shared with the caller (sync reports them); a fresh set when `None`.
    pub stats: Option<Arc<RequestStats>>,
    /// Cancels in-flight waits and requests (returns a `cancelled` error).
    pub cancel: Option<CancellationToken>,
}

impl ProviderConfig {
    /// Settings with the service's documented base URL and default HTTP tuning.
    pub fn new(kind: ProviderKind, credential: Credential) -> Self {
        ProviderConfig {
            kind,
            base_url: kind.default_base_url().to_string(),
            credential,
            workspace: None,
            http: HttpSettings::default(),
            stats: None,
            cancel: None,
        }
    }

    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }

    pub fn with_workspace(mut self, workspace: Option<String>) -> Self {
        self.workspace = workspace.filter(|w| !w.trim().is_empty());
        self
    }
}

/// Timeouts, retries and pacing limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpSettings {
    pub connect_timeout: Duration,
    /// Whole request, body included.
    pub request_timeout: Duration,
    /// Extra attempts after the first, for requests that are safe to repeat.
    pub max_retries: u32,
    pub user_agent: String,
    /// First backoff delay when a service gives no hint (doubled per attempt, with jitter).
    pub backoff_base: Duration,
    pub backoff_max: Duration,
    /// The longest single wait QR Desk accepts from a service; a longer `Retry-After` becomes a
    /// `rate_limited` error carrying the time instead of a silent hang.
    pub max_wait: Duration,
}

impl Default for HttpSettings {
    fn default() -> Self {
        HttpSettings {
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_retries: 4,
            user_agent: format!("QRDesk/{}", env!("CARGO_PKG_VERSION")),
            backoff_base: Duration::from_millis(500),
            backoff_max: Duration::from_secs(30),
            max_wait: Duration::from_secs(120),
        }
    }
}
