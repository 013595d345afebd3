//! The rotation executor: the public rotation operations, each a loop of "plan the next
//! action, do it, save the outcome with its audit note" over the pure state machine.
//!
//! Crash safety comes from the order of effects: every keychain move is repeatable and is done
//! before the step that records it is saved, so a process killed at any point resumes from the
//! saved step, repeats the last action and reaches the same state. Exante's create call is the
//! exception the state machine plans for: `CreateStarted` is saved first, and a resumed rotation
//! revokes any key such an interrupted call may have left behind.

use chrono::{DateTime, Utc};
use qrdesk_core::{Account, AccountId, ApiSecret, AppError, ErrorKind};
use qrdesk_secrets::Slot;

use super::persist::{AccountUpdate, Persisted};
use crate::key_input::resolve_key;
use crate::rotation::{
    advance, key_lifetime_days, next_action, Action, AuditNote, Event, OldRemoteKey, Rotation,
    RotationMode, Transition,
};
use crate::service::AccountService;
use crate::view::RotationState;

/// Upper bound on actions one call performs (a full automatic rotation needs about eight).
const MAX_ACTIONS_PER_CALL: usize = 24;

/// Which actions a call may perform on its own before it stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    /// Only clean-up after a refused key or an abandon (and finishing step 5's deletion).
    CleanUp,
    /// Everything that does not wait for the user (automatic rotation).
    All,
}

