//! Guided and automatic key rotation as a pure state machine.
//!
//! The five steps of a rotation and the [`Step`]s that carry them:
//! 1. new key entered, or created through the service's API → [`Step::NewKeyStaged`]
//!    (kept in the keychain's pending slot);
//! 2. new key verified against the same workspace/organization → [`Step::NewKeyVerified`];
//! 3. keychain switched: new key active, old one kept as "pending revoke" → [`Step::Switched`];
//! 4. old key revoked (by the user in the dashboard, or through the API) →
//!    [`Step::OldKeyRevoked`];
//! 5. old key confirmed dead and deleted from the keychain → [`Step::OldKeyDead`], then
//!    [`Step::Completed`].
//!
//! Invariants the tests check on every reachable path, crashes included:
//! - the old key is never revoked (nor the user asked to revoke it) before the new key is
//!   verified and active;
//! - abandoning before step 3 changes nothing about the account's key;
//! - every action is safe to repeat, so after a crash the executor simply asks
//!   [`next_action`] again. The one call that is not repeatable by nature, creating a key
//!   through the API, is preceded by [`Event::CreateStarted`] (persisted first), and a resumed
//!   rotation first revokes any key such an interrupted call may have created.

mod advance;
mod plan;
mod state;

pub use advance::{advance, AuditNote, Event, Transition};
pub use plan::{next_action, Action};
pub use state::{
    key_lifetime_days, NewRemoteKey, OldRemoteKey, Rotation, RotationMode, Step,
    DEFAULT_KEY_LIFETIME_DAYS,
};

#[cfg(test)]
mod tests;
