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
//!   over the pure state machine in [`rotation`], persisting every step with its audit note in
//!   one transaction so a killed process resumes to a consistent state with a working key;
//! - the IPC request/answer types of these operations ([`ipc`], exported to TypeScript with the
//!   `ts` feature).
//!
//! It deliberately does not parse arguments or print (the CLI and the desktop shell do), keep
//! secrets anywhere but the keychain (SQLite, audit notes, errors and the rotation's JSON hold
//! masked keys only), or speak HTTP itself (the providers crate does).

mod add;
pub mod ipc;
mod key_input;
mod remove;
pub mod rotation;
mod rotation_actions;
mod rotation_persist;
mod rotation_service;
mod service;
mod verify;

pub use add::AddAccountRequest;
pub use ipc::{
    parse_expiry, AddAccountInput, RotationKeyRequest, RotationState, RotationStep,
    WorkspaceOption, WorkspaceQuery,
};
pub use service::{provider_for_account, AccountService};
#[cfg(test)]
mod tests;
