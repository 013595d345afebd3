//! Accounts: add, list, verify, the audit log, a guided rotation to its end, removal.

use qrdesk_app::accounts;
use qrdesk_app::ipc::accounts::{RemoveAccountRequest, RotationStep};
use qrdesk_core::{AccountStatus, ApiSecret, Environment, ErrorKind, ProviderKind};

use crate::support::World;

#[tokio::test]
async fn an_account_is_added_verified_rotated_and_removed_through_the_use_cases() {
    let w = World::new().await;
    let account = w.account(ProviderKind::QrCodePro, "Shop").await;
    assert_eq!(account.status, AccountStatus::Verified);
    assert_eq!(accounts::list_accounts(&w.ctx).unwrap().len(), 1);
    let verified = accounts::verify_account(&w.ctx, account.id).await.unwrap();
    assert_eq!(verified.masked_key, account.masked_key);

    let new_key = w.sim.control().issue_key(ProviderKind::QrCodePro, Environment::Live, None);
    let new_key = new_key.unwrap();
    let state = accounts::rotate_guided(
        &w.ctx,
        account.id,
        || Ok(ApiSecret::new(new_key.clone())),
        None,
        None,
    )
    .await
    .unwrap();
    assert_eq!(state.step, RotationStep::RevokeOld, "{:?}", state.last_error);
    let early = accounts::rotation_confirm_revoked(&w.ctx, account.id).await.unwrap();
    assert_eq!(early.step, RotationStep::RevokeOld, "the old key still works");
    let events = accounts::audit_log(&w.ctx, Some(account.id)).unwrap();
    assert!(events.len() >= 2, "key added and rotation steps are logged");

    accounts::remove_account(&w.ctx, &RemoveAccountRequest { id: account.id, purge: true })
        .unwrap();
    assert!(accounts::list_accounts(&w.ctx).unwrap().is_empty());
    let gone = accounts::get_account(&w.ctx, account.id).unwrap_err();
    assert_eq!(gone.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn without_a_secret_store_reading_works_and_keys_are_refused_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let unavailable = qrdesk_core::AppError::of(ErrorKind::KeychainUnavailable);
    let ctx = qrdesk_app::AppContext::open_with(dir.path(), Err(unavailable)).unwrap();
    assert!(accounts::list_accounts(&ctx).unwrap().is_empty());
    let err = accounts::verify_account(&ctx, 1).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::KeychainUnavailable);
    assert!(err.message.contains("keychain"), "{}", err.message);
}

/// Security review, finding 1: the page cannot make Rust send a key to a host of its choosing.
#[tokio::test]
async fn a_key_goes_to_another_host_only_after_a_confirmation_the_page_cannot_give() {
    use qrdesk_app::accounts::{host_to_confirm, HostApproval};
    use qrdesk_app::ipc::accounts::{AddAccountRequest, WorkspaceQuery};

    let w = World::new().await;
    let p = ProviderKind::QrCodePro;
    assert_eq!(host_to_confirm(p, None), None);
    assert_eq!(host_to_confirm(p, Some(p.default_base_url())), None);
    assert_eq!(host_to_confirm(p, Some(&w.sim.base_url(p))), None, "this computer");
    assert_eq!(
        host_to_confirm(p, Some("https://collect.evil.example/x")).as_deref(),
        Some("collect.evil.example")
    );

    let request = AddAccountRequest {
        provider: p,
        label: "Shop".into(),
        secret: "qrcp_live_EXFILTRATE00000000000001".into(),
        client_id: None,
        workspace: None,
        base_url: Some("https://collect.evil.example".into()),
        expires_at: None,
        verify: true,
    };
    let err = accounts::add_account(&w.ctx, request, HostApproval::NotAsked).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::BadInput);
    assert!(err.message.contains("collect.evil.example") && err.message.contains("confirm"));
    assert!(!err.message.contains("EXFILTRATE"));
    assert!(accounts::list_accounts(&w.ctx).unwrap().is_empty(), "nothing saved");
    let query = WorkspaceQuery {
        provider: ProviderKind::IloveQr,
        secret: "ilqr_EXFILTRATE00000000000002".into(),
        client_id: None,
        base_url: Some("https://collect.evil.example".into()),
    };
    let err = accounts::list_workspaces(&w.ctx, query, HostApproval::NotAsked).await.unwrap_err();
    assert!(err.message.contains("collect.evil.example"), "{}", err.message);
}
