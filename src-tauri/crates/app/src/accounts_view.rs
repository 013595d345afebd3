//! Reading accounts and their audit log (the Accounts screen, `qrdesk account list/log`).

use chrono::Utc;

use qrdesk_core::audit::AuditEvent;
use qrdesk_core::{Account, AccountId, AppError};
use qrdesk_store::{accounts, audit};

use crate::context::AppContext;

pub fn list_accounts(ctx: &AppContext) -> Result<Vec<Account>, AppError> {
    ctx.store().read(|c| accounts::list(c, Utc::now()))
}

pub fn get_account(ctx: &AppContext, id: AccountId) -> Result<Account, AppError> {
    ctx.store().read(|c| accounts::get(c, id, Utc::now()))
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
