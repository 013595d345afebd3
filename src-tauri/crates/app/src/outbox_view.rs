//! Reading the outbox (the Sync screen's list, a code's pending edits).

use serde::{Deserialize, Serialize};

use qrdesk_core::{AppError, OutboxEntry};
use qrdesk_store::outbox;

use crate::context::AppContext;

/// `list_outbox`: waiting entries of one account and/or one code (both `None` = all).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct OutboxFilter {
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub account: Option<i64>,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub code: Option<i64>,
}

pub fn list_outbox(ctx: &AppContext, filter: &OutboxFilter) -> Result<Vec<OutboxEntry>, AppError> {
    let entries = ctx.store().read(|c| outbox::list(c, filter.account, false))?;
    Ok(entries.into_iter().filter(|e| filter.code.is_none_or(|code| e.code == code)).collect())
}
