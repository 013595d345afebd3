//! QRCodePro: Bearer `qrcp_live_/qrcp_test_` (test keys see their own data set:
//! the environment is reported by `verify` so the app never mixes them), page/limit pagination,
//! PATCH edits, summary + time-series analytics, `X-RateLimit-*` pacing (a 429 without
//! `Retry-After` waits for `X-RateLimit-Reset`, which the HTTP core handles).
//!
//! What it sends and reads: docs/providers/qrcodepro.md.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::NaiveDate;
use reqwest::Url;
use serde_json::{json, Value};

use qrdesk_core::{
    AppError, BreakdownKind, CodeChanges, CodeStatus, Environment, ErrorKind, ProviderKind,
    ScanSeries,
};

use crate::config::ProviderConfig;
use crate::create_recovery::create_checked;
use crate::error::{ProviderError, ProviderResult};
use crate::error_mapping::{standard, ErrorAnswer};
use crate::http_client::{ApiRequest, HttpCore};
use crate::model::{NewCode, Page, RemoteCode, Verified};
use crate::provider::Provider;
use crate::stats::RequestStats;
use crate::tolerant;

use super::{
    breakdown_map, breakdown_rows, daily_rows, edit_body, next_page, object, page_number,
    required_id, segment, status_of,
};

const SERVICE: ProviderKind = ProviderKind::QrCodePro;

pub struct QrCodePro {
    core: HttpCore,
    environment: Environment,
}

impl QrCodePro {
    pub fn connect(config: &ProviderConfig, base: Url) -> Result<Self, AppError> {
        let key = super::single_key(config)?;
        Ok(QrCodePro {
            environment: super::environment_of(&key),
            core: super::core(config, base, super::bearer(&key), rules)?,
        })
    }
}

/// QRCodePro's error rules: `{"error": {"code", "message"}}`.
pub fn rules(a: &ErrorAnswer) -> ProviderError {
    let mentions = |w: &str| a.mentions(w);
    match a.status {
        401 if mentions("revoked") => a.error(ErrorKind::KeyRevoked),
        401 if mentions("expired") => a.error(ErrorKind::KeyExpired),
        401 => a.error(ErrorKind::InvalidCredentials),
        403 => a.error(ErrorKind::Forbidden),
        _ => standard(a),
    }
}

/// Reads one QR object (see docs/providers/qrcodepro.md, 'Reading responses').
pub fn parse_code(v: &Value) -> ProviderResult<RemoteCode> {
    let remote_id = required_id(SERVICE, v, &["id", "qr_id"])?;
    Ok(RemoteCode {
        name: tolerant::string_field(v, &["name"]).unwrap_or_default(),
        kind: tolerant::string_field(v, &["type", "qr_type"]).unwrap_or_else(|| "url".to_string()),
        destination: tolerant::string_field(
            v,
            &["destination_url", "destinationUrl", "destination"],
        )
        .unwrap_or_default(),
        content: tolerant::string_field(v, &["short_url", "shortUrl"]).unwrap_or_default(),
        status: status_of(v),
        scans_total: tolerant::int_field(v, &["total_scans", "totalScans", "scans"]),
        created_at: tolerant::timestamp_field(v, &["created_at", "createdAt"]),
        updated_at: tolerant::timestamp_field(v, &["updated_at", "updatedAt"]),
        raw: v.clone(),
        remote_id,
    })
}

/// Reads a list page: `{data, pagination: {page, limit, total, total_pages}}`.
pub fn parse_page(v: &Value, page: u64, limit: u64) -> ProviderResult<Page<RemoteCode>> {
    let items = tolerant::items(v, &["data", "qrcodes", "items"]).ok_or_else(|| {
        ProviderError::malformed(SERVICE, 200, &v.to_string(), "a list without \"data\"")
    })?;
    let items = items.iter().map(parse_code).collect::<ProviderResult<Vec<_>>>()?;
    let p = tolerant::field(v, &["pagination", "meta"]).cloned().unwrap_or(Value::Null);
    let total = tolerant::count_field(&p, &["total", "total_count"]);
    let pages = tolerant::count_field(&p, &["total_pages", "totalPages", "pages"]);
    Ok(Page { next: next_page(page, limit, items.len(), pages, total), items, total })
}

/// Merges the summary and the time series (`{qr_id, interval, data: [...]}`); see
/// docs/providers/qrcodepro.md, 'Analytics'.
pub fn parse_analytics(summary: &Value, series: &Value) -> ScanSeries {
    let s = tolerant::field(summary, &["summary"]).cloned().unwrap_or(Value::Null);
    let mut breakdowns = breakdown_rows(
        BreakdownKind::Country,
        tolerant::field(summary, &["top_countries", "countries"]),
        &["country"],
    );
    breakdowns.extend(breakdown_rows(
        BreakdownKind::City,
        tolerant::field(summary, &["top_cities", "cities"]),
        &["city"],
    ));
    breakdowns.extend(breakdown_map(BreakdownKind::Device, tolerant::field(summary, &["devices"])));
    breakdowns
        .extend(breakdown_map(BreakdownKind::Browser, tolerant::field(summary, &["browsers"])));
    let rows =
        tolerant::items(series, &["data", "series", "timeseries"]).map(|a| Value::Array(a.clone()));
    ScanSeries {
        days: daily_rows(rows.as_ref(), &["scans", "count"], &["unique_scans", "uniqueScans"]),
        breakdowns,
        total_scans: tolerant::int_field(&s, &["total_scans", "totalScans"]),
        unique_scans: tolerant::int_field(&s, &["unique_visitors", "unique_scans", "uniqueScans"]),
    }
}

fn status_word(s: CodeStatus) -> &'static str {
    match s {
        CodeStatus::Active => "active",
        CodeStatus::Paused | CodeStatus::Archived => "paused",
        CodeStatus::Draft => "draft",
    }
}

