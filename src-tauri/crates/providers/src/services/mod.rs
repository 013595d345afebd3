//! One module per service; each implements its service's contract, as described in
//! `docs/providers/<service>.md`, behind the [`Provider`] trait. What they share (auth headers,
//! status and analytics readers) is here.
//!
//! [`Provider`]: crate::Provider

pub mod exante;
pub mod exaroutes;
pub mod iloveqr;
pub mod qr_v1;
pub mod qrcodepro;

use std::sync::Arc;

use reqwest::header::{HeaderName, AUTHORIZATION};
use reqwest::Url;
use serde_json::Value;

use qrdesk_core::provider::detect_key_format;
use qrdesk_core::{
    ApiSecret, AppError, Breakdown, BreakdownKind, CodeStatus, Credential, DailyScans, Environment,
    ErrorKind, ProviderKind,
};

use crate::config::ProviderConfig;
use crate::error::ProviderError;
use crate::http_client::{CoreParts, ErrorRules, HttpCore};
use crate::stats::RequestStats;
use crate::tolerant;

/// Builds the HTTP core of an account.
pub(crate) fn core(
    config: &ProviderConfig,
    base: Url,
    auth: Vec<(HeaderName, String)>,
    rules: ErrorRules,
) -> Result<HttpCore, AppError> {
    HttpCore::new(CoreParts {
        service: config.kind,
        base,
        auth,
        secret: config.credential.secret().clone(),
        settings: config.http.clone(),
        stats: config.stats.clone().unwrap_or_else(|| Arc::new(RequestStats::new())),
        cancel: config.cancel.clone().unwrap_or_default(),
        rules,
    })
}

/// The single key of services that take one (`Authorization: Bearer` or `X-API-Key`).
pub(crate) fn single_key(config: &ProviderConfig) -> Result<ApiSecret, AppError> {
    match &config.credential {
        Credential::Key(k) => Ok(k.clone()),
        Credential::Pair { .. } => Err(AppError::bad_input(format!(
            "{} takes one API key, not a client id and key pair",
            config.kind.display_name()
        ))),
    }
}

pub(crate) fn bearer(key: &ApiSecret) -> Vec<(HeaderName, String)> {
    vec![(AUTHORIZATION, format!("Bearer {}", key.expose()))]
}

/// Live or test, from the key's prefix (keys without a known prefix are live).
pub(crate) fn environment_of(key: &ApiSecret) -> Environment {
    detect_key_format(key.expose()).map(|f| f.environment).unwrap_or_default()
}

/// A code status in any case and any of the services' words; `active: bool` as fallback.
pub(crate) fn status_of(v: &Value) -> CodeStatus {
    if let Some(s) = tolerant::field(v, &["status", "state"]).and_then(Value::as_str) {
        if let Some(st) = CodeStatus::parse(s) {
            return st;
        }
    }
    match tolerant::field(v, &["active", "isActive", "is_active"]).and_then(tolerant::boolean) {
        Some(false) => CodeStatus::Paused,
        _ => CodeStatus::Active,
    }
}

/// The JSON body of an edit: only the fields that change, under the service's own names.
/// `body` holds whatever the service wants besides (ExaRoutes' `uid`); the destination goes
/// under `destination_key`, shaped by `destination`; statuses are spelled by `status_word`.
pub(crate) fn edit_body(
    mut body: Value,
    changes: &qrdesk_core::CodeChanges,
    destination_key: &str,
    destination: impl Fn(&str) -> Value,
    status_word: impl Fn(CodeStatus) -> &'static str,
) -> Value {
    if let Some(n) = &changes.name {
        body["name"] = Value::from(n.as_str());
    }
    if let Some(d) = &changes.destination {
        body[destination_key] = destination(d);
    }
    if let Some(s) = changes.status {
        body["status"] = Value::from(status_word(s));
    }
    body
}

/// Unwraps `{data: {...}}` envelopes; objects with their own `id` pass through (iloveQR codes
/// have a `data` field of their own).
pub(crate) fn object(v: &Value) -> &Value {
    if tolerant::field(v, &["id"]).is_some() {
        return v;
    }
    match tolerant::field(v, &["data"]) {
        Some(inner) if inner.is_object() => inner,
        _ => v,
    }
}

