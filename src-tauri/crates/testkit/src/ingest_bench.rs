//! The first sync's ingest measured without the network: the real [`SyncEngine`] lists an
//! in-memory service (pages built before the clock starts) into a fresh account, so the figure is
//! what QR Desk itself spends per code — planning, batched SQLite writes, the search index rebuilt
//! at the end — and neither the simulator's nor HTTP's share (`scripts/bench-sync` prints the
//! end-to-end rate beside it).

use std::sync::Arc;
use std::time::Instant;

use async_trait::async_trait;
use chrono::Utc;
use qrdesk_core::{
    Account, AccountStatus, AppError, CodeStatus, Environment, ErrorKind, ProviderKind,
};
use qrdesk_providers::{
    Page, Provider, ProviderError, ProviderResult, RemoteCode, RequestStats, Verified,
};
use qrdesk_sim::{CAMPAIGNS, MEDIA};
use qrdesk_store::accounts::{self, NewAccount};
use qrdesk_store::Store;
use qrdesk_sync::{block_on, Connector, SyncEngine, SyncOptions};
use serde_json::json;

/// A QRCodePro-like service holding `codes` in memory; `list_page` hands out clones by offset.
struct MemoryService {
    codes: Arc<Vec<RemoteCode>>,
    stats: Arc<RequestStats>,
}

#[async_trait]
impl Provider for MemoryService {
    fn kind(&self) -> ProviderKind {
        ProviderKind::QrCodePro
    }

    fn stats(&self) -> Arc<RequestStats> {
        self.stats.clone()
    }

    async fn verify(&self) -> ProviderResult<Verified> {
        Ok(Verified {
            environment: Environment::Live,
            workspace: None,
            organizations: Vec::new(),
            key: None,
            codes_total: Some(self.codes.len() as u64),
            look_alike_keys: 0,
        })
    }

    async fn list_page(
        &self,
        cursor: Option<&str>,
        limit: u32,
    ) -> ProviderResult<Page<RemoteCode>> {
        let from: usize = match cursor {
            None => 0,
            Some(c) => c.parse().map_err(|_| ProviderError::unsupported(self.kind(), "cursor"))?,
        };
        let to = (from + limit as usize).min(self.codes.len());
        let items = self.codes.get(from..to).unwrap_or_default().to_vec();
        let next = (to < self.codes.len()).then(|| to.to_string());
        Ok(Page { items, next, total: Some(self.codes.len() as u64) })
    }
}

struct MemoryConnector(Arc<Vec<RemoteCode>>);

impl Connector for MemoryConnector {
    fn connect(&self, _account: &Account) -> Result<Box<dyn Provider>, AppError> {
        Ok(Box::new(MemoryService { codes: self.0.clone(), stats: Arc::default() }))
    }
}

/// `n` codes shaped like a real account's: names and destinations from a few campaigns, media
/// and domains, unique short URLs, the service's object kept as raw JSON.
fn remote_codes(n: usize) -> Vec<RemoteCode> {
    const DOMAINS: [&str; 3] =
        ["https://northwind.example", "https://shop.contoso.example", "https://fabrikam.example"];
    let now = Utc::now();
    (0..n)
        .map(|i| {
            // Ids in no particular order, as services hand them out.
            let id = format!("qr_{:010x}", (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 24);
            let (c, m) = (CAMPAIGNS[i % CAMPAIGNS.len()], MEDIA[(i / 16) % MEDIA.len()]);
            let d = DOMAINS[(i / 160) % DOMAINS.len()];
            let destination = format!("{d}/{}?utm_source=qr", c.to_lowercase().replace(' ', "-"));
            let content = format!("https://qrcp.io/b{i:x}");
            RemoteCode {
                raw: json!({ "id": id, "name": format!("{c} {m}"), "destination_url": destination,
                             "short_url": content, "total_scans": i % 1000 }),
                remote_id: id,
                name: format!("{c} {m} – store {}", i % 97),
                kind: "url".into(),
                destination,
                content,
                status: CodeStatus::Active,
                scans_total: Some((i % 1000) as i64),
                created_at: Some(now),
                updated_at: Some(now),
            }
        })
        .collect()
}

/// Runs a first sync of `n` codes from memory into a new account of `store` and reports the rate.
pub fn run(store: &Store, n: usize) -> Result<serde_json::Value, AppError> {
    let now = Utc::now();
    let account = store.transaction(|tx| -> Result<i64, AppError> {
        Ok(accounts::insert(
            tx,
            &NewAccount {
                provider: ProviderKind::QrCodePro,
                label: format!("Ingest bench {}", now.timestamp_millis()),
                base_url: "http://127.0.0.1:9".into(),
                workspace: None,
                environment: Environment::Live,
                masked_key: "qrcp_live_…0000".into(),
                client_id: None,
                status: AccountStatus::Unverified,
                last_verified_at: None,
                expires_at: None,
                key_lifetime_days: None,
                demo: true,
            },
            now,
        )?)
    })?;
    let connector = MemoryConnector(Arc::new(remote_codes(n)));
    let engine = SyncEngine::new(store, &connector);
    let options =
        SyncOptions { accounts: vec![account], analytics: false, ..SyncOptions::default() };
    let started = Instant::now();
    let report = block_on(engine.sync(&options))??;
    let secs = started.elapsed().as_secs_f64();
    if let Some(e) = report.errors.first() {
        return Err(AppError::new(e.kind, e.message.clone()));
    }
    let added = report.counts.codes_added;
    if added != n as u64 {
        return Err(AppError::new(
            ErrorKind::Storage,
            format!("the ingest benchmark wrote {added} codes instead of {n}"),
        ));
    }
    Ok(json!({ "codes": n, "seconds": secs, "codes_per_second": n as f64 / secs.max(1e-9) }))
}
