//! Replacing text in destinations across an account: previewed from the cache first, then
//! applied through the service's bulk endpoint (ExaRoutes) or as one queued edit per code.

use qrdesk_core::{AccountId, AppError, CodeChanges, CodeId};
use qrdesk_store::codes::{self, CodeFilter};
use qrdesk_store::Store;
use serde::Serialize;

use crate::edits::{check_url, edit_code};
use crate::engine::SyncEngine;
use crate::options::SyncOptions;

/// One code whose destination would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReplacePreview {
    pub code: CodeId,
    pub name: String,
    pub before: String,
    pub after: String,
}

/// What applying did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReplaceOutcome {
    pub changes: Vec<ReplacePreview>,
    /// `bulk` (one request to the service) or `queued` (one outbox edit per code).
    pub method: &'static str,
    /// Codes the service reported changed (bulk), or edits queued.
    pub changed: u64,
}

/// The codes of `account` whose destination contains `find`, with the result of the replace.
pub fn preview_replace(
    store: &Store,
    account: AccountId,
    find: &str,
    replace: &str,
) -> Result<Vec<ReplacePreview>, AppError> {
    if find.is_empty() {
        return Err(AppError::bad_input("Say what to replace: --find cannot be empty"));
    }
    let filter = CodeFilter { account: Some(account), ..CodeFilter::default() };
    let all = store.read(|c| codes::list(c, &filter))?;
    let mut out = Vec::new();
    for code in all.into_iter().filter(|c| c.destination.contains(find)) {
        let after = code.destination.replace(find, replace);
        check_url(&after).map_err(|e| {
            AppError::bad_input(format!(
                "Code #{} \"{}\" would get {}",
                code.id, code.name, e.message
            ))
        })?;
        out.push(ReplacePreview {
            code: code.id,
            name: code.name,
            before: code.destination,
            after,
        });
    }
    Ok(out)
}

impl SyncEngine<'_> {
    /// Applies a replace previewed with [`preview_replace`]. With a bulk endpoint the service
    /// changes every code at once and the account is synced to show it; elsewhere one edit per
    /// code is queued and pushed now (what cannot go now waits in the outbox).
    pub async fn apply_replace(
        &self,
        account: AccountId,
        find: &str,
        replace: &str,
    ) -> Result<ReplaceOutcome, AppError> {
        let changes = preview_replace(self.store, account, find, replace)?;
        let mut run = self.run_for(account)?;
        if run.provider.capabilities().bulk_replace {
            let changed =
                run.call(run.provider.bulk_replace(find, replace)).await.map_err(AppError::from)?;
            let options =
                SyncOptions { accounts: vec![account], analytics: false, ..SyncOptions::default() };
            let report = self.sync(&options).await?;
            if let Some(issue) = report.errors.first() {
                return Err(AppError::with_message(issue.kind, issue.message.clone()));
            }
            return Ok(ReplaceOutcome { changes, method: "bulk", changed });
        }
        for c in &changes {
            let edit = CodeChanges { destination: Some(c.after.clone()), ..CodeChanges::default() };
            edit_code(self.store, c.code, &edit)?;
        }
        run.push(None).await?;
        Ok(ReplaceOutcome { changed: changes.len() as u64, changes, method: "queued" })
    }
}
