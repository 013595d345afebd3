//! ExaRoutes: both auth schemes (`client-id` + `api-key` pair, or Bearer
//! `exr_live_/exr_test_`), optional `X-Workspace-Id`, cursor pagination, destination edits through
//! the step-up gated `PUT /api/qr/dynamic-qr`, bulk URL replace, plan-quota 429 told apart from
//! rate-limit 429.
//!
//! What it sends and reads: docs/providers/exaroutes.md.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::NaiveDate;
use reqwest::header::HeaderName;
use reqwest::Url;
use serde_json::{json, Value};

use qrdesk_core::{
    AppError, BreakdownKind, CodeChanges, CodeStatus, Credential, Environment, ErrorKind,
    ProviderKind, ScanSeries,
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
    breakdown_rows, daily_rows, edit_body, environment_of, required_id, status_of, unknown_key,
};

const SERVICE: ProviderKind = ProviderKind::ExaRoutes;
const QUOTA_CODE: &str = "PLAN_LIMIT_REACHED";

pub struct ExaRoutes {
    core: HttpCore,
    workspace: Option<String>,
    environment: Environment,
}

impl ExaRoutes {
    pub fn connect(config: &ProviderConfig, base: Url) -> Result<Self, AppError> {
        let mut auth: Vec<(HeaderName, String)> = match &config.credential {
            Credential::Key(k) => super::bearer(k),
            Credential::Pair { client_id, api_key } => {
                let client_id = client_id.trim();
                if client_id.is_empty() {
                    return Err(AppError::new(
                        ErrorKind::MissingCredentials,
                        "The ExaRoutes client id (cust_…) is missing",
                    ));
                }
                vec![
                    (HeaderName::from_static("client-id"), client_id.to_string()),
                    (HeaderName::from_static("api-key"), api_key.expose().to_string()),
                ]
            }
        };
        let workspace = config.workspace.as_ref().map(|w| w.trim().to_string());
        if let Some(ws) = &workspace {
            auth.push((HeaderName::from_static("x-workspace-id"), ws.clone()));
        }
        let environment = environment_of(config.credential.secret());
        Ok(ExaRoutes { core: super::core(config, base, auth, rules)?, workspace, environment })
    }
}

/// ExaRoutes' error rules (see docs/providers/exaroutes.md, 'Errors').
pub fn rules(a: &ErrorAnswer) -> ProviderError {
    let text = a.message().unwrap_or_default().to_ascii_lowercase();
    match a.status {
        400 if text.contains("header")
            || text.contains("client-id")
            || text.contains("api-key")
            || text.contains("credential") =>
        {
            a.error(ErrorKind::MissingCredentials)
        }
        401 if text.contains("revoked") => a.error(ErrorKind::KeyRevoked),
        401 if text.contains("expired") => a.error(ErrorKind::KeyExpired),
        401 => a.error(ErrorKind::InvalidCredentials),
        403 if a.mentions("step_up_required")
            || a.body.as_ref().and_then(|b| b.get("tier")).is_some() =>
        {
            step_up(a)
        }
        403 if text.contains("member") || text.contains("workspace") => {
            a.error(ErrorKind::NotAMember)
        }
        404 if !a.item_request || text.contains("key") || text.contains("client") => {
            unknown_key(SERVICE, a.status)
        }
        429 if a
            .header("x-exaroutes-error-code")
            .is_some_and(|c| c.eq_ignore_ascii_case(QUOTA_CODE))
            || a.mentions(QUOTA_CODE) =>
        {
            a.error(ErrorKind::QuotaExhausted)
        }
        _ => standard(a),
    }
}

fn step_up(a: &ErrorAnswer) -> ProviderError {
    let tier = a
        .body
        .as_ref()
        .and_then(|b| tolerant::string_field(b, &["tier", "stepUpTier", "step_up_tier"]))
        .unwrap_or_else(|| "standard".to_string());
    let mut e = a.error_with(
        ErrorKind::StepUpRequired,
        format!(
            "ExaRoutes wants this change confirmed first (step-up, tier \"{tier}\"): \
             confirm in the dashboard, then retry within 5 minutes."
        ),
    );
    e.step_up_tier = Some(tier);
    e.advice_included = true;
    e
}

