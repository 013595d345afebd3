//! `qrdesk info`: where the data lives and what it holds.

use serde::Serialize;

use qrdesk_core::AppError;

use crate::context::AppContext;
use crate::data_dir::DataDirSource;

#[derive(Debug, Serialize)]
pub struct Info {
    pub version: &'static str,
    pub data_dir: String,
    pub data_dir_source: DataDirSource,
    pub database: String,
    pub schema_version: u32,
    pub accounts: u64,
    pub codes: u64,
    pub outbox_waiting: u64,
}

pub fn info(ctx: &AppContext, source: DataDirSource) -> Result<Info, AppError> {
    let counts = ctx.store().counts()?;
    Ok(Info {
        version: env!("CARGO_PKG_VERSION"),
        data_dir: ctx.data_dir().display().to_string(),
        data_dir_source: source,
        database: ctx.store().path().map(|p| p.display().to_string()).unwrap_or_default(),
        schema_version: ctx.store().schema_version()?,
        accounts: counts.accounts,
        codes: counts.codes,
        outbox_waiting: counts.outbox_waiting,
    })
}
