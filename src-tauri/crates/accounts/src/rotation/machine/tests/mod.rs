//! Case tables for the transitions, and whole rotations run against a small model of the
//! keychain and the service (`model.rs`), with a crash injected after every single action
//! (`whole_rotations.rs`).

mod model;
mod whole_rotations;

use chrono::{DateTime, Duration, TimeZone, Utc};
use qrdesk_core::{AppError, ErrorKind, ProviderKind};

use super::*;

pub(super) fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).single().expect("valid date")
}

pub(super) const OLD: &str = "old-secret";
pub(super) const OLD_UID: &str = "uid-old";

pub(super) fn old_remote() -> OldRemoteKey {
    OldRemoteKey {
        uid: OLD_UID.into(),
        name: "Production".into(),
        scopes: vec!["invoices:read".into()],
        lifetime_days: 30,
    }
}

pub(super) fn start(provider: ProviderKind, workspace: Option<&str>) -> Rotation {
    let remote = (RotationMode::for_provider(provider) == RotationMode::Automatic).then(old_remote);
    Rotation::start(provider, "old…cret", workspace.map(str::to_string), remote, t0())
        .expect("start")
}

pub(super) fn at(provider: ProviderKind, step: Step) -> Rotation {
    let mut rotation = start(provider, None);
    rotation.step = step;
    if step != Step::AwaitingNewKey {
        rotation.new_masked = Some("new…0001".into());
    }
    rotation
}

pub(super) fn staged(remote: bool) -> Event {
    let remote = remote.then(|| NewRemoteKey { uid: "uid-new".into(), expires_at: None });
    Event::NewKeyStaged { masked: "new…0001".into(), remote }
}

// ---------------------------------------------------------------- case tables

#[test]
fn transitions_case_table() {
    use ProviderKind::{Exante as Auto, QrCodePro as Guided};
    use Step::*;
    let network = || AppError::of(ErrorKind::Network);
    let invalid = || AppError::of(ErrorKind::InvalidCredentials);
    // (provider, from, event, expected step or None for "refused")
    let cases: Vec<(ProviderKind, Step, Event, Option<Step>)> = vec![
        (Guided, AwaitingNewKey, staged(false), Some(NewKeyStaged)),
        (Guided, AwaitingNewKey, staged(true), None),
        (Guided, AwaitingNewKey, Event::CreateStarted, None),
        (Auto, AwaitingNewKey, Event::CreateStarted, Some(AwaitingNewKey)),
        (Auto, AwaitingNewKey, staged(true), Some(NewKeyStaged)),
        (Auto, AwaitingNewKey, staged(false), None),
        (Auto, AwaitingNewKey, Event::StrayKeysRevoked, Some(AwaitingNewKey)),
        (Guided, NewKeyStaged, Event::Verified { workspaces: vec![] }, Some(NewKeyVerified)),
        (Guided, NewKeyStaged, Event::VerificationFailed(network()), Some(NewKeyStaged)),
        (Guided, NewKeyStaged, Event::VerificationFailed(invalid()), Some(RejectingNewKey)),
        (Guided, NewKeyStaged, Event::Promoted, None),
        (Guided, NewKeyVerified, Event::Promoted, Some(Switched)),
        (Guided, NewKeyVerified, Event::UserConfirmedRevoked, None),
        (Guided, Switched, Event::UserConfirmedRevoked, Some(OldKeyRevoked)),
        (Guided, Switched, Event::OldRemoteKeyRevoked, None),
        (Auto, Switched, Event::OldRemoteKeyRevoked, Some(OldKeyRevoked)),
        (Auto, Switched, Event::UserConfirmedRevoked, None),
        (Guided, OldKeyRevoked, Event::OldKeyRejected, Some(OldKeyDead)),
        (Guided, OldKeyRevoked, Event::OldKeyStillWorks, Some(Switched)),
        (Auto, OldKeyRevoked, Event::OldKeyStillWorks, Some(Switched)),
        (Guided, OldKeyRevoked, Event::UserConfirmedRevoked, Some(OldKeyRevoked)),
        (Guided, OldKeyDead, Event::OldKeyDeleted, Some(Completed)),
        (Guided, RejectingNewKey, Event::PendingDiscarded, Some(AwaitingNewKey)),
        (Auto, RejectingNewKey, Event::NewRemoteKeyRevoked, Some(RejectingNewKey)),
        (Guided, Abandoning, Event::PendingDiscarded, Some(Abandoned)),
        (Guided, Abandoning, Event::Abandon, Some(Abandoning)),
        (Guided, AwaitingNewKey, Event::Abandon, Some(Abandoning)),
        (Guided, NewKeyStaged, Event::Abandon, Some(Abandoning)),
        (Guided, NewKeyVerified, Event::Abandon, Some(Abandoning)),
        (Guided, RejectingNewKey, Event::Abandon, Some(Abandoning)),
        (Guided, NewKeyStaged, Event::Back, Some(RejectingNewKey)),
        (Auto, NewKeyVerified, Event::Back, Some(RejectingNewKey)),
        (Guided, AwaitingNewKey, Event::Back, None),
        (Guided, Switched, Event::Back, None),
        (Auto, OldKeyDead, Event::Back, None),
        (Guided, Switched, Event::Abandon, None),
        (Guided, OldKeyRevoked, Event::Abandon, None),
        (Guided, OldKeyDead, Event::Abandon, None),
        (Guided, Switched, Event::ActionFailed(network()), Some(Switched)),
        (Guided, Completed, Event::ActionFailed(network()), None),
        (Guided, Completed, Event::Abandon, None),
        (Guided, Abandoned, staged(false), None),
    ];
    for (provider, from, event, expected) in cases {
        let rotation = at(provider, from);
        let label = format!("{provider:?} {from:?} + {event:?}");
        match (advance(&rotation, event), expected) {
            (Ok(t), Some(step)) => {
                assert_eq!(t.rotation.step, step, "{label}");
                assert!(t.audit.event.starts_with("rotation_"), "{label}: audit {}", t.audit.event);
            }
            (Err(err), None) => {
                assert_eq!(err.kind, ErrorKind::BadInput, "{label}: {}", err.message)
            }
            (Ok(t), None) => panic!("{label}: expected a refusal, got {:?}", t.rotation.step),
            (Err(err), Some(step)) => {
                panic!("{label}: expected {step:?}, refused: {}", err.message)
            }
        }
    }
}

