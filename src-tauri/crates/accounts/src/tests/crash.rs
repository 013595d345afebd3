//! A crash at any point of a rotation: the process dies after an action had its effect
//! (keychain write, HTTP call) but before the outcome was saved. A restarted service (a fresh
//! `AccountService` over the same store and keychain) must resume to a consistent state in which
//! the account's active key works, and finish the rotation.

use qrdesk_core::{AccountId, ApiSecret, ProviderKind};
use qrdesk_secrets::Slot;

use super::support::{now, World};
use crate::rotation::persist::AccountUpdate;
use crate::rotation::{advance, next_action, Action, Event};
use crate::RotationStep;

/// Performs the next action's effect and "dies" before saving its outcome, exactly as the
/// executor would up to that point (for a create, `CreateStarted` is saved first).
/// Returns the action, or `None` when the rotation waits for the user.
async fn crash_during_next_action(w: &World, id: AccountId) -> Option<Action> {
    let svc = w.service();
    let account = svc.account(id, now()).expect("account");
    let mut current = svc.load_rotation(id).expect("load").expect("rotation");
    let action = next_action(&current.rotation);
    if action.waits_for_user() || action == Action::Finished {
        return None;
    }
    if matches!(action, Action::CreateRemoteKey { .. }) {
        let t = advance(&current.rotation, Event::CreateStarted).expect("create started");
        current = svc.save_transition(id, &t, &AccountUpdate::Nothing, now()).expect("save");
    }
    let key_ref = svc.keychain_ref(id).expect("ref");
    let _lost = svc.perform(&account, &key_ref, &current.rotation, &action).await.expect("perform");
    Some(action)
}

/// One action, performed and saved (the executor's normal step).
async fn step(w: &World, id: AccountId) -> bool {
    let svc = w.service();
    let account = svc.account(id, now()).expect("account");
    let mut current = svc.load_rotation(id).expect("load").expect("rotation");
    let action = next_action(&current.rotation);
    if action.waits_for_user() || action == Action::Finished {
        return false;
    }
    svc.act(&account, &mut current, &action, now()).await.expect("act")
}

/// The active key in the keychain works against the service.
async fn assert_active_key_works(w: &World, id: AccountId, context: &str) {
    let account = w.account(id);
    let active = w.slot_secret(id, Slot::Active).expect("an active key always exists");
    assert!(w.works(&account, &active).await, "{context}: the active key does not work");
}

#[tokio::test]
async fn guided_rotation_survives_a_crash_during_any_action_for_every_guided_service() {
    let w = World::new().await;
    let org = w.seeded(ProviderKind::IloveQr, 1).organization.expect("organization");
    let ws = w.seeded(ProviderKind::ExaRoutes, 1).workspace.expect("workspace");
    let services = [
        (ProviderKind::QrCodePro, None),
        (ProviderKind::QrV1, Some("team")),
        (ProviderKind::IloveQr, Some(org.as_str())),
        (ProviderKind::ExaRoutes, Some(ws.as_str())),
    ];
    for (provider, scope) in services {
        guided_crashes(&w, provider, scope).await;
    }
}

async fn guided_crashes(w: &World, provider: ProviderKind, scope: Option<&str>) {
    // The account's workspace/organization (the `/api/v1/qr` plan name is no workspace).
    let workspace = scope.filter(|_| provider.capabilities().workspaces);
    // Moves of a complete guided rotation; a crash is injected before move `crash_at` when it
    // is an action (its effect happens, its outcome is lost).
    for crash_at in 0..8 {
        let old = w.issue(provider, scope);
        let new = w.issue(provider, scope);
        let id = w.add(provider, &old, workspace).await.id;
        let ctx = format!("{provider}: crash at move {crash_at}");
        for mv in 0..8 {
            if mv == crash_at {
                if w.service().load_rotation(id).expect("load").is_some() {
                    crash_during_next_action(w, id).await;
                }
                assert_active_key_works(w, id, &ctx).await;
            }
            let svc = w.service();
            match mv {
                0 => drop(svc.rotation_start(id, now()).await.expect("start")),
                1 => drop(
                    svc.rotation_submit_key(id, ApiSecret::new(new.as_str()), None, None, now())
                        .await
                        .expect("submit"),
                ),
                2 => drop(svc.rotation_verify(id, now()).await.expect("verify")),
                3 => drop(svc.rotation_switch(id, now()).await.expect("switch")),
                4 => {
                    w.sim.control().revoke_key(&old).expect("user revokes");
                    let mut current = svc.load_rotation(id).expect("load").expect("rotation");
                    if matches!(next_action(&current.rotation), Action::WaitForUserToRevoke { .. })
                    {
                        let t = advance(&current.rotation, Event::UserConfirmedRevoked).expect("t");
                        current = svc
                            .save_transition(id, &t, &AccountUpdate::Nothing, now())
                            .expect("save");
                    }
                    drop(current);
                }
                5 | 6 => drop(step(w, id).await),
                _ => {
                    let done = svc.rotation_confirm_revoked(id, now()).await;
                    let state = match done {
                        Ok(state) => Some(state),
                        // Already finished by the previous moves: nothing left to confirm.
                        Err(_) => svc.rotation_state(id).expect("state"),
                    };
                    assert!(state.is_none_or(|s| s.step == RotationStep::Done), "{ctx}");
                }
            }
            assert_active_key_works(w, id, &format!("{ctx}, after move {mv}")).await;
        }
        assert!(w.service().rotation_state(id).expect("state").is_none(), "{ctx}: finished");
        assert_eq!(w.slots(id), vec![Slot::Active], "{ctx}");
        assert_eq!(w.slot_secret(id, Slot::Active).as_deref(), Some(new.as_str()), "{ctx}");
        assert_eq!(w.account(id).masked_key, ApiSecret::new(new.as_str()).masked(), "{ctx}");
    }
}

