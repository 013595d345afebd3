//! iloveQR: `X-API-Key: ilqr_…`, organization discovery and choice (auto-picked
//! when the key sees exactly one), page/limit pagination, PUT edits, NestJS-style errors whose
//! `message` is a string or an array, and a revoked key reported as 403 `API_KEY_REVOKED` (in
//! `error`, `code` or `message`) or as 401 with that marker.
//!
//! What it sends and reads: docs/providers/iloveqr.md.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::NaiveDate;
use reqwest::header::HeaderName;
use reqwest::Url;
use serde_json::{json, Value};
use tokio::sync::OnceCell;

use qrdesk_core::{
    AppError, BreakdownKind, CodeChanges, CodeStatus, ErrorKind, ProviderKind, ScanSeries,
};

use crate::config::ProviderConfig;
use crate::create_recovery::create_checked;
use crate::error::{ProviderError, ProviderResult};
use crate::error_mapping::{standard, ErrorAnswer};
use crate::http_client::{ApiRequest, HttpCore};
use crate::model::{NewCode, Organization, Page, RemoteCode, Verified};
use crate::provider::Provider;
use crate::stats::RequestStats;
use crate::tolerant;

use super::{
    breakdown_rows, daily_rows, edit_body, next_page, object, page_number, required_id, segment,
    status_of,
};

const SERVICE: ProviderKind = ProviderKind::IloveQr;
const REVOKED: &str = "API_KEY_REVOKED";

pub struct IloveQr {
    core: HttpCore,
    configured_org: Option<String>,
    discovered_org: OnceCell<String>,
}

impl IloveQr {
    pub fn connect(config: &ProviderConfig, base: Url) -> Result<Self, AppError> {
        let key = super::single_key(config)?;
        let auth = vec![(HeaderName::from_static("x-api-key"), key.expose().to_string())];
        Ok(IloveQr {
            core: super::core(config, base, auth, rules)?,
            configured_org: config.workspace.as_ref().map(|w| w.trim().to_string()),
            discovered_org: OnceCell::new(),
        })
    }

    /// The organization to work in: the configured one, else the only one the key sees.
    async fn org(&self) -> ProviderResult<String> {
        if let Some(o) = &self.configured_org {
            return Ok(o.clone());
        }
        self.discovered_org
            .get_or_try_init(|| async {
                let orgs = self.organizations().await?;
                pick_organization(&orgs)
            })
            .await
            .cloned()
    }

    fn codes_path(org: &str) -> String {
        format!("/organizations/{}/qr-codes", segment(org))
    }
}

/// The only organization, or an error that asks the person to choose.
pub fn pick_organization(orgs: &[Organization]) -> ProviderResult<String> {
    match orgs {
        [only] => Ok(only.id.clone()),
        [] => Err(ProviderError::new(
            ErrorKind::NotAMember,
            "This iloveQR key belongs to no organization",
        )),
        many => {
            let names: Vec<String> =
                many.iter().map(|o| format!("{} ({})", o.name, o.id)).collect();
            Err(ProviderError::new(
                ErrorKind::BadInput,
                format!(
                    "This iloveQR key sees {} organizations: {}. Choose one in the account settings.",
                    many.len(),
                    names.join(", ")
                ),
            )
            .with_advice())
        }
    }
}

/// iloveQR's error rules (see docs/providers/iloveqr.md, 'Errors').
pub fn rules(a: &ErrorAnswer) -> ProviderError {
    let text = a.message().unwrap_or_default().to_ascii_lowercase();
    match a.status {
        401 | 403 if a.mentions(REVOKED) => a.error(ErrorKind::KeyRevoked),
        401 if text.contains("revoked") => a.error(ErrorKind::KeyRevoked),
        401 if text.contains("expired") => a.error(ErrorKind::KeyExpired),
        401 => a.error(ErrorKind::InvalidCredentials),
        403 if text.contains("organization") || text.contains("member") => {
            a.error(ErrorKind::NotAMember)
        }
        403 => a.error(ErrorKind::Forbidden),
        _ => standard(a),
    }
}

