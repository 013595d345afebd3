//! The simulator over real loopback HTTP: every service's contract, faults, rate limits,
//! keys, step-up, server-side changes and determinism.

mod auth_and_keys;
mod binary;
mod control_endpoint;
mod data_changes;
mod determinism;
mod exante_keys;
mod exaroutes_step_up;
mod faults;
mod listing;
mod rate_limits;
mod support;
mod validation;
