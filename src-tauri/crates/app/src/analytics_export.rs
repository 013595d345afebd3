//! `qrdesk analytics export`: scans from the local cache (no network) as a CSV a spreadsheet
//! opens — one row per code per day, with the campaign row and serial where the code came from
//! a campaign — and the breakdowns (country, device …) as a second file when the service gave
//! any. Both are written whole or not at all.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use qrdesk_core::{AccountId, AppError, QrCode};
use qrdesk_store::analytics::load_series;
use qrdesk_store::campaigns;
use qrdesk_store::codes::{self, CodeFilter};

use crate::atomic_file::write_atomically;
use crate::context::AppContext;

/// Which codes to export.
#[derive(Debug, Clone)]
pub enum ExportScope {
    Campaign(i64),
    Account { account: AccountId, search: Option<String> },
}

/// What was written.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ExportReport {
    pub codes: u64,
    /// Data rows in the CSV (code × day).
    pub rows: u64,
    pub files: Vec<PathBuf>,
}

fn csv_bytes(rows: &[Vec<String>]) -> Result<Vec<u8>, AppError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.write_record(r).map_err(|e| AppError::io(format!("Could not write the CSV: {e}")))?;
    }
    w.into_inner().map_err(|e| AppError::io(format!("Could not write the CSV: {e}")))
}

/// Writes the scans of `scope` between `from` and `to` (inclusive) to `out`, and the
/// breakdowns next to it (`<name>-breakdowns.csv`) when there are any.
pub fn export_analytics(
    ctx: &AppContext,
    scope: &ExportScope,
    from: NaiveDate,
    to: NaiveDate,
    out: &Path,
) -> Result<ExportReport, AppError> {
    if from > to {
        return Err(AppError::bad_input(format!(
            "--from {from} is after --to {to}; give the earlier day first"
        )));
    }
    if out.is_dir() {
        return Err(AppError::bad_input(format!(
            "{} is a folder; give the CSV file's name, like {}/scans.csv",
            out.display(),
            out.display()
        )));
    }
    // Each code with its campaign row and serial, when it has them.
    let mut place: HashMap<i64, (u64, Option<u64>)> = HashMap::new();
    let codes: Vec<QrCode> = match scope {
        ExportScope::Campaign(id) => {
            if ctx.store().read(|c| campaigns::get(c, *id))?.is_none() {
                return Err(AppError::bad_input(format!(
                    "There is no campaign #{id}. `qrdesk campaign list` lists them."
                )));
            }
            let lines = ctx.store().read(|c| campaigns::lines(c, *id))?;
            let mut out = Vec::new();
            for l in lines {
                let Some(code) = l.code else { continue };
                place.insert(code, (l.row, l.serial));
                out.push(ctx.store().read(|c| codes::get(c, code))?);
            }
            out
        }
        ExportScope::Account { account, search } => {
            let filter = CodeFilter {
                account: Some(*account),
                search: search.clone(),
                ..CodeFilter::default()
            };
            ctx.store().read(|c| codes::list(c, &filter))?
        }
    };
    let mut rows = vec![[
        "code_id",
        "name",
        "short_link",
        "destination",
        "campaign_row",
        "serial",
        "day",
        "scans",
        "unique_scans",
    ]
    .map(String::from)
    .to_vec()];
    let mut breakdowns =
        vec![["code_id", "name", "kind", "label", "scans"].map(String::from).to_vec()];
    for code in &codes {
        let series = ctx.store().read(|c| load_series(c, code.id, from, to))?;
        let (row, serial) =
            place.get(&code.id).copied().map_or((None, None), |(r, s)| (Some(r), s));
        for d in &series.days {
            rows.push(vec![
                code.id.to_string(),
                code.name.clone(),
                code.content.clone(),
                code.destination.clone(),
                row.map(|r| r.to_string()).unwrap_or_default(),
                serial.map(|s| s.to_string()).unwrap_or_default(),
                d.date.to_string(),
                d.scans.to_string(),
                d.unique_scans.map(|u| u.to_string()).unwrap_or_default(),
            ]);
        }
        for b in &series.breakdowns {
            breakdowns.push(vec![
                code.id.to_string(),
                code.name.clone(),
                b.kind.as_str().to_string(),
                b.label.clone(),
                b.scans.to_string(),
            ]);
        }
    }
    let mut files = Vec::new();
    write_atomically(out, &csv_bytes(&rows)?)?;
    files.push(out.to_path_buf());
    if breakdowns.len() > 1 {
        let stem = out.file_stem().map_or("scans".into(), |s| s.to_string_lossy().into_owned());
        let second = out.with_file_name(format!("{stem}-breakdowns.csv"));
        write_atomically(&second, &csv_bytes(&breakdowns)?)?;
        files.push(second);
    }
    Ok(ExportReport { codes: codes.len() as u64, rows: rows.len() as u64 - 1, files })
}

/// Every cached day of campaign `id`'s scans to `out` (the Campaigns page's Export CSV).
pub fn export_campaign_scans(
    ctx: &AppContext,
    id: i64,
    out: &Path,
) -> Result<ExportReport, AppError> {
    let today = ctx.now().date_naive();
    let report = export_analytics(ctx, &ExportScope::Campaign(id), NaiveDate::MIN, today, out)?;
    ctx.jobs().remember_written(out);
    Ok(report)
}
