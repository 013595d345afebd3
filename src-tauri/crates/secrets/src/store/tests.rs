//! Rotation moves on [`MemoryStore`], including a failure or crash between any two writes.

use std::sync::atomic::{AtomicUsize, Ordering};

use qrdesk_core::{ApiSecret, AppError, Credential, ErrorKind, Result};

use crate::{AccountRef, MemoryStore, Promotion, SecretStore, Slot};

fn key(value: &str) -> Credential {
    Credential::Key(ApiSecret::new(value))
}

fn old() -> Credential {
    key("qrcp_live_OLD_key_000000001")
}

fn new() -> Credential {
    Credential::Pair { client_id: "cust_9".into(), api_key: ApiSecret::new("sk_live_NEW_000002") }
}

fn account() -> AccountRef {
    AccountRef::for_account(7)
}

/// Snapshot of the three slots.
fn state(store: &MemoryStore) -> [Option<Credential>; 3] {
    Slot::ALL.map(|slot| store.get_slot(&account(), slot).expect("memory read"))
}

/// How a write misbehaves once the budget of good writes is spent.
#[derive(Debug, Clone, Copy)]
enum Fault {
    /// The write does not happen and the call fails (keychain went away, process killed).
    Refuse,
    /// The write happens but the call fails (the reply was lost).
    ApplyThenFail,
    /// The write does not happen but the call claims success.
    SilentlyDrop,
}

/// Wraps a [`MemoryStore`]; the first `budget` writes (puts and deletes) behave, later ones
/// misbehave as `fault` says. Reads always work.
struct FaultyStore<'a> {
    inner: &'a MemoryStore,
    budget: AtomicUsize,
    fault: Fault,
}

impl<'a> FaultyStore<'a> {
    fn new(inner: &'a MemoryStore, budget: usize, fault: Fault) -> Self {
        FaultyStore { inner, budget: AtomicUsize::new(budget), fault }
    }

    /// Runs `write` or a fault, depending on the remaining budget.
    fn write(&self, write: impl FnOnce() -> Result<()>) -> Result<()> {
        let spent =
            self.budget.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |b| b.checked_sub(1));
        if spent.is_ok() {
            return write();
        }
        let failure = Err(AppError::of(ErrorKind::KeychainUnavailable));
        match self.fault {
            Fault::Refuse => failure,
            Fault::ApplyThenFail => write().and(failure),
            Fault::SilentlyDrop => Ok(()),
        }
    }
}

impl SecretStore for FaultyStore<'_> {
    fn put_slot(&self, account: &AccountRef, slot: Slot, credential: &Credential) -> Result<()> {
        self.write(|| self.inner.put_slot(account, slot, credential))
    }

    fn get_slot(&self, account: &AccountRef, slot: Slot) -> Result<Option<Credential>> {
        self.inner.get_slot(account, slot)
    }

    fn delete_slot(&self, account: &AccountRef, slot: Slot) -> Result<()> {
        self.write(|| self.inner.delete_slot(account, slot))
    }
}

/// A store holding these three slots.
fn seeded(slots: &[Option<Credential>; 3]) -> MemoryStore {
    let store = MemoryStore::new();
    for (slot, value) in Slot::ALL.into_iter().zip(slots) {
        if let Some(credential) = value {
            store.put_slot(&account(), slot, credential).expect("put");
        }
    }
    store
}

/// Active = old, Pending = new: the state after rotation steps 1-2.
fn staged() -> MemoryStore {
    let store = MemoryStore::new();
    store.put(&account(), &old()).expect("put");
    store.stage_pending(&account(), &new()).expect("stage");
    store
}

#[test]
fn promote_moves_new_to_active_and_keeps_old_for_revocation() {
    let store = staged();
    assert_eq!(store.promote_pending(&account()).expect("promote"), Promotion::Promoted);
    assert_eq!(state(&store), [Some(new()), None, Some(old())]);
    assert_eq!(store.promote_pending(&account()).expect("again"), Promotion::AlreadyPromoted);
    assert_eq!(state(&store), [Some(new()), None, Some(old())], "second call changes nothing");
}

#[test]
fn promote_without_an_old_key_just_activates() {
    let store = MemoryStore::new();
    store.stage_pending(&account(), &new()).expect("stage");
    assert_eq!(store.promote_pending(&account()).expect("promote"), Promotion::Promoted);
    assert_eq!(state(&store), [Some(new()), None, None]);
}

#[test]
fn promote_with_nothing_at_all_is_refused() {
    let err = MemoryStore::new().promote_pending(&account()).expect_err("nothing to promote");
    assert_eq!(err.kind, ErrorKind::MissingCredentials);
}

