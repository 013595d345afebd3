//! From an HTTP error answer to a [`ProviderError`]: the parts every service shares.
//!
//! [`ErrorAnswer`] collects what a failed response said (status, headers, the message in any of
//! the envelopes the contracts allow, a machine code, the step-up tier); each service module then
//! decides the kind with its own rules and falls back on [`generic_kind`].

use reqwest::header::HeaderMap;
use serde_json::Value;

use qrdesk_core::{ErrorKind, ProviderKind};

use crate::error::ProviderError;
use crate::tolerant;

/// A non-2xx answer, read tolerantly.
#[derive(Debug, Clone)]
pub struct ErrorAnswer {
    pub service: ProviderKind,
    pub status: u16,
    pub headers: HeaderMap,
    /// The raw body text (never shown in full).
    pub raw: String,
    /// The body as JSON, when it is JSON.
    pub body: Option<Value>,
    /// Whether the request addressed one item (`…/codes/{id}`), to tell "no such code" from
    /// "no such key" on services that answer 404 for both.
    pub item_request: bool,
}

impl ErrorAnswer {
    pub fn new(service: ProviderKind, status: u16, headers: HeaderMap, raw: String) -> Self {
        let body = serde_json::from_str::<Value>(&raw).ok();
        ErrorAnswer { service, status, headers, raw, body, item_request: false }
    }

    /// The human message: `error` (string or `{message}`), `message` (string or array), `detail`.
    pub fn message(&self) -> Option<String> {
        let b = self.body.as_ref()?;
        let from_error = tolerant::field(b, &["error"]).and_then(|e| match e {
            Value::Object(_) => {
                tolerant::field(e, &["message", "detail"]).and_then(tolerant::message)
            }
            other => tolerant::message(other),
        });
        let from_message = tolerant::field(b, &["message", "detail", "error_description"])
            .and_then(tolerant::message);
        // NestJS puts the reason in `message` and the status phrase in `error`: prefer `message`
        // when both are there and `error` is just a phrase like "Unauthorized".
        match (from_error, from_message) {
            (Some(e), Some(m)) if is_status_phrase(&e) => Some(m),
            (Some(e), _) => Some(e),
            (None, m) => m,
        }
    }

    /// Machine codes found anywhere they are put: `code`, `error.code`, `exaroutesErrorCode`,
    /// `error` when it is a SCREAMING_CASE word, upper-case words inside the message.
    pub fn codes(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(b) = &self.body {
            for v in [
                tolerant::field(b, &["code"]),
                tolerant::path(b, &["error", "code"]),
                tolerant::field(b, &["exaroutesErrorCode", "errorCode", "error_code"]),
                tolerant::field(b, &["error"]).filter(|v| v.is_string()),
            ]
            .into_iter()
            .flatten()
            {
                if let Some(s) = tolerant::string(v) {
                    out.push(s);
                }
            }
        }
        if let Some(m) = self.message() {
            out.push(m);
        }
        out
    }

    /// Whether `marker` (e.g. `API_KEY_REVOKED`) appears in any code or the message, any case.
    pub fn mentions(&self, marker: &str) -> bool {
        let marker = marker.to_ascii_lowercase();
        self.codes().iter().any(|c| c.to_ascii_lowercase().contains(&marker))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim)
    }

    /// Whether the body is something other than JSON (and not empty).
    pub fn is_unparseable(&self) -> bool {
        self.body.is_none() && !self.raw.trim().is_empty()
    }

    /// `"ExaRoutes answered HTTP 404: QR code not found"`, or without the message when none.
    pub fn describe(&self) -> String {
        match self.message() {
            Some(m) => format!(
                "{} answered HTTP {}: {}",
                self.service.display_name(),
                self.status,
                tolerant::snippet(&m, 300)
            ),
            None => format!("{} answered HTTP {}", self.service.display_name(), self.status),
        }
    }

    /// An error of `kind` with [`ErrorAnswer::describe`] as message and the status attached.
    pub fn error(&self, kind: ErrorKind) -> ProviderError {
        ProviderError::new(kind, self.describe()).with_status(self.status)
    }

    /// An error of `kind` with its own message (status attached).
    pub fn error_with(&self, kind: ErrorKind, message: impl Into<String>) -> ProviderError {
        ProviderError::new(kind, message).with_status(self.status)
    }
}

fn is_status_phrase(s: &str) -> bool {
    matches!(
        s.trim().to_ascii_lowercase().as_str(),
        "bad request"
            | "unauthorized"
            | "forbidden"
            | "not found"
            | "conflict"
            | "unprocessable entity"
            | "too many requests"
            | "internal server error"
    )
}

/// The kind a status means when the service's own rules say nothing more specific.
pub fn generic_kind(status: u16) -> ErrorKind {
    match status {
        400 | 413 | 415 | 422 => ErrorKind::Validation,
        401 => ErrorKind::InvalidCredentials,
        402 | 403 => ErrorKind::Forbidden,
        404 | 410 => ErrorKind::NotFound,
        408 => ErrorKind::Network,
        409 | 412 => ErrorKind::Conflict,
        429 => ErrorKind::RateLimited,
        500..=599 => ErrorKind::ServerError,
        _ => ErrorKind::MalformedResponse,
    }
}