#[tokio::test]
async fn a_crash_after_the_keychain_switch_then_abandon_restores_the_old_key() {
    let w = World::new().await;
    let old = w.issue(ProviderKind::QrCodePro, None);
    let new = w.issue(ProviderKind::QrCodePro, None);
    let id = w.add(ProviderKind::QrCodePro, &old, None).await.id;
    let svc = w.service();
    svc.rotation_start(id, now()).await.expect("start");
    svc.rotation_submit_key(id, ApiSecret::new(new.as_str()), None, None, now())
        .await
        .expect("submit");
    svc.rotation_verify(id, now()).await.expect("verify");
    let crashed = crash_during_next_action(&w, id).await;
    assert_eq!(crashed, Some(Action::PromoteInKeychain));
    assert_eq!(w.slot_secret(id, Slot::Active).as_deref(), Some(new.as_str()));
    // Step 3 was never recorded: abandoning is still allowed and puts the old key back.
    let abandoned = w.service().rotation_abandon(id, now()).await.expect("abandon");
    assert_eq!(abandoned.step, RotationStep::Done);
    assert_eq!(w.slots(id), vec![Slot::Active]);
    assert_eq!(w.slot_secret(id, Slot::Active).as_deref(), Some(old.as_str()));
    assert_active_key_works(&w, id, "after abandon").await;
}

#[tokio::test]
async fn exante_automatic_rotation_survives_a_crash_during_any_action() {
    let w = World::new().await;
    // Six actions: create, verify, switch, revoke the old key, check it, delete it.
    for crash_at in 0..6 {
        let old = w.issue(ProviderKind::Exante, None);
        let account = w.add(ProviderKind::Exante, &old, None).await;
        let id = account.id;
        let ctx = format!("crash before action {crash_at}");
        let name = {
            let provider = w.service().provider_for_account(&account).expect("adapter");
            provider.verify().await.expect("verify").key.expect("listed").name
        };
        w.service().rotation_start(id, now()).await.expect("start");
        for _ in 0..crash_at {
            if !step(&w, id).await {
                break;
            }
        }
        let crashed = crash_during_next_action(&w, id).await;
        assert_active_key_works(&w, id, &ctx).await;
        // The restarted process resumes (the CLI runs `account rotate --auto` again).
        let done = w.service().rotate_auto(id, now()).await.expect("resumed");
        assert_eq!(done.step, RotationStep::Done, "{ctx} ({crashed:?}): {:?}", done.last_error);
        assert_eq!(w.slots(id), vec![Slot::Active], "{ctx}");
        assert_active_key_works(&w, id, &ctx).await;
        assert!(!w.works(&account, &old).await, "{ctx}: the old key is revoked");
        let provider = w.service().provider_for_account(&w.account(id)).expect("adapter");
        let live = provider.list_keys().await.expect("keys");
        // The new key carries the old name and this rotation's tag.
        let tagged = format!("{name} [qrdesk-");
        let live: Vec<_> =
            live.iter().filter(|k| k.name.starts_with(&tagged) && !k.is_revoked()).collect();
        assert_eq!(live.len(), 1, "{ctx}: no stray key left: {live:?}");
        assert!(w.service().load_rotation(id).expect("load").is_none(), "{ctx}");
    }
}
