//! The print history: `print_jobs` (one row per job: source, settings as JSON, counts, output)
//! and `print_job_labels` (every label placed). The app decides what the settings hold and how a
//! reprint uses them; the store keeps them whole, a job and its labels in one transaction.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::StoreError;
use crate::timestamps::{parse_ts, ts};

/// A job as recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct JobRow {
    pub id: i64,
    pub created_at: DateTime<Utc>,
    /// What it printed from, in words (a CSV path, an account and search, an id list …).
    pub source: String,
    pub source_sha256: Option<String>,
    pub layout: String,
    pub style: Option<String>,
    /// The app's settings, JSON.
    pub settings: String,
    pub rows: u64,
    pub codes: u64,
    pub pages: u64,
    pub output: String,
}

/// One label of a job.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelRow {
    pub row: u64,
    pub serial: u64,
    pub page: u64,
    pub slot: u32,
    pub payload: String,
    pub caption: String,
    pub frame: String,
    /// The label design's field texts as printed (empty without a design).
    pub fields: Vec<String>,
}

fn int(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// Records `job` (its `id` is ignored) and its labels; returns the new id. Call inside a
/// transaction so the job and its labels land together.
/// Records a job and its labels, in order; the labels may come from anywhere (a list, or a log
/// on disk for jobs too large to hold in memory), and the first failure stops the insert.
pub fn insert<E: From<StoreError>>(
    conn: &Connection,
    job: &JobRow,
    labels: impl IntoIterator<Item = Result<LabelRow, E>>,
) -> Result<i64, E> {
    conn.execute(
        "INSERT INTO print_jobs (created_at, source, source_sha256, layout, style, settings, rows,
             codes, pages, output)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            ts(job.created_at),
            job.source,
            job.source_sha256,
            job.layout,
            job.style,
            job.settings,
            int(job.rows),
            int(job.codes),
            int(job.pages),
            job.output
        ],
    )
    .map_err(StoreError::from)?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn
        .prepare_cached(
            "INSERT INTO print_job_labels (job_id, seq, row, serial, page, slot, payload, caption,
             frame, fields) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )
        .map_err(StoreError::from)?;
    for (seq, l) in labels.into_iter().enumerate() {
        let l = l?;
        stmt.execute(params![
            id,
            seq as i64,
            int(l.row),
            int(l.serial),
            int(l.page),
            l.slot,
            l.payload,
            l.caption,
            l.frame,
            serde_json::to_string(&l.fields).unwrap_or_else(|_| "[]".into())
        ])
        .map_err(StoreError::from)?;
    }
    Ok(id)
}

const JOB_COLUMNS: &str = "id, created_at, source, source_sha256, layout, style, settings, rows, \
                           codes, pages, output";

fn job_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<(JobRow, String)> {
    let created: String = r.get(1)?;
    Ok((
        JobRow {
            id: r.get(0)?,
            created_at: DateTime::<Utc>::UNIX_EPOCH,
            source: r.get(2)?,
            source_sha256: r.get(3)?,
            layout: r.get(4)?,
            style: r.get(5)?,
            settings: r.get(6)?,
            rows: r.get::<_, i64>(7)?.max(0) as u64,
            codes: r.get::<_, i64>(8)?.max(0) as u64,
            pages: r.get::<_, i64>(9)?.max(0) as u64,
            output: r.get(10)?,
        },
        created,
    ))
}

fn with_time((mut job, created): (JobRow, String)) -> Result<JobRow, StoreError> {
    job.created_at = parse_ts(&created)?;
    Ok(job)
}

/// The most recent jobs first, at most `limit`.
pub fn list(conn: &Connection, limit: u32) -> Result<Vec<JobRow>, StoreError> {
    let sql = format!("SELECT {JOB_COLUMNS} FROM print_jobs ORDER BY id DESC LIMIT ?1");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([limit], job_of)?.collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().map(with_time).collect()
}

/// The job `id`.
pub fn get(conn: &Connection, id: i64) -> Result<Option<JobRow>, StoreError> {
    let sql = format!("SELECT {JOB_COLUMNS} FROM print_jobs WHERE id = ?1");
    conn.query_row(&sql, [id], job_of).optional()?.map(with_time).transpose()
}

/// Every label of job `id`, in the order printed.
pub fn labels(conn: &Connection, id: i64) -> Result<Vec<LabelRow>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT row, serial, page, slot, payload, caption, frame, fields FROM print_job_labels
         WHERE job_id = ?1 ORDER BY seq",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(LabelRow {
                row: r.get::<_, i64>(0)?.max(0) as u64,
                serial: r.get::<_, i64>(1)?.max(0) as u64,
                page: r.get::<_, i64>(2)?.max(0) as u64,
                slot: r.get(3)?,
                payload: r.get(4)?,
                caption: r.get(5)?,
                frame: r.get(6)?,
                fields: serde_json::from_str(&r.get::<_, String>(7)?).unwrap_or_default(),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The first and last serial job `id` printed (`(0, 0)` when it printed none).
pub fn serial_range(conn: &Connection, id: i64) -> Result<(u64, u64), StoreError> {
    let (lo, hi): (Option<i64>, Option<i64>) = conn.query_row(
        "SELECT min(serial), max(serial) FROM print_job_labels WHERE job_id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok((lo.unwrap_or(0).max(0) as u64, hi.unwrap_or(0).max(0) as u64))
}
