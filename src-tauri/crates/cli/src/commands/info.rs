//! `qrdesk info`.

use crate::global_args::GlobalArgs;
use crate::output::{CommandResult, Outcome};

pub fn run(global: &GlobalArgs) -> CommandResult {
    let (ctx, source) = super::open_context(global)?;
    let info = qrdesk_app::info::info(&ctx, source)?;
    let human = format!(
        "QR Desk {}\nData folder: {} ({:?})\nDatabase:    {} (schema v{})\nAccounts: {}  Codes: {}  Edits waiting: {}",
        info.version,
        info.data_dir,
        info.data_dir_source,
        info.database,
        info.schema_version,
        info.accounts,
        info.codes,
        info.outbox_waiting
    );
    let json = serde_json::to_value(&info).unwrap_or_default();
    Ok(Outcome::new(json, human))
}