/// The id of an object, or a `malformed_response` naming what was missing.
pub(crate) fn required_id(
    service: ProviderKind,
    v: &Value,
    names: &[&str],
) -> Result<String, ProviderError> {
    tolerant::string_field(v, names).filter(|s| !s.is_empty()).ok_or_else(|| {
        ProviderError::malformed(
            service,
            200,
            &v.to_string(),
            &format!("an object without \"{}\"", names.first().copied().unwrap_or("id")),
        )
    })
}

/// Daily rows `[{date, scans, uniqueScans}]` under any of the allowed names.
pub(crate) fn daily_rows(
    arr: Option<&Value>,
    scan_keys: &[&str],
    unique_keys: &[&str],
) -> Vec<DailyScans> {
    let Some(rows) = arr.and_then(Value::as_array) else { return Vec::new() };
    let mut days: Vec<DailyScans> = rows
        .iter()
        .filter_map(|r| {
            let date = tolerant::field(r, &["date", "day", "timestamp", "period"])
                .and_then(tolerant::date)?;
            Some(DailyScans {
                date,
                scans: tolerant::int_field(r, scan_keys).unwrap_or(0),
                unique_scans: tolerant::int_field(r, unique_keys),
            })
        })
        .collect();
    days.sort_by_key(|d| d.date);
    days
}

/// A breakdown given as a list of `{<label>, scans}` rows.
pub(crate) fn breakdown_rows(
    kind: BreakdownKind,
    arr: Option<&Value>,
    label_keys: &[&str],
) -> Vec<Breakdown> {
    let Some(rows) = arr.and_then(Value::as_array) else { return Vec::new() };
    rows.iter()
        .filter_map(|r| {
            Some(Breakdown {
                kind,
                label: tolerant::string_field(r, label_keys)?,
                scans: tolerant::int_field(r, &["scans", "count", "total", "value"]).unwrap_or(0),
            })
        })
        .collect()
}

/// A breakdown given as a map `{label: scans}` (QRCodePro `devices`, `browsers`).
pub(crate) fn breakdown_map(kind: BreakdownKind, obj: Option<&Value>) -> Vec<Breakdown> {
    let Some(map) = obj.and_then(Value::as_object) else { return Vec::new() };
    map.iter()
        .filter_map(|(label, n)| {
            Some(Breakdown { kind, label: label.clone(), scans: tolerant::int(n)? })
        })
        .collect()
}

/// The "key does not exist" error shared by ExaRoutes' 404 on unknown keys.
pub(crate) fn unknown_key(service: ProviderKind, status: u16) -> ProviderError {
    ProviderError::new(
        ErrorKind::InvalidCredentials,
        format!("{} says this key does not exist (HTTP {status})", service.display_name()),
    )
    .with_status(status)
}

/// The next page of page/limit pagination: from `pages`, else `total`, else a full page.
pub(crate) fn next_page(
    page: u64,
    limit: u64,
    got: usize,
    pages: Option<u64>,
    total: Option<u64>,
) -> Option<String> {
    let more = match (pages, total) {
        (Some(p), _) => page < p,
        (None, Some(t)) => page.saturating_mul(limit) < t,
        (None, None) => got as u64 >= limit && got > 0,
    };
    (more && got > 0).then(|| (page + 1).to_string())
}

/// The page number a page/limit cursor stands for (`None` → 1). Anything else is `bad_input`.
pub(crate) fn page_number(
    service: ProviderKind,
    cursor: Option<&str>,
) -> Result<u64, ProviderError> {
    match cursor {
        None => Ok(1),
        Some(c) => c.trim().parse::<u64>().ok().filter(|p| *p >= 1).ok_or_else(|| {
            ProviderError::new(
                ErrorKind::BadInput,
                format!("\"{c}\" is not a page of {}'s list", service.display_name()),
            )
        }),
    }
}

