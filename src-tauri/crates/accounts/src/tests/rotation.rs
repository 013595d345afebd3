//! Rotations against the simulator: every provider's happy path, refusals, back and abandon.

use qrdesk_core::{AccountStatus, ApiSecret, ErrorKind, ProviderKind};
use qrdesk_secrets::Slot;

use super::support::{now, World};
use crate::RotationStep;

/// A guided rotation from start to finish; returns after checking every invariant.
async fn guided_happy_path(
    w: &World,
    provider: ProviderKind,
    old: &str,
    new: &str,
    ws: Option<&str>,
) {
    let account = w.add(provider, old, ws).await;
    let id = account.id;
    let svc = w.service();
    let started = svc.rotation_start(id, now()).await.expect("start");
    assert_eq!(started.step, RotationStep::EnterKey);
    assert!(!started.automatic);
    assert_eq!(w.account(id).status, AccountStatus::Rotating);

    let staged = svc.rotation_submit_key(id, ApiSecret::new(new), None, None, now()).await;
    assert_eq!(staged.expect("submit").step, RotationStep::Verify);
    assert_eq!(w.slot_secret(id, Slot::Pending).as_deref(), Some(new));
    let verified = svc.rotation_verify(id, now()).await.expect("verify");
    assert_eq!(verified.step, RotationStep::Switch, "{:?}", verified.last_error);
    let switched = svc.rotation_switch(id, now()).await.expect("switch");
    assert_eq!(switched.step, RotationStep::RevokeOld);
    assert_eq!(w.slot_secret(id, Slot::Active).as_deref(), Some(new));
    assert_eq!(w.slot_secret(id, Slot::PendingRevoke).as_deref(), Some(old));
    assert_eq!(w.account(id).masked_key, ApiSecret::new(new).masked());

    // Step 5 before the old key is revoked: it still works, the user is told where to revoke.
    let early = svc.rotation_confirm_revoked(id, now()).await.expect("confirm early");
    assert_eq!(early.step, RotationStep::RevokeOld);
    let message = early.last_error.expect("still works").message;
    assert!(message.contains("still accepts") && message.contains(provider.key_dashboard_hint()));

    w.sim.control().revoke_key(old).expect("user revokes in the dashboard");
    let done = svc.rotation_confirm_revoked(id, now()).await.expect("confirm");
    assert_eq!(done.step, RotationStep::Done);
    assert_eq!(w.slots(id), vec![Slot::Active]);
    assert!(svc.rotation_state(id).expect("state").is_none());
    let account = w.service().verify_account(id, now()).await.expect("new key works");
    assert_eq!(account.status, AccountStatus::Verified);
    let events = w.audit_events(id);
    for event in [
        "rotation_started",
        "rotation_new_key_staged",
        "rotation_new_key_verified",
        "rotation_switched",
        "rotation_old_key_still_works",
        "rotation_old_key_revoked",
        "rotation_old_key_dead",
        "rotation_completed",
    ] {
        assert!(events.iter().any(|e| e == event), "{event} missing from {events:?}");
    }
    let stored = w.stored_text(id);
    assert!(!stored.contains(old) && !stored.contains(new), "a secret reached SQLite");
}

#[tokio::test]
async fn guided_rotation_happy_path_for_every_guided_service() {
    let w = World::new().await;
    let qrcp_old = w.issue(ProviderKind::QrCodePro, None);
    let qrcp_new = w.issue(ProviderKind::QrCodePro, None);
    guided_happy_path(&w, ProviderKind::QrCodePro, &qrcp_old, &qrcp_new, None).await;

    let v1_old = w.issue(ProviderKind::QrV1, Some("team"));
    let v1_new = w.issue(ProviderKind::QrV1, Some("team"));
    guided_happy_path(&w, ProviderKind::QrV1, &v1_old, &v1_new, None).await;

    let org = w.seeded(ProviderKind::IloveQr, 1).organization.expect("org");
    let il_old = w.issue(ProviderKind::IloveQr, Some(&org));
    let il_new = w.issue(ProviderKind::IloveQr, Some(&org));
    guided_happy_path(&w, ProviderKind::IloveQr, &il_old, &il_new, Some(&org)).await;

    let ws = w.seeded(ProviderKind::ExaRoutes, 1).workspace.expect("workspace");
    let exr_old = w.issue(ProviderKind::ExaRoutes, Some(&ws));
    let exr_new = w.issue(ProviderKind::ExaRoutes, Some(&ws));
    guided_happy_path(&w, ProviderKind::ExaRoutes, &exr_old, &exr_new, Some(&ws)).await;
}