/// Reads one ExaRoutes QR object (either documented surface).
pub fn parse_code(v: &Value) -> ProviderResult<RemoteCode> {
    let remote_id = required_id(SERVICE, v, &["id", "uid", "shortId", "short_id"])?;
    let destination = tolerant::field(v, &["destination", "data", "url", "targetUrl"])
        .and_then(|d| match d {
            Value::Object(_) => tolerant::string_field(d, &["url"]),
            other => tolerant::string(other),
        })
        .unwrap_or_default();
    Ok(RemoteCode {
        name: tolerant::string_field(v, &["name", "title"]).unwrap_or_default(),
        kind: tolerant::string_field(v, &["dataType", "type", "qrType"]).unwrap_or_default(),
        destination,
        content: tolerant::string_field(
            v,
            &["redirectUrl", "redirect_url", "shortUrl", "short_url"],
        )
        .unwrap_or_default(),
        status: status_of(v),
        scans_total: tolerant::int_field(v, &["scans", "totalScans", "total_scans", "scanCount"]),
        created_at: tolerant::timestamp_field(v, &["createdAt", "created_at"]),
        updated_at: tolerant::timestamp_field(v, &["updatedAt", "updated_at"]),
        raw: v.clone(),
        remote_id,
    })
}

/// Reads a list page: `{data, pagination: {total, nextCursor}}`.
pub fn parse_page(v: &Value) -> ProviderResult<Page<RemoteCode>> {
    let items = tolerant::items(v, &["data", "items", "codes"]).ok_or_else(|| {
        ProviderError::malformed(SERVICE, 200, &v.to_string(), "a list without \"data\"")
    })?;
    let items = items.iter().map(parse_code).collect::<ProviderResult<Vec<_>>>()?;
    let pagination = tolerant::field(v, &["pagination", "meta"]).cloned().unwrap_or(Value::Null);
    let next = tolerant::field(&pagination, &["nextCursor", "next_cursor", "next"])
        .or_else(|| tolerant::field(v, &["nextCursor", "next_cursor"]))
        .and_then(tolerant::string)
        .filter(|c| !c.is_empty());
    Ok(Page { items, next, total: tolerant::count_field(&pagination, &["total", "totalCount"]) })
}

/// Reads the analytics answer.
pub fn parse_analytics(v: &Value) -> ScanSeries {
    let mut breakdowns = breakdown_rows(
        BreakdownKind::Country,
        tolerant::field(v, &["byCountry", "by_country"]),
        &["country", "label"],
    );
    breakdowns.extend(breakdown_rows(
        BreakdownKind::Device,
        tolerant::field(v, &["byDevice", "by_device"]),
        &["device", "label"],
    ));
    ScanSeries {
        days: daily_rows(
            tolerant::field(v, &["byDay", "by_day", "daily"]),
            &["scans", "count"],
            &["uniqueScans", "unique_scans"],
        ),
        breakdowns,
        total_scans: tolerant::int_field(v, &["totalScans", "total_scans"]),
        unique_scans: tolerant::int_field(v, &["uniqueScans", "unique_scans"]),
    }
}

fn status_word(s: CodeStatus) -> &'static str {
    match s {
        CodeStatus::Active => "active",
        CodeStatus::Paused | CodeStatus::Archived | CodeStatus::Draft => "inactive",
    }
}

fn path_id(id: &str) -> String {
    super::segment(id)
}

