//! Performing one planned rotation action (keychain, HTTP) and reporting its outcome as an
//! [`Event`]. Failures a retry may fix become [`Event::ActionFailed`]; nothing here persists.

use chrono::{DateTime, Duration, Utc};
use qrdesk_core::{Account, AppError, Credential, ErrorKind, ProviderKind};
use qrdesk_providers::{KeyInfo, ProviderError};
use qrdesk_secrets::{AccountRef, Slot};

use super::persist::AccountUpdate;
use crate::rotation::{Action, Event, NewRemoteKey, Rotation};
use crate::service::AccountService;

/// How far back from a rotation's start a key it may have created can be dated (clock skew
/// between this computer and the service).
const STRAY_KEY_CLOCK_SLACK_SECONDS: i64 = 120;

impl AccountService<'_> {
    /// Does `action` (never one that waits for the user) and says what happened.
    pub(crate) async fn perform(
        &self,
        account: &Account,
        key_ref: &AccountRef,
        rotation: &Rotation,
        action: &Action,
    ) -> Result<(Event, AccountUpdate), AppError> {
        let event = match action {
            Action::AskForNewKey | Action::WaitForUserToRevoke { .. } | Action::Finished => {
                return Err(AppError::bad_input(
                    "This step of the key rotation waits for you; nothing was done",
                ));
            }
            Action::CreateRemoteKey { name, scopes, lifetime_days } => {
                self.create_remote_key(account, key_ref, name, scopes, *lifetime_days).await
            }
            Action::RevokeStrayRemoteKeys { name, since, keep_uid, also_keep } => {
                self.revoke_strays(account, name, *since, keep_uid, also_keep.as_deref()).await
            }
            Action::VerifyPendingKey => self.verify_pending(account).await,
            Action::PromoteInKeychain => {
                return Ok(match self.secrets.promote_pending(key_ref) {
                    Ok(_) => (Event::Promoted, self.new_key_update(account, rotation)?),
                    Err(err) => (Event::ActionFailed(err), AccountUpdate::Nothing),
                });
            }
            Action::RevokeOldRemoteKey { uid } => match self.revoke_remote(account, uid).await {
                Ok(()) => Event::OldRemoteKeyRevoked,
                Err(err) => Event::ActionFailed(err),
            },
            Action::CheckOldKeyRejected => self.check_old_key(account).await,
            Action::DeleteOldKeyFromKeychain => {
                match self.secrets.delete_slot(key_ref, Slot::PendingRevoke) {
                    Ok(()) => Event::OldKeyDeleted,
                    Err(err) => Event::ActionFailed(err),
                }
            }
            Action::RevokeNewRemoteKey { uid } => match self.revoke_remote(account, uid).await {
                Ok(()) => Event::NewRemoteKeyRevoked,
                Err(err) => Event::ActionFailed(err),
            },
            Action::DiscardPendingKey => match self.secrets.discard_pending(key_ref) {
                Ok(()) => Event::PendingDiscarded,
                Err(err) => Event::ActionFailed(err),
            },
        };
        Ok((event, AccountUpdate::Nothing))
    }

    async fn create_remote_key(
        &self,
        account: &Account,
        key_ref: &AccountRef,
        name: &str,
        scopes: &[String],
        lifetime_days: u32,
    ) -> Event {
        let provider = match self.provider_for_account(account) {
            Ok(provider) => provider,
            Err(err) => return Event::ActionFailed(err),
        };
        let created = match provider.create_key(name, scopes, Some(lifetime_days)).await {
            Ok(created) => created,
            Err(err) => return Event::ActionFailed(err.into()),
        };
        let masked = created.key.masked();
        let remote = NewRemoteKey { uid: created.info.uid, expires_at: created.info.expires_at };
        match self.secrets.stage_pending(key_ref, &Credential::Key(created.key)) {
            // The created key is unknown to the rotation until NewKeyStaged is saved; the
            // stray-key flag (still set) makes the next attempt revoke it first.
            Err(err) => Event::ActionFailed(err),
            Ok(()) => Event::NewKeyStaged { masked, remote: Some(remote) },
        }
    }

    async fn revoke_strays(
        &self,
        account: &Account,
        name: &str,
        since: DateTime<Utc>,
        keep_uid: &str,
        also_keep: Option<&str>,
    ) -> Event {
        let provider = match self.provider_for_account(account) {
            Ok(provider) => provider,
            Err(err) => return Event::ActionFailed(err),
        };
        let keys = match provider.list_keys().await {
            Ok(keys) => keys,
            Err(err) => return Event::ActionFailed(err.into()),
        };
        let cutoff = since - Duration::seconds(STRAY_KEY_CLOCK_SLACK_SECONDS);
        let stray = |k: &&KeyInfo| {
            k.name == name
                && !k.is_revoked()
                && k.uid != keep_uid
                && Some(k.uid.as_str()) != also_keep
                && k.created_at.is_some_and(|created| created >= cutoff)
        };
        for key in keys.iter().filter(stray) {
            if let Err(err) = ignore_not_found(provider.revoke_key(&key.uid).await) {
                return Event::ActionFailed(err);
            }
        }
        Event::StrayKeysRevoked
    }

    async fn verify_pending(&self, account: &Account) -> Event {
        let verified = match self.credential(account, Slot::Pending) {
            Ok(credential) => match self.provider_with(account, credential) {
                Ok(provider) => provider.verify().await.map_err(AppError::from),
                Err(err) => Err(err),
            },
            Err(err) => Err(err),
        };
        match verified {
            Ok(v) if v.environment != account.environment => {
                Event::VerificationFailed(AppError::bad_input(format!(
                    "The new key works with {} data, but this account uses {} data, so it was \
                     not used. Enter a {} key",
                    v.environment.as_str(),
                    account.environment.as_str(),
                    account.environment.as_str()
                )))
            }
            Ok(v) => {
                let workspaces = match account.provider {
                    ProviderKind::IloveQr => v.organizations.into_iter().map(|o| o.id).collect(),
                    _ => v.workspace.into_iter().collect(),
                };
                Event::Verified { workspaces }
            }
            Err(err) => Event::VerificationFailed(err),
        }
    }

    async fn check_old_key(&self, account: &Account) -> Event {
        let credential = match self.credential(account, Slot::PendingRevoke) {
            Ok(credential) => credential,
            // Already gone from the keychain: nothing left that could still work.
            Err(err) if err.kind == ErrorKind::MissingCredentials => return Event::OldKeyRejected,
            Err(err) => return Event::ActionFailed(err),
        };
        let provider = match self.provider_with(account, credential) {
            Ok(provider) => provider,
            Err(err) => return Event::ActionFailed(err),
        };
        match provider.verify().await {
            Ok(_) => Event::OldKeyStillWorks,
            Err(err) if refuses_the_key(err.kind) => Event::OldKeyRejected,
            Err(err) => Event::ActionFailed(err.into()),
        }
    }

    async fn revoke_remote(&self, account: &Account, uid: &str) -> Result<(), AppError> {
        let provider = self.provider_for_account(account)?;
        ignore_not_found(provider.revoke_key(uid).await)
    }

    /// The account metadata of the key that becomes active at step 3.
    fn new_key_update(
        &self,
        account: &Account,
        rotation: &Rotation,
    ) -> Result<AccountUpdate, AppError> {
        let active = self.credential(account, Slot::Active)?;
        let client_id = match &active {
            Credential::Pair { client_id, .. } => Some(client_id.clone()),
            Credential::Key(_) => None,
        };
        let expires_at = match &rotation.new_remote {
            Some(remote) => remote.expires_at,
            None => rotation.new_expires_at,
        };
        Ok(AccountUpdate::NewKey {
            masked: rotation.new_masked.clone().unwrap_or_else(|| active.masked()),
            expires_at,
            client_id,
            lifetime_days: rotation.old_remote.as_ref().map(|o| i64::from(o.lifetime_days)),
        })
    }
}

/// 401/403/revoked/expired: the service no longer accepts the key.
fn refuses_the_key(kind: ErrorKind) -> bool {
    kind.is_key_problem() || matches!(kind, ErrorKind::Forbidden | ErrorKind::NotAMember)
}

/// A key the service no longer knows counts as revoked.
fn ignore_not_found(result: Result<KeyInfo, ProviderError>) -> Result<(), AppError> {
    match result {
        Ok(_) => Ok(()),
        Err(err) if err.kind == ErrorKind::NotFound => Ok(()),
        Err(err) => Err(err.into()),
    }
}