#[tokio::test]
async fn exaroutes_header_pair_rotates_to_a_new_pair() {
    let w = World::new().await;
    let ws = w.seeded(ProviderKind::ExaRoutes, 0).workspace.expect("workspace");
    let (old_client, old_key) = w.sim.control().issue_exaroutes_pair(Some(&ws)).expect("pair");
    let (new_client, new_key) = w.sim.control().issue_exaroutes_pair(Some(&ws)).expect("pair");
    let mut request = w.request(Some(ProviderKind::ExaRoutes), &old_key);
    request.client_id = Some(old_client);
    request.workspace = Some(ws);
    let account = w.service().add_account(request, now()).await.expect("added");
    let svc = w.service();
    svc.rotation_start(account.id, now()).await.expect("start");
    svc.rotation_submit_key(
        account.id,
        ApiSecret::new(new_key.as_str()),
        Some(new_client.clone()),
        None,
        now(),
    )
    .await
    .expect("submit");
    let verified = svc.rotation_verify(account.id, now()).await.expect("verify");
    assert_eq!(verified.step, RotationStep::Switch, "{:?}", verified.last_error);
    svc.rotation_switch(account.id, now()).await.expect("switch");
    assert_eq!(w.account(account.id).client_id.as_deref(), Some(new_client.as_str()));
    w.sim.control().revoke_key(&old_key).expect("revoke");
    let done = svc.rotation_confirm_revoked(account.id, now()).await.expect("confirm");
    assert_eq!(done.step, RotationStep::Done);
    w.service().verify_account(account.id, now()).await.expect("the new pair works");
}

#[tokio::test]
async fn exante_rotates_fully_automatically_and_revokes_the_old_key() {
    let w = World::new().await;
    let old = w.issue(ProviderKind::Exante, None);
    let account = w.add(ProviderKind::Exante, &old, None).await;
    let old_key = {
        let provider = w.service().provider_for_account(&account).expect("adapter");
        provider.verify().await.expect("verify").key.expect("key listed")
    };
    let done = w.service().rotate_auto(account.id, now()).await.expect("rotated");
    assert_eq!(done.step, RotationStep::Done, "{:?}", done.last_error);
    assert!(done.automatic);
    assert_eq!(w.slots(account.id), vec![Slot::Active]);
    let new = w.slot_secret(account.id, Slot::Active).expect("new key");
    assert_ne!(new, old);
    assert!(!w.works(&account, &old).await, "old key revoked on the service");
    let provider = w.service().provider_for_account(&w.account(account.id)).expect("adapter");
    let keys = provider.list_keys().await.expect("keys");
    let revoked = keys.iter().find(|k| k.uid == old_key.uid).expect("old key listed");
    assert!(revoked.is_revoked());
    let tagged = format!("{} [qrdesk-", old_key.name);
    let live: Vec<_> =
        keys.iter().filter(|k| k.name.starts_with(&tagged) && !k.is_revoked()).collect();
    assert_eq!(live.len(), 1, "exactly one live key with the old name and a tag: {live:?}");
    assert_eq!(live[0].scopes, old_key.scopes, "same scopes");
    let lifetime = crate::rotation::key_lifetime_days;
    assert_eq!(
        lifetime(live[0].created_at, live[0].expires_at),
        lifetime(old_key.created_at, old_key.expires_at),
        "same lifetime (90 days when the old one is unknown)"
    );
    let shown = w.account(account.id);
    assert_eq!(shown.masked_key, ApiSecret::new(new.as_str()).masked());
    assert_eq!(shown.expires_at, live[0].expires_at);
    assert!(!w.stored_text(account.id).contains(&new));
    let err = w
        .service()
        .rotation_submit_key(account.id, ApiSecret::new("ex_live_x"), None, None, now())
        .await;
    assert!(err.is_err(), "no rotation in progress any more");
}

