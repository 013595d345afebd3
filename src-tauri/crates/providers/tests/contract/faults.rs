//! Misbehaving services: 5xx bursts, dropped connections, truncated and non-JSON bodies,
//! timeouts, cancellation, and creates that must never be duplicated.

use std::time::{Duration, Instant};

use qrdesk_core::{ErrorKind, ProviderKind};
use qrdesk_providers::{connect, CancellationToken, NewCode, Provider};
use qrdesk_sim::{Fault, FaultKind};

use crate::support::*;

const K: ProviderKind = ProviderKind::QrCodePro;

fn posts(sim: &qrdesk_sim::Simulator) -> u64 {
    sim.control().request_counts().get("POST /qrcodepro/v1/qrcodes").copied().unwrap_or(0)
}

async fn count_named(p: &dyn Provider, name: &str) -> usize {
    qrdesk_providers::list_all(p, 100, 10).await.unwrap().iter().filter(|c| c.name == name).count()
}

#[tokio::test]
async fn reads_survive_bursts_of_5xx_drops_and_truncation() {
    let sim = sim().await;
    let p = for_account(&sim, K, "live");
    for kind in [
        FaultKind::ServerError { status: 503 },
        FaultKind::DropConnection,
        FaultKind::TruncatedBody,
    ] {
        sim.control().inject_fault(Fault::next(kind.clone(), 2).only(K));
        let before = p.stats().snapshot().retries;
        let page = p.list_page(None, 10).await.unwrap_or_else(|e| panic!("{kind:?}: {e:?}"));
        assert_eq!(page.items.len(), 10);
        assert_eq!(p.stats().snapshot().retries - before, 2, "{kind:?}");
    }
    // A burst longer than the retries is reported with its kind, after max_retries + 1 attempts.
    sim.control().reset_counts();
    sim.control().inject_fault(Fault::next(FaultKind::ServerError { status: 502 }, 50).only(K));
    let e = expect_kind(p.list_page(None, 10).await, ErrorKind::ServerError, "");
    assert_eq!(e.status, Some(502));
    assert_eq!(sim.control().request_counts().values().sum::<u64>(), 5);
    sim.control().clear_faults();
    sim.control().inject_fault(Fault::next(FaultKind::TruncatedBody, 50).only(K));
    expect_kind(p.list_page(None, 10).await, ErrorKind::MalformedResponse, "");
    sim.shutdown().await;
}

#[tokio::test]
async fn every_service_rides_out_5xx_and_429_bursts_and_reports_long_5xx() {
    let sim = sim().await;
    let accounts = [
        (ProviderKind::ExaRoutes, "Main workspace (Bearer)"),
        (ProviderKind::QrV1, "Team plan"),
        (ProviderKind::QrCodePro, "live"),
        (ProviderKind::IloveQr, "one organization"),
        (ProviderKind::Exante, "Production integration"),
    ];
    for (kind, label) in accounts {
        let p = for_account(&sim, kind, label);
        let secret = account(&sim, kind, label).key.unwrap();
        sim.control()
            .inject_fault(Fault::next(FaultKind::ServerError { status: 500 }, 1).only(kind));
        sim.control().inject_fault(
            Fault::next(FaultKind::TooManyRequests { retry_after_secs: Some(0) }, 1).only(kind),
        );
        p.verify().await.unwrap_or_else(|e| panic!("{kind}: {e:?}"));
        let st = p.stats().snapshot();
        assert_eq!((st.retries, st.throttled_responses), (2, 1), "{kind}: {st:?}");
        sim.control()
            .inject_fault(Fault::next(FaultKind::ServerError { status: 500 }, 50).only(kind));
        let e = expect_kind(p.verify().await, ErrorKind::ServerError, &secret);
        assert_eq!(e.status, Some(500), "{kind}");
        sim.control().clear_faults();
    }
    sim.shutdown().await;
}

#[tokio::test]
async fn non_json_bodies_show_status_and_text() {
    let sim = sim().await;
    let p = for_account(&sim, K, "live");
    sim.control().inject_fault(Fault::next(FaultKind::NonJsonBody { status: 200 }, 50).only(K));
    let e = expect_kind(p.get("qr_anything").await, ErrorKind::MalformedResponse, "");
    // A 2xx body is the service's data and may echo the request: it is never quoted, only sized.
    assert!(e.message.contains("HTTP 200") && e.message.contains("bytes"), "{}", e.message);
    assert!(!e.message.contains("be right back"), "{}", e.message);
    sim.control().clear_faults();
    sim.control().inject_fault(Fault::next(FaultKind::NonJsonBody { status: 404 }, 1).only(K));
    let e = expect_kind(p.get("qr_anything").await, ErrorKind::MalformedResponse, "");
    assert!(
        e.message.contains("HTTP 404") && e.message.contains("<!DOCTYPE html>"),
        "{}",
        e.message
    );
    sim.control().inject_fault(Fault::next(FaultKind::NonJsonBody { status: 502 }, 50).only(K));
    let e = expect_kind(p.get("qr_anything").await, ErrorKind::ServerError, "");
    assert!(e.message.contains("HTTP 502") && e.message.contains("be right back"), "{}", e.message);
    sim.shutdown().await;
}

