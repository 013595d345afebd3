//! Which action a rotation needs next: a pure function of its persisted state.

use chrono::{DateTime, Utc};

use super::state::{Rotation, RotationMode, Step};

/// The next thing the executor does. After doing it, it reports the outcome with
/// [`super::advance`] (the matching [`super::Event`] is named on each variant) and persists
/// the result. Every action is safe to repeat after a crash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Guided, step 1: wait for the user to enter the new key. The executor refuses a key equal
    /// to the active one, stores it in the keychain's pending slot, then reports
    /// `NewKeyStaged { remote: None }`.
    AskForNewKey,
    /// Automatic, step 1: first report `CreateStarted` and persist it; then create a key with
    /// this name, scopes and lifetime through the API, store it in the pending slot and report
    /// `NewKeyStaged { remote: Some(..) }`.
    CreateRemoteKey { name: String, scopes: Vec<String>, lifetime_days: u32 },
    /// Automatic, after an interrupted create: revoke every key named `name` created at or
    /// after `since`, except `keep_uid` (the old key) and `also_keep` (a new key this rotation
    /// still tracks). Then report `StrayKeysRevoked`.
    RevokeStrayRemoteKeys {
        name: String,
        since: DateTime<Utc>,
        keep_uid: String,
        also_keep: Option<String>,
    },
    /// Step 2: check the pending key against the service and list the workspaces or
    /// organizations it reaches; report `Verified { .. }` or `VerificationFailed(..)`.
    VerifyPendingKey,
    /// Step 3: `SecretStore::promote_pending`; report `Promoted`.
    PromoteInKeychain,
    /// Guided, step 4: tell the user where to revoke the old key (`dashboard`), then wait for
    /// `qrdesk account confirm-revoked`, which reports `UserConfirmedRevoked`.
    WaitForUserToRevoke { dashboard: &'static str },
    /// Automatic, step 4: revoke the old key through the API (an already revoked or unknown key
    /// counts as revoked); report `OldRemoteKeyRevoked`.
    RevokeOldRemoteKey { uid: String },
    /// Step 5: call the service with the key in the "pending revoke" slot; report
    /// `OldKeyRejected` (401/403/revoked) or `OldKeyStillWorks`.
    CheckOldKeyRejected,
    /// Step 5: delete the "pending revoke" slot; report `OldKeyDeleted`.
    DeleteOldKeyFromKeychain,
    /// Cleanup (rejected new key, or abandon): revoke the key this rotation created; report
    /// `NewRemoteKeyRevoked`.
    RevokeNewRemoteKey { uid: String },
    /// Cleanup: `SecretStore::discard_pending` (drops the pending key and, if a promotion ran
    /// before a crash kept step 3 from being recorded, makes the old key active again); report
    /// `PendingDiscarded`.
    DiscardPendingKey,
    /// Terminal step: nothing left to do.
    Finished,
}

impl Action {
    /// The rotation waits for the user; the executor stops here and shows what to do.
    pub fn waits_for_user(&self) -> bool {
        matches!(self, Action::AskForNewKey | Action::WaitForUserToRevoke { .. })
    }
}

/// The action `rotation` needs next.
pub fn next_action(rotation: &Rotation) -> Action {
    match rotation.step {
        Step::AwaitingNewKey => match (rotation.mode, &rotation.old_remote) {
            (RotationMode::Automatic, Some(old)) => {
                if rotation.stray_keys_possible {
                    revoke_strays(rotation)
                } else {
                    Action::CreateRemoteKey {
                        name: created_key_name(&old.name, rotation.started_at),
                        scopes: old.scopes.clone(),
                        lifetime_days: old.lifetime_days,
                    }
                }
            }
            // Automatic without the old key's identity cannot happen (Rotation::start refuses
            // it); asking the user is the safe fallback.
            _ => Action::AskForNewKey,
        },
        Step::NewKeyStaged => Action::VerifyPendingKey,
        Step::NewKeyVerified => Action::PromoteInKeychain,
        Step::Switched => match (rotation.mode, &rotation.old_remote) {
            (RotationMode::Automatic, Some(old)) => {
                Action::RevokeOldRemoteKey { uid: old.uid.clone() }
            }
            _ => Action::WaitForUserToRevoke { dashboard: rotation.provider.key_dashboard_hint() },
        },
        Step::OldKeyRevoked => Action::CheckOldKeyRejected,
        Step::OldKeyDead => Action::DeleteOldKeyFromKeychain,
        Step::RejectingNewKey | Step::Abandoning => {
            if rotation.stray_keys_possible {
                revoke_strays(rotation)
            } else if let Some(new) = &rotation.new_remote {
                Action::RevokeNewRemoteKey { uid: new.uid.clone() }
            } else {
                Action::DiscardPendingKey
            }
        }
        Step::Completed | Step::Abandoned => Action::Finished,
    }
}

/// The name a key created by this rotation gets: the old key's name (without an earlier
/// rotation's tag) and a tag unique to this rotation. The clean-up after an interrupted create
/// revokes only keys carrying exactly this tag, never a key the person named the same way.
pub fn created_key_name(old_name: &str, started_at: DateTime<Utc>) -> String {
    let base = match old_name.rfind(" [qrdesk-") {
        Some(at) if old_name.ends_with(']') => &old_name[..at],
        _ => old_name,
    };
    format!("{} [qrdesk-{}]", base.trim_end(), started_at.timestamp_millis())
}

fn revoke_strays(rotation: &Rotation) -> Action {
    match &rotation.old_remote {
        Some(old) => Action::RevokeStrayRemoteKeys {
            name: created_key_name(&old.name, rotation.started_at),
            since: rotation.started_at,
            keep_uid: old.uid.clone(),
            also_keep: rotation.new_remote.as_ref().map(|new| new.uid.clone()),
        },
        None => Action::DiscardPendingKey,
    }
}