impl AccountService<'_> {
    /// The rotation in progress for the account, if any.
    pub fn rotation_state(&self, id: AccountId) -> Result<Option<RotationState>, AppError> {
        Ok(self.load_rotation(id)?.map(|p| RotationState::new(id, &p.rotation, p.updated_at)))
    }

    /// Starts a rotation (or returns the one already in progress, to resume it). Exante's
    /// rotation needs the current key's identity from the service, so it asks for it first.
    pub async fn rotation_start(
        &self,
        id: AccountId,
        now: DateTime<Utc>,
    ) -> Result<RotationState, AppError> {
        if let Some(existing) = self.load_rotation(id)? {
            return Ok(RotationState::new(id, &existing.rotation, existing.updated_at));
        }
        let account = self.account(id, now)?;
        let old_remote = match RotationMode::for_provider(account.provider) {
            RotationMode::Guided => None,
            RotationMode::Automatic => self.current_remote_key(&account).await?,
        };
        let rotation = Rotation::start(
            account.provider,
            account.masked_key.clone(),
            account.workspace.clone(),
            old_remote,
            now,
        )?;
        let detail = match rotation.mode {
            RotationMode::Guided => format!(
                "Key rotation started for {}; the current key is {}.",
                account.provider.display_name(),
                account.masked_key
            ),
            RotationMode::Automatic => format!(
                "Automatic key rotation started for {}; the current key is {}.",
                account.provider.display_name(),
                account.masked_key
            ),
        };
        let transition =
            Transition { rotation, audit: AuditNote { event: "rotation_started", detail } };
        let saved = self.save_transition(id, &transition, &AccountUpdate::Nothing, now)?;
        Ok(RotationState::new(id, &saved.rotation, saved.updated_at))
    }

    /// Step 1 (guided): the new key the user created. It must be a key of the same service, not
    /// the active one; it is kept in the keychain's pending slot. `client_id`: an ExaRoutes
    /// header pair's id (default: the account's). `expires_at`: the expiry the user knows of.
    pub async fn rotation_submit_key(
        &self,
        id: AccountId,
        secret: ApiSecret,
        client_id: Option<String>,
        expires_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<RotationState, AppError> {
        let (account, mut current) = self.resume(id, now).await?;
        if next_action(&current.rotation) != Action::AskForNewKey {
            return Err(not_now(&current.rotation, "take a new key"));
        }
        let client_id = client_id.or_else(|| {
            secret.expose().starts_with("sk_live_").then(|| account.client_id.clone()).flatten()
        });
        let key = resolve_key(Some(account.provider), secret, client_id)?;
        let active = self.credential(&account, Slot::Active)?;
        if key.credential.secret() == active.secret() {
            return Err(AppError::with_message(
                ErrorKind::BadInput,
                format!(
                    "This is the key the account already uses ({}). Create a new key in {} and \
                     enter that one.",
                    active.masked(),
                    account.provider.key_dashboard_hint()
                ),
            ));
        }
        let key_ref = self.keychain_ref(id)?;
        let masked = key.credential.masked();
        if let Err(err) = self.secrets.stage_pending(&key_ref, &key.credential) {
            self.record_failure(id, &mut current, err.clone(), now)?;
            return Err(err);
        }
        let mut transition =
            advance(&current.rotation, Event::NewKeyStaged { masked, remote: None })?;
        transition.rotation.new_expires_at = expires_at;
        let saved = self.save_transition(id, &transition, &AccountUpdate::Nothing, now)?;
        Ok(RotationState::new(id, &saved.rotation, saved.updated_at))
    }

    /// Step 2: checks the new key against the account's service and workspace/organization.
    /// A refused key is removed again and the rotation goes back to step 1 with the reason in
    /// `last_error`; a service that cannot be reached leaves it at step 2.
    pub async fn rotation_verify(
        &self,
        id: AccountId,
        now: DateTime<Utc>,
    ) -> Result<RotationState, AppError> {
        self.run_expected(id, now, |a| matches!(a, Action::VerifyPendingKey), "check the new key")
            .await
    }

    /// Step 3: the new key becomes the active one; the old key is kept as "pending revoke".
    pub async fn rotation_switch(
        &self,
        id: AccountId,
        now: DateTime<Utc>,
    ) -> Result<RotationState, AppError> {
        self.run_expected(id, now, |a| matches!(a, Action::PromoteInKeychain), "switch keys").await
    }

    /// Steps 4-5 (guided): the user says the old key was revoked; QR Desk checks that the service
    /// now refuses it and deletes it from the keychain. If it still works, the rotation stays at
    /// step 4 and `last_error` says where to revoke it.
    pub async fn rotation_confirm_revoked(
        &self,
        id: AccountId,
        now: DateTime<Utc>,
    ) -> Result<RotationState, AppError> {
        let (account, mut current) = self.resume(id, now).await?;
        if matches!(next_action(&current.rotation), Action::WaitForUserToRevoke { .. }) {
            let transition = advance(&current.rotation, Event::UserConfirmedRevoked)?;
            current = self.save_transition(id, &transition, &AccountUpdate::Nothing, now)?;
        }
        match next_action(&current.rotation) {
            Action::CheckOldKeyRejected | Action::DeleteOldKeyFromKeychain => {}
            _ => return Err(not_now(&current.rotation, "confirm that the old key was revoked")),
        }
        self.drive(&account, &mut current, Run::All, now).await?;
        Ok(RotationState::new(id, &current.rotation, current.updated_at))
    }

    /// Goes back to step 1 before the switch: the staged new key is removed (and, for Exante,
    /// revoked again).
    pub async fn rotation_back(
        &self,
        id: AccountId,
        now: DateTime<Utc>,
    ) -> Result<RotationState, AppError> {
        self.request(id, Event::Back, now).await
    }

    /// Abandons the rotation before step 3; the account keeps its key, unchanged.
    pub async fn rotation_abandon(
        &self,
        id: AccountId,
        now: DateTime<Utc>,
    ) -> Result<RotationState, AppError> {
        self.request(id, Event::Abandon, now).await
    }

    /// The whole rotation in one call for services with a key API (Exante): create a key with
    /// the same name, scopes and lifetime, check it, switch, revoke the old key through the API
    /// and confirm the service refuses it. Resumes a rotation interrupted at any point.
    pub async fn rotate_auto(
        &self,
        id: AccountId,
        now: DateTime<Utc>,
    ) -> Result<RotationState, AppError> {
        let account = self.account(id, now)?;
        if RotationMode::for_provider(account.provider) != RotationMode::Automatic {
            return Err(AppError::with_message(
                ErrorKind::BadInput,
                format!(
                    "{} has no API for creating keys, so its key is rotated step by step: create \
                     a new key in {} and enter it.",
                    account.provider.display_name(),
                    account.provider.key_dashboard_hint()
                ),
            ));
        }
        self.rotation_start(id, now).await?;
        let (account, mut current) = self.resume(id, now).await?;
        self.drive(&account, &mut current, Run::All, now).await?;
        Ok(RotationState::new(id, &current.rotation, current.updated_at))
    }

    /// Loads the rotation and finishes any clean-up a crash interrupted.
    async fn resume(
        &self,
        id: AccountId,
        now: DateTime<Utc>,
    ) -> Result<(Account, Persisted), AppError> {
        let account = self.account(id, now)?;
        let mut current = self.load_rotation(id)?.ok_or_else(|| {
            AppError::with_message(
                ErrorKind::BadInput,
                format!(
                    "No key rotation is in progress for account #{id}. Start one first \
                     (qrdesk account rotate {id})."
                ),
            )
        })?;
        self.drive(&account, &mut current, Run::CleanUp, now).await?;
        Ok((account, current))
    }

    async fn run_expected(
        &self,
        id: AccountId,
        now: DateTime<Utc>,
        expected: impl Fn(&Action) -> bool,
        what: &str,
    ) -> Result<RotationState, AppError> {
        let (account, mut current) = self.resume(id, now).await?;
        let action = next_action(&current.rotation);
        if !expected(&action) {
            return Err(not_now(&current.rotation, what));
        }
        self.act(&account, &mut current, &action, now).await?;
        self.drive(&account, &mut current, Run::CleanUp, now).await?;
        Ok(RotationState::new(id, &current.rotation, current.updated_at))
    }

    async fn request(
        &self,
        id: AccountId,
        event: Event,
        now: DateTime<Utc>,
    ) -> Result<RotationState, AppError> {
        let (account, current) = self.resume(id, now).await?;
        let transition = advance(&current.rotation, event)?;
        let mut current = self.save_transition(id, &transition, &AccountUpdate::Nothing, now)?;
        self.drive(&account, &mut current, Run::CleanUp, now).await?;
        Ok(RotationState::new(id, &current.rotation, current.updated_at))
    }

    /// Performs actions until one waits for the user, fails, or (for [`Run::CleanUp`]) is not a
    /// clean-up. Returns whether the last action failed.
    async fn drive(
        &self,
        account: &Account,
        current: &mut Persisted,
        run: Run,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        for _ in 0..MAX_ACTIONS_PER_CALL {
            let action = next_action(&current.rotation);
            let allowed = match run {
                Run::All => !action.waits_for_user() && action != Action::Finished,
                Run::CleanUp => matches!(
                    action,
                    Action::RevokeStrayRemoteKeys { .. }
                        | Action::RevokeNewRemoteKey { .. }
                        | Action::DiscardPendingKey
                        | Action::DeleteOldKeyFromKeychain
                ),
            };
            if !allowed || !self.act(account, current, &action, now).await? {
                return Ok(());
            }
        }
        Ok(())
    }

    /// One action and its saved outcome. `false` when the action failed (the error is saved in
    /// the rotation's `last_error`).
    pub(crate) async fn act(
        &self,
        account: &Account,
        current: &mut Persisted,
        action: &Action,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let id = account.id;
        if matches!(action, Action::CreateRemoteKey { .. }) {
            let transition = advance(&current.rotation, Event::CreateStarted)?;
            *current = self.save_transition(id, &transition, &AccountUpdate::Nothing, now)?;
        }
        let key_ref = self.keychain_ref(id)?;
        let (event, update) = self.perform(account, &key_ref, &current.rotation, action).await?;
        let failed = match &event {
            Event::ActionFailed(_) => true,
            Event::VerificationFailed(err) => {
                err.kind.is_transient() || err.kind == ErrorKind::KeychainUnavailable
            }
            _ => false,
        };
        let transition = advance(&current.rotation, event)?;
        *current = self.save_transition(id, &transition, &update, now)?;
        Ok(!failed)
    }

    fn record_failure(
        &self,
        id: AccountId,
        current: &mut Persisted,
        err: AppError,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let transition = advance(&current.rotation, Event::ActionFailed(err))?;
        *current = self.save_transition(id, &transition, &AccountUpdate::Nothing, now)?;
        Ok(())
    }

    /// The current key's identity on a service with a key API (what a new key copies).
    async fn current_remote_key(
        &self,
        account: &Account,
    ) -> Result<Option<OldRemoteKey>, AppError> {
        let provider = self.provider_for_account(account)?;
        let verified = provider.verify().await?;
        if verified.look_alike_keys > 1 {
            return Err(AppError::with_message(
                ErrorKind::BadInput,
                format!(
                    "{} lists {} live keys ending like this account's key ({}), so QR Desk cannot \
                     tell which one to replace and revoke, and changes nothing. Revoke the keys \
                     you no longer use in {}, then start the rotation again.",
                    account.provider.display_name(),
                    verified.look_alike_keys,
                    account.masked_key,
                    account.provider.key_dashboard_hint()
                ),
            ));
        }
        let stored_lifetime =
            self.store.read(|c| qrdesk_store::accounts::key_lifetime_days(c, account.id))?;
        Ok(verified.key.map(|key| {
            let lifetime_days = match (key.created_at, key.expires_at, stored_lifetime) {
                (Some(_), Some(_), _) => key_lifetime_days(key.created_at, key.expires_at),
                (_, _, Some(days)) => u32::try_from(days.max(1)).unwrap_or(u32::MAX),
                _ => key_lifetime_days(None, None),
            };
            OldRemoteKey { uid: key.uid, name: key.name, scopes: key.scopes, lifetime_days }
        }))
    }
}

/// Refuses an operation the rotation's current step does not take, naming what comes next.
fn not_now(rotation: &Rotation, what: &str) -> AppError {
    let next = match next_action(rotation) {
        Action::AskForNewKey => "enter the new key".to_string(),
        Action::WaitForUserToRevoke { dashboard } => {
            format!("revoke the old key {} in {dashboard}, then confirm", rotation.old_masked)
        }
        Action::VerifyPendingKey => "check the new key".to_string(),
        Action::PromoteInKeychain => "switch to the new key".to_string(),
        Action::Finished => "nothing: the rotation is over".to_string(),
        _ => "let QR Desk finish the current step (run the command again)".to_string(),
    };
    AppError::with_message(
        ErrorKind::BadInput,
        format!(
            "The key rotation cannot {what} now: it is at step {} of 5 and the next thing to do \
             is: {next}.",
            rotation.step.number()
        ),
    )
}
