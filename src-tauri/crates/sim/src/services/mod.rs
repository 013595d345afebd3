//! The five simulated services, one module each, following the contract described in
//! `docs/providers/<name>.md` (see docs/providers/README.md, 'Simulator'). Every route lives
//! under the service's path prefix.

use std::sync::Arc;

use axum::http::Uri;
use axum::response::{IntoResponse, Response};
use axum::Router;

use crate::request_pipeline::service_of;
use crate::shared_state::Shared;

mod breakdown_rows;
pub mod error_bodies;
mod exante;
mod exaroutes;
mod iloveqr;
mod listing;
mod qr_v1;
mod qrcodepro;
mod request_input;

/// All service routes, with the shared state attached.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .merge(exaroutes::routes())
        .merge(qr_v1::routes())
        .merge(qrcodepro::routes())
        .merge(iloveqr::routes())
        .merge(exante::routes())
        .fallback(no_such_route)
        .with_state(shared)
}

/// Unknown paths get a 404 in the service's own error envelope (plain JSON elsewhere).
async fn no_such_route(uri: Uri) -> Response {
    match service_of(uri.path()) {
        Some(service) => error_bodies::error(service, 404, "No such route").into_response(),
        None => {
            let body = serde_json::json!({ "error": "No such route: the services live under /exaroutes, /qr-v1, /qrcodepro, /iloveqr/api/v1 and /exante" });
            request_input::json(404, body)
        }
    }
}