/// Reads `{organizations: [...]}` (or a bare array, or `data`).
pub fn parse_organizations(v: &Value) -> ProviderResult<Vec<Organization>> {
    let items = tolerant::items(v, &["organizations", "data", "items"]).ok_or_else(|| {
        ProviderError::malformed(
            SERVICE,
            200,
            &v.to_string(),
            "an answer without \"organizations\"",
        )
    })?;
    items
        .iter()
        .map(|o| {
            let id = required_id(SERVICE, o, &["id", "organizationId", "uid"])?;
            Ok(Organization {
                name: tolerant::string_field(o, &["name", "slug"]).unwrap_or_else(|| id.clone()),
                slug: tolerant::string_field(o, &["slug"]),
                role: tolerant::string_field(o, &["role"]).map(|r| r.to_ascii_uppercase()),
                id,
            })
        })
        .collect()
}

/// Reads one QR object (docs/providers/iloveqr.md, 'Reading responses'): destination is
/// `data.url`, content `shortUrl`.
pub fn parse_code(v: &Value) -> ProviderResult<RemoteCode> {
    let remote_id = required_id(SERVICE, v, &["id", "qrCodeId"])?;
    let destination = tolerant::field(v, &["data"])
        .and_then(|d| match d {
            Value::Object(_) => tolerant::string_field(d, &["url", "link", "value"]),
            other => tolerant::string(other),
        })
        .or_else(|| tolerant::string_field(v, &["url", "destination"]))
        .unwrap_or_default();
    Ok(RemoteCode {
        name: tolerant::string_field(v, &["name"]).unwrap_or_default(),
        kind: tolerant::string_field(v, &["type"]).unwrap_or_default(),
        destination,
        content: tolerant::string_field(v, &["shortUrl", "short_url"]).unwrap_or_default(),
        status: status_of(v),
        scans_total: tolerant::int_field(v, &["totalScans", "total_scans", "scans"]),
        created_at: tolerant::timestamp_field(v, &["createdAt", "created_at"]),
        updated_at: tolerant::timestamp_field(v, &["updatedAt", "updated_at"]),
        raw: v.clone(),
        remote_id,
    })
}

/// Reads a list page: `{data, meta: {page, limit, total, totalPages}}`.
pub fn parse_page(v: &Value, page: u64, limit: u64) -> ProviderResult<Page<RemoteCode>> {
    let items = tolerant::items(v, &["data", "items", "qrCodes"]).ok_or_else(|| {
        ProviderError::malformed(SERVICE, 200, &v.to_string(), "a list without \"data\"")
    })?;
    let items = items.iter().map(parse_code).collect::<ProviderResult<Vec<_>>>()?;
    let m = tolerant::field(v, &["meta", "pagination"]).cloned().unwrap_or(Value::Null);
    let total = tolerant::count_field(&m, &["total", "totalItems"]);
    let pages = tolerant::count_field(&m, &["totalPages", "total_pages", "pages"]);
    Ok(Page { next: next_page(page, limit, items.len(), pages, total), items, total })
}

/// Reads per-code analytics (docs/providers/iloveqr.md, 'Analytics'): summary, timeline,
/// geography, devices, browsers, referrers.
pub fn parse_analytics(v: &Value) -> ScanSeries {
    let summary = tolerant::field(v, &["summary"]).cloned().unwrap_or(Value::Null);
    let geo = tolerant::field(v, &["geography"]).cloned().unwrap_or(Value::Null);
    let mut b =
        breakdown_rows(BreakdownKind::Country, tolerant::field(&geo, &["countries"]), &["country"]);
    b.extend(breakdown_rows(BreakdownKind::City, tolerant::field(&geo, &["cities"]), &["city"]));
    b.extend(breakdown_rows(BreakdownKind::Device, tolerant::field(v, &["devices"]), &["device"]));
    b.extend(breakdown_rows(
        BreakdownKind::Os,
        tolerant::field(v, &["os", "operatingSystems"]),
        &["os", "name"],
    ));
    b.extend(breakdown_rows(
        BreakdownKind::Browser,
        tolerant::field(v, &["browsers"]),
        &["browser"],
    ));
    b.extend(breakdown_rows(
        BreakdownKind::Referrer,
        tolerant::field(v, &["referrers"]),
        &["referrer"],
    ));
    ScanSeries {
        days: daily_rows(
            tolerant::field(v, &["timeline", "byDay"]),
            &["scans", "count"],
            &["uniqueScans", "unique_scans"],
        ),
        breakdowns: b,
        total_scans: tolerant::int_field(&summary, &["totalScans", "total_scans"]),
        unique_scans: tolerant::int_field(&summary, &["uniqueScans", "unique_scans"]),
    }
}

