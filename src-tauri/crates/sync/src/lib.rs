//! QR Desk's sync engine: the promise that everything is there offline, and that nothing
//! edited offline is lost or silently overwritten.
//!
//! What it owns:
//! - local edits ([`edits`]): applied to the cache and queued in the outbox in one transaction;
//! - a sync ([`SyncEngine::sync`]) per account: push the outbox in order per code, checking each
//!   edit against the service's current version (conflicts keep both sides), then pull the list
//!   page by page with a checkpoint per page (an interrupted pass resumes), mark codes the service
//!   dropped as deleted after a complete pass, then fetch analytics only for codes whose scans may
//!   have changed. Decisions are pure functions ([`pull_plan`], [`push_plan`]) tested with case
//!   tables; the IO modules apply them (atuin's plan-then-apply);
//! - outbox actions ([`SyncEngine::retry`], [`SyncEngine::resolve`], [`SyncEngine::discard`]),
//!   CSV import of creates ([`csv_import`]), bulk URL replace ([`bulk_replace`]), reports and
//!   progress events.
//!
//! What it deliberately does not do: read keys (a [`Connector`] supplied by the caller builds
//! adapters; the app wires the keychain-backed one), speak HTTP itself or pace requests (the
//! providers crate does), own SQL (the store does), or draw anything.

pub mod analytics_fetch;
pub mod bulk_replace;
pub mod connector;
pub mod csv_import;
pub mod edits;
pub mod engine;
pub mod options;
pub mod outbox_actions;
pub mod progress;
mod pull;
pub mod pull_plan;
mod push;
pub mod push_plan;
pub mod remote_version;
pub mod report;
pub mod runtime;

pub use bulk_replace::{preview_replace, ReplaceOutcome, ReplacePreview};
pub use connector::Connector;
pub use csv_import::read_codes_csv;
pub use edits::{create_code, create_codes, delete_code, edit_code, NewCodeInput};
pub use engine::SyncEngine;
pub use options::{SyncOptions, DEFAULT_ANALYTICS_DAYS};
pub use outbox_actions::{EntryOutcome, Keep};
pub use progress::{Phase, ProgressEvent, ProgressSink};
pub use qrdesk_providers::{CancellationToken, Provider};
pub use remote_version::{conflict_view, ConflictView, RemoteVersion};
pub use report::{AccountReport, SyncCounts, SyncIssue, SyncReport};
pub use runtime::block_on;