#[async_trait]
impl Provider for QrCodePro {
    fn kind(&self) -> ProviderKind {
        SERVICE
    }

    fn stats(&self) -> Arc<RequestStats> {
        self.core.stats()
    }

    async fn verify(&self) -> ProviderResult<Verified> {
        let page = self.list_page(None, 1).await?;
        Ok(Verified {
            environment: self.environment,
            workspace: None,
            organizations: Vec::new(),
            key: None,
            codes_total: page.total,
            look_alike_keys: 0,
        })
    }

    async fn list_page(
        &self,
        cursor: Option<&str>,
        limit: u32,
    ) -> ProviderResult<Page<RemoteCode>> {
        let page = page_number(SERVICE, cursor)?;
        let limit = super::clamp_limit(limit);
        let req = ApiRequest::get("/v1/qrcodes").query("page", page).query("limit", limit);
        parse_page(&self.core.send(&req).await?, page, u64::from(limit))
    }

    async fn get(&self, remote_id: &str) -> ProviderResult<RemoteCode> {
        let req = ApiRequest::get(format!("/v1/qrcodes/{}", segment(remote_id))).item();
        parse_code(object(&self.core.send(&req).await?))
    }

    async fn create(&self, new: &NewCode) -> ProviderResult<RemoteCode> {
        let body = json!({ "name": new.name, "destination_url": new.destination });
        create_checked(self, &self.core, new, ApiRequest::post("/v1/qrcodes", body), |v| {
            parse_code(object(v))
        })
        .await
    }

    async fn update(&self, remote_id: &str, changes: &CodeChanges) -> ProviderResult<RemoteCode> {
        let body = edit_body(json!({}), changes, "destination_url", |d| json!(d), status_word);
        let req = ApiRequest::patch(format!("/v1/qrcodes/{}", segment(remote_id)), body).item();
        parse_code(object(&self.core.send(&req).await?))
    }

    async fn delete(&self, remote_id: &str) -> ProviderResult<()> {
        let req = ApiRequest::delete(format!("/v1/qrcodes/{}", segment(remote_id))).item();
        self.core.send(&req).await.map(|_| ())
    }

    async fn analytics(
        &self,
        remote_id: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> ProviderResult<ScanSeries> {
        let base = format!("/v1/qrcodes/{}/analytics", segment(remote_id));
        let summary =
            ApiRequest::get(base.clone()).query("start_date", from).query("end_date", to).item();
        let series = ApiRequest::get(format!("{base}/timeseries"))
            .query("start_date", from)
            .query("end_date", to)
            .query("interval", "day")
            .item();
        let summary = self.core.send(&summary).await?;
        let series = self.core.send(&series).await?;
        Ok(parse_analytics(&summary, &series))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderMap;

    #[test]
    fn object_page_and_status() {
        let c = parse_code(&json!({
            "id": "qr_abc123xyz", "name": "Spring", "destination_url": "https://example.com/s",
            "short_code": "s", "short_url": "https://qrcp.io/s", "status": "DRAFT", "active": false,
            "total_scans": 3, "unique_scans": 2, "created_at": 1770292800000_i64, "updated_at": "2026-02-05T12:00:00Z"
        }))
        .unwrap();
        assert_eq!(
            (c.status, c.content.as_str(), c.scans_total),
            (CodeStatus::Draft, "https://qrcp.io/s", Some(3))
        );
        assert_eq!(c.created_at, c.updated_at);
        let p = parse_page(&json!({"data": [], "pagination": {"page": 1, "limit": 20, "total": 0, "total_pages": 0}}), 1, 20).unwrap();
        assert_eq!((p.items.len(), p.next), (0, None));
    }

    #[test]
    fn errors_in_nested_envelope() {
        let a = ErrorAnswer::new(
            SERVICE,
            401,
            HeaderMap::new(),
            r#"{"error":{"code":"unauthorized","message":"Invalid API key"}}"#.into(),
        );
        let e = rules(&a);
        assert_eq!(e.kind, ErrorKind::InvalidCredentials);
        assert!(e.message.contains("Invalid API key"));
        let a = ErrorAnswer::new(
            SERVICE,
            400,
            HeaderMap::new(),
            r#"{"error":{"code":"validation_error","message":"destination_url is required"}}"#
                .into(),
        );
        assert!(rules(&a).message.contains("destination_url is required"));
        let a = ErrorAnswer::new(
            SERVICE,
            409,
            HeaderMap::new(),
            r#"{"error":{"code":"conflict","message":"short_code taken"}}"#.into(),
        );
        assert_eq!(rules(&a).kind, ErrorKind::Conflict);
        let a = ErrorAnswer::new(
            SERVICE,
            429,
            HeaderMap::new(),
            r#"{"error":{"code":"rate_limit_exceeded","message":"slow"}}"#.into(),
        );
        assert_eq!(rules(&a).kind, ErrorKind::RateLimited);
    }

    #[test]
    fn summary_and_series_merge() {
        let s = parse_analytics(
            &json!({"qr_id": "q", "summary": {"total_scans": 10, "unique_visitors": 8, "avg_daily_scans": 1.5},
                    "top_countries": [{"country": "US", "scans": 6}], "top_cities": [{"city": "NY", "country": "US", "scans": 2}],
                    "devices": {"ios": 5, "android": 5}, "browsers": {"safari": 10}}),
            &json!({"qr_id": "q", "interval": "day", "data": [{"date": "2026-01-01", "scans": 10, "unique_scans": 8}]}),
        );
        assert_eq!(
            (s.total_scans, s.unique_scans, s.days.len(), s.breakdowns.len()),
            (Some(10), Some(8), 1, 5)
        );
    }
}
