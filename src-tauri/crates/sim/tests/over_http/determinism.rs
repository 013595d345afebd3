//! Two starts with the same seed serve the same data; another seed serves other data.

use qrdesk_core::ProviderKind;
use qrdesk_sim::SimConfig;
use serde_json::Value;

use crate::support::{auth, config, get, key, start};

/// The first page of every QR service, as served.
async fn snapshot(seed: u64) -> (Vec<Value>, Vec<String>) {
    let (sim, manifest) = start(SimConfig { seed, ..config(6) }).await;
    let mut pages = Vec::new();
    let mut keys = Vec::new();
    let urls = [
        (ProviderKind::ExaRoutes, 1, "/api/qr/codes?limit=100".to_string()),
        (ProviderKind::QrV1, 0, "/api/v1/qr?limit=100".to_string()),
        (ProviderKind::QrCodePro, 1, "/v1/qrcodes?limit=100".to_string()),
    ];
    for (provider, index, path) in urls {
        let k = key(&manifest, provider, index);
        pages.push(
            get(&format!("{}{path}", sim.base_url(provider)), &[auth(provider, &k)]).await.json(),
        );
        keys.push(k);
    }
    let il = key(&manifest, ProviderKind::IloveQr, 0);
    let org = manifest["services"]["iloveqr"]["accounts"][0]["organizations"][1]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let url =
        format!("{}/organizations/{org}/qr-codes?limit=100", sim.base_url(ProviderKind::IloveQr));
    pages.push(get(&url, &[auth(ProviderKind::IloveQr, &il)]).await.json());
    keys.push(il);
    sim.shutdown().await;
    (pages, keys)
}

#[tokio::test]
async fn same_seed_same_data() {
    let (a_pages, a_keys) = snapshot(7).await;
    let (b_pages, b_keys) = snapshot(7).await;
    assert_eq!(a_keys, b_keys);
    assert_eq!(a_pages, b_pages);
    assert!(a_pages.iter().all(|p| p["data"].as_array().is_some_and(|d| d.len() == 6)));
    let (c_pages, c_keys) = snapshot(8).await;
    assert_ne!(a_keys, c_keys);
    assert_ne!(a_pages, c_pages);
}

#[tokio::test]
async fn starts_fast_and_scales_to_large_accounts() {
    let started = std::time::Instant::now();
    let (sim, _) = start(config(25)).await;
    let small = started.elapsed();
    sim.shutdown().await;
    assert!(small.as_millis() < 1_000, "25 codes per account took {small:?}");

    let started = std::time::Instant::now();
    let (sim, manifest) = start(config(10_000)).await;
    let large = started.elapsed();
    let k = key(&manifest, ProviderKind::QrCodePro, 0);
    let url = format!("{}/v1/qrcodes?page=100&limit=100", sim.base_url(ProviderKind::QrCodePro));
    let last = get(&url, &[auth(ProviderKind::QrCodePro, &k)]).await.json();
    assert_eq!(last["pagination"]["total"], 10_000);
    assert_eq!(last["data"].as_array().map(Vec::len), Some(100));
    eprintln!("start: 25/account {small:?}, 10000/account {large:?}");
    sim.shutdown().await;
}
