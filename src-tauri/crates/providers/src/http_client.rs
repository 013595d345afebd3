//! The HTTP core every service module sends through: one `reqwest` client (rustls, connect and
//! request timeouts, no redirects so keys never follow a `Location`), the rate-limit [`Pacer`],
//! retries with backoff for requests that are safe to repeat, cancellation, counters, and the
//! mapping of failed answers through the service's rules. It scrubs the account's secret out of
//! every error it returns.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue, CONTENT_TYPE};
use reqwest::{Method, Url};
use serde_json::Value;
use tokio_util::sync::CancellationToken;

use qrdesk_core::{ApiSecret, AppError, ErrorKind, ProviderKind};

use crate::config::HttpSettings;
use crate::error::{ProviderError, ProviderResult};
use crate::error_mapping::{common_rules, ErrorAnswer};
use crate::rate_limit::{Pacer, RateLimitInfo};
use crate::retry::{Backoff, RetryMode};
use crate::scrub::scrub_secret;
use crate::stats::RequestStats;

/// A service's rules for failed answers (after the common ones).
pub type ErrorRules = fn(&ErrorAnswer) -> ProviderError;

/// Header that carries a create's client reference (servers may deduplicate on it).
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// One request, described independently of the attempt that sends it.
#[derive(Debug, Clone)]
pub struct ApiRequest {
    pub method: Method,
    /// Path under the base URL, starting with `/`.
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Option<Value>,
    pub headers: Vec<(HeaderName, String)>,
    pub retry: RetryMode,
    /// Addresses one item (`…/{id}`): a 404 means the item, not the key.
    pub item: bool,
}

impl ApiRequest {
    fn new(method: Method, path: impl Into<String>, retry: RetryMode) -> Self {
        ApiRequest {
            method,
            path: path.into(),
            query: Vec::new(),
            body: None,
            headers: Vec::new(),
            retry,
            item: false,
        }
    }

    pub fn get(path: impl Into<String>) -> Self {
        Self::new(Method::GET, path, RetryMode::Safe)
    }

    pub fn delete(path: impl Into<String>) -> Self {
        Self::new(Method::DELETE, path, RetryMode::Safe)
    }

    pub fn put(path: impl Into<String>, body: Value) -> Self {
        Self::new(Method::PUT, path, RetryMode::Safe).body(body)
    }

    pub fn patch(path: impl Into<String>, body: Value) -> Self {
        Self::new(Method::PATCH, path, RetryMode::Safe).body(body)
    }

    /// A POST: retried only after a 429 (see [`RetryMode::RejectedOnly`]).
    pub fn post(path: impl Into<String>, body: Value) -> Self {
        Self::new(Method::POST, path, RetryMode::RejectedOnly).body(body)
    }

    pub fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    pub fn query(mut self, key: &str, value: impl ToString) -> Self {
        self.query.push((key.to_string(), value.to_string()));
        self
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((HeaderName::from_static(name), value.into()));
        self
    }

    pub fn item(mut self) -> Self {
        self.item = true;
        self
    }
}

/// The body of a 2xx answer as JSON (`null` when empty); anything else is `malformed_response`
/// (and, for a request that is safe to repeat, retried like a dropped connection).
fn success_body(service: ProviderKind, status: u16, text: &str) -> ProviderResult<Value> {
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_str(text)
        .map_err(|_| ProviderError::malformed(service, status, text, "a body that is not JSON"))
}

/// The largest answer read from a service; a page of codes is a few hundred kB at most.
pub const MAX_BODY_BYTES: usize = 8 << 20;

enum BodyError {
    Read(reqwest::Error),
    TooLarge,
}

