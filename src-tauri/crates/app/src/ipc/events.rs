//! The names of the events Rust sends to the window, with their payload types. The window
//! reads the same names from the generated `ui/src/bindings/event-names.ts`.

use serde::Serialize;

/// Progress of a sync, per account ([`super::sync::SyncProgress`]).
pub const SYNC_PROGRESS: &str = "sync://progress";
/// Progress of a print job ([`super::print::PrintProgress`]).
pub const PRINT_PROGRESS: &str = "print://progress";

/// Every event name, keyed as the window refers to it.
#[derive(Debug, Clone, Serialize)]
pub struct EventNames {
    pub sync_progress: &'static str,
    pub print_progress: &'static str,
}

pub const EVENTS: EventNames =
    EventNames { sync_progress: SYNC_PROGRESS, print_progress: PRINT_PROGRESS };

/// The TypeScript module `ui/src/bindings/event-names.ts`.
pub fn typescript_module() -> String {
    let json = serde_json::to_string_pretty(&EVENTS).unwrap_or_default();
    format!(
        "// Generated from qrdesk-app's `ipc::events` by scripts/gen-bindings.sh. Do not edit.\n\n\
         export const EVENTS = {json} as const;\n\nexport type EventName = \
         (typeof EVENTS)[keyof typeof EVENTS];\n"
    )
}

#[cfg(all(test, feature = "ts"))]
mod tests {
    /// Written next to the generated types (run by `scripts/gen-bindings.sh`).
    #[test]
    fn export_bindings_event_names() {
        qrdesk_core::rules::write_ts_binding("event-names.ts", &super::typescript_module());
    }
}
