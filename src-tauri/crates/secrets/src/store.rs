//! The [`SecretStore`] contract, and the rotation moves built on its three slot operations.
//!
//! Every multi-step move writes the new state before it removes the old one and reads each
//! write back, so a crash (or a failed call) between any two keychain writes leaves a state from
//! which running the same move again finishes the job. The rotation state machine (persisted in
//! SQLite by its owner) therefore only has to remember which move it was in.

use qrdesk_core::{AppError, Credential, ErrorKind, Result};

use crate::account_ref::AccountRef;
use crate::slot::Slot;

/// What [`SecretStore::promote_pending`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Promotion {
    /// The pending key was made active by this call (possibly finishing an interrupted call).
    Promoted,
    /// There was nothing pending and an active key exists: an earlier call already finished.
    AlreadyPromoted,
}

/// Keeps API keys, one entry per account and [`Slot`].
///
/// Calls block (keychain IPC); async callers use `tokio::task::spawn_blocking`. Errors are
/// [`AppError`]s a person can read (`keychain_unavailable` when the keychain cannot be
/// reached); they never contain the secret. Implementations must never fall back to storing a
/// secret anywhere else.
pub trait SecretStore: Send + Sync {
    /// Stores `credential` in `slot`, replacing what was there.
    fn put_slot(&self, account: &AccountRef, slot: Slot, credential: &Credential) -> Result<()>;

    /// The credential in `slot`, or `None` when there is no entry.
    fn get_slot(&self, account: &AccountRef, slot: Slot) -> Result<Option<Credential>>;

    /// Removes the entry in `slot`; a missing entry is not an error.
    fn delete_slot(&self, account: &AccountRef, slot: Slot) -> Result<()>;

    /// Stores the account's active key (adding an account, or replacing its key outright).
    fn put(&self, account: &AccountRef, credential: &Credential) -> Result<()> {
        self.put_slot(account, Slot::Active, credential)
    }

    /// The account's active key, or `None` when none is stored.
    fn get(&self, account: &AccountRef) -> Result<Option<Credential>> {
        self.get_slot(account, Slot::Active)
    }

    /// Removes every key of the account (all slots); missing entries are not an error.
    fn delete(&self, account: &AccountRef) -> Result<()> {
        for slot in Slot::ALL {
            self.delete_slot(account, slot)?;
        }
        Ok(())
    }

    /// Rotation step 1: keeps the new key under [`Slot::Pending`] and checks it reads back.
    fn stage_pending(&self, account: &AccountRef, new_key: &Credential) -> Result<()> {
        write_verified(self, account, Slot::Pending, new_key)
    }

    /// Rotation step 3: the pending key becomes active; the old active key is kept under
    /// [`Slot::PendingRevoke`] until the service confirms it is dead.
    ///
    /// Order: (a) copy the old key to `PendingRevoke`, read back; (b) write the new key to
    /// `Active`, read back; (c) delete `Pending`. Running it again after a failure or crash at
    /// any point finishes the move: nothing is deleted before its replacement reads back, and
    /// the old key is always in `Active` or `PendingRevoke`.
    ///
    /// Refuses when `PendingRevoke` already holds a different key (an earlier rotation is still
    /// waiting for its old key to be revoked) and when nothing is pending and nothing is active.
    fn promote_pending(&self, account: &AccountRef) -> Result<Promotion> {
        let Some(new_key) = self.get_slot(account, Slot::Pending)? else {
            return match self.get_slot(account, Slot::Active)? {
                Some(_) => Ok(Promotion::AlreadyPromoted),
                None => Err(nothing_pending()),
            };
        };
        let active = self.get_slot(account, Slot::Active)?;
        if active.as_ref() != Some(&new_key) {
            if let Some(old_key) = &active {
                match self.get_slot(account, Slot::PendingRevoke)? {
                    Some(kept) if &kept == old_key => {}
                    Some(_) => return Err(earlier_rotation_unfinished()),
                    None => write_verified(self, account, Slot::PendingRevoke, old_key)?,
                }
            }
            write_verified(self, account, Slot::Active, &new_key)?;
        }
        self.delete_slot(account, Slot::Pending)?;
        if self.get_slot(account, Slot::Pending)?.is_some() {
            return Err(did_not_read_back());
        }
        Ok(Promotion::Promoted)
    }

    /// Abandons a rotation whose step 3 is not recorded yet: the account ends with exactly the
    /// key it had before the rotation, and no pending or pending-revoke entry.
    ///
    /// If a [`SecretStore::promote_pending`] had already run (fully or partly, e.g. the process
    /// died before the rotation could record step 3), the old key is still valid (revocation
    /// only ever comes after step 3 is recorded), so it is made active again before anything
    /// is deleted. Safe to repeat after a crash at any point.
    ///
    /// Only for rotations before step 3: once step 3 is recorded the old key may already be
    /// revoked, and the rotation state machine refuses to abandon.
    fn discard_pending(&self, account: &AccountRef) -> Result<()> {
        if let Some(old_key) = self.get_slot(account, Slot::PendingRevoke)? {
            write_verified(self, account, Slot::Active, &old_key)?;
            self.delete_slot(account, Slot::PendingRevoke)?;
        }
        self.delete_slot(account, Slot::Pending)
    }
}

/// Writes `credential` to `slot` and proves it reads back unchanged.
fn write_verified<S: SecretStore + ?Sized>(
    store: &S,
    account: &AccountRef,
    slot: Slot,
    credential: &Credential,
) -> Result<()> {
    store.put_slot(account, slot, credential)?;
    match store.get_slot(account, slot)? {
        Some(read_back) if &read_back == credential => Ok(()),
        _ => Err(did_not_read_back()),
    }
}

fn did_not_read_back() -> AppError {
    AppError::with_message(
        ErrorKind::KeychainUnavailable,
        "The keychain said it saved the change but did not show it when read back, so QR Desk \
         stopped before changing anything else. Check that the keychain is unlocked, then try \
         again.",
    )
}

fn nothing_pending() -> AppError {
    AppError::new(
        ErrorKind::MissingCredentials,
        "No new key is waiting for this account's rotation. Start the rotation again and enter \
         the new key",
    )
}

fn earlier_rotation_unfinished() -> AppError {
    AppError::with_message(
        ErrorKind::BadInput,
        "An earlier key rotation for this account is still waiting for its old key to be \
         revoked. Finish that one first: revoke the old key in the service's dashboard, then \
         confirm the revocation.",
    )
}

#[cfg(test)]
mod tests;
