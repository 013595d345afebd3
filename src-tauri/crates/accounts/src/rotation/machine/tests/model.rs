//! A small model of the keychain slots and the service's key API, and the executor loop that
//! runs a rotation against it with a crash injected after any action.

use chrono::{DateTime, Duration, Utc};
use qrdesk_core::{AppError, ErrorKind, ProviderKind};

use super::super::*;
use super::*;

/// A remote key as the service's key API knows it.
#[derive(Debug, Clone)]
pub(super) struct RemoteKey {
    pub(super) uid: String,
    pub(super) name: String,
    pub(super) secret: String,
    pub(super) created_at: DateTime<Utc>,
    pub(super) revoked: bool,
}

/// The keychain slots and the service, reduced to what the rotation can observe.
#[derive(Debug)]
pub(super) struct World {
    pub(super) active: Option<String>,
    pub(super) pending: Option<String>,
    pub(super) pending_revoke: Option<String>,
    pub(super) remote: Vec<RemoteKey>,
    pub(super) revoked_in_dashboard: Vec<String>,
    pub(super) verified: Vec<String>,
    /// Workspaces every new key reaches.
    pub(super) reach: Vec<String>,
    pub(super) now: DateTime<Utc>,
    pub(super) counter: u32,
}

impl World {
    pub(super) fn new(mode: RotationMode) -> World {
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

    pub(super) fn works(&self, secret: &str) -> bool {
        !self.revoked_in_dashboard.iter().any(|s| s == secret)
            && !self.remote.iter().any(|k| k.secret == secret && k.revoked)
    }

    /// The old key may only be revoked once a verified new key is active.
    pub(super) fn assert_old_key_may_be_revoked(&self) {
        let active = self.active.as_deref().unwrap_or("");
        assert!(
            active != OLD && self.verified.iter().any(|v| v == active),
            "the old key was revoked before a verified new key was active: {self:?}"
        );
    }

    pub(super) fn revoke_uid(&mut self, uid: &str) {
        if uid == OLD_UID {
            self.assert_old_key_may_be_revoked();
        }
        if let Some(key) = self.remote.iter_mut().find(|k| k.uid == uid) {
            key.revoked = true;
        }
    }

    /// Performs one unit of `action`: its effect on the world and the event it reports.
    /// `CreateRemoteKey` is two units: persisting `CreateStarted`, then the call itself.
    pub(super) fn perform(&mut self, rotation: &Rotation, action: &Action) -> Event {
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
    pub(super) fn create_remote(&mut self, name: &str) -> Event {
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
pub(super) fn run(
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

pub(super) fn assert_completed(rotation: &Rotation, world: &World, ctx: &str) {
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

pub(super) fn assert_unchanged(rotation: &Rotation, world: &World, ctx: &str) {
    assert_eq!(rotation.step, Step::Abandoned, "{ctx}");
    assert_eq!(world.active.as_deref(), Some(OLD), "{ctx}: the account keeps its key");
    assert!(world.works(OLD), "{ctx}: the old key was not revoked");
    assert_eq!((&world.pending, &world.pending_revoke), (&None, &None), "{ctx}: keychain tidy");
    for key in &world.remote {
        assert!(key.revoked || key.secret == OLD, "{ctx}: live stray key {key:?}");
    }
}

pub(super) const PROVIDERS: [ProviderKind; 5] = [
    ProviderKind::ExaRoutes,
    ProviderKind::QrV1,
    ProviderKind::QrCodePro,
    ProviderKind::IloveQr,
    ProviderKind::Exante,
];