/// Reads a body chunk by chunk, stopping as soon as it passes `cap` bytes (a hostile or broken
/// server never fills the memory).
async fn read_capped(mut resp: reqwest::Response, cap: usize) -> Result<Vec<u8>, BodyError> {
    if resp.content_length().is_some_and(|n| n > cap as u64) {
        return Err(BodyError::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(BodyError::Read)? {
        if body.len() + chunk.len() > cap {
            return Err(BodyError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// A 64-bit fingerprint of a key (SipHash), to tell accounts apart without keeping the key.
fn key_fingerprint(secret: &ApiSecret) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    secret.expose().hash(&mut h);
    h.finish()
}

/// Sends requests for one account.
pub struct HttpCore {
    pub service: ProviderKind,
    client: reqwest::Client,
    base: Url,
    auth: HeaderMap,
    secret: ApiSecret,
    pacer: Arc<Pacer>,
    stats: Arc<RequestStats>,
    settings: HttpSettings,
    cancel: CancellationToken,
    rules: ErrorRules,
}

impl std::fmt::Debug for HttpCore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpCore")
            .field("service", &self.service)
            .field("base", &self.base.as_str())
            .field("secret", &self.secret)
            .finish_non_exhaustive()
    }
}

/// Everything [`HttpCore::new`] needs.
pub struct CoreParts {
    pub service: ProviderKind,
    pub base: Url,
    /// Authentication headers; their values are marked sensitive.
    pub auth: Vec<(HeaderName, String)>,
    pub secret: ApiSecret,
    pub settings: HttpSettings,
    pub stats: Arc<RequestStats>,
    pub cancel: CancellationToken,
    pub rules: ErrorRules,
}

impl HttpCore {
    pub fn new(p: CoreParts) -> Result<Self, AppError> {
        let mut builder = reqwest::Client::builder()
            .connect_timeout(p.settings.connect_timeout)
            .timeout(p.settings.request_timeout)
            .user_agent(p.settings.user_agent.clone())
            .redirect(reqwest::redirect::Policy::none());
        // Plain http:// is allowed only to this computer: a host *name* that passed as loopback
        // (`localhost`) is pinned to the loopback addresses, never asked of a resolver.
        if let Some((host, addrs)) = crate::base_url::pinned_loopback(&p.base) {
            builder = builder.resolve_to_addrs(&host, &addrs);
        }
        let client = builder.build().map_err(|e| {
            AppError::new(ErrorKind::Network, format!("The HTTP client could not start ({e})"))
        })?;
        let mut auth = HeaderMap::new();
        for (name, value) in p.auth {
            // The header value is the one copy kept; the string it was built from is wiped.
            let value = zeroize::Zeroizing::new(value);
            let mut v = HeaderValue::from_str(&value).map_err(|_| {
                AppError::new(
                    ErrorKind::InvalidCredentials,
                    "The key contains characters that cannot be sent in a request header",
                )
            })?;
            v.set_sensitive(true);
            auth.insert(name, v);
        }
        let pacer = Pacer::shared(p.service.as_str(), p.base.as_str(), key_fingerprint(&p.secret));
        Ok(HttpCore {
            service: p.service,
            client,
            base: p.base,
            auth,
            secret: p.secret,
            pacer,
            stats: p.stats,
            settings: p.settings,
            cancel: p.cancel,
            rules: p.rules,
        })
    }

    pub fn stats(&self) -> Arc<RequestStats> {
        self.stats.clone()
    }

    pub fn settings(&self) -> &HttpSettings {
        &self.settings
    }

    pub fn secret(&self) -> &ApiSecret {
        &self.secret
    }

    /// Sends `req`, pacing, retrying as its [`RetryMode`] allows. Only 2xx answers with a JSON
    /// (or empty) body are `Ok`.
    pub async fn send(&self, req: &ApiRequest) -> ProviderResult<Value> {
        let mut attempt: u32 = 0;
        loop {
            let err = match self.attempt(req).await {
                Ok(resp) => return Ok(resp),
                Err(e) => e.scrub(self.secret.expose()),
            };
            if err.kind == ErrorKind::Cancelled
                || !req.retry.allows(&err)
                || attempt >= self.settings.max_retries
            {
                return Err(err);
            }
            if err.kind == ErrorKind::RateLimited {
                let wait = err.retry_after.unwrap_or_else(|| self.backoff().delay(attempt));
                if wait > self.settings.max_wait {
                    return Err(err.with_retry_after(Some(wait)));
                }
                // The next reservation (of this or any other request) waits it out.
                self.pacer.block_for(wait, Instant::now());
            } else {
                self.pause(self.backoff().delay(attempt), false).await?;
            }
            tracing::debug!(service = %self.service, kind = %err.kind, attempt, "retrying request");
            self.stats.retried();
            attempt += 1;
        }
    }

    /// Waits the backoff for `attempt` (used by create recovery between checks).
    pub async fn backoff_pause(&self, attempt: u32) -> ProviderResult<()> {
        self.pause(self.backoff().delay(attempt), false).await
    }

    fn backoff(&self) -> Backoff {
        Backoff { base: self.settings.backoff_base, max: self.settings.backoff_max }
    }

    async fn pause(&self, d: Duration, rate_limit: bool) -> ProviderResult<()> {
        if d.is_zero() {
            return Ok(());
        }
        let started = Instant::now();
        tokio::select! {
            _ = self.cancel.cancelled() => return Err(ProviderError::cancelled()),
            _ = tokio::time::sleep(d) => {}
        }
        self.stats.waited(started.elapsed(), rate_limit);
        Ok(())
    }

    fn url(&self, path: &str) -> ProviderResult<Url> {
        let joined = format!("{}{}", self.base.as_str().trim_end_matches('/'), path);
        Url::parse(&joined).map_err(|e| {
            ProviderError::new(
                ErrorKind::BadInput,
                format!("Cannot build the request address ({e})"),
            )
        })
    }

    async fn attempt(&self, req: &ApiRequest) -> ProviderResult<Value> {
        let url = self.url(&req.path)?;
        let wait = self.pacer.reserve(Instant::now());
        if let Err(e) = self.pause(wait, true).await {
            self.pacer.release();
            return Err(e);
        }
        let mut builder = self.client.request(req.method.clone(), url).headers(self.auth.clone());
        if !req.query.is_empty() {
            builder = builder.query(&req.query);
        }
        for (name, value) in &req.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = &req.body {
            builder = builder.header(CONTENT_TYPE, "application/json").body(body.to_string());
        }
        self.stats.sent();
        let sent = tokio::select! {
            _ = self.cancel.cancelled() => {
                self.pacer.release();
                return Err(ProviderError::cancelled());
            }
            r = builder.send() => r,
        };
        let resp = match sent {
            Ok(r) => r,
            Err(e) => {
                self.pacer.release();
                return Err(self.network_error(&e, false));
            }
        };
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let info = RateLimitInfo::from_headers(&headers, SystemTime::now());
        self.pacer.observe(&info, Instant::now());
        let body = tokio::select! {
            _ = self.cancel.cancelled() => return Err(ProviderError::cancelled()),
            b = read_capped(resp, MAX_BODY_BYTES) => b,
        };
        let body = match body {
            Ok(bytes) => bytes,
            Err(BodyError::Read(e)) => return Err(self.network_error(&e, true)),
            Err(BodyError::TooLarge) => return Err(self.too_large(status)),
        };
        // Scrubbed before anything reads it: parsing, error messages, quoting, cutting.
        let text = String::from_utf8_lossy(&body);
        let text = scrub_secret(&text, self.secret.expose()).into_owned();
        if (200..300).contains(&status) {
            return success_body(self.service, status, &text);
        }
        if status == 429 {
            self.stats.throttled();
        }
        let mut answer = ErrorAnswer::new(self.service, status, headers, text);
        answer.item_request = req.item;
        let mut err = common_rules(&answer).unwrap_or_else(|| (self.rules)(&answer));
        if err.kind == ErrorKind::RateLimited && err.retry_after.is_none() {
            err.retry_after =
                info.retry_after.or(info.reset_in.map(|d| d + Duration::from_millis(30)));
        }
        Err(err)
    }

    fn too_large(&self, status: u16) -> ProviderError {
        ProviderError::new(
            ErrorKind::MalformedResponse,
            format!(
                "{} sent an answer larger than {} MB; QR Desk stopped reading it",
                self.service.display_name(),
                MAX_BODY_BYTES >> 20
            ),
        )
        .with_status(status)
    }

    fn network_error(&self, e: &reqwest::Error, reading: bool) -> ProviderError {
        let name = self.service.display_name();
        let host = self.base.host_str().unwrap_or("the service");
        let msg = if e.is_timeout() {
            format!("{name} ({host}) did not answer in time")
        } else if e.is_connect() {
            format!("Could not connect to {name} at {host}")
        } else if reading || e.is_body() || e.is_decode() {
            format!("The connection to {name} ({host}) broke off while the answer was arriving")
        } else {
            // The transport's own wording ("SendRequest: connection closed before message
            // completed") means nothing to the people reading this; the kind says what to do.
            format!("The connection to {name} ({host}) was closed before it answered")
        };
        ProviderError::new(ErrorKind::Network, msg)
    }
}
