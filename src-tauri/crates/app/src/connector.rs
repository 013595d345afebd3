//! [`KeychainConnector`]: the one way both front ends reach an account's service: the adapter
//! for the account, with its key from the keychain. An unreachable keychain is reported when an
//! account is first connected, so commands that need no key still work without one.

use qrdesk_core::{Account, AppError};
use qrdesk_providers::{HttpSettings, Provider};
use qrdesk_secrets::SecretStore;
use qrdesk_store::Store;

/// Builds adapters for accounts from their keychain entries.
pub struct KeychainConnector<'a> {
    store: &'a Store,
    secrets: Result<&'a dyn SecretStore, AppError>,
    http: HttpSettings,
}

impl<'a> KeychainConnector<'a> {
    pub fn new(
        store: &'a Store,
        secrets: Result<&'a dyn SecretStore, AppError>,
        http: HttpSettings,
    ) -> Self {
        KeychainConnector { store, secrets, http }
    }
}

impl qrdesk_sync::Connector for KeychainConnector<'_> {
    fn connect(&self, account: &Account) -> Result<Box<dyn Provider>, AppError> {
        let secrets = self.secrets.as_ref().map_err(Clone::clone)?;
        qrdesk_accounts::AccountService::new(self.store, *secrets)
            .with_http(self.http.clone())
            .provider_for_account(account)
    }
}
