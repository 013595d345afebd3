//! Switching the full-text index off for a bulk import and rebuilding it once afterwards.
//!
//! Keeping FTS5 current row by row costs about half of a first sync's ingest time. A list pass
//! into an empty account therefore defers the index and rebuilds it when the pass ends (or fails,
//! or is cancelled); opening the database rebuilds it too, in case the process was killed. While
//! deferred, searches may miss codes from the import in progress; nothing else is affected.

use rusqlite::Connection;

use crate::error::StoreError;

/// Stops maintaining the search index until [`finish_deferral`].
pub fn defer(conn: &Connection) -> Result<(), StoreError> {
    conn.execute("UPDATE search_index SET deferred = 1 WHERE id = 1", [])?;
    Ok(())
}

/// Whether the index is currently deferred.
pub fn is_deferred(conn: &Connection) -> Result<bool, StoreError> {
    let deferred: i64 =
        conn.query_row("SELECT deferred FROM search_index WHERE id = 1", [], |r| r.get(0))?;
    Ok(deferred != 0)
}

/// Rebuilds the index from the codes table and turns row-by-row maintenance back on, atomically.
/// Does nothing when the index is not deferred. Returns whether a rebuild happened.
pub fn finish_deferral(conn: &Connection) -> Result<bool, StoreError> {
    if !is_deferred(conn)? {
        return Ok(false);
    }
    // A savepoint works both inside a caller's transaction and on its own.
    conn.execute_batch("SAVEPOINT search_index_rebuild")?;
    let rebuilt = conn.execute_batch(
        "INSERT INTO codes_fts (codes_fts) VALUES ('rebuild');
         UPDATE search_index SET deferred = 0 WHERE id = 1;",
    );
    match rebuilt {
        Ok(()) => conn.execute_batch("RELEASE search_index_rebuild")?,
        Err(e) => {
            conn.execute_batch("ROLLBACK TO search_index_rebuild; RELEASE search_index_rebuild")?;
            return Err(e.into());
        }
    }
    Ok(true)
}
