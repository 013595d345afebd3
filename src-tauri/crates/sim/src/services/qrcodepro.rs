//! QRCodePro: `qrcp_live_`/`qrcp_test_` keys with separate data sets,
//! page/limit lists, PATCH edits, summary and time-series analytics. Rate-limit headers are
//! added to every response by the request pipeline.
//!
//! The contract it serves: docs/providers/qrcodepro.md.

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

use super::breakdown_rows::rows;
use super::error_bodies::{self, qrcodepro_code};
use super::listing::{self, Filter};
use super::request_input::{self as input, bearer, json, Bearer, Reply};
use crate::model::{Code, KeyState};
use crate::refusal::Refusal;
use crate::scan_history::{self, split, DayScans, ScanClock, COUNTRIES, COUNTRY_WEIGHTS};
use crate::seed_catalog::{parse_status, short_url};
use crate::shared_state::{lock, Shared};
use crate::wire_variation::{enum_case, timestamp};
use crate::world::{Changes, CreateRefusal, NewCode, World};

const SERVICE: ProviderKind = ProviderKind::QrCodePro;
const STATUS_HELP: &str = "status must be one of active, paused, draft";

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/qrcodepro/v1/qrcodes", get(list).post(create))
        .route("/qrcodepro/v1/qrcodes/{id}", get(read).patch(edit).delete(delete))
        .route("/qrcodepro/v1/qrcodes/{id}/analytics", get(summary))
        .route("/qrcodepro/v1/qrcodes/{id}/analytics/timeseries", get(timeseries))
}

fn fail(status: u16, message: &str) -> Refusal {
    Refusal::new(status, error_bodies::body(SERVICE, status, message))
}

/// A validation error naming its field.
fn invalid(field: &str, message: &str) -> Refusal {
    Refusal::new(
        400,
        json!({ "error": { "code": qrcodepro_code(400), "message": message, "field": field } }),
    )
}

fn authenticate(world: &World, headers: &HeaderMap) -> Result<usize, Refusal> {
    let token = match bearer(headers) {
        Bearer::Token(token) => token,
        Bearer::Missing => {
            return Err(fail(401, "Missing API key. Send Authorization: Bearer qrcp_live_…"))
        }
        Bearer::Malformed => return Err(fail(401, "Malformed Authorization header")),
    };
    let record = world
        .keys
        .get(&token)
        .filter(|k| k.service == SERVICE)
        .ok_or_else(|| fail(401, "Invalid API key"))?;
    match record.state(Utc::now()) {
        KeyState::Revoked => Err(fail(401, "This API key has been revoked")),
        KeyState::Expired => Err(fail(401, "This API key has expired")),
        KeyState::Valid => {
            record.datasets.first().copied().ok_or_else(|| fail(401, "Invalid API key"))
        }
    }
}

fn object(clock: &ScanClock, code: &Code) -> Value {
    let lifetime = clock.lifetime(code);
    json!({
        "id": code.id,
        "name": code.name,
        "destination_url": code.destination,
        "short_code": code.short_code,
        "short_url": short_url(SERVICE, &code.short_code),
        "image_url": format!("https://cdn.qrcodepro.io/qr/{}.png", code.id),
        "status": enum_case(code.status, code.hash, false),
        "active": code.status == "active",
        "total_scans": lifetime.scans,
        "unique_scans": lifetime.unique,
        "created_at": timestamp(SERVICE, code.hash, 1, code.created_at),
        "updated_at": timestamp(SERVICE, code.hash, 2, code.updated_at),
    })
}

fn status_field(body: &Map<String, Value>) -> Result<Option<&'static str>, Refusal> {
    match input::string_field(body, "status").map_err(|m| invalid("status", &m))? {
        Some(s) => parse_status(SERVICE, s).map(Some).ok_or_else(|| invalid("status", STATUS_HELP)),
        None => Ok(None),
    }
}

