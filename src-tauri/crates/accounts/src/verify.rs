//! Checking that an account's stored key still works, and recording what the service said.

use chrono::{DateTime, Utc};
use qrdesk_core::{Account, AccountId, AppError, ErrorKind, ProviderKind};
use qrdesk_store::{accounts, audit};

use crate::rotation::key_lifetime_days;
use crate::service::AccountService;

impl AccountService<'_> {
    /// Asks the service whether the account's key works and records the verdict (status, last
    /// error, Exante's expiry) with an audit note. A failed check is recorded, then returned
    /// as the error.
    pub async fn verify_account(
        &self,
        id: AccountId,
        now: DateTime<Utc>,
    ) -> Result<Account, AppError> {
        let account = self.account(id, now)?;
        let checked = match self.provider_for_account(&account) {
            Ok(provider) => provider.verify().await.map_err(AppError::from),
            Err(err) => Err(err),
        }
        .map_err(|err| known_expiry(&account, err, now));
        match checked {
            Ok(verified) => {
                let exante_key =
                    (account.provider == ProviderKind::Exante).then_some(verified.key).flatten();
                self.store.transaction(|tx| -> Result<(), AppError> {
                    accounts::record_verification(tx, id, Ok(()), now)?;
                    if let Some(key) = &exante_key {
                        if key.expires_at.is_some() {
                            accounts::set_expires_at(tx, id, key.expires_at)?;
                        }
                        if key.created_at.is_some() && key.expires_at.is_some() {
                            let days = key_lifetime_days(key.created_at, key.expires_at);
                            accounts::set_key_lifetime_days(tx, id, Some(i64::from(days)))?;
                        }
                    }
                    let detail = format!("The service accepted the key {}.", account.masked_key);
                    audit::append(tx, id, "key_verified", &detail, now)?;
                    Ok(())
                })?;
                self.account(id, now)
            }
            Err(err) => {
                self.store.transaction(|tx| -> Result<(), AppError> {
                    accounts::record_verification(tx, id, Err(&err), now)?;
                    let detail =
                        format!("Checking the key {} failed: {}", account.masked_key, err.message);
                    audit::append(tx, id, "key_verification_failed", &detail, now)?;
                    Ok(())
                })?;
                Err(err)
            }
        }
    }
}

/// A key the service no longer accepts, whose expiry date QR Desk knows has passed, expired: say
/// so instead of "not recognised" (services such as Exante answer both alike).
fn known_expiry(account: &Account, err: AppError, now: DateTime<Utc>) -> AppError {
    match account.expires_at {
        Some(at) if at <= now && err.kind == ErrorKind::InvalidCredentials => AppError::new(
            ErrorKind::KeyExpired,
            format!("The key {} expired on {}", account.masked_key, at.format("%Y-%m-%d")),
        ),
        _ => err,
    }
}
