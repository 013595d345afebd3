//! Running the engine from synchronous code (the CLI): one current-thread runtime per command.

use std::future::Future;

use qrdesk_core::{AppError, ErrorKind};

/// Runs `f` to completion on a fresh current-thread runtime.
pub fn block_on<F: Future>(f: F) -> Result<F::Output, AppError> {
    let runtime =
        tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| {
            AppError::new(
                ErrorKind::Io,
                format!("QR Desk could not start its network runtime: {e}"),
            )
        })?;
    Ok(runtime.block_on(f))
}
