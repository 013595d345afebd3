//! What happens to every request before and after the service handler: counting, latency,
//! rate limits (with each service's headers) and injected faults.

use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, Request, Response, StatusCode};
use axum::response::IntoResponse;
use axum::Router;
use qrdesk_core::ProviderKind;
use tower::ServiceExt;

use crate::control_http::check_request;
use crate::faults::FaultKind;
use crate::rate_limit::RateDecision;
use crate::services::error_bodies;
use crate::shared_state::{lock, Shared};

/// Returned instead of a response to make hyper close the socket without answering.
#[derive(Debug, thiserror::Error)]
#[error("connection dropped on purpose (drop_connection fault)")]
pub struct DroppedOnPurpose;

/// The service a path belongs to (`/qrcodepro/…` → QRCodePro); `None` for `/_control` and
/// unknown prefixes.
pub fn service_of(path: &str) -> Option<ProviderKind> {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or_default();
    ProviderKind::ALL.into_iter().find(|p| p.as_str() == first)
}

/// The header value a service's rate limit is counted by (the key), empty when none was sent.
fn credential_of(service: ProviderKind, headers: &HeaderMap) -> String {
    let name = match service {
        ProviderKind::IloveQr => "x-api-key",
        ProviderKind::ExaRoutes if !headers.contains_key(header::AUTHORIZATION) => "api-key",
        _ => "authorization",
    };
    headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
}

async fn route(router: Router, request: Request<Body>) -> Response<Body> {
    match router.oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// Serves one request through the whole pipeline.
pub async fn handle(
    router: Router,
    shared: Arc<Shared>,
    address: SocketAddr,
    request: Request<Body>,
) -> Result<Response<Body>, DroppedOnPurpose> {
    let path = request.uri().path().to_string();
    let Some(service) = service_of(&path) else {
        if path.starts_with("/_control") {
            if let Err(refused) = check_request(address, request.headers(), request.method()) {
                return Ok(refused.into_response());
            }
        }
        return Ok(route(router, request).await);
    };
    lock(&shared.counts).record(request.method().as_str(), &path);
    let latency = shared.latency_ms.load(Ordering::Relaxed);
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }
    let credential = credential_of(service, request.headers());
    let decision = lock(&shared.limiter).check(service, &credential, SystemTime::now());
    if let Some(refused) = decision.filter(|d| !d.allowed) {
        let response = error_bodies::rate_limited(service, Some(refused));
        return Ok(with_rate_headers(service, decision, response));
    }
    let fired = lock(&shared.faults).draw(service);
    if fired.extra_latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(fired.extra_latency_ms)).await;
    }
    let response = match fired.action {
        Some(FaultKind::DropConnection) => {
            tracing::debug!(%path, "dropping the connection (fault)");
            return Err(DroppedOnPurpose);
        }
        Some(FaultKind::ServerError { status }) => error_bodies::server_error(service, status),
        Some(FaultKind::TooManyRequests { retry_after_secs }) => {
            let mut response = error_bodies::rate_limited(service, None);
            if let Some(secs) = retry_after_secs {
                response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
            }
            response
        }
        Some(FaultKind::PlanLimit) => error_bodies::exaroutes_plan_limit(),
        Some(FaultKind::NonJsonBody { status }) => non_json(status),
        Some(FaultKind::TruncatedBody) => truncate(route(router, request).await).await,
        Some(FaultKind::Latency { .. }) | None => route(router, request).await,
    };
    Ok(with_rate_headers(service, decision, response))
}

/// QRCodePro sends `X-RateLimit-*` on every response, ExaRoutes `RateLimit-*`; the other
/// services send no rate-limit headers except `Retry-After` on some 429s.
fn with_rate_headers(
    service: ProviderKind,
    decision: Option<RateDecision>,
    mut response: Response<Body>,
) -> Response<Body> {
    let Some(d) = decision else { return response };
    let headers = response.headers_mut();
    match service {
        ProviderKind::QrCodePro => {
            headers.insert("x-ratelimit-limit", HeaderValue::from(d.limit));
            headers.insert("x-ratelimit-remaining", HeaderValue::from(d.remaining));
            headers.insert("x-ratelimit-reset", HeaderValue::from(d.reset_epoch_secs()));
        }
        ProviderKind::ExaRoutes => {
            headers.insert("ratelimit-limit", HeaderValue::from(d.limit));
            headers.insert("ratelimit-remaining", HeaderValue::from(d.remaining));
            headers.insert("ratelimit-reset", HeaderValue::from(d.reset_in_secs()));
        }
        _ => {}
    }
    response
}

fn non_json(status: u16) -> Response<Body> {
    let html = "<!DOCTYPE html>\n<html><head><title>Service notice</title></head><body>\
                <h1>We'll be right back</h1><p>The service is being updated. Please try again \
                shortly.</p></body></html>\n";
    let mut response = Response::new(Body::from(html));
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    response
}

/// Keeps status and headers, cuts the body in half (Content-Length is recomputed).
async fn truncate(response: Response<Body>) -> Response<Body> {
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
    let cut = bytes.slice(0..bytes.len() / 2);
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(cut))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_services() {
        assert_eq!(service_of("/qr-v1/api/v1/qr"), Some(ProviderKind::QrV1));
        assert_eq!(
            service_of("/iloveqr/api/v1/users/me/organizations"),
            Some(ProviderKind::IloveQr)
        );
        assert_eq!(service_of("/_control/manifest"), None);
        assert_eq!(service_of("/"), None);
    }
}
