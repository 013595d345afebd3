//! What the window's commands share: the opened data folder (or why it could not be opened),
//! the keychain, and the demo simulator when it runs.

use qrdesk_app::demo::DemoServer;
use qrdesk_app::{resolve_data_dir, AppContext};
use qrdesk_core::AppError;
use qrdesk_secrets::{KeychainStore, Namespace, SecretStore};
use std::sync::atomic::AtomicBool;
use tokio::sync::Mutex;

pub struct DesktopState {
    /// The data folder, or the error that kept it from opening (shown by every command, so the
    /// window can say what is wrong instead of failing to start).
    ctx: Result<AppContext, AppError>,
    /// The OS keychain (connected lazily: an unreachable keychain is reported per command).
    keychain: Result<KeychainStore, AppError>,
    pub demo: Mutex<Option<DemoServer>>,
    /// Raised by `print_cancel`; the running print job stops and writes nothing.
    pub print_cancel: AtomicBool,
}

impl DesktopState {
    /// Opens the data folder chosen by `QRDESK_DATA_DIR` or the platform default, and the
    /// keychain namespace chosen by `QRDESK_KEYCHAIN_NAMESPACE` (tests use `test`).
    pub fn open() -> DesktopState {
        let ctx = resolve_data_dir(None).and_then(|(dir, _)| AppContext::open(&dir));
        let keychain = Namespace::from_env().map(KeychainStore::new);
        DesktopState { ctx, keychain, demo: Mutex::new(None), print_cancel: AtomicBool::new(false) }
    }

    pub fn ctx(&self) -> Result<&AppContext, AppError> {
        self.ctx.as_ref().map_err(Clone::clone)
    }

    pub fn secrets(&self) -> Result<&dyn SecretStore, AppError> {
        self.keychain.as_ref().map(|k| k as &dyn SecretStore).map_err(Clone::clone)
    }
}
