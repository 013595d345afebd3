//! Switching the full-text index and the library's order indexes off for a bulk import and
//! building them once afterwards.
//!
//! Keeping FTS5 current row by row costs about half of a first sync's ingest time, even a trigger
//! that decides not to run makes every insert keep a statement journal, and the two name indexes
//! (`codes_by_account`, `codes_by_name`) take each insert to a random place in a B-tree. A list
//! pass into an empty account therefore defers them — the flag in `search_index` is set, the
//! three triggers that maintain `codes_fts` and the two name indexes are dropped — and rebuilds
//! them when the pass ends (or fails, or is cancelled), in one transaction; opening the database
//! does the same, in case the process was killed. While deferred, searches may miss codes from the
//! import in progress and the library sorts instead of reading an index; nothing else changes.
//!
//! The triggers and indexes are recreated from the text of the migrations that made them (02 and
//! 09), so there is one definition of each; a test compares the schema before deferring and after
//! finishing. A later migration that changed them would have to say how they are recreated here.

use rusqlite::Connection;

use crate::error::StoreError;

/// The migration that created the triggers keeping `codes_fts` current.
const MIGRATION_02: &str = include_str!("../migrations/02-deferred-search-index/up.sql");
/// The migration that created the library's order indexes.
const MIGRATION_09: &str = include_str!("../migrations/09-library-order/up.sql");

/// The statements of `migration` that begin with `start` and end with `end`, in order.
fn statements(migration: &str, start: &str, end: &str) -> String {
    migration
        .split(start)
        .skip(1)
        .filter_map(|rest| rest.find(end).map(|at| format!("{start}{}{end}\n", &rest[..at])))
        .collect()
}

/// Everything a bulk import drops, recreated: the FTS triggers and the name indexes.
fn deferred_schema() -> String {
    statements(MIGRATION_02, "CREATE TRIGGER", "END;")
        + &statements(MIGRATION_09, "CREATE INDEX", ";")
}

/// What a bulk import drops (idempotent).
const DROPPED: &str = "
    DROP TRIGGER IF EXISTS codes_fts_insert;
    DROP TRIGGER IF EXISTS codes_fts_delete;
    DROP TRIGGER IF EXISTS codes_fts_update;
    DROP INDEX IF EXISTS codes_by_account;
    DROP INDEX IF EXISTS codes_by_name;
";

/// Stops maintaining the search index and the name indexes until [`finish_deferral`] (call
/// inside a transaction).
pub fn defer(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(&format!("UPDATE search_index SET deferred = 1 WHERE id = 1; {DROPPED}"))?;
    Ok(())
}

/// Whether the index is currently deferred.
pub fn is_deferred(conn: &Connection) -> Result<bool, StoreError> {
    let deferred: i64 =
        conn.query_row("SELECT deferred FROM search_index WHERE id = 1", [], |r| r.get(0))?;
    Ok(deferred != 0)
}

/// Rebuilds the search index from the codes table, recreates its triggers and the name indexes,
/// and turns row-by-row maintenance back on, atomically. Does nothing when the index is not
/// deferred. Returns whether a rebuild happened.
pub fn finish_deferral(conn: &Connection) -> Result<bool, StoreError> {
    if !is_deferred(conn)? {
        return Ok(false);
    }
    // A savepoint works both inside a caller's transaction and on its own.
    conn.execute_batch("SAVEPOINT search_index_rebuild")?;
    let recreated = deferred_schema();
    let rebuilt = conn.execute_batch(&format!(
        "INSERT INTO codes_fts (codes_fts) VALUES ('rebuild');
         {DROPPED}
         {recreated}
         UPDATE search_index SET deferred = 0 WHERE id = 1;"
    ));
    match rebuilt {
        Ok(()) => conn.execute_batch("RELEASE search_index_rebuild")?,
        Err(e) => {
            conn.execute_batch("ROLLBACK TO search_index_rebuild; RELEASE search_index_rebuild")?;
            return Err(e.into());
        }
    }
    Ok(true)
}
