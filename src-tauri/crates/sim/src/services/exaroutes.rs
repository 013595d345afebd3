//! ExaRoutes: header pair or Bearer auth, `X-Workspace-Id`, cursor lists,
//! step-up-gated destination edits and bulk replace, analytics, epoch-ms/ISO timestamps.
//!
//! The contract it serves: docs/providers/exaroutes.md.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::routing::{get, post, put};
use axum::Router;
use chrono::Utc;
use qrdesk_core::ProviderKind;
use serde_json::{json, Map, Value};

use super::breakdown_rows::rows;
use super::error_bodies;
use super::request_input::{self as input, bearer, header_text, json, Bearer, Reply};
use crate::model::{Code, KeyRecord, KeyState};
use crate::refusal::Refusal;
use crate::scan_history::{
    self, split, DayScans, COUNTRIES, COUNTRY_WEIGHTS, DEVICES, DEVICE_WEIGHTS,
};
use crate::seed_catalog::{parse_status, short_url};
use crate::shared_state::{lock, Shared};
use crate::wire_variation::{enum_case, timestamp};
use crate::world::{Changes, NewCode, World};

const SERVICE: ProviderKind = ProviderKind::ExaRoutes;
const DATA_TYPES: [&str; 8] = ["url", "text", "email", "wifi", "vcard", "sms", "phone", "geo"];

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/exaroutes/api/qr/codes", get(list).post(create))
        .route("/exaroutes/api/qr/codes/{id}", get(read).delete(delete))
        .route("/exaroutes/api/qr/codes/{id}/analytics", get(analytics))
        .route("/exaroutes/api/qr/dynamic-qr", put(edit))
        .route("/exaroutes/api/qr/workspace-bulk-replace", post(bulk_replace))
}

fn fail(status: u16, message: &str) -> Refusal {
    Refusal::new(status, error_bodies::body(SERVICE, status, message))
}

/// Checks the credentials and the workspace; returns the data set's index.
fn authenticate(world: &World, headers: &HeaderMap) -> Result<usize, Refusal> {
    let record: &KeyRecord = match bearer(headers) {
        Bearer::Token(token) => world
            .keys
            .get(&token)
            .filter(|k| k.service == SERVICE && k.client_id.is_none())
            .ok_or_else(|| fail(401, "Invalid API key"))?,
        Bearer::Malformed => return Err(fail(401, "Authorization header must be: Bearer <key>")),
        Bearer::Missing => {
            match (header_text(headers, "client-id"), header_text(headers, "api-key")) {
                (None, None) => {
                    return Err(fail(401, "Missing credentials: send Authorization: Bearer <key>, or the client-id and api-key headers"))
                }
                (None, Some(_)) => return Err(fail(400, "Missing required header: client-id")),
                (Some(_), None) => return Err(fail(400, "Missing required header: api-key")),
                (Some(client), Some(key)) => {
                    let expected = world.exaroutes_clients.get(&client).ok_or_else(|| fail(404, "API key not found"))?;
                    if *expected != key {
                        return Err(fail(401, "Invalid API key"));
                    }
                    world.keys.get(&key).ok_or_else(|| fail(401, "Invalid API key"))?
                }
            }
        }
    };
    match record.state(Utc::now()) {
        KeyState::Revoked => return Err(fail(401, "Invalid or revoked API key")),
        KeyState::Expired => return Err(fail(401, "API key expired")),
        KeyState::Valid => {}
    }
    match header_text(headers, "x-workspace-id") {
        None => record
            .datasets
            .first()
            .copied()
            .ok_or_else(|| fail(403, "Not a member of the requested workspace")),
        Some(workspace) => record
            .datasets
            .iter()
            .copied()
            .find(|i| world.datasets.get(*i).is_some_and(|d| d.id == workspace))
            .ok_or_else(|| fail(403, "Not a member of the requested workspace")),
    }
}

fn object(code: &Code, workspace: &str) -> Value {
    let mut map = Map::new();
    map.insert("id".into(), json!(code.id));
    if let Some(name) = &code.name {
        map.insert("name".into(), json!(name));
    }
    map.insert("type".into(), json!("dynamic"));
    map.insert("dataType".into(), json!(code.data_type));
    map.insert("destination".into(), json!(code.destination));
    map.insert("redirectUrl".into(), json!(short_url(SERVICE, &code.short_code)));
    map.insert("status".into(), json!(enum_case(code.status, code.hash, false)));
    map.insert("encrypted".into(), json!(false));
    map.insert("secure".into(), json!([]));
    map.insert("workspaceId".into(), json!(workspace));
    map.insert("createdAt".into(), timestamp(SERVICE, code.hash, 1, code.created_at));
    map.insert("updatedAt".into(), timestamp(SERVICE, code.hash, 2, code.updated_at));
    Value::Object(map)
}

