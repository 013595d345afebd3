//! Case tables for the transitions, and whole rotations run against a small model of the
//! keychain and the service, with a crash injected after every single action.

use chrono::{DateTime, Duration, TimeZone, Utc};
use qrdesk_core::{AppError, ErrorKind, ProviderKind};

use super::*;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).single().expect("valid date")
}

const OLD: &str = "old-secret";
const OLD_UID: &str = "uid-old";

fn old_remote() -> OldRemoteKey {
    OldRemoteKey {
        uid: OLD_UID.into(),
        name: "Production".into(),
        scopes: vec!["invoices:read".into()],
        lifetime_days: 30,
    }
}

fn start(provider: ProviderKind, workspace: Option<&str>) -> Rotation {
    let remote = (RotationMode::for_provider(provider) == RotationMode::Automatic).then(old_remote);
    Rotation::start(provider, "old…cret", workspace.map(str::to_string), remote, t0())
        .expect("start")
}

fn at(provider: ProviderKind, step: Step) -> Rotation {
    let mut rotation = start(provider, None);
    rotation.step = step;
    if step != Step::AwaitingNewKey {
        rotation.new_masked = Some("new…0001".into());
    }
    rotation
}

fn staged(remote: bool) -> Event {
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
                name: "Production".into(),
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

// ---------------------------------------------------------------- whole rotations on a model

/// A remote key as the service's key API knows it.
#[derive(Debug, Clone)]
struct RemoteKey {
    uid: String,
    name: String,
    secret: String,
    created_at: DateTime<Utc>,
    revoked: bool,
}

/// The keychain slots and the service, reduced to what the rotation can observe.
#[derive(Debug)]
struct World {
    active: Option<String>,
    pending: Option<String>,
    pending_revoke: Option<String>,
    remote: Vec<RemoteKey>,
    revoked_in_dashboard: Vec<String>,
    verified: Vec<String>,
    /// Workspaces every new key reaches.
    reach: Vec<String>,
    now: DateTime<Utc>,
    counter: u32,
}

impl World {
    fn new(mode: RotationMode) -> World {
        let remote = match mode {
            RotationMode::Automatic => vec![RemoteKey {
                uid: OLD_UID.into(),
                name: "Production".into(),
                secret: OLD.into(),
                created_at: t0() - Duration::days(60),
                revoked: false,
            }],
            RotationMode::Guided => Vec::new(),
        };
        World {
            active: Some(OLD.into()),
            pending: None,
            pending_revoke: None,
            remote,
            revoked_in_dashboard: Vec::new(),
            verified: Vec::new(),
            reach: vec!["acme".into()],
            now: t0(),
            counter: 0,
        }
    }

    fn works(&self, secret: &str) -> bool {
        !self.revoked_in_dashboard.iter().any(|s| s == secret)
            && !self.remote.iter().any(|k| k.secret == secret && k.revoked)
    }

    /// The old key may only be revoked once a verified new key is active.
    fn assert_old_key_may_be_revoked(&self) {
        let active = self.active.as_deref().unwrap_or("");
        assert!(
            active != OLD && self.verified.iter().any(|v| v == active),
            "the old key was revoked before a verified new key was active: {self:?}"
        );
    }

    fn revoke_uid(&mut self, uid: &str) {
        if uid == OLD_UID {
            self.assert_old_key_may_be_revoked();
        }
        if let Some(key) = self.remote.iter_mut().find(|k| k.uid == uid) {
            key.revoked = true;
        }
    }

    /// Performs one unit of `action`: its effect on the world and the event it reports.
    /// `CreateRemoteKey` is two units: persisting `CreateStarted`, then the call itself.
    fn perform(&mut self, rotation: &Rotation, action: &Action) -> Event {
        match action {
            Action::AskForNewKey => {
                self.counter += 1;
                let secret = format!("user-key-{}", self.counter);
                self.pending = Some(secret.clone());
                Event::NewKeyStaged { masked: format!("…{secret}"), remote: None }
            }
            Action::CreateRemoteKey { .. } => Event::CreateStarted,
            Action::RevokeStrayRemoteKeys { name, since, keep_uid, also_keep } => {
                let strays: Vec<String> = self
                    .remote
                    .iter()
                    .filter(|k| &k.name == name && k.created_at >= *since)
                    .filter(|k| &k.uid != keep_uid && Some(&k.uid) != also_keep.as_ref())
                    .map(|k| k.uid.clone())
                    .collect();
                strays.iter().for_each(|uid| self.revoke_uid(uid));
                Event::StrayKeysRevoked
            }
            Action::VerifyPendingKey => match self.pending.clone() {
                Some(secret) if self.works(&secret) => {
                    if rotation.workspace.as_ref().is_none_or(|w| self.reach.contains(w)) {
                        self.verified.push(secret);
                    }
                    Event::Verified { workspaces: self.reach.clone() }
                }
                _ => Event::VerificationFailed(AppError::of(ErrorKind::InvalidCredentials)),
            },
            Action::PromoteInKeychain => {
                if let Some(new) = self.pending.take() {
                    if self.active.as_ref() != Some(&new) {
                        if self.pending_revoke.is_none() {
                            self.pending_revoke = self.active.take();
                        }
                        self.active = Some(new);
                    }
                }
                Event::Promoted
            }
            Action::WaitForUserToRevoke { .. } => {
                self.assert_old_key_may_be_revoked();
                let old = self.pending_revoke.clone().expect("old key kept for revocation");
                self.revoked_in_dashboard.push(old);
                Event::UserConfirmedRevoked
            }
            Action::RevokeOldRemoteKey { uid } => {
                self.revoke_uid(uid);
                Event::OldRemoteKeyRevoked
            }
            Action::CheckOldKeyRejected => match &self.pending_revoke {
                Some(old) if self.works(old) => Event::OldKeyStillWorks,
                _ => Event::OldKeyRejected,
            },
            Action::DeleteOldKeyFromKeychain => {
                self.pending_revoke = None;
                Event::OldKeyDeleted
            }
            Action::RevokeNewRemoteKey { uid } => {
                self.revoke_uid(uid);
                Event::NewRemoteKeyRevoked
            }
            Action::DiscardPendingKey => {
                // SecretStore::discard_pending: undo an unrecorded promotion, drop the new key.
                if let Some(old) = self.pending_revoke.take() {
                    self.active = Some(old);
                }
                self.pending = None;
                Event::PendingDiscarded
            }
            Action::Finished => unreachable!("terminal"),
        }
    }

    /// The second unit of `CreateRemoteKey`: the API call, then staging the key.
    fn create_remote(&mut self, name: &str) -> Event {
        self.counter += 1;
        self.now += Duration::minutes(1);
        let (uid, secret) =
            (format!("uid-new-{}", self.counter), format!("api-key-{}", self.counter));
        self.remote.push(RemoteKey {
            uid: uid.clone(),
            name: name.to_string(),
            secret: secret.clone(),
            created_at: self.now,
            revoked: false,
        });
        self.pending = Some(secret.clone());
        Event::NewKeyStaged {
            masked: format!("…{secret}"),
            remote: Some(NewRemoteKey { uid, expires_at: None }),
        }
    }
}

/// Runs the executor loop until `stop` holds or the rotation is terminal. The unit numbered
/// `crash_at` performs its effect but its event is lost, as if the process was killed before
/// persisting; the loop then resumes from the persisted state. Returns the persisted state and
/// the number of units run.
fn run(
    mut persisted: Rotation,
    world: &mut World,
    crash_at: Option<usize>,
    stop: impl Fn(&Rotation, &World) -> bool,
) -> (Rotation, usize) {
    let mut unit = 0;
    for _ in 0..60 {
        if persisted.step.is_terminal() || stop(&persisted, world) {
            return (persisted, unit);
        }
        let action = next_action(&persisted);
        let event = world.perform(&persisted, &action);
        let crashed = crash_at == Some(unit);
        unit += 1;
        if crashed {
            continue;
        }
        persisted = advance(&persisted, event.clone()).expect("a planned outcome applies").rotation;
        if let (Event::CreateStarted, Action::CreateRemoteKey { name, .. }) = (&event, &action) {
            // The create call itself, sent only once CreateStarted is persisted: its own unit.
            let created = world.create_remote(name);
            let crashed = crash_at == Some(unit);
            unit += 1;
            if !crashed {
                persisted = advance(&persisted, created).expect("created key staged").rotation;
            }
        }
    }
    panic!("the rotation did not finish: {persisted:?} {world:?}");
}

fn assert_completed(rotation: &Rotation, world: &World, ctx: &str) {
    assert_eq!(rotation.step, Step::Completed, "{ctx}");
    let active = world.active.clone().expect("an active key");
    assert_ne!(active, OLD, "{ctx}: the new key is active");
    assert!(
        world.works(&active) && world.verified.contains(&active),
        "{ctx}: it works and was verified"
    );
    assert!(!world.works(OLD), "{ctx}: the old key is dead");
    assert_eq!((&world.pending, &world.pending_revoke), (&None, &None), "{ctx}: keychain tidy");
    for key in &world.remote {
        assert!(key.revoked || key.secret == active, "{ctx}: live stray key {key:?}");
    }
}

fn assert_unchanged(rotation: &Rotation, world: &World, ctx: &str) {
    assert_eq!(rotation.step, Step::Abandoned, "{ctx}");
    assert_eq!(world.active.as_deref(), Some(OLD), "{ctx}: the account keeps its key");
    assert!(world.works(OLD), "{ctx}: the old key was not revoked");
    assert_eq!((&world.pending, &world.pending_revoke), (&None, &None), "{ctx}: keychain tidy");
    for key in &world.remote {
        assert!(key.revoked || key.secret == OLD, "{ctx}: live stray key {key:?}");
    }
}

const PROVIDERS: [ProviderKind; 5] = [
    ProviderKind::ExaRoutes,
    ProviderKind::QrV1,
    ProviderKind::QrCodePro,
    ProviderKind::IloveQr,
    ProviderKind::Exante,
];

#[test]
fn every_provider_completes_and_survives_a_crash_after_any_action() {
    for provider in PROVIDERS {
        let rotation = start(provider, Some("acme"));
        let mut world = World::new(rotation.mode);
        let (done, units) = run(rotation.clone(), &mut world, None, |_, _| false);
        assert_completed(&done, &world, &format!("{provider:?} without crash"));
        for crash_at in 0..units {
            let mut world = World::new(rotation.mode);
            let (done, _) = run(rotation.clone(), &mut world, Some(crash_at), |_, _| false);
            assert_completed(&done, &world, &format!("{provider:?}, crash after unit {crash_at}"));
        }
    }
}

/// Where a rotation is paused before the user abandons it: a name, the unit whose event a
/// crash loses on the way there (by mode), and when to stop.
type StopPoint = (&'static str, fn(RotationMode) -> Option<usize>, fn(&Rotation, &World) -> bool);

#[test]
fn abandon_before_step_3_changes_nothing() {
    use RotationMode::{Automatic, Guided};
    let stops: [StopPoint; 5] = [
        ("before anything", |_| None, |_, _| true),
        (
            "create sent, then a crash",
            |m| (m == Automatic).then_some(1),
            |r, _| r.stray_keys_possible,
        ),
        ("new key staged", |_| None, |r, _| r.step == Step::NewKeyStaged),
        ("new key verified", |_| None, |r, _| r.step == Step::NewKeyVerified),
        (
            "keychain switched, then a crash before step 3 was recorded",
            |m| Some(if m == Guided { 2 } else { 3 }),
            |r, w| r.step == Step::NewKeyVerified && w.pending_revoke.is_some(),
        ),
    ];
    let mut exercised = 0;
    for provider in PROVIDERS {
        for (name, setup_crash, stop) in stops {
            let rotation = start(provider, Some("acme"));
            let pause = |world: &mut World| {
                let (paused, _) = run(rotation.clone(), world, setup_crash(rotation.mode), stop);
                stop(&paused, world)
                    .then(|| advance(&paused, Event::Abandon).expect("abandon before step 3"))
            };
            let mut world = World::new(rotation.mode);
            let Some(abandoning) = pause(&mut world) else {
                continue; // no such pause point in this mode (guided rotations create nothing)
            };
            exercised += 1;
            assert_eq!(abandoning.audit.event, "rotation_abandon_requested");
            let (done, units) = run(abandoning.rotation, &mut world, None, |_, _| false);
            let ctx = format!("{provider:?} abandoned at {name}");
            assert_unchanged(&done, &world, &ctx);
            // The cleanup itself survives a crash after any of its actions.
            for crash_at in 0..units {
                let mut world = World::new(rotation.mode);
                let abandoning = pause(&mut world).expect("same pause point");
                let (done, _) = run(abandoning.rotation, &mut world, Some(crash_at), |_, _| false);
                assert_unchanged(&done, &world, &format!("{ctx}, crash after unit {crash_at}"));
            }
        }
    }
    assert_eq!(exercised, 4 * 4 + 5, "every pause point was reached (guided ones create nothing)");
}

#[test]
fn abandon_after_the_switch_is_refused_and_changes_nothing() {
    for provider in PROVIDERS {
        let rotation = start(provider, None);
        let mut world = World::new(rotation.mode);
        let (switched, _) = run(rotation, &mut world, None, |r, _| r.step == Step::Switched);
        let err = advance(&switched, Event::Abandon).expect_err("too late to abandon");
        assert!(err.message.contains("can no longer be abandoned"), "{}", err.message);
        assert_ne!(world.active.as_deref(), Some(OLD), "{provider:?}: the switch stays");
    }
}

#[test]
fn a_key_for_another_workspace_is_refused_and_the_old_key_stays() {
    for provider in [ProviderKind::ExaRoutes, ProviderKind::IloveQr, ProviderKind::Exante] {
        let rotation = start(provider, Some("acme"));
        let mut world = World::new(rotation.mode);
        world.reach = vec!["someone-else".into()];
        let (waiting, _) = run(rotation, &mut world, None, |r, _| {
            r.step == Step::AwaitingNewKey && r.last_error.is_some() && !r.stray_keys_possible
        });
        let err = waiting.last_error.clone().expect("why the key was refused");
        assert_eq!(err.kind, ErrorKind::NotAMember, "{provider:?}");
        assert_eq!(world.active.as_deref(), Some(OLD), "{provider:?}: old key still active");
        assert!(world.works(OLD), "{provider:?}: old key not revoked");
        assert_eq!(world.pending, None, "{provider:?}: refused key discarded");
        assert!(
            world.remote.iter().all(|k| k.revoked || k.secret == OLD),
            "{provider:?}: created key revoked"
        );
        // With a key for the right workspace the same rotation finishes.
        world.reach = vec!["acme".into()];
        let (done, _) = run(waiting, &mut world, None, |_, _| false);
        assert_completed(&done, &world, &format!("{provider:?} after a refused key"));
    }
}

#[test]
fn an_old_key_that_still_works_sends_the_user_back_to_revoke_it() {
    let rotation = start(ProviderKind::QrCodePro, None);
    let mut world = World::new(rotation.mode);
    let (revoked, _) = run(rotation, &mut world, None, |r, _| r.step == Step::OldKeyRevoked);
    world.revoked_in_dashboard.clear(); // the user confirmed without revoking
    let action = next_action(&revoked);
    let event = world.perform(&revoked, &action);
    assert_eq!(event, Event::OldKeyStillWorks);
    let back = advance(&revoked, event).expect("still works").rotation;
    assert_eq!(back.step, Step::Switched);
    let message = back.last_error.expect("tells the user").message;
    assert!(message.contains(ProviderKind::QrCodePro.key_dashboard_hint()), "{message}");
}

#[test]
fn transient_failures_keep_the_step_and_show_the_error() {
    let rotation =
        advance(&start(ProviderKind::IloveQr, None), staged(false)).expect("stage").rotation;
    let failed = advance(&rotation, Event::ActionFailed(AppError::of(ErrorKind::RateLimited)))
        .expect("failure");
    assert_eq!(failed.rotation.step, Step::NewKeyStaged);
    assert_eq!(failed.audit.event, "rotation_error");
    assert_eq!(next_action(&failed.rotation), Action::VerifyPendingKey, "retried");
    let verified =
        advance(&failed.rotation, Event::Verified { workspaces: vec![] }).expect("verified");
    assert_eq!(verified.rotation.last_error, None, "cleared once it works");
}
