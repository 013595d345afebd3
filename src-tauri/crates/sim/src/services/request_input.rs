//! Reading what clients send: bodies, query parameters, auth headers, dates. Every problem
//! comes back as a sentence naming the field, for the service's own error envelope.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::refusal::Refusal;
use crate::scan_history::ScanClock;

/// Handlers answer `Ok(success)` or `Err(refusal)`.
pub type Reply = Result<Response, Refusal>;

pub type Query = HashMap<String, String>;

pub fn json(status: u16, value: Value) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, Json(value)).into_response()
}

pub fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

/// The request body as a JSON object.
pub fn object_body(bytes: &Bytes) -> Result<Map<String, Value>, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("Request body is required (a JSON object)".into());
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err("Request body must be a JSON object".into()),
        Err(_) => Err("Request body is not valid JSON".into()),
    }
}

/// An optional string field (`Err` when present with another type).
pub fn string_field<'a>(
    body: &'a Map<String, Value>,
    name: &str,
) -> Result<Option<&'a str>, String> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        Some(_) => Err(format!("{name} must be a string")),
    }
}

/// A required, non-empty string field.
pub fn required_string<'a>(body: &'a Map<String, Value>, name: &str) -> Result<&'a str, String> {
    match string_field(body, name)? {
        Some(s) if !s.trim().is_empty() => Ok(s),
        _ => Err(format!("{name} is required")),
    }
}

/// An integer query parameter in `min..=max`, or `default` when absent.
pub fn int_param(
    query: &Query,
    name: &str,
    default: u64,
    min: u64,
    max: u64,
) -> Result<u64, String> {
    match query.get(name).map(|v| v.trim()) {
        None | Some("") => Ok(default),
        Some(text) => match text.parse::<u64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ if max == u64::MAX => Err(format!("{name} must be an integer of at least {min}")),
            _ => Err(format!("{name} must be an integer between {min} and {max}")),
        },
    }
}

/// A date parameter: `YYYY-MM-DD`, or an ISO date-time whose date part is used.
pub fn date_param(query: &Query, name: &str) -> Result<Option<NaiveDate>, String> {
    match query.get(name).map(|v| v.trim()) {
        None | Some("") => Ok(None),
        Some(text) => {
            let day = text.get(..10).unwrap_or(text);
            NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| format!("{name} must be a date in the form YYYY-MM-DD"))
        }
    }
}

/// The analytics range: both ends inclusive; the last 30 days of history when not given.
pub fn date_range(
    clock: &ScanClock,
    query: &Query,
    from: &str,
    to: &str,
) -> Result<(NaiveDate, NaiveDate), String> {
    let end = date_param(query, to)?.unwrap_or(clock.today);
    let start = match date_param(query, from)? {
        Some(start) => start,
        None => end.checked_sub_days(chrono::Days::new(29)).unwrap_or(end),
    };
    if start > end {
        return Err(format!("{from} must not be after {to}"));
    }
    if (end - start).num_days() > 3_660 {
        return Err(format!("the range from {from} to {to} may span at most 10 years"));
    }
    Ok((start, end))
}

/// What the `Authorization` header holds.
pub enum Bearer {
    Missing,
    Malformed,
    Token(String),
}

pub fn bearer(headers: &HeaderMap) -> Bearer {
    let Some(value) = headers.get(header::AUTHORIZATION) else { return Bearer::Missing };
    let Ok(text) = value.to_str() else { return Bearer::Malformed };
    match text.split_once(' ') {
        Some((scheme, token))
            if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
        {
            Bearer::Token(token.trim().to_string())
        }
        _ => Bearer::Malformed,
    }
}

pub fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// The client's create id, if it sent one.
pub fn idempotency_key(headers: &HeaderMap) -> Option<String> {
    header_text(headers, "idempotency-key")
}

pub fn is_http_url(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_ints_and_urls() {
        let mut q = Query::new();
        q.insert("from".into(), "2026-01-01".into());
        q.insert("to".into(), "2026-01-31T23:59:59Z".into());
        q.insert("limit".into(), "101".into());
        assert_eq!(date_param(&q, "to").unwrap(), NaiveDate::from_ymd_opt(2026, 1, 31));
        assert!(int_param(&q, "limit", 20, 1, 100).is_err());
        assert_eq!(int_param(&q, "page", 1, 1, u64::MAX), Ok(1));
        assert!(is_http_url("https://example.com/x"));
        assert!(!is_http_url("ftp://example.com"));
        assert!(!is_http_url("https://"));
        let body = object_body(&Bytes::from_static(b"{\"name\":3}")).unwrap();
        assert!(string_field(&body, "name").is_err());
        assert!(object_body(&Bytes::from_static(b"[1]")).is_err());
    }
}