#[test]
fn next_action_case_table() {
    use ProviderKind::{Exante as Auto, IloveQr as Guided};
    let cases: Vec<(ProviderKind, Step, Action)> = vec![
        (Guided, Step::AwaitingNewKey, Action::AskForNewKey),
        (
            Auto,
            Step::AwaitingNewKey,
            Action::CreateRemoteKey {
                name: super::plan::created_key_name("Production", t0()),
                scopes: vec!["invoices:read".into()],
                lifetime_days: 30,
            },
        ),
        (Guided, Step::NewKeyStaged, Action::VerifyPendingKey),
        (Guided, Step::NewKeyVerified, Action::PromoteInKeychain),
        (
            Guided,
            Step::Switched,
            Action::WaitForUserToRevoke { dashboard: Guided.key_dashboard_hint() },
        ),
        (Auto, Step::Switched, Action::RevokeOldRemoteKey { uid: OLD_UID.into() }),
        (Guided, Step::OldKeyRevoked, Action::CheckOldKeyRejected),
        (Guided, Step::OldKeyDead, Action::DeleteOldKeyFromKeychain),
        (Guided, Step::RejectingNewKey, Action::DiscardPendingKey),
        (Guided, Step::Abandoning, Action::DiscardPendingKey),
        (Guided, Step::Completed, Action::Finished),
        (Guided, Step::Abandoned, Action::Finished),
    ];
    for (provider, step, expected) in cases {
        assert_eq!(next_action(&at(provider, step)), expected, "{provider:?} {step:?}");
    }
    // An interrupted create is cleaned up before anything else, and a created key is revoked
    // when the rotation is abandoned.
    let mut auto = at(Auto, Step::AwaitingNewKey);
    auto.stray_keys_possible = true;
    assert!(
        matches!(next_action(&auto), Action::RevokeStrayRemoteKeys { ref keep_uid, .. } if keep_uid == OLD_UID)
    );
    auto.step = Step::Abandoning;
    auto.stray_keys_possible = false;
    auto.new_remote = Some(NewRemoteKey { uid: "uid-new".into(), expires_at: None });
    assert_eq!(next_action(&auto), Action::RevokeNewRemoteKey { uid: "uid-new".into() });
}

#[test]
fn automatic_rotation_needs_the_old_keys_identity() {
    let err = Rotation::start(ProviderKind::Exante, "ex_live_…AbCd", None, None, t0())
        .expect_err("no uid");
    assert_eq!(err.kind, ErrorKind::BadInput);
    assert_eq!(RotationMode::for_provider(ProviderKind::ExaRoutes), RotationMode::Guided);
}

#[test]
fn lifetime_is_copied_or_defaults_to_90_days() {
    let cases = [
        (Some(t0()), Some(t0() + Duration::days(30)), 30),
        (Some(t0()), Some(t0() + Duration::days(30) + Duration::hours(1)), 31),
        (Some(t0()), Some(t0() + Duration::hours(2)), 1),
        (Some(t0()), None, 90),
        (None, Some(t0()), 90),
        (Some(t0()), Some(t0() - Duration::days(1)), 90),
    ];
    for (created, expires, days) in cases {
        assert_eq!(key_lifetime_days(created, expires), days, "{created:?} → {expires:?}");
    }
}

#[test]
fn steps_round_trip_and_state_serialises_without_secrets() {
    for step in Step::ALL {
        assert_eq!(Step::parse(step.as_str()), Some(step));
    }
    let rotation =
        advance(&start(ProviderKind::Exante, Some("org-1")), staged(true)).expect("stage").rotation;
    let json = serde_json::to_string(&rotation).expect("json");
    assert!(json.contains(r#""step":"new_key_staged""#), "{json}");
    let back: Rotation = serde_json::from_str(&json).expect("parse");
    assert_eq!(back, rotation);
}
