//! What a rotation remembers between steps (persisted by the store as step name + JSON).

use chrono::{DateTime, Utc};
use qrdesk_core::{AppError, ProviderKind};
use serde::{Deserialize, Serialize};

/// Lifetime given to an automatically created key when the old key's is unknown.
pub const DEFAULT_KEY_LIFETIME_DAYS: u32 = 90;

/// How the new key is obtained and the old one revoked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RotationMode {
    /// The user creates the new key and revokes the old one in the service's dashboard.
    Guided,
    /// The app creates and revokes keys through the service's key API (Exante).
    Automatic,
}

impl RotationMode {
    /// Automatic where the service has a key API, guided elsewhere.
    pub fn for_provider(provider: ProviderKind) -> RotationMode {
        if provider.capabilities().key_management {
            RotationMode::Automatic
        } else {
            RotationMode::Guided
        }
    }
}

/// Where a rotation stands. Stable `snake_case` names (the store's `rotations.step` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Step 1 is open: waiting for the new key (guided) or about to create it (automatic).
    AwaitingNewKey,
    /// Step 1 done: the new key sits in the keychain's pending slot.
    NewKeyStaged,
    /// Step 2 done: the new key works for the account's workspace/organization.
    NewKeyVerified,
    /// Step 3 done: the new key is active; the old one is kept as "pending revoke".
    Switched,
    /// Step 4 done: the old key was revoked (the user said so, or the API did it).
    OldKeyRevoked,
    /// Step 5, first half: the service rejects the old key; it is still in the keychain.
    OldKeyDead,
    /// Step 5 done: the old key is gone from the keychain. Terminal.
    Completed,
    /// The new key failed verification: cleaning up before asking for another one.
    RejectingNewKey,
    /// Abandon requested before step 3: cleaning up the new key.
    Abandoning,
    /// Abandoned; the account's key is unchanged. Terminal.
    Abandoned,
}

impl Step {
    pub const ALL: [Step; 10] = [
        Step::AwaitingNewKey,
        Step::NewKeyStaged,
        Step::NewKeyVerified,
        Step::Switched,
        Step::OldKeyRevoked,
        Step::OldKeyDead,
        Step::Completed,
        Step::RejectingNewKey,
        Step::Abandoning,
        Step::Abandoned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Step::AwaitingNewKey => "awaiting_new_key",
            Step::NewKeyStaged => "new_key_staged",
            Step::NewKeyVerified => "new_key_verified",
            Step::Switched => "switched",
            Step::OldKeyRevoked => "old_key_revoked",
            Step::OldKeyDead => "old_key_dead",
            Step::Completed => "completed",
            Step::RejectingNewKey => "rejecting_new_key",
            Step::Abandoning => "abandoning",
            Step::Abandoned => "abandoned",
        }
    }

    pub fn parse(name: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|step| step.as_str() == name)
    }

    /// The rotation step (1-5, as in docs/user-guide.md) the user is working on, for
    /// "step 3 of 5" displays.
    pub fn number(self) -> u8 {
        match self {
            Step::AwaitingNewKey | Step::RejectingNewKey | Step::Abandoning | Step::Abandoned => 1,
            Step::NewKeyStaged => 2,
            Step::NewKeyVerified => 3,
            Step::Switched => 4,
            Step::OldKeyRevoked | Step::OldKeyDead | Step::Completed => 5,
        }
    }

    /// No further action: the store can delete the rotation row (after writing the audit note).
    pub fn is_terminal(self) -> bool {
        matches!(self, Step::Completed | Step::Abandoned)
    }

    /// The keychain has switched (step 3 happened): the rotation can only be finished now.
    pub fn is_switched(self) -> bool {
        matches!(self, Step::Switched | Step::OldKeyRevoked | Step::OldKeyDead | Step::Completed)
    }
}

/// The old key as the service's key API knows it (automatic mode).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OldRemoteKey {
    /// The service's id of the key (Exante `uid`), used to revoke it.
    pub uid: String,
    /// The new key gets the same name...
    pub name: String,
    /// ...the same scopes (empty = the service's default)...
    pub scopes: Vec<String>,
    /// ...and the same lifetime ([`key_lifetime_days`]).
    pub lifetime_days: u32,
}

/// A key this rotation created through the service's API (automatic mode).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRemoteKey {
    pub uid: String,
    pub expires_at: Option<DateTime<Utc>>,
}

/// One account's rotation in progress. Holds no secret: keys appear masked only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rotation {
    pub provider: ProviderKind,
    pub mode: RotationMode,
    pub step: Step,
    pub started_at: DateTime<Utc>,
    /// The key being replaced, masked.
    pub old_masked: String,
    /// The new key, masked, once entered or created.
    pub new_masked: Option<String>,
    /// The workspace/organization the new key must reach (the account's), if any.
    pub workspace: Option<String>,
    /// Automatic mode: the old key's API identity (what to copy, what to revoke).
    pub old_remote: Option<OldRemoteKey>,
    /// Automatic mode: the key this rotation created, until it is active or revoked again.
    pub new_remote: Option<NewRemoteKey>,
    /// Automatic mode: a create call was sent whose key this rotation may not know about.
    pub stray_keys_possible: bool,
    /// Guided mode: the expiry the user gave for the new key (recorded when it becomes active).
    #[serde(default)]
    pub new_expires_at: Option<DateTime<Utc>>,
    /// Why the last action did not move the rotation on (shown to the user; no secrets).
    pub last_error: Option<AppError>,
}

impl Rotation {
    /// A rotation that has just started. Automatic mode needs the old key's API identity.
    pub fn start(
        provider: ProviderKind,
        old_masked: impl Into<String>,
        workspace: Option<String>,
        old_remote: Option<OldRemoteKey>,
        now: DateTime<Utc>,
    ) -> Result<Rotation, AppError> {
        let mode = RotationMode::for_provider(provider);
        if mode == RotationMode::Automatic && old_remote.is_none() {
            return Err(AppError::bad_input(format!(
                "{} rotates keys through its API, but the current key was not found in the \
                 service's key list. Verify the account first",
                provider.display_name()
            )));
        }
        Ok(Rotation {
            provider,
            mode,
            step: Step::AwaitingNewKey,
            started_at: now,
            old_masked: old_masked.into(),
            new_masked: None,
            workspace,
            old_remote,
            new_remote: None,
            stray_keys_possible: false,
            new_expires_at: None,
            last_error: None,
        })
    }
}

/// The lifetime in whole days of a key created at `created_at` that expires at `expires_at`
/// (rounded up, at least 1), or [`DEFAULT_KEY_LIFETIME_DAYS`] when either date is unknown.
/// A key without expiry also gets the default: a rotation never creates a key that lives forever.
pub fn key_lifetime_days(
    created_at: Option<DateTime<Utc>>,
    expires_at: Option<DateTime<Utc>>,
) -> u32 {
    match (created_at, expires_at) {
        (Some(created), Some(expires)) if expires > created => {
            let seconds = (expires - created).num_seconds();
            let days = (seconds + 86_399) / 86_400;
            u32::try_from(days.max(1)).unwrap_or(u32::MAX)
        }
        _ => DEFAULT_KEY_LIFETIME_DAYS,
    }
}
