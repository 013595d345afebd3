//! What the outcome of an action (or a user's request) does to a rotation: a pure function.

use qrdesk_core::{AppError, ErrorKind};

use super::state::{NewRemoteKey, Rotation, RotationMode, Step};

/// The outcome of the planned [`super::Action`], or a request from the user.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Automatic: a create request is about to be sent (persist this before sending it).
    CreateStarted,
    /// The new key is in the keychain's pending slot (`remote`: the key the API created).
    NewKeyStaged { masked: String, remote: Option<NewRemoteKey> },
    /// Keys left by an interrupted create call were revoked.
    StrayKeysRevoked,
    /// The pending key works; these are the workspaces/organizations it reaches (empty for
    /// services without them).
    Verified { workspaces: Vec<String> },
    /// The service refused the pending key, or could not be asked.
    VerificationFailed(AppError),
    /// The keychain switch (`promote_pending`) finished.
    Promoted,
    /// The user says the old key was revoked in the dashboard (`account confirm-revoked`).
    UserConfirmedRevoked,
    /// The old key was revoked through the API.
    OldRemoteKeyRevoked,
    /// The service now refuses the old key (401/403/revoked).
    OldKeyRejected,
    /// The service still accepts the old key.
    OldKeyStillWorks,
    /// The old key was deleted from the keychain.
    OldKeyDeleted,
    /// The key this rotation created was revoked again (cleanup).
    NewRemoteKeyRevoked,
    /// The pending key was deleted from the keychain (cleanup).
    PendingDiscarded,
    /// The user abandons the rotation.
    Abandon,
    /// The user goes back to step 1 before the switch (to enter another key): the staged key
    /// is cleaned up as if it had been refused.
    Back,
    /// The action failed in a way retrying may fix (network, rate limit, locked keychain); the
    /// rotation stays where it is and shows the error.
    ActionFailed(AppError),
}

/// A line for the audit log: a stable event name and a sentence with masked keys only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditNote {
    pub event: &'static str,
    pub detail: String,
}

/// The new state to persist, with the audit note to write in the same transaction.
#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    pub rotation: Rotation,
    pub audit: AuditNote,
}

