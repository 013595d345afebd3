//! One file per command group; each translates its arguments into calls of `qrdesk-app` and
//! words the outcome. None of them reaches a library crate other than `qrdesk-app` and
//! `qrdesk-core`.

pub mod account;
pub mod analytics;
pub mod campaign;
pub mod codes;
pub mod design;
pub mod info;
pub mod outbox;
pub mod print;
mod print_tools;
pub mod style;
pub mod sync;

use std::future::Future;

use qrdesk_app::{resolve_data_dir, AppContext, DataDirSource};
use qrdesk_core::AppError;

use crate::global_args::GlobalArgs;

/// Opens the data folder chosen by `--data-dir` / `QRDESK_DATA_DIR` / the platform default.
pub fn open_context(global: &GlobalArgs) -> Result<(AppContext, DataDirSource), AppError> {
    let (dir, source) = resolve_data_dir(global.data_dir.as_deref())?;
    Ok((AppContext::open(&dir)?, source))
}

/// Runs `f` to completion on a fresh current-thread runtime (one per command).
pub fn block_on<F: Future>(f: F) -> Result<F::Output, AppError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| AppError::io(format!("QR Desk could not start its network runtime: {e}")))?;
    Ok(runtime.block_on(f))
}
