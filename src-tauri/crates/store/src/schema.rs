//! Opening a database: pragmas, embedded migrations, and refusing databases from the future.

use std::path::Path;

use include_dir::{include_dir, Dir};
use rusqlite::Connection;
use rusqlite_migration::{MigrationDefinitionError, Migrations};
use std::sync::LazyLock;

use crate::error::StoreError;

static MIGRATIONS_DIR: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/migrations");

// Folders are named `NN-name/up.sql`; the folder is compiled in and checked by the
// `migrations_are_valid` test, so the error arm is unreachable in a tested build.
static MIGRATIONS: LazyLock<Result<Migrations<'static>, String>> =
    LazyLock::new(|| Migrations::from_directory(&MIGRATIONS_DIR).map_err(|e| e.to_string()));

/// The schema version this build writes (number of embedded migrations).
pub const LATEST_SCHEMA_VERSION: u32 = 9;

pub(crate) fn open_file(path: &Path) -> Result<Connection, StoreError> {
    crate::private_files::create_private(path)?;
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    let conn = prepare(conn)?;
    crate::private_files::tighten(path);
    Ok(conn)
}

pub(crate) fn open_memory() -> Result<Connection, StoreError> {
    prepare(Connection::open_in_memory()?)
}

fn prepare(mut conn: Connection) -> Result<Connection, StoreError> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // A small page cache while idle (the app stays open for days); a list pass raises it for
    // its bulk writes with `Store::bulk_mode`.
    conn.pragma_update(None, "cache_size", -(crate::IDLE_CACHE_MB * 1000))?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    let found = user_version(&conn)?;
    if found > LATEST_SCHEMA_VERSION {
        return Err(StoreError::TooNew { found, supported: LATEST_SCHEMA_VERSION });
    }
    let migrations = MIGRATIONS.as_ref().map_err(|e| StoreError::Migration(e.clone()))?;
    migrations.to_latest(&mut conn).map_err(|e| match e {
        rusqlite_migration::Error::MigrationDefinition(
            MigrationDefinitionError::DatabaseTooFarAhead,
        ) => StoreError::TooNew { found, supported: LATEST_SCHEMA_VERSION },
        other => StoreError::Migration(other.to_string()),
    })?;
    // A bulk import that never finished (the process was killed) left the search index off.
    crate::search_index::finish_deferral(&conn)?;
    Ok(conn)
}

pub(crate) fn user_version(conn: &Connection) -> Result<u32, StoreError> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(v.max(0) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        let m = Migrations::from_directory(&MIGRATIONS_DIR).expect("migrations folder parses");
        m.validate().expect("migrations apply cleanly");
        assert_eq!(MIGRATIONS_DIR.dirs().count() as u32, LATEST_SCHEMA_VERSION);
    }
}
