//! iloveQR: `X-API-Key`, organization discovery, NestJS-style errors (message as
//! a string or an array), page/limit lists, PUT edits, per-code and organization-wide
//! analytics. A revoked key answers 401 or 403 with `API_KEY_REVOKED` in one of three places.
//!
//! The contract it serves: docs/providers/iloveqr.md.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::routing::get;
use axum::Router;
use chrono::{Datelike, NaiveDate, Utc};
use qrdesk_core::ProviderKind;
use serde_json::{json, Map, Value};

use super::breakdown_rows::{percent, rows_with_share};
use super::error_bodies;
use super::listing::{self, Filter};
use super::request_input::{self as input, header_text, json, Reply};
use crate::model::{Code, KeyState};
use crate::refusal::Refusal;
use crate::scan_history::{
    self, split, DayScans, ScanClock, COUNTRIES, COUNTRY_WEIGHTS, DEVICES, DEVICE_WEIGHTS,
};
use crate::seed_catalog::{parse_status, short_url};
use crate::shared_state::{lock, Shared};
use crate::wire_variation::{enum_case, timestamp};
use crate::world::{Changes, NewCode, World};

const SERVICE: ProviderKind = ProviderKind::IloveQr;
const PREFIX: &str = "/iloveqr/api/v1";

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(&format!("{PREFIX}/users/me/organizations"), get(organizations))
        .route(&format!("{PREFIX}/organizations/{{org}}/qr-codes"), get(list).post(create))
        .route(&format!("{PREFIX}/organizations/{{org}}/qr-codes/analytics"), get(org_analytics))
        .route(
            &format!("{PREFIX}/organizations/{{org}}/qr-codes/{{id}}"),
            get(read).put(edit).delete(delete),
        )
        .route(&format!("{PREFIX}/organizations/{{org}}/qr-codes/{{id}}/analytics"), get(analytics))
}

fn fail(status: u16, message: &str) -> Refusal {
    Refusal::new(status, error_bodies::body(SERVICE, status, message))
}

/// NestJS validation: `message` is an array of sentences.
fn invalid(messages: Vec<String>) -> Refusal {
    Refusal::new(400, json!({ "statusCode": 400, "message": messages, "error": "Bad Request" }))
}

/// The revoked-key answer: the n-th iloveQR key revoked gets form n % 4 (403 with the marker in
/// `error`, in `message`, in `code`, then 401 with `code`), so clients meet every form.
fn revoked(form: u8) -> Refusal {
    let body = match form % 4 {
        0 => {
            json!({ "statusCode": 403, "message": "This API key has been revoked", "error": "API_KEY_REVOKED" })
        }
        1 => json!({ "statusCode": 403, "message": "API_KEY_REVOKED", "error": "Forbidden" }),
        2 => {
            json!({ "statusCode": 403, "message": "This API key has been revoked", "error": "Forbidden", "code": "API_KEY_REVOKED" })
        }
        _ => {
            json!({ "statusCode": 401, "message": "API key revoked", "error": "Unauthorized", "code": "API_KEY_REVOKED" })
        }
    };
    let status = body.get("statusCode").and_then(Value::as_u64).unwrap_or(403) as u16;
    Refusal::new(status, body)
}

/// Checks the key; returns the data sets (organizations) it belongs to.
fn authenticate(world: &World, headers: &HeaderMap) -> Result<Vec<usize>, Refusal> {
    let key = header_text(headers, "x-api-key")
        .ok_or_else(|| fail(401, "Missing API key: send the X-API-Key header"))?;
    let record = world
        .keys
        .get(&key)
        .filter(|k| k.service == SERVICE)
        .ok_or_else(|| fail(401, "Invalid API key"))?;
    match record.state(Utc::now()) {
        KeyState::Revoked => Err(revoked(record.revoked_form)),
        KeyState::Expired => Err(fail(401, "API key expired")),
        KeyState::Valid => Ok(record.datasets.clone()),
    }
}