pub(crate) fn clamp_limit(limit: u32) -> u32 {
    limit.clamp(1, crate::provider::MAX_PAGE_SIZE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn statuses_in_every_form() {
        assert_eq!(status_of(&json!({"status": "ACTIVE"})), CodeStatus::Active);
        assert_eq!(status_of(&json!({"status": "inactive"})), CodeStatus::Paused);
        assert_eq!(status_of(&json!({"status": "Paused"})), CodeStatus::Paused);
        assert_eq!(status_of(&json!({"status": "ARCHIVED"})), CodeStatus::Archived);
        assert_eq!(status_of(&json!({"status": "draft"})), CodeStatus::Draft);
        assert_eq!(status_of(&json!({"active": false})), CodeStatus::Paused);
        assert_eq!(status_of(&json!({})), CodeStatus::Active);
    }

    #[test]
    fn page_pagination_ends() {
        assert_eq!(next_page(1, 10, 10, Some(3), None).as_deref(), Some("2"));
        assert_eq!(next_page(3, 10, 5, Some(3), None), None);
        assert_eq!(next_page(2, 10, 10, None, Some(20)), None);
        assert_eq!(next_page(1, 10, 10, None, None).as_deref(), Some("2"));
        assert_eq!(next_page(1, 10, 0, Some(5), None), None);
        assert!(page_number(ProviderKind::QrV1, Some("abc")).is_err());
        assert_eq!(page_number(ProviderKind::QrV1, Some("4")).unwrap(), 4);
    }

    #[test]
    fn analytics_rows_are_tolerant() {
        let days = daily_rows(
            Some(
                &json!([{"date": "2026-01-02", "scans": "4"}, {"date": 1767225600000_i64, "scans": 3, "uniqueScans": 2}, {"nodate": 1}]),
            ),
            &["scans"],
            &["uniqueScans"],
        );
        assert_eq!(days.len(), 2);
        assert_eq!(days[0].date.to_string(), "2026-01-01");
        assert_eq!(days[1].scans, 4);
        let b = breakdown_map(BreakdownKind::Device, Some(&json!({"ios": 5, "android": "x"})));
        assert_eq!(b.len(), 1);
    }
}

/// An id as one URL path segment (percent-encoded outside the unreserved characters), so an id
/// can never change the path it is put into.
pub(crate) fn segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod segment_tests {
    #[test]
    fn ids_cannot_escape_their_segment() {
        assert_eq!(super::segment("qr_abc-1.2~"), "qr_abc-1.2~");
        assert_eq!(super::segment("../x y"), "..%2Fx%20y");
    }
}

#[cfg(test)]
mod garbage_tests {
    use serde_json::{json, Value};

    use super::{exante, exaroutes, iloveqr, qr_v1, qrcodepro};

    /// Shapes no contract allows: every reader answers with an error or an empty result.
    fn garbage() -> Vec<Value> {
        vec![
            json!(null),
            json!(1),
            json!("x"),
            json!([]),
            json!({}),
            json!({"data": 5}),
            json!({"data": [1, "a", null]}),
            json!({"data": [{"id": null}]}),
            json!({"data": [{"id": {"nested": true}}]}),
            json!({"data": {"items": "no"}}),
            json!({"organizations": [{}]}),
            json!({"pagination": {"nextCursor": 3}, "meta": {"totalPages": -1}}),
            json!({"byDay": [{"date": 12345678901234567_i64, "scans": 1e308}], "summary": {"totalScans": "many"}}),
            json!({"timeline": "no", "devices": {"ios": null}, "geography": []}),
        ]
    }

    #[test]
    fn garbage_never_panics_and_never_yields_codes() {
        for g in garbage() {
            let pages = [
                exaroutes::parse_page(&g).map(|p| p.items.len()),
                qr_v1::parse_page(&g, 1, 10).map(|p| p.items.len()),
                qrcodepro::parse_page(&g, 1, 10).map(|p| p.items.len()),
                iloveqr::parse_page(&g, 1, 10).map(|p| p.items.len()),
            ];
            for p in pages {
                assert!(p.is_err() || p == Ok(0), "{g} gave {p:?}");
            }
            for code in [
                exaroutes::parse_code(&g),
                qr_v1::parse_code(&g),
                qrcodepro::parse_code(&g),
                iloveqr::parse_code(&g),
            ] {
                let e = code.expect_err("no id, no code");
                assert_eq!(e.kind, qrdesk_core::ErrorKind::MalformedResponse);
            }
            assert!(exante::parse_keys(&g).map_or(true, |k| k.is_empty()), "{g}");
            assert!(exante::parse_created(&g).is_err());
            assert!(iloveqr::parse_organizations(&g).map_or(true, |o| o.is_empty()), "{g}");
            for s in [
                exaroutes::parse_analytics(&g),
                qr_v1::parse_analytics(&g),
                qrcodepro::parse_analytics(&g, &g),
                iloveqr::parse_analytics(&g),
            ] {
                assert!(s.days.iter().all(|d| d.scans >= 0), "{g}");
            }
        }
    }
}
