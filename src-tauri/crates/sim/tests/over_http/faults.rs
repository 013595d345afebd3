//! One fault of each kind is observable over HTTP, and faults can be limited to one service.

use std::time::{Duration, Instant};

use qrdesk_core::ProviderKind;
use qrdesk_sim::{Fault, FaultKind};

use crate::support::{auth, config, get, key, start, try_call};

#[tokio::test]
async fn every_fault_kind_is_observable() {
    let (sim, manifest) = start(config(3)).await;
    let control = sim.control();
    let url = format!("{}/v1/qrcodes", sim.base_url(ProviderKind::QrCodePro));
    let headers = [auth(ProviderKind::QrCodePro, &key(&manifest, ProviderKind::QrCodePro, 0))];

    control.inject_fault(Fault::next(FaultKind::ServerError { status: 503 }, 2));
    for _ in 0..2 {
        let reply = get(&url, &headers).await;
        assert_eq!(reply.status, 503);
        assert_eq!(reply.json()["error"]["code"], "internal_error");
    }
    assert_eq!(get(&url, &headers).await.status, 200, "a next-2 burst ends after 2");

    control.inject_fault(Fault::next(FaultKind::TooManyRequests { retry_after_secs: Some(7) }, 1));
    let reply = get(&url, &headers).await;
    assert_eq!((reply.status, reply.header("retry-after").as_deref()), (429, Some("7")));
    assert_eq!(reply.json()["error"]["code"], "rate_limit_exceeded");
    control.inject_fault(Fault::next(FaultKind::TooManyRequests { retry_after_secs: None }, 1));
    let reply = get(&url, &headers).await;
    assert_eq!((reply.status, reply.header("retry-after")), (429, None));

    control.inject_fault(Fault::next(FaultKind::DropConnection, 1));
    let dropped = try_call("GET", &url, &headers, None).await;
    assert!(dropped.is_err(), "the socket closes without a response");

    let whole = get(&url, &headers).await.text;
    control.inject_fault(Fault::next(FaultKind::TruncatedBody, 1));
    let cut = get(&url, &headers).await;
    assert_eq!(cut.status, 200);
    assert_eq!(cut.text.len(), whole.len() / 2);
    assert!(serde_json::from_str::<serde_json::Value>(&cut.text).is_err());

    control.inject_fault(Fault::next(FaultKind::NonJsonBody { status: 200 }, 1));
    let html = get(&url, &headers).await;
    assert_eq!(html.status, 200);
    assert!(html.header("content-type").is_some_and(|c| c.starts_with("text/html")));
    assert!(serde_json::from_str::<serde_json::Value>(&html.text).is_err());

    control.inject_fault(Fault::next(FaultKind::Latency { ms: 150 }, 1));
    let started = Instant::now();
    assert_eq!(get(&url, &headers).await.status, 200);
    assert!(started.elapsed() >= Duration::from_millis(150));

    control.set_latency_ms(60);
    let started = Instant::now();
    get(&url, &headers).await;
    assert!(started.elapsed() >= Duration::from_millis(60));
    control.set_latency_ms(0);

    // ExaRoutes plan quota: its own header, no Retry-After.
    let exa = format!("{}/api/qr/codes", sim.base_url(ProviderKind::ExaRoutes));
    let exa_headers = [auth(ProviderKind::ExaRoutes, &key(&manifest, ProviderKind::ExaRoutes, 1))];
    control.inject_fault(Fault::next(FaultKind::PlanLimit, 1));
    assert_eq!(get(&url, &headers).await.status, 200, "plan limits hit ExaRoutes only");
    let quota = get(&exa, &exa_headers).await;
    assert_eq!(quota.status, 429);
    assert_eq!(quota.header("x-exaroutes-error-code").as_deref(), Some("PLAN_LIMIT_REACHED"));
    assert_eq!(quota.json()["exaroutesErrorCode"], "PLAN_LIMIT_REACHED");
    assert!(control.faults().is_empty());
    sim.shutdown().await;
}

#[tokio::test]
async fn probability_faults_are_limited_to_their_service_and_cleared() {
    let (sim, manifest) = start(config(2)).await;
    let control = sim.control();
    control.inject_fault(
        Fault::probability(FaultKind::ServerError { status: 502 }, 1.0).only(ProviderKind::QrV1),
    );
    let v1 = format!("{}/api/v1/qr", sim.base_url(ProviderKind::QrV1));
    let v1_headers = [auth(ProviderKind::QrV1, &key(&manifest, ProviderKind::QrV1, 0))];
    for _ in 0..3 {
        let reply = get(&v1, &v1_headers).await;
        assert_eq!(reply.status, 502);
        assert!(reply.json()["error"].is_string());
    }
    let pro = format!("{}/v1/qrcodes", sim.base_url(ProviderKind::QrCodePro));
    let pro_headers = [auth(ProviderKind::QrCodePro, &key(&manifest, ProviderKind::QrCodePro, 0))];
    assert_eq!(get(&pro, &pro_headers).await.status, 200);
    control.clear_faults();
    assert_eq!(get(&v1, &v1_headers).await.status, 200);
    sim.shutdown().await;
}
