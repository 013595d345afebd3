//! Accounts and their keys, for the Accounts screen and `qrdesk account …`: the list and the
//! audit log, the workspaces a new key reaches, adding, checking and removing an account, and
//! every step of a key rotation (guided or automatic), over the account service of
//! `qrdesk-accounts` with this context's store, secret store and clock.

use qrdesk_accounts::{AccountToAdd, RotationState, RotationStep, WorkspaceOption};
use qrdesk_core::audit::AuditEvent;
use qrdesk_core::{Account, AccountId, ApiSecret, AppError, ProviderKind};
use qrdesk_store::{accounts, audit};

use crate::context::AppContext;
use crate::ipc::accounts::{
    AddAccountRequest, RemoveAccountRequest, RotationKeyRequest, WorkspaceQuery,
};

pub use qrdesk_accounts::{parse_expiry, AccountToAdd as NewAccountKey};

/// Whether the person agreed to send a key to a server other than the service's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostApproval {
    /// Nobody was asked (a request from the page alone).
    NotAsked,
    /// The person confirmed the host in a native dialog, outside the page's reach.
    Confirmed,
}

/// The host a key would be sent to when the address is neither the service's documented one nor
/// this computer (loopback): the window asks the person, in a native dialog that the page cannot
/// answer, before sending a key there. `None` when no question is needed.
pub fn host_to_confirm(provider: ProviderKind, base_url: Option<&str>) -> Option<String> {
    let raw = base_url.map(str::trim).filter(|u| !u.is_empty())?;
    let documented = provider.default_base_url().trim_end_matches('/');
    if raw.trim_end_matches('/').eq_ignore_ascii_case(documented) {
        return None;
    }
    // An address that is not usable at all is refused later with its own sentence.
    let url = qrdesk_providers::check_base_url(raw).ok()?;
    let host = url.host_str()?.to_string();
    (!qrdesk_providers::base_url::is_loopback_host(&host)).then_some(host)
}

fn refuse_unconfirmed(
    provider: ProviderKind,
    base_url: Option<&str>,
    approval: HostApproval,
) -> Result<(), AppError> {
    match (host_to_confirm(provider, base_url), approval) {
        (Some(host), HostApproval::NotAsked) => Err(AppError::bad_input(format!(
            "QR Desk did not send the key to {host}: it is not {}'s own address, and sending a key \
             to another server needs your confirmation. Leave the address empty to use the \
             service's own, or confirm {host} when QR Desk asks",
            provider.display_name()
        ))),
        _ => Ok(()),
    }
}

pub fn list_accounts(ctx: &AppContext) -> Result<Vec<Account>, AppError> {
    ctx.store().read(|c| accounts::list(c, ctx.now()))
}

pub fn get_account(ctx: &AppContext, id: AccountId) -> Result<Account, AppError> {
    ctx.store().read(|c| accounts::get(c, id, ctx.now()))
}

/// Key events, newest first; of one account, or of all accounts when `account` is `None`.
pub fn audit_log(
    ctx: &AppContext,
    account: Option<AccountId>,
) -> Result<Vec<AuditEvent>, AppError> {
    ctx.store().read(|c| {
        let mut events = match account {
            Some(id) => audit::list(c, id)?,
            None => audit::list_all(c)?,
        };
        events.reverse();
        Ok(events)
    })
}

/// The workspaces or organizations a key (not saved yet) can reach. A key goes to a host other
/// than the service's own (or this computer) only when the person confirmed it.
pub async fn list_workspaces(
    ctx: &AppContext,
    query: WorkspaceQuery,
    approval: HostApproval,
) -> Result<Vec<WorkspaceOption>, AppError> {
    refuse_unconfirmed(query.provider, query.base_url.as_deref(), approval)?;
    let (provider, client_id, base_url) =
        (query.provider, query.client_id.clone(), query.base_url.clone());
    ctx.account_service()?
        .list_organizations(Some(provider), query.secret(), client_id, base_url.as_deref())
        .await
}

/// Adds an account from the window's form (the key is wrapped at once). A key goes to a host
/// other than the service's own (or this computer) only when the person confirmed it.
pub async fn add_account(
    ctx: &AppContext,
    request: AddAccountRequest,
    approval: HostApproval,
) -> Result<Account, AppError> {
    refuse_unconfirmed(request.provider, request.base_url.as_deref(), approval)?;
    add_account_key(ctx, request.into_request()?).await
}

