//! The HTTP control endpoint under `/_control/<token>` (JSON in and out; errors are 400
//! `{"error": "…"}`, 404 for unknown ids). Same operations as `SimControl`.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, Method};
use axum::routing::{get, post};
use axum::{Json, Router};
use qrdesk_core::{Environment, ProviderKind};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::config::RateLimitMode;
use crate::control::SimControl;
use crate::faults::FaultSpec;
use crate::refusal::Refusal;
use crate::shared_state::Shared;
use crate::sim_error::SimError;
use crate::world::CodeEdit;

type Answer = Result<Json<Value>, Refusal>;

fn bad(message: impl Into<String>) -> Refusal {
    Refusal::new(400, json!({ "error": message.into() }))
}

fn refused(error: SimError) -> Refusal {
    let status = match error {
        SimError::Unknown { .. } | SimError::UnknownKey => 404,
        SimError::Invalid(_) => 400,
    };
    Refusal::new(status, json!({ "error": error.to_string() }))
}

fn ok() -> Json<Value> {
    Json(json!({ "ok": true }))
}

fn provider(name: &str) -> Result<ProviderKind, Refusal> {
    ProviderKind::parse(name).ok_or_else(|| bad(format!("unknown provider \"{name}\"")))
}

/// The JSON body, with a readable error instead of axum's plain-text rejection.
fn body<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, Refusal> {
    serde_json::from_slice(bytes).map_err(|e| bad(format!("bad control request: {e}")))
}

/// The control routes, under `/_control/<token>` (the token is random per start and only the
/// manifest names it, so a web page cannot guess the address).
pub fn router(shared: Arc<Shared>, address: SocketAddr) -> Router {
    let prefix = format!("/_control/{}", shared.control_token);
    let control = SimControl::new(shared, address);
    let routes = Router::new()
        .route("/manifest", get(manifest))
        .route("/keys/issue", post(issue_key))
        .route("/keys/revoke", post(revoke_key))
        .route("/keys/expire", post(expire_key))
        .route("/faults", get(list_faults).post(add_fault).delete(clear_faults))
        .route("/faults/fired", get(faults_fired))
        .route("/latency", post(set_latency))
        .route("/rate-limits", post(set_rate_limits))
        .route("/step-up/grace", post(open_grace).delete(close_grace))
        .route("/codes", get(code_ids))
        .route("/codes/edit", post(edit_code))
        .route("/codes/delete", post(delete_code))
        .route("/codes/add", post(add_codes))
        .route("/scans/grow", post(grow_scans))
        .route("/requests", get(request_counts).delete(reset_counts))
        .with_state(control);
    Router::new().nest(&prefix, routes)
}

/// Checks a control request before it is routed: the `Host` must be this simulator's own
/// address (a page on another origin reaching 127.0.0.1 through DNS rebinding sends its own
/// name), and a POST must declare a JSON body (a page can send a form or plain text to any
/// address without asking, but not JSON).
pub fn check_request(
    address: SocketAddr,
    headers: &HeaderMap,
    method: &Method,
) -> Result<(), Refusal> {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    if host != address.to_string() {
        return Err(Refusal::new(
            403,
            json!({ "error": format!("control requests must be sent to {address}") }),
        ));
    }
    let json_body = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().to_ascii_lowercase().starts_with("application/json"));
    if *method == Method::POST && !json_body {
        return Err(Refusal::new(
            415,
            json!({ "error": "control requests carry JSON (Content-Type: application/json)" }),
        ));
    }
    Ok(())
}

async fn manifest(State(control): State<SimControl>) -> Answer {
    serde_json::to_value(control.manifest()).map(Json).map_err(|e| bad(e.to_string()))
}

#[derive(Deserialize)]
struct IssueRequest {
    provider: String,
    environment: Option<String>,
    scope: Option<String>,
    /// ExaRoutes only: a `client-id` + `api-key` pair instead of a Bearer key.
    #[serde(default)]
    pair: bool,
}

async fn issue_key(State(control): State<SimControl>, bytes: axum::body::Bytes) -> Answer {
    let request: IssueRequest = body(&bytes)?;
    let provider = provider(&request.provider)?;
    let environment = match request.environment.as_deref() {
        Some(text) => {
            Environment::parse(text).ok_or_else(|| bad("environment must be live or test"))?
        }
        None => Environment::Live,
    };
    if request.pair {
        if provider != ProviderKind::ExaRoutes {
            return Err(bad("pair keys exist only for exaroutes"));
        }
        let (client_id, api_key) =
            control.issue_exaroutes_pair(request.scope.as_deref()).map_err(refused)?;
        return Ok(Json(json!({ "client_id": client_id, "api_key": api_key })));
    }
    let key =
        control.issue_key(provider, environment, request.scope.as_deref()).map_err(refused)?;
    Ok(Json(json!({ "key": key })))
}

#[derive(Deserialize)]
struct KeyRequest {
    key: String,
}

