//! Every service lists to the end, page sizes 1 and max, and the ids match the data set.

use std::collections::BTreeSet;

use qrdesk_core::ProviderKind;
use serde_json::Value;

use crate::support::{account, auth, config, get, key, start};

const CODES: usize = 7;

fn ids(items: &Value) -> Vec<String> {
    items
        .as_array()
        .expect("data array")
        .iter()
        .map(|c| c["id"].as_str().expect("id").to_string())
        .collect()
}

async fn exaroutes_all(base: &str, headers: &[(&str, String)], limit: u32) -> Vec<String> {
    let mut all = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut url = format!("{base}/api/qr/codes?limit={limit}");
        if let Some(c) = &cursor {
            url.push_str(&format!("&cursor={c}"));
        }
        let body = get(&url, headers).await.json();
        assert_eq!(body["pagination"]["total"], CODES);
        all.extend(ids(&body["data"]));
        match body["pagination"]["nextCursor"].as_str() {
            Some(next) => cursor = Some(next.to_string()),
            None => break,
        }
        assert!(all.len() <= CODES, "cursor loop does not end");
    }
    all
}

async fn paged_all(
    url_of: impl Fn(u32) -> String,
    headers: &[(&str, String)],
    pages_field: &str,
) -> Vec<String> {
    let mut all = Vec::new();
    let mut page = 1;
    loop {
        let body = get(&url_of(page), headers).await.json();
        let meta =
            if body.get("pagination").is_some() { &body["pagination"] } else { &body["meta"] };
        all.extend(ids(&body["data"]));
        let pages = meta[pages_field].as_u64().expect("page count");
        if u64::from(page) >= pages {
            break;
        }
        page += 1;
    }
    all
}

#[tokio::test]
async fn every_service_lists_to_the_end_with_page_sizes_one_and_max() {
    let (sim, manifest) = start(config(CODES)).await;
    let control = sim.control();

    // ExaRoutes: both auth schemes see the same workspace.
    let base = sim.base_url(ProviderKind::ExaRoutes);
    let pair = account(&manifest, ProviderKind::ExaRoutes, 0);
    let pair_headers = [
        ("client-id", pair["client_id"].as_str().unwrap_or_default().to_string()),
        ("api-key", pair["api_key"].as_str().unwrap_or_default().to_string()),
    ];
    let bearer = [auth(ProviderKind::ExaRoutes, &key(&manifest, ProviderKind::ExaRoutes, 1))];
    let expected =
        control.code_ids(ProviderKind::ExaRoutes, pair["workspace"].as_str()).expect("workspace");
    for limit in [1, 3, 100] {
        assert_eq!(exaroutes_all(&base, &pair_headers, limit).await, expected);
        assert_eq!(exaroutes_all(&base, &bearer, limit).await, expected);
    }

    // /api/v1/qr
    let base = sim.base_url(ProviderKind::QrV1);
    let headers = [auth(ProviderKind::QrV1, &key(&manifest, ProviderKind::QrV1, 0))];
    for limit in [1, 100] {
        let all =
            paged_all(|p| format!("{base}/api/v1/qr?page={p}&limit={limit}"), &headers, "pages")
                .await;
        assert_eq!(all, control.code_ids(ProviderKind::QrV1, Some("team")).expect("team"));
    }

    // QRCodePro: live and test are separate data sets.
    let base = sim.base_url(ProviderKind::QrCodePro);
    let mut seen = Vec::new();
    for index in [0, 1] {
        let headers =
            [auth(ProviderKind::QrCodePro, &key(&manifest, ProviderKind::QrCodePro, index))];
        for limit in [1, 100] {
            let all = paged_all(
                |p| format!("{base}/v1/qrcodes?page={p}&limit={limit}"),
                &headers,
                "total_pages",
            )
            .await;
            assert_eq!(all.len(), CODES);
            seen.push(all.into_iter().collect::<BTreeSet<String>>());
        }
    }
    assert_eq!(seen[0], seen[1]);
    assert!(seen[0].is_disjoint(&seen[2]), "test keys must not see live codes");

    // iloveQR: both organizations of the two-organization key.
    let base = sim.base_url(ProviderKind::IloveQr);
    let headers = [auth(ProviderKind::IloveQr, &key(&manifest, ProviderKind::IloveQr, 0))];
    let orgs = get(&format!("{base}/users/me/organizations"), &headers).await.json();
    let orgs = orgs["organizations"].as_array().expect("organizations").clone();
    assert_eq!(orgs.len(), 2);
    for org in &orgs {
        let org = org["id"].as_str().expect("org id");
        for limit in [1, 100] {
            let all = paged_all(
                |p| format!("{base}/organizations/{org}/qr-codes?page={p}&limit={limit}"),
                &headers,
                "totalPages",
            )
            .await;
            assert_eq!(all, control.code_ids(ProviderKind::IloveQr, Some(org)).expect("org"));
        }
    }
    let counts = control.request_counts();
    assert!(counts
        .get("GET /iloveqr/api/v1/organizations/{org}/qr-codes")
        .is_some_and(|n| *n >= 2 * (CODES as u64 + 1)));
    sim.shutdown().await;
}