fn status_word(s: CodeStatus) -> &'static str {
    match s {
        CodeStatus::Active => "ACTIVE",
        CodeStatus::Paused | CodeStatus::Archived | CodeStatus::Draft => "ARCHIVED",
    }
}

#[async_trait]
impl Provider for IloveQr {
    fn kind(&self) -> ProviderKind {
        SERVICE
    }

    fn stats(&self) -> Arc<RequestStats> {
        self.core.stats()
    }

    async fn verify(&self) -> ProviderResult<Verified> {
        let organizations = self.organizations().await?;
        let workspace = match &self.configured_org {
            Some(chosen) if organizations.iter().any(|o| &o.id == chosen) => Some(chosen.clone()),
            Some(chosen) => {
                return Err(ProviderError::new(
                    ErrorKind::NotAMember,
                    format!("This iloveQR key has no access to organization \"{chosen}\""),
                ))
            }
            None => pick_organization(&organizations).ok(),
        };
        if let Some(w) = &workspace {
            if self.configured_org.is_none() {
                let _ = self.discovered_org.set(w.clone());
            }
        }
        Ok(Verified {
            environment: Default::default(),
            workspace,
            organizations,
            key: None,
            codes_total: None,
            look_alike_keys: 0,
        })
    }

    async fn organizations(&self) -> ProviderResult<Vec<Organization>> {
        let v = self.core.send(&ApiRequest::get("/users/me/organizations")).await?;
        parse_organizations(&v)
    }

    async fn list_page(
        &self,
        cursor: Option<&str>,
        limit: u32,
    ) -> ProviderResult<Page<RemoteCode>> {
        let page = page_number(SERVICE, cursor)?;
        let limit = super::clamp_limit(limit);
        let org = self.org().await?;
        let req = ApiRequest::get(Self::codes_path(&org)).query("page", page).query("limit", limit);
        parse_page(&self.core.send(&req).await?, page, u64::from(limit))
    }

    async fn get(&self, remote_id: &str) -> ProviderResult<RemoteCode> {
        let org = self.org().await?;
        let req =
            ApiRequest::get(format!("{}/{}", Self::codes_path(&org), segment(remote_id))).item();
        parse_code(object(&self.core.send(&req).await?))
    }

    async fn create(&self, new: &NewCode) -> ProviderResult<RemoteCode> {
        let org = self.org().await?;
        let body = json!({ "type": "URL", "name": new.name, "data": { "url": new.destination } });
        let req = ApiRequest::post(Self::codes_path(&org), body);
        create_checked(self, &self.core, new, req, |v| parse_code(object(v))).await
    }

    async fn update(&self, remote_id: &str, changes: &CodeChanges) -> ProviderResult<RemoteCode> {
        let org = self.org().await?;
        let body = edit_body(json!({}), changes, "data", |d| json!({ "url": d }), status_word);
        let req =
            ApiRequest::put(format!("{}/{}", Self::codes_path(&org), segment(remote_id)), body)
                .item();
        parse_code(object(&self.core.send(&req).await?))
    }

    async fn delete(&self, remote_id: &str) -> ProviderResult<()> {
        let org = self.org().await?;
        let req =
            ApiRequest::delete(format!("{}/{}", Self::codes_path(&org), segment(remote_id))).item();
        self.core.send(&req).await.map(|_| ())
    }

