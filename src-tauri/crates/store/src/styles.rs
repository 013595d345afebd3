//! The `styles` table: brand styles by name (case-insensitive), each as its style file's TOML
//! text plus its own copy of the logo. The store keeps the text as given; the print engine
//! parses and checks it, and the app decides what a valid style is.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::StoreError;
use crate::timestamps::{parse_ts, ts};

/// A stored style.
#[derive(Debug, Clone, PartialEq)]
pub struct StyleRow {
    pub name: String,
    /// The style file's keys, as TOML.
    pub spec: String,
    /// The logo's file name and bytes, when the style has one.
    pub logo: Option<(String, Vec<u8>)>,
    pub updated_at: DateTime<Utc>,
}

/// Adds `row`, or replaces the style of the same name (any case); `updated_at` becomes `now`.
pub fn save(conn: &Connection, row: &StyleRow, now: DateTime<Utc>) -> Result<(), StoreError> {
    let (logo_name, logo) = match &row.logo {
        Some((n, b)) => (Some(n.as_str()), Some(b.as_slice())),
        None => (None, None),
    };
    conn.execute(
        "INSERT INTO styles (name, spec, logo_name, logo, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)
         ON CONFLICT (name) DO UPDATE SET name = excluded.name, spec = excluded.spec,
             logo_name = excluded.logo_name, logo = excluded.logo, updated_at = excluded.updated_at",
        params![row.name, row.spec, logo_name, logo, ts(now)],
    )?;
    Ok(())
}

/// A row as read: name, spec, logo name, logo bytes, updated at.
type RawRow = (String, String, Option<String>, Option<Vec<u8>>, String);

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn to_style((name, spec, logo_name, logo, updated_at): RawRow) -> Result<StyleRow, StoreError> {
    Ok(StyleRow { name, spec, logo: logo_name.zip(logo), updated_at: parse_ts(&updated_at)? })
}

/// The style named `name` (any case).
pub fn get(conn: &Connection, name: &str) -> Result<Option<StyleRow>, StoreError> {
    let row = conn
        .query_row(
            "SELECT name, spec, logo_name, logo, updated_at FROM styles WHERE name = ?1",
            [name],
            from_row,
        )
        .optional()?;
    row.map(to_style).transpose()
}

/// Every style, by name.
pub fn list(conn: &Connection) -> Result<Vec<StyleRow>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT name, spec, logo_name, logo, updated_at FROM styles ORDER BY name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().map(to_style).collect()
}

/// Removes the style named `name` (any case); `false` when there was none.
pub fn remove(conn: &Connection, name: &str) -> Result<bool, StoreError> {
    Ok(conn.execute("DELETE FROM styles WHERE name = ?1", [name])? > 0)
}