fn cursor_after(cursor: &str) -> Option<u64> {
    u64::from_str_radix(cursor.strip_prefix("cur_")?, 16).ok()
}

async fn list(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(query): Query<input::Query>,
) -> Reply {
    let world = lock(&shared.world);
    let index = authenticate(&world, &headers)?;
    let dataset = world.datasets.get(index).ok_or_else(|| fail(404, "Workspace not found"))?;
    let limit = input::int_param(&query, "limit", 25, 1, 100).map_err(|m| fail(400, &m))?;
    let cursor = query.get("cursor").filter(|c| !c.is_empty());
    let after = match cursor {
        Some(c) => cursor_after(c).ok_or_else(|| fail(400, "Invalid cursor"))?,
        None => 0,
    };
    let status = match query.get("status").filter(|s| !s.is_empty()) {
        Some(s) => Some(
            parse_status(SERVICE, s)
                .ok_or_else(|| fail(400, "status must be active or inactive"))?,
        ),
        None => None,
    };
    let data_type = query.get("type").filter(|s| !s.is_empty()).map(|s| s.to_ascii_lowercase());
    let search = query.get("search").filter(|s| !s.is_empty()).map(|s| s.to_lowercase());
    let keep = |c: &&Code| {
        status.is_none_or(|s| c.status == s)
            && data_type.as_deref().is_none_or(|t| c.data_type == t)
            && search.as_deref().is_none_or(|n| {
                c.name.as_deref().is_some_and(|name| name.to_lowercase().contains(n))
            })
    };
    let total = if status.is_none() && data_type.is_none() && search.is_none() {
        dataset.codes.len()
    } else {
        dataset.codes.values().filter(keep).count()
    };
    let mut page: Vec<&Code> = dataset
        .codes
        .range(after.saturating_add(1)..)
        .map(|(_, c)| c)
        .filter(keep)
        .take(limit as usize + 1)
        .collect();
    let more = page.len() > limit as usize;
    page.truncate(limit as usize);
    let next = if more { page.last().map(|c| format!("cur_{:x}", c.seq)) } else { None };
    let data: Vec<Value> = page.iter().map(|c| object(c, &dataset.id)).collect();
    Ok(json(
        200,
        json!({ "data": data, "pagination": { "total": total, "limit": limit, "cursor": cursor, "nextCursor": next } }),
    ))
}

async fn read(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Reply {
    let world = lock(&shared.world);
    let index = authenticate(&world, &headers)?;
    let dataset = world.datasets.get(index).ok_or_else(|| fail(404, "QR code not found"))?;
    let code = dataset.get(&id).ok_or_else(|| fail(404, "QR code not found"))?;
    Ok(json(200, object(code, &dataset.id)))
}

async fn create(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Reply {
    let mut world = lock(&shared.world);
    let index = authenticate(&world, &headers)?;
    let body = input::object_body(&body).map_err(|m| fail(400, &m))?;
    let data = match body.get("data") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::Object(_)) => {
            return Err(fail(
                422,
                "Structured data is not supported for dynamic codes: send data as a string",
            ))
        }
        Some(Value::String(_)) | None | Some(Value::Null) => {
            return Err(fail(400, "Missing required field: data"))
        }
        Some(_) => return Err(fail(400, "data must be a string")),
    };
    let requested = input::string_field(&body, "dataType")
        .map_err(|m| fail(400, &m))?
        .unwrap_or("url")
        .to_ascii_lowercase();
    let data_type = DATA_TYPES
        .iter()
        .copied()
        .find(|t| *t == requested)
        .ok_or_else(|| fail(422, "Invalid dataType provided."))?;
    if data_type == "url" && !input::is_http_url(&data) {
        return Err(fail(422, "data must be an http(s) URL when dataType is url"));
    }
    let name = input::string_field(&body, "name").map_err(|m| fail(400, &m))?.map(str::to_string);
    let uid = input::string_field(&body, "uid").map_err(|m| fail(400, &m))?.map(str::to_string);
    let replay_key =
        input::idempotency_key(&headers).or_else(|| uid.clone().map(|u| format!("uid:{u}")));
    let workspace = world.datasets.get(index).map(|d| d.id.clone()).unwrap_or_default();
    if let Some(code) = world.replayed(index, replay_key.as_deref()) {
        return Ok(json(201, object(code, &workspace)));
    }
    if let Some(u) = &uid {
        if !u.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') || u.len() > 64 {
            return Err(fail(400, "uid may hold only letters, digits, - and _ (at most 64)"));
        }
    }
    let new =
        NewCode { name, destination: data, data_type, status: "active", id: uid, short_code: None };
    let code = world
        .create_recorded(index, new, replay_key)
        .map_err(|_| fail(409, "uid is already in use"))?;
    Ok(json(201, object(code, &workspace)))
}

