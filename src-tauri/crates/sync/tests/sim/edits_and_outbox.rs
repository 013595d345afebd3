//! Offline edits, creates that never duplicate, deletes, conflicts and step-up.

use qrdesk_core::{CodeChanges, CodeStatus, ErrorKind, OutboxState, ProviderKind};
use qrdesk_sim::{CodeEdit, Fault, FaultKind};
use qrdesk_store::{codes, outbox};
use qrdesk_sync::{
    conflict_view, create_code, create_codes, delete_code, edit_code, preview_replace, Keep,
    NewCodeInput,
};

use crate::support::*;

fn rename(name: &str) -> CodeChanges {
    CodeChanges { name: Some(name.into()), ..CodeChanges::default() }
}

#[tokio::test]
async fn an_edit_made_on_both_sides_is_a_conflict_that_keeps_both_versions() {
    let env = env(&["Team plan"]).await;
    let account = env.account("Team plan");
    env.sync().await;
    let code = env.local_codes(account.id)[3].clone();
    let remote_id = code.remote_id.clone().unwrap();
    let entry = edit_code(&env.store, code.id, &rename("Local name")).unwrap();
    let edit = CodeEdit { name: Some("Remote name".into()), ..CodeEdit::default() };
    env.sim.control().edit_code(ProviderKind::QrV1, &remote_id, edit).unwrap();

    let report = env.sync().await;
    assert_eq!((report.counts.conflicts, report.counts.outbox_pushed), (1, 0));
    let view = conflict_view(&env.store, entry).unwrap();
    assert_eq!(view.entry.state, OutboxState::Conflict);
    assert_eq!(view.entry.kind, Some(ErrorKind::Conflict));
    assert_eq!(view.local.name, "Local name", "the local copy keeps showing the edit");
    assert_eq!(view.remote.unwrap().name, "Remote name");
    assert_eq!(
        env.remote_codes(account.id).await.iter().find(|c| c.remote_id == remote_id).unwrap().name,
        "Remote name"
    );
    // A second sync neither overwrites nor re-sends.
    let again = env.sync().await;
    assert_eq!((again.counts.conflicts, again.counts.outbox_pushed), (0, 0));
    assert_eq!(env.code_by_remote(account.id, &remote_id).name, "Local name");

    let done = env.engine().resolve(entry, Keep::Local).await.unwrap();
    assert_eq!(done.entry.unwrap().state, OutboxState::Done);
    env.assert_cache_matches_service(account.id).await;
    assert_eq!(env.code_by_remote(account.id, &remote_id).name, "Local name");

    // Keeping the service's side drops the edit and shows the service's version.
    let entry = edit_code(&env.store, code.id, &rename("Mine again")).unwrap();
    let edit = CodeEdit { name: Some("Theirs".into()), ..CodeEdit::default() };
    env.sim.control().edit_code(ProviderKind::QrV1, &remote_id, edit).unwrap();
    env.sync().await;
    let kept = env.engine().resolve(entry, Keep::Remote).await.unwrap();
    assert!(kept.entry.is_none() && kept.refreshed);
    assert_eq!(env.code_by_remote(account.id, &remote_id).name, "Theirs");
    assert!(env.store.read(|c| outbox::list(c, Some(account.id), false)).unwrap().is_empty());
    env.sim.shutdown().await;
}

#[tokio::test]
async fn a_destination_edit_needs_confirmation_then_goes_once_the_grace_window_opens() {
    let env = env(&["Main workspace (Bearer)"]).await;
    let account = env.account("Main workspace (Bearer)");
    env.sync().await;
    let code = env.local_codes(account.id)[0].clone();
    let change =
        CodeChanges { destination: Some("https://new.example/menu".into()), ..Default::default() };
    let entry = edit_code(&env.store, code.id, &change).unwrap();
    let report = env.sync().await;
    assert_eq!(report.counts.needs_confirmation, 1);
    let e = env.store.read(|c| outbox::get(c, entry)).unwrap();
    assert_eq!(
        (e.state, e.kind),
        (OutboxState::NeedsConfirmation, Some(ErrorKind::StepUpRequired))
    );
    assert!(e.message.unwrap().contains("5 minutes"));
    assert_eq!(
        env.code_by_remote(account.id, code.remote_id.as_deref().unwrap()).destination,
        "https://new.example/menu"
    );

    env.sim.control().open_grace(account.workspace.as_deref().unwrap()).unwrap();
    let report = env.sync().await;
    assert_eq!((report.counts.outbox_pushed, report.counts.needs_confirmation), (1, 0));
    assert_eq!(env.store.read(|c| outbox::get(c, entry)).unwrap().state, OutboxState::Done);
    env.assert_cache_matches_service(account.id).await;
    env.sim.shutdown().await;
}

