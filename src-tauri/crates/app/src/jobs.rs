//! What runs while a front end is open: the sync in progress (its cancel token and the
//! accounts it covers), the print job's cancel flag, and the files this session wrote (the only
//! ones the window may open or reveal).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use qrdesk_core::{AccountId, AppError};
use qrdesk_sync::CancellationToken;

/// The running jobs of one [`crate::AppContext`].
#[derive(Default)]
pub struct Jobs {
    sync: Mutex<Option<RunningSync>>,
    print_cancel: AtomicBool,
    written: Mutex<HashSet<PathBuf>>,
}

struct RunningSync {
    cancel: CancellationToken,
    /// `None` = every account.
    account: Option<AccountId>,
}

/// Which accounts the running sync covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syncing {
    Nothing,
    One(AccountId),
    Every,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Jobs {
    /// Registers a sync run; `None` when one is already running.
    pub fn begin_sync(&self, account: Option<AccountId>) -> Option<CancellationToken> {
        let mut running = lock(&self.sync);
        if running.is_some() {
            return None;
        }
        let cancel = CancellationToken::new();
        *running = Some(RunningSync { cancel: cancel.clone(), account });
        Some(cancel)
    }

    pub fn end_sync(&self) {
        *lock(&self.sync) = None;
    }

    pub fn cancel_sync(&self) {
        if let Some(r) = lock(&self.sync).as_ref() {
            r.cancel.cancel();
        }
    }

    pub fn syncing(&self) -> Syncing {
        match lock(&self.sync).as_ref() {
            None => Syncing::Nothing,
            Some(RunningSync { account: Some(id), .. }) => Syncing::One(*id),
            Some(RunningSync { account: None, .. }) => Syncing::Every,
        }
    }

    /// A fresh cancel flag for the print job about to start.
    pub fn begin_print(&self) -> &AtomicBool {
        self.print_cancel.store(false, Ordering::SeqCst);
        &self.print_cancel
    }

    pub fn cancel_print(&self) {
        self.print_cancel.store(true, Ordering::SeqCst);
    }

    /// Records a file this session wrote.
    pub fn remember_written(&self, path: &Path) {
        lock(&self.written).insert(path.to_path_buf());
    }

    /// `path` if this session wrote it and it still exists: the window cannot make QR Desk open
    /// anything else on the computer.
    pub fn written_file(&self, path: &Path) -> Result<PathBuf, AppError> {
        if path.is_file() && lock(&self.written).contains(path) {
            return Ok(path.to_path_buf());
        }
        Err(AppError::bad_input(format!(
            "{} is not a file QR Desk wrote (PDF, SVG, PNG or CSV)",
            path.display()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_sync_at_a_time_and_only_written_files_open() {
        let jobs = Jobs::default();
        let cancel = jobs.begin_sync(Some(3)).expect("first");
        assert!(jobs.begin_sync(None).is_none(), "a second sync waits for the first");
        assert_eq!(jobs.syncing(), Syncing::One(3));
        jobs.cancel_sync();
        assert!(cancel.is_cancelled());
        jobs.end_sync();
        assert_eq!(jobs.syncing(), Syncing::Nothing);

        let dir = tempfile::tempdir().unwrap();
        let mine = dir.path().join("labels.pdf");
        std::fs::write(&mine, b"%PDF").unwrap();
        assert!(jobs.written_file(&mine).is_err(), "not written by this session");
        jobs.remember_written(&mine);
        assert_eq!(jobs.written_file(&mine).unwrap(), mine);
        std::fs::remove_file(&mine).unwrap();
        assert!(jobs.written_file(&mine).is_err(), "gone");
    }
}
