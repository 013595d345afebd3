//! What the window's commands share: the opened data folder (or why it could not be opened),
//! the keychain, and the demo simulator when it runs.

use qrdesk_app::demo::DemoServer;
use qrdesk_app::{resolve_data_dir, AppContext};
use qrdesk_core::{AccountId, AppError};
use qrdesk_secrets::{KeychainStore, Namespace, SecretStore};
use qrdesk_sync::CancellationToken;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
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
    /// The running sync (its cancel token and the accounts it covers), if any.
    sync: std::sync::Mutex<Option<RunningSync>>,
    /// Files this window wrote (print jobs, downloads): the only ones it may open or reveal.
    written: std::sync::Mutex<HashSet<PathBuf>>,
}

struct RunningSync {
    cancel: CancellationToken,
    /// `None` = every account.
    account: Option<AccountId>,
}

impl DesktopState {
    /// Opens the data folder chosen by `QRDESK_DATA_DIR` or the platform default, and the
    /// keychain namespace chosen by `QRDESK_KEYCHAIN_NAMESPACE` (tests use `test`).
    pub fn open() -> DesktopState {
        let ctx = resolve_data_dir(None).and_then(|(dir, _)| AppContext::open(&dir));
        let keychain = Namespace::from_env().map(KeychainStore::new);
        DesktopState {
            ctx,
            keychain,
            demo: Mutex::new(None),
            print_cancel: AtomicBool::new(false),
            sync: std::sync::Mutex::new(None),
            written: std::sync::Mutex::new(HashSet::new()),
        }
    }

    /// Records a file this window wrote, so "open" and "show in folder" may use it.
    pub fn remember_written(&self, path: &Path) {
        self.written.lock().unwrap_or_else(|p| p.into_inner()).insert(path.to_path_buf());
    }

    /// Whether this window wrote `path` (and it still exists).
    pub fn wrote(&self, path: &Path) -> bool {
        path.is_file() && self.written.lock().unwrap_or_else(|p| p.into_inner()).contains(path)
    }

    pub fn ctx(&self) -> Result<&AppContext, AppError> {
        self.ctx.as_ref().map_err(Clone::clone)
    }

    /// Registers a sync run; `None` when one is already running.
    pub fn begin_sync(&self, account: Option<AccountId>) -> Option<CancellationToken> {
        let mut running = self.sync.lock().unwrap_or_else(|p| p.into_inner());
        if running.is_some() {
            return None;
        }
        let cancel = CancellationToken::new();
        *running = Some(RunningSync { cancel: cancel.clone(), account });
        Some(cancel)
    }

    pub fn end_sync(&self) {
        *self.sync.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    pub fn cancel_sync(&self) {
        if let Some(r) = self.sync.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
            r.cancel.cancel();
        }
    }

    /// Accounts a sync is working on now.
    pub fn syncing(&self) -> Vec<AccountId> {
        let running = self.sync.lock().unwrap_or_else(|p| p.into_inner());
        match running.as_ref() {
            None => Vec::new(),
            Some(RunningSync { account: Some(id), .. }) => vec![*id],
            Some(RunningSync { account: None, .. }) => self
                .ctx()
                .ok()
                .and_then(|ctx| qrdesk_app::accounts_view::list_accounts(ctx).ok())
                .map(|all| all.iter().map(|a| a.id).collect())
                .unwrap_or_default(),
        }
    }

    pub fn secrets(&self) -> Result<&dyn SecretStore, AppError> {
        self.keychain.as_ref().map(|k| k as &dyn SecretStore).map_err(Clone::clone)
    }
}