async fn revoke_key(State(control): State<SimControl>, bytes: axum::body::Bytes) -> Answer {
    let request: KeyRequest = body(&bytes)?;
    control.revoke_key(&request.key).map_err(refused)?;
    Ok(ok())
}

async fn expire_key(State(control): State<SimControl>, bytes: axum::body::Bytes) -> Answer {
    let request: KeyRequest = body(&bytes)?;
    control.expire_key(&request.key).map_err(refused)?;
    Ok(ok())
}

async fn list_faults(State(control): State<SimControl>) -> Answer {
    let specs: Vec<FaultSpec> = control.faults().iter().map(FaultSpec::from_fault).collect();
    serde_json::to_value(specs).map(Json).map_err(|e| bad(e.to_string()))
}

async fn add_fault(State(control): State<SimControl>, bytes: axum::body::Bytes) -> Answer {
    let spec: FaultSpec = body(&bytes)?;
    control.inject_fault(spec.into_fault().map_err(bad)?);
    Ok(ok())
}

async fn faults_fired(State(control): State<SimControl>) -> Answer {
    Ok(Json(json!(control.faults_fired())))
}

async fn clear_faults(State(control): State<SimControl>) -> Answer {
    control.clear_faults();
    Ok(ok())
}

#[derive(Deserialize)]
struct LatencyRequest {
    ms: u64,
}

async fn set_latency(State(control): State<SimControl>, bytes: axum::body::Bytes) -> Answer {
    let request: LatencyRequest = body(&bytes)?;
    control.set_latency_ms(request.ms);
    Ok(ok())
}

#[derive(Deserialize)]
struct RateLimitRequest {
    mode: String,
}

async fn set_rate_limits(State(control): State<SimControl>, bytes: axum::body::Bytes) -> Answer {
    let request: RateLimitRequest = body(&bytes)?;
    control.set_rate_limits(RateLimitMode::parse(&request.mode).map_err(bad)?);
    Ok(ok())
}

#[derive(Deserialize)]
struct WorkspaceRequest {
    workspace: String,
}

async fn open_grace(State(control): State<SimControl>, bytes: axum::body::Bytes) -> Answer {
    let request: WorkspaceRequest = body(&bytes)?;
    control.open_grace(&request.workspace).map_err(refused)?;
    Ok(ok())
}

async fn close_grace(State(control): State<SimControl>, bytes: axum::body::Bytes) -> Answer {
    let request: WorkspaceRequest = body(&bytes)?;
    control.close_grace(&request.workspace);
    Ok(ok())
}

async fn code_ids(
    State(control): State<SimControl>,
    Query(query): Query<HashMap<String, String>>,
) -> Answer {
    let provider = provider(query.get("provider").map(String::as_str).unwrap_or_default())?;
    let ids =
        control.code_ids(provider, query.get("scope").map(String::as_str)).map_err(refused)?;
    Ok(Json(json!({ "ids": ids })))
}

#[derive(Deserialize)]
struct EditRequest {
    provider: String,
    id: String,
    #[serde(flatten)]
    edit: CodeEdit,
}

async fn edit_code(State(control): State<SimControl>, bytes: axum::body::Bytes) -> Answer {
    let request: EditRequest = body(&bytes)?;
    control.edit_code(provider(&request.provider)?, &request.id, request.edit).map_err(refused)?;
    Ok(ok())
}

#[derive(Deserialize)]
struct CodeRequest {
    provider: String,
    id: String,
}

async fn delete_code(State(control): State<SimControl>, bytes: axum::body::Bytes) -> Answer {
    let request: CodeRequest = body(&bytes)?;
    control.delete_code(provider(&request.provider)?, &request.id).map_err(refused)?;
    Ok(ok())
}

#[derive(Deserialize)]
struct AddRequest {
    provider: String,
    n: usize,
    scope: Option<String>,
}

async fn add_codes(State(control): State<SimControl>, bytes: axum::body::Bytes) -> Answer {
    let request: AddRequest = body(&bytes)?;
    let provider = provider(&request.provider)?;
    if request.n > 1_000_000 {
        return Err(bad("n may be at most 1000000"));
    }
    let ids = match request.scope.as_deref() {
        Some(scope) => control.add_codes_to(provider, scope, request.n),
        None => control.add_codes(provider, request.n),
    }
    .map_err(refused)?;
    Ok(Json(json!({ "ids": ids })))
}

#[derive(Deserialize)]
struct GrowRequest {
    n: u64,
}

async fn grow_scans(State(control): State<SimControl>, bytes: axum::body::Bytes) -> Answer {
    let request: GrowRequest = body(&bytes)?;
    control.grow_scans(request.n);
    Ok(ok())
}

async fn request_counts(State(control): State<SimControl>) -> Answer {
    serde_json::to_value(control.request_counts()).map(Json).map_err(|e| bad(e.to_string()))
}

async fn reset_counts(State(control): State<SimControl>) -> Answer {
    control.reset_counts();
    Ok(ok())
}
