//! [`MemoryStore`]: the [`SecretStore`] contract in process memory.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use qrdesk_core::{Credential, Result};

use crate::account_ref::AccountRef;
use crate::slot::Slot;
use crate::store::SecretStore;

/// Keeps keys in memory only (zeroed when dropped). For unit tests here and in callers, and for
/// demo mode; it is never a fallback for an unreachable keychain.
#[derive(Default)]
pub struct MemoryStore {
    entries: Mutex<HashMap<(AccountRef, Slot), Credential>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        MemoryStore::default()
    }

    /// Which slots of `account` hold a key (for assertions in tests).
    pub fn slots(&self, account: &AccountRef) -> Vec<Slot> {
        let entries = self.lock();
        Slot::ALL
            .into_iter()
            .filter(|slot| entries.contains_key(&(account.clone(), *slot)))
            .collect()
    }

    /// Number of entries over all accounts.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<(AccountRef, Slot), Credential>> {
        // A panic elsewhere while holding the lock cannot leave a half-written map entry.
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl std::fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemoryStore").field("entries", &self.len()).finish()
    }
}

impl SecretStore for MemoryStore {
    fn put_slot(&self, account: &AccountRef, slot: Slot, credential: &Credential) -> Result<()> {
        self.lock().insert((account.clone(), slot), credential.clone());
        Ok(())
    }

    fn get_slot(&self, account: &AccountRef, slot: Slot) -> Result<Option<Credential>> {
        Ok(self.lock().get(&(account.clone(), slot)).cloned())
    }

    fn delete_slot(&self, account: &AccountRef, slot: Slot) -> Result<()> {
        self.lock().remove(&(account.clone(), slot));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use qrdesk_core::ApiSecret;

    use super::*;

    fn key(value: &str) -> Credential {
        Credential::Key(ApiSecret::new(value))
    }

    #[test]
    fn store_read_replace_delete() {
        let store = MemoryStore::new();
        let account = AccountRef::for_account(1);
        assert_eq!(store.get(&account).expect("get"), None);
        store.put(&account, &key("qrcp_live_first_key_0001")).expect("put");
        assert_eq!(store.get(&account).expect("get"), Some(key("qrcp_live_first_key_0001")));
        let pair = Credential::Pair { client_id: "cust_1".into(), api_key: ApiSecret::new("sk_2") };
        store.put(&account, &pair).expect("replace");
        assert_eq!(store.get(&account).expect("get"), Some(pair));
        store.delete(&account).expect("delete");
        assert_eq!(store.get(&account).expect("get"), None);
        store.delete(&account).expect("deleting a missing entry is fine");
        assert!(store.is_empty());
    }

    #[test]
    fn slots_and_accounts_are_separate() {
        let store = MemoryStore::new();
        let (one, two) = (AccountRef::for_account(1), AccountRef::for_account(2));
        store.put_slot(&one, Slot::Active, &key("a1")).expect("put");
        store.put_slot(&one, Slot::Pending, &key("p1")).expect("put");
        store.put_slot(&two, Slot::Active, &key("a2")).expect("put");
        assert_eq!(store.get_slot(&one, Slot::Pending).expect("get"), Some(key("p1")));
        assert_eq!(store.get_slot(&one, Slot::PendingRevoke).expect("get"), None);
        assert_eq!(store.get(&two).expect("get"), Some(key("a2")));
        store.delete_slot(&one, Slot::Pending).expect("delete slot");
        assert_eq!(store.slots(&one), vec![Slot::Active]);
        store.delete(&one).expect("delete account");
        assert_eq!(store.slots(&one), Vec::<Slot>::new());
        assert_eq!(store.slots(&two), vec![Slot::Active], "other accounts untouched");
    }

    #[test]
    fn debug_shows_no_secret() {
        let store = MemoryStore::new();
        store.put(&AccountRef::for_account(1), &key("sk_live_DEBUGLEAK_123456")).expect("put");
        assert!(!format!("{store:?}").contains("DEBUGLEAK"));
    }
}
