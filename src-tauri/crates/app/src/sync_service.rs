//! Sync and outbox use cases for the window: the keychain-backed [`Connector`], edits, conflict
//! views and the progress events the Sync screen shows.

use serde::{Deserialize, Serialize};

use chrono::{DateTime, Utc};
use qrdesk_core::{Account, AccountId, AppError, CodeChanges, CodeId, CodeStatus, QrCode};
use qrdesk_providers::Provider;
use qrdesk_secrets::SecretStore;
use qrdesk_store::{codes, Store};
use qrdesk_sync::{ConflictView, Phase, ProgressEvent};

use crate::context::AppContext;

/// Builds adapters for accounts from their keychain entries.
pub struct KeychainConnector<'a> {
    store: &'a Store,
    secrets: &'a dyn SecretStore,
}

impl<'a> KeychainConnector<'a> {
    pub fn new(store: &'a Store, secrets: &'a dyn SecretStore) -> Self {
        KeychainConnector { store, secrets }
    }
}

impl qrdesk_sync::Connector for KeychainConnector<'_> {
    fn connect(&self, account: &Account) -> Result<Box<dyn Provider>, AppError> {
        qrdesk_accounts::provider_for_account(self.store, self.secrets, account)
    }
}

/// `edit_code` payload.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct EditCodeRequest {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub code: CodeId,
    pub changes: CodeChanges,
}

/// Applies an edit to the cache and queues it in the outbox (one transaction).
pub fn edit_code(ctx: &AppContext, request: &EditCodeRequest) -> Result<QrCode, AppError> {
    qrdesk_sync::edit_code(ctx.store(), request.code, &request.changes)?;
    ctx.store().read(|c| codes::get(c, request.code))
}

/// `start_sync` payload: `account: null` = every account.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SyncRequest {
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub account: Option<AccountId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum SyncPhase {
    Listing,
    Analytics,
    Outbox,
    Done,
    Failed,
    Cancelled,
}

/// Event `sync://progress`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SyncProgress {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub account: AccountId,
    pub phase: SyncPhase,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub done: u64,
    /// `None` while the total is not known yet.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub total: Option<u64>,
    pub error: Option<AppError>,
}

impl SyncProgress {
    /// The screen's view of an engine event.
    pub fn of(e: &ProgressEvent) -> SyncProgress {
        let (phase, done, total) = match e.phase {
            Phase::Push => (SyncPhase::Outbox, e.pushed, None),
            Phase::List => (SyncPhase::Listing, e.codes, None),
            Phase::Analytics => (SyncPhase::Analytics, e.analytics_done, Some(e.analytics_total)),
            Phase::Finished => (SyncPhase::Done, e.codes, Some(e.codes)),
        };
        SyncProgress { account: e.account, phase, done, total, error: None }
    }

    /// The final event of an account: done, failed (with the error) or cancelled.
    pub fn finished(account: AccountId, error: Option<AppError>, cancelled: bool) -> SyncProgress {
        let phase = match (&error, cancelled) {
            (_, true) => SyncPhase::Cancelled,
            (Some(_), _) => SyncPhase::Failed,
            (None, _) => SyncPhase::Done,
        };
        SyncProgress { account, phase, done: 0, total: None, error }
    }
}

/// One side of a conflict.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CodeVersion {
    pub name: String,
    pub destination: String,
    pub status: CodeStatus,
    pub updated_at: Option<DateTime<Utc>>,
}

/// `outbox_conflict`: both versions, side by side.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ConflictDetail {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub entry: i64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub code: CodeId,
    /// The edit waiting in the outbox, applied to the base version.
    pub mine: CodeVersion,
    /// What the service holds now.
    pub theirs: CodeVersion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum ConflictChoice {
    KeepMine,
    KeepTheirs,
}

impl ConflictChoice {
    pub fn keep(self) -> qrdesk_sync::Keep {
        match self {
            ConflictChoice::KeepMine => qrdesk_sync::Keep::Local,
            ConflictChoice::KeepTheirs => qrdesk_sync::Keep::Remote,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ResolveRequest {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub entry: i64,
    pub choice: ConflictChoice,
}

/// Both versions of a conflicting entry's code.
pub fn conflict_detail(ctx: &AppContext, entry: i64) -> Result<ConflictDetail, AppError> {
    let ConflictView { entry: e, local, remote } = qrdesk_sync::conflict_view(ctx.store(), entry)?;
    let remote = remote.ok_or_else(|| {
        AppError::bad_input(format!(
            "Outbox entry #{entry} is not a conflict (or the service's version is not known yet); sync to refresh it"
        ))
    })?;
    Ok(ConflictDetail {
        entry: e.id,
        code: local.id,
        mine: CodeVersion {
            name: local.name,
            destination: local.destination,
            status: local.status,
            updated_at: Some(local.updated_at),
        },
        theirs: CodeVersion {
            name: remote.name,
            destination: remote.destination,
            status: remote.status,
            updated_at: remote.updated_at,
        },
    })
}