/// The rules every service shares, applied before a service's own: a non-JSON body on a status
/// whose meaning depends on the body is `malformed_response` showing the raw text, 5xx is
/// `server_error`. Returns `None` when the service's rules should decide.
pub fn common_rules(a: &ErrorAnswer) -> Option<ProviderError> {
    if a.status >= 500 {
        let mut e = a.error(ErrorKind::ServerError);
        if a.is_unparseable() {
            e.message = format!(
                "{} answered HTTP {}: \"{}\"",
                a.service.display_name(),
                a.status,
                tolerant::snippet(&a.raw, 200)
            );
        }
        return Some(e);
    }
    if a.is_unparseable() && a.status != 429 {
        return Some(ProviderError::malformed(
            a.service,
            a.status,
            &a.raw,
            "a body that is not JSON",
        ));
    }
    None
}

/// Message parts shared by the services' rules.
pub fn field_message(a: &ErrorAnswer) -> String {
    match a.message() {
        Some(m) => {
            format!("{} refused a value: {}", a.service.display_name(), tolerant::snippet(&m, 300))
        }
        None => format!("{} refused a value (HTTP {})", a.service.display_name(), a.status),
    }
}

/// The standard mapping of the statuses every contract uses the same way: 400/422 validation with
/// the field message, 404 not found, 409 conflict, anything else by [`generic_kind`].
pub fn standard(a: &ErrorAnswer) -> ProviderError {
    match a.status {
        400 | 413 | 422 => a.error_with(ErrorKind::Validation, field_message(a)),
        s => a.error(generic_kind(s)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn answer(status: u16, body: &str) -> ErrorAnswer {
        ErrorAnswer::new(ProviderKind::IloveQr, status, HeaderMap::new(), body.to_string())
    }

    #[test]
    fn every_envelope_yields_its_message() {
        let cases = [
            (
                json!({"error": "Not a member of the requested workspace"}),
                "Not a member of the requested workspace",
            ),
            (json!({"error": {"code": "unauthorized", "message": "Invalid key"}}), "Invalid key"),
            (
                json!({"statusCode": 401, "message": "Invalid API key", "error": "Unauthorized"}),
                "Invalid API key",
            ),
            (
                json!({"statusCode": 400, "message": ["name should not be empty", "x"], "error": "Bad Request"}),
                "name should not be empty; x",
            ),
            (
                json!({"status": "error", "status_code": 401, "message": "Invalid or expired API key"}),
                "Invalid or expired API key",
            ),
        ];
        for (body, want) in cases {
            assert_eq!(answer(400, &body.to_string()).message().as_deref(), Some(want), "{body}");
        }
    }

    #[test]
    fn markers_are_found_in_error_code_or_message() {
        for body in [
            json!({"statusCode": 403, "message": "Forbidden", "error": "API_KEY_REVOKED"}),
            json!({"statusCode": 403, "message": "key revoked", "code": "API_KEY_REVOKED"}),
            json!({"statusCode": 403, "message": "API_KEY_REVOKED: this key was revoked", "error": "Forbidden"}),
            json!({"statusCode": 403, "message": ["API_KEY_REVOKED"], "error": "Forbidden"}),
        ] {
            assert!(answer(403, &body.to_string()).mentions("API_KEY_REVOKED"), "{body}");
        }
        assert!(!answer(403, r#"{"message":"Forbidden"}"#).mentions("API_KEY_REVOKED"));
    }

    #[test]
    fn common_rules_for_bodies_that_are_not_json() {
        let e = common_rules(&answer(404, "<html>nginx</html>")).unwrap();
        assert_eq!(e.kind, ErrorKind::MalformedResponse);
        assert!(e.message.contains("HTTP 404") && e.message.contains("<html>nginx"));
        let e = common_rules(&answer(502, "Bad gateway")).unwrap();
        assert_eq!(e.kind, ErrorKind::ServerError);
        assert!(e.message.contains("Bad gateway"));
        assert!(common_rules(&answer(401, "")).is_none());
        assert!(common_rules(&answer(429, "slow down")).is_none());
    }

    #[test]
    fn standard_statuses() {
        assert_eq!(
            standard(&answer(422, r#"{"message":["url must be a URL"]}"#)).kind,
            ErrorKind::Validation
        );
        assert!(standard(&answer(400, r#"{"message":["url must be a URL"]}"#))
            .message
            .contains("url must be a URL"));
        assert_eq!(standard(&answer(409, "{}")).kind, ErrorKind::Conflict);
        assert_eq!(standard(&answer(404, "")).kind, ErrorKind::NotFound);
        assert_eq!(standard(&answer(418, "")).kind, ErrorKind::MalformedResponse);
    }
}
