//! QR Desk's secret storage: API keys live in the OS keychain and nowhere else.
//!
//! This crate owns:
//! - the [`SecretStore`] trait: put / get / delete one account's key, plus the rotation slots
//!   ([`Slot::Active`], [`Slot::Pending`], [`Slot::PendingRevoke`]) and the crash-safe moves
//!   between them ([`SecretStore::promote_pending`], [`SecretStore::discard_pending`]);
//! - [`KeychainStore`]: the platform keychain through `keyring-core` (Secret Service over D-Bus
//!   on Linux, the login keychain on macOS, Credential Manager on Windows), one entry per
//!   account and slot under a service name chosen by a [`Namespace`];
//! - [`MemoryStore`]: the same contract in memory, for fast tests here and in callers;
//! - the format of a keychain entry (a small JSON object, built and parsed only here);
//! - the mapping of keychain failures onto [`qrdesk_core::AppError`] (`keychain_unavailable`,
//!   with plain words on how to fix it).
//!
//! It deliberately does not own which accounts exist or their metadata (the store crate,
//! SQLite), the rotation state machine's persistence, or verifying keys against a service.
//! It never writes a secret to a file, a log or an error, and it has no fallback store: when
//! the keychain cannot be reached the caller gets an error, not a plaintext copy somewhere.
//!
//! All calls block (D-Bus round trips, possibly a platform unlock prompt). Async callers run
//! them with `tokio::task::spawn_blocking`.

mod account_ref;
mod entry_format;
mod keychain;
mod keychain_errors;
mod memory;
mod namespace;
mod platform;
mod slot;
mod store;

pub use account_ref::AccountRef;
pub use keychain::KeychainStore;
pub use memory::MemoryStore;
pub use namespace::{Namespace, APP_ID, NAMESPACE_ENV_VAR};
pub use slot::Slot;
pub use store::{Promotion, SecretStore};
