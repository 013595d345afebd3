//! The database and its `-wal` / `-shm` companions are readable by their owner only (0600 on
//! Unix): they hold no key, but they do hold every code, destination and scan count. A new
//! database is created 0600 before SQLite opens it (SQLite gives its companions the database's
//! mode); existing files are tightened on every open.

use std::path::{Path, PathBuf};

use crate::error::StoreError;

/// The files SQLite keeps for the database at `path`.
fn companions(path: &Path) -> [PathBuf; 3] {
    let with = |suffix: &str| {
        let mut name = path.as_os_str().to_os_string();
        name.push(suffix);
        PathBuf::from(name)
    };
    [path.to_path_buf(), with("-wal"), with("-shm")]
}

/// Creates the database file 0600 when it does not exist yet.
pub(crate) fn create_private(path: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    if !path.exists() {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .map(drop)
            .or_else(
                |e| if e.kind() == std::io::ErrorKind::AlreadyExists { Ok(()) } else { Err(e) },
            )
            .map_err(|e| StoreError::Io(format!("Could not create {}: {e}", path.display())))?;
    }
    let _ = path;
    Ok(())
}

/// Makes the database and its companions owner-only (best effort on files another user owns).
pub(crate) fn tighten(path: &Path) {
    #[cfg(unix)]
    for file in companions(path) {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(&file) {
            if meta.permissions().mode() & 0o077 != 0 {
                let _ = std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = companions(path);
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use crate::Store;

    #[test]
    fn the_database_and_its_companions_are_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("qrdesk.sqlite3");
        let store = Store::open(&db).unwrap();
        store.counts().unwrap();
        for file in super::companions(&db) {
            if let Ok(meta) = std::fs::metadata(&file) {
                assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{}", file.display());
            }
        }
        drop(store);
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
        let _again = Store::open(&db).unwrap();
        let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "an existing database is tightened");
    }
}
