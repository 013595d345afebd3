//! [`AppContext`]: what every use case runs against (data folder and local store).

use std::path::{Path, PathBuf};

use qrdesk_core::AppError;
use qrdesk_store::Store;

use crate::data_dir::ensure_dir;

/// The database file inside the data folder.
pub const DATABASE_FILE: &str = "qrdesk.sqlite3";

/// An opened data folder.
pub struct AppContext {
    data_dir: PathBuf,
    store: Store,
}

impl AppContext {
    /// Opens (creating if needed) the data folder and its database, applying migrations.
    pub fn open(data_dir: &Path) -> Result<AppContext, AppError> {
        ensure_dir(data_dir)?;
        let store = Store::open(&data_dir.join(DATABASE_FILE))?;
        Ok(AppContext { data_dir: data_dir.to_path_buf(), store })
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn store(&self) -> &Store {
        &self.store
    }
}