#[tokio::test]
async fn a_key_for_another_workspace_or_service_or_the_same_key_is_refused() {
    let w = World::new().await;
    let seeded = w.seeded(ProviderKind::IloveQr, 0);
    let (home, other) = (seeded.organizations[0].clone(), seeded.organizations[1].clone());
    let old = w.issue(ProviderKind::IloveQr, Some(&home));
    let account = w.add(ProviderKind::IloveQr, &old, Some(&home)).await;
    let svc = w.service();
    svc.rotation_start(account.id, now()).await.expect("start");

    let same =
        svc.rotation_submit_key(account.id, ApiSecret::new(old.as_str()), None, None, now()).await;
    assert!(same.expect_err("same key").message.contains("already uses"));
    let qrcp = w.issue(ProviderKind::QrCodePro, None);
    let wrong =
        svc.rotation_submit_key(account.id, ApiSecret::new(qrcp.as_str()), None, None, now()).await;
    assert_eq!(wrong.expect_err("other service").kind, ErrorKind::BadInput);

    // A key of the other organization only (the one-organization seeded key is for `home`, so
    // issue one scoped to `other`).
    let foreign = w.issue(ProviderKind::IloveQr, Some(&other));
    svc.rotation_submit_key(account.id, ApiSecret::new(foreign.as_str()), None, None, now())
        .await
        .expect("staged");
    let refused = svc.rotation_verify(account.id, now()).await.expect("verify ran");
    assert_eq!(refused.step, RotationStep::EnterKey);
    assert_eq!(refused.last_error.map(|e| e.kind), Some(ErrorKind::NotAMember));
    assert_eq!(w.slots(account.id), vec![Slot::Active], "the refused key is gone");
    assert_eq!(w.slot_secret(account.id, Slot::Active).as_deref(), Some(old.as_str()));

    // Back and abandon before the switch change nothing.
    let good = w.issue(ProviderKind::IloveQr, Some(&home));
    svc.rotation_submit_key(account.id, ApiSecret::new(good.as_str()), None, None, now())
        .await
        .expect("staged");
    assert_eq!(
        svc.rotation_back(account.id, now()).await.expect("back").step,
        RotationStep::EnterKey
    );
    assert_eq!(w.slots(account.id), vec![Slot::Active]);
    svc.rotation_submit_key(account.id, ApiSecret::new(good.as_str()), None, None, now())
        .await
        .expect("staged again");
    svc.rotation_verify(account.id, now()).await.expect("verified");
    let abandoned = svc.rotation_abandon(account.id, now()).await.expect("abandon");
    assert_eq!(abandoned.step, RotationStep::Done);
    assert_eq!(w.slots(account.id), vec![Slot::Active]);
    assert_eq!(w.slot_secret(account.id, Slot::Active).as_deref(), Some(old.as_str()));
    let after = w.account(account.id);
    assert_eq!((after.masked_key, after.status), (account.masked_key, AccountStatus::Verified));
    assert!(svc.rotation_state(account.id).expect("state").is_none());
}

#[tokio::test]
async fn abandon_after_the_switch_is_refused() {
    let w = World::new().await;
    let old = w.issue(ProviderKind::QrCodePro, None);
    let new = w.issue(ProviderKind::QrCodePro, None);
    let account = w.add(ProviderKind::QrCodePro, &old, None).await;
    let svc = w.service();
    svc.rotation_start(account.id, now()).await.expect("start");
    svc.rotation_submit_key(account.id, ApiSecret::new(new.as_str()), None, None, now())
        .await
        .expect("submit");
    svc.rotation_verify(account.id, now()).await.expect("verify");
    svc.rotation_switch(account.id, now()).await.expect("switch");
    let err = svc.rotation_abandon(account.id, now()).await.expect_err("too late");
    assert!(err.message.contains(ProviderKind::QrCodePro.key_dashboard_hint()), "{}", err.message);
    assert_eq!(w.slot_secret(account.id, Slot::Active).as_deref(), Some(new.as_str()));
}
