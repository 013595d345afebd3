//! Rate limits: obeyed from the headers (no 429 at all), or waited out when none are sent.
//! The simulator runs a scaled-down window (10 requests per second) to keep the suite fast.

use std::time::{Duration, Instant};

use qrdesk_core::ProviderKind;
use qrdesk_providers::{connect, Provider};
use qrdesk_sim::{Fault, FaultKind, RateLimitMode, SimConfig, Simulator};

use crate::support::*;

const LIMIT: u32 = 10;

async fn limited_sim() -> Simulator {
    sim_with(SimConfig {
        rate_limits: RateLimitMode::Scaled { limit: LIMIT, window: Duration::from_secs(1) },
        ..SimConfig::default()
    })
    .await
}

/// 25 pages of one code, then 10 reads: 35 requests.
async fn run_35_requests(p: &dyn Provider) -> Duration {
    let started = Instant::now();
    let (ids, pages) = walk(p, 1).await;
    assert_eq!(pages, 25);
    for id in ids.iter().take(10) {
        p.get(id).await.expect("read");
    }
    started.elapsed()
}

async fn paced_without_any_429(kind: ProviderKind, label: &str) {
    let sim = limited_sim().await;
    let p = for_account(&sim, kind, label);
    let took = run_35_requests(p.as_ref()).await;
    let st = p.stats().snapshot();
    eprintln!("{kind}: 35 requests at {LIMIT}/s took {took:?}; {st:?}");
    assert_eq!(st.throttled_responses, 0, "{kind}: the pacer let a 429 happen: {st:?}");
    assert_eq!(st.requests_sent, 35, "{kind}: a run sends only the requests it needs");
    assert_eq!(st.retries, 0);
    // 35 requests at 10 per (epoch-aligned) second span at least 3 window changes.
    assert!(st.rate_limit_waits >= 3, "{kind}: {st:?}");
    assert!(took >= Duration::from_millis(2_000), "{kind}: too fast for the limit: {took:?}");
    assert!(
        took <= Duration::from_millis(7_500),
        "{kind}: much slower than the limit requires: {took:?}"
    );
    let served: u64 = sim.control().request_counts().values().sum();
    assert_eq!(served, 35);
    sim.shutdown().await;
}

#[tokio::test]
async fn qrcodepro_x_ratelimit_headers_are_obeyed() {
    paced_without_any_429(ProviderKind::QrCodePro, "live").await;
}

#[tokio::test]
async fn exaroutes_ratelimit_headers_are_obeyed() {
    paced_without_any_429(ProviderKind::ExaRoutes, "Main workspace (Bearer)").await;
}

#[tokio::test]
async fn qrcodepro_429_without_retry_after_waits_for_the_reset() {
    // Another program using the same key (not this process: adapters of one account in one
    // process share their pacer) used the window up: this adapter's first request is refused
    // (the simulator's first refusal has no Retry-After) and waits for X-RateLimit-Reset.
    let sim = limited_sim().await;
    let a = account(&sim, ProviderKind::QrCodePro, "live");
    let key = a.key.clone().expect("a QRCodePro key");
    let other = reqwest::Client::new();
    let other_url = format!("{}/v1/qrcodes?page=1&limit=1", sim.base_url(ProviderKind::QrCodePro));
    let mut c = config(&sim, ProviderKind::QrCodePro, key_of(&a));
    c.http.backoff_base = Duration::from_secs(5); // a backoff would be far slower than the reset
    let p = connect(c).unwrap();
    // Up to three tries, in case the other client's burst straddled a window change.
    let mut refused = false;
    for _ in 0..3 {
        for _ in 0..LIMIT {
            other.get(&other_url).bearer_auth(&key).send().await.unwrap();
        }
        let before = p.stats().snapshot();
        let started = Instant::now();
        p.list_page(None, 1).await.unwrap();
        let st = p.stats().snapshot();
        if st.throttled_responses > before.throttled_responses {
            assert_eq!(st.retries - before.retries, 1, "{st:?}");
            assert!(st.rate_limit_waits > before.rate_limit_waits);
            assert!(started.elapsed() < Duration::from_millis(2_500), "{:?}", started.elapsed());
            refused = true;
            break;
        }
    }
    assert!(refused, "the window was never used up");
    sim.shutdown().await;
}

#[tokio::test]
async fn without_headers_429s_are_backed_off_and_the_run_completes() {
    // The /api/v1/qr platform sends no rate-limit headers (Retry-After on every second refusal):
    // the client meets the simulator's real 10/s limit and must wait it out.
    let sim = limited_sim().await;
    let a = account(&sim, ProviderKind::QrV1, "Team plan");
    let mut c = config(&sim, ProviderKind::QrV1, key_of(&a));
    c.http.max_retries = 10;
    c.http.backoff_base = Duration::from_millis(50);
    c.http.backoff_max = Duration::from_millis(400);
    let p = connect(c).unwrap();
    run_35_requests(p.as_ref()).await;
    let st = p.stats().snapshot();
    assert!(st.throttled_responses > 0, "{st:?}");
    assert_eq!(st.retries, st.throttled_responses);
    assert_eq!(st.requests_sent, 35 + st.retries);
    sim.shutdown().await;
}

#[tokio::test]
async fn injected_429_bursts_without_headers_are_backed_off() {
    let sim = sim().await;
    let a = account(&sim, ProviderKind::IloveQr, "one organization");
    let mut c = config(&sim, ProviderKind::IloveQr, key_of(&a));
    c.http.max_retries = 10;
    let p = connect(c).unwrap();
    sim.control().inject_fault(
        Fault::next(FaultKind::TooManyRequests { retry_after_secs: None }, 3)
            .only(ProviderKind::IloveQr),
    );
    sim.control().inject_fault(
        Fault::probability(FaultKind::TooManyRequests { retry_after_secs: None }, 0.2)
            .only(ProviderKind::IloveQr),
    );
    let (ids, pages) = walk(p.as_ref(), 2).await;
    assert_eq!((ids.len(), pages), (25, 13));
    let st = p.stats().snapshot();
    assert!(st.throttled_responses >= 3, "{st:?}");
    assert_eq!(st.retries, st.throttled_responses);
    assert!(st.total_wait > Duration::ZERO);
    sim.shutdown().await;
}

#[tokio::test]
async fn adapters_of_one_account_share_their_pacing() {
    // A sync that starts right after another one (a new adapter for the same key) knows the
    // window is used up and waits instead of provoking a 429.
    let sim = limited_sim().await;
    let first = for_account(&sim, ProviderKind::QrCodePro, "live");
    for _ in 0..LIMIT {
        first.list_page(None, 1).await.unwrap();
    }
    let second = for_account(&sim, ProviderKind::QrCodePro, "live");
    for _ in 0..LIMIT {
        second.list_page(None, 1).await.unwrap();
    }
    let (a, b) = (first.stats().snapshot(), second.stats().snapshot());
    assert_eq!(a.throttled_responses + b.throttled_responses, 0, "{a:?} {b:?}");
    assert!(b.rate_limit_waits > 0, "the second adapter waited for the window: {b:?}");
    sim.shutdown().await;
}
