//! [`KeychainStore`]: the [`SecretStore`] contract on the operating system's keychain.

use std::sync::{Arc, Mutex};

use keyring_core::{CredentialStore, Entry, Error as KeyringError};
use qrdesk_core::{Credential, Result};
use zeroize::Zeroizing;

use crate::account_ref::AccountRef;
use crate::entry_format;
use crate::keychain_errors::{to_app_error, Phase};
use crate::namespace::Namespace;
use crate::platform;
use crate::slot::Slot;
use crate::store::SecretStore;

/// Keys in the platform keychain: service [`Namespace::service`], user `<account>/<slot>`
/// (`account-3/active`), secret = the JSON entry described in the crate docs.
///
/// Connects on first use (and again after a failed attempt, so unlocking the keychain and
/// retrying works without a restart). Every call blocks; see the crate docs.
pub struct KeychainStore {
    namespace: Namespace,
    backend: Mutex<Option<Arc<CredentialStore>>>,
}

impl KeychainStore {
    /// A store over this namespace's entries. Does not connect yet.
    pub fn new(namespace: Namespace) -> Self {
        KeychainStore { namespace, backend: Mutex::new(None) }
    }

    pub fn namespace(&self) -> Namespace {
        self.namespace
    }

    /// The keychain user name of one slot (`account-3/pending-revoke`); the service name is
    /// `self.namespace().service()`. Shown in errors and usable with `secret-tool`.
    pub fn entry_user(account: &AccountRef, slot: Slot) -> String {
        format!("{}/{}", account.as_str(), slot.as_str())
    }

    /// Connects now and reads one (absent) entry, so a caller can say early that keys cannot
    /// be stored. A locked Linux keyring may only show up on the first write.
    pub fn check_available(&self) -> Result<()> {
        let probe = AccountRef::for_account(0);
        self.get_slot(&probe, Slot::Active).map(|_| ())
    }

    fn backend(&self) -> Result<Arc<CredentialStore>> {
        let mut backend = self.backend.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(store) = backend.as_ref() {
            return Ok(store.clone());
        }
        let store = platform::open_store().map_err(|err| to_app_error(err, Phase::Connect))?;
        *backend = Some(store.clone());
        Ok(store)
    }

    /// Runs `op` on the entry of `account`/`slot`, mapping failures to [`qrdesk_core::AppError`].
    fn with_entry<T>(
        &self,
        account: &AccountRef,
        slot: Slot,
        op: impl FnOnce(&Entry) -> keyring_core::Result<T>,
    ) -> Result<T> {
        let service = self.namespace.service();
        let user = KeychainStore::entry_user(account, slot);
        let phase = || Phase::Entry { service, user: &user };
        let label = self.label(account, slot);
        let store = self.backend()?;
        let entry = platform::build_entry(store.as_ref(), service, &user, &label)
            .map_err(|err| to_app_error(err, phase()))?;
        op(&entry).map_err(|err| to_app_error(err, phase()))
    }

    fn label(&self, account: &AccountRef, slot: Slot) -> String {
        let what = match self.namespace {
            Namespace::Production => "QR Desk API key",
            Namespace::Test => "QR Desk test key",
        };
        format!("{what}: {account} ({})", slot.as_str())
    }
}

impl std::fmt::Debug for KeychainStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeychainStore").field("service", &self.namespace.service()).finish()
    }
}

impl SecretStore for KeychainStore {
    fn put_slot(&self, account: &AccountRef, slot: Slot, credential: &Credential) -> Result<()> {
        let bytes = entry_format::encode(credential)?;
        self.with_entry(account, slot, |entry| entry.set_secret(&bytes))
    }

    fn get_slot(&self, account: &AccountRef, slot: Slot) -> Result<Option<Credential>> {
        let bytes = self.with_entry(account, slot, |entry| match entry.get_secret() {
            Ok(bytes) => Ok(Some(Zeroizing::new(bytes))),
            Err(KeyringError::NoEntry) => Ok(None),
            Err(err) => Err(err),
        })?;
        bytes.map(|bytes| entry_format::decode(&bytes)).transpose()
    }

    fn delete_slot(&self, account: &AccountRef, slot: Slot) -> Result<()> {
        self.with_entry(account, slot, |entry| match entry.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            // Duplicates (written by hand or by another tool): deleting means all of them.
            Err(KeyringError::Ambiguous(duplicates)) => {
                duplicates.iter().try_for_each(|duplicate| match duplicate.delete_credential() {
                    Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
                    Err(err) => Err(err),
                })
            }
            Err(err) => Err(err),
        })
    }
}
