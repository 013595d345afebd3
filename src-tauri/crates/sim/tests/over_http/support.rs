//! Starting simulators and calling them.

use chrono::NaiveDate;
use qrdesk_core::ProviderKind;
use qrdesk_sim::{RateLimitMode, SimConfig, Simulator};
use reqwest::header::HeaderMap;
use serde_json::Value;

pub fn config(codes: usize) -> SimConfig {
    SimConfig {
        codes_per_account: codes,
        rate_limits: RateLimitMode::Off,
        today: NaiveDate::from_ymd_opt(2026, 5, 21),
        ..SimConfig::default()
    }
}

pub async fn start(config: SimConfig) -> (Simulator, Value) {
    let sim = Simulator::start(config).await.expect("simulator starts");
    let manifest = serde_json::to_value(sim.manifest()).expect("manifest serialises");
    (sim, manifest)
}

/// Account `index` of a service in the manifest.
pub fn account(manifest: &Value, provider: ProviderKind, index: usize) -> Value {
    manifest["services"][provider.as_str()]["accounts"][index].clone()
}

pub fn key(manifest: &Value, provider: ProviderKind, index: usize) -> String {
    account(manifest, provider, index)["key"].as_str().expect("account has a key").to_string()
}

/// The auth header a service expects for a plain key.
pub fn auth(provider: ProviderKind, key: &str) -> (&'static str, String) {
    match provider {
        ProviderKind::IloveQr => ("x-api-key", key.to_string()),
        _ => ("authorization", format!("Bearer {key}")),
    }
}

pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
    }
}

pub async fn call(
    method: &str,
    url: &str,
    headers: &[(&str, String)],
    body: Option<Value>,
) -> Reply {
    try_call(method, url, headers, body).await.unwrap_or_else(|e| panic!("{method} {url}: {e}"))
}

pub async fn try_call(
    method: &str,
    url: &str,
    headers: &[(&str, String)],
    body: Option<Value>,
) -> Result<Reply, reqwest::Error> {
    let client = reqwest::Client::new();
    let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
    let mut request = client.request(method, url);
    for (name, value) in headers {
        request = request.header(*name, value);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await?;
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await?;
    Ok(Reply { status, headers, text })
}

pub async fn get(url: &str, headers: &[(&str, String)]) -> Reply {
    call("GET", url, headers, None).await
}
