use qrdesk_app::accounts::{self, HostApproval};
use qrdesk_app::ipc::accounts::{
    AddAccountRequest, RemoveAccountRequest, RotationKeyRequest, RotationState, WorkspaceOption,
    WorkspaceQuery,
};
use qrdesk_core::audit::AuditEvent;
use qrdesk_core::{Account, AccountId};
use qrdesk_core::{AppError, ProviderKind};
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

use super::CmdResult;
use crate::state::DesktopState;

type St<'a> = State<'a, DesktopState>;

#[tauri::command]
pub fn list_accounts(state: St<'_>) -> CmdResult<Vec<Account>> {
    accounts::list_accounts(state.ctx()?)
}

#[tauri::command]
pub fn audit_log(state: St<'_>, account: Option<AccountId>) -> CmdResult<Vec<AuditEvent>> {
    accounts::audit_log(state.ctx()?, account)
}

#[tauri::command]
pub async fn list_workspaces<R: Runtime>(
    app: AppHandle<R>,
    query: WorkspaceQuery,
) -> CmdResult<Vec<WorkspaceOption>> {
    let approval = confirm_host(&app, query.provider, query.base_url.as_deref()).await?;
    accounts::list_workspaces(app.state::<DesktopState>().ctx()?, query, approval).await
}

#[tauri::command]
pub async fn add_account<R: Runtime>(
    app: AppHandle<R>,
    request: AddAccountRequest,
) -> CmdResult<Account> {
    let approval = confirm_host(&app, request.provider, request.base_url.as_deref()).await?;
    accounts::add_account(app.state::<DesktopState>().ctx()?, request, approval).await
}

/// Asks the person, in a native dialog the page cannot see or answer, before a key is sent to
/// a host other than the service's own (or this computer).
async fn confirm_host<R: Runtime>(
    app: &AppHandle<R>,
    provider: ProviderKind,
    base_url: Option<&str>,
) -> CmdResult<HostApproval> {
    let Some(host) = accounts::host_to_confirm(provider, base_url) else {
        return Ok(HostApproval::NotAsked);
    };
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .message(format!(
            "The address you entered sends this API key to {host}, which is not {}'s own \
             server.\n\nSend the key only if you trust {host} (for example, your company's own \
             gateway).",
            provider.display_name()
        ))
        .title(format!("Send the key to {host}?"))
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancelCustom(
            format!("Send it to {host}"),
            "Cancel".into(),
        ))
        .show(move |ok| {
            let _ = tx.send(ok);
        });
    match rx.await {
        Ok(true) => Ok(HostApproval::Confirmed),
        _ => Err(AppError::with_message(
            qrdesk_core::ErrorKind::Cancelled,
            format!("The key was not sent to {host}. Nothing was saved."),
        )),
    }
}

#[tauri::command]
pub async fn verify_account(state: St<'_>, id: AccountId) -> CmdResult<Account> {
    accounts::verify_account(state.ctx()?, id).await
}

#[tauri::command]
pub fn remove_account(state: St<'_>, request: RemoveAccountRequest) -> CmdResult<()> {
    accounts::remove_account(state.ctx()?, &request)
}

#[tauri::command]
pub fn rotation_state(state: St<'_>, account: AccountId) -> CmdResult<Option<RotationState>> {
    accounts::rotation_state(state.ctx()?, account)
}

#[tauri::command]
pub async fn rotation_start(state: St<'_>, account: AccountId) -> CmdResult<RotationState> {
    accounts::rotation_start(state.ctx()?, account).await
}

#[tauri::command]
pub async fn rotation_submit_key(
    state: St<'_>,
    request: RotationKeyRequest,
) -> CmdResult<RotationState> {
    accounts::rotation_submit_key(state.ctx()?, request).await
}

#[tauri::command]
pub async fn rotation_verify(state: St<'_>, account: AccountId) -> CmdResult<RotationState> {
    accounts::rotation_verify(state.ctx()?, account).await
}

#[tauri::command]
pub async fn rotation_switch(state: St<'_>, account: AccountId) -> CmdResult<RotationState> {
    accounts::rotation_switch(state.ctx()?, account).await
}

#[tauri::command]
pub async fn rotation_confirm_revoked(
    state: St<'_>,
    account: AccountId,
) -> CmdResult<RotationState> {
    accounts::rotation_confirm_revoked(state.ctx()?, account).await
}

#[tauri::command]
pub async fn rotation_back(state: St<'_>, account: AccountId) -> CmdResult<RotationState> {
    accounts::rotation_back(state.ctx()?, account).await
}

#[tauri::command]
pub async fn rotation_abandon(state: St<'_>, account: AccountId) -> CmdResult<()> {
    accounts::rotation_abandon(state.ctx()?, account).await
}
