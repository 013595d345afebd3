//! The `campaigns` and `campaign_rows` tables: a campaign's account, status and settings (JSON,
//! kept as given; the app decides what they mean), and each row with its serial, name,
//! destination, the code made for it, or why none was. Reading a campaign's rows joins each to
//! its code's remote id, short link and scans as last synced.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::StoreError;
use crate::timestamps::{parse_ts, ts};

/// A stored campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignRow {
    pub id: i64,
    pub name: String,
    pub account: i64,
    pub created_at: DateTime<Utc>,
    /// `waiting` or `printed`.
    pub status: String,
    pub settings: String,
    pub print_job: Option<i64>,
}

/// One row of a campaign as written.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCampaignLine {
    pub row: u64,
    pub serial: Option<u64>,
    pub name: String,
    pub destination: String,
    pub code: Option<i64>,
    pub problem: Option<String>,
}

/// One row of a campaign as read, with its code as last synced.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignLine {
    pub row: u64,
    pub serial: Option<u64>,
    pub name: String,
    pub destination: String,
    pub code: Option<i64>,
    pub problem: Option<String>,
    /// The code's id on the service (`None` until the service confirmed the create).
    pub remote_id: Option<String>,
    /// The short link the label carries (empty until confirmed).
    pub short_link: String,
    pub scans_total: Option<i64>,
}

fn int(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// Records a campaign and its rows; returns its id. Call inside the transaction that creates
/// the rows' codes, so all of it lands together.
pub fn insert(
    conn: &Connection,
    name: &str,
    account: i64,
    settings: &str,
    lines: &[NewCampaignLine],
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO campaigns (name, account_id, created_at, status, settings)
         VALUES (?1, ?2, ?3, 'waiting', ?4)",
        params![name, account, ts(now), settings],
    )?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn.prepare_cached(
        "INSERT INTO campaign_rows (campaign_id, row, serial, name, destination, code_id, problem)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for l in lines {
        stmt.execute(params![
            id,
            int(l.row),
            l.serial.map(int),
            l.name,
            l.destination,
            l.code,
            l.problem
        ])?;
    }
    Ok(id)
}

type Raw = (i64, String, i64, String, String, String, Option<i64>);

fn raw(r: &rusqlite::Row<'_>) -> rusqlite::Result<Raw> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
}

fn campaign(
    (id, name, account, created, status, settings, print_job): Raw,
) -> Result<CampaignRow, StoreError> {
    Ok(CampaignRow {
        id,
        name,
        account,
        created_at: parse_ts(&created)?,
        status,
        settings,
        print_job,
    })
}

const COLUMNS: &str = "id, name, account_id, created_at, status, settings, print_job_id";

/// The campaign `id`.
pub fn get(conn: &Connection, id: i64) -> Result<Option<CampaignRow>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM campaigns WHERE id = ?1");
    conn.query_row(&sql, [id], raw).optional()?.map(campaign).transpose()
}

/// Every campaign, newest first.
pub fn list(conn: &Connection) -> Result<Vec<CampaignRow>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM campaigns ORDER BY id DESC");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], raw)?.collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().map(campaign).collect()
}

/// The rows of campaign `id` in row order, each with its code as last synced.
pub fn lines(conn: &Connection, id: i64) -> Result<Vec<CampaignLine>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT r.row, r.serial, r.name, r.destination, r.code_id, r.problem,
                c.remote_id, COALESCE(c.content, ''), c.scans_total
         FROM campaign_rows r LEFT JOIN codes c ON c.id = r.code_id
         WHERE r.campaign_id = ?1 ORDER BY r.row",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(CampaignLine {
                row: r.get::<_, i64>(0)?.max(0) as u64,
                serial: r.get::<_, Option<i64>>(1)?.map(|s| s.max(0) as u64),
                name: r.get(2)?,
                destination: r.get(3)?,
                code: r.get(4)?,
                problem: r.get(5)?,
                remote_id: r.get(6)?,
                short_link: r.get(7)?,
                scans_total: r.get(8)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Marks campaign `id` printed by print job `job`.
pub fn mark_printed(conn: &Connection, id: i64, job: i64) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE campaigns SET status = 'printed', print_job_id = ?2 WHERE id = ?1",
        params![id, job],
    )?;
    Ok(())
}

/// Scans per day over every code of campaign `id` (as last synced), oldest day first.
pub fn scans_by_day(conn: &Connection, id: i64) -> Result<Vec<(String, i64)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT d.day, SUM(d.scans) FROM campaign_rows r JOIN scan_days d ON d.code_id = r.code_id
         WHERE r.campaign_id = ?1 GROUP BY d.day ORDER BY d.day",
    )?;
    let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}