    async fn analytics(
        &self,
        remote_id: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> ProviderResult<ScanSeries> {
        let org = self.org().await?;
        let req =
            ApiRequest::get(format!("{}/{}/analytics", Self::codes_path(&org), segment(remote_id)))
                .query("startDate", from)
                .query("endDate", to)
                .query("interval", "day")
                .item();
        Ok(parse_analytics(&self.core.send(&req).await?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderMap;

    fn answer(status: u16, body: Value) -> ErrorAnswer {
        ErrorAnswer::new(SERVICE, status, HeaderMap::new(), body.to_string())
    }

    #[test]
    fn revoked_in_every_place_and_status() {
        for (status, body) in [
            (403, json!({"statusCode": 403, "message": "Forbidden", "error": "API_KEY_REVOKED"})),
            (
                403,
                json!({"statusCode": 403, "message": "revoked", "error": "Forbidden", "code": "API_KEY_REVOKED"}),
            ),
            (403, json!({"statusCode": 403, "message": ["API_KEY_REVOKED"], "error": "Forbidden"})),
            (
                401,
                json!({"statusCode": 401, "message": "API_KEY_REVOKED", "error": "Unauthorized"}),
            ),
        ] {
            assert_eq!(rules(&answer(status, body.clone())).kind, ErrorKind::KeyRevoked, "{body}");
        }
        let plain = rules(&answer(
            401,
            json!({"statusCode": 401, "message": "Invalid API key", "error": "Unauthorized"}),
        ));
        assert_eq!(plain.kind, ErrorKind::InvalidCredentials);
        assert!(plain.message.contains("Invalid API key"));
        let org = rules(&answer(
            403,
            json!({"statusCode": 403, "message": "You are not a member of this organization", "error": "Forbidden"}),
        ));
        assert_eq!(org.kind, ErrorKind::NotAMember);
        let v = rules(&answer(
            400,
            json!({"statusCode": 400, "message": ["name should not be empty", "data.url must be a URL"], "error": "Bad Request"}),
        ));
        assert_eq!(v.kind, ErrorKind::Validation);
        assert!(v.message.contains("name should not be empty; data.url must be a URL"));
    }

    #[test]
    fn objects_orgs_and_pages() {
        let c = parse_code(&json!({
            "id": "qr_xyz789", "type": "URL", "name": "Company", "shortUrl": "https://ilqr.co/xyz789",
            "shortCode": "xyz789", "data": {"url": "https://example.com"}, "status": "ARCHIVED",
            "totalScans": 0, "createdAt": "2024-01-15T10:30:00Z", "updatedAt": 1705314600000_i64
        }))
        .unwrap();
        assert_eq!(
            (c.destination.as_str(), c.content.as_str(), c.status),
            ("https://example.com", "https://ilqr.co/xyz789", CodeStatus::Archived)
        );
        assert_eq!(c.created_at, c.updated_at);
        let orgs = parse_organizations(&json!({"organizations": [{"id": "org_1", "name": "A", "role": "admin"}, {"id": "org_2", "slug": "b"}]})).unwrap();
        assert_eq!(orgs[0].role.as_deref(), Some("ADMIN"));
        assert_eq!(orgs[1].name, "b");
        assert!(pick_organization(&orgs).unwrap_err().message.contains("org_2"));
        assert_eq!(pick_organization(&orgs[..1]).unwrap(), "org_1");
        let p = parse_page(&json!({"data": [{"id": "a"}], "meta": {"page": 1, "limit": 1, "total": 2, "totalPages": 2}}), 1, 1).unwrap();
        assert_eq!(p.next.as_deref(), Some("2"));
    }

    #[test]
    fn analytics_shape() {
        let s = parse_analytics(&json!({
            "qrCodeId": "q", "summary": {"totalScans": 3, "uniqueScans": 2, "avgDailyScans": 1.5},
            "timeline": [{"date": "2024-01-01", "scans": 1, "uniqueScans": 1}, {"date": "2024-01-02", "scans": 2}],
            "geography": {"countries": [{"country": "US", "scans": 3, "percentage": 100.0}], "cities": []},
            "devices": [{"device": "mobile", "scans": 3}], "browsers": [{"browser": "Safari", "scans": 3}],
            "referrers": [{"referrer": "direct", "scans": 3}]
        }));
        assert_eq!(
            (s.total_scans, s.unique_scans, s.days.len(), s.breakdowns.len()),
            (Some(3), Some(2), 2, 4)
        );
    }
}
