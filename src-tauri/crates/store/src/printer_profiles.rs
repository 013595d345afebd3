//! The `printer_profiles` table: a printer's measured offset (mm) and scale by name
//! (case-insensitive). The app checks the values against the calibration limits.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::StoreError;
use crate::timestamps::ts;

/// A stored printer profile.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileRow {
    pub name: String,
    /// Moves the print right and down (mm).
    pub offset: (f64, f64),
    /// Scales the print about the page's top-left corner.
    pub scale: (f64, f64),
}

/// Adds `row`, or replaces the profile of the same name (any case).
pub fn save(conn: &Connection, row: &ProfileRow, now: DateTime<Utc>) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO printer_profiles (name, offset_x, offset_y, scale_x, scale_y, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (name) DO UPDATE SET name = excluded.name, offset_x = excluded.offset_x,
             offset_y = excluded.offset_y, scale_x = excluded.scale_x,
             scale_y = excluded.scale_y, updated_at = excluded.updated_at",
        params![row.name, row.offset.0, row.offset.1, row.scale.0, row.scale.1, ts(now)],
    )?;
    Ok(())
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ProfileRow> {
    Ok(ProfileRow {
        name: r.get(0)?,
        offset: (r.get(1)?, r.get(2)?),
        scale: (r.get(3)?, r.get(4)?),
    })
}

const COLUMNS: &str = "name, offset_x, offset_y, scale_x, scale_y";

/// The profile named `name` (any case).
pub fn get(conn: &Connection, name: &str) -> Result<Option<ProfileRow>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM printer_profiles WHERE name = ?1");
    Ok(conn.query_row(&sql, [name], from_row).optional()?)
}

/// Every profile, by name.
pub fn list(conn: &Connection) -> Result<Vec<ProfileRow>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM printer_profiles ORDER BY name COLLATE NOCASE");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Removes the profile named `name` (any case); `false` when there was none.
pub fn remove(conn: &Connection, name: &str) -> Result<bool, StoreError> {
    Ok(conn.execute("DELETE FROM printer_profiles WHERE name = ?1", [name])? > 0)
}
