//! QR Desk's local cache: one SQLite file (rusqlite, bundled SQLite) per data folder.
//!
//! Owns the schema and every SQL statement: accounts (metadata only — secrets live in the OS
//! keychain), cached codes with full-text search, daily scans and breakdowns, sync checkpoints,
//! the outbox of local edits, rotations in progress, the audit log of key events, brand styles
//! (with their own copy of the logo), printer profiles and the print history.
//!
//! Guarantees: WAL journal, foreign keys on, migrations embedded in the binary and applied in a
//! transaction at open, and a database written by a newer QR Desk is refused rather than
//! guessed at. Writes that belong together go through [`Store::transaction`], which rolls back on
//! any error. It knows nothing about HTTP, the keychain or Tauri.

pub mod accounts;
pub mod analytics;
pub mod audit;
pub mod campaigns;
pub mod codes;
pub mod designs;
mod error;
pub mod outbox;
pub mod print_history;
pub mod printer_profiles;
mod private_files;
pub mod rotations;
mod schema;
pub mod search;
pub mod search_index;
pub mod styles;
pub mod sync_rows;
pub mod sync_state;
mod timestamps;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use qrdesk_core::AppError;
use rusqlite::Connection;

pub use error::StoreError;
pub use schema::LATEST_SCHEMA_VERSION;
pub use timestamps::{parse_ts, ts};

/// An open database. Cheap to share behind an `Arc`; one connection, serialised by a mutex.
pub struct Store {
    conn: Mutex<Connection>,
    path: Option<PathBuf>,
    /// Bulk passes running ([`Store::bulk_mode`]).
    bulk_users: std::sync::atomic::AtomicUsize,
}

/// SQLite page cache (MB) of an open store while it mostly reads.
pub const IDLE_CACHE_MB: i64 = 8;
/// Page cache (MB) during a bulk import: list ingest and FTS updates touch many pages per
/// transaction (about 1.5 times faster at 100,000 codes than with the idle size).
pub const BULK_CACHE_MB: i64 = 32;

/// The write-ahead log is copied into the database once it holds this many pages (SQLite's
/// default, 4 MB)…
pub const WAL_CHECKPOINT_PAGES: i64 = 1_000;
/// …and during a bulk import once it holds this many (32 MB): a batch of a first sync touches
/// most index pages, so copying after every batch wrote each of them once per batch.
pub const BULK_WAL_CHECKPOINT_PAGES: i64 = 8_000;

/// While alive, the store runs in bulk mode ([`Store::bulk_mode`]): the bulk-size page cache and
/// the larger write-ahead log.
pub struct BulkMode<'a> {
    store: &'a Store,
}

impl Drop for BulkMode<'_> {
    fn drop(&mut self) {
        if self.store.bulk_users.fetch_sub(1, std::sync::atomic::Ordering::SeqCst) == 1 {
            self.store.set_bulk_mode(false);
        }
    }
}

/// Row counts shown by `qrdesk info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub accounts: u64,
    pub codes: u64,
    pub outbox_waiting: u64,
}

impl Store {
    /// Opens (or creates) the database file, applying any pending migrations.
    pub fn open(path: &Path) -> Result<Store, AppError> {
        let conn = schema::open_file(path)?;
        Ok(Store { conn: Mutex::new(conn), path: Some(path.to_path_buf()), bulk_users: 0.into() })
    }

    /// A private in-memory database (tests and previews).
    pub fn open_in_memory() -> Result<Store, AppError> {
        let conn = schema::open_memory()?;
        Ok(Store { conn: Mutex::new(conn), path: None, bulk_users: 0.into() })
    }

    /// Raises the page cache to the bulk size and lets the write-ahead log grow until the returned
    /// guard is dropped, which gives the extra memory and disk space back.
    pub fn bulk_mode(&self) -> BulkMode<'_> {
        // Accounts sync concurrently: the first pass raises the cache, the last one lowers it.
        if self.bulk_users.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0 {
            self.set_bulk_mode(true);
        }
        BulkMode { store: self }
    }

    fn set_bulk_mode(&self, bulk: bool) {
        let conn = self.lock();
        let (mb, pages) = if bulk {
            (BULK_CACHE_MB, BULK_WAL_CHECKPOINT_PAGES)
        } else {
            (IDLE_CACHE_MB, WAL_CHECKPOINT_PAGES)
        };
        // Best effort: a failed PRAGMA only changes speed, memory or disk use, never data.
        let _ = conn.pragma_update(None, "cache_size", -(mb * 1000));
        let _ = conn.pragma_update(None, "wal_autocheckpoint", pages);
        if !bulk {
            // Give the disk space of a log grown during the import back as well.
            let _ = conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA shrink_memory");
        }
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite half-written (transactions roll
        // back on drop), so a poisoned lock is safe to keep using.
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` on the connection (reads, or single-statement writes).
    pub fn read<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, AppError> {
        let conn = self.lock();
        f(&conn).map_err(AppError::from)
    }

    /// Runs `f` in an IMMEDIATE transaction: committed if it returns `Ok`, rolled back otherwise.
    pub fn transaction<T, E>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let mut conn = self.lock();
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let value = f(&tx)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, AppError> {
        self.read(schema::user_version)
    }

    pub fn counts(&self) -> Result<Counts, AppError> {
        self.read(|c| {
            let count = |sql: &str| -> Result<u64, StoreError> {
                Ok(c.query_row(sql, [], |r| r.get::<_, i64>(0))?.max(0) as u64)
            };
            Ok(Counts {
                accounts: count("SELECT count(*) FROM accounts")?,
                codes: count("SELECT count(*) FROM codes WHERE deleted = 0")?,
                outbox_waiting: count("SELECT count(*) FROM outbox WHERE state <> 'done'")?,
            })
        })
    }

    /// `PRAGMA integrity_check` (crash tests and `qrdesk info`): `true` when the file is sound.
    pub fn integrity_ok(&self) -> Result<bool, AppError> {
        self.read(|c| {
            let r: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
            Ok(r == "ok")
        })
    }
}
