//! Rate limits with each service's headers, and the 429 after the limit.

use std::time::Duration;

use qrdesk_core::ProviderKind;
use qrdesk_sim::RateLimitMode;

use crate::support::{auth, config, get, key, start};

fn scaled(limit: u32) -> RateLimitMode {
    RateLimitMode::Scaled { limit, window: Duration::from_secs(1) }
}

/// Waits until the start of the next one-second window, so a burst fits in one window.
async fn align_to_window() {
    let now =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let into = now.subsec_millis();
    tokio::time::sleep(Duration::from_millis(u64::from(1000 - into) + 5)).await;
}

#[tokio::test]
async fn qrcodepro_sends_headers_on_every_response_and_429s_after_the_limit() {
    let (sim, manifest) =
        start(qrdesk_sim::SimConfig { rate_limits: scaled(4), ..config(2) }).await;
    let url = format!("{}/v1/qrcodes", sim.base_url(ProviderKind::QrCodePro));
    let headers = [auth(ProviderKind::QrCodePro, &key(&manifest, ProviderKind::QrCodePro, 0))];
    align_to_window().await;
    let mut remaining = Vec::new();
    for _ in 0..4 {
        let reply = get(&url, &headers).await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.header("x-ratelimit-limit").as_deref(), Some("4"));
        assert!(reply
            .header("x-ratelimit-reset")
            .and_then(|r| r.parse::<u64>().ok())
            .is_some_and(|r| r > 1_700_000_000));
        remaining.push(reply.header("x-ratelimit-remaining").unwrap_or_default());
    }
    assert_eq!(remaining, ["3", "2", "1", "0"]);
    let first = get(&url, &headers).await;
    assert_eq!(first.status, 429);
    assert_eq!(first.json()["error"]["code"], "rate_limit_exceeded");
    assert_eq!(first.header("x-ratelimit-remaining").as_deref(), Some("0"));
    assert_eq!(first.header("retry-after"), None, "QRCodePro sometimes sends no Retry-After");
    let second = get(&url, &headers).await;
    assert_eq!(second.status, 429);
    assert_eq!(second.header("retry-after").as_deref(), Some("1"));
    // Even a 401 carries the headers.
    let anonymous = get(&url, &[]).await;
    assert_eq!(anonymous.status, 401);
    assert!(anonymous.header("x-ratelimit-limit").is_some());
    align_to_window().await;
    assert_eq!(get(&url, &headers).await.status, 200, "the next window allows requests again");
    sim.shutdown().await;
}

#[tokio::test]
async fn other_services_limit_with_their_own_headers() {
    let (sim, manifest) =
        start(qrdesk_sim::SimConfig { rate_limits: scaled(2), ..config(2) }).await;
    align_to_window().await;

    let exa = format!("{}/api/qr/codes", sim.base_url(ProviderKind::ExaRoutes));
    let exa_headers = [auth(ProviderKind::ExaRoutes, &key(&manifest, ProviderKind::ExaRoutes, 1))];
    let ok = get(&exa, &exa_headers).await;
    assert_eq!(ok.header("ratelimit-limit").as_deref(), Some("2"));
    assert_eq!(ok.header("ratelimit-remaining").as_deref(), Some("1"));
    assert_eq!(ok.header("ratelimit-reset").as_deref(), Some("1"));
    get(&exa, &exa_headers).await;
    let refused = get(&exa, &exa_headers).await;
    assert_eq!(refused.status, 429);
    assert_eq!(refused.header("retry-after").as_deref(), Some("1"));
    assert!(refused.header("x-exaroutes-error-code").is_none(), "a rate limit is not a plan quota");

    let v1 = format!("{}/api/v1/qr", sim.base_url(ProviderKind::QrV1));
    let v1_headers = [auth(ProviderKind::QrV1, &key(&manifest, ProviderKind::QrV1, 0))];
    get(&v1, &v1_headers).await;
    get(&v1, &v1_headers).await;
    let refused = get(&v1, &v1_headers).await;
    assert_eq!(refused.status, 429);
    assert!(
        refused.header("x-ratelimit-limit").is_none()
            && refused.header("ratelimit-limit").is_none()
    );
    assert!(refused.json()["error"].is_string());

    let exante = format!("{}/api/api-keys", sim.base_url(ProviderKind::Exante));
    let exante_headers = [auth(ProviderKind::Exante, &key(&manifest, ProviderKind::Exante, 0))];
    get(&exante, &exante_headers).await;
    get(&exante, &exante_headers).await;
    let refused = get(&exante, &exante_headers).await;
    assert_eq!(refused.status, 429);
    assert_eq!(refused.header("retry-after").as_deref(), Some("1"));
    assert_eq!(refused.json()["status_code"], 429);

    // Another key has its own budget; turning limits off removes them.
    let other = [auth(ProviderKind::QrV1, &key(&manifest, ProviderKind::QrV1, 1))];
    assert_eq!(
        get(&v1, &other).await.status,
        403,
        "the Starter key is limited separately (and refused by plan)"
    );
    sim.control().set_rate_limits(RateLimitMode::Off);
    assert_eq!(get(&v1, &v1_headers).await.status, 200);
    sim.shutdown().await;
}
