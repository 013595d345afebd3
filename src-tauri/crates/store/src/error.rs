//! Store errors and their mapping onto the app's error vocabulary.

use qrdesk_core::{AppError, ErrorKind};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the database was written by a newer QR Desk (schema v{found}); this version understands up to v{supported}")]
    TooNew { found: u32, supported: u32 },
    #[error("migration failed: {0}")]
    Migration(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    /// The database file could not be created or opened (permissions, a missing folder).
    #[error("{0}")]
    Io(String),
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::TooNew { found, supported } => AppError::with_message(
                ErrorKind::Storage,
                format!(
                    "This data folder was written by a newer QR Desk (database schema v{found}; this version understands up to v{supported}). Update QR Desk, or use another data folder with --data-dir. Nothing was changed."
                ),
            ),
            // A local id that does not exist: the service's "not found" advice would mislead.
            StoreError::NotFound(what) => AppError::with_message(
                ErrorKind::NotFound,
                format!("{what}. Check the number (the lists show every id) and try again."),
            ),
            StoreError::Invalid(what) => AppError::bad_input(what),
            StoreError::Io(what) => AppError::io(what),
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::DatabaseBusy
                    || f.code == rusqlite::ErrorCode::DatabaseLocked =>
            {
                AppError::storage("The database is busy: another QR Desk window or command is using it")
            }
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::DiskFull =>
            {
                AppError::storage("The disk is full")
            }
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::NotADatabase =>
            {
                AppError::storage("The database file is not a QR Desk database (or it is damaged)")
            }
            other => AppError::storage(other.to_string()),
        }
    }
}
