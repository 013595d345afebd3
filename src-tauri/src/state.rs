//! The window's one piece of state: the [`AppContext`] opened at start (or the error that kept
//! it from opening, shown by every command, so the window can say what is wrong instead of
//! failing to start).

use qrdesk_app::{resolve_data_dir, AppContext};
use qrdesk_core::AppError;

pub struct DesktopState {
    ctx: Result<AppContext, AppError>,
}

impl DesktopState {
    /// Opens the data folder chosen by `QRDESK_DATA_DIR` or the platform default, with the
    /// keychain namespace chosen by `QRDESK_KEYCHAIN_NAMESPACE` (tests use `test`).
    pub fn open() -> DesktopState {
        DesktopState { ctx: resolve_data_dir(None).and_then(|(dir, _)| AppContext::open(&dir)) }
    }

    pub fn ctx(&self) -> Result<&AppContext, AppError> {
        self.ctx.as_ref().map_err(Clone::clone)
    }
}
