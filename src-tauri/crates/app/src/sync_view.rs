//! `sync_status`: per-account last sync and errors, and whether the services were reachable.

use serde::{Deserialize, Serialize};

use chrono::{DateTime, Utc};
use qrdesk_core::{AppError, ErrorKind};
use qrdesk_store::codes::{self, CodeFilter};
use qrdesk_store::sync_state;

use crate::accounts_view::list_accounts;
use crate::context::AppContext;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct AccountSync {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub account: i64,
    pub last_sync_at: Option<DateTime<Utc>>,
    pub last_error: Option<AppError>,
    pub running: bool,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub codes: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SyncOverview {
    /// `false` when the last attempt of every account that tried failed with kind `network`.
    pub online: bool,
    pub accounts: Vec<AccountSync>,
}

/// The overview as the store has it; `running` lists the accounts a sync is working on now.
pub fn sync_status(ctx: &AppContext, running: &[i64]) -> Result<SyncOverview, AppError> {
    let accounts = list_accounts(ctx)?;
    let mut out = Vec::with_capacity(accounts.len());
    for a in accounts.iter().filter(|a| a.provider.has_codes()) {
        let (state, count) = ctx.store().read(|c| {
            let state = sync_state::get(c, a.id)?;
            let f = CodeFilter { account: Some(a.id), ..Default::default() };
            Ok((state, codes::count(c, &f)?))
        })?;
        let last_error = state.last_error_kind.as_deref().and_then(ErrorKind::parse).map(|k| {
            AppError::with_message(k, state.last_error_message.clone().unwrap_or_default())
        });
        out.push(AccountSync {
            account: a.id,
            last_sync_at: state.last_success_at,
            last_error,
            running: running.contains(&a.id),
            codes: count,
        });
    }
    let tried: Vec<&AccountSync> =
        out.iter().filter(|s| s.last_sync_at.is_some() || s.last_error.is_some()).collect();
    let online = tried.is_empty()
        || tried.iter().any(|s| s.last_error.as_ref().is_none_or(|e| e.kind != ErrorKind::Network));
    Ok(SyncOverview { online, accounts: out })
}
