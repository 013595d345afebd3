use chrono::Utc;
use qrdesk_accounts::{
    AccountService, AddAccountInput, RotationKeyRequest, RotationState, WorkspaceOption,
    WorkspaceQuery,
};
use qrdesk_app::accounts_view;
use qrdesk_core::audit::AuditEvent;
use qrdesk_core::{Account, AccountId};
use serde::Deserialize;
use tauri::State;

use super::CmdResult;
use crate::state::DesktopState;

fn service(state: &DesktopState) -> CmdResult<AccountService<'_>> {
    Ok(AccountService::new(state.ctx()?.store(), state.secrets()?))
}

#[tauri::command]
pub fn list_accounts(state: State<'_, DesktopState>) -> CmdResult<Vec<Account>> {
    accounts_view::list_accounts(state.ctx()?)
}

#[tauri::command]
pub fn audit_log(
    state: State<'_, DesktopState>,
    account: Option<i64>,
) -> CmdResult<Vec<AuditEvent>> {
    accounts_view::audit_log(state.ctx()?, account)
}

#[tauri::command]
pub async fn list_workspaces(
    state: State<'_, DesktopState>,
    query: WorkspaceQuery,
) -> CmdResult<Vec<WorkspaceOption>> {
    let (provider, client_id, base_url) =
        (query.provider, query.client_id.clone(), query.base_url.clone());
    service(&state)?
        .list_organizations(Some(provider), query.secret(), client_id, base_url.as_deref())
        .await
}

#[tauri::command]
pub async fn add_account(
    state: State<'_, DesktopState>,
    request: AddAccountInput,
) -> CmdResult<Account> {
    service(&state)?.add_account(request.into_request()?, Utc::now()).await
}

#[tauri::command]
pub async fn verify_account(state: State<'_, DesktopState>, id: AccountId) -> CmdResult<Account> {
    service(&state)?.verify_account(id, Utc::now()).await
}

#[derive(Deserialize)]
pub struct RemoveAccountRequest {
    id: AccountId,
    purge: bool,
}

#[tauri::command]
pub fn remove_account(
    state: State<'_, DesktopState>,
    request: RemoveAccountRequest,
) -> CmdResult<()> {
    service(&state)?.remove_account(request.id, request.purge, Utc::now())
}

#[tauri::command]
pub fn rotation_state(
    state: State<'_, DesktopState>,
    account: AccountId,
) -> CmdResult<Option<RotationState>> {
    service(&state)?.rotation_state(account)
}

#[tauri::command]
pub async fn rotation_start(
    state: State<'_, DesktopState>,
    account: AccountId,
) -> CmdResult<RotationState> {
    service(&state)?.rotation_start(account, Utc::now()).await
}

#[tauri::command]
pub async fn rotation_submit_key(
    state: State<'_, DesktopState>,
    request: RotationKeyRequest,
) -> CmdResult<RotationState> {
    let (account, secret, expires_at) = request.into_parts()?;
    service(&state)?.rotation_submit_key(account, secret, None, expires_at, Utc::now()).await
}

#[tauri::command]
pub async fn rotation_verify(
    state: State<'_, DesktopState>,
    account: AccountId,
) -> CmdResult<RotationState> {
    service(&state)?.rotation_verify(account, Utc::now()).await
}

#[tauri::command]
pub async fn rotation_switch(
    state: State<'_, DesktopState>,
    account: AccountId,
) -> CmdResult<RotationState> {
    service(&state)?.rotation_switch(account, Utc::now()).await
}

#[tauri::command]
pub async fn rotation_confirm_revoked(
    state: State<'_, DesktopState>,
    account: AccountId,
) -> CmdResult<RotationState> {
    service(&state)?.rotation_confirm_revoked(account, Utc::now()).await
}

#[tauri::command]
pub async fn rotation_back(
    state: State<'_, DesktopState>,
    account: AccountId,
) -> CmdResult<RotationState> {
    service(&state)?.rotation_back(account, Utc::now()).await
}

#[tauri::command]
pub async fn rotation_abandon(state: State<'_, DesktopState>, account: AccountId) -> CmdResult<()> {
    service(&state)?.rotation_abandon(account, Utc::now()).await.map(|_| ())
}
