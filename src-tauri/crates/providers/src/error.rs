//! [`ProviderError`]: what an adapter reports, structured enough for the sync engine to act on
//! (retry after a delay, ask for a step-up, mark the key revoked) and convertible into the one
//! [`AppError`] a person reads.
//!
//! Messages are built from service names, statuses and the service's own error text; the HTTP
//! core additionally scrubs the account's secret out of every message, so neither `Display` nor
//! `Debug` can show a key.

use std::time::Duration;

use qrdesk_core::{AppError, ErrorKind, ProviderKind};

/// A failed provider call.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ProviderError {
    pub kind: ErrorKind,
    /// What happened, for a person (the kind's advice is appended when converting to [`AppError`]).
    pub message: String,
    /// When the service said to try again (429 `Retry-After`, rate-limit reset).
    pub retry_after: Option<Duration>,
    /// ExaRoutes step-up tier (`"standard"`) when `kind` is `step_up_required`.
    pub step_up_tier: Option<String>,
    /// HTTP status, when the service answered at all.
    pub status: Option<u16>,
    /// The message already tells the person what to do (no advice appended).
    pub advice_included: bool,
}

impl ProviderError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ProviderError {
            kind,
            message: message.into(),
            retry_after: None,
            step_up_tier: None,
            status: None,
            advice_included: false,
        }
    }

    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    pub fn with_retry_after(mut self, after: Option<Duration>) -> Self {
        self.retry_after = after;
        self
    }

    /// Marks the message as complete: it already says what to do.
    pub fn with_advice(mut self) -> Self {
        self.advice_included = true;
        self
    }

    /// The operation is not offered by this service (see its capability table).
    pub fn unsupported(service: ProviderKind, what: &str) -> Self {
        let mut e = ProviderError::new(
            ErrorKind::BadInput,
            format!(
                "{} can't {what}: the service has no API for it, so QR Desk does not offer it for this account.",
                service.display_name()
            ),
        );
        e.advice_included = true;
        e
    }

    /// A body that is not what the contract says: shows the status and, for a refusal (not
    /// 2xx), the start of the raw text. A 2xx body is never quoted: it is the service's data,
    /// which may echo the request (headers included) back.
    pub fn malformed(service: ProviderKind, status: u16, raw: &str, what: &str) -> Self {
        let shown = crate::tolerant::snippet(raw, 200);
        let body = match () {
            _ if (200..300).contains(&status) => format!("{} bytes", raw.len()),
            _ if shown.is_empty() => "an empty body".to_string(),
            _ => format!("\"{shown}\""),
        };
        ProviderError::new(
            ErrorKind::MalformedResponse,
            format!("{} answered HTTP {status} with {what}: {body}", service.display_name()),
        )
        .with_status(status)
    }

    pub fn cancelled() -> Self {
        ProviderError::new(ErrorKind::Cancelled, "")
    }

    /// Whether the request may have reached the service and had its effect (a create must be
    /// checked before it is sent again).
    pub fn outcome_unknown(&self) -> bool {
        match self.kind {
            ErrorKind::Network | ErrorKind::ServerError => true,
            ErrorKind::MalformedResponse => self.status.is_none_or(|s| (200..300).contains(&s)),
            _ => false,
        }
    }

    /// Removes the key, and any run of 8 or more of its characters, from the message (defence
    /// in depth: bodies are already scrubbed as they arrive).
    pub fn scrub(mut self, secret: &str) -> Self {
        if let std::borrow::Cow::Owned(clean) = crate::scrub::scrub_secret(&self.message, secret) {
            self.message = clean;
        }
        self
    }
}

impl From<ProviderError> for AppError {
    fn from(e: ProviderError) -> Self {
        if e.advice_included {
            AppError::with_message(e.kind, e.message)
        } else {
            AppError::new(e.kind, e.message)
        }
    }
}

pub type ProviderResult<T> = Result<T, ProviderError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_with_advice() {
        let e =
            ProviderError::new(ErrorKind::NotFound, "QRCodePro has no code qr_1").with_status(404);
        let app: AppError = e.into();
        assert_eq!(app.kind, ErrorKind::NotFound);
        assert!(app.message.starts_with("QRCodePro has no code qr_1. The service no longer"));
    }

    #[test]
    fn unsupported_says_the_service_cannot() {
        let app: AppError =
            ProviderError::unsupported(ProviderKind::Exante, "list QR codes").into();
        assert!(app.message.starts_with("Exante can't list QR codes"), "{}", app.message);
    }

    #[test]
    fn malformed_quotes_a_refusal_but_never_a_2xx_body() {
        let raw = format!("<html>{}</html>", "x".repeat(500));
        let e = ProviderError::malformed(ProviderKind::IloveQr, 502, &raw, "an error page");
        assert_eq!(e.kind, ErrorKind::MalformedResponse);
        assert!(e.message.contains("HTTP 502"));
        assert!(e.message.contains("<html>xxx"));
        assert!(e.message.len() < 400);
        let echo = r#"{"headers": {"x-api-key": "ilqr_abcdefghijklmnop"}}"#;
        let e = ProviderError::malformed(ProviderKind::IloveQr, 200, echo, "no `data` list");
        assert!(e.message.contains("HTTP 200") && e.message.contains("bytes"), "{}", e.message);
        assert!(!e.message.contains("ilqr_") && !e.message.contains("headers"), "{}", e.message);
    }

    #[test]
    fn scrub_hides_an_echoed_secret_whole_or_in_part() {
        let e = ProviderError::new(ErrorKind::InvalidCredentials, "bad key ilqr_abcdefghijklmnop")
            .scrub("ilqr_abcdefghijklmnop");
        assert_eq!(e.message, "bad key ilqr_[key hidden]");
        let e = ProviderError::new(ErrorKind::InvalidCredentials, "bad key …efghijklmno")
            .scrub("ilqr_abcdefghijklmnop");
        assert!(!format!("{e:?}").contains("efghijkl"), "{e:?}");
    }
}