#[tokio::test]
async fn a_create_retried_after_a_dropped_connection_makes_exactly_one_code() {
    let env = env(&["QRCodePro – live"]).await;
    let account = env.account("QRCodePro – live");
    env.sync().await;
    let (code, entry) = create_code(
        &env.store,
        account.id,
        &NewCodeInput {
            name: "Spring flyer".into(),
            destination: "https://shop.example/spring".into(),
        },
    )
    .unwrap();
    let local = env.store.read(|c| codes::get(c, code)).unwrap();
    assert!(local.remote_id.is_none() && local.pending);
    env.sim
        .control()
        .inject_fault(Fault::next(FaultKind::DropConnection, 1).only(ProviderKind::QrCodePro));
    let report = env.sync().await;
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.counts.outbox_pushed, 1);
    let remote = env.remote_codes(account.id).await;
    assert_eq!(remote.iter().filter(|c| c.name == "Spring flyer").count(), 1, "never duplicated");
    assert_eq!(remote.len(), 26);
    let local = env.store.read(|c| codes::get(c, code)).unwrap();
    assert!(local.remote_id.is_some() && !local.pending && local.content.starts_with("http"));
    assert_eq!(env.store.read(|c| outbox::get(c, entry)).unwrap().state, OutboxState::Done);
    env.assert_cache_matches_service(account.id).await;
    env.sim.shutdown().await;
}

#[tokio::test]
async fn offline_edits_deletes_and_imports_wait_and_go_up_later() {
    let env = env(&["key in one organization"]).await;
    let account = env.account("key in one organization");
    env.sync().await;
    let locals = env.local_codes(account.id);
    let (a, b) = (locals[0].clone(), locals[1].clone());
    // Offline: every connection drops.
    env.sim.control().inject_fault(Fault::probability(FaultKind::DropConnection, 1.0));
    edit_code(
        &env.store,
        a.id,
        &CodeChanges {
            status: Some(CodeStatus::Archived),
            name: Some("Paused one".into()),
            ..Default::default()
        },
    )
    .unwrap();
    delete_code(&env.store, b.id).unwrap();
    let rows = vec![
        NewCodeInput {
            name: "Imported row 1".into(),
            destination: "https://cafe.example/t/1".into(),
        },
        NewCodeInput {
            name: "Imported row 2".into(),
            destination: "https://cafe.example/t/2".into(),
        },
    ];
    create_codes(&env.store, account.id, &rows).unwrap();
    let offline = env.sync().await;
    assert_eq!(offline.errors.len(), 1);
    assert_eq!(offline.errors[0].kind, ErrorKind::Network);
    assert_eq!(offline.counts.outbox_pushed, 0);
    let waiting = env.store.read(|c| outbox::list(c, Some(account.id), false)).unwrap();
    assert_eq!(waiting.len(), 4, "nothing left the outbox");
    assert!(waiting.iter().all(|e| e.state == OutboxState::Pending));
    assert_eq!(
        env.local_codes(account.id).iter().find(|c| c.id == a.id).unwrap().name,
        "Paused one"
    );
    let stored =
        env.store.read(|c| qrdesk_store::accounts::get(c, account.id, chrono::Utc::now())).unwrap();
    assert_eq!(stored.last_error.map(|e| e.kind), Some(ErrorKind::Network));

    env.sim.control().clear_faults();
    let online = env.sync().await;
    assert!(online.errors.is_empty(), "{:?}", online.errors);
    assert_eq!(online.counts.outbox_pushed, 4);
    assert!(env.store.read(|c| outbox::list(c, Some(account.id), false)).unwrap().is_empty());
    let remote = env.remote_codes(account.id).await;
    assert!(
        !remote.iter().any(|c| Some(&c.remote_id) == b.remote_id.as_ref()),
        "deleted on the service"
    );
    let paused = remote.iter().find(|c| Some(&c.remote_id) == a.remote_id.as_ref()).unwrap();
    assert_eq!((paused.name.as_str(), paused.status), ("Paused one", CodeStatus::Archived));
    assert_eq!(remote.iter().filter(|c| c.name.starts_with("Imported row ")).count(), 2);
    env.assert_cache_matches_service(account.id).await;
    env.sim.shutdown().await;
}

#[tokio::test]
async fn a_url_replace_is_previewed_then_applied_in_bulk_or_per_code() {
    let env = env(&["Main workspace (Bearer)", "Team plan"]).await;
    env.sync().await;
    for (label, method) in [("Main workspace (Bearer)", "bulk"), ("Team plan", "queued")] {
        let account = env.account(label);
        if let Some(ws) = account.workspace.as_deref() {
            env.sim.control().open_grace(ws).unwrap();
        }
        let preview = preview_replace(&env.store, account.id, ".example/", ".example/v2/").unwrap();
        assert!(!preview.is_empty(), "{label}");
        assert!(preview.iter().all(|p| p.after.contains(".example/v2/")));
        let done =
            env.engine().apply_replace(account.id, ".example/", ".example/v2/").await.unwrap();
        assert_eq!((done.method, done.changed), (method, preview.len() as u64), "{label}");
        let remote = env.remote_codes(account.id).await;
        let moved = remote.iter().filter(|c| c.destination.contains(".example/v2/")).count();
        assert_eq!(moved, preview.len(), "{label}: the service has every replaced destination");
        env.assert_cache_matches_service(account.id).await;
    }
    env.sim.shutdown().await;
}
