//! Contract tests: every adapter against the project's simulator over real loopback HTTP.
//! One binary, one module per service plus the cross-cutting ones (rate limits, faults, safety).

mod exante;
mod exaroutes;
mod faults;
mod hostile;
mod iloveqr;
mod qr_v1;
mod qrcodepro;
mod rate_limits;
mod safety;
mod support;