fn short_code_field(body: &Map<String, Value>) -> Result<Option<String>, Refusal> {
    let short = input::string_field(body, "short_code").map_err(|m| invalid("short_code", &m))?;
    match short {
        Some(s)
            if (3..=64).contains(&s.len())
                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
        {
            Ok(Some(s.to_string()))
        }
        Some(_) => Err(invalid("short_code", "short_code must be 3 to 64 letters, digits, - or _")),
        None => Ok(None),
    }
}

async fn list(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(query): Query<input::Query>,
) -> Reply {
    let world = lock(&shared.world);
    let index = authenticate(&world, &headers)?;
    let page = input::int_param(&query, "page", 1, 1, u64::MAX).map_err(|m| invalid("page", &m))?;
    let limit = input::int_param(&query, "limit", 20, 1, 100).map_err(|m| invalid("limit", &m))?;
    let filter =
        Filter::from_query(SERVICE, &query).ok_or_else(|| invalid("status", STATUS_HELP))?;
    let dataset = world.datasets.get(index).ok_or_else(|| fail(401, "Invalid API key"))?;
    let (codes, total) = listing::page(dataset, &filter, page, limit);
    let data: Vec<Value> = codes.iter().map(|c| object(&world.clock, c)).collect();
    Ok(json(
        200,
        json!({ "data": data, "pagination": { "page": page, "limit": limit, "total": total, "total_pages": listing::page_count(total, limit) } }),
    ))
}