/// The organization in the path, if the key belongs to it.
fn organization(world: &World, headers: &HeaderMap, org: &str) -> Result<usize, Refusal> {
    let member_of = authenticate(world, headers)?;
    member_of.into_iter().find(|i| world.datasets.get(*i).is_some_and(|d| d.id == org)).ok_or_else(|| {
        Refusal::new(
            403,
            json!({ "statusCode": 403, "message": "You do not have access to this organization", "error": "Forbidden", "code": "FORBIDDEN" }),
        )
    })
}

fn object(clock: &ScanClock, code: &Code) -> Value {
    json!({
        "id": code.id,
        "type": "URL",
        "name": code.name,
        "shortUrl": short_url(SERVICE, &code.short_code),
        "shortCode": code.short_code,
        "data": { "url": code.destination },
        "style": { "foregroundColor": "#000000", "backgroundColor": "#FFFFFF", "cornerRadius": 10 },
        "status": enum_case(code.status, code.hash, true),
        "totalScans": clock.lifetime(code).scans,
        "createdAt": timestamp(SERVICE, code.hash, 1, code.created_at),
        "updatedAt": timestamp(SERVICE, code.hash, 2, code.updated_at),
    })
}

async fn organizations(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Reply {
    let world = lock(&shared.world);
    let member_of = authenticate(&world, &headers)?;
    let orgs: Vec<Value> = member_of
        .iter()
        .enumerate()
        .filter_map(|(n, i)| world.datasets.get(*i).map(|d| (n, d)))
        .map(|(n, d)| {
            let slug = d.name.to_lowercase().replace(' ', "-");
            json!({ "id": d.id, "name": d.name, "slug": slug, "role": if n == 0 { "ADMIN" } else { "MEMBER" } })
        })
        .collect();
    Ok(json(200, json!({ "organizations": orgs })))
}

async fn list(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(org): Path<String>,
    Query(query): Query<input::Query>,
) -> Reply {
    let world = lock(&shared.world);
    let index = organization(&world, &headers, &org)?;
    let page = input::int_param(&query, "page", 1, 1, u64::MAX).map_err(|m| invalid(vec![m]))?;
    let limit = input::int_param(&query, "limit", 20, 1, 100).map_err(|m| invalid(vec![m]))?;
    let filter = Filter::from_query(SERVICE, &query).ok_or_else(|| {
        invalid(vec!["status must be one of the following values: ACTIVE, ARCHIVED".into()])
    })?;
    let dataset = world.datasets.get(index).ok_or_else(|| fail(404, "Organization not found"))?;
    let (codes, total) = listing::page(dataset, &filter, page, limit);
    let data: Vec<Value> = codes.iter().map(|c| object(&world.clock, c)).collect();
    Ok(json(
        200,
        json!({ "data": data, "meta": { "page": page, "limit": limit, "total": total, "totalPages": listing::page_count(total, limit) } }),
    ))
}

async fn read(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path((org, id)): Path<(String, String)>,
) -> Reply {
    let world = lock(&shared.world);
    let index = organization(&world, &headers, &org)?;
    let code = world.code(index, &id).ok_or_else(|| fail(404, "QR code not found"))?;
    Ok(json(200, object(&world.clock, code)))
}

/// The destination in `data.url`, with NestJS-style messages.
fn url_of(body: &Map<String, Value>, required: bool, problems: &mut Vec<String>) -> Option<String> {
    match body.get("data") {
        None | Some(Value::Null) if !required => None,
        Some(Value::Object(data)) => match data.get("url") {
            Some(Value::String(url)) if input::is_http_url(url) => Some(url.trim().to_string()),
            _ => {
                problems.push("data.url must be a URL address".into());
                None
            }
        },
        _ => {
            problems.push("data must be an object".into());
            problems.push("data.url must be a URL address".into());
            None
        }
    }
}

async fn create(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(org): Path<String>,
    body: Bytes,
) -> Reply {
    let mut world = lock(&shared.world);
    let index = organization(&world, &headers, &org)?;
    let body = input::object_body(&body).map_err(|m| fail(400, &m))?;
    let mut problems = Vec::new();
    match input::string_field(&body, "type") {
        Ok(Some(t)) if t.eq_ignore_ascii_case("url") => {}
        _ => problems.push("type must be one of the following values: URL, VCARD, WIFI".into()),
    }
    let name = match input::string_field(&body, "name") {
        Ok(Some(n)) if !n.trim().is_empty() => Some(n.to_string()),
        _ => {
            problems.push("name should not be empty".into());
            None
        }
    };
    let url = url_of(&body, true, &mut problems);
    let (Some(name), Some(url), true) = (name, url, problems.is_empty()) else {
        return Err(invalid(problems));
    };
    let replay = input::idempotency_key(&headers);
    let clock = world.clock;
    if let Some(code) = world.replayed(index, replay.as_deref()) {
        return Ok(json(201, object(&clock, code)));
    }
    let new = NewCode {
        name: Some(name),
        destination: url,
        data_type: "url",
        status: "active",
        id: None,
        short_code: None,
    };
    let code = world
        .create_recorded(index, new, replay)
        .map_err(|_| fail(500, "Internal server error"))?;
    Ok(json(201, object(&clock, code)))
}

async fn edit(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path((org, id)): Path<(String, String)>,
    body: Bytes,
) -> Reply {
    let mut world = lock(&shared.world);
    let index = organization(&world, &headers, &org)?;
    let body = input::object_body(&body).map_err(|m| fail(400, &m))?;
    let mut problems = Vec::new();
    let name = match input::string_field(&body, "name") {
        Ok(Some(n)) if n.trim().is_empty() => {
            problems.push("name should not be empty".to_string());
            None
        }
        Ok(n) => n.map(str::to_string),
        Err(_) => {
            problems.push("name must be a string".into());
            None
        }
    };
    let url = url_of(&body, false, &mut problems);
    let status = match input::string_field(&body, "status") {
        Ok(None) => None,
        Ok(Some(s)) => {
            let parsed = parse_status(SERVICE, s);
            if parsed.is_none() {
                problems
                    .push("status must be one of the following values: ACTIVE, ARCHIVED".into());
            }
            parsed
        }
        Err(_) => {
            problems.push("status must be one of the following values: ACTIVE, ARCHIVED".into());
            None
        }
    };
    if !problems.is_empty() {
        return Err(invalid(problems));
    }
    let clock = world.clock;
    let changes = Changes { name, destination: url, status };
    let code = world.apply(index, &id, changes).ok_or_else(|| fail(404, "QR code not found"))?;
    Ok(json(200, object(&clock, code)))
}

async fn delete(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path((org, id)): Path<(String, String)>,
) -> Reply {
    let mut world = lock(&shared.world);
    let index = organization(&world, &headers, &org)?;
    let code = world
        .datasets
        .get_mut(index)
        .and_then(|d| d.remove(&id))
        .ok_or_else(|| fail(404, "QR code not found"))?;
    Ok(json(200, object(&world.clock, &code)))
}

fn range_and_interval(
    clock: &ScanClock,
    query: &input::Query,
) -> Result<(NaiveDate, NaiveDate, String), Refusal> {
    let (from, to) =
        input::date_range(clock, query, "startDate", "endDate").map_err(|m| invalid(vec![m]))?;
    let interval =
        query.get("interval").map(|s| s.to_ascii_lowercase()).unwrap_or_else(|| "day".into());
    if !["day", "week", "month"].contains(&interval.as_str()) {
        return Err(invalid(vec![
            "interval must be one of the following values: day, week, month".into(),
        ]));
    }
    Ok((from, to, interval))
}

fn timeline(series: impl Iterator<Item = (NaiveDate, DayScans)>, interval: &str) -> Vec<Value> {
    let mut buckets: BTreeMap<NaiveDate, DayScans> = BTreeMap::new();
    for (day, scans) in series {
        let start = match interval {
            "week" => day
                .checked_sub_days(chrono::Days::new(u64::from(
                    day.weekday().num_days_from_monday(),
                )))
                .unwrap_or(day),
            "month" => day.with_day(1).unwrap_or(day),
            _ => day,
        };
        *buckets.entry(start).or_default() += scans;
    }
    buckets
        .into_iter()
        .map(|(date, d)| json!({ "date": date.to_string(), "scans": d.scans, "uniqueScans": d.unique }))
        .collect()
}

async fn analytics(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path((org, id)): Path<(String, String)>,
    Query(query): Query<input::Query>,
) -> Reply {
    let world = lock(&shared.world);
    let index = organization(&world, &headers, &org)?;
    let code = world.code(index, &id).ok_or_else(|| fail(404, "QR code not found"))?;
    let (from, to, interval) = range_and_interval(&world.clock, &query)?;
    let series = world.clock.series(code, from, to);
    let DayScans { scans: total, unique } = scan_history::sum(&series);
    let days = series.len().max(1) as f64;
    let cities: Vec<Value> = scan_history::top_cities(total, code.hash, 42)
        .into_iter()
        .map(|(city, country, scans)| {
            let percentage = percent(scans, total);
            json!({ "city": city, "country": country, "scans": scans, "percentage": percentage })
        })
        .collect();
    Ok(json(
        200,
        json!({
            "qrCodeId": code.id,
            "period": { "start": format!("{from}T00:00:00Z"), "end": format!("{to}T23:59:59Z") },
            "summary": { "totalScans": total, "uniqueScans": unique, "avgDailyScans": ((total as f64 / days) * 10.0).round() / 10.0 },
            "timeline": timeline(series.into_iter(), &interval),
            "geography": {
                "countries": rows_with_share(split(total, &COUNTRIES, &COUNTRY_WEIGHTS, code.hash, 41), total, "country"),
                "cities": cities
            },
            "devices": rows_with_share(split(total, &DEVICES, &DEVICE_WEIGHTS, code.hash, 43), total, "device"),
            "browsers": rows_with_share(split(total, &["Safari", "Chrome", "Samsung Internet", "Firefox"], &[40.0, 42.0, 10.0, 8.0], code.hash, 44), total, "browser"),
            "referrers": rows_with_share(split(total, &["direct", "instagram.com", "facebook.com"], &[85.0, 9.0, 6.0], code.hash, 45), total, "referrer"),
        }),
    ))
}

/// `…/qr-codes/analytics`: the whole organization (a literal route, never a code id).
async fn org_analytics(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(org): Path<String>,
    Query(query): Query<input::Query>,
) -> Reply {
    let world = lock(&shared.world);
    let index = organization(&world, &headers, &org)?;
    let dataset = world.datasets.get(index).ok_or_else(|| fail(404, "Organization not found"))?;
    let (from, to, interval) = range_and_interval(&world.clock, &query)?;
    let mut per_day: BTreeMap<NaiveDate, DayScans> = BTreeMap::new();
    let mut per_code: Vec<(u64, &Code)> = Vec::with_capacity(dataset.codes.len());
    for code in dataset.codes.values() {
        let mut code_total = 0;
        for (day, scans) in world.clock.series(code, from, to) {
            code_total += scans.scans;
            *per_day.entry(day).or_default() += scans;
        }
        per_code.push((code_total, code));
    }
    per_code.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.seq.cmp(&b.1.seq)));
    let total: u64 = per_day.values().map(|d| d.scans).sum();
    let unique: u64 = per_day.values().map(|d| d.unique).sum();
    let days = per_day.len().max(1) as f64;
    let top: Vec<Value> = per_code
        .iter()
        .take(5)
        .map(|(scans, code)| json!({ "qrCodeId": code.id, "name": code.name, "scans": scans }))
        .collect();
    Ok(json(
        200,
        json!({
            "organizationId": dataset.id,
            "period": { "start": format!("{from}T00:00:00Z"), "end": format!("{to}T23:59:59Z") },
            "summary": {
                "totalScans": total, "uniqueScans": unique,
                "avgDailyScans": ((total as f64 / days) * 10.0).round() / 10.0,
                "totalQrCodes": dataset.codes.len()
            },
            "timeline": timeline(per_day.into_iter(), &interval),
            "topQrCodes": top,
        }),
    ))
}
