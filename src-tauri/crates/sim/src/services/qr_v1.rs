//! The `/api/v1/qr` Team-tier platform: Bearer keys, page/limit lists, PUT
//! edits, analytics, and 403 for plans below Team.
//!
//! The contract it serves: docs/providers/qr-v1.md.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::routing::get;
use axum::Router;
use chrono::Utc;
use qrdesk_core::ProviderKind;
use serde_json::{json, Value};

use super::breakdown_rows::rows;
use super::error_bodies;
use super::listing::{self, Filter};
use super::request_input::{self as input, bearer, json, Bearer, Reply};
use crate::model::{Code, KeyState};
use crate::refusal::Refusal;
use crate::scan_history::{
    self, split, DayScans, ScanClock, COUNTRIES, COUNTRY_WEIGHTS, DEVICES, DEVICE_WEIGHTS,
};
use crate::seed_catalog::{parse_status, short_url};
use crate::shared_state::{lock, Shared};
use crate::wire_variation::{enum_case, timestamp};
use crate::world::{Changes, NewCode, World};

const SERVICE: ProviderKind = ProviderKind::QrV1;

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/qr-v1/api/v1/qr", get(list).post(create))
        .route("/qr-v1/api/v1/qr/{id}", get(read).put(edit).delete(delete))
        .route("/qr-v1/api/v1/qr/{id}/analytics", get(analytics))
}

fn fail(status: u16, message: &str) -> Refusal {
    Refusal::new(status, error_bodies::body(SERVICE, status, message))
}

fn authenticate(world: &World, headers: &HeaderMap) -> Result<usize, Refusal> {
    let token = match bearer(headers) {
        Bearer::Token(token) => token,
        Bearer::Missing => {
            return Err(fail(401, "Missing API key: send Authorization: Bearer <key>"))
        }
        Bearer::Malformed => return Err(fail(401, "Invalid API key")),
    };
    let record = world
        .keys
        .get(&token)
        .filter(|k| k.service == SERVICE)
        .ok_or_else(|| fail(401, "Invalid API key"))?;
    match record.state(Utc::now()) {
        KeyState::Revoked => return Err(fail(401, "API key has been revoked")),
        KeyState::Expired => return Err(fail(401, "API key has expired")),
        KeyState::Valid => {}
    }
    let index = record.datasets.first().copied().ok_or_else(|| fail(401, "Invalid API key"))?;
    if !world.datasets.get(index).is_some_and(|d| d.api_access) {
        return Err(Refusal::new(
            403,
            json!({ "error": "API access requires the Team plan or above", "code": "plan_upgrade_required" }),
        ));
    }
    Ok(index)
}

fn object(clock: &ScanClock, code: &Code) -> Value {
    json!({
        "id": code.id,
        "name": code.name,
        "type": code.data_type,
        "destination": code.destination,
        "short_url": short_url(SERVICE, &code.short_code),
        "status": enum_case(code.status, code.hash, false),
        "scans": clock.lifetime(code).scans,
        "created_at": timestamp(SERVICE, code.hash, 1, code.created_at),
        "updated_at": timestamp(SERVICE, code.hash, 2, code.updated_at),
    })
}

async fn list(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(query): Query<input::Query>,
) -> Reply {
    let world = lock(&shared.world);
    let index = authenticate(&world, &headers)?;
    let page = input::int_param(&query, "page", 1, 1, u64::MAX).map_err(|m| fail(400, &m))?;
    let limit = input::int_param(&query, "limit", 20, 1, 100).map_err(|m| fail(400, &m))?;
    let filter = Filter::from_query(SERVICE, &query)
        .ok_or_else(|| fail(400, "status must be active or paused"))?;
    let dataset = world.datasets.get(index).ok_or_else(|| fail(401, "Invalid API key"))?;
    let (codes, total) = listing::page(dataset, &filter, page, limit);
    let data: Vec<Value> = codes.iter().map(|c| object(&world.clock, c)).collect();
    Ok(json(
        200,
        json!({ "data": data, "pagination": { "page": page, "limit": limit, "total": total, "pages": listing::page_count(total, limit) } }),
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
    let body = input::object_body(&body).map_err(|m| fail(400, &m))?;
    let name = input::required_string(&body, "name").map_err(|m| fail(400, &m))?.to_string();
    let destination =
        input::required_string(&body, "destination").map_err(|m| fail(400, &m))?.trim().to_string();
    let kind = input::string_field(&body, "type").map_err(|m| fail(400, &m))?.unwrap_or("url");
    if !kind.eq_ignore_ascii_case("url") {
        return Err(fail(400, "type must be url"));
    }
    if !input::is_http_url(&destination) {
        return Err(fail(400, "destination must be a valid http(s) URL"));
    }
    let replay = input::idempotency_key(&headers);
    let clock = world.clock;
    if let Some(code) = world.replayed(index, replay.as_deref()) {
        return Ok(json(201, object(&clock, code)));
    }
    let new = NewCode {
        name: Some(name),
        destination,
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
    Path(id): Path<String>,
    body: Bytes,
) -> Reply {
    let mut world = lock(&shared.world);
    let index = authenticate(&world, &headers)?;
    let body = input::object_body(&body).map_err(|m| fail(400, &m))?;
    let name = input::string_field(&body, "name").map_err(|m| fail(400, &m))?;
    if name.is_some_and(|n| n.trim().is_empty()) {
        return Err(fail(400, "name must not be empty"));
    }
    let destination = input::string_field(&body, "destination").map_err(|m| fail(400, &m))?;
    if destination.is_some_and(|d| !input::is_http_url(d)) {
        return Err(fail(400, "destination must be a valid http(s) URL"));
    }
    let status = match input::string_field(&body, "status").map_err(|m| fail(400, &m))? {
        Some(s) => Some(
            parse_status(SERVICE, s).ok_or_else(|| fail(400, "status must be active or paused"))?,
        ),
        None => None,
    };
    let (name, destination) = (name.map(str::to_string), destination.map(|d| d.trim().to_string()));
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
    Ok(json(200, json!({ "message": "QR code deleted", "id": id })))
}

async fn analytics(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<input::Query>,
) -> Reply {
    let world = lock(&shared.world);
    let index = authenticate(&world, &headers)?;
    let code = world.code(index, &id).ok_or_else(|| fail(404, "QR code not found"))?;
    let (from, to) =
        input::date_range(&world.clock, &query, "from", "to").map_err(|m| fail(400, &m))?;
    let series = world.clock.series(code, from, to);
    let DayScans { scans: total, unique } = scan_history::sum(&series);
    let by_day: Vec<Value> = series
        .iter()
        .map(|(day, d)| json!({ "date": day.to_string(), "scans": d.scans }))
        .collect();
    let by_country: Vec<Value> =
        rows(split(total, &COUNTRIES, &COUNTRY_WEIGHTS, code.hash, 21), "country");
    let by_device: Vec<Value> =
        rows(split(total, &DEVICES, &DEVICE_WEIGHTS, code.hash, 22), "device");
    Ok(json(
        200,
        json!({
            "id": code.id, "total_scans": total, "unique_scans": unique,
            "by_day": by_day, "by_country": by_country, "by_device": by_device
        }),
    ))
}
