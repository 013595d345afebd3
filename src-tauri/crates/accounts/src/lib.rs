//! QR Desk's account service: adding, checking, removing and rotating the API keys behind the
//! accounts, over the local store (`qrdesk-store`), the OS keychain (`qrdesk-secrets`) and the
//! services themselves (`qrdesk-providers`).
//!
//! What it owns:
//! - [`AccountService::add_account`]: detect the service from the key's prefix, check the key
//!   (and the workspace/organization) with the service, store the key in the keychain first,
//!   then the account row (masked key only) with an audit note;
//! - [`AccountService::verify_account`], [`AccountService::remove_account`] and
//!   [`provider_for_account`] (the adapter for an account with its keychain key, used by sync);
//! - the rotation executor ([`AccountService::rotation_start`] … [`AccountService::rotate_auto`])
//!   over the pure state machine in [`rotation::machine`], persisting every step with its audit note in
//!   one transaction so a killed process resumes to a consistent state with a working key;
//! - what these operations answer, in the form people see ([`view`], exported to TypeScript
//!   with the `ts` feature; the requests live in `qrdesk-app`'s `ipc` module).
//!
//! It deliberately does not parse arguments or print (the CLI and the desktop shell do), keep
//! secrets anywhere but the keychain (SQLite, audit notes, errors and the rotation's JSON hold
//! masked keys only), or speak HTTP itself (the providers crate does).

mod add;
mod key_input;
mod remove;
pub mod rotation;
mod service;
mod verify;
pub mod view;

pub use add::AccountToAdd;
pub use service::{provider_for_account, AccountService};
pub use view::{parse_expiry, RotationState, RotationStep, WorkspaceOption};
#[cfg(test)]
mod tests;
