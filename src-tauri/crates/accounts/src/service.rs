//! [`AccountService`]: what every account operation runs against.

use qrdesk_core::{Account, AccountId, AppError, Credential};
use qrdesk_providers::{HttpSettings, Provider, ProviderConfig};
use qrdesk_secrets::{AccountRef, SecretStore, Slot};
use qrdesk_store::{accounts, Store};

/// The local store, the keychain and the HTTP tuning used to reach the services.
///
/// Keychain calls block (D-Bus); the async operations call them inline, which is fine for the
/// CLI and for the desktop shell's blocking-friendly command threads.
pub struct AccountService<'a> {
    pub store: &'a Store,
    pub secrets: &'a dyn SecretStore,
    pub http: HttpSettings,
}

impl<'a> AccountService<'a> {
    pub fn new(store: &'a Store, secrets: &'a dyn SecretStore) -> Self {
        AccountService { store, secrets, http: HttpSettings::default() }
    }

    /// Other timeouts and retries (tests use short ones).
    pub fn with_http(mut self, http: HttpSettings) -> Self {
        self.http = http;
        self
    }

    pub(crate) fn account(
        &self,
        id: AccountId,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Account, AppError> {
        self.store.read(|c| accounts::get(c, id, now))
    }

    /// Where the account's keys are filed in the keychain.
    pub fn keychain_ref(&self, id: AccountId) -> Result<AccountRef, AppError> {
        match self.store.read(|c| accounts::keychain_ref(c, id))? {
            Some(stored) => AccountRef::parse(&stored),
            None => Ok(AccountRef::for_account(id)),
        }
    }

    /// The key in one of the account's keychain slots; `missing_credentials` when there is none.
    pub(crate) fn credential(&self, account: &Account, slot: Slot) -> Result<Credential, AppError> {
        let key_ref = self.keychain_ref(account.id)?;
        self.secrets.get_slot(&key_ref, slot)?.ok_or_else(|| missing_key(account, slot))
    }

    /// The adapter for the account with its active key.
    pub fn provider_for_account(&self, account: &Account) -> Result<Box<dyn Provider>, AppError> {
        let credential = self.credential(account, Slot::Active)?;
        self.provider_with(account, credential)
    }

    /// The adapter for the account's service, settings and workspace, using `credential`.
    pub(crate) fn provider_with(
        &self,
        account: &Account,
        credential: Credential,
    ) -> Result<Box<dyn Provider>, AppError> {
        let mut config = ProviderConfig::new(account.provider, credential)
            .with_base_url(account.base_url.clone())
            .with_workspace(account.workspace.clone());
        config.http = self.http.clone();
        qrdesk_providers::connect(config)
    }
}

/// The adapter for an account with its active key from the keychain, default HTTP tuning (the
/// sync engine's entry point). No keychain entry → `missing_credentials`.
pub fn provider_for_account(
    store: &Store,
    secrets: &dyn SecretStore,
    account: &Account,
) -> Result<Box<dyn Provider>, AppError> {
    AccountService::new(store, secrets).provider_for_account(account)
}

fn missing_key(account: &Account, slot: Slot) -> AppError {
    let detail = match slot {
        Slot::Active => format!(
            "The keychain has no key for account #{} \"{}\" ({})",
            account.id,
            account.label,
            account.provider.display_name()
        ),
        Slot::Pending => format!(
            "The keychain no longer holds the new key of account #{}'s rotation",
            account.id
        ),
        Slot::PendingRevoke => format!(
            "The keychain no longer holds the old key of account #{}'s rotation",
            account.id
        ),
    };
    AppError::new(qrdesk_core::ErrorKind::MissingCredentials, detail)
}