#[async_trait]
impl Provider for ExaRoutes {
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
            workspace: self.workspace.clone(),
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
        let mut req = ApiRequest::get("/api/qr/codes").query("limit", super::clamp_limit(limit));
        if let Some(c) = cursor {
            req = req.query("cursor", c);
        }
        let v = self.core.send(&req).await?;
        parse_page(&v)
    }

    async fn get(&self, remote_id: &str) -> ProviderResult<RemoteCode> {
        let req = ApiRequest::get(format!("/api/qr/codes/{}", path_id(remote_id))).item();
        parse_code(&self.core.send(&req).await?)
    }

    async fn create(&self, new: &NewCode) -> ProviderResult<RemoteCode> {
        let body = json!({ "data": new.destination, "dataType": "url", "name": new.name });
        create_checked(self, &self.core, new, ApiRequest::post("/api/qr/codes", body), parse_code)
            .await
    }

    async fn update(&self, remote_id: &str, changes: &CodeChanges) -> ProviderResult<RemoteCode> {
        let body =
            edit_body(json!({ "uid": remote_id }), changes, "data", |d| json!(d), status_word);
        let req = ApiRequest::put("/api/qr/dynamic-qr", body).item();
        let v = self.core.send(&req).await?;
        // Some answers wrap the object; an empty answer means "done": read it back.
        match tolerant::field(&v, &["data", "qr"]).filter(|d| d.is_object()).unwrap_or(&v) {
            obj if obj.is_object() => parse_code(obj),
            _ => self.get(remote_id).await,
        }
    }

    async fn delete(&self, remote_id: &str) -> ProviderResult<()> {
        let req = ApiRequest::delete(format!("/api/qr/codes/{}", path_id(remote_id))).item();
        self.core.send(&req).await.map(|_| ())
    }

    async fn analytics(
        &self,
        remote_id: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> ProviderResult<ScanSeries> {
        let req = ApiRequest::get(format!("/api/qr/codes/{}/analytics", path_id(remote_id)))
            .query("from", from)
            .query("to", to)
            .item();
        Ok(parse_analytics(&self.core.send(&req).await?))
    }

    async fn bulk_replace(&self, find: &str, replace: &str) -> ProviderResult<u64> {
        if find.is_empty() {
            return Err(ProviderError::new(ErrorKind::BadInput, "The text to find is empty"));
        }
        let req = ApiRequest::post(
            "/api/qr/workspace-bulk-replace",
            json!({ "find": find, "replace": replace }),
        );
        let v = self.core.send(&req).await?;
        tolerant::count_field(&v, &["updated", "count", "modified"]).ok_or_else(|| {
            ProviderError::malformed(SERVICE, 200, &v.to_string(), "an answer without \"updated\"")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::{HeaderMap, HeaderValue};

    fn answer(status: u16, body: Value, item: bool) -> ErrorAnswer {
        let mut a = ErrorAnswer::new(SERVICE, status, HeaderMap::new(), body.to_string());
        a.item_request = item;
        a
    }

    #[test]
    fn both_surfaces_parse() {
        let b = parse_code(&json!({
            "id": "Ab3xK9pQ", "type": "dynamic", "dataType": "url", "destination": "https://x.test/a",
            "redirectUrl": "https://qr.exaroutes.com/r/Ab3xK9pQ", "status": "ACTIVE",
            "createdAt": "2026-05-21T15:00:00.000Z", "updatedAt": 1779375600000_i64, "extra": {"x": 1}
        }))
        .unwrap();
        assert_eq!(b.content, "https://qr.exaroutes.com/r/Ab3xK9pQ");
        assert_eq!(b.destination, "https://x.test/a");
        assert_eq!(b.kind, "url");
        assert_eq!(b.created_at, b.updated_at);
        let a = parse_code(&json!({"uid": "u1", "data": "https://y.test", "status": "Inactive", "createdAt": 1779375600000_i64})).unwrap();
        assert_eq!((a.remote_id.as_str(), a.status), ("u1", CodeStatus::Paused));
        assert_eq!(a.name, "");
        assert!(parse_code(&json!({"name": "no id"})).is_err());
    }

    #[test]
    fn cursor_pages() {
        let p = parse_page(&json!({"data": [{"id": "a"}], "pagination": {"total": 3, "limit": 1, "cursor": "0", "nextCursor": "1"}})).unwrap();
        assert_eq!((p.next.as_deref(), p.total), (Some("1"), Some(3)));
        let last = parse_page(&json!({"data": [], "pagination": {"total": 3, "nextCursor": null}}))
            .unwrap();
        assert_eq!(last.next, None);
        assert!(parse_page(&json!({"pagination": {}})).is_err());
    }

    #[test]
    fn error_rules_follow_the_decisions() {
        let kind = |s, b: Value, item| rules(&answer(s, b, item)).kind;
        assert_eq!(
            kind(400, json!({"error": "Missing client-id header"}), false),
            ErrorKind::MissingCredentials
        );
        assert_eq!(
            kind(400, json!({"error": "Invalid dataType provided."}), false),
            ErrorKind::Validation
        );
        assert_eq!(
            kind(401, json!({"error": "Invalid API key"}), false),
            ErrorKind::InvalidCredentials
        );
        assert_eq!(kind(401, json!({"error": "API key revoked"}), false), ErrorKind::KeyRevoked);
        assert_eq!(
            kind(403, json!({"error": "Not a member of the requested workspace"}), false),
            ErrorKind::NotAMember
        );
        assert_eq!(kind(403, json!({"error": "Forbidden"}), false), ErrorKind::Forbidden);
        assert_eq!(
            kind(404, json!({"error": "API key not found"}), true),
            ErrorKind::InvalidCredentials
        );
        assert_eq!(kind(404, json!({"error": "Not found"}), false), ErrorKind::InvalidCredentials);
        assert_eq!(kind(404, json!({"error": "QR code not found"}), true), ErrorKind::NotFound);
        assert_eq!(kind(409, json!({"error": "precondition"}), true), ErrorKind::Conflict);
        assert_eq!(kind(422, json!({"error": "bad hex colour"}), false), ErrorKind::Validation);
        assert_eq!(kind(429, json!({"error": "slow down"}), false), ErrorKind::RateLimited);
        assert_eq!(
            kind(
                429,
                json!({"error": "Daily limit", "code": 429, "exaroutesErrorCode": "PLAN_LIMIT_REACHED"}),
                false
            ),
            ErrorKind::QuotaExhausted
        );
        let mut h = HeaderMap::new();
        h.insert("x-exaroutes-error-code", HeaderValue::from_static("PLAN_LIMIT_REACHED"));
        let a = ErrorAnswer::new(SERVICE, 429, h, "{}".into());
        assert_eq!(rules(&a).kind, ErrorKind::QuotaExhausted);
        let e = rules(&answer(404, json!({"error": "API key not found"}), false));
        assert!(e.message.contains("this key does not exist"));
    }

    #[test]
    fn step_up_names_tier_and_what_to_do() {
        let e = rules(&answer(403, json!({"error": "step_up_required", "tier": "standard"}), true));
        assert_eq!(e.kind, ErrorKind::StepUpRequired);
        assert_eq!(e.step_up_tier.as_deref(), Some("standard"));
        let app: AppError = e.into();
        assert!(app.message.contains("\"standard\""));
        assert!(app.message.contains("confirm in the dashboard, then retry within 5 minutes"));
    }

    #[test]
    fn analytics_shape() {
        let s = parse_analytics(&json!({
            "id": "a", "from": "2026-05-01", "to": "2026-05-02", "totalScans": 5, "uniqueScans": 4,
            "byDay": [{"date": "2026-05-01", "scans": 2, "uniqueScans": 2}, {"date": "2026-05-02", "scans": 3}],
            "byCountry": [{"country": "US", "scans": 5}], "byDevice": [{"device": "mobile", "scans": 5}]
        }));
        assert_eq!(
            (s.total_scans, s.unique_scans, s.days.len(), s.breakdowns.len()),
            (Some(5), Some(4), 2, 2)
        );
        assert_eq!(parse_analytics(&json!({})), ScanSeries::default());
    }
}
