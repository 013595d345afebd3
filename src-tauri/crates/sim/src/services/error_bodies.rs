//! Each service's error envelope, and the canned 429/5xx/plan-quota responses the rate limiter
//! and the fault injector send.

use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use qrdesk_core::ProviderKind;
use serde_json::{json, Value};

use super::request_input::json;
use crate::rate_limit::RateDecision;

/// The reason phrase NestJS puts in `error` (`Not Found`).
fn reason(status: u16) -> &'static str {
    StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("Error")
}

/// QRCodePro's snake_case error code for a status.
pub fn qrcodepro_code(status: u16) -> &'static str {
    match status {
        400 | 422 => "validation_error",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        409 => "conflict",
        429 => "rate_limit_exceeded",
        _ => "internal_error",
    }
}

/// The service's error body for `status` with a human `message`.
pub fn body(service: ProviderKind, status: u16, message: &str) -> Value {
    match service {
        ProviderKind::ExaRoutes | ProviderKind::QrV1 => json!({ "error": message }),
        ProviderKind::QrCodePro => {
            json!({ "error": { "code": qrcodepro_code(status), "message": message } })
        }
        ProviderKind::IloveQr => {
            json!({ "statusCode": status, "message": message, "error": reason(status) })
        }
        ProviderKind::Exante => {
            json!({ "status": "error", "status_code": status, "message": message })
        }
    }
}

pub fn error(service: ProviderKind, status: u16, message: &str) -> Response {
    json(status, body(service, status, message))
}

pub fn server_error(service: ProviderKind, status: u16) -> Response {
    let message = match status {
        502 => "Bad gateway: an upstream dependency is unhealthy",
        503 => "Service temporarily unavailable, please retry",
        504 => "Gateway timeout",
        _ => "Internal server error",
    };
    error(service, status, message)
}

/// A 429. With a limiter decision, `Retry-After` follows each service's habit: always for
/// ExaRoutes and Exante, on every second refusal for QRCodePro, `/api/v1/qr` and iloveQR (so
/// clients meet both forms). Without one (an injected burst) the caller decides.
pub fn rate_limited(service: ProviderKind, decision: Option<RateDecision>) -> Response {
    let message = match (service, decision) {
        (ProviderKind::QrCodePro, Some(d)) => {
            format!("Rate limit exceeded: {} requests per window", d.limit)
        }
        (ProviderKind::IloveQr, _) => "ThrottlerException: Too Many Requests".to_string(),
        _ => "Too many requests, please try again later.".to_string(),
    };
    let mut response = error(service, 429, &message);
    if let Some(d) = decision {
        let send = match service {
            ProviderKind::ExaRoutes | ProviderKind::Exante => true,
            _ => d.refusal_number % 2 == 0,
        };
        if send {
            response.headers_mut().insert("retry-after", HeaderValue::from(d.reset_in_secs()));
        }
    }
    response
}

/// ExaRoutes plan quota: not retryable until the quota window resets.
pub fn exaroutes_plan_limit() -> Response {
    let mut response = json(
        429,
        json!({
            "error": "Daily QR generation limit reached for the qr.starter plan.",
            "code": 429,
            "exaroutesErrorCode": "PLAN_LIMIT_REACHED"
        }),
    );
    response
        .headers_mut()
        .insert("x-exaroutes-error-code", HeaderValue::from_static("PLAN_LIMIT_REACHED"));
    response
}
