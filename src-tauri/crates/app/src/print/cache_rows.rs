//! Rows for the print engine from the local cache: each code's short URL (what its printed
//! pattern must encode, never the destination) with its name and destination for captions.

use std::collections::BTreeMap;
use std::path::Path;

use qrdesk_core::{AccountId, AppError, CodeId, CodeStatus, QrCode};
use qrdesk_print::PrintItem;
use qrdesk_store::codes::{self, CodeFilter};

use crate::context::AppContext;

/// Which cached codes to print.
#[derive(Debug, Clone)]
pub enum CacheSelection {
    /// Every code of an account, optionally narrowed by a search.
    Account { account: AccountId, search: Option<String> },
    /// These codes, in this order.
    Ids(Vec<CodeId>),
}

/// Loads the selection. Every status unless `status` filters; codes deleted on their service
/// only with `include_deleted`.
pub fn cached_items(
    ctx: &AppContext,
    selection: &CacheSelection,
    status: Option<CodeStatus>,
    include_deleted: bool,
) -> Result<Vec<PrintItem>, AppError> {
    let found: Vec<QrCode> = match selection {
        CacheSelection::Account { account, search } => {
            let filter = CodeFilter {
                account: Some(*account),
                search: search.clone(),
                status,
                include_deleted,
                ..Default::default()
            };
            ctx.store().read(|c| {
                qrdesk_store::accounts::get(c, *account, chrono::Utc::now())?;
                codes::list(c, &filter)
            })?
        }
        CacheSelection::Ids(ids) => ctx
            .store()
            .read(|c| ids.iter().map(|id| codes::get(c, *id)).collect::<Result<Vec<_>, _>>())?
            .into_iter()
            .filter(|c| status.is_none_or(|s| c.status == s) && (include_deleted || !c.deleted))
            .collect(),
    };
    if found.is_empty() {
        return Err(AppError::bad_input(
            "No cached code matches. Sync the account first, or check the search, status and ids",
        ));
    }
    Ok(found.iter().map(print_item).collect())
}

/// A cached code as a print row: its short URL, with name and destination (and ids) as caption
/// fields.
pub fn print_item(code: &QrCode) -> PrintItem {
    let fields = BTreeMap::from([
        ("name".to_string(), code.name.clone()),
        ("destination".to_string(), code.destination.clone()),
        ("short_url".to_string(), code.content.clone()),
        ("id".to_string(), code.id.to_string()),
        ("remote_id".to_string(), code.remote_id.clone().unwrap_or_default()),
        ("status".to_string(), code.status.as_str().to_string()),
    ]);
    PrintItem { payload: code.content.clone(), fields }
}

/// Reads an ids file: one local code id per line; blank lines and `#` comments are ignored.
pub fn read_ids_file(path: &Path) -> Result<Vec<CodeId>, AppError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        AppError::io(format!("Could not read the ids file {}: {e}", path.display()))
    })?;
    let mut ids = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let id = line.trim_start_matches('#').parse::<CodeId>().map_err(|_| {
            AppError::bad_input(format!(
                "Line {} of {} is \"{}\", not a code id (one number per line, as `qrdesk codes list` shows)",
                n + 1,
                path.display(),
                line.chars().take(40).collect::<String>()
            ))
        })?;
        ids.push(id);
    }
    if ids.is_empty() {
        return Err(AppError::bad_input(format!(
            "The ids file {} lists no code ids",
            path.display()
        )));
    }
    Ok(ids)
}
