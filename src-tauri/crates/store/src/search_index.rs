//! Switching the full-text index off for a bulk import and rebuilding it once afterwards.
//!
//! Keeping FTS5 current row by row costs about half of a first sync's ingest time, and even a
//! trigger that decides not to run makes every insert keep a statement journal. A list pass into
//! an empty account therefore defers the index — the flag in `search_index` is set and the three
//! triggers that maintain `codes_fts` are dropped — and rebuilds it when the pass ends (or
//! fails, or is cancelled), recreating the triggers in the same transaction; opening the database
//! does the same, in case the process was killed. While deferred, searches may miss codes from
//! the import in progress; nothing else is affected.
//!
//! The triggers are recreated from migration 02's own text (a test compares the schema before
//! deferring and after finishing); a later migration that changed them would have to say how
//! they are recreated here.

use rusqlite::Connection;

use crate::error::StoreError;

/// The migration that created the triggers keeping `codes_fts` current; they are recreated from
/// its own text, so there is one definition of them.
const MIGRATION_02: &str = include_str!("../migrations/02-deferred-search-index/up.sql");

/// The `CREATE TRIGGER … END;` statements of [`MIGRATION_02`], in order.
fn triggers() -> String {
    MIGRATION_02
        .split("CREATE TRIGGER")
        .skip(1)
        .filter_map(|rest| {
            rest.find("END;").map(|end| format!("CREATE TRIGGER{}END;\n", &rest[..end]))
        })
        .collect()
}

/// Stops maintaining the search index until [`finish_deferral`] (call inside a transaction).
pub fn defer(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(
        "UPDATE search_index SET deferred = 1 WHERE id = 1;
         DROP TRIGGER IF EXISTS codes_fts_insert;
         DROP TRIGGER IF EXISTS codes_fts_delete;
         DROP TRIGGER IF EXISTS codes_fts_update;",
    )?;
    Ok(())
}

/// Whether the index is currently deferred.
pub fn is_deferred(conn: &Connection) -> Result<bool, StoreError> {
    let deferred: i64 =
        conn.query_row("SELECT deferred FROM search_index WHERE id = 1", [], |r| r.get(0))?;
    Ok(deferred != 0)
}

/// Rebuilds the index from the codes table, recreates its triggers and turns row-by-row
/// maintenance back on, atomically. Does nothing when the index is not deferred. Returns whether
/// a rebuild happened.
pub fn finish_deferral(conn: &Connection) -> Result<bool, StoreError> {
    if !is_deferred(conn)? {
        return Ok(false);
    }
    // A savepoint works both inside a caller's transaction and on its own.
    conn.execute_batch("SAVEPOINT search_index_rebuild")?;
    let triggers = triggers();
    let rebuilt = conn.execute_batch(&format!(
        "INSERT INTO codes_fts (codes_fts) VALUES ('rebuild');
         DROP TRIGGER IF EXISTS codes_fts_insert;
         DROP TRIGGER IF EXISTS codes_fts_delete;
         DROP TRIGGER IF EXISTS codes_fts_update;
         {triggers}
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
