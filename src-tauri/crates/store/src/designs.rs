//! The `designs` and `design_fonts` tables: label designs by name (case-insensitive), each as its
//! design file's TOML text plus its own copy of every font file it names. The store keeps the
//! text as given; the print engine parses and checks it, and the app decides what a valid
//! design is.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::StoreError;
use crate::timestamps::{parse_ts, ts};

/// A stored design.
#[derive(Debug, Clone, PartialEq)]
pub struct DesignRow {
    pub name: String,
    /// The design file's keys, as TOML.
    pub spec: String,
    /// Every font file the design names: the name as the design writes it, and the bytes.
    pub fonts: Vec<(String, Vec<u8>)>,
    pub updated_at: DateTime<Utc>,
}

/// Adds `row`, or replaces the design of the same name (any case), fonts included; call inside
/// a transaction so the design and its fonts change together.
pub fn save(conn: &Connection, row: &DesignRow, now: DateTime<Utc>) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO designs (name, spec, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)
         ON CONFLICT (name) DO UPDATE SET name = excluded.name, spec = excluded.spec,
             updated_at = excluded.updated_at",
        params![row.name, row.spec, ts(now)],
    )?;
    conn.execute("DELETE FROM design_fonts WHERE design = ?1", [&row.name])?;
    let mut stmt = conn
        .prepare_cached("INSERT INTO design_fonts (design, file_name, data) VALUES (?1, ?2, ?3)")?;
    for (file, data) in &row.fonts {
        stmt.execute(params![row.name, file, data])?;
    }
    Ok(())
}

fn fonts_of(conn: &Connection, name: &str) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT file_name, data FROM design_fonts WHERE design = ?1 ORDER BY file_name",
    )?;
    let rows = stmt.query_map([name], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

fn to_design(
    conn: &Connection,
    (name, spec, updated_at): (String, String, String),
) -> Result<DesignRow, StoreError> {
    let fonts = fonts_of(conn, &name)?;
    Ok(DesignRow { name, spec, fonts, updated_at: parse_ts(&updated_at)? })
}

/// The design named `name` (any case).
pub fn get(conn: &Connection, name: &str) -> Result<Option<DesignRow>, StoreError> {
    let row = conn
        .query_row("SELECT name, spec, updated_at FROM designs WHERE name = ?1", [name], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    row.map(|r| to_design(conn, r)).transpose()
}

/// Every design, by name.
pub fn list(conn: &Connection) -> Result<Vec<DesignRow>, StoreError> {
    let mut stmt =
        conn.prepare("SELECT name, spec, updated_at FROM designs ORDER BY name COLLATE NOCASE")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().map(|r| to_design(conn, r)).collect()
}

/// Removes the design named `name` (any case) and its fonts; `false` when there was none.
pub fn remove(conn: &Connection, name: &str) -> Result<bool, StoreError> {
    Ok(conn.execute("DELETE FROM designs WHERE name = ?1", [name])? > 0)
}
