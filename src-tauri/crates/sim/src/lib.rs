//! QR Desk simulator: the five provider contracts of `docs/providers/` served on
//! loopback, in memory, seeded deterministically. Tests, benchmarks and the app's demo mode run
//! against it; it is a library first (`Simulator::start` on port 0 inside a test) and a binary
//! (`qrdesk-sim`) second.
//!
//! It owns: the seeded data (codes, a year of daily scans computed on demand from the seed,
//! keys, workspaces/organizations), each service's routes, auth, errors and rate limits as
//! `docs/providers/<service>.md` describes them, request counting, and fault injection. It deliberately does not
//! own any client code (that is `qrdesk-providers`), persist anything, or speak TLS.
//!
//! # Addresses
//! One port, one path prefix per service; the documented paths follow the prefix:
//!
//! | service | base URL | example |
//! |---|---|---|
//! | exaroutes | `http://127.0.0.1:P/exaroutes` | `GET /exaroutes/api/qr/codes` |
//! | qr-v1 | `http://127.0.0.1:P/qr-v1` | `GET /qr-v1/api/v1/qr` |
//! | qrcodepro | `http://127.0.0.1:P/qrcodepro` | `GET /qrcodepro/v1/qrcodes` |
//! | iloveqr | `http://127.0.0.1:P/iloveqr/api/v1` | `GET /iloveqr/api/v1/users/me/organizations` |
//! | exante | `http://127.0.0.1:P/exante` | `GET /exante/api/api-keys` |
//!
//! # Control endpoint (`http://127.0.0.1:P/_control/<token>`, JSON)
//! The token is random per start and only the manifest names it; requests must name the
//! simulator's own address as `Host`, and a POST must carry `Content-Type: application/json`.
//! Never counted, rate limited or faulted. Errors: 400/403/404/415 `{"error": "…"}`.
//!
//! | request | body / query | answer |
//! |---|---|---|
//! | `GET /_control/manifest` | | the [`Manifest`] |
//! | `POST /_control/keys/issue` | `{provider, environment?, scope?, pair?}` (scope: an id, or ids joined by commas) | `{key}` or `{client_id, api_key}` |
//! | `POST /_control/keys/revoke` / `…/keys/expire` | `{key}` | `{ok}` |
//! | `GET` / `POST` / `DELETE /_control/faults` | POST: a [`FaultSpec`] | list / `{ok}` |
//! | `POST /_control/latency` | `{ms}` | `{ok}` |
//! | `POST /_control/rate-limits` | `{mode: "off" \| "documented" \| "scaled:10/1"}` | `{ok}` |
//! | `POST` / `DELETE /_control/step-up/grace` | `{workspace}` | `{ok}` |
//! | `GET /_control/codes` | `?provider=&scope=` | `{ids}` |
//! | `POST /_control/codes/edit` | `{provider, id, name?, destination?, status?}` | `{ok}` |
//! | `POST /_control/codes/delete` | `{provider, id}` | `{ok}` |
//! | `POST /_control/codes/add` | `{provider, n, scope?}` | `{ids}` |
//! | `POST /_control/scans/grow` | `{n}` | `{ok}` |
//! | `GET` / `DELETE /_control/requests` | | `{"GET /qrcodepro/v1/qrcodes/{id}": 3, …}` / `{ok}` |
//!
//! A fault spec is `{"kind", "next"?: N, "probability"?: p, "service"?, "status"?,
//! "retry_after"?, "ms"?}` with kind `server_error`, `too_many_requests`, `plan_limit`,
//! `drop_connection`, `truncated_body`, `non_json_body` or `latency` (flag form:
//! `server_error:next=3:status=502:service=qrcodepro`).
//!
//! # Variations clients must tolerate (deterministic per code)
//! ExaRoutes timestamps are half epoch-ms, half ISO with millis; the other QR services use ISO,
//! ISO with millis or epoch-ms; about one status in five is in another case (`ACTIVE`,
//! `Active`); some ExaRoutes codes have no `name`; iloveQR validation messages are arrays.
//! Optional `Retry-After` headers (QRCodePro, `/api/v1/qr`, iloveQR) are sent on every second
//! refusal only, the first one without. The n-th iloveQR key revoked answers with form n % 4:
//! 403 with `API_KEY_REVOKED` in `error`, in `message`, in `code`, then 401 with it in `code`.

mod config;
mod control;
mod control_http;
mod deterministic_rng;
mod faults;
mod manifest;
mod model;
mod rate_limit;
mod refusal;
mod request_counts;
mod request_pipeline;
mod scan_history;
mod seed_catalog;
mod server;
mod services;
mod shared_state;
mod sim_error;
mod wire_variation;
mod world;

pub use config::{RateLimitMode, SimConfig};
pub use control::SimControl;
pub use deterministic_rng::SplitMix64;
pub use faults::{Fault, FaultKind, FaultSpec, FaultTrigger};
pub use manifest::{Manifest, ManifestAccount, ServiceManifest};
pub use request_counts::ROUTES;
pub use seed_catalog::{CAMPAIGNS, MEDIA};
pub use server::Simulator;
pub use sim_error::SimError;
pub use world::CodeEdit;
