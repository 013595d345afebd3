//! The `/api/v1/qr` Team-tier platform: Bearer key without prefix, page/limit
//! pagination, PUT edits, and a 403 that means the plan is below Team.
//!
//! What it sends and reads: docs/providers/qr-v1.md.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::NaiveDate;
use reqwest::Url;
use serde_json::{json, Value};

use qrdesk_core::{
    AppError, BreakdownKind, CodeChanges, CodeStatus, ErrorKind, ProviderKind, ScanSeries,
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
    breakdown_rows, daily_rows, edit_body, next_page, object, page_number, required_id, segment,
    status_of,
};

const SERVICE: ProviderKind = ProviderKind::QrV1;

pub struct QrV1 {
    core: HttpCore,
}

impl QrV1 {
    pub fn connect(config: &ProviderConfig, base: Url) -> Result<Self, AppError> {
        let key = super::single_key(config)?;
        Ok(QrV1 { core: super::core(config, base, super::bearer(&key), rules)? })
    }
}

/// The platform's error rules (see docs/providers/qr-v1.md, 'Errors').
pub fn rules(a: &ErrorAnswer) -> ProviderError {
    let text = a.message().unwrap_or_default().to_ascii_lowercase();
    match a.status {
        401 if text.contains("revoked") => a.error(ErrorKind::KeyRevoked),
        401 if text.contains("expired") => a.error(ErrorKind::KeyExpired),
        401 => a.error(ErrorKind::InvalidCredentials),
        403 => {
            let said = a
                .message()
                .map(|m| format!(" (it said: {})", tolerant::snippet(&m, 200)))
                .unwrap_or_default();
            a.error_with(
                ErrorKind::Forbidden,
                format!(
                    "The QR platform refused the request{said}. API access needs the Team tier or \
                     above: upgrade the plan in the platform's dashboard, then try again."
                ),
            )
            .with_advice()
        }
        _ => standard(a),
    }
}

/// Reads one object: `{id, name, type, destination, short_url, status, scans, created_at, updated_at}`.
pub fn parse_code(v: &Value) -> ProviderResult<RemoteCode> {
    let remote_id = required_id(SERVICE, v, &["id", "uuid", "slug"])?;
    Ok(RemoteCode {
        name: tolerant::string_field(v, &["name", "title"]).unwrap_or_default(),
        kind: tolerant::string_field(v, &["type", "kind"]).unwrap_or_default(),
        destination: tolerant::string_field(v, &["destination", "destination_url", "url"])
            .unwrap_or_default(),
        content: tolerant::string_field(v, &["short_url", "shortUrl", "redirect_url"])
            .unwrap_or_default(),
        status: status_of(v),
        scans_total: tolerant::int_field(v, &["scans", "total_scans", "scan_count"]),
        created_at: tolerant::timestamp_field(v, &["created_at", "createdAt"]),
        updated_at: tolerant::timestamp_field(v, &["updated_at", "updatedAt"]),
        raw: v.clone(),
        remote_id,
    })
}

/// Reads a list page: `{data, pagination: {page, limit, total, pages}}`.
pub fn parse_page(v: &Value, page: u64, limit: u64) -> ProviderResult<Page<RemoteCode>> {
    let items = tolerant::items(v, &["data", "items", "qr_codes"]).ok_or_else(|| {
        ProviderError::malformed(SERVICE, 200, &v.to_string(), "a list without \"data\"")
    })?;
    let items = items.iter().map(parse_code).collect::<ProviderResult<Vec<_>>>()?;
    let p = tolerant::field(v, &["pagination", "meta"]).cloned().unwrap_or(Value::Null);
    let total = tolerant::count_field(&p, &["total", "total_items"]);
    let pages = tolerant::count_field(&p, &["pages", "total_pages", "totalPages"]);
    let next = next_page(page, limit, items.len(), pages, total);
    Ok(Page { items, next, total })
}

pub fn parse_analytics(v: &Value) -> ScanSeries {
    let mut breakdowns = breakdown_rows(
        BreakdownKind::Country,
        tolerant::field(v, &["by_country", "byCountry"]),
        &["country"],
    );
    breakdowns.extend(breakdown_rows(
        BreakdownKind::Device,
        tolerant::field(v, &["by_device", "byDevice"]),
        &["device"],
    ));
    ScanSeries {
        days: daily_rows(
            tolerant::field(v, &["by_day", "byDay"]),
            &["scans", "count"],
            &["unique_scans", "uniqueScans"],
        ),
        breakdowns,
        total_scans: tolerant::int_field(v, &["total_scans", "totalScans", "scans"]),
        unique_scans: tolerant::int_field(v, &["unique_scans", "uniqueScans"]),
    }
}