/// Applies `event` to `rotation`. Refuses (with a sentence for the user) events that make no
/// sense at the current step, above all abandoning after the keychain has switched.
pub fn advance(rotation: &Rotation, event: Event) -> Result<Transition, AppError> {
    let mut next = rotation.clone();
    let old = rotation.old_masked.as_str();
    let new = rotation.new_masked.as_deref().unwrap_or("the new key");
    let provider = rotation.provider.display_name();
    let automatic = rotation.mode == RotationMode::Automatic;

    let (event_name, detail) = match (rotation.step, event) {
        (step, _) if step.is_terminal() => return Err(finished(rotation)),

        (step, Event::ActionFailed(err)) => {
            let detail = format!("Step {} of 5 did not finish: {}", step.number(), err.message);
            next.last_error = Some(err);
            ("rotation_error", detail)
        }

        (Step::AwaitingNewKey, Event::CreateStarted) if automatic => {
            next.stray_keys_possible = true;
            let name = rotation.old_remote.as_ref().map_or("", |old| old.name.as_str());
            (
                "rotation_key_create_requested",
                format!("Asked {provider} to create a new key named \"{name}\"."),
            )
        }
        (Step::AwaitingNewKey, Event::StrayKeysRevoked) if automatic => {
            next.stray_keys_possible = false;
            (
                "rotation_stray_keys_revoked",
                format!("Revoked keys left by an interrupted create call on {provider}."),
            )
        }
        (Step::AwaitingNewKey, Event::NewKeyStaged { masked, remote }) => {
            if automatic != remote.is_some() {
                return Err(out_of_order(rotation, "a new key arrived from the wrong source"));
            }
            let detail = match &remote {
                Some(_) => format!(
                    "Step 1 of 5: {provider} created the new key {masked}; it is kept in the \
                     keychain as pending."
                ),
                None => format!(
                    "Step 1 of 5: new key {masked} entered; it is kept in the keychain as pending."
                ),
            };
            next.step = Step::NewKeyStaged;
            next.new_masked = Some(masked);
            next.new_remote = remote;
            next.stray_keys_possible = false;
            next.last_error = None;
            ("rotation_new_key_staged", detail)
        }

        (Step::NewKeyStaged, Event::Verified { workspaces }) => match &rotation.workspace {
            Some(wanted) if !workspaces.iter().any(|w| w == wanted) => {
                let err = AppError::new(
                    ErrorKind::NotAMember,
                    format!(
                        "The new key {new} cannot reach \"{wanted}\", the workspace or \
                         organization this account uses, so it was not used"
                    ),
                );
                let detail =
                    format!("Step 2 of 5: new key {new} refused: it cannot reach \"{wanted}\".");
                next.step = Step::RejectingNewKey;
                next.last_error = Some(err);
                ("rotation_new_key_rejected", detail)
            }
            _ => {
                next.step = Step::NewKeyVerified;
                next.last_error = None;
                let scope = rotation
                    .workspace
                    .as_deref()
                    .map(|w| format!(" for \"{w}\""))
                    .unwrap_or_default();
                ("rotation_new_key_verified", format!("Step 2 of 5: new key {new} works{scope}."))
            }
        },
        (Step::NewKeyStaged, Event::VerificationFailed(err)) => {
            if retry_may_help(&err) {
                let detail =
                    format!("Step 2 of 5: could not check the new key yet: {}", err.message);
                next.last_error = Some(err);
                ("rotation_error", detail)
            } else {
                let detail = format!("Step 2 of 5: new key {new} refused: {}", err.message);
                next.step = Step::RejectingNewKey;
                next.last_error = Some(err);
                ("rotation_new_key_rejected", detail)
            }
        }

        (Step::NewKeyVerified, Event::Promoted) => {
            next.step = Step::Switched;
            next.new_remote = None; // now the account's key, never revoked by this rotation
            next.last_error = None;
            let detail = format!(
                "Step 3 of 5: {new} is now the active key; the old key {old} is kept until it is \
                 revoked."
            );
            ("rotation_switched", detail)
        }

        (Step::Switched, Event::UserConfirmedRevoked) if !automatic => {
            next.step = Step::OldKeyRevoked;
            next.last_error = None;
            (
                "rotation_old_key_revoked",
                format!("Step 4 of 5: you confirmed that the old key {old} was revoked."),
            )
        }
        (Step::Switched, Event::OldRemoteKeyRevoked) if automatic => {
            next.step = Step::OldKeyRevoked;
            next.last_error = None;
            (
                "rotation_old_key_revoked",
                format!(
                    "Step 4 of 5: QR Desk revoked the old key {old} through the {provider} API."
                ),
            )
        }
        (_, Event::UserConfirmedRevoked) if automatic => {
            return Err(AppError::with_message(
                ErrorKind::BadInput,
                format!(
                    "QR Desk revokes the old key itself for {provider}; there is nothing to \
                     confirm."
                ),
            ));
        }
        (Step::OldKeyRevoked | Step::OldKeyDead, Event::UserConfirmedRevoked) => (
            "rotation_old_key_revoked",
            format!("You confirmed again that the old key {old} was revoked."),
        ),
        (step, Event::UserConfirmedRevoked) if !step.is_switched() => {
            return Err(AppError::with_message(
                ErrorKind::BadInput,
                "The new key is not active yet, so the old key must not be revoked now. Finish \
                 entering and checking the new key first.",
            ));
        }

        (Step::OldKeyRevoked, Event::OldKeyRejected) => {
            next.step = Step::OldKeyDead;
            next.last_error = None;
            (
                "rotation_old_key_dead",
                format!("Step 5 of 5: {provider} now refuses the old key {old}."),
            )
        }
        (Step::OldKeyRevoked, Event::OldKeyStillWorks) => {
            let err = if automatic {
                AppError::new(
                    ErrorKind::ServerError,
                    format!(
                        "{provider} still accepts the old key {old} after revoking it; QR Desk \
                         will revoke it again"
                    ),
                )
            } else {
                AppError::with_message(
                    ErrorKind::BadInput,
                    format!(
                        "{provider} still accepts the old key {old}. Revoke it in {}, then \
                         confirm again.",
                        rotation.provider.key_dashboard_hint()
                    ),
                )
            };
            let detail = format!("Step 5 of 5: the old key {old} still works.");
            next.step = Step::Switched;
            next.last_error = Some(err);
            ("rotation_old_key_still_works", detail)
        }
        (Step::OldKeyDead, Event::OldKeyDeleted) => {
            next.step = Step::Completed;
            next.last_error = None;
            let detail = format!(
                "Step 5 of 5: the old key {old} was deleted from the keychain. Rotation complete."
            );
            ("rotation_completed", detail)
        }

        (Step::RejectingNewKey | Step::Abandoning, Event::StrayKeysRevoked) if automatic => {
            next.stray_keys_possible = false;
            (
                "rotation_stray_keys_revoked",
                format!("Revoked keys left by an interrupted create call on {provider}."),
            )
        }
        (Step::RejectingNewKey | Step::Abandoning, Event::NewRemoteKeyRevoked) if automatic => {
            next.new_remote = None;
            ("rotation_new_key_revoked", format!("Revoked the unused new key {new} on {provider}."))
        }
        (Step::RejectingNewKey, Event::PendingDiscarded) => {
            next.step = Step::AwaitingNewKey;
            next.new_masked = None;
            next.new_expires_at = None;
            // last_error stays: it says why another key is needed.
            (
                "rotation_new_key_discarded",
                format!(
                    "The unused key {new} was removed from the keychain. Waiting for another key."
                ),
            )
        }
        (Step::Abandoning, Event::PendingDiscarded) => {
            next.step = Step::Abandoned;
            next.new_masked = None;
            next.last_error = None;
            ("rotation_abandoned", format!("Rotation abandoned; the account still uses {old}."))
        }

        (Step::NewKeyStaged | Step::NewKeyVerified, Event::Back) => {
            next.step = Step::RejectingNewKey;
            next.last_error = None;
            (
                "rotation_back",
                format!(
                    "Back to step 1 of 5: the new key {new} will be removed from the keychain."
                ),
            )
        }
        (Step::AwaitingNewKey | Step::RejectingNewKey, Event::Back) => {
            return Err(AppError::with_message(
                ErrorKind::BadInput,
                "The rotation is already at step 1: enter the new key.",
            ));
        }
        (step, Event::Back) if step.is_switched() => {
            return Err(AppError::with_message(
                ErrorKind::BadInput,
                format!(
                    "The new key {new} is already the active key, so the rotation cannot go back. \
                     Finish it: revoke the old key {old} in {}, then confirm.",
                    rotation.provider.key_dashboard_hint()
                ),
            ));
        }

        (Step::Abandoning, Event::Abandon) => {
            ("rotation_abandon_requested", "Abandon requested again.".to_string())
        }
        (step, Event::Abandon) if step.is_switched() => {
            return Err(AppError::with_message(
                ErrorKind::BadInput,
                format!(
                    "The new key {new} is already the active key, so this rotation can no longer be \
                     abandoned. Finish it: revoke the old key {old} in {}, then confirm.",
                    rotation.provider.key_dashboard_hint()
                ),
            ));
        }
        (_, Event::Abandon) => {
            next.step = Step::Abandoning;
            next.last_error = None;
            (
                "rotation_abandon_requested",
                format!("Abandoning the rotation; the account keeps {old}."),
            )
        }

        (_, event) => return Err(out_of_order(rotation, &format!("{event:?}"))),
    };
    Ok(Transition { rotation: next, audit: AuditNote { event: event_name, detail } })
}

/// Worth retrying at the same step: the service or the keychain could not answer.
fn retry_may_help(err: &AppError) -> bool {
    err.kind.is_transient() || err.kind == ErrorKind::KeychainUnavailable
}

fn finished(rotation: &Rotation) -> AppError {
    AppError::with_message(
        ErrorKind::BadInput,
        format!(
            "This rotation is already {}. Start a new one if needed.",
            match rotation.step {
                Step::Abandoned => "abandoned",
                _ => "complete",
            }
        ),
    )
}

/// An event the executor should not have produced at this step (a bug, not a user error).
fn out_of_order(rotation: &Rotation, what: &str) -> AppError {
    AppError::bad_input(format!(
        "The key rotation got an unexpected result ({}) at step \"{}\"; nothing was changed",
        short(what),
        rotation.step.as_str()
    ))
}

/// The variant name of an event's Debug form (payloads may be long; they hold no secrets).
fn short(what: &str) -> &str {
    what.split(['(', ' ', '{']).next().unwrap_or(what)
}