#[tokio::test]
async fn a_create_whose_answer_was_lost_is_found_not_repeated() {
    let sim = sim().await;
    let p = for_account(&sim, K, "live");
    // The service made the code but the answer arrived cut: found by listing, POSTed once.
    sim.control().inject_fault(Fault::next(FaultKind::TruncatedBody, 1).only(K));
    sim.control().reset_counts();
    let new = NewCode {
        name: "Lost answer".into(),
        destination: "https://example.com/lost".into(),
        client_ref: "out-9".into(),
    };
    let made = p.create(&new).await.unwrap();
    assert_eq!(made.name, "Lost answer");
    assert_eq!(posts(&sim), 1);
    assert_eq!(count_named(p.as_ref(), "Lost answer").await, 1);
    // The request never reached the handler (503 / dropped): not found, so sent again, once.
    for (i, kind) in
        [FaultKind::ServerError { status: 503 }, FaultKind::DropConnection].into_iter().enumerate()
    {
        sim.control().inject_fault(Fault::next(kind, 1).only(K));
        sim.control().reset_counts();
        let name = format!("Retried {i}");
        let new = NewCode {
            name: name.clone(),
            destination: "https://example.com/r".into(),
            client_ref: format!("out-{i}"),
        };
        p.create(&new).await.unwrap();
        assert_eq!(posts(&sim), 2);
        assert_eq!(count_named(p.as_ref(), &name).await, 1);
    }
    sim.shutdown().await;
}

#[tokio::test]
async fn timeouts_are_network_errors_and_cancel_stops_waits() {
    let sim = sim().await;
    let a = account(&sim, K, "live");
    let mut c = config(&sim, K, key_of(&a));
    c.http.request_timeout = Duration::from_millis(300);
    c.http.max_retries = 1;
    let p = connect(c).unwrap();
    sim.control().inject_fault(Fault::next(FaultKind::Latency { ms: 2_000 }, 2).only(K));
    let started = Instant::now();
    let e = expect_kind(p.list_page(None, 5).await, ErrorKind::Network, a.key.as_deref().unwrap());
    assert!(e.message.contains("did not answer in time"), "{}", e.message);
    assert!(started.elapsed() < Duration::from_millis(3_000));

    // A long Retry-After wait ends at once when the job is cancelled.
    let cancel = CancellationToken::new();
    let mut c = config(&sim, K, key_of(&a));
    c.http.max_wait = Duration::from_secs(60);
    c.cancel = Some(cancel.clone());
    let p = connect(c).unwrap();
    sim.control().clear_faults();
    sim.control().inject_fault(
        Fault::next(FaultKind::TooManyRequests { retry_after_secs: Some(30) }, 1).only(K),
    );
    let canceller = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(200)).await;
        cancel.cancel();
    });
    let started = Instant::now();
    expect_kind(p.list_page(None, 5).await, ErrorKind::Cancelled, "");
    assert!(started.elapsed() < Duration::from_secs(5));
    canceller.await.unwrap();

    // A Retry-After longer than the caller accepts comes back as rate_limited with the time.
    let mut c = config(&sim, K, key_of(&a));
    c.http.max_wait = Duration::from_secs(5);
    let p = connect(c).unwrap();
    sim.control().inject_fault(
        Fault::next(FaultKind::TooManyRequests { retry_after_secs: Some(30) }, 1).only(K),
    );
    let e = expect_kind(p.list_page(None, 5).await, ErrorKind::RateLimited, "");
    assert_eq!(e.retry_after, Some(Duration::from_secs(30)));

    // A server that is gone: network error, quickly.
    let base = sim.base_url(K);
    sim.shutdown().await;
    let mut c = qrdesk_providers::ProviderConfig::new(K, key_of(&a)).with_base_url(base);
    c.http = fast_http();
    c.http.max_retries = 1;
    let gone = connect(c).unwrap();
    expect_kind(gone.verify().await, ErrorKind::Network, a.key.as_deref().unwrap());
}
