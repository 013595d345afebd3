//! What the window's commands share: the opened data folder (or why it could not be opened).

use qrdesk_app::{resolve_data_dir, AppContext};
use qrdesk_core::AppError;

pub struct DesktopState {
    /// The data folder, or the error that kept it from opening (shown by every command, so the
    /// window can say what is wrong instead of failing to start).
    ctx: Result<AppContext, AppError>,
}

impl DesktopState {
    /// Opens the data folder chosen by `QRDESK_DATA_DIR` or the platform default.
    pub fn open() -> DesktopState {
        let ctx = resolve_data_dir(None).and_then(|(dir, _)| AppContext::open(&dir));
        DesktopState { ctx }
    }

    pub fn ctx(&self) -> Result<&AppContext, AppError> {
        self.ctx.as_ref().map_err(Clone::clone)
    }
}