fn step_up_required() -> Refusal {
    Refusal::new(403, json!({ "error": "step_up_required", "tier": "standard" }))
}

async fn edit(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Reply {
    let mut world = lock(&shared.world);
    let index = authenticate(&world, &headers)?;
    let body = input::object_body(&body).map_err(|m| fail(400, &m))?;
    let uid = input::required_string(&body, "uid")
        .map_err(|_| fail(400, "Missing required field: uid"))?
        .to_string();
    let data = input::string_field(&body, "data")
        .map_err(|m| fail(400, &m))?
        .map(|s| s.trim().to_string());
    let name = input::string_field(&body, "name").map_err(|m| fail(400, &m))?.map(str::to_string);
    let status = match input::string_field(&body, "status").map_err(|m| fail(400, &m))? {
        Some(s) => Some(
            parse_status(SERVICE, s)
                .ok_or_else(|| fail(422, "status must be active or inactive"))?,
        ),
        None => None,
    };
    let workspace = world.datasets.get(index).map(|d| d.id.clone()).unwrap_or_default();
    let grace = world.grace_open(&workspace);
    let code = world.code(index, &uid).ok_or_else(|| fail(404, "QR code not found"))?;
    if let Some(destination) = data.as_deref().filter(|d| *d != code.destination) {
        if !grace {
            return Err(step_up_required());
        }
        if code.data_type == "url" && !input::is_http_url(destination) {
            return Err(fail(422, "data must be an http(s) URL when dataType is url"));
        }
    }
    let changes = Changes { name, destination: data, status };
    let code = world.apply(index, &uid, changes).ok_or_else(|| fail(404, "QR code not found"))?;
    Ok(json(200, object(code, &workspace)))
}

async fn bulk_replace(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Reply {
    let mut world = lock(&shared.world);
    let index = authenticate(&world, &headers)?;
    let body = input::object_body(&body).map_err(|m| fail(400, &m))?;
    let find = input::required_string(&body, "find")
        .map_err(|_| fail(400, "Missing required field: find"))?
        .to_string();
    let replace = input::string_field(&body, "replace")
        .map_err(|m| fail(400, &m))?
        .ok_or_else(|| fail(400, "Missing required field: replace"))?
        .to_string();
    let workspace = world.datasets.get(index).map(|d| d.id.clone()).unwrap_or_default();
    if !world.grace_open(&workspace) {
        return Err(step_up_required());
    }
    let now = Utc::now();
    let mut updated = 0u64;
    if let Some(dataset) = world.datasets.get_mut(index) {
        for code in dataset.codes.values_mut().filter(|c| c.destination.contains(&find)) {
            code.destination = code.destination.replace(&find, &replace);
            code.updated_at = now.max(code.updated_at);
            updated += 1;
        }
    }
    Ok(json(200, json!({ "updated": updated })))
}

async fn delete(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Reply {
    let mut world = lock(&shared.world);
    let index = authenticate(&world, &headers)?;
    let dataset = world.datasets.get_mut(index).ok_or_else(|| fail(404, "QR code not found"))?;
    dataset.remove(&id).ok_or_else(|| fail(404, "QR code not found"))?;
    Ok(input::no_content())
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
        .map(|(day, d)| json!({ "date": day.to_string(), "scans": d.scans, "uniqueScans": d.unique }))
        .collect();
    let by_country: Vec<Value> =
        rows(split(total, &COUNTRIES, &COUNTRY_WEIGHTS, code.hash, 11), "country");
    let by_device: Vec<Value> =
        rows(split(total, &DEVICES, &DEVICE_WEIGHTS, code.hash, 12), "device");
    Ok(json(
        200,
        json!({
            "id": code.id, "from": from.to_string(), "to": to.to_string(),
            "totalScans": total, "uniqueScans": unique,
            "byDay": by_day, "byCountry": by_country, "byDevice": by_device
        }),
    ))
}
