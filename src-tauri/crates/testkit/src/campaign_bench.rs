//! The campaign benchmark of `scripts/bench-sync`: a ROWS-row campaign on the simulator's
//! QRCodePro live account, run through `qrdesk-app` as the CLI runs it (keys in a memory store):
//! the creates go out through the sync engine, paced by the limit the service announces, until
//! every code has its short link; then the labels print. Reports the time, the requests sent
//! (beside the minimum: one create per row and the list pages that bring the links back) and the
//! 429 answers received.

use std::time::Instant;

use qrdesk_app::accounts::{add_account_key, NewAccountKey};
use qrdesk_app::campaigns::{advance_campaign, create_campaign, CampaignRequest, CampaignSettings};
use qrdesk_app::AppContext;
use qrdesk_core::{ApiSecret, AppError, ProviderKind};
use qrdesk_secrets::MemoryStore;
use qrdesk_store::campaigns;
use serde_json::json;

use crate::SimConnector;

/// Runs the benchmark in `dir` against the simulator at `sim_url`.
pub async fn run(
    sim_url: &str,
    rows: usize,
    dir: &std::path::Path,
) -> Result<serde_json::Value, AppError> {
    let sim = SimConnector::fetch(sim_url).await?;
    let (service, account) = sim
        .find(ProviderKind::QrCodePro, "QRCodePro – live")
        .ok_or_else(|| AppError::bad_input("the simulator has no \"QRCodePro – live\" account"))?;
    let key = account.key.clone().ok_or_else(|| AppError::bad_input("no key in the manifest"))?;
    let ctx = AppContext::open_with(dir, Ok(Box::new(MemoryStore::new())))?;
    let added = add_account_key(
        &ctx,
        NewAccountKey {
            provider: Some(ProviderKind::QrCodePro),
            label: "Bench".into(),
            secret: ApiSecret::new(key),
            client_id: None,
            workspace: None,
            base_url: Some(service.base_url.clone()),
            expires_at: None,
            verify: false,
        },
    )
    .await?;
    let csv = dir.join("campaign.csv");
    let mut text = String::from("table,url\n");
    for i in 1..=rows {
        text.push_str(&format!("Table {i},https://bench.example/t/{i}\n"));
    }
    std::fs::write(&csv, text).map_err(|e| AppError::io(e.to_string()))?;
    let request = CampaignRequest {
        account: added.id,
        name: Some("Bench".into()),
        csv,
        name_column: "table".into(),
        destination_column: "url".into(),
        settings: CampaignSettings {
            layout: "avery-l7160".into(),
            layout_file: None,
            design: None,
            style: None,
            caption: Some("{name}".into()),
            start_at: 1,
            output: dir.join("campaign.pdf").display().to_string(),
            utm: Some("utm_source=print&utm_content={serial}".into()),
            source: String::new(),
        },
    };
    let started = Instant::now();
    let id = create_campaign(&ctx, &request)?;
    let (mut requests, mut throttled, mut waits) = (0u64, 0u64, 0u64);
    // Sync until every code has its short link, counting what the engine sent and received.
    for _ in 0..50 {
        let lines = ctx.store().read(|c| campaigns::lines(c, id))?;
        if lines.iter().all(|l| !l.short_link.is_empty()) {
            break;
        }
        let report = qrdesk_app::sync::push_and_list(&ctx, added.id).await?;
        requests += report.counts.requests;
        throttled += report.counts.throttled;
        waits += report.counts.rate_limit_waits;
    }
    let outcome = advance_campaign(&ctx, id).await?;
    let seconds = started.elapsed().as_secs_f64();
    let list_pages = (rows as u64).div_ceil(100) + 1;
    Ok(json!({
        "rows": rows,
        "status": outcome.status,
        "codes": outcome.codes_created,
        "pages": outcome.pages,
        "seconds": seconds,
        "requests": requests,
        "minimum_requests": rows as u64 + list_pages,
        "throttled_429": throttled,
        "rate_limit_waits": waits,
    }))
}
