//! Removing an account: its row (cached codes go with it) and every keychain entry it has.

use chrono::{DateTime, Utc};
use qrdesk_core::{AccountId, AppError};
use qrdesk_store::{accounts, audit};

use crate::service::AccountService;

impl AccountService<'_> {
    /// Removes the account and deletes its keys from the keychain (all rotation slots too).
    /// Refused while edits wait in the outbox, unless `purge` (which discards them). The
    /// keychain is cleared inside the database transaction: if it cannot be reached, nothing is
    /// removed and the error says how to fix it. The audit log keeps a note.
    pub fn remove_account(
        &self,
        id: AccountId,
        purge: bool,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let account = self.account(id, now)?;
        let key_ref = self.keychain_ref(id)?;
        self.store.transaction(|tx| -> Result<(), AppError> {
            accounts::delete(tx, id, purge)?;
            let detail = format!(
                "Removed {} account \"{}\" and deleted its key {} from the keychain{}.",
                account.provider.display_name(),
                account.label,
                account.masked_key,
                if purge { "; waiting edits were discarded" } else { "" }
            );
            audit::append(tx, id, "account_removed", &detail, now)?;
            self.secrets.delete(&key_ref)?;
            Ok(())
        })
    }
}