fn status_word(s: CodeStatus) -> &'static str {
    match s {
        CodeStatus::Active => "active",
        CodeStatus::Paused | CodeStatus::Archived | CodeStatus::Draft => "paused",
    }
}

#[async_trait]
impl Provider for QrV1 {
    fn kind(&self) -> ProviderKind {
        SERVICE
    }

    fn stats(&self) -> Arc<RequestStats> {
        self.core.stats()
    }

    async fn verify(&self) -> ProviderResult<Verified> {
        let page = self.list_page(None, 1).await?;
        Ok(Verified {
            environment: Default::default(),
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
        let req = ApiRequest::get("/api/v1/qr").query("page", page).query("limit", limit);
        let v = self.core.send(&req).await?;
        parse_page(&v, page, u64::from(limit))
    }

    async fn get(&self, remote_id: &str) -> ProviderResult<RemoteCode> {
        let req = ApiRequest::get(format!("/api/v1/qr/{}", segment(remote_id))).item();
        parse_code(object(&self.core.send(&req).await?))
    }

    async fn create(&self, new: &NewCode) -> ProviderResult<RemoteCode> {
        let body = json!({ "name": new.name, "type": "url", "destination": new.destination });
        create_checked(self, &self.core, new, ApiRequest::post("/api/v1/qr", body), |v| {
            parse_code(object(v))
        })
        .await
    }

    async fn update(&self, remote_id: &str, changes: &CodeChanges) -> ProviderResult<RemoteCode> {
        let body = edit_body(json!({}), changes, "destination", |d| json!(d), status_word);
        let req = ApiRequest::put(format!("/api/v1/qr/{}", segment(remote_id)), body).item();
        parse_code(object(&self.core.send(&req).await?))
    }

    async fn delete(&self, remote_id: &str) -> ProviderResult<()> {
        let req = ApiRequest::delete(format!("/api/v1/qr/{}", segment(remote_id))).item();
        self.core.send(&req).await.map(|_| ())
    }

    async fn analytics(
        &self,
        remote_id: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> ProviderResult<ScanSeries> {
        let req = ApiRequest::get(format!("/api/v1/qr/{}/analytics", segment(remote_id)))
            .query("from", from)
            .query("to", to)
            .item();
        Ok(parse_analytics(object(&self.core.send(&req).await?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderMap;

    #[test]
    fn objects_and_pages() {
        let c = parse_code(&json!({
            "id": 7, "name": "Spring", "type": "URL", "destination": "https://x.test",
            "short_url": "https://s.test/r/abc", "status": "PAUSED", "scans": "12",
            "created_at": "2026-05-21T15:00:00Z", "unknown": true
        }))
        .unwrap();
        assert_eq!(
            (c.remote_id.as_str(), c.status, c.scans_total),
            ("7", CodeStatus::Paused, Some(12))
        );
        assert_eq!(c.content, "https://s.test/r/abc");
        assert_eq!(c.updated_at, None);
        let p = parse_page(&json!({"data": [{"id": "a"}], "pagination": {"page": 1, "limit": 1, "total": 2, "pages": 2}}), 1, 1).unwrap();
        assert_eq!((p.next.as_deref(), p.total), (Some("2"), Some(2)));
        let p = parse_page(&json!({"data": [{"id": "b"}], "pagination": {"page": 2, "limit": 1, "total": 2, "pages": 2}}), 2, 1).unwrap();
        assert_eq!(p.next, None);
    }

    #[test]
    fn team_tier_403_is_explained() {
        let a = ErrorAnswer::new(
            SERVICE,
            403,
            HeaderMap::new(),
            r#"{"error":"plan restriction"}"#.into(),
        );
        let app: AppError = rules(&a).into();
        assert_eq!(app.kind, ErrorKind::Forbidden);
        assert!(app.message.contains("Team tier"), "{}", app.message);
        let a = ErrorAnswer::new(
            SERVICE,
            401,
            HeaderMap::new(),
            r#"{"error":"Invalid API key"}"#.into(),
        );
        assert_eq!(rules(&a).kind, ErrorKind::InvalidCredentials);
    }

    #[test]
    fn analytics_shape() {
        let s = parse_analytics(&json!({"id": "a", "total_scans": 9, "unique_scans": 7,
            "by_day": [{"date": "2026-05-01", "scans": 9}], "by_country": [{"country": "ZA", "scans": 9}],
            "by_device": [{"device": "mobile", "scans": 9}]}));
        assert_eq!((s.total_scans, s.days.len(), s.breakdowns.len()), (Some(9), 1, 2));
    }
}
