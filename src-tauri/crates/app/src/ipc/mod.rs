//! Every type that crosses the IPC boundary between the window and Rust, and every event name,
//! by area. Each derives `ts_rs::TS` behind the `ts` feature and is exported under the same name
//! to `ui/src/bindings/` (with the event names as `event-names.ts` and the rules of
//! `qrdesk_core::rules` as `current-rules.ts`); CI fails when the committed copy is stale. Domain types
//! that cross unchanged (an account, a code, an error) come from `qrdesk-core`.

pub mod accounts;
pub mod app;
pub mod campaigns;
pub mod designs;
pub mod events;
pub mod library;
pub mod outbox;
pub mod print;
pub mod styles;
pub mod sync;
