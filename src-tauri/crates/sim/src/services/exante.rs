//! Exante: key management only. List the organization's keys, create one (the
//! full key is returned once), revoke one; revoked and expired keys get 401 afterwards.
//!
//! The contract it serves: docs/providers/exante.md.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::{delete, get};
use axum::Router;
use chrono::{TimeDelta, Utc};
use qrdesk_core::ProviderKind;
use serde_json::{json, Value};

use super::error_bodies;
use super::request_input::{self as input, bearer, json, Bearer, Reply};
use crate::model::{KeyRecord, KeyState};
use crate::refusal::Refusal;
use crate::shared_state::{lock, Shared};
use crate::wire_variation::TimeStyle;
use crate::world::{last4, World};

const SERVICE: ProviderKind = ProviderKind::Exante;

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/exante/api/api-keys", get(list).post(create))
        .route("/exante/api/api-keys/{id}", delete(revoke))
}

fn fail(status: u16, message: &str) -> Refusal {
    Refusal::new(status, error_bodies::body(SERVICE, status, message))
}

/// What a request may do with keys.
#[derive(PartialEq, Eq)]
enum Need {
    Read,
    Manage,
}

/// Checks the key and its scope; records its use; returns the organization's data set.
/// Exante's one answer to a key it does not accept (unknown, mistyped or expired).
const INVALID_OR_EXPIRED: &str = "Invalid or expired API key";

fn authenticate(world: &mut World, headers: &HeaderMap, need: Need) -> Result<usize, Refusal> {
    let token = match bearer(headers) {
        Bearer::Token(token) => token,
        Bearer::Missing => return Err(fail(401, "Missing Authorization header")),
        Bearer::Malformed => {
            return Err(fail(401, "Authorization header must be of the form: Bearer <key>"))
        }
    };
    let now = Utc::now();
    let record = world
        .keys
        .get_mut(&token)
        .filter(|k| k.service == SERVICE)
        .ok_or_else(|| fail(401, INVALID_OR_EXPIRED))?;
    match record.state(now) {
        KeyState::Revoked => return Err(fail(401, "This API key has been revoked")),
        // Exante answers an unknown and an expired key alike (docs/providers/exante.md, 'Errors').
        KeyState::Expired => return Err(fail(401, INVALID_OR_EXPIRED)),
        KeyState::Valid => {}
    }
    let scopes = record.exante.as_ref().map(|m| m.scopes.clone()).unwrap_or_default();
    let allowed = scopes.is_empty()
        || scopes.iter().any(|s| s == "api_keys:manage")
        || (need == Need::Read && scopes.iter().any(|s| s == "api_keys:read"));
    if !allowed {
        return Err(fail(403, "This API key lacks the scope needed to manage API keys"));
    }
    if let Some(meta) = record.exante.as_mut() {
        meta.last_used_at = Some(now);
    }
    record.datasets.first().copied().ok_or_else(|| fail(401, "Invalid API key"))
}

fn time(at: Option<chrono::DateTime<Utc>>) -> Value {
    at.map(|t| TimeStyle::Iso.render(t)).unwrap_or(Value::Null)
}

fn object(world: &World, secret: &str, record: &KeyRecord) -> Value {
    let org = record
        .datasets
        .first()
        .and_then(|i| world.datasets.get(*i))
        .map(|d| d.id.clone())
        .unwrap_or_default();
    let Some(meta) = &record.exante else { return Value::Null };
    json!({
        "uid": meta.uid,
        "name": meta.name,
        "key_snippet": format!("ex_live_...{}", last4(secret)),
        "user_uid": meta.user_uid,
        "organization_uid": org,
        "scopes": meta.scopes,
        "last_used_at": time(meta.last_used_at),
        "expires_at": time(record.expires_at),
        "revoked_at": time(record.revoked_at),
        "created_at": time(Some(meta.created_at)),
        "updated_at": time(Some(meta.updated_at)),
    })
}

/// The organization's keys, oldest first.
fn keys_of(world: &World, org: usize) -> Vec<(&String, &KeyRecord)> {
    let mut keys: Vec<(&String, &KeyRecord)> = world
        .keys
        .iter()
        .filter(|(_, r)| {
            r.service == SERVICE && r.datasets.first() == Some(&org) && r.exante.is_some()
        })
        .collect();
    keys.sort_by_key(|(_, r)| r.exante.as_ref().map(|m| (m.created_at, m.uid.clone())));
    keys
}

async fn list(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Reply {
    let mut world = lock(&shared.world);
    let org = authenticate(&mut world, &headers, Need::Read)?;
    let items: Vec<Value> = keys_of(&world, org)
        .into_iter()
        .map(|(secret, record)| object(&world, secret, record))
        .collect();
    Ok(json(200, json!({ "status": "success", "data": { "items": items } })))
}

async fn create(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Reply {
    let mut world = lock(&shared.world);
    let org = authenticate(&mut world, &headers, Need::Manage)?;
    let body = input::object_body(&body).map_err(|m| fail(422, &m))?;
    let name = input::required_string(&body, "name")
        .map_err(|_| fail(422, "The name field is required."))?
        .trim()
        .to_string();
    let scopes: Vec<String> = match body.get("scopes") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect::<Option<Vec<String>>>()
            .ok_or_else(|| fail(422, "The scopes field must be an array of strings."))?,
        Some(_) => return Err(fail(422, "The scopes field must be an array of strings.")),
    };
    let expires_in_days = match body.get("expires_in_days") {
        None | Some(Value::Null) => None,
        Some(value) => match value.as_u64() {
            Some(days) if (1..=3_650).contains(&days) => Some(days),
            _ => {
                return Err(fail(
                    422,
                    "The expires_in_days field must be an integer between 1 and 3650.",
                ))
            }
        },
    };
    let replay = input::idempotency_key(&headers).map(|k| format!("exante:{k}"));
    if let Some(key) = &replay {
        let earlier = world.datasets.get(org).and_then(|d| d.idempotency.get(key)).cloned();
        if let Some(secret) = earlier {
            if let Some(record) = world.keys.get(&secret) {
                let mut data = object(&world, &secret, record);
                data["key"] = json!(secret);
                return Ok(json(
                    201,
                    json!({ "status": "success", "message": "API key created", "data": data }),
                ));
            }
        }
    }
    let now = Utc::now();
    let expires_at = expires_in_days.map(|d| now + TimeDelta::days(d as i64));
    let secret = world.new_exante_key(org, &name, scopes, now, expires_at);
    if let (Some(key), Some(dataset)) = (replay, world.datasets.get_mut(org)) {
        dataset.idempotency.insert(key, secret.clone());
    }
    let record = world.keys.get(&secret).ok_or_else(|| fail(500, "Internal server error"))?;
    let mut data = object(&world, &secret, record);
    data["key"] = json!(secret);
    Ok(json(201, json!({ "status": "success", "message": "API key created", "data": data })))
}

async fn revoke(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(uid): Path<String>,
) -> Reply {
    let mut world = lock(&shared.world);
    let org = authenticate(&mut world, &headers, Need::Manage)?;
    let secret = keys_of(&world, org)
        .into_iter()
        .find(|(_, r)| r.exante.as_ref().is_some_and(|m| m.uid == uid))
        .map(|(s, _)| s.clone())
        .ok_or_else(|| fail(404, "API key not found"))?;
    world.revoke_key(&secret).map_err(|_| fail(404, "API key not found"))?;
    let record = world.keys.get(&secret).ok_or_else(|| fail(404, "API key not found"))?;
    let data = object(&world, &secret, record);
    Ok(json(200, json!({ "status": "success", "message": "API key revoked", "data": data })))
}