/// Adds an account: checks the key with the service (unless told not to), files it in the
/// keychain, then saves the account with the masked key.
pub async fn add_account_key(ctx: &AppContext, key: AccountToAdd) -> Result<Account, AppError> {
    ctx.account_service()?.add_account(key, ctx.now()).await
}

pub async fn verify_account(ctx: &AppContext, id: AccountId) -> Result<Account, AppError> {
    ctx.account_service()?.verify_account(id, ctx.now()).await
}

pub fn remove_account(ctx: &AppContext, request: &RemoveAccountRequest) -> Result<(), AppError> {
    ctx.account_service()?.remove_account(request.id, request.purge, ctx.now())
}

pub fn rotation_state(
    ctx: &AppContext,
    account: AccountId,
) -> Result<Option<RotationState>, AppError> {
    ctx.account_service()?.rotation_state(account)
}

pub async fn rotation_start(
    ctx: &AppContext,
    account: AccountId,
) -> Result<RotationState, AppError> {
    ctx.account_service()?.rotation_start(account, ctx.now()).await
}

/// Step 1 from the window: the new key typed in the wizard.
pub async fn rotation_submit_key(
    ctx: &AppContext,
    request: RotationKeyRequest,
) -> Result<RotationState, AppError> {
    let (account, secret, expires_at) = request.into_parts()?;
    rotation_submit(ctx, account, secret, None, expires_at).await
}

/// Step 1: the new key (and, for an ExaRoutes pair, its client id).
pub async fn rotation_submit(
    ctx: &AppContext,
    account: AccountId,
    secret: ApiSecret,
    client_id: Option<String>,
    expires_at: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<RotationState, AppError> {
    ctx.account_service()?
        .rotation_submit_key(account, secret, client_id, expires_at, ctx.now())
        .await
}

pub async fn rotation_verify(
    ctx: &AppContext,
    account: AccountId,
) -> Result<RotationState, AppError> {
    ctx.account_service()?.rotation_verify(account, ctx.now()).await
}

pub async fn rotation_switch(
    ctx: &AppContext,
    account: AccountId,
) -> Result<RotationState, AppError> {
    ctx.account_service()?.rotation_switch(account, ctx.now()).await
}

pub async fn rotation_confirm_revoked(
    ctx: &AppContext,
    account: AccountId,
) -> Result<RotationState, AppError> {
    ctx.account_service()?.rotation_confirm_revoked(account, ctx.now()).await
}

pub async fn rotation_back(
    ctx: &AppContext,
    account: AccountId,
) -> Result<RotationState, AppError> {
    ctx.account_service()?.rotation_back(account, ctx.now()).await
}

pub async fn rotation_abandon(ctx: &AppContext, account: AccountId) -> Result<(), AppError> {
    ctx.account_service()?.rotation_abandon(account, ctx.now()).await.map(|_| ())
}

/// The whole automatic rotation (services with a key API): create, verify, switch, revoke.
pub async fn rotate_automatic(
    ctx: &AppContext,
    account: AccountId,
) -> Result<RotationState, AppError> {
    ctx.account_service()?.rotate_auto(account, ctx.now()).await
}

/// A guided rotation as far as it goes without the person: start (or resume), take the new key
/// from `new_key` when step 1 needs it, verify and switch. It stops at step 4 (revoke the old
/// key in the dashboard) or wherever a step failed (its error is in the state).
pub async fn rotate_guided(
    ctx: &AppContext,
    account: AccountId,
    new_key: impl FnOnce() -> Result<ApiSecret, AppError>,
    client_id: Option<String>,
    expires_at: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<RotationState, AppError> {
    let mut state = rotation_start(ctx, account).await?;
    if state.step == RotationStep::EnterKey {
        state = rotation_submit(ctx, account, new_key()?, client_id, expires_at).await?;
    }
    if state.step == RotationStep::Verify {
        state = rotation_verify(ctx, account).await?;
    }
    if state.step == RotationStep::Switch {
        state = rotation_switch(ctx, account).await?;
    }
    Ok(state)
}