async fn read(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Reply {
    let world = lock(&shared.world);
    let index = authenticate(&world, &headers)?;
    let code = world.code(index, &id).ok_or_else(|| fail(404, "QR code not found"))?;
    Ok(json(200, object(&world.clock, code)))
}

async fn create(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Reply {
    let mut world = lock(&shared.world);
    let index = authenticate(&world, &headers)?;
    let body = input::object_body(&body).map_err(|m| invalid("body", &m))?;
    let name = input::required_string(&body, "name").map_err(|m| invalid("name", &m))?.to_string();
    let destination = input::required_string(&body, "destination_url")
        .map_err(|m| invalid("destination_url", &m))?
        .trim()
        .to_string();
    if !input::is_http_url(&destination) {
        return Err(invalid("destination_url", "destination_url must be a valid http(s) URL"));
    }
    let short_code = short_code_field(&body)?;
    let status = status_field(&body)?.unwrap_or("active");
    let replay = input::idempotency_key(&headers);
    let clock = world.clock;
    if let Some(code) = world.replayed(index, replay.as_deref()) {
        return Ok(json(201, object(&clock, code)));
    }
    let new =
        NewCode { name: Some(name), destination, data_type: "url", status, id: None, short_code };
    let code = world.create_recorded(index, new, replay).map_err(|refusal| match refusal {
        CreateRefusal::ShortCodeTaken | CreateRefusal::IdTaken => {
            fail(409, "short_code is already taken")
        }
    })?;
    Ok(json(201, object(&clock, code)))
}

async fn edit(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Reply {
    let mut world = lock(&shared.world);
    let index = authenticate(&world, &headers)?;
    let body = input::object_body(&body).map_err(|m| invalid("body", &m))?;
    let name =
        input::string_field(&body, "name").map_err(|m| invalid("name", &m))?.map(str::to_string);
    if name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(invalid("name", "name must not be empty"));
    }
    let destination = input::string_field(&body, "destination_url")
        .map_err(|m| invalid("destination_url", &m))?;
    if destination.is_some_and(|d| !input::is_http_url(d)) {
        return Err(invalid("destination_url", "destination_url must be a valid http(s) URL"));
    }
    let destination = destination.map(|d| d.trim().to_string());
    let status = status_field(&body)?;
    let clock = world.clock;
    let changes = Changes { name, destination, status };
    let code = world.apply(index, &id, changes).ok_or_else(|| fail(404, "QR code not found"))?;
    Ok(json(200, object(&clock, code)))
}

async fn delete(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Reply {
    let mut world = lock(&shared.world);
    let index = authenticate(&world, &headers)?;
    world
        .datasets
        .get_mut(index)
        .and_then(|d| d.remove(&id))
        .ok_or_else(|| fail(404, "QR code not found"))?;
    Ok(input::no_content())
}

async fn summary(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<input::Query>,
) -> Reply {
    let world = lock(&shared.world);
    let index = authenticate(&world, &headers)?;
    let code = world.code(index, &id).ok_or_else(|| fail(404, "QR code not found"))?;
    let (from, to) = input::date_range(&world.clock, &query, "start_date", "end_date")
        .map_err(|m| invalid("start_date", &m))?;
    let series = world.clock.series(code, from, to);
    let DayScans { scans: total, unique } = scan_history::sum(&series);
    let days = series.len().max(1) as f64;
    let countries: Vec<Value> = rows(
        split(total, &COUNTRIES, &COUNTRY_WEIGHTS, code.hash, 31).into_iter().take(5).collect(),
        "country",
    );
    let cities: Vec<Value> = scan_history::top_cities(total, code.hash, 32)
        .into_iter()
        .map(|(city, country, scans)| json!({ "city": city, "country": country, "scans": scans }))
        .collect();
    let devices: BTreeMap<String, u64> =
        split(total, &["ios", "android", "desktop"], &[45.0, 35.0, 20.0], code.hash, 33)
            .into_iter()
            .collect();
    let browsers: BTreeMap<String, u64> = split(
        total,
        &["safari", "chrome", "samsung_browser", "other"],
        &[40.0, 40.0, 10.0, 10.0],
        code.hash,
        34,
    )
    .into_iter()
    .collect();
    Ok(json(
        200,
        json!({
            "qr_id": code.id,
            "period": { "start": format!("{from}T00:00:00Z"), "end": format!("{to}T23:59:59Z") },
            "summary": {
                "total_scans": total,
                "unique_visitors": unique,
                "avg_daily_scans": ((total as f64 / days) * 10.0).round() / 10.0
            },
            "top_countries": countries,
            "top_cities": cities,
            "devices": devices,
            "browsers": browsers,
        }),
    ))
}

/// The first day of the bucket `day` falls in.
fn bucket(day: NaiveDate, interval: &str) -> NaiveDate {
    match interval {
        "week" => day
            .checked_sub_days(chrono::Days::new(u64::from(day.weekday().num_days_from_monday())))
            .unwrap_or(day),
        "month" => day.with_day(1).unwrap_or(day),
        _ => day,
    }
}

async fn timeseries(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<input::Query>,
) -> Reply {
    let world = lock(&shared.world);
    let index = authenticate(&world, &headers)?;
    let code = world.code(index, &id).ok_or_else(|| fail(404, "QR code not found"))?;
    let (from, to) = input::date_range(&world.clock, &query, "start_date", "end_date")
        .map_err(|m| invalid("start_date", &m))?;
    let interval =
        query.get("interval").map(|s| s.to_ascii_lowercase()).unwrap_or_else(|| "day".into());
    if !["day", "week", "month"].contains(&interval.as_str()) {
        return Err(invalid("interval", "interval must be one of day, week, month"));
    }
    let mut buckets: BTreeMap<NaiveDate, (u64, u64)> = BTreeMap::new();
    for (day, scans) in world.clock.series(code, from, to) {
        let entry = buckets.entry(bucket(day, &interval)).or_default();
        entry.0 += scans.scans;
        entry.1 += scans.unique;
    }
    let data: Vec<Value> = buckets
        .into_iter()
        .map(|(date, (scans, unique))| json!({ "date": date.to_string(), "scans": scans, "unique_scans": unique }))
        .collect();
    Ok(json(200, json!({ "qr_id": code.id, "interval": interval, "data": data })))
}
