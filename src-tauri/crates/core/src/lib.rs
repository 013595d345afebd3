//! Domain types shared by every QR Desk crate, the CLI and the desktop shell.
//!
//! This crate owns the *vocabulary* of the app and nothing that does IO:
//! - [`error`]: the one error vocabulary ([`ErrorKind`] with a human sentence per kind, [`AppError`]);
//! - [`provider`]: the five services, live/test environments and key-prefix detection;
//! - [`secret`]: [`ApiSecret`] and [`Credential`], secrets that redact themselves;
//! - [`account`], [`code`], [`analytics`], [`outbox`], [`audit`]: the records the store keeps;
//! - [`csv_dialect`]: the CSV rules shared by printing and `codes import` (BOM, delimiter);
//! - [`rules`]: every limit and rule that several layers check (print limits, key prefixes,
//!   service names, error sentences), handed to the window as generated values.
//!
//! Types that cross the IPC boundary derive `ts_rs::TS` behind the `ts` feature; the generated
//! TypeScript lives in `ui/src/bindings/` and CI fails when it is stale.

pub mod account;
pub mod analytics;
pub mod audit;
pub mod code;
pub mod csv_dialect;
pub mod error;
pub mod outbox;
pub mod provider;
pub mod rules;
pub mod secret;

pub use account::{Account, AccountId, AccountStatus};
pub use analytics::{Breakdown, BreakdownKind, DailyScans, ScanSeries};
pub use audit::AuditEvent;
pub use code::{CodeId, CodeStatus, QrCode};
pub use error::{AppError, ErrorKind, Result};
pub use outbox::{CodeChanges, OutboxEntry, OutboxOp, OutboxState};
pub use provider::{Environment, ProviderKind};
pub use rules::Rules;
pub use secret::{ApiSecret, Credential};