#[tokio::test]
async fn read_analytics_and_timestamps_follow_the_contracts() {
    let (sim, manifest) = start(config(12)).await;
    let base = sim.base_url(ProviderKind::ExaRoutes);
    let headers = [auth(ProviderKind::ExaRoutes, &key(&manifest, ProviderKind::ExaRoutes, 1))];
    let list = get(&format!("{base}/api/qr/codes?limit=100"), &headers).await.json();
    let codes = list["data"].as_array().expect("data").clone();
    // ExaRoutes mixes epoch-ms numbers and ISO strings.
    assert!(codes.iter().any(|c| c["createdAt"].is_number()));
    assert!(codes.iter().any(|c| c["createdAt"].is_string()));
    assert!(codes.iter().all(|c| c["redirectUrl"]
        .as_str()
        .is_some_and(|u| u.starts_with("https://qr.exaroutes.com/r/"))));
    let id = codes[0]["id"].as_str().expect("id");
    let one = get(&format!("{base}/api/qr/codes/{id}"), &headers).await;
    assert_eq!(one.status, 200);
    assert_eq!(one.json()["id"], id);
    let stats =
        get(&format!("{base}/api/qr/codes/{id}/analytics?from=2026-05-01&to=2026-05-21"), &headers)
            .await
            .json();
    let by_day = stats["byDay"].as_array().expect("byDay");
    assert_eq!(by_day.len(), 21);
    let total: u64 = by_day.iter().map(|d| d["scans"].as_u64().unwrap_or(0)).sum();
    assert_eq!(stats["totalScans"], total);
    let countries: u64 = stats["byCountry"]
        .as_array()
        .expect("byCountry")
        .iter()
        .map(|c| c["scans"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(countries, total);

    let base = sim.base_url(ProviderKind::QrCodePro);
    let headers = [auth(ProviderKind::QrCodePro, &key(&manifest, ProviderKind::QrCodePro, 0))];
    let list = get(&format!("{base}/v1/qrcodes?limit=1"), &headers).await.json();
    let id = list["data"][0]["id"].as_str().expect("id");
    let url = format!("{base}/v1/qrcodes/{id}/analytics/timeseries?start_date=2025-05-22&end_date=2026-05-21&interval=day");
    let series = get(&url, &headers).await.json();
    let days = series["data"].as_array().expect("series");
    assert_eq!(days.len(), 365);
    let lifetime: u64 = days.iter().map(|d| d["scans"].as_u64().unwrap_or(0)).sum();
    assert_eq!(list["data"][0]["total_scans"], lifetime);
    let summary = get(
        &format!("{base}/v1/qrcodes/{id}/analytics?start_date=2025-05-22&end_date=2026-05-21"),
        &headers,
    )
    .await
    .json();
    assert_eq!(summary["summary"]["total_scans"], lifetime);
    assert!(summary["devices"].is_object() && summary["top_countries"].is_array());

    let base = sim.base_url(ProviderKind::IloveQr);
    let one_org = account(&manifest, ProviderKind::IloveQr, 1);
    let org = one_org["organization"].as_str().expect("org");
    let headers = [auth(ProviderKind::IloveQr, one_org["key"].as_str().expect("key"))];
    let wide = get(
        &format!(
            "{base}/organizations/{org}/qr-codes/analytics?startDate=2026-05-01&endDate=2026-05-21"
        ),
        &headers,
    )
    .await;
    assert_eq!(wide.status, 200, "org-wide analytics is a route, not an id: {}", wide.text);
    assert_eq!(wide.json()["summary"]["totalQrCodes"], 12);
    sim.shutdown().await;
}