#[test]
fn promote_refuses_to_overwrite_an_old_key_still_waiting_for_revocation() {
    let store = staged();
    let older = key("qrcp_live_OLDER_key_00000003");
    store.put_slot(&account(), Slot::PendingRevoke, &older).expect("put");
    let err = store.promote_pending(&account()).expect_err("earlier rotation unfinished");
    assert_eq!(err.kind, ErrorKind::BadInput);
    assert_eq!(state(&store), [Some(old()), Some(new()), Some(older)], "nothing changed");
}

#[test]
fn abandon_before_promotion_only_drops_the_pending_key() {
    let store = staged();
    store.discard_pending(&account()).expect("discard");
    assert_eq!(state(&store), [Some(old()), None, None]);
    store.discard_pending(&account()).expect("nothing pending is fine");
}

#[test]
fn abandon_after_an_unrecorded_promotion_restores_the_old_key() {
    // Every state promote_pending can leave behind when the process dies before the rotation
    // records step 3: abandoning must give back exactly the old key.
    let partial_states = [
        [Some(old()), Some(new()), Some(old())],
        [Some(new()), Some(new()), Some(old())],
        [Some(new()), None, Some(old())],
    ];
    for before in partial_states {
        // A crash after any number of good writes, then a clean retry.
        for budget in 0..4 {
            let retry = seeded(&before);
            let first = FaultyStore::new(&retry, budget, Fault::Refuse).discard_pending(&account());
            let [active, _, revoke] = state(&retry);
            assert!(
                active == Some(old()) || revoke == Some(old()),
                "{before:?}, {budget} good writes: the old key stays reachable"
            );
            if first.is_err() {
                retry.discard_pending(&account()).expect("retry on a healthy keychain");
            }
            assert_eq!(state(&retry), [Some(old()), None, None], "{before:?}, {budget} writes");
        }
    }
}

#[test]
fn delete_removes_every_slot() {
    let store = staged();
    store.put_slot(&account(), Slot::PendingRevoke, &key("x")).expect("put");
    store.delete(&account()).expect("delete");
    assert_eq!(state(&store), [None, None, None]);
}

/// A failure after any number of good writes leaves both keys reachable, and running the
/// promotion again on a healthy keychain always ends in the promoted state.
#[test]
fn promotion_resumes_after_a_failure_between_any_two_writes() {
    for fault in [Fault::Refuse, Fault::ApplyThenFail, Fault::SilentlyDrop] {
        let mut finished = false;
        for budget in 0..10 {
            let store = staged();
            let outcome = store_promote(&store, budget, fault);
            let [active, pending, revoke] = state(&store);
            let ctx = format!("{fault:?} after {budget} good writes");
            assert!(
                active == Some(old()) || revoke == Some(old()),
                "{ctx}: the old key must stay reachable until it is revoked"
            );
            assert!(
                active == Some(new()) || pending == Some(new()),
                "{ctx}: the new key must never be lost"
            );
            assert!(active == Some(old()) || active == Some(new()), "{ctx}: active is a known key");
            if outcome.is_ok() {
                assert_eq!(state(&store), [Some(new()), None, Some(old())], "{ctx}");
                finished = true;
                break;
            }
            let resumed = store.promote_pending(&account()).expect("resume on a healthy keychain");
            assert!(matches!(resumed, Promotion::Promoted | Promotion::AlreadyPromoted), "{ctx}");
            assert_eq!(state(&store), [Some(new()), None, Some(old())], "{ctx}: after resuming");
        }
        assert!(finished, "{fault:?}: the promotion finishes once writes behave");
    }
}

fn store_promote(store: &MemoryStore, budget: usize, fault: Fault) -> Result<Promotion> {
    FaultyStore::new(store, budget, fault).promote_pending(&account())
}

#[test]
fn a_write_that_does_not_read_back_stops_the_move() {
    let store = staged();
    let err = store_promote(&store, 0, Fault::SilentlyDrop).expect_err("dropped write");
    assert_eq!(err.kind, ErrorKind::KeychainUnavailable);
    assert_eq!(state(&store), [Some(old()), Some(new()), None], "nothing deleted");
}

#[test]
fn staging_a_key_that_does_not_read_back_fails() {
    let store = MemoryStore::new();
    let err = FaultyStore::new(&store, 0, Fault::SilentlyDrop)
        .stage_pending(&account(), &new())
        .expect_err("dropped write");
    assert_eq!(err.kind, ErrorKind::KeychainUnavailable);
}
