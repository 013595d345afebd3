//! Daily scans and breakdowns per code.

use chrono::{DateTime, NaiveDate, Utc};
use qrdesk_core::{Breakdown, BreakdownKind, CodeId, DailyScans, ScanSeries};
use rusqlite::{params, Connection};

use crate::error::StoreError;
use crate::timestamps::ts;

/// Replaces the days of `series` inside its window and all breakdowns, and remembers when the
/// analytics were fetched and the list's scan total at that moment (change detection).
pub fn store_series(
    conn: &Connection,
    code: CodeId,
    from: NaiveDate,
    to: NaiveDate,
    series: &ScanSeries,
    list_scans_total: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.execute(
        "DELETE FROM scan_days WHERE code_id = ?1 AND day BETWEEN ?2 AND ?3",
        params![code, from.to_string(), to.to_string()],
    )?;
    {
        let mut ins = conn.prepare_cached(
            "INSERT OR REPLACE INTO scan_days (code_id, day, scans, unique_scans) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for d in &series.days {
            ins.execute(params![code, d.date.to_string(), d.scans, d.unique_scans])?;
        }
    }
    conn.execute("DELETE FROM scan_breakdowns WHERE code_id = ?1", [code])?;
    {
        let mut ins = conn.prepare_cached(
            "INSERT OR REPLACE INTO scan_breakdowns (code_id, kind, label, scans) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for b in &series.breakdowns {
            ins.execute(params![code, b.kind.as_str(), b.label, b.scans])?;
        }
    }
    conn.execute(
        "UPDATE codes SET analytics_fetched_at = ?2, analytics_scans_total = ?3 WHERE id = ?1",
        params![code, ts(now), list_scans_total],
    )?;
    if list_scans_total.is_none() {
        // The list gave no total (ExaRoutes): the total is the window's, and says so.
        let total = series.total_scans.unwrap_or_else(|| series.days.iter().map(|d| d.scans).sum());
        let days = (to - from).num_days() + 1;
        conn.execute(
            "UPDATE codes SET scans_total = ?2, scans_window_days = ?3 WHERE id = ?1",
            params![code, total, days],
        )?;
    }
    Ok(())
}

/// The cached series of a code between two days (inclusive), with its breakdowns.
pub fn load_series(
    conn: &Connection,
    code: CodeId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<ScanSeries, StoreError> {
    let mut days_stmt = conn.prepare_cached(
        "SELECT day, scans, unique_scans FROM scan_days WHERE code_id = ?1 AND day BETWEEN ?2 AND ?3 ORDER BY day",
    )?;
    let days = days_stmt
        .query_map(params![code, from.to_string(), to.to_string()], |r| {
            Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?))
        })?
        .map(|row| {
            let (day, scans, unique_scans) = row?;
            let date = NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                .map_err(|e| StoreError::Corrupt(format!("scan day {day:?}: {e}")))?;
            Ok(DailyScans { date, scans, unique_scans })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let mut b_stmt = conn.prepare_cached(
        "SELECT kind, label, scans FROM scan_breakdowns WHERE code_id = ?1 ORDER BY kind, scans DESC, label",
    )?;
    let breakdowns = b_stmt
        .query_map([code], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)))?
        .filter_map(|row| match row {
            Ok((kind, label, scans)) => {
                BreakdownKind::parse(&kind).map(|kind| Ok(Breakdown { kind, label, scans }))
            }
            Err(e) => Some(Err(StoreError::from(e))),
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let total: i64 = days.iter().map(|d| d.scans).sum();
    let unique: Option<i64> = days.iter().map(|d| d.unique_scans).sum();
    Ok(ScanSeries { total_scans: Some(total), unique_scans: unique, days, breakdowns })
}
